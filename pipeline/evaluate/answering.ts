/**
 * `valact evaluate run`: every item of a release (all five types) and every questionnaire
 * question, asked of each respondent `repeats` times. Models answer through the same client as
 * generation (cache, limits, Retry-After, budget, Batch API); each finished call is journalled
 * as it arrives, so a killed run repeats at most the calls in flight. With no endpoint,
 * simulated respondents with known value priorities answer, marked simulated everywhere.
 * Writes DATA/eval/<run>/answers/: responses.jsonl, questionnaire.jsonl, manifest.json.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { JournalWriter, recoverJournal } from '../core/journal.ts';
import { fileFingerprint } from '../core/report.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { totalCost } from '../llm/cost.ts';
import { completeAll, createProvider, resolveProviderName, stoppedError, type ModelProvider } from '../llm/provider.ts';
import { CALL_ERROR_CODES, TRANSIENT_ERROR_CODES, type CallResult, type StructuredRequest } from '../llm/types.ts';
import type { Item } from '../records.ts';
import { itemRequest, loadRespondPrompt, type AskSettings } from './ask.ts';
import type { EvaluateConfig, RespondentModel } from './config.ts';
import type { ItemResponse, QuestionnaireAnswer, ResponseStatus } from './contract.ts';
import { evalPaths, type EvaluatedRelease } from './published.ts';
import { loadQuestionnaire, questionnaireRequest } from './questionnaire.ts';
import { DEFAULT_SIMULATED_RESPONDENTS, simulateItemResponses, simulateQuestionnaire, type SimulatedRespondentSpec } from './simulated.ts';

export type EvaluateContext = StageContext<{ evaluate: EvaluateConfig }>;

export interface EvaluateOptions {
  /** The release folder; default the newest under DATA/release. */
  release?: string;
  /** Models named on the command line (--model), each a respondent on the default endpoint. */
  models?: string[];
  /** The run's name: DATA/eval/<run>/. Default: the release version and the respondents. */
  run?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const EVAL_FILES = { responses: 'responses.jsonl', questionnaire: 'questionnaire.jsonl', manifest: 'manifest.json', journal: 'journal.jsonl' } as const;

export const EVALUATE_REASONS = Object.fromEntries(
  CALL_ERROR_CODES.filter((code) => TRANSIENT_ERROR_CODES.has(code)).map((code) => [
    `call_${code}`,
    { check: 'call', disposition: 'quarantined', description: `the endpoint failed past its retries (${code}); the next run asks again` },
  ]),
) as Record<string, { check: string; disposition: 'quarantined'; description: string }>;

export type Respondent = { name: string; kind: 'model'; model: RespondentModel } | { name: string; kind: 'simulated'; spec: SimulatedRespondentSpec };

/** The respondents of this run: the command line's models, else the config's, else the endpoint's default model, else the simulated ones. */
export function resolveRespondents(ctx: EvaluateContext, options: EvaluateOptions): Respondent[] {
  const config = ctx.config.evaluate;
  const named = (options.models ?? []).map((model): RespondentModel => ({ name: model.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64), model, base_url: null, api_key_env: null }));
  const models = named.length > 0 ? named : config.models;
  const offline = resolveProviderName(config, ctx.env) === 'offline';
  const reachable = models.filter((model) => !offline || model.base_url !== null);
  if (models.length > reachable.length) {
    // Never let a simulated answer stand in for a named model.
    throw new ValactError('usage', `no endpoint for ${models.filter((model) => !reachable.includes(model)).map((model) => model.name).join(', ')}: set OPENAI_API_KEY or OPENAI_BASE_URL (or the model's base_url)`, {
      hint: 'Without any endpoint, `valact evaluate run` with no --model runs the simulated respondents.',
    });
  }
  if (models.length > 0) return models.map((model) => ({ name: model.name, kind: 'model', model }));
  if (!offline) return [{ name: config.model, kind: 'model', model: { name: config.model, model: config.model, base_url: null, api_key_env: null } }];
  return Array.from({ length: config.simulated_respondents }, (_unused, index): Respondent => {
    const spec = DEFAULT_SIMULATED_RESPONDENTS[index % DEFAULT_SIMULATED_RESPONDENTS.length]!;
    const round = Math.floor(index / DEFAULT_SIMULATED_RESPONDENTS.length);
    const name = round === 0 ? spec.name : `${spec.name}-${round + 1}`;
    return { name, kind: 'simulated', spec: { ...spec, name, seed: spec.seed + config.seed + 1000 * round } };
  });
}

/** The default run name: the release version, then the respondents (hashed past a few). */
export function defaultRunName(version: string, respondents: readonly Respondent[]): string {
  const names = respondents.every((respondent) => respondent.kind === 'simulated') ? ['simulated'] : respondents.map((respondent) => respondent.name);
  const joined = names.join('+');
  return `${version}-${joined.length <= 80 ? joined : `${names.length}-respondents`}`;
}

export const RespondentSummarySchema = z.object({ name: z.string(), kind: z.enum(['model', 'simulated']), model: z.string().nullable(), simulated: z.boolean() });

export const AnswersDetailsSchema = z.object({
  release: z.string(),
  run: z.string(),
  respondents: z.array(RespondentSummarySchema),
  simulated: z.boolean(),
  repeats: z.number().int().positive(),
  items: z.number().int().nonnegative(),
  questions: z.number().int().nonnegative(),
  statuses: z.record(z.string(), z.number().int().nonnegative()),
  requests: z.number().int().nonnegative(),
  cache_hits: z.number().int().nonnegative(),
  estimated_cost_usd: z.number().nonnegative(),
  questionnaire: z.object({ id: z.string(), version: z.string(), fingerprint: z.string(), validated: z.boolean(), notice: z.string() }),
});
export type AnswersDetails = z.infer<typeof AnswersDetailsSchema>;

/** answers/manifest.json: which release (and which bytes of it), who answered, how they were asked. */
export const RunManifestSchema = z.object({
  run: z.string(),
  release: z.object({ version: z.string(), directory: z.string(), files: z.record(z.string(), z.string()), simulated: z.boolean() }),
  respondents: z.array(RespondentSummarySchema),
  settings: z.object({ repeats: z.number(), temperature: z.number(), structured: z.boolean(), max_tokens: z.number(), seed: z.number() }),
  prompts: z.record(z.string(), z.string()),
  questionnaire: AnswersDetailsSchema.shape.questionnaire,
  simulated: z.boolean(),
});
export type RunManifest = z.infer<typeof RunManifestSchema>;

/** What a reader of a run's manifest relies on: the release folder, the respondents' names, the questionnaire. */
const RunManifestReadSchema = z.object({
  release: z.object({ directory: z.string() }),
  respondents: z.array(z.object({ name: z.string() })).default([]),
  questionnaire: z.object({ id: z.string(), version: z.string(), fingerprint: z.string() }).optional(),
});
export type RunManifestRead = z.infer<typeof RunManifestReadSchema>;

/** A run's manifest, or null when the run has none; one that does not parse is bad input, named. */
export async function readRunManifest(ctx: StageContext<unknown>, run: string): Promise<RunManifestRead | null> {
  const file = join(evalPaths(ctx, run).answers, EVAL_FILES.manifest);
  if (!(await pathExists(file))) return null;
  try {
    return RunManifestReadSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new ValactError('input', `${file} is not a run manifest: ${(error as Error).message.slice(0, 300)}`);
  }
}

/** One finished call, as journalled: enough to rebuild its response without asking again. */
interface JournalRecord {
  key: string;
  fingerprint: string;
  status: ResponseStatus | 'failed';
  value: string | number | null;
  raw: string | null;
  tokens: { in: number; out: number } | null;
  error: string | null;
}

interface Call {
  key: string;
  request: StructuredRequest<unknown>;
  finish(record: JournalRecord): void;
}

function statusOf(result: CallResult<unknown>): ResponseStatus | 'failed' {
  if (result.value !== undefined) return 'answered';
  if (result.error!.code === 'refusal') return 'refused';
  return TRANSIENT_ERROR_CODES.has(result.error!.code) ? 'failed' : 'unparseable';
}

/** Ask one model every call not already in the journal; journal each answer as it arrives. */
async function askModel(run: StageRun<EvaluateContext, EvaluateOptions>, provider: ModelProvider, respondent: string, calls: Call[], done: Map<string, JournalRecord>, journal: JournalWriter<JournalRecord>, read: (value: unknown) => string | number): Promise<void> {
  const config = run.ctx.config.evaluate;
  const todo: Call[] = [];
  for (const call of calls) {
    const previous = done.get(`${call.key}:${provider.fingerprint(call.request)}`);
    if (previous) call.finish(previous);
    else todo.push(call);
  }
  const progress = run.ctx.progress({ label: `ask ${respondent}`, total: todo.length, unit: 'calls' });
  const note = () => `| ${provider.stats.requests} requests, ${provider.stats.cache_hits} cached, $${totalCost(provider.stats).toFixed(4)}`;
  const stopped = await completeAll(provider, todo.map((call) => call.request), {
    width: config.concurrency * 2,
    batch: config.batch
      ? { stateFile: join(run.outputDir, `batches-${respondent}.json`), phase: 'respond', pollMs: config.batch_poll_seconds * 1000, priceFactor: config.batch_discount, ...(run.options.sleep ? { sleep: run.options.sleep } : {}) }
      : null,
    onResult: async (index, result) => {
      const call = todo[index]!;
      const status = statusOf(result);
      const record: JournalRecord = {
        key: call.key,
        fingerprint: result.fingerprint,
        status,
        value: result.value !== undefined ? read(result.value) : null,
        raw: result.value !== undefined ? JSON.stringify(result.value) : (result.error?.raw ?? null),
        tokens: result.cached ? null : { in: result.usage.prompt_tokens, out: result.usage.completion_tokens },
        error: result.error ? `${result.error.code}: ${result.error.message}` : null,
      };
      await journal.append(record);
      call.finish(record);
      progress.tick(1, note());
    },
  });
  progress.done(note());
  if (stopped) throw stoppedError('evaluate', stopped, provider.stats);
}

function providerFor(ctx: EvaluateContext, model: RespondentModel, options: EvaluateOptions): ModelProvider {
  const config = ctx.config.evaluate;
  const env = model.api_key_env ? { ...ctx.env, OPENAI_API_KEY: ctx.env[model.api_key_env] } : ctx.env;
  const endpoint = { ...config, provider: model.base_url !== null ? ('openai' as const) : config.provider, model: model.model, base_url: model.base_url ?? config.base_url };
  return createProvider(endpoint, env, { cacheDir: ctx.paths.cache, ...(options.now ? { now: options.now } : {}), ...(options.sleep ? { sleep: options.sleep } : {}) });
}

async function answerAll(run: StageRun<EvaluateContext, EvaluateOptions>, release: EvaluatedRelease, runName: string): Promise<AnswersDetails> {
  const { ctx } = run;
  const config = ctx.config.evaluate;
  const respondents = resolveRespondents(ctx, run.options);
  const questionnaire = loadQuestionnaire(config.questionnaire ?? undefined);
  const prompt = loadRespondPrompt();
  const settings: AskSettings = { structured: config.structured, temperature: config.temperature, maxTokens: config.max_tokens };
  const journalFile = join(run.outputDir, EVAL_FILES.journal);
  if (ctx.force) await rm(journalFile, { force: true });
  const { records, tornBytes } = await recoverJournal<JournalRecord>(journalFile);
  if (tornBytes > 0) ctx.log.info(`evaluate: cut a torn tail of ${tornBytes} bytes off ${journalFile} (a killed run)`);
  // Transient failures are asked again; everything else finished stays finished.
  const done = new Map(records.filter(({ record }) => record.status !== 'failed').map(({ record }) => [`${record.key}:${record.fingerprint}`, record]));
  const journal = await JournalWriter.open<JournalRecord>(journalFile);
  if (respondents.some((respondent) => respondent.kind === 'simulated')) ctx.log.warn('evaluate: simulated respondents — their answers come from built-in value priorities, not a model\'s or a person\'s');

  const responses: ItemResponse[] = [];
  const answers: QuestionnaireAnswer[] = [];
  let requests = 0;
  let cacheHits = 0;
  let cost = 0;
  const failed = (key: string, respondent: string, record: JournalRecord) =>
    run.drop({ id: key, reason: `call_${record.error?.split(':')[0] ?? 'network'}`, evidence: { respondent, error: record.error } });
  try {
    for (const respondent of respondents) {
      if (respondent.kind === 'simulated') {
        const simulatedResponses = simulateItemResponses(respondent.spec, release.items, config.repeats);
        const simulatedAnswers = Array.from({ length: config.repeats }, (_unused, repeat) =>
          simulateQuestionnaire({ ...respondent.spec, seed: respondent.spec.seed + repeat }, questionnaire.questions, questionnaire.scale).map((answer) => ({ ...answer, repeat })),
        ).flat();
        run.received(simulatedResponses.length + simulatedAnswers.length);
        run.passed(simulatedResponses.length + simulatedAnswers.length);
        responses.push(...simulatedResponses);
        answers.push(...simulatedAnswers);
        continue;
      }
      const provider = providerFor(ctx, respondent.model, run.options);
      const calls: Call[] = [];
      for (let repeat = 0; repeat < config.repeats; repeat += 1) {
        for (const item of release.items) {
          const key = `${respondent.name}|item|${item.id}|${repeat}`;
          calls.push({
            key,
            request: itemRequest(prompt, item, repeat, settings) as StructuredRequest<unknown>,
            finish: (record) => {
              if (record.status === 'failed') return failed(key, respondent.name, record);
              run.passed();
              responses.push(toResponse(respondent.name, item, repeat, record));
            },
          });
        }
        for (const question of questionnaire.questions) {
          const key = `${respondent.name}|question|${question.id}|${repeat}`;
          calls.push({
            key,
            request: questionnaireRequest(questionnaire, question, repeat, settings) as StructuredRequest<unknown>,
            finish: (record) => {
              if (record.status === 'failed') return failed(key, respondent.name, record);
              run.passed();
              answers.push({ respondent: respondent.name, kind: 'model', question_id: question.id, repeat, rating: typeof record.value === 'number' ? record.value : null, status: record.status, raw: record.raw, simulated: false });
            },
          });
        }
      }
      run.received(calls.length);
      await askModel(run, provider, respondent.name, calls, done, journal, (value) => {
        const answer = value as { choice?: string; rating?: number };
        return answer.choice ?? answer.rating ?? 0;
      });
      requests += provider.stats.requests;
      cacheHits += provider.stats.cache_hits;
      cost += totalCost(provider.stats);
    }
  } finally {
    await journal.close();
  }
  // Answers arrive in any order; the files hold them by respondent, item, repeat.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  responses.sort((a, b) => order(a.respondent, b.respondent) || order(a.item_id, b.item_id) || a.repeat - b.repeat);
  answers.sort((a, b) => order(a.respondent, b.respondent) || order(a.question_id, b.question_id) || a.repeat - b.repeat);
  const responsesOut = run.jsonl<ItemResponse>('responses', EVAL_FILES.responses);
  for (const response of responses) await responsesOut.write(response);
  const answersOut = run.jsonl<QuestionnaireAnswer>('questionnaire', EVAL_FILES.questionnaire);
  for (const answer of answers) await answersOut.write(answer);
  const statuses: Record<string, number> = {};
  for (const { status } of [...responses, ...answers]) statuses[status] = (statuses[status] ?? 0) + 1;
  const summaries = respondents.map((respondent) => ({ name: respondent.name, kind: respondent.kind, model: respondent.kind === 'model' ? respondent.model.model : null, simulated: respondent.kind === 'simulated' }));
  const questionnaireInfo = { id: questionnaire.id, version: questionnaire.version, fingerprint: questionnaire.fingerprint, validated: questionnaire.validated, notice: questionnaire.notice };
  const manifest: RunManifest = {
    run: runName,
    release: { version: release.version, directory: release.directory, files: release.files, simulated: release.simulated },
    respondents: summaries,
    settings: { repeats: config.repeats, temperature: config.temperature, structured: config.structured, max_tokens: config.max_tokens, seed: config.seed },
    prompts: { [`${prompt.id}.v${prompt.version}`]: prompt.fingerprint, [`${questionnaire.id}.v${questionnaire.version}`]: questionnaire.fingerprint },
    questionnaire: questionnaireInfo,
    simulated: summaries.some((summary) => summary.simulated),
  };
  await run.file('manifest', EVAL_FILES.manifest).write(JSON.stringify(manifest, null, 2) + '\n');
  return {
    release: release.version,
    run: runName,
    respondents: summaries,
    simulated: summaries.some((summary) => summary.simulated),
    repeats: config.repeats,
    items: release.items.length,
    questions: questionnaire.questions.length,
    statuses,
    requests,
    cache_hits: cacheHits,
    estimated_cost_usd: Number(cost.toFixed(6)),
    questionnaire: questionnaireInfo,
  };
}

function toResponse(respondent: string, item: Item, repeat: number, record: JournalRecord): ItemResponse {
  const answer = record.value === 'A' || record.value === 'B' ? record.value : null;
  return {
    respondent,
    kind: 'model',
    item_id: item.id,
    scenario_id: item.scenario_id,
    item_type: item.type,
    repeat,
    answer: record.status === 'answered' ? answer : null,
    status: record.status === 'failed' ? 'unparseable' : record.status,
    raw: record.raw,
    tokens: record.tokens,
    simulated: false,
  };
}

export function answersStage(release: EvaluatedRelease, runName: string): StageDefinition<EvaluateContext, EvaluateOptions, AnswersDetails> {
  return {
    name: 'evaluate',
    reasons: EVALUATE_REASONS,
    details: AnswersDetailsSchema,
    outputDir: (ctx) => evalPaths(ctx, runName).answers,
    inputs: async () => ({ items: await fileFingerprint(join(release.directory, 'items.jsonl')) }),
    shapingConfig: (ctx, options) => {
      const config = ctx.config.evaluate;
      const questionnaire = loadQuestionnaire(config.questionnaire ?? undefined);
      return {
        respondents: resolveRespondents(ctx, options),
        repeats: config.repeats,
        temperature: config.temperature,
        structured: config.structured,
        max_tokens: config.max_tokens,
        questionnaire: questionnaire.fingerprint,
        seed: config.seed,
      };
    },
    prompts: (ctx) => {
      const prompt = loadRespondPrompt();
      const questionnaire = loadQuestionnaire(ctx.config.evaluate.questionnaire ?? undefined);
      return { [`${prompt.id}.v${prompt.version}`]: prompt.fingerprint, [`${questionnaire.id}.v${questionnaire.version}`]: questionnaire.fingerprint };
    },
    // Calls that failed only because the endpoint did are asked again by the next plain run.
    stillCurrent: (previous) => !Object.keys(previous.counts.per_reason).some((reason) => reason in EVALUATE_REASONS),
    process: (run) => answerAll(run, release, runName),
  };
}

export async function runAnswers(ctx: EvaluateContext, release: EvaluatedRelease, runName: string, options: EvaluateOptions) {
  return runStage(answersStage(release, runName), ctx, options);
}
