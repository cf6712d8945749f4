/**
 * Rules about scenario text that generation and validation must agree on: what a word is,
 * how much may be copied from a post, and what counts as a leftover placeholder. The rewrite
 * answer parser and the validate stage both read them here, so a scenario generation accepts
 * is never rejected by validation for a rule spelled differently.
 */

/** The rewrite may copy at most this many consecutive words from its source post. */
export const MAX_COPIED_WORDS = 8;

/** Lowercased words: runs of letters, digits and apostrophes (curly ones folded to straight). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

export function wordCount(text: string): number {
  return wordsOf(text).length;
}

/** Length of the longest run of consecutive words that `candidate` shares with `source`. */
export function longestCopiedRun(candidate: string, source: string): number {
  const a = wordsOf(candidate);
  const b = wordsOf(source);
  if (a.length === 0 || b.length === 0) return 0;
  // Classic longest-common-substring over words, one row at a time.
  let previous = new Array<number>(b.length + 1).fill(0);
  let best = 0;
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1]! + 1;
        if (current[j]! > best) best = current[j]!;
      }
    }
    previous = current;
  }
  return best;
}

/** Placeholder and mask tokens a model (or the filter's PII masks) can leave behind. */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\[[A-Z][A-Z0-9 _-]{1,30}\]/, // mask tokens such as [EMAIL] or [NAME REDACTED]
  /\[(?:name|redacted|removed|deleted|placeholder)\]/i,
  /\{\{?\s*[A-Za-z_][\w.]*\s*\}\}?/, // unrendered template variables: {city}, {{ name }}
  /<[A-Z][A-Z0-9_]{1,30}>/, // <PERSON>
  /\b(?:lorem ipsum|TODO|TBD|XXX+)\b/,
];

/** The first placeholder in `text`, or null. */
export function findPlaceholder(text: string): string | null {
  for (const pattern of PLACEHOLDER_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

export const SECOND_PERSON_PATTERN = /\b(you|your|you're|yourself)\b/i;
