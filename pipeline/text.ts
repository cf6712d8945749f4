/**
 * The text rules every stage shares, in one place: what a word is, how much a scenario may copy
 * from its post, how unequal its two options may be, and what counts as a leftover placeholder.
 * The filter counts words with them, the rewrite's answer parser enforces them, and validate
 * checks them, so a scenario generation accepts is never rejected by validation for a rule
 * spelled differently (tests/text-rules.test.ts runs the same inputs through every use).
 */

/**
 * A word: letters and digits, with apostrophes and hyphens inside it ("don't", "well-being",
 * "9-to-5" are one word each). Lowercased, curly apostrophes folded to straight ones.
 */
export const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").match(WORD) ?? [];
}

export function wordCount(text: string): number {
  return words(text).length;
}

/** The rewrite may copy at most this many consecutive words from its source post; validate rejects a longer run. */
export const MAX_COPIED_WORDS = 8;

/** Length of the longest run of consecutive words that `candidate` shares with `source`. */
export function longestCopiedRun(candidate: string, source: string): number {
  const a = words(candidate);
  const b = words(source);
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

/**
 * The two options of a scenario may differ in length (characters, trimmed) by at most this
 * factor: a longer option draws choices for its length alone.
 */
export const MAX_OPTION_LENGTH_RATIO = 1.6;

export function optionLengthRatio(first: string, second: string): number {
  const lengths = [first.trim().length, second.trim().length];
  return Math.max(...lengths) / Math.max(Math.min(...lengths), 1);
}

/** The situation a rewrite writes: this many words (validate's bounds are looser, for scenarios from elsewhere). */
export const SITUATION_WORDS = { min: 60, max: 180 } as const;

/** The masks the filter puts in place of personal data; language ID and dedup read past them. */
export const MASK_TOKENS = ['EMAIL', 'PHONE', 'URL', 'USER', 'SUBREDDIT', 'ADDRESS', 'NAME'] as const;
export const MASK_TOKEN_PATTERN = new RegExp(`\\[(?:${MASK_TOKENS.join('|')})\\]`, 'g');

/** Tokens that must never survive into a scenario: the filter's masks, template variables, filler. */
export const LEFTOVER_PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\[[A-Z][A-Z0-9 _-]{1,30}\]/, // mask tokens such as [EMAIL] or [NAME REDACTED]
  /\[(?:name|redacted|removed|deleted|placeholder)\]/i,
  /\{\{?\s*[A-Za-z_][\w.]*\s*\}\}?/, // unrendered template variables: {city}, {{ name }}
  /<[A-Z][A-Z0-9_]{1,30}>/, // <PERSON>
  /\b(?:lorem ipsum|TODO|TBD|XXX+)\b/,
];

/** The first leftover placeholder in `text`, or null. */
export function findPlaceholder(text: string): string | null {
  for (const pattern of LEFTOVER_PLACEHOLDER_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

/**
 * A cell a spreadsheet would run as a formula: it opens with =, +, -, @, a tab or a carriage
 * return (OWASP, "CSV Injection"). Scenario text must not open with one.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const SECOND_PERSON_PATTERN = /\b(you|your|you're|yourself)\b/i;
