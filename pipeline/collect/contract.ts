/**
 * What the collect stage promises the stages after it: its outputs, its reason codes and the
 * shape of its report's details (the release reads `source` and the input names for its
 * provenance).
 */
import { z } from 'zod';
import type { ReasonCatalog } from '../core/stage.ts';

/** Files collect writes in DATA/raw/. */
export const COLLECT_OUTPUTS = { posts: 'posts.jsonl' } as const;

export const COLLECT_REASONS = {
  wrong_subreddit: { check: 'select', disposition: 'rejected', description: 'a subreddit not asked for (counted; listed only with collect.list_wrong_subreddit)' },
  out_of_date_range: { check: 'select', disposition: 'rejected', description: 'created outside --after/--before' },
  not_self_post: { check: 'select', disposition: 'rejected', description: 'a link post, with no text of its own' },
  removed: { check: 'select', disposition: 'rejected', description: 'removed by moderators or Reddit' },
  deleted: { check: 'select', disposition: 'rejected', description: 'deleted by its author' },
  duplicate_id: { check: 'select', disposition: 'rejected', description: 'an id already collected in this run' },
  invalid_utf8: { check: 'parse', disposition: 'rejected', description: 'the line is not valid UTF-8 (with collect.invalid_utf8 "skip")' },
  malformed_json: { check: 'parse', disposition: 'quarantined', description: 'the line is not JSON (or longer than the line limit)' },
  malformed_record: { check: 'parse', disposition: 'quarantined', description: 'JSON, but not a submission this stage can read' },
} as const satisfies ReasonCatalog;

export const CollectSourceSchema = z.enum(['sample', 'dump', 'reddit']);

const Count = z.number().int().nonnegative();

export const CollectDetailsSchema = z.object({
  source: CollectSourceSchema,
  decoder: z.string().nullable(),
  subreddits: z.array(z.string()),
  after: z.string().nullable(),
  before: z.string().nullable(),
  limit: z.number().int().nullable(),
  stopped_at_limit: z.boolean(),
  per_input: z.array(
    z.object({
      input: z.string(),
      lines: Count,
      written: Count,
      compressed: z.boolean(),
      decoder: z.string(),
      bytes_read: Count,
      bytes_uncompressed: Count,
      /** Lines whose bytes were not valid UTF-8 (skipped or kept as collect.invalid_utf8 says). */
      invalid_utf8: Count,
    }),
  ),
  wrong_subreddit_listed: z.boolean(),
  invalid_utf8: z.enum(['skip', 'keep']),
});
export type CollectDetails = z.infer<typeof CollectDetailsSchema>;
