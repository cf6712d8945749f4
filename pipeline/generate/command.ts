import type { CommandSpec } from '../core/command.ts';
import type { GenerateContext } from './run.ts';

export const generateCommand: CommandSpec<GenerateContext> = {
  name: 'generate',
  summary: 'Rewrite filtered posts into scenarios in DATA/work/generate/',
  options: [
    { name: 'provider', kind: 'string', choices: ['openai', 'offline'], config: 'generate.provider', description: 'Model provider (default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline).' },
    { name: 'model', kind: 'string', placeholder: 'NAME', config: 'generate.model', description: 'Model name.' },
    { name: 'base-url', kind: 'string', placeholder: 'URL', config: 'generate.base_url', description: 'OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else the OpenAI API).' },
    { name: 'per-value', kind: 'integer', placeholder: 'N', config: 'generate.per_value', description: 'Scenarios wanted per value (none = 300 with openai, 10 with the offline provider).' },
    { name: 'over-generation', kind: 'number', placeholder: 'SHARE', config: 'generate.over_generation', description: 'Extra share of each quota generated for later losses.' },
    { name: 'concurrency', kind: 'integer', placeholder: 'N', config: 'generate.concurrency', description: 'Requests in flight at once.' },
    { name: 'rpm', kind: 'number', placeholder: 'N', config: 'generate.rpm', description: 'Requests per minute.' },
    { name: 'tpm', kind: 'number', placeholder: 'N', config: 'generate.tpm', description: 'Tokens per minute.' },
    { name: 'temperature', kind: 'number', placeholder: 'T', config: 'generate.temperature', description: 'Sampling temperature of the rewrite.' },
    { name: 'max-cost', kind: 'number', placeholder: 'USD', config: 'generate.max_cost', description: 'Stop cleanly before the estimated spend exceeds this.' },
    { name: 'max-retries', kind: 'integer', placeholder: 'N', config: 'generate.max_retries', description: 'Retries on 408/409/429/5xx/timeouts.' },
    { name: 'timeout', kind: 'number', placeholder: 'SECONDS', config: 'generate.timeout_seconds', description: 'Per-request timeout.' },
    { name: 'batch', kind: 'boolean', config: 'generate.batch', description: 'Use the Batch API (half price, slower).' },
    { name: 'dry-run', kind: 'boolean', config: 'generate.dry_run', description: 'Print the number of calls and the cost estimate; call nothing.' },
    { name: 'regenerate', kind: 'string', placeholder: 'FILE', default: null, description: 'An audit\'s flagged.jsonl: rewrite those posts again with the judges\' objections in the request (kept for later runs, so the next release replaces them).' },
  ],
  notes: [
    'Outputs: DATA/work/generate/scenarios.jsonl, dropped.jsonl (not used or quarantined, with the raw answer), report.json (and journal.jsonl for resuming).',
    'The response cache lives in DATA/cache/llm/; a re-run with a warm cache makes no requests.',
    'Objections added by --regenerate live in DATA/work/generate/objections.jsonl; delete it to go back to the plain rewrites.',
  ],
  async run(ctx, args) {
    const { run } = await import('./run.ts');
    const stats = await run(ctx, typeof args.regenerate === 'string' ? { regenerate: args.regenerate } : {});
    if (stats.dryRun) {
      const estimate = stats.estimate!;
      return {
        stage: 'generate',
        summary: [`generate (dry run, ${stats.provider} ${stats.model}): ${estimate.classify_calls} classify calls + up to ${estimate.rewrite_calls} rewrite calls, estimated at most $${estimate.cost_usd.toFixed(4)}; nothing was called`],
      };
    }
    if (stats.upToDate) return { stage: 'generate', summary: [`generate: up to date (${stats.reportPath}); --force to redo`], reportPath: stats.reportPath, upToDate: true };
    const { counts, llm } = stats;
    const short = stats.fill ? Object.entries(stats.fill).filter(([, fill]) => fill.shortfall > 0).map(([value, fill]) => `${value} needs ${fill.shortfall} more`) : [];
    return {
      stage: 'generate',
      reportPath: stats.reportPath,
      summary: [
        `generate${stats.simulated ? ' (SIMULATED, offline provider)' : ''}: ${counts.in} posts -> ${counts.out} scenarios, ${counts.rejected} not used, ${counts.quarantined} quarantined`,
        `  requests ${llm.requests}, cache hits ${llm.cache_hits}, retries ${llm.retries}, estimated cost $${stats.costUsd.toFixed(4)}`,
        ...(short.length > 0 ? [`  quota ${stats.perValue}/value not met: ${short.join(', ')}`] : []),
        `  report: ${stats.reportPath}`,
      ],
    };
  },
};
