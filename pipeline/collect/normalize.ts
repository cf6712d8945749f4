/**
 * The boundary where a submission enters: one zod schema for what a dump line or an API
 * listing child must hold, and the mapping to a RawPost. Dumps from different eras differ
 * (string or float `created_utc`, missing `over_18`), so the schema accepts those variants
 * and normalizes them once, here.
 */
import { z } from 'zod';
import { REDDIT_ID_PATTERN, type RawPost } from '../records.ts';
import { describeZodError } from '../core/jsonl.ts';

const optionalString = z.string().nullish().transform((value) => value ?? null);
const wholeNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).transform(Math.trunc);

/** What collect needs from a submission; every other field of a dump record is ignored. */
export const DumpSubmissionSchema = z.object({
  id: z.string().regex(REDDIT_ID_PATTERN, 'a lowercase base-36 Reddit id'),
  subreddit: z.string().min(1),
  title: z.string(),
  selftext: z.string().nullish().transform((value) => value ?? ''),
  /** Missing is unknown, not deleted: only an explicit "[deleted]" counts as a deletion. */
  author: z.string().nullish().transform((value) => value ?? ''),
  created_utc: wholeNumber.pipe(z.number().int().nonnegative()),
  score: wholeNumber.optional().transform((value) => value ?? 0),
  num_comments: wholeNumber.optional().transform((value) => Math.max(0, value ?? 0)),
  over_18: z.boolean().nullish().transform((value) => value ?? false),
  /** Missing in a few old records; undecided then, and not skipped for it. */
  is_self: z.boolean().nullish().transform((value) => value ?? null),
  url: optionalString,
  stickied: z.boolean().nullish().transform((value) => value ?? false),
  distinguished: optionalString,
  crosspost_parent: optionalString,
  permalink: optionalString,
  removed_by_category: optionalString,
});
export type DumpSubmission = z.infer<typeof DumpSubmissionSchema>;

export type ParsedLine =
  | { ok: true; submission: DumpSubmission }
  | { ok: false; reason: 'malformed_json' | 'malformed_record'; message: string; id: string | null };

/** Parse one dump line; a failure is data (reason and message), never an exception. */
export function parseSubmissionLine(bytes: Buffer): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: 'malformed_json', message: `not valid JSON (${(error as Error).message})`, id: null };
  }
  return parseSubmission(value);
}

export function parseSubmission(value: unknown): ParsedLine {
  const result = DumpSubmissionSchema.safeParse(value);
  if (result.success) return { ok: true, submission: result.data };
  const rawId = (value as { id?: unknown } | null)?.id;
  return {
    ok: false,
    reason: 'malformed_record',
    message: `not a submission record: ${describeZodError(result.error)}`,
    id: typeof rawId === 'string' ? rawId : null,
  };
}

export function toRawPost(submission: DumpSubmission, removed: string | null, source: RawPost['source']): RawPost {
  return {
    id: submission.id,
    subreddit: submission.subreddit,
    title: submission.title,
    selftext: submission.selftext,
    author: submission.author,
    created_utc: submission.created_utc,
    score: submission.score,
    num_comments: submission.num_comments,
    over_18: submission.over_18,
    // Undecided (missing) counts as a self post: it was not skipped as a link post either.
    is_self: submission.is_self ?? true,
    url: submission.url,
    stickied: submission.stickied,
    distinguished: submission.distinguished,
    crosspost_parent: submission.crosspost_parent,
    permalink: submission.permalink ?? `/r/${submission.subreddit}/comments/${submission.id}/`,
    removed,
    source,
  };
}
