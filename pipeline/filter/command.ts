/** `valact filter`: options are declared as data; the work is in run.ts. */
import type { CommandSpec } from '../core/command.ts';
import { run, summarize, type FilterContext } from './run.ts';

export const filterCommand: CommandSpec<FilterContext> = {
  name: 'filter',
  summary: 'Filter DATA/raw/posts.jsonl into DATA/work/filter/ (posts.jsonl, dropped.jsonl, report.json)',
  options: [
    { name: 'min-words', kind: 'integer', placeholder: 'N', config: 'filter.min_words', description: 'Reject bodies shorter than N words (too_short).' },
    { name: 'max-words', kind: 'integer', placeholder: 'N', config: 'filter.max_words', description: 'Reject bodies longer than N words (too_long).' },
    { name: 'advice-threshold', kind: 'number', placeholder: 'P', config: 'filter.advice_threshold', description: 'Advice-gate probability below which a post is not_advice (none = the threshold shipped with the model).' },
    { name: 'near-duplicate-min-similarity', kind: 'number', placeholder: 'J', config: 'filter.near_duplicate_min_similarity', description: 'Estimated shingle Jaccard at or above which a later post is a near duplicate.' },
  ],
  notes: [
    'Every other threshold (language margins, content flags and which drop, link-only, MinHash) is in the config file under "filter".',
    'Dropped posts go to dropped.jsonl with their reason code and the scores the check used.',
  ],
  run: async (ctx) => summarize(await run(ctx)),
};
