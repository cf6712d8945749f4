/**
 * The filter stage: DATA/raw/posts.jsonl -> DATA/work/filter/posts.jsonl, dropped.jsonl, report.json.
 *
 * Pass 1 streams the raw posts through the checks in cost order (judge.ts), writes the cleaned
 * survivors aside and keeps only a MinHash signature of each in memory. Duplicates are then
 * resolved over all survivors at once (earliest kept), and pass 2 streams the survivors into
 * posts.jsonl. The stage runner (core/stage.ts) does the bookkeeping: up-to-date checks,
 * accounting, the dropped records, commit or abort, the report.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { temporaryPathFor } from '../core/atomic.ts';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError, asIoError } from '../core/errors.ts';
import { fingerprint } from '../core/fingerprint.ts';
import { openLines, type JsonlWriter } from '../core/jsonl.ts';
import { fileFingerprint } from '../core/report.ts';
import { countedReason, runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import type { FilteredPost, RawPost } from '../records.ts';
import { addCounts, type PiiCounts } from './clean.ts';
import type { FilterConfig } from './config.ts';
import { FILTER_CHECKS, FILTER_OUTPUTS, FILTER_REASONS, FilterDetailsSchema, type FilterCheck, type FilterDetails } from './contract.ts';
import { DedupIndex, type DedupStats, type DuplicateVerdicts } from './dedup.ts';
import { loadGateModel } from './gate.ts';
import { lineJudge, type JudgeSetup, type JudgedBatch, type JudgedLine } from './judge-lines.ts';
import type { Rejection } from './presence.ts';

/** Bumped when a check changes meaning; with the config fingerprint it names what passed a post. */
export const FILTER_VERSION = '2.1.0';

export type FilterContext = StageContext<{ filter: FilterConfig }>;

export interface FilterRunOptions {
  /** RawPost JSONL to read. Default: ctx.paths.rawPosts. */
  input?: string;
  /** Output folder. Default: ctx.paths.work('filter'). */
  outputDir?: string;
}

export interface FilterStats {
  in: number;
  out: number;
  rejected: number;
  quarantined: number;
  per_reason: Record<string, number>;
  upToDate: boolean;
  reportPath: string;
  /** Milliseconds spent in each check (pass 1) and in dedup resolution and writing. */
  timing_ms: Record<string, number>;
}

function checkConfig(config: FilterConfig): RegExp {
  if (config.minhash_permutations % config.lsh_bands !== 0) {
    throw new ValactError('config', `filter.minhash_permutations (${config.minhash_permutations}) must be a multiple of filter.lsh_bands (${config.lsh_bands})`, {
      hint: 'Use e.g. 64 permutations in 16 bands, or 128 in 32.',
    });
  }
  try {
    return new RegExp(config.bot_author_pattern);
  } catch (error) {
    throw new ValactError('config', `filter.bot_author_pattern is not a valid regular expression: ${(error as Error).message}`);
  }
}

function sortedObject<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

type PostRef = Pick<RawPost, 'id' | 'subreddit'>;

/**
 * A temporary JSONL file beside the outputs (named by the temporaries rule, so a killed run's
 * copy is removed by the next run): what pass 1 sets aside for pass 2, instead of memory.
 */
class SpillFile<T> {
  readonly path: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(directory: string, name: string) {
    this.path = temporaryPathFor(join(directory, name));
    this.stream = createWriteStream(this.path, { highWaterMark: 1 << 20 });
    // A write error (a full disk) must reach the run as an error, never crash the process.
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  async write(record: T): Promise<void> {
    await this.writeLine(JSON.stringify(record));
  }

  /** A record serialized by the caller (it must be the JSON of a T). */
  async writeLine(json: string): Promise<void> {
    if (this.failure) throw asIoError(this.failure, this.path);
    if (!this.stream.write(json + '\n')) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.stream.errored) throw asIoError(this.stream.errored, this.path);
    this.stream.end();
    await once(this.stream, 'finish');
  }

  async *read(): AsyncGenerator<T> {
    for await (const { bytes } of openLines(this.path)) yield JSON.parse(bytes.toString('utf8')) as T;
  }

  async remove(): Promise<void> {
    this.stream.destroy();
    await rm(this.path, { force: true });
  }
}

/** An advice rejection waiting for dedup: a repost of a kept post is counted as its duplicate. */
interface DeferredRejection {
  line: number;
  id: string;
  subreddit: string;
  rejection: Rejection;
  /** Its index in the dedup index. */
  dedup: number;
}

/** A survivor waiting for dedup, with its index in the dedup index. */
interface SpilledCandidate {
  line: number;
  dedup: number;
  post: FilteredPost;
}

/**
 * What one filter run learns on its way: the funnel per check and per subreddit, the score
 * histogram, and the compact dedup index. Everything per post beyond that is spilled to disk.
 */
class FilterTally {
  readonly funnel = Object.fromEntries(FILTER_CHECKS.map((check) => [check, { entered: 0, rejected: 0 }])) as Record<FilterCheck, { entered: number; rejected: number }>;
  readonly perSubreddit: Record<string, { in: number; out: number; rejected: Record<string, number> }> = {};
  readonly languageMethods: Record<string, number> = {};
  /** Posts that reached the gate, by advice probability in tenths. */
  readonly adviceTenths = new Array<number>(10).fill(0);
  readonly contentFlagsKept: Record<string, number> = {};
  readonly piiTotals: PiiCounts = {};
  readonly dedupStats: DedupStats = { comparisons: 0, cappedPosts: 0, largestBucket: 0 };
  /** Cross-posts with no body: near duplicates if their parent is kept, else link-only. */
  readonly crosspostsWithoutBody: { post: PostRef; line: number; parent: string; fallback: Rejection }[] = [];
  readonly timing: Record<string, number> = {};

  constructor(
    private readonly run: StageRun<FilterContext, FilterRunOptions>,
    readonly dedup: DedupIndex,
  ) {}

  subreddit(name: string) {
    return (this.perSubreddit[name] ??= { in: 0, out: 0, rejected: {} });
  }

  countProbability(probability: number): void {
    this.adviceTenths[Math.min(9, Math.floor(probability * 10))]! += 1;
  }

  addTiming(ms: Record<string, number>): void {
    for (const [step, value] of Object.entries(ms)) this.timing[step] = (this.timing[step] ?? 0) + value;
  }

  reject(post: PostRef, line: number, check: FilterCheck, rejection: Rejection): void {
    this.run.drop({ id: post.id, line, check, reason: rejection.reason, evidence: rejection.evidence });
    const family = countedReason(FILTER_REASONS, rejection.reason);
    const entry = this.subreddit(post.subreddit);
    entry.rejected[family] = (entry.rejected[family] ?? 0) + 1;
    this.funnel[check].rejected += 1;
  }
}

/** Lines a batch carries, to the judging thread and back. */
const BATCH_LINES = 256;
/** Below this input size, worker threads cost more to start than they save. */
const THREADS_MIN_BYTES = 4 << 20;

async function* lineBatches(input: string): AsyncGenerator<{ line: number; text: string }[]> {
  let batch: { line: number; text: string }[] = [];
  for await (const { line, bytes } of openLines(input)) {
    batch.push({ line, text: bytes.toString('utf8') });
    if (batch.length === BATCH_LINES) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Judged lines in input order. This thread judges every batch when `workers` is 0; otherwise it
 * takes its turn with the worker threads (batches go round: here, worker 1, ...), so two cores
 * are used with one extra thread's memory. The order never depends on which finished first.
 */
async function* judgedBatches(input: string, setup: JudgeSetup, workers: number, tally: FilterTally): AsyncGenerator<JudgedLine[]> {
  const judge = lineJudge(setup);
  const threads = Array.from({ length: workers }, () => new Worker(new URL('./judge-thread.js', import.meta.url), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 96 } }));
  const waiting = new Map<number, { resolve: (batch: JudgedBatch) => void; reject: (error: Error) => void }>();
  /** Batches on their way, in sequence: a worker's answer, or the lines this thread will judge when their turn comes. */
  const queued = new Map<number, Promise<JudgedBatch> | { line: number; text: string }[]>();
  let failure: Error | null = null;
  for (const thread of threads) {
    thread.postMessage({ setup });
    thread.on('message', (message: JudgedBatch & { sequence: number }) => {
      waiting.get(message.sequence)?.resolve(message);
      waiting.delete(message.sequence);
    });
    thread.on('error', (error) => {
      failure ??= error;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  }
  try {
    const source = lineBatches(input);
    let sent = 0;
    let exhausted = false;
    const send = async () => {
      const next = await source.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      const sequence = sent;
      sent += 1;
      const owner = sequence % (workers + 1);
      if (owner === 0) {
        queued.set(sequence, next.value);
        return;
      }
      queued.set(sequence, new Promise<JudgedBatch>((resolve, reject) => waiting.set(sequence, { resolve, reject })));
      threads[owner - 1]!.postMessage({ batch: { sequence, lines: next.value } });
    };
    // Keep every worker two batches ahead of the one being handed on.
    while (!exhausted && sent < 2 * (workers + 1)) await send();
    for (let received = 0; received < sent; received += 1) {
      if (failure) throw failure;
      const entry = queued.get(received)!;
      queued.delete(received);
      if (!exhausted) await send();
      const judged = Array.isArray(entry) ? judge(entry) : await entry;
      tally.addTiming(judged.timing);
      yield judged.results;
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/** Worker threads beside this one: the config's, else one for a large input on a machine with two cores or more. */
async function workerThreads(config: FilterConfig, input: string): Promise<number> {
  if (config.threads !== null) return config.threads;
  const bytes = (await stat(input)).size;
  return bytes >= THREADS_MIN_BYTES && availableParallelism() >= 2 ? 1 : 0;
}

/** Pass 1: judge every post; survivors go to the candidates file, the rest are dropped or deferred. */
async function judgeAll(run: StageRun<FilterContext, FilterRunOptions>, tally: FilterTally, input: string, spills: { candidates: SpillFile<SpilledCandidate>; deferred: SpillFile<DeferredRejection> }, setup: JudgeSetup): Promise<void> {
  const config = run.ctx.config.filter;
  let lines = 0;
  const malformed: { line: number; message: string }[] = [];
  const progress = run.ctx.progress({ label: 'filter', unit: 'posts' });
  const workers = await workerThreads(config, input);
  for await (const results of judgedBatches(input, setup, workers, tally)) {
    for (const result of results) {
      run.received();
      if (result.kind === 'malformed') {
        if (malformed.length < 3) malformed.push({ line: result.line, message: result.message });
        run.drop({ id: null, line: result.line, reason: 'malformed', evidence: { message: result.message } });
        continue;
      }
      lines += 1;
      const subreddit = result.subreddit;
      tally.subreddit(subreddit).in += 1;
      tally.funnel.presence.entered += 1;
      if (result.kind === 'crosspost') {
        tally.crosspostsWithoutBody.push({ post: { id: result.id, subreddit }, line: result.line, parent: result.parent, fallback: result.fallback });
      } else if (result.kind === 'rejected') {
        const reached = FILTER_CHECKS.indexOf(result.check);
        for (const check of FILTER_CHECKS.slice(1, reached + 1)) tally.funnel[check].entered += 1;
        if (result.check === 'advice') tally.countProbability(result.rejection.evidence.advice_probability as number);
        if (result.probe) {
          const dedup = tally.dedup.add({ id: result.id, created_utc: result.probe.created_utc, crosspostParent: null, hash: result.probe.hash, signature: result.probe.signature, probe: true });
          await spills.deferred.write({ line: result.line, id: result.id, subreddit, rejection: result.rejection, dedup });
        } else {
          tally.reject({ id: result.id, subreddit }, result.line, result.check, result.rejection);
        }
      } else {
        for (const check of FILTER_CHECKS.slice(1)) tally.funnel[check].entered += 1;
        tally.countProbability(result.adviceProbability);
        tally.languageMethods[result.languageMethod] = (tally.languageMethods[result.languageMethod] ?? 0) + 1;
        const dedup = tally.dedup.add({ id: result.id, created_utc: result.dedup.created_utc, crosspostParent: result.crosspostParent, hash: result.dedup.hash, signature: result.dedup.signature });
        await spills.candidates.writeLine(`{"line":${result.line},"dedup":${dedup},"post":${result.postJson}}`);
      }
    }
    await run.flushDropped();
    progress.tick(results.length);
  }
  await spills.candidates.close();
  await spills.deferred.close();
  progress.done();

  const malformedCount = run.counts().per_reason.malformed ?? 0;
  const totalLines = lines + malformedCount;
  // The same rule as collect's at the end of its input: the share over the whole file, however short.
  if (malformedCount > 0 && malformedCount / totalLines > config.max_malformed_share) {
    throw new ValactError('malformed_input', `${input}: ${malformedCount} of ${totalLines} lines are malformed (more than filter.max_malformed_share = ${config.max_malformed_share}); nothing was written`, {
      hint: `Check the first bad line (${malformed[0]!.line}: ${malformed[0]!.message}), re-run collect, or raise filter.max_malformed_share.`,
    });
  }
}

/** Verdicts that waited for dedup: body-less cross-posts and advice rejections that may be reposts. */
async function settleDeferred(run: StageRun<FilterContext, FilterRunOptions>, tally: FilterTally, duplicates: DuplicateVerdicts, deferred: SpillFile<DeferredRejection>): Promise<void> {
  const keptParents = tally.dedup.keptAmong(new Set(tally.crosspostsWithoutBody.map((entry) => entry.parent)), duplicates);
  for (const { post, line, parent, fallback } of tally.crosspostsWithoutBody) {
    if (keptParents.has(parent)) {
      tally.funnel.duplicate.entered += 1;
      tally.reject(post, line, 'duplicate', { reason: `near_duplicate_of:${parent}`, evidence: { original: parent, crosspost_of: parent, body_chars: 0 } });
    } else {
      tally.reject(post, line, 'presence', fallback);
    }
  }
  for await (const { line, id, subreddit, rejection, dedup } of deferred.read()) {
    const duplicate = duplicates.at(dedup);
    if (duplicate) {
      // Reported as what it is, a repost; it passed as far as the advice check's funnel goes.
      tally.funnel.duplicate.entered += 1;
      tally.reject({ id, subreddit }, line, 'duplicate', { reason: duplicate.reason, evidence: { ...duplicate.evidence, also_failed: rejection.reason } });
    } else {
      tally.reject({ id, subreddit }, line, 'advice', rejection);
    }
    await run.flushDropped();
  }
}

/** Pass 2: the survivors that are not duplicates go to posts.jsonl, in input order. */
async function writeSurvivors(run: StageRun<FilterContext, FilterRunOptions>, tally: FilterTally, candidates: SpillFile<SpilledCandidate>, duplicates: DuplicateVerdicts, posts: JsonlWriter<FilteredPost>): Promise<void> {
  for await (const { line, dedup, post } of candidates.read()) {
    const duplicate = duplicates.at(dedup);
    if (duplicate) {
      tally.reject(post, line, 'duplicate', duplicate);
      await run.flushDropped();
      continue;
    }
    run.passed();
    tally.subreddit(post.subreddit).out += 1;
    addCounts(tally.piiTotals, post.pii_masked);
    for (const [flag, terms] of Object.entries(post.content_flags)) if (terms.length > 0) tally.contentFlagsKept[flag] = (tally.contentFlagsKept[flag] ?? 0) + 1;
    await posts.write(post);
  }
}

async function filterPosts(run: StageRun<FilterContext, FilterRunOptions>): Promise<FilterDetails> {
  const config = run.ctx.config.filter;
  checkConfig(config);
  const input = run.options.input ?? run.ctx.paths.rawPosts;
  const filterVersion = `${FILTER_VERSION}+${fingerprint(shapingConfig(run.ctx)).slice(0, 12)}`;
  const tally = new FilterTally(run, new DedupIndex(config.minhash_permutations));
  const posts = run.jsonl<FilteredPost>('posts', FILTER_OUTPUTS.posts);
  // Cleaned survivors and deferred rejections wait on disk for dedup, not in memory.
  const spills = { candidates: new SpillFile<SpilledCandidate>(run.outputDir, 'candidates.jsonl'), deferred: new SpillFile<DeferredRejection>(run.outputDir, 'deferred.jsonl') };
  try {
    await judgeAll(run, tally, input, spills, { config, filterVersion });
    const started = performance.now();
    const duplicates = tally.dedup.resolve(
      {
        bands: config.lsh_bands,
        minSimilarity: config.near_duplicate_min_similarity,
        maxComparisonsPerPost: config.dedup_max_comparisons_per_post === 0 ? Number.POSITIVE_INFINITY : config.dedup_max_comparisons_per_post,
      },
      tally.dedupStats,
    );
    tally.addTiming({ dedup_resolve: performance.now() - started });
    await settleDeferred(run, tally, duplicates, spills.deferred);
    await writeSurvivors(run, tally, spills.candidates, duplicates, posts);
  } finally {
    await spills.candidates.remove();
    await spills.deferred.remove();
  }

  const gate = loadGateModel();
  return {
    filter_version: filterVersion,
    funnel: FILTER_CHECKS.map((check) => ({ check, entered: tally.funnel[check].entered, rejected: tally.funnel[check].rejected, passed: tally.funnel[check].entered - tally.funnel[check].rejected })),
    per_subreddit: sortedObject(tally.perSubreddit),
    language_methods: sortedObject(tally.languageMethods),
    advice_probability_histogram: Object.fromEntries(tally.adviceTenths.flatMap((count, tenth) => (count > 0 ? [[(tenth / 10).toFixed(1), count]] : []))),
    advice_gate: { model: gate.model.version, threshold: config.advice_threshold ?? gate.model.threshold },
    content_flags_kept: sortedObject(tally.contentFlagsKept),
    value_yield_per_1000_estimate: (gate.model.training.value_yield_per_1000 ?? {}) as Record<string, number>,
    thresholds: {
      min_words: config.min_words,
      max_words: config.max_words,
      advice_threshold: config.advice_threshold ?? gate.model.threshold,
      sexual_min_score: config.sexual_min_score,
      near_duplicate_min_similarity: config.near_duplicate_min_similarity,
      dedup_max_comparisons_per_post: config.dedup_max_comparisons_per_post,
    },
    pii_masked: sortedObject(tally.piiTotals as Record<string, number>),
    dedup: {
      candidates: tally.dedup.size,
      comparisons: tally.dedupStats.comparisons,
      capped_posts: tally.dedupStats.cappedPosts,
      largest_bucket: tally.dedupStats.largestBucket,
      max_comparisons_per_post: config.dedup_max_comparisons_per_post,
    },
    timing_ms: Object.fromEntries(Object.entries(tally.timing).map(([step, ms]) => [step, Math.round(ms)])),
  };
}

function shapingConfig(ctx: FilterContext) {
  // Threads change how fast, never what: the output is the same with any number.
  const { threads: _threads, ...shaping } = ctx.config.filter;
  return { filter: shaping, version: FILTER_VERSION, advice_gate: loadGateModel().model.version };
}

export const filterStage: StageDefinition<FilterContext, FilterRunOptions, FilterDetails> = {
  name: 'filter',
  reasons: FILTER_REASONS,
  details: FilterDetailsSchema,
  outputDir: (ctx, options) => options.outputDir ?? ctx.paths.work('filter'),
  async inputs(ctx, options) {
    const input = options.input ?? ctx.paths.rawPosts;
    try {
      return { raw_posts: await fileFingerprint(input) };
    } catch {
      throw new ValactError('input', `${input} does not exist`, { hint: 'Run `valact collect` first, or pass --data to point at the right data folder.' });
    }
  },
  shapingConfig,
  process: filterPosts,
};

export async function run(ctx: FilterContext, options: FilterRunOptions = {}): Promise<FilterStats> {
  const outcome = await runStage(filterStage, ctx, options);
  return { ...outcome.report.counts, upToDate: outcome.upToDate, reportPath: outcome.reportPath, timing_ms: outcome.report.details.timing_ms };
}

export function summarize(stats: FilterStats): StageResult {
  const reasons = Object.entries(stats.per_reason)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return {
    stage: 'filter',
    reportPath: stats.reportPath,
    upToDate: stats.upToDate,
    summary: [
      `filter${stats.upToDate ? ' (up to date)' : ''}: ${stats.in} posts in, ${stats.out} kept, ${stats.rejected} rejected, ${stats.quarantined} quarantined (malformed lines)`,
      ...(reasons ? [`  dropped by reason (rejected and quarantined): ${reasons}`] : []),
      `  report: ${stats.reportPath}`,
    ],
  };
}
