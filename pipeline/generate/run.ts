/**
 * Stage generate: classify every filtered post, assign target values against per-value
 * quotas, rewrite only the assigned posts into scenarios. Finished calls are journalled
 * (journal.jsonl, append-only) and cached (DATA/cache/llm), so a run killed at any moment
 * repeats at most the calls in flight; outputs are written from the journal at the end, in id
 * order. The stage runner (core/stage.ts) does the bookkeeping.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { seededUnit } from '../core/fingerprint.ts';
import { JournalWriter, recoverJournal } from '../core/journal.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { fileFingerprint, type StageCounts } from '../core/report.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { FILTER_OUTPUTS } from '../filter/contract.ts';
import { totalCost, type LlmStats } from '../llm/cost.ts';
import { completeAll, createProvider, resolveProviderName, stoppedError, type ModelProvider, type ProviderName } from '../llm/provider.ts';
import { OFFLINE_MODEL } from '../llm/offline.ts';
import { TRANSIENT_ERROR_CODES, type CallError, type CallResult, type StructuredRequest } from '../llm/types.ts';
import { FilteredPostSchema, ScenarioSchema, type FilteredPost, type Scenario } from '../records.ts';
import type { ValueId } from '../values.ts';
import type { ClassifyAnswer, RewriteAnswer } from './answers.ts';
import { assignTargets, type ClassifiedPost, type ValueFill } from './assign.ts';
import { defaultPerValue, type GenerateConfig } from './config.ts';
import { GENERATE_OUTPUTS, GENERATE_REASONS, GenerateDetailsSchema, type GenerateDetails } from './contract.ts';
import { addObjections, objectionsPath, readObjections } from './objections.ts';
import { classifyRequest, loadStagePrompts, rewriteRequest, type StagePrompts } from './requests.ts';

export type GenerateContext = StageContext<{ generate: GenerateConfig }>;

export interface GenerateOptions {
  /** An audit's flagged.jsonl: those posts are rewritten with the judges' objections (kept for later runs). */
  regenerate?: string;
  /** Test seams: a clock and sleep for retries and batch polling. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface GenerateStats {
  provider: ProviderName;
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

type ClassifyEntry = { kind: 'classify'; post_id: string; fingerprint: string; answer?: ClassifyAnswer; error?: CallError };
type RewriteEntry = { kind: 'rewrite'; post_id: string; fingerprint: string; scenario?: Scenario; error?: CallError; target: ValueId; competing: ValueId };
type JournalRecord = ClassifyEntry | RewriteEntry;

/** What this run is, decided once from the config and the environment. */
interface Plan {
  provider: ProviderName;
  model: string;
  perValue: number;
  quota: number;
  prompts: StagePrompts;
}

function plan(ctx: GenerateContext): Plan {
  const config = ctx.config.generate;
  const provider = resolveProviderName(config, ctx.env);
  const perValue = config.per_value ?? defaultPerValue(provider);
  return {
    provider,
    model: provider === 'offline' ? OFFLINE_MODEL : config.model,
    perValue,
    quota: Math.ceil(perValue * (1 + config.over_generation)),
    prompts: loadStagePrompts(),
  };
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

function inputFile(ctx: GenerateContext): string {
  return join(ctx.paths.work('filter'), FILTER_OUTPUTS.posts);
}

async function readPosts(file: string): Promise<FilteredPost[]> {
  const posts = (await readAllRecords(file, FilteredPostSchema)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (new Set(posts.map((post) => post.id)).size !== posts.length) {
    throw new ValactError('input', `${file}: the same post id appears more than once`, { hint: 'Re-run `valact filter`; its output must hold each post once.' });
  }
  return posts;
}

/** The journal of finished calls, by kind, post and request fingerprint; transient failures are asked again. */
class CallJournal {
  private constructor(
    private readonly done: Map<string, JournalRecord>,
    private readonly writer: JournalWriter<JournalRecord>,
  ) {}

  static async open(file: string, force: boolean, log: (message: string) => void): Promise<CallJournal> {
    if (force) await rm(file, { force: true });
    const { records, tornBytes } = await recoverJournal<JournalRecord>(file);
    if (tornBytes > 0) log(`generate: cut a torn tail of ${tornBytes} bytes off ${file} (a killed run)`);
    const done = new Map<string, JournalRecord>();
    for (const { record } of records) {
      if (!(record.error !== undefined && TRANSIENT_ERROR_CODES.has(record.error.code))) done.set(`${record.kind}:${record.post_id}:${record.fingerprint}`, record);
    }
    return new CallJournal(done, await JournalWriter.open<JournalRecord>(file));
  }

  finished<K extends JournalRecord['kind']>(kind: K, postId: string, fingerprint: string): Extract<JournalRecord, { kind: K }> | undefined {
    return this.done.get(`${kind}:${postId}:${fingerprint}`) as Extract<JournalRecord, { kind: K }> | undefined;
  }

  append(record: JournalRecord): Promise<void> {
    return this.writer.append(record);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

interface PhaseCall<T, Entry> {
  postId: string;
  request: StructuredRequest<T>;
  /** The journal entry for this call's result. */
  entry(result: CallResult<T>): Entry;
}

/**
 * One phase (classify or rewrite): reuse what the journal holds, send the rest through the
 * provider, journal each result as it arrives. Stops the stage on a spent budget or a refused key.
 */
async function runPhase<T, Entry extends JournalRecord>(
  run: StageRun<GenerateContext, GenerateOptions>,
  provider: ModelProvider,
  journal: CallJournal,
  phase: Entry['kind'],
  calls: PhaseCall<T, Entry>[],
): Promise<Map<string, Entry>> {
  const config = run.ctx.config.generate;
  const results = new Map<string, Entry>();
  const todo: PhaseCall<T, Entry>[] = [];
  for (const call of calls) {
    const previous = journal.finished(phase, call.postId, provider.fingerprint(call.request));
    if (previous) results.set(call.postId, previous as unknown as Entry);
    else todo.push(call);
  }
  const progress = run.ctx.progress({ label: phase, total: todo.length, unit: phase === 'classify' ? 'posts' : 'scenarios' });
  const note = () => {
    const tokens = Object.values(provider.stats.per_model).reduce((sum, entry) => [sum[0]! + entry.prompt_tokens, sum[1]! + entry.completion_tokens], [0, 0]);
    return `| ${tokens[0]} in / ${tokens[1]} out tokens, $${totalCost(provider.stats).toFixed(4)}, ${provider.stats.cache_hits} cached`;
  };
  const batch = config.batch
    ? {
        stateFile: join(run.outputDir, 'batches.json'),
        phase,
        pollMs: config.batch_poll_seconds * 1000,
        priceFactor: config.batch_discount,
        ...(run.options.sleep ? { sleep: run.options.sleep } : {}),
        onPoll: (status: string, completed: number, total: number) => run.ctx.log.info(`generate: ${phase} batch ${status}, ${completed}/${total} done`),
      }
    : null;
  const stoppedBy = await completeAll(provider, todo.map((call) => call.request), {
    width: config.concurrency * 2,
    batch,
    onResult: async (index, result) => {
      const call = todo[index]!;
      const entry = call.entry(result);
      await journal.append(entry);
      results.set(call.postId, entry);
      progress.tick(1, note());
    },
  });
  progress.done(note());
  if (stoppedBy) throw stoppedError('generate', stoppedBy, provider.stats);
  return results;
}

/**
 * Calls that failed for reasons outside the post stop the run (exit 8) before anything is
 * committed, when there are more than generate.max_failure_share of them, or by default when
 * they leave a value's quota unfilled. The journal keeps every finished call: the next run
 * asks only the failed ones again.
 */
function stopOnEndpointFailures(ctx: GenerateContext, step: 'classify' | 'rewrite', entries: Iterable<JournalRecord>, calls: number, quotaUnfilled: string[]): void {
  const failed = [...entries].filter((entry) => entry.error !== undefined && TRANSIENT_ERROR_CODES.has(entry.error.code));
  if (failed.length === 0) return;
  const share = ctx.config.generate.max_failure_share;
  const tooMany = share === null ? quotaUnfilled.length > 0 : failed.length / Math.max(calls, 1) > share;
  if (!tooMany) {
    ctx.log.warn(`generate: ${failed.length} ${step} call(s) failed at the endpoint; they are retried by the next run`);
    return;
  }
  const why = share === null ? `the quota of ${quotaUnfilled.join(', ')} is left unfilled` : `more than generate.max_failure_share = ${share}`;
  throw new ValactError('network', `generate: ${failed.length} of ${calls} ${step} calls failed at the endpoint past their retries (${why}); the previous outputs were left as they were. First: ${failed[0]!.error!.message}`, {
    hint: 'Finished calls are journalled and cached; once the endpoint answers again, run the same command to continue.',
  });
}

/** The outputs, from what is journalled, in id order: every post passed, rejected or quarantined once. */
async function writeOutputs(
  run: StageRun<GenerateContext, GenerateOptions>,
  posts: FilteredPost[],
  classified: Map<string, ClassifyEntry>,
  assignedIds: Set<string>,
  rewritten: Map<string, RewriteEntry>,
): Promise<void> {
  const scenarios = run.jsonl<Scenario>('scenarios', GENERATE_OUTPUTS.scenarios);
  const quarantine = (step: 'classify' | 'rewrite', entry: ClassifyEntry | RewriteEntry) => {
    const error = entry.error!;
    const values = entry.kind === 'rewrite' ? { target_value: entry.target, competing_value: entry.competing } : {};
    run.drop({ id: entry.post_id, reason: `${step}_${error.code}`, evidence: { step, error: error.message, raw_output: error.raw, request_fingerprint: entry.fingerprint, ...values } });
  };
  for (const post of posts) {
    run.received();
    const classifiedEntry = classified.get(post.id)!;
    if (classifiedEntry.error) {
      quarantine('classify', classifiedEntry);
    } else if (!classifiedEntry.answer!.usable) {
      run.drop({ id: post.id, reason: 'not_usable', evidence: { reason: classifiedEntry.answer!.reason } });
    } else if (!assignedIds.has(post.id)) {
      const atStake = Object.values(classifiedEntry.answer!.scores).some((score) => score >= run.ctx.config.generate.min_value_score);
      run.drop({ id: post.id, reason: atStake ? 'not_needed' : 'no_value_at_stake', evidence: { scores: classifiedEntry.answer!.scores } });
    } else {
      const entry = rewritten.get(post.id)!;
      if (entry.scenario) {
        run.passed();
        await scenarios.write(entry.scenario);
      } else {
        quarantine('rewrite', entry);
      }
    }
    await run.flushDropped();
  }
}

async function generateScenarios(run: StageRun<GenerateContext, GenerateOptions>): Promise<GenerateDetails> {
  const { ctx } = run;
  const config = ctx.config.generate;
  const { provider: providerName, model, perValue, quota, prompts } = plan(ctx);
  const posts = await readPosts(inputFile(ctx));
  const postsById = new Map(posts.map((post) => [post.id, post]));
  const provider = createProvider(config, ctx.env, { cacheDir: ctx.paths.cache, ...run.options });
  if (provider.simulated) ctx.log.warn('generate: offline provider — every scenario is SIMULATED from templates (simulated: true), not written by a model');

  const objections = await readObjections(run.outputDir);
  const journal = await CallJournal.open(join(run.outputDir, 'journal.jsonl'), ctx.force, ctx.log.info);
  try {
    // Step 1: classify every post.
    const classified = await runPhase(run, provider, journal, 'classify', posts.map((post) => ({
      postId: post.id,
      request: classifyRequest(prompts, config, post),
      entry: (result: CallResult<ClassifyAnswer>): ClassifyEntry =>
        result.value ? { kind: 'classify', post_id: post.id, fingerprint: result.fingerprint, answer: result.value } : { kind: 'classify', post_id: post.id, fingerprint: result.fingerprint, error: result.error! },
    })));

    // Step 2: assign targets over the whole set.
    const usable: ClassifiedPost[] = [];
    for (const post of posts) {
      const entry = classified.get(post.id);
      if (entry?.answer?.usable) usable.push({ postId: post.id, scores: entry.answer.scores });
    }
    const { assignments, fill } = assignTargets(usable, quota, config.min_value_score);
    const unfilled = Object.entries(fill).filter(([, state]) => state.shortfall > 0);
    stopOnEndpointFailures(ctx, 'classify', classified.values(), posts.length, unfilled.map(([value]) => value));
    for (const [value, state] of unfilled) {
      ctx.log.warn(`generate: ${value} has ${state.assigned} of ${state.quota} posts; it needs ${state.shortfall} more posts where it is at stake`);
    }

    // Step 3: rewrite the assigned posts.
    const meta = (fingerprint: string): Scenario['generation'] => ({
      provider: providerName,
      model,
      prompt_id: prompts.rewrite.id,
      prompt_version: prompts.rewrite.version,
      request_fingerprint: fingerprint,
      simulated: provider.simulated,
    });
    const rewritten = await runPhase(run, provider, journal, 'rewrite', assignments.map(({ postId, target, competing }) => {
      const post = postsById.get(postId)!;
      return {
        postId,
        request: rewriteRequest(prompts, config, post, target, competing, objections.get(postId)?.objection ?? null),
        entry: (result: CallResult<RewriteAnswer>): RewriteEntry => {
          const base = { kind: 'rewrite' as const, post_id: postId, fingerprint: result.fingerprint, target, competing };
          return result.value ? { ...base, scenario: buildScenario(post, target, competing, result.value, meta(result.fingerprint)) } : { ...base, error: result.error! };
        },
      };
    }));

    const written = Object.fromEntries(Object.keys(fill).map((value) => [value, 0]));
    for (const entry of rewritten.values()) if (entry.scenario) written[entry.target] = (written[entry.target] ?? 0) + 1;
    const lostToFailures = Object.keys(fill).filter((value) => written[value]! < fill[value as ValueId].assigned && written[value]! < quota);
    stopOnEndpointFailures(ctx, 'rewrite', rewritten.values(), assignments.length, lostToFailures);

    await writeOutputs(run, posts, classified, new Set(assignments.map((assignment) => assignment.postId)), rewritten);
    const stats = provider.stats;
    return {
      provider: providerName,
      model,
      simulated: provider.simulated,
      per_value: perValue,
      quota_per_value: quota,
      fill,
      requests: stats.requests,
      cache_hits: stats.cache_hits,
      retries: stats.retries,
      repairs: stats.repairs,
      waited_ms: Math.round(stats.waited_ms),
      tokens: stats.per_model,
      estimated_cost_usd: Number(totalCost(stats).toFixed(6)),
      batch: config.batch,
    };
  } finally {
    await journal.close();
  }
}

export const generateStage: StageDefinition<GenerateContext, GenerateOptions, GenerateDetails> = {
  name: 'generate',
  reasons: GENERATE_REASONS,
  details: GenerateDetailsSchema,
  async inputs(ctx) {
    const file = inputFile(ctx);
    const objections = objectionsPath(ctx.paths.work('generate'));
    try {
      return { posts: await fileFingerprint(file), ...((await pathExists(objections)) ? { objections: await fileFingerprint(objections) } : {}) };
    } catch {
      throw new ValactError('input', `${file} does not exist`, { hint: 'Run `valact filter` first, or pass --data to point at the right data folder.' });
    }
  },
  // Only what shapes the output; concurrency, limits and batch mode do not.
  shapingConfig(ctx) {
    const config = ctx.config.generate;
    const { provider, model, perValue, prompts } = plan(ctx);
    return {
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
  },
  prompts(ctx) {
    const { prompts } = plan(ctx);
    return { [`${prompts.classify.id}.v${prompts.classify.version}`]: prompts.classify.fingerprint, [`${prompts.rewrite.id}.v${prompts.rewrite.version}`]: prompts.rewrite.fingerprint };
  },
  // Posts quarantined only because the endpoint failed are tried again by the next plain run.
  stillCurrent: (previous) => !Object.keys(previous.counts.per_reason).some((reason) => [...TRANSIENT_ERROR_CODES].some((code) => reason.endsWith(`_${code}`))),
  process: generateScenarios,
};

export async function run(ctx: GenerateContext, options: GenerateOptions = {}): Promise<GenerateStats> {
  const { provider, model, perValue } = plan(ctx);
  if (ctx.config.generate.dry_run) return dryRun(ctx, options);
  if (options.regenerate) {
    const added = await addObjections(ctx.paths.work('generate'), options.regenerate);
    ctx.log.info(`generate --regenerate: ${added} flagged scenario(s) from ${options.regenerate} will be rewritten with the judges' objections (kept in ${objectionsPath(ctx.paths.work('generate'))})`);
  }
  const outcome = await runStage(generateStage, ctx, options);
  const details = outcome.report.details;
  const llm = { requests: details.requests, cache_hits: details.cache_hits, retries: details.retries, repairs: details.repairs, failures: outcome.report.counts.quarantined, waited_ms: details.waited_ms, per_model: details.tokens };
  return {
    provider,
    model,
    simulated: details.simulated,
    upToDate: outcome.upToDate,
    dryRun: false,
    counts: outcome.report.counts,
    perValue,
    fill: details.fill as Record<ValueId, ValueFill>,
    llm,
    costUsd: details.estimated_cost_usd,
    reportPath: outcome.reportPath,
  };
}

/** The calls a run would make and their worst-case cost; nothing is called. */
async function dryRun(ctx: GenerateContext, options: GenerateOptions): Promise<GenerateStats> {
  const config = ctx.config.generate;
  const { provider: providerName, model, perValue, quota, prompts } = plan(ctx);
  const file = inputFile(ctx);
  await generateStage.inputs(ctx, options);
  const posts = await readPosts(file);
  const client = createProvider(config, ctx.env, { cacheDir: ctx.paths.cache, ...options }).client;
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
  if (client && posts.length > 0) cost += rewriteCalls * client.estimateCost(rewriteRequest(prompts, config, posts[0]!, 'benevolence', 'power'), factor);
  ctx.log.info(`generate --dry-run: ${classifyCalls} classify + up to ${rewriteCalls} rewrite calls, at most $${cost.toFixed(4)} (${providerName}, ${model}); nothing was called`);
  return {
    provider: providerName,
    model,
    simulated: providerName === 'offline',
    upToDate: false,
    dryRun: true,
    counts: { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} },
    perValue,
    fill: null,
    llm: client?.stats ?? { requests: 0, cache_hits: 0, retries: 0, repairs: 0, failures: 0, waited_ms: 0, per_model: {} },
    costUsd: 0,
    estimate: { classify_calls: classifyCalls, rewrite_calls: rewriteCalls, cost_usd: Number(cost.toFixed(6)) },
    reportPath: ctx.paths.report('generate'),
  };
}
