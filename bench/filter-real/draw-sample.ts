/**
 * Draws the stratified labelling sample from the real development corpus
 * (`../shared/corpora/reddit-top-2013-dev.ndjson`): self posts only (collect drops link posts
 * before the filter ever sees them), a fixed number per subreddit, chosen by a seeded hash of
 * the post id so the draw is reproducible and independent of file order.
 *
 *   npx tsx bench/filter-real/draw-sample.ts > bench/filter-real/sample-ids.txt
 *
 * The quotas over-weight the advice communities (where decision posts live, so recall has a
 * tight interval) and keep enough of the non-advice controls to measure what the gate drops.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEV_CORPUS = resolve(import.meta.dirname, '../../../shared/corpora/reddit-top-2013-dev.ndjson');

/** Posts per subreddit in the labelling sample; a subreddit with fewer self posts gives all. */
export const QUOTA_PER_SUBREDDIT: Readonly<Record<string, number>> = {
  relationship_advice: 80,
  Advice: 80,
  needadvice: 50,
  relationships: 50,
  personalfinance: 40,
  legaladvice: 40,
  dating_advice: 35,
  cscareerquestions: 30,
  socialskills: 30,
  jobs: 20,
  Parenting: 14,
  Christianity: 15,
  Entrepreneur: 15,
  loseit: 12,
  malefashionadvice: 7,
  travel: 1,
  AskReddit: 30,
  offmychest: 30,
  self: 25,
  confession: 25,
  TrueAskReddit: 20,
  AskWomen: 20,
  AskMen: 20,
  de: 10,
  france: 10,
  italy: 10,
  mexico: 10,
  sweden: 10,
  Quebec: 10,
};

const SEED = 'valact-dev-labels-v1';

function rank(id: string): string {
  return createHash('sha256').update(`${SEED}:${id}`).digest('hex');
}

export function drawSample(corpusText: string): string[] {
  const bySubreddit = new Map<string, string[]>();
  for (const line of corpusText.split('\n')) {
    if (line.trim() === '') continue;
    const post = JSON.parse(line) as { id: string; subreddit: string; is_self?: boolean };
    if (post.is_self !== true) continue;
    const ids = bySubreddit.get(post.subreddit) ?? [];
    ids.push(post.id);
    bySubreddit.set(post.subreddit, ids);
  }
  const chosen: string[] = [];
  for (const [subreddit, quota] of Object.entries(QUOTA_PER_SUBREDDIT)) {
    const ids = (bySubreddit.get(subreddit) ?? []).sort((a, b) => rank(a).localeCompare(rank(b)));
    chosen.push(...ids.slice(0, quota));
  }
  return chosen;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ids = drawSample(readFileSync(DEV_CORPUS, 'utf8'));
  process.stdout.write(ids.join('\n') + '\n');
}
