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
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { temporaryPathFor } from '../core/atomic.ts';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError, asIoError } from '../core/errors.ts';
import { openLines, readRecords, type JsonlWriter } from '../core/jsonl.ts';
import { fileFingerprint } from '../core/report.ts';
import { countedReason, runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { fingerprint } from '../core/fingerprint.ts';
import { RawPostSchema, type FilteredPost, type RawPost } from '../records.ts';
import { addCounts, type PiiCounts } from './clean.ts';
import type { FilterConfig } from './config.ts';
import { FILTER_CHECKS, FILTER_OUTPUTS, FILTER_REASONS, FilterDetailsSchema, type FilterCheck, type FilterDetails } from './contract.ts';
import { MinHasher, exactHash, normalizedWords, resolveDuplicates, type DedupCandidate, type DedupStats, type DuplicateVerdict } from './dedup.ts';
import { loadGateModel } from './gate.ts';
import { judgePost } from './judge.ts';
import type { Rejection } from './presence.ts';

/** Bumped when a check changes meaning; with the config fingerprint it names what passed a post. */
export const FILTER_VERSION = '2.0.0';

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

function histogram(values: number[]): Record<string, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a - b).map(([value, count]) => [String(value), count]));
}

function sortedObject<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

type PostRef = Pick<RawPost, 'id' | 'subreddit'>;

/**
 * What one filter run learns on its way: the funnel per check and per subreddit, the score
 * histograms, the dedup candidates, and the verdicts that wait for dedup.
 */
class FilterTally {
  readonly funnel = Object.fromEntries(FILTER_CHECKS.map((check) => [check, { entered: 0, rejected: 0 }])) as Record<FilterCheck, { entered: number; rejected: number }>;
  readonly perSubreddit: Record<string, { in: number; out: number; rejected: Record<string, number> }> = {};
  readonly languageMethods: Record<string, number> = {};
  readonly adviceProbabilities: number[] = [];
  readonly contentFlagsKept: Record<string, number> = {};
  readonly piiTotals: PiiCounts = {};
  readonly candidates: DedupCandidate[] = [];
  readonly dedupStats: DedupStats = { comparisons: 0, cappedPosts: 0, largestBucket: 0 };
  /** Cross-posts with no body: near duplicates if their parent is kept, else link-only. */
  readonly crosspostsWithoutBody: { post: PostRef; line: number; parent: string; fallback: Rejection }[] = [];
  /** Advice rejections wait for dedup: a repost of a kept post is counted as its duplicate. */
  readonly adviceRejections = new Map<string, { post: PostRef; line: number; rejection: Rejection }>();

  constructor(private readonly run: StageRun<FilterContext, FilterRunOptions>) {}

  subreddit(name: string) {
    return (this.perSubreddit[name] ??= { in: 0, out: 0, rejected: {} });
  }

  reject(post: PostRef, line: number, check: FilterCheck, rejection: Rejection): void {
    this.run.drop({ id: post.id, line, check, reason: rejection.reason, evidence: rejection.evidence });
    const family = countedReason(FILTER_REASONS, rejection.reason);
    const entry = this.subreddit(post.subreddit);
    entry.rejected[family] = (entry.rejected[family] ?? 0) + 1;
    this.funnel[check].rejected += 1;
  }
}

/** Pass 1: judge every post; survivors go to the candidates file, the rest are dropped or deferred. */
async function judgeAll(run: StageRun<FilterContext, FilterRunOptions>, tally: FilterTally, input: string, candidatesStream: WriteStream, filterVersion: string, botPattern: RegExp): Promise<void> {
  const config = run.ctx.config.filter;
  const minHasher = new MinHasher(config.minhash_permutations, config.shingle_words);
  const timer = run.timer;
  let lines = 0;
  const malformed: { line: number; message: string }[] = [];
  const progress = run.ctx.progress({ label: 'filter', unit: 'posts' });
  const records = readRecords(input, RawPostSchema, {
    onMalformed: (line) => {
      malformed.push({ line: line.line, message: line.message });
      run.received();
      run.drop({ id: null, line: line.line, reason: 'malformed', evidence: { message: line.message } });
    },
  });
  for await (const { record: post, line } of records) {
    lines += 1;
    run.received();
    tally.subreddit(post.subreddit).in += 1;
    tally.funnel.presence.entered += 1;
    const verdict = judgePost(post, config, filterVersion, timer, botPattern);
    if (verdict.kind === 'crosspost_without_body') {
      tally.crosspostsWithoutBody.push({ post: { id: post.id, subreddit: post.subreddit }, line, parent: verdict.parent, fallback: verdict.fallback });
    } else if (verdict.kind === 'rejected') {
      const reached = FILTER_CHECKS.indexOf(verdict.check);
      for (const check of FILTER_CHECKS.slice(1, reached + 1)) tally.funnel[check].entered += 1;
      if (verdict.check === 'advice') tally.adviceProbabilities.push(verdict.rejection.evidence.advice_probability as number);
      if (verdict.check === 'content') tally.adviceProbabilities.push(Number.NaN);
      if (verdict.words !== undefined && !tally.adviceRejections.has(post.id)) {
        const words = verdict.words;
        tally.adviceRejections.set(post.id, { post: { id: post.id, subreddit: post.subreddit }, line, rejection: verdict.rejection });
        timer.time('dedup_signature', () => {
          tally.candidates.push({
            id: post.id,
            created_utc: post.created_utc,
            crosspostParent: null,
            hash: exactHash(normalizedWords(post.selftext)),
            signature: minHasher.signature(words),
            probe: true,
          });
        });
      } else {
        tally.reject(post, line, verdict.check, verdict.rejection);
      }
    } else {
      for (const check of FILTER_CHECKS.slice(1)) tally.funnel[check].entered += 1;
      tally.adviceProbabilities.push(verdict.post.quality.advice_probability);
      tally.languageMethods[verdict.post.language.method] = (tally.languageMethods[verdict.post.language.method] ?? 0) + 1;
      timer.time('dedup_signature', () => {
        tally.candidates.push({
          id: post.id,
          created_utc: post.created_utc,
          crosspostParent: post.crosspost_parent?.replace(/^t3_/, '') ?? null,
          // Exact copies are judged on the body as posted: a repost that differs only in an
          // EDIT block (dropped by cleaning) is a near duplicate, not an exact one.
          hash: exactHash(normalizedWords(post.selftext)),
          signature: minHasher.signature(verdict.words),
        });
      });
      if (!candidatesStream.write(JSON.stringify({ line, post: verdict.post }) + '\n')) await once(candidatesStream, 'drain');
    }
    await run.flushDropped();
    progress.tick();
  }
  if (candidatesStream.errored) throw candidatesStream.errored;
  candidatesStream.end();
  await once(candidatesStream, 'finish');
  progress.done();

  const totalLines = lines + malformed.length;
  // The same rule as collect's at the end of its input: the share over the whole file, however short.
  if (malformed.length > 0 && malformed.length / totalLines > config.max_malformed_share) {
    throw new ValactError('malformed_input', `${input}: ${malformed.length} of ${totalLines} lines are malformed (more than filter.max_malformed_share = ${config.max_malformed_share}); nothing was written`, {
      hint: `Check the first bad line (${malformed[0]!.line}: ${malformed[0]!.message}), re-run collect, or raise filter.max_malformed_share.`,
    });
  }
}

/** Verdicts that waited for dedup: body-less cross-posts and advice rejections that may be reposts. */
function settleDeferred(tally: FilterTally, duplicates: Map<string, DuplicateVerdict>): void {
  const keptIds = new Set(tally.candidates.filter((candidate) => !candidate.probe && !duplicates.has(candidate.id)).map((candidate) => candidate.id));
  for (const { post, line, parent, fallback } of tally.crosspostsWithoutBody) {
    if (keptIds.has(parent)) {
      tally.funnel.duplicate.entered += 1;
      tally.reject(post, line, 'duplicate', { reason: `near_duplicate_of:${parent}`, evidence: { original: parent, crosspost_of: parent, body_chars: 0 } });
    } else {
      tally.reject(post, line, 'presence', fallback);
    }
  }
  for (const { post, line, rejection } of tally.adviceRejections.values()) {
    const duplicate = duplicates.get(post.id);
    if (duplicate) {
      // Reported as what it is, a repost; it passed as far as the advice check's funnel goes.
      tally.funnel.duplicate.entered += 1;
      tally.reject(post, line, 'duplicate', { reason: duplicate.reason, evidence: { ...duplicate.evidence, also_failed: rejection.reason } });
    } else {
      tally.reject(post, line, 'advice', rejection);
    }
  }
}

/** Pass 2: the survivors that are not duplicates go to posts.jsonl, in input order. */
async function writeSurvivors(run: StageRun<FilterContext, FilterRunOptions>, tally: FilterTally, candidatesFile: string, duplicates: Map<string, DuplicateVerdict>, posts: JsonlWriter<FilteredPost>): Promise<void> {
  for await (const { bytes } of openLines(candidatesFile)) {
    const { line, post } = JSON.parse(bytes.toString('utf8')) as { line: number; post: FilteredPost };
    const duplicate = duplicates.get(post.id);
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
  const botPattern = checkConfig(config);
  const input = run.options.input ?? run.ctx.paths.rawPosts;
  const filterVersion = `${FILTER_VERSION}+${fingerprint(shapingConfig(run.ctx)).slice(0, 12)}`;
  const tally = new FilterTally(run);
  const posts = run.jsonl<FilteredPost>('posts', FILTER_OUTPUTS.posts);
  // Cleaned survivors wait here for dedup; a killed run's copy is removed by the next run.
  const candidatesFile = temporaryPathFor(join(run.outputDir, 'candidates.jsonl'));
  const candidatesStream = createWriteStream(candidatesFile);
  // A write error (a full disk) must reach the run as an error, never crash the process.
  let candidatesFailure: Error | null = null;
  candidatesStream.on('error', (error) => {
    candidatesFailure ??= error;
  });
  try {
    await judgeAll(run, tally, input, candidatesStream, filterVersion, botPattern);
    if (candidatesFailure) throw asIoError(candidatesFailure, candidatesFile);
    const duplicates = run.timer.time('dedup_resolve', () =>
      resolveDuplicates(
        tally.candidates,
        {
          bands: config.lsh_bands,
          minSimilarity: config.near_duplicate_min_similarity,
          maxComparisonsPerPost: config.dedup_max_comparisons_per_post === 0 ? Number.POSITIVE_INFINITY : config.dedup_max_comparisons_per_post,
        },
        tally.dedupStats,
      ),
    );
    settleDeferred(tally, duplicates);
    await writeSurvivors(run, tally, candidatesFile, duplicates, posts);
  } finally {
    candidatesStream.destroy();
    await rm(candidatesFile, { force: true });
  }

  const gate = loadGateModel();
  return {
    filter_version: filterVersion,
    funnel: FILTER_CHECKS.map((check) => ({ check, entered: tally.funnel[check].entered, rejected: tally.funnel[check].rejected, passed: tally.funnel[check].entered - tally.funnel[check].rejected })),
    per_subreddit: sortedObject(tally.perSubreddit),
    language_methods: sortedObject(tally.languageMethods),
    advice_probability_histogram: histogram(tally.adviceProbabilities.filter((p) => !Number.isNaN(p)).map((p) => Math.min(9, Math.floor(p * 10)) / 10)),
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
      candidates: tally.candidates.length,
      comparisons: tally.dedupStats.comparisons,
      capped_posts: tally.dedupStats.cappedPosts,
      largest_bucket: tally.dedupStats.largestBucket,
      max_comparisons_per_post: config.dedup_max_comparisons_per_post,
    },
    timing_ms: run.timer.rounded(),
  };
}

/** What shapes the filter's output: its config section and the meaning of its checks. */
function shapingConfig(ctx: FilterContext) {
  return { filter: ctx.config.filter, version: FILTER_VERSION, advice_gate: loadGateModel().model.version };
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
