/**
 * `valact audit judge`: every scenario of a release, read blind by each LLM judge, through the
 * same client as generation (cache, rate limits, Retry-After, repair then quarantine, budget,
 * Batch API). Writes DATA/audit/<version>/judges/judgments.jsonl; a failed call is quarantined
 * in dropped.jsonl and asked again by the next run. With no endpoint, offline judges answer from
 * the labels with seeded errors, marked simulated.
 */
import { join } from 'node:path';
import type { StageContext } from '../core/context.ts';
import { fileFingerprint } from '../core/report.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { totalCost } from '../llm/cost.ts';
import { OFFLINE_MODEL } from '../llm/offline.ts';
import { completeAll, createProvider, resolveProviderName, stoppedError, type ModelProvider } from '../llm/provider.ts';
import { TRANSIENT_ERROR_CODES } from '../llm/types.ts';
import type { AuditConfig, Judge } from './config.ts';
import { AUDIT_FILES, AUDIT_REASONS, type Judgment } from './contract.ts';
import { judgeRequest, loadJudgePrompt, toJudgment } from './judge.ts';
import { auditPaths, readAuditedRelease, type AuditedRelease } from './release.ts';
import { z } from 'zod';

export type AuditContext = StageContext<{ audit: AuditConfig }>;

export interface JudgeOptions {
  /** The release folder; default the newest under DATA/release. */
  release?: string;
  /** Models named on the command line (--judge), each a judge on the default endpoint. */
  judges?: string[];
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const JudgeDetailsSchema = z.object({
  release: z.string(),
  judges: z.array(z.object({ name: z.string(), model: z.string(), simulated: z.boolean() })),
  simulated: z.boolean(),
  requests: z.number().int().nonnegative(),
  cache_hits: z.number().int().nonnegative(),
  estimated_cost_usd: z.number().nonnegative(),
  prompt: z.string(),
});
export type JudgeDetails = z.infer<typeof JudgeDetailsSchema>;

/** The judges of this run: the command line's, else the config's, else one on the endpoint, else two offline ones. */
export function resolveJudges(ctx: AuditContext, options: JudgeOptions): { judge: Judge; simulated: boolean }[] {
  const config = ctx.config.audit;
  const named = (options.judges ?? []).map((model): Judge => ({ name: model.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64), model, base_url: null, api_key_env: null }));
  const judges = named.length > 0 ? named : config.judges;
  const offline = resolveProviderName(config, ctx.env) === 'offline';
  if (judges.length > 0) return judges.map((judge) => ({ judge, simulated: offline && judge.base_url === null }));
  if (!offline) return [{ judge: { name: config.model, model: config.model, base_url: null, api_key_env: null }, simulated: false }];
  // Two simulated judges with independent errors, so agreement among judges has something to show.
  return ['offline-judge-a', 'offline-judge-b'].map((name) => ({ judge: { name, model: OFFLINE_MODEL, base_url: null, api_key_env: null }, simulated: true }));
}

function providerFor(ctx: AuditContext, judge: Judge, simulated: boolean, options: JudgeOptions): ModelProvider {
  const config = ctx.config.audit;
  const env = judge.api_key_env ? { ...ctx.env, OPENAI_API_KEY: ctx.env[judge.api_key_env] } : ctx.env;
  const endpoint = { ...config, provider: simulated ? ('offline' as const) : config.provider, model: judge.model, base_url: judge.base_url ?? config.base_url };
  return createProvider(endpoint, env, { cacheDir: ctx.paths.cache, ...(options.now ? { now: options.now } : {}), ...(options.sleep ? { sleep: options.sleep } : {}) });
}

async function judgeAll(run: StageRun<AuditContext, JudgeOptions>, release: AuditedRelease): Promise<JudgeDetails> {
  const { ctx } = run;
  const config = ctx.config.audit;
  const prompt = loadJudgePrompt();
  const judges = resolveJudges(ctx, run.options);
  const out = run.jsonl<Judgment>('judgments', AUDIT_FILES.judgments);
  const judgments: Judgment[] = [];
  let requests = 0;
  let cacheHits = 0;
  let cost = 0;
  const errors = { neighbourRate: config.offline_neighbour_rate, acrossRate: config.offline_across_rate };
  if (judges.some(({ simulated }) => simulated)) ctx.log.warn('audit: offline judges — their answers are SIMULATED from the labels with seeded errors, not a model\'s');
  for (const { judge, simulated } of judges) {
    const provider = providerFor(ctx, judge, simulated, run.options);
    const requestsOf = release.scenarios.map((scenario) => judgeRequest(prompt, scenario, judge.name, config.judge_max_tokens, errors));
    const progress = ctx.progress({ label: `judge ${judge.name}`, total: requestsOf.length, unit: 'scenarios' });
    const stopped = await completeAll(provider, requestsOf, {
      width: config.concurrency * 2,
      batch: config.batch
        ? { stateFile: join(run.outputDir, `batches-${judge.name}.json`), phase: 'judge', pollMs: config.batch_poll_seconds * 1000, priceFactor: config.batch_discount, ...(run.options.sleep ? { sleep: run.options.sleep } : {}) }
        : null,
      onResult: async (index, result) => {
        const scenario = release.scenarios[index]!;
        run.received();
        if (result.value) {
          run.passed();
          judgments.push(toJudgment(scenario, result.value, judge.name, simulated));
        } else {
          const error = result.error!;
          run.drop({ id: scenario.id, reason: `judge_${error.code}`, evidence: { judge: judge.name, error: error.message, raw_output: error.raw, transient: TRANSIENT_ERROR_CODES.has(error.code) } });
        }
        progress.tick();
      },
    });
    progress.done();
    if (stopped) throw stoppedError('audit', stopped, provider.stats);
    requests += provider.stats.requests;
    cacheHits += provider.stats.cache_hits;
    cost += totalCost(provider.stats);
  }
  // Answers arrive in any order; the file holds them by judge, then scenario.
  judgments.sort((a, b) => (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : a.scenario_id < b.scenario_id ? -1 : a.scenario_id > b.scenario_id ? 1 : 0));
  for (const judgment of judgments) await out.write(judgment);
  return {
    release: release.version,
    judges: judges.map(({ judge, simulated }) => ({ name: judge.name, model: simulated ? OFFLINE_MODEL : judge.model, simulated })),
    simulated: judges.some(({ simulated }) => simulated),
    requests,
    cache_hits: cacheHits,
    estimated_cost_usd: Number(cost.toFixed(6)),
    prompt: `${prompt.id}.v${prompt.version}:${prompt.fingerprint}`,
  };
}

export function judgeStage(release: AuditedRelease): StageDefinition<AuditContext, JudgeOptions, JudgeDetails> {
  return {
    name: 'audit-judge',
    reasons: AUDIT_REASONS,
    details: JudgeDetailsSchema,
    outputDir: (ctx) => auditPaths(ctx, release.version).judges,
    inputs: async () => ({ scenarios: await fileFingerprint(join(release.directory, 'scenarios.jsonl')) }),
    shapingConfig: (ctx, options) => {
      const config = ctx.config.audit;
      return {
        judges: resolveJudges(ctx, options),
        max_tokens: config.judge_max_tokens,
        offline: [config.offline_neighbour_rate, config.offline_across_rate],
        prompt: loadJudgePrompt().fingerprint,
      };
    },
    prompts: () => {
      const prompt = loadJudgePrompt();
      return { [`${prompt.id}.v${prompt.version}`]: prompt.fingerprint };
    },
    // Calls that failed only because the endpoint did are asked again by the next plain run.
    stillCurrent: (previous) => !Object.keys(previous.counts.per_reason).some((reason) => [...TRANSIENT_ERROR_CODES].some((code) => reason === `judge_${code}`)),
    process: (run) => judgeAll(run, release),
  };
}

export async function runJudges(ctx: AuditContext, options: JudgeOptions = {}) {
  const release = await readAuditedRelease(ctx, options.release);
  return { release, outcome: await runStage(judgeStage(release), ctx, options) };
}

/** The judge calls a run would make (those not already cached) and their worst-case cost; nothing is called. */
export async function dryRunJudges(ctx: AuditContext, options: JudgeOptions = {}): Promise<string> {
  const release = await readAuditedRelease(ctx, options.release);
  const config = ctx.config.audit;
  const prompt = loadJudgePrompt();
  const errors = { neighbourRate: config.offline_neighbour_rate, acrossRate: config.offline_across_rate };
  const factor = config.batch ? config.batch_discount : 1;
  const lines: string[] = [];
  let calls = 0;
  let cost = 0;
  for (const { judge, simulated } of resolveJudges(ctx, options)) {
    const client = providerFor(ctx, judge, simulated, options).client;
    let judgeCalls = 0;
    for (const scenario of release.scenarios) {
      const request = judgeRequest(prompt, scenario, judge.name, config.judge_max_tokens, errors);
      if (client && (await client.cached(request))) continue;
      judgeCalls += 1;
      if (client) cost += client.estimateCost(request, factor);
    }
    calls += judgeCalls;
    lines.push(`${judge.name} (${simulated ? 'offline, simulated' : judge.model}): ${judgeCalls}`);
  }
  return `audit judge --dry-run: ${calls} judge calls for release ${release.version} (${lines.join('; ')}), at most $${cost.toFixed(4)}; nothing was called`;
}
