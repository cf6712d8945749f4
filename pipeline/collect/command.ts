import { join } from 'node:path';
import type { CommandSpec } from '../core/command.ts';
import { DROPPED_FILE } from '../core/stage.ts';
import { run, type CollectContext } from './run.ts';

export const collectCommand: CommandSpec<CollectContext> = {
  name: 'collect',
  summary: 'Collect Reddit submissions into DATA/raw/posts.jsonl',
  positionals: 'input',
  options: [
    { name: 'source', kind: 'string', choices: ['sample', 'dump', 'reddit'], config: 'collect.source', description: 'Where posts come from.' },
    { name: 'input', kind: 'multiple', placeholder: 'FILE', config: 'collect.inputs', description: 'Dump file(s) for --source dump: .zst, .ndjson, .jsonl, or - for stdin; repeatable.' },
    { name: 'subreddits', kind: 'list', placeholder: 'a,b,c', config: 'collect.subreddits', description: 'Subreddits to keep, case-insensitive; unset means the advice subreddits plus the value map in the config.' },
    { name: 'after', kind: 'string', placeholder: 'DATE', config: 'collect.after', description: 'Keep posts created on or after this UTC date (YYYY-MM-DD).' },
    { name: 'before', kind: 'string', placeholder: 'DATE', config: 'collect.before', description: 'Keep posts created before this UTC date (YYYY-MM-DD).' },
    { name: 'limit', kind: 'integer', placeholder: 'N', config: 'collect.limit', description: 'Stop after N posts are written.' },
    { name: 'listing', kind: 'string', choices: ['new', 'top', 'hot'], config: 'collect.listing', description: 'Live API listing for --source reddit.' },
    { name: 'time-window', kind: 'string', choices: ['hour', 'day', 'week', 'month', 'year', 'all'], config: 'collect.time_window', description: 'Time window of --listing top.' },
    { name: 'decoder', kind: 'string', choices: ['auto', 'zstd-napi', 'zstd-cli'], config: 'collect.decoder', description: 'zstd decoder for .zst dumps (auto: zstd-napi on a worker thread, the faster one measured).' },
    { name: 'max-malformed-share', kind: 'number', placeholder: 'SHARE', config: 'collect.max_malformed_share', description: 'Abort when more than this share of input lines is malformed.' },
  ],
  notes: [
    'Outputs: DATA/raw/posts.jsonl (RawPost records), DATA/raw/dropped.jsonl (id, file, line, reason, evidence',
    'of every skipped or malformed line; wrong-subreddit lines only counted), DATA/raw/report.json (counts per reason).',
    'The live API reads REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_USERNAME, REDDIT_PASSWORD, REDDIT_USER_AGENT.',
  ],
  async run(ctx) {
    const stats = await run(ctx);
    if (stats.upToDate) {
      return { stage: 'collect', summary: [`collect: up to date (${ctx.paths.rawPosts}); --force to collect again`], reportPath: stats.reportPath, upToDate: true };
    }
    const { counts } = stats;
    const reasons = Object.entries(counts.per_reason).map(([reason, count]) => `${reason} ${count}`).join(', ');
    return {
      stage: 'collect',
      summary: [
        `collect: ${counts.in} read, ${counts.out} written to ${ctx.paths.rawPosts}, ${counts.rejected} skipped, ${counts.quarantined} malformed${stats.stoppedAtLimit ? ' (stopped at --limit)' : ''}`,
        ...(reasons ? [`  per reason: ${reasons} (listed in ${join(ctx.paths.raw, DROPPED_FILE)})`] : []),
        `  report: ${stats.reportPath}`,
      ],
      reportPath: stats.reportPath,
    };
  },
};
