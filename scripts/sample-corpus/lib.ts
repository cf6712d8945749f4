/**
 * Authoring helpers for the bundled sample corpus.
 *
 * Every post in this corpus is invented by the valact authors: fictional people, made-up
 * usernames, no real Reddit content. Authored posts carry only the parts a human writes
 * (subreddit, author, title, body, label, a few overrides); `materialize.ts` fills in the
 * boilerplate Pushshift fields deterministically.
 */

import { FILTER_REJECTIONS, type FilterRejection } from '../../pipeline/filter/contract.ts';
import { VALUE_IDS } from '../../pipeline/values.ts';

export const SAMPLE_VALUE_IDS = VALUE_IDS;
export type SampleValueId = (typeof SAMPLE_VALUE_IDS)[number];

/**
 * What a label may say a post is rejected for: the filter's reasons, collect's wrong_subreddit,
 * and no_decision — asks for advice but offers no choice, which generate's classify call
 * decides (the filter keeps such posts: it drops only what clearly asks for nothing).
 */
export const REJECT_REASONS = [...FILTER_REJECTIONS, 'wrong_subreddit', 'no_decision'] as const;
export type RejectReason = FilterRejection | 'wrong_subreddit' | 'no_decision';

export const LABEL_TAGS = [
  'dialect',
  'long',
  'prompt_injection',
  'markdown',
  'edit_block',
  'pii_email',
  'pii_phone',
  'pii_handle',
  'pii_name',
  'pii_address',
  'pii_url',
  'missing_nsfw_flag',
  'removed_banner',
  'crosspost',
] as const;
export type LabelTag = (typeof LABEL_TAGS)[number];

/** One line of labels.jsonl (key order is the order of this interface). */
export interface SampleLabel {
  id: string;
  expect: 'keep' | 'reject';
  value: SampleValueId | null;
  reason: RejectReason | null;
  detail: string | null;
  tags: LabelTag[];
}

/** A Pushshift / Arctic-Shift style "RS" submission record (the subset we write). */
export interface SubmissionRecord {
  id: string;
  name: string;
  subreddit: string;
  subreddit_id: string;
  subreddit_name_prefixed: string;
  subreddit_type: string;
  title: string;
  selftext: string;
  author: string;
  author_fullname: string | null;
  created_utc: number;
  retrieved_on: number;
  score: number;
  ups: number;
  upvote_ratio: number;
  num_comments: number;
  over_18: boolean;
  is_self: boolean;
  is_video: boolean;
  is_original_content: boolean;
  permalink: string;
  url: string;
  domain: string;
  stickied: boolean;
  distinguished: string | null;
  removed_by_category: string | null;
  link_flair_text: string | null;
  locked: boolean;
  spoiler: boolean;
  edited: false | number;
  gilded: number;
  total_awards_received: number;
  thumbnail: string;
  num_crossposts: number;
  crosspost_parent?: string;
  media: null;
  post_hint?: string;
}

/** A materialized sample post: the record fields plus the expected filter outcome. */
export type SamplePost = SubmissionRecord & { label: SampleLabel };

export type PostKind = 'self' | 'link' | 'image';

export interface AuthoredPost {
  /** Local handle so duplicates / cross-posts can point at this post. */
  key?: string;
  sub: string;
  author: string;
  title: string;
  body: string;
  expect: 'keep' | 'reject';
  value: SampleValueId | null;
  reason: RejectReason | null;
  /** Language code for `lang`; duplicates get the referenced post's id at materialization. */
  detail: string | null;
  tags: LabelTag[];
  /** For duplicate / near_duplicate / crosspost: key of the earlier post. */
  dupOf?: string;
  /** For reposts: seconds after the referenced post (default: derived from hash). */
  after?: number;
  kind?: PostKind;
  /** External URL for link / image posts. */
  url?: string;
  /** Field overrides applied last. */
  o?: Partial<SubmissionRecord>;
}

export interface Opts {
  key?: string;
  tags?: LabelTag[];
  dupOf?: string;
  after?: number;
  kind?: PostKind;
  url?: string;
  o?: Partial<SubmissionRecord>;
  detail?: string;
}

/**
 * Template tag that strips the common indentation and the leading/trailing blank lines, so
 * bodies can be written as readable multi-line template strings.
 */
export function tx(strings: TemplateStringsArray, ...vals: unknown[]): string {
  let s = strings[0] ?? '';
  vals.forEach((v, i) => {
    s += String(v) + (strings[i + 1] ?? '');
  });
  return dedent(s);
}

export function dedent(s: string): string {
  const lines = s.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  let min = Infinity;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const m = /^[ \t]*/.exec(l)![0].length;
    if (m < min) min = m;
  }
  if (!Number.isFinite(min)) min = 0;
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(min))).join('\n');
}

/** The parts every authored post shares; the label fields are the caller's. */
function authored(
  label: Pick<AuthoredPost, 'expect' | 'value' | 'reason' | 'detail'>,
  sub: string,
  author: string,
  title: string,
  body: string,
  opts: Opts,
): AuthoredPost {
  const { key, dupOf, after, kind, url, o } = opts;
  return { key, sub, author, title, body, ...label, tags: opts.tags ?? [], dupOf, after, kind, url, o };
}

/** A keep post: the labelled value is the one at stake on one side of the dilemma. */
export function keep(value: SampleValueId, sub: string, author: string, title: string, body: string, opts: Opts = {}): AuthoredPost {
  return authored({ expect: 'keep', value, reason: null, detail: null }, sub, author, title, body, opts);
}

/** A reject post with the reason a correct filter should give. */
export function rej(reason: RejectReason, sub: string, author: string, title: string, body: string, opts: Opts = {}): AuthoredPost {
  return authored({ expect: 'reject', value: null, reason, detail: opts.detail ?? null }, sub, author, title, body, opts);
}

/** A non-English post (reason `lang`, detail = ISO 639-3 code). */
export function lang(code: string, sub: string, author: string, title: string, body: string, opts: Opts = {}): AuthoredPost {
  return rej('lang', sub, author, title, body, { ...opts, detail: code });
}
