/** Text checks shared by the rewrite answer schema and the offline provider. */

export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

export function wordCount(text: string): number {
  return words(text).length;
}

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

/** Placeholder tokens a model (or a PII mask) can leave behind: [NAME], {city}, <PERSON>, XXX. */
export const PLACEHOLDER_PATTERN = /\[[A-Z_ ]{2,}\]|\{[a-z_]+\}|<[A-Z_]{2,}>|\bX{3,}\b/;

export const SECOND_PERSON_PATTERN = /\b(you|your|you're|yourself)\b/i;
