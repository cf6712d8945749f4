/**
 * What the filter stage promises the stages after it: its reason codes, its outputs and the
 * shape of its report's details. Other stages (and scripts) import this file, never the
 * stage's internals.
 */
import { z } from 'zod';
import type { ReasonCatalog } from '../core/stage.ts';

/** The checks in the order they run, as named in dropped.jsonl and the report's funnel. */
export const FILTER_CHECKS = ['presence', 'length', 'language', 'advice', 'content', 'duplicate'] as const;
export type FilterCheck = (typeof FILTER_CHECKS)[number];

export const FILTER_REASONS = {
  removed: { check: 'presence', disposition: 'rejected', description: 'removed by moderators, Reddit or the author (flag, body marker or banner)' },
  deleted: { check: 'presence', disposition: 'rejected', description: 'deleted by its author' },
  bot_or_mod: { check: 'presence', disposition: 'rejected', description: 'written by a bot or posted as a moderator' },
  nsfw: { check: 'presence', disposition: 'rejected', description: 'marked over_18 by Reddit (with filter.drop_over_18)' },
  link_only: { check: 'presence', disposition: 'rejected', description: 'a link (or a cross-post) with next to no text of its own' },
  empty: { check: 'length', disposition: 'rejected', description: 'no text left after markdown cleaning' },
  too_short: { check: 'length', disposition: 'rejected', description: 'fewer words than filter.min_words' },
  too_long: { check: 'length', disposition: 'rejected', description: 'more words than filter.max_words' },
  lang: { check: 'language', disposition: 'rejected', description: 'not English (the detected ISO 639-3 code after the colon)', counted: 'with_detail' },
  not_advice: { check: 'advice', disposition: 'rejected', description: 'clearly asks for nothing: no request cue, or the advice gate\'s probability below its threshold' },
  content: { check: 'content', disposition: 'rejected', description: 'a content flag filter.drop_content names (the flag after the colon)', counted: 'with_detail' },
  duplicate_of: { check: 'duplicate', disposition: 'rejected', description: 'the same text as an earlier post (its id after the colon)', counted: { as: 'duplicate' } },
  near_duplicate_of: { check: 'duplicate', disposition: 'rejected', description: 'nearly the same text as an earlier post (its id after the colon)', counted: { as: 'near_duplicate' } },
  malformed: { check: 'input', disposition: 'quarantined', description: 'the input line is not JSON or not a RawPost' },
} as const satisfies ReasonCatalog;

type RejectionNames<R> = {
  [K in keyof R]: R[K] extends { disposition: 'rejected' } ? (R[K] extends { counted: { as: infer As } } ? As : K) : never;
}[keyof R];

/** A reason the report counts a rejected post under ("lang", "duplicate"): what a sample-corpus label names. */
export type FilterRejection = RejectionNames<typeof FILTER_REASONS>;

export const FILTER_REJECTIONS = Object.entries(FILTER_REASONS).flatMap(([code, spec]): string[] =>
  spec.disposition !== 'rejected' ? [] : ['counted' in spec && typeof spec.counted === 'object' ? spec.counted.as : code],
) as FilterRejection[];

/** Content a kept post is flagged for (FilteredPost.content_flags); filter.drop_content names the ones that drop it. */
export const CONTENT_FLAGS = ['sexual', 'self_harm', 'violence', 'minors'] as const;
export type ContentFlag = (typeof CONTENT_FLAGS)[number];

/** Files the filter writes in DATA/work/filter/. */
export const FILTER_OUTPUTS = { posts: 'posts.jsonl' } as const;

const Count = z.number().int().nonnegative();

export const FilterDetailsSchema = z.object({
  filter_version: z.string(),
  funnel: z.array(z.object({ check: z.enum(FILTER_CHECKS), entered: Count, rejected: Count, passed: Count })),
  per_subreddit: z.record(z.string(), z.object({ in: Count, out: Count, rejected: z.record(z.string(), Count) })),
  language_methods: z.record(z.string(), Count),
  /** Posts that reached the gate, by advice probability (tenths). */
  advice_probability_histogram: z.record(z.string(), Count),
  advice_gate: z.object({ model: z.string(), threshold: z.number() }),
  /** Kept posts carrying each content flag. */
  content_flags_kept: z.record(z.string(), Count),
  /**
   * Expected scenarios' raw material: per value, the share of kept posts in which it is at stake,
   * per 1,000 kept posts, as measured on the hand-labelled real development set (not this run).
   */
  value_yield_per_1000_estimate: z.record(z.string(), z.number()),
  thresholds: z.record(z.string(), z.number()),
  pii_masked: z.record(z.string(), Count),
  dedup: z.object({
    candidates: Count,
    comparisons: Count,
    capped_posts: Count,
    largest_bucket: Count,
    max_comparisons_per_post: Count,
  }),
  timing_ms: z.record(z.string(), z.number()),
});
export type FilterDetails = z.infer<typeof FilterDetailsSchema>;
