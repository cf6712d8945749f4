/**
 * Quota-aware assignment of target values to classified posts, deterministic by construction:
 * values with the fewest candidate posts choose first, each takes its strongest unused posts
 * (ties broken by a seed from the post id), every post serves at most one value, and the
 * competing value is the strongest of the opposing group's values in that post.
 */
import { seededUnit } from '../core/fingerprint.ts';
import { VALUE_IDS, competingValuesFor, type ValueId } from '../values.ts';

export interface ClassifiedPost {
  postId: string;
  scores: Record<ValueId, number>;
}

export interface Assignment {
  postId: string;
  target: ValueId;
  competing: ValueId;
}

export interface ValueFill {
  quota: number;
  /** Posts where the value scores at least the threshold. */
  candidates: number;
  assigned: number;
  /** Posts still needed to meet the quota (0 when met). */
  shortfall: number;
}

export function assignTargets(
  posts: readonly ClassifiedPost[],
  quota: number,
  minScore: number,
): { assignments: Assignment[]; fill: Record<ValueId, ValueFill> } {
  const candidatesOf = (value: ValueId) => posts.filter((post) => post.scores[value] >= minScore);
  const order = [...VALUE_IDS].sort((a, b) => candidatesOf(a).length - candidatesOf(b).length || VALUE_IDS.indexOf(a) - VALUE_IDS.indexOf(b));
  const used = new Set<string>();
  const assignments: Assignment[] = [];
  const fill = {} as Record<ValueId, ValueFill>;
  for (const value of order) {
    const candidates = candidatesOf(value);
    const ranked = candidates
      .filter((post) => !used.has(post.postId))
      .map((post) => ({ post, tie: seededUnit(post.postId, value, 'assign') }))
      .sort((a, b) => b.post.scores[value] - a.post.scores[value] || a.tie - b.tie);
    const chosen = ranked.slice(0, quota);
    for (const { post } of chosen) {
      used.add(post.postId);
      assignments.push({ postId: post.postId, target: value, competing: competingFor(post, value) });
    }
    fill[value] = { quota, candidates: candidates.length, assigned: chosen.length, shortfall: Math.max(0, quota - chosen.length) };
  }
  assignments.sort((a, b) => (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
  return { assignments, fill };
}

function competingFor(post: ClassifiedPost, target: ValueId): ValueId {
  const options = competingValuesFor(target)
    .map((value) => ({ value, tie: seededUnit(post.postId, target, value, 'competing') }))
    .sort((a, b) => post.scores[b.value] - post.scores[a.value] || a.tie - b.tie);
  return options[0]!.value;
}
