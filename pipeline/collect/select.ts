/**
 * Which submissions collect keeps: the cheap selection on subreddit, date range, self posts,
 * removal and duplicate ids. The deeper checks (language, NSFW text, advice, near-duplicates)
 * are the filter stage's.
 *
 * Two steps. `prefilterLine` looks at a line's raw bytes and settles the common case — a post
 * from some other subreddit, ~95% of a monthly dump — without a JSON parse. It is conservative:
 * whenever the bytes do not settle a question it answers "parse", and `selectSubmission` decides
 * on the parsed record with the same rules.
 */
import { ValactError } from '../core/errors.ts';
import type { DumpSubmission } from './normalize.ts';
import { removalOf, type Removal } from '../removal.ts';

/** Why a well-formed submission was not written. */
export const SKIP_REASONS = [
  'wrong_subreddit',
  'out_of_date_range',
  'not_self_post',
  'removed',
  'deleted',
  'duplicate_id',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Why an input line could not be read as a submission at all. */
export const MALFORMED_REASONS = ['malformed_json', 'malformed_record'] as const;
export type MalformedReason = (typeof MALFORMED_REASONS)[number];

export interface Selection {
  /** Lower-cased subreddit names to keep. */
  subreddits: ReadonlySet<string>;
  /** Keep posts created at or after this epoch second; null for no bound. */
  afterUtc: number | null;
  /** Keep posts created before this epoch second; null for no bound. */
  beforeUtc: number | null;
  selfPostsOnly: boolean;
  skipRemoved: boolean;
}


const SUBREDDIT_KEY = Buffer.from('"subreddit":');
const CREATED_KEY = Buffer.from('"created_utc":');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

function skipSpaces(bytes: Buffer, at: number): number {
  while (at < bytes.length && (bytes[at] === SPACE || bytes[at] === TAB)) at += 1;
  return at;
}

/** Every `"created_utc":` value in the line as seconds, or null when one cannot be read. */
function createdValues(bytes: Buffer): number[] | null {
  const values: number[] = [];
  let at = bytes.indexOf(CREATED_KEY);
  while (at !== -1) {
    let cursor = skipSpaces(bytes, at + CREATED_KEY.length);
    const quoted = bytes[cursor] === QUOTE;
    if (quoted) cursor += 1;
    let seconds = 0;
    let digits = 0;
    while (cursor < bytes.length && bytes[cursor]! >= DIGIT_0 && bytes[cursor]! <= DIGIT_9 && digits < 15) {
      seconds = seconds * 10 + (bytes[cursor]! - DIGIT_0);
      cursor += 1;
      digits += 1;
    }
    if (digits === 0) return null;
    // A fraction (1672531200.0) does not change the whole second we compare on.
    if (bytes[cursor] === DOT) cursor += 1;
    while (cursor < bytes.length && bytes[cursor]! >= DIGIT_0 && bytes[cursor]! <= DIGIT_9) cursor += 1;
    if (quoted && bytes[cursor] !== QUOTE) return null;
    values.push(seconds);
    at = bytes.indexOf(CREATED_KEY, cursor);
  }
  return values;
}

function inDateRange(seconds: number, selection: Selection): boolean {
  if (selection.afterUtc !== null && seconds < selection.afterUtc) return false;
  if (selection.beforeUtc !== null && seconds >= selection.beforeUtc) return false;
  return true;
}

/** FNV-1a over ASCII-lower-cased bytes; -1 when the range holds an escape (undecidable from bytes). */
function foldedHash(bytes: Buffer, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at += 1) {
    let byte = bytes[at]!;
    if (byte === BACKSLASH) return -1;
    if (byte >= 0x41 && byte <= 0x5a) byte += 0x20;
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash >>> 0;
}

function equalsFolded(bytes: Buffer, start: number, end: number, lowerName: Buffer): boolean {
  if (end - start !== lowerName.length) return false;
  for (let index = 0; index < lowerName.length; index += 1) {
    let byte = bytes[start + index]!;
    if (byte >= 0x41 && byte <= 0x5a) byte += 0x20;
    if (byte !== lowerName[index]) return false;
  }
  return true;
}

function isOneOf(bytes: Buffer, start: number, end: number, lowerNames: Buffer[]): boolean {
  for (const name of lowerNames) if (equalsFolded(bytes, start, end, name)) return true;
  return false;
}

/**
 * The byte-level prefilter. Settles a line without a JSON parse when that is safe:
 * 'wrong_subreddit' when no `"subreddit":` member anywhere in the line names a wanted
 * subreddit, 'out_of_date_range' when no `"created_utc":` member is in range; null ("parse it")
 * otherwise. Nested cross-post copies carry their own members, so a line is only skipped when
 * *every* occurrence fails — the top-level one among them.
 *
 * Lines of one buffer are checked in order, and the search for the key runs once over the
 * buffer (a found position is kept for the line it belongs to), with no per-line allocation:
 * this is the loop that must keep up with the decompressor.
 */
export class LinePrefilter {
  private readonly wantedByHash = new Map<number, Buffer[]>();
  private readonly checksDates: boolean;
  private cachedBuffer: Buffer | null = null;
  private searchedFrom = 0;
  private cachedKeyAt = -1;

  constructor(private readonly selection: Selection) {
    for (const name of selection.subreddits) {
      const lower = Buffer.from(name.toLowerCase(), 'latin1');
      const hash = foldedHash(lower, 0, lower.length);
      this.wantedByHash.set(hash, [...(this.wantedByHash.get(hash) ?? []), lower]);
    }
    this.checksDates = selection.afterUtc !== null || selection.beforeUtc !== null;
  }

  /** The next `"subreddit":` at or after `from` in `buffer`, reusing the last search when it still holds. */
  private nextKey(buffer: Buffer, from: number): number {
    const cacheHolds =
      buffer === this.cachedBuffer && from >= this.searchedFrom && (this.cachedKeyAt === -1 || this.cachedKeyAt >= from);
    if (!cacheHolds) {
      this.cachedBuffer = buffer;
      this.searchedFrom = from;
      this.cachedKeyAt = buffer.indexOf(SUBREDDIT_KEY, from);
    }
    return this.cachedKeyAt;
  }

  /** Check the line `buffer[start, end)`. */
  check(buffer: Buffer, start: number, end: number): 'wrong_subreddit' | 'out_of_date_range' | null {
    let at = this.nextKey(buffer, start);
    let occurrences = 0;
    let wanted = false;
    while (at !== -1 && at < end) {
      occurrences += 1;
      const valueStart = skipSpaces(buffer, at + SUBREDDIT_KEY.length);
      if (valueStart >= end || buffer[valueStart] !== QUOTE) return null;
      const valueEnd = buffer.indexOf(QUOTE, valueStart + 1);
      if (valueEnd === -1 || valueEnd >= end) return null;
      const hash = foldedHash(buffer, valueStart + 1, valueEnd);
      if (hash === -1) return null;
      const candidates = this.wantedByHash.get(hash);
      if (candidates !== undefined && isOneOf(buffer, valueStart + 1, valueEnd, candidates)) {
        wanted = true;
        break;
      }
      at = this.nextKey(buffer, valueEnd + 1);
    }
    if (occurrences === 0) return null;
    if (!wanted) return 'wrong_subreddit';
    if (!this.checksDates) return null;
    const created = createdValues(buffer.subarray(start, end));
    if (created === null || created.length === 0) return null;
    return created.some((seconds) => inDateRange(seconds, this.selection)) ? null : 'out_of_date_range';
  }
}

/** The prefilter on a single line (tests, and callers with one line at hand). */
export function prefilterLine(bytes: Buffer, selection: Selection): 'wrong_subreddit' | 'out_of_date_range' | null {
  return new LinePrefilter(selection).check(bytes, 0, bytes.length);
}

export type Verdict =
  | { keep: true; removal: Removal | null }
  | { keep: false; reason: SkipReason; evidence: string };

/**
 * The verdict on a parsed submission, checks in a fixed order (the first that fails is the
 * reason): subreddit, date range, self post, removal, duplicate id. `seenIds` holds the ids
 * already written; a kept post's id is added to it.
 */
export function selectSubmission(submission: DumpSubmission, selection: Selection, seenIds: Set<number | string>): Verdict {
  if (!selection.subreddits.has(submission.subreddit.toLowerCase())) {
    return { keep: false, reason: 'wrong_subreddit', evidence: `subreddit:${submission.subreddit}` };
  }
  if (!inDateRange(submission.created_utc, selection)) {
    return { keep: false, reason: 'out_of_date_range', evidence: `created_utc:${submission.created_utc}` };
  }
  if (selection.selfPostsOnly && submission.is_self === false) {
    return { keep: false, reason: 'not_self_post', evidence: `url:${submission.url ?? ''}` };
  }
  const removal = removalOf(submission);
  if (removal && selection.skipRemoved) return { keep: false, reason: removal.reason, evidence: removal.evidence };
  // Base-36 ids up to 10 characters fit a double exactly; a number set is a third the memory of strings.
  const numericId = submission.id.length <= 10 ? parseInt(submission.id, 36) : submission.id;
  if (seenIds.has(numericId)) return { keep: false, reason: 'duplicate_id', evidence: `id:${submission.id}` };
  seenIds.add(numericId);
  return { keep: true, removal };
}

/** "2024-01-31" (UTC midnight) to epoch seconds; null stays null. `option` names the flag in errors. */
export function dateToEpochSeconds(date: string | null, option: string): number | null {
  if (date === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const millis = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 10) !== date) {
    throw new ValactError('usage', `--${option} must be a calendar date YYYY-MM-DD (UTC); received ${JSON.stringify(date)}`);
  }
  return millis / 1000;
}
