import type { CommandSpec } from '../core/command.ts';
import { notBuilt } from '../core/not-built.ts';

export const collectCommand: CommandSpec = {
  name: 'collect',
  summary: 'Collect Reddit submissions into DATA/raw/posts.jsonl',
  positionals: 'input',
  options: [
    { name: 'source', kind: 'string', choices: ['sample', 'dump', 'reddit'], config: 'collect.source', description: 'Where posts come from.' },
    { name: 'input', kind: 'multiple', placeholder: 'FILE', config: 'collect.inputs', description: 'Dump file(s) for --source dump: .zst, .ndjson, .jsonl, or - for stdin; repeatable.' },
    { name: 'subreddits', kind: 'list', placeholder: 'a,b,c', config: 'collect.subreddits', description: 'Subreddits to keep (default: the advice subreddits and the value map in the config).' },
    { name: 'after', kind: 'string', placeholder: 'DATE', config: 'collect.after', description: 'Keep posts created on or after this UTC date (YYYY-MM-DD).' },
    { name: 'before', kind: 'string', placeholder: 'DATE', config: 'collect.before', description: 'Keep posts created before this UTC date (YYYY-MM-DD).' },
    { name: 'limit', kind: 'integer', placeholder: 'N', config: 'collect.limit', description: 'Stop after N posts are written.' },
  ],
  run: async () => notBuilt('collect', 3),
};
