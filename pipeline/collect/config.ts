/** Config of the collect stage, with every default. */
import { z } from 'zod';
import { VALUE_IDS, type ValueId } from '../values.ts';

/** General advice communities, where most decision posts are. */
export const DEFAULT_ADVICE_SUBREDDITS = [
  'Advice',
  'relationship_advice',
  'AmItheAsshole',
  'AITAH',
  'careerguidance',
  'personalfinance',
  'legaladvice',
  'Parenting',
  'findapath',
  'college',
  'decidingtobebetter',
  'TwoXChromosomes',
  'offmychest',
  'antiwork',
];

/**
 * Communities where the values that are rare in general advice posts show up, so a balanced
 * release (300 per value) can be filled. Collected in addition to the advice subreddits.
 */
export const DEFAULT_VALUE_SUBREDDITS: Record<ValueId, string[]> = {
  self_direction: ['findapath', 'careerguidance'],
  stimulation: ['solotravel', 'travel', 'digitalnomad', 'IWantOut'],
  hedonism: ['Frugal', 'personalfinance', 'financialindependence'],
  achievement: ['careerguidance', 'cscareerquestions', 'ExperiencedDevs', 'GradSchool'],
  power: ['Entrepreneur', 'smallbusiness', 'managers', 'ExperiencedDevs'],
  security: ['personalfinance', 'legaladvice'],
  conformity: ['AmItheAsshole', 'AITAH'],
  tradition: ['Christianity', 'Judaism', 'islam', 'hinduism', 'Catholicism', 'weddingplanning'],
  benevolence: ['relationship_advice', 'Parenting'],
  universalism: ['ZeroWaste', 'vegan', 'antiwork'],
};

/**
 * A subreddit name as Reddit allows it: letters, digits and underscores, up to 21, not opening
 * with an underscore (two-letter names such as r/de are old but real), optionally written r/name.
 * Names go into API paths with the user's token: nothing else may reach them.
 */
export const SUBREDDIT_NAME = /^(?:\/?r\/)?[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;
const SubredditName = z.string().regex(SUBREDDIT_NAME, 'a subreddit name: 2–21 letters, digits or underscores (r/ optional)');

export const CollectConfigSchema = z.strictObject({
  /** Where posts come from: the bundled sample (default), dump files, or the live API. */
  source: z.enum(['sample', 'dump', 'reddit']).default('sample'),
  /** Dump files for `source: dump` (.zst, .ndjson, .jsonl, or "-" for stdin). */
  inputs: z.array(z.string()).default([]),
  /** Subreddits to keep (case-insensitive). Default: advice subreddits plus the value map's. */
  subreddits: z.array(SubredditName).nullable().default(null),
  /** Extra subreddits per value, merged into the default selection. */
  value_subreddits: z.record(z.enum(VALUE_IDS), z.array(SubredditName)).default(DEFAULT_VALUE_SUBREDDITS),
  /** Keep posts created on or after this date (ISO date, UTC). */
  after: z.string().nullable().default(null),
  /** Keep posts created before this date (ISO date, UTC). */
  before: z.string().nullable().default(null),
  /** Stop after this many posts are written. */
  limit: z.number().int().positive().nullable().default(null),
  /** Abort when more than this share of input lines is malformed. */
  max_malformed_share: z.number().min(0).max(1).default(0.01),
  /**
   * A dump line whose bytes are not valid UTF-8: "skip" it (reason invalid_utf8), or "keep" it with
   * the bad bytes replaced by U+FFFD, counted per file in the report. Default "skip".
   */
  invalid_utf8: z.enum(['skip', 'keep']).default('skip'),
  /** Live API listing. */
  listing: z.enum(['new', 'top', 'hot']).default('new'),
  /** Time window for `listing: top`. */
  time_window: z.enum(['hour', 'day', 'week', 'month', 'year', 'all']).default('all'),
  /** Live API request budget: Reddit allows 100 queries per minute per client id. */
  requests_per_minute: z.number().positive().max(100).default(90),
  /** Live API: stop paginating a listing after this many items (Reddit caps listings near 1,000). */
  listing_cap: z.number().int().positive().max(1000).default(1000),
  /** Live API: attempts per request when Reddit answers 429 or 5xx, the first included. */
  max_attempts: z.number().int().min(1).max(10).default(5),
  /** Live API: OAuth API base URL (only changed to point at a test server or a proxy). */
  api_base_url: z.url().default('https://oauth.reddit.com'),
  /** Live API: base URL of the OAuth token endpoint (only changed for a test server or a proxy). */
  auth_base_url: z.url().default('https://www.reddit.com'),
  /** Skip link posts, image posts and cross-posts (`is_self: false`). Default true. */
  self_posts_only: z.boolean().default(true),
  /** Skip removed and deleted posts (flags, `[removed]`/`[deleted]` bodies, "Removed by Reddit" banners). Default true. */
  skip_removed: z.boolean().default(true),
  /**
   * List every wrong-subreddit line in dropped.jsonl too. Default false: a full monthly dump
   * holds tens of millions of them, so they are only counted in the report.
   */
  list_wrong_subreddit: z.boolean().default(false),
  /**
   * Decompressor for .zst dumps: "zstd-napi" (bundled, always available; files are decoded on a
   * worker thread), "zstd-cli" (the system `zstd` binary in a child process), or "auto" (today
   * zstd-napi, measured the faster of the two). Default "auto".
   */
  decoder: z.enum(['auto', 'zstd-napi', 'zstd-cli']).default('auto'),
});
export type CollectConfig = z.infer<typeof CollectConfigSchema>;

/** The subreddits collected by default: the advice list plus every value's communities. */
export function defaultSubreddits(valueSubreddits: Record<string, string[]>): string[] {
  const all = new Map<string, string>();
  for (const name of [...DEFAULT_ADVICE_SUBREDDITS, ...Object.values(valueSubreddits).flat()]) {
    if (!all.has(name.toLowerCase())) all.set(name.toLowerCase(), name);
  }
  return [...all.values()];
}
