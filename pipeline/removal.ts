/**
 * How a Reddit post shows that it is gone, in one place: collect skips such posts (or records
 * why in RawPost.removed when told to keep them) and filter rejects them, by the same rules.
 *
 * Reddit marks removal several ways: `removed_by_category`, `[removed]` / `[deleted]` bodies,
 * and "[ Removed by Reddit ]" banners with no flag set (FACTS.md). A post whose author is
 * `[deleted]` counts as deleted: the person withdrew it, and no take-down request could reach them.
 */

export type RemovalReason = 'removed' | 'deleted';

export interface Removal {
  reason: RemovalReason;
  /** What showed it, e.g. "removed_by_category:moderator", "body:[removed]", "author:[deleted]". */
  evidence: string;
}

/** Categories that mean the author took the post down, as opposed to a moderator or Reddit. */
const AUTHOR_REMOVAL_CATEGORIES = new Set(['deleted', 'author']);
/** "[ Removed by Reddit ]", "[ Removed by Reddit on account of violating the content policy. ]", "Removed by moderator". */
const REMOVED_BANNER = /^\[?\s*removed by (?:reddit|moderator|the moderators?|admins?)\b[^\n]{0,120}\]?$/i;
/** A banner at the start of a body that kept some text after it. */
const REMOVED_BANNER_PREFIX = /^\[\s*removed by reddit\s*\]/i;
const MARKER = /^\[(removed|deleted)\]$/i;

export interface RemovalFields {
  removed_by_category?: string | null | undefined;
  selftext: string;
  title: string;
  author: string;
}

/** Why a post is gone, from its flag and the markers Reddit leaves in it; null when it is not. */
export function removalOf(post: RemovalFields): Removal | null {
  const category = post.removed_by_category;
  if (category) {
    return { reason: AUTHOR_REMOVAL_CATEGORIES.has(category) ? 'deleted' : 'removed', evidence: `removed_by_category:${category}` };
  }
  const body = post.selftext.trim();
  const bodyMarker = MARKER.exec(body)?.[1]?.toLowerCase();
  if (bodyMarker) return { reason: bodyMarker as RemovalReason, evidence: `body:[${bodyMarker}]` };
  if (REMOVED_BANNER.test(body) || REMOVED_BANNER_PREFIX.test(body)) return { reason: 'removed', evidence: 'body:removed_by_reddit_banner' };
  const title = post.title.trim();
  const titleMarker = MARKER.exec(title)?.[1]?.toLowerCase();
  if (titleMarker) return { reason: titleMarker as RemovalReason, evidence: `title:[${titleMarker}]` };
  if (REMOVED_BANNER.test(title)) return { reason: 'removed', evidence: 'title:removed_by_reddit_banner' };
  if (post.author.trim().toLowerCase() === '[deleted]') return { reason: 'deleted', evidence: 'author:[deleted]' };
  return null;
}

/**
 * The reason behind a recorded removal: the evidence removalOf wrote into RawPost.removed, or a
 * bare `removed_by_category` value from another source ("moderator", "deleted").
 */
export function removalReasonOf(evidence: string): RemovalReason {
  const value = evidence.includes(':') ? evidence.slice(evidence.indexOf(':') + 1) : evidence;
  return AUTHOR_REMOVAL_CATEGORIES.has(value) || value === '[deleted]' ? 'deleted' : 'removed';
}
