import type { CommandSpec } from '../core/command.ts';
import { notBuilt } from '../core/not-built.ts';

export const filterCommand: CommandSpec = {
  name: 'filter',
  summary: 'Filter DATA/raw/posts.jsonl into DATA/work/filter/',
  options: [
    { name: 'min-words', kind: 'integer', placeholder: 'N', config: 'filter.min_words', description: 'Reject bodies shorter than N words.' },
  ],
  run: async () => notBuilt('filter', 4),
};
