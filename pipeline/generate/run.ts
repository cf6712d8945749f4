/**
 * Stage generate: classify every filtered post, assign target values against per-value
 * quotas, rewrite only the assigned posts into scenarios. Finished calls are journalled
 * (journal.jsonl, append-only) and cached (DATA/cache/llm), so a run killed at any moment
 * repeats at most the calls in flight; outputs are written from the journal at the end,
 * sorted by id, through atomic renames, and report.json (status complete) is written last.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { configFingerprint } from '../config.ts';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { seededUnit } from '../core/fingerprint.ts';
import { JournalWriter, recoverJournal } from '../core/journal.ts';
import { JsonlWriter, readAllRecords } from '../core/jsonl.ts';
import { StageAccounting, Stopwatch, fileFingerprint, isStageUpToDate, readStageReport, writeStageReport, type StageCounts } from '../core/report.ts';
import { FilteredPostSchema, ScenarioSchema, type FilteredPost, type Scenario } from '../records.ts';
import { completeInBatch } from '../llm/batch.ts';
import { ResponseCache } from '../llm/cache.ts';
import { LlmClient, requestFingerprint, type CallError, type CallResult, type StructuredRequest } from '../llm/client.ts';
import { DEFAULT_PRICES, defaultPerValue, type GenerateConfig } from './config.ts';
import { OFFLINE_MODEL, classifyOffline, rewriteOffline } from '../llm/offline.ts';
import { totalCost, type LlmStats } from '../llm/cost.ts';
import type { ClassifyAnswer, RewriteAnswer } from './answers.ts';
import { assignTargets, type ClassifiedPost, type ValueFill } from './assign.ts';
import { classifyRequest, loadStagePrompts, rewriteRequest, type StagePrompts, type Task } from './requests.ts';
import type { ValueId } from '../values.ts';

export type Provider = 'openai' | 'offline';

/** Test seams: a clock and sleep for retries and batch polling. Nothing else. */
export interface GenerateOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface GenerateStats {
  provider: Provider;
  model: string;
  simulated: boolean;
  upToDate: boolean;
  dryRun: boolean;
  counts: StageCounts;
  perValue: number;
  fill: Record<ValueId, ValueFill> | null;
  llm: LlmStats;
  costUsd: number;
  /** Dry run only: calls that would be made and their worst-case cost. */
  estimate?: { classify_calls: number; rewrite_calls: number; cost_usd: number };
  reportPath: string;
}

export type QuarantineRecord = {
  post_id: string;
  step: 'classify' | 'rewrite';
  reason: string;
  error: string;
  raw_output: string | null;
  request_fingerprint: string;
  target_value?: ValueId;
  competing_value?: ValueId;
};

type JournalRecord =
  | { kind: 'classify'; post_id: string; fingerprint: string; answer?: ClassifyAnswer; error?: CallError }
  | { kind: 'rewrite'; post_id: string; fingerprint: string; scenario?: Scenario; error?: CallError; target: ValueId; competing: ValueId };

/**
 * Failures that say nothing about the post (the endpoint was down, overloaded, or a batch lost
 * the request): a re-run tries them again instead of counting them as finished work.
 */
const TRANSIENT_ERROR_CODES: ReadonlySet<CallError['code']> = new Set(['network', 'http_error', 'batch_error', 'batch_missing']);

function isTransientFailure(record: JournalRecord): boolean {
  return record.error !== undefined && TRANSIENT_ERROR_CODES.has(record.error.code);
}

/** True when the last run quarantined posts for transient reasons, which a re-run should retry. */
async function hadTransientFailures(reportPath: string): Promise<boolean> {
  const previous = await readStageReport(reportPath);
  const reasons = Object.keys(previous?.counts.per_reason ?? {});
  return reasons.some((reason) => [...TRANSIENT_ERROR_CODES].some((code) => reason.endsWith(`_${code}`)));
}

interface Answerer {
  provider: Provider;
  model: string;
  stats: LlmStats;
  complete<T>(request: StructuredRequest<T>, task: Task): Promise<CallResult<T>>;
}

export function resolveProvider(config: GenerateConfig, env: Readonly<Record<string, string | undefined>>): Provider {
  if (config.provider) return config.provider;
  return env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'offline';
}

function offlineAnswerer(): Answerer {
  const stats: LlmStats = { requests: 0, cache_hits: 0, retries: 0, repairs: 0, failures: 0, waited_ms: 0, per_model: {} };
  return {
    provider: 'offline',
    model: OFFLINE_MODEL,
    stats,
    async complete<T>(request: StructuredRequest<T>, task: Task): Promise<CallResult<T>> {
      const key = requestFingerprint(OFFLINE_MODEL, request);
      const answer =
        task.kind === 'classify'
          ? classifyOffline(task.post.title, task.post.text)
          : rewriteOffline(task.post.id, task.post.title, task.post.text, task.target, task.competing);
      const usage = { prompt_tokens: 0, completion_tokens: 0 };
      // Held to the same parser as a model's answer: the simulator gets no free pass.
      const parsed = request.parse.safeParse(answer);
      if (!parsed.success) {
        stats.failures += 1;
        return { fingerprint: key, error: { code: 'schema_mismatch', message: parsed.error.message, raw: JSON.stringify(answer) }, cached: false, usage, cost: 0, repaired: false };
      }
      return { fingerprint: key, value: parsed.data, cached: false, usage, cost: 0, repaired: false };
    },
  };
}

function clientFor(ctx: StageContext, config: GenerateConfig, options: GenerateOptions): LlmClient {
  const baseURL = config.base_url ?? ctx.env.OPENAI_BASE_URL ?? null;
  const apiKey = ctx.env.OPENAI_API_KEY ?? null;
  if (!apiKey && !baseURL) {
    throw new ValactError('credentials', 'the openai provider needs OPENAI_API_KEY (for OpenAI) or a base URL (for a local OpenAI-compatible server)', {
      hint: 'Set OPENAI_API_KEY, or pass --base-url http://host:port/v1, or use --provider offline for a simulated run.',
    });
  }
  return new LlmClient({
    model: config.model,
    baseURL,
    apiKey: apiKey ?? 'not-needed',
    concurrency: config.concurrency,
    rpm: config.rpm,
    tpm: config.tpm,
    maxRetries: config.max_retries,
    timeoutMs: config.timeout_seconds * 1000,
    maxRetryAfterMs: config.max_retry_after_seconds * 1000,
    cache: new ResponseCache(ctx.paths.cache),
    prices: { ...DEFAULT_PRICES, ...config.prices },
    maxCost: config.max_cost,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
}

/** Run `work` over `items` with at most `width` in flight; stops taking new items once `stop()` is true. */
async function pool<T>(items: readonly T[], width: number, stop: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
}

export function buildScenario(post: FilteredPost, target: ValueId, competing: ValueId, answer: RewriteAnswer, meta: Scenario['generation']): Scenario {
  const id = `sc_${post.id}`;
  const targetOption = { text: answer.option_target.text, value: target, rationale: answer.option_target.rationale };
  const competingOption = { text: answer.option_competing.text, value: competing, rationale: answer.option_competing.rationale };
  const targetFirst = seededUnit(id, 'option-order') < 0.5;
  return ScenarioSchema.parse({
    id,
    target_value: target,
    competing_value: competing,
    situation: answer.situation,
    options: targetFirst ? [targetOption, competingOption] : [competingOption, targetOption],
    source: { subreddit: post.subreddit, post_id: post.id, created_utc: post.created_utc, permalink: post.permalink },
    generation: meta,
  });
}

export async function run(ctx: StageContext, options: GenerateOptions = {}): Promise<GenerateStats> {
  const config = ctx.config.generate;
  const provider = resolveProvider(config, ctx.env);
  const perValue = config.per_value ?? defaultPerValue(provider);
  const quota = Math.ceil(perValue * (1 + config.over_generation));
  const inputFile = join(ctx.paths.work('filter'), 'posts.jsonl');
  const outputDir = ctx.paths.work('generate');
  const reportPath = ctx.paths.report('generate');
  const journalPath = join(outputDir, 'journal.jsonl');
  const prompts: StagePrompts = loadStagePrompts();
  const model = provider === 'offline' ? OFFLINE_MODEL : config.model;
  // Only what shapes the output; concurrency, limits and batch mode do not.
  const shaping = {
    provider,
    model,
    per_value: perValue,
    over_generation: config.over_generation,
    min_value_score: config.min_value_score,
    temperature: config.temperature,
    classify_max_tokens: config.classify_max_tokens,
    rewrite_max_tokens: config.rewrite_max_tokens,
    prompts: { classify: prompts.classify.fingerprint, rewrite: prompts.rewrite.fingerprint },
  };
  const configPrint = configFingerprint(shaping);
  let inputPrint;
  try {
    inputPrint = await fileFingerprint(inputFile);
  } catch {
    throw new ValactError('input', `${inputFile} does not exist`, { hint: 'Run `valact filter` first, or pass --data to point at the right data folder.' });
  }
  const emptyLlm: LlmStats = { requests: 0, cache_hits: 0, retries: 0, repairs: 0, failures: 0, waited_ms: 0, per_model: {} };
  const finished =
    !ctx.force &&
    !config.dry_run &&
    (await isStageUpToDate(reportPath, { inputs: { posts: inputPrint }, configFingerprint: configPrint })) &&
    !(await hadTransientFailures(reportPath));
  if (finished) {
    const counts: StageCounts = { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} };
    return { provider, model, simulated: provider === 'offline', upToDate: true, dryRun: false, counts, perValue, fill: null, llm: emptyLlm, costUsd: 0, reportPath };
  }

  const posts = (await readAllRecords(inputFile, FilteredPostSchema)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const postsById = new Map(posts.map((post) => [post.id, post]));
  if (postsById.size !== posts.length) {
    throw new ValactError('input', `${inputFile}: the same post id appears more than once`, { hint: 'Re-run `valact filter`; its output must hold each post once.' });
  }

  const answerer: Answerer & { client?: LlmClient } =
    provider === 'offline'
      ? offlineAnswerer()
      : (() => {
          const client = clientFor(ctx, config, options);
          return { provider, model, stats: client.stats, client, complete: <T>(request: StructuredRequest<T>) => client.complete(request) };
        })();
  if (provider === 'offline') {
    ctx.log.warn('generate: offline provider — every scenario is SIMULATED from templates (simulated: true), not written by a model');
  }

  if (config.dry_run) {
    return dryRun(ctx, config, prompts, posts, quota, provider, model, perValue, reportPath, answerer.client);
  }

  const stopwatch = new Stopwatch();
  if (ctx.force) await rm(journalPath, { force: true });
  const { records: recovered, tornBytes } = await recoverJournal<JournalRecord>(journalPath);
  if (tornBytes > 0) ctx.log.info(`generate: cut a torn tail of ${tornBytes} bytes off ${journalPath} (a killed run)`);
  const done = new Map<string, JournalRecord>();
  for (const { record } of recovered) {
    if (!isTransientFailure(record)) done.set(`${record.kind}:${record.post_id}:${record.fingerprint}`, record);
  }
  const journal = await JournalWriter.open<JournalRecord>(journalPath);
  let budgetStop: CallError | null = null;
  const stop = () => budgetStop !== null;
  const note = () => {
    const usage = Object.values(answerer.stats.per_model).reduce((sum, entry) => [sum[0]! + entry.prompt_tokens, sum[1]! + entry.completion_tokens], [0, 0]);
    return `| ${usage[0]} in / ${usage[1]} out tokens, $${totalCost(answerer.stats).toFixed(4)}, ${answerer.stats.cache_hits} cached`;
  };

  try {
    // Step 1: classify every post.
    const classified = new Map<string, JournalRecord & { kind: 'classify' }>();
    const classifyTodo: { post: FilteredPost; request: StructuredRequest<ClassifyAnswer> }[] = [];
    for (const post of posts) {
      const request = classifyRequest(prompts, config, post);
      const key = requestFingerprint(model, request);
      const previous = done.get(`classify:${post.id}:${key}`);
      if (previous?.kind === 'classify') classified.set(post.id, previous);
      else classifyTodo.push({ post, request });
    }
    const classifyProgress = ctx.progress({ label: 'classify', total: classifyTodo.length, unit: 'posts' });
    const recordClassify = async (post: FilteredPost, result: CallResult<ClassifyAnswer>) => {
      if (result.error?.code === 'budget') {
        budgetStop = result.error;
        return;
      }
      const entry: JournalRecord & { kind: 'classify' } = result.value
        ? { kind: 'classify', post_id: post.id, fingerprint: result.fingerprint, answer: result.value }
        : { kind: 'classify', post_id: post.id, fingerprint: result.fingerprint, error: result.error! };
      await journal.append(entry);
      classified.set(post.id, entry);
      classifyProgress.tick(1, note());
    };
    if (config.batch && answerer.client) {
      const results = await completeInBatch(answerer.client, classifyTodo.map((todo) => todo.request), batchOptions(outputDir, 'classify', config, options, ctx));
      for (const [index, result] of results.entries()) await recordClassify(classifyTodo[index]!.post, result);
    } else {
      await pool(classifyTodo, config.concurrency * 2, stop, async ({ post, request }) => {
        await recordClassify(post, await answerer.complete(request, { kind: 'classify', post }));
      });
    }
    classifyProgress.done(note());
    if (budgetStop) throw budgetError(budgetStop, answerer.stats);

    // Step 2: assign targets over the whole set.
    const usable: ClassifiedPost[] = [];
    for (const post of posts) {
      const entry = classified.get(post.id);
      if (entry?.answer?.usable) usable.push({ postId: post.id, scores: entry.answer.scores });
    }
    const { assignments, fill } = assignTargets(usable, quota, config.min_value_score);
    for (const [value, state] of Object.entries(fill)) {
      if (state.shortfall > 0) ctx.log.warn(`generate: ${value} has ${state.assigned} of ${state.quota} posts; it needs ${state.shortfall} more posts where it is at stake`);
    }

    // Step 3: rewrite the assigned posts.
    const rewritten = new Map<string, JournalRecord & { kind: 'rewrite' }>();
    const rewriteTodo: { post: FilteredPost; target: ValueId; competing: ValueId; request: StructuredRequest<RewriteAnswer> }[] = [];
    for (const assignment of assignments) {
      const post = postsById.get(assignment.postId)!;
      const request = rewriteRequest(prompts, config, post, assignment.target, assignment.competing);
      const key = requestFingerprint(model, request);
      const previous = done.get(`rewrite:${post.id}:${key}`);
      if (previous?.kind === 'rewrite') rewritten.set(post.id, previous);
      else rewriteTodo.push({ post, target: assignment.target, competing: assignment.competing, request });
    }
    const rewriteProgress = ctx.progress({ label: 'rewrite', total: rewriteTodo.length, unit: 'scenarios' });
    const recordRewrite = async (todo: (typeof rewriteTodo)[number], result: CallResult<RewriteAnswer>) => {
      if (result.error?.code === 'budget') {
        budgetStop = result.error;
        return;
      }
      const base = { kind: 'rewrite' as const, post_id: todo.post.id, fingerprint: result.fingerprint, target: todo.target, competing: todo.competing };
      const entry: JournalRecord & { kind: 'rewrite' } = result.value
        ? {
            ...base,
            scenario: buildScenario(todo.post, todo.target, todo.competing, result.value, {
              provider,
              model,
              prompt_id: prompts.rewrite.id,
              prompt_version: prompts.rewrite.version,
              request_fingerprint: result.fingerprint,
              simulated: provider === 'offline',
            }),
          }
        : { ...base, error: result.error! };
      await journal.append(entry);
      rewritten.set(todo.post.id, entry);
      rewriteProgress.tick(1, note());
    };
    if (config.batch && answerer.client) {
      const results = await completeInBatch(answerer.client, rewriteTodo.map((todo) => todo.request), batchOptions(outputDir, 'rewrite', config, options, ctx));
      for (const [index, result] of results.entries()) await recordRewrite(rewriteTodo[index]!, result);
    } else {
      await pool(rewriteTodo, config.concurrency * 2, stop, async (todo) => {
        await recordRewrite(todo, await answerer.complete(todo.request, { kind: 'rewrite', post: todo.post, target: todo.target, competing: todo.competing }));
      });
    }
    rewriteProgress.done(note());
    if (budgetStop) throw budgetError(budgetStop, answerer.stats);
    await journal.sync();

    // Outputs, from what is journalled, in id order.
    const accounting = new StageAccounting();
    const scenarios = new JsonlWriter<Scenario>(join(outputDir, 'scenarios.jsonl'));
    const quarantine = new JsonlWriter<QuarantineRecord>(join(outputDir, 'quarantine.jsonl'));
    const assignedIds = new Set(assignments.map((assignment) => assignment.postId));
    for (const post of posts) {
      accounting.received();
      const classifiedEntry = classified.get(post.id)!;
      if (classifiedEntry.error) {
        accounting.quarantined(`classify_${classifiedEntry.error.code}`);
        await quarantine.write(quarantineRecord(post.id, 'classify', classifiedEntry.fingerprint, classifiedEntry.error));
        continue;
      }
      if (!classifiedEntry.answer!.usable) {
        accounting.rejected('not_usable');
        continue;
      }
      if (!assignedIds.has(post.id)) {
        const atStake = Object.values(classifiedEntry.answer!.scores).some((score) => score >= config.min_value_score);
        accounting.rejected(atStake ? 'not_needed' : 'no_value_at_stake');
        continue;
      }
      const entry = rewritten.get(post.id)!;
      if (entry.scenario) {
        accounting.passed();
        await scenarios.write(entry.scenario);
      } else {
        accounting.quarantined(`rewrite_${entry.error!.code}`);
        await quarantine.write({ ...quarantineRecord(post.id, 'rewrite', entry.fingerprint, entry.error!), target_value: entry.target, competing_value: entry.competing });
      }
    }
    accounting.assertBalanced('generate');
    await scenarios.commit();
    await quarantine.commit();
    const counts = accounting.snapshot();
    const costUsd = totalCost(answerer.stats);
    await writeStageReport(reportPath, {
      stage: 'generate',
      status: 'complete',
      counts,
      inputs: { posts: inputPrint },
      outputs: { scenarios: 'scenarios.jsonl', quarantine: 'quarantine.jsonl' },
      fingerprints: { config: configPrint, prompts: { [`${prompts.classify.id}.v${prompts.classify.version}`]: prompts.classify.fingerprint, [`${prompts.rewrite.id}.v${prompts.rewrite.version}`]: prompts.rewrite.fingerprint } },
      timing: stopwatch.timing(),
      details: {
        provider,
        model,
        simulated: provider === 'offline',
        per_value: perValue,
        quota_per_value: quota,
        fill,
        requests: answerer.stats.requests,
        cache_hits: answerer.stats.cache_hits,
        retries: answerer.stats.retries,
        repairs: answerer.stats.repairs,
        waited_ms: Math.round(answerer.stats.waited_ms),
        tokens: answerer.stats.per_model,
        estimated_cost_usd: Number(costUsd.toFixed(6)),
        batch: config.batch,
      },
    });
    return { provider, model, simulated: provider === 'offline', upToDate: false, dryRun: false, counts, perValue, fill, llm: answerer.stats, costUsd, reportPath };
  } finally {
    await journal.close();
  }
}

function quarantineRecord(postId: string, step: 'classify' | 'rewrite', fingerprint: string, error: CallError): QuarantineRecord {
  return { post_id: postId, step, reason: `${step}_${error.code}`, error: error.message, raw_output: error.raw, request_fingerprint: fingerprint };
}

function budgetError(error: CallError, stats: LlmStats): ValactError {
  return new ValactError('budget', `generate stopped before exceeding the budget: ${error.message}; ${stats.requests} requests made, estimated $${totalCost(stats).toFixed(4)}`, {
    hint: 'Finished calls are journalled and cached: raise --max-cost and run again to continue where this run stopped.',
  });
}

function batchOptions(outputDir: string, phase: string, config: GenerateConfig, options: GenerateOptions, ctx: StageContext) {
  return {
    stateFile: join(outputDir, 'batches.json'),
    phase,
    pollMs: config.batch_poll_seconds * 1000,
    priceFactor: config.batch_discount,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    onPoll: (status: string, completed: number, total: number) => ctx.log.info(`generate: ${phase} batch ${status}, ${completed}/${total} done`),
  };
}

async function dryRun(
  ctx: StageContext,
  config: GenerateConfig,
  prompts: StagePrompts,
  posts: FilteredPost[],
  quota: number,
  provider: Provider,
  model: string,
  perValue: number,
  reportPath: string,
  client: LlmClient | undefined,
): Promise<GenerateStats> {
  let classifyCalls = 0;
  let cost = 0;
  const factor = config.batch ? config.batch_discount : 1;
  for (const post of posts) {
    const request = classifyRequest(prompts, config, post);
    if (client && (await client.cached(request))) continue;
    classifyCalls += 1;
    if (client) cost += client.estimateCost(request, factor);
  }
  // Before classifying, the assignment is unknown: at most one rewrite per quota slot, never more than the posts.
  const rewriteCalls = Math.min(posts.length, quota * 10);
  if (client && posts.length > 0) {
    const sample = rewriteRequest(prompts, config, posts[0]!, 'benevolence', 'power');
    cost += rewriteCalls * client.estimateCost(sample, factor);
  }
  const counts: StageCounts = { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} };
  ctx.log.info(`generate --dry-run: ${classifyCalls} classify + up to ${rewriteCalls} rewrite calls, at most $${cost.toFixed(4)} (${provider}, ${model}); nothing was called`);
  return {
    provider,
    model,
    simulated: provider === 'offline',
    upToDate: false,
    dryRun: true,
    counts,
    perValue,
    fill: null,
    llm: client?.stats ?? { requests: 0, cache_hits: 0, retries: 0, repairs: 0, failures: 0, waited_ms: 0, per_model: {} },
    costUsd: 0,
    estimate: { classify_calls: classifyCalls, rewrite_calls: rewriteCalls, cost_usd: Number(cost.toFixed(6)) },
    reportPath,
  };
}
