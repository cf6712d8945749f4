/**
 * The filter stage: DATA/raw/posts.jsonl -> DATA/work/filter/{posts,rejected}.jsonl + report.json.
 *
 * Pass 1 streams the raw posts through the checks in cost order (presence, length, language,
 * advice/decision), cleans and masks the survivors and writes them aside with a MinHash
 * signature kept in memory. Duplicates are then resolved over all survivors at once (earliest
 * kept), and pass 2 streams the survivors into posts.jsonl. The stage is cheap, so a killed run
 * is simply redone: outputs are renamed into place and report.json, the completion marker, is
 * removed first and written last.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { configFingerprint } from '../config.ts';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { JsonlWriter, openLines, readRecords } from '../core/jsonl.ts';
import { StageAccounting, Stopwatch, fileFingerprint, isStageUpToDate, writeStageReport, type StageReport } from '../core/report.ts';
import { RawPostSchema, type FilteredPost, type RawPost } from '../records.ts';
import { scoreAdvice, type AdviceEvidence } from './advice.ts';
import { addCounts, countWords, detectNames, maskPii, stripMarkdown, type PiiCounts } from './clean.ts';
import type { FilterConfig } from './config.ts';
import { MinHasher, exactHash, normalizedWords, resolveDuplicates, type DedupCandidate, type DedupStats } from './dedup.ts';
import { detectLanguage, type LanguageEvidence } from './language.ts';
import { checkBody, checkBotOrModerator, checkNsfw, checkRemoved, type Rejection } from './presence.ts';

/** Bumped when a check changes meaning; with the config fingerprint it names what passed a post. */
export const FILTER_VERSION = '1.1.0';

/** The checks in the order they run, as named in rejected.jsonl and the report's funnel. */
export const CHECKS = ['presence', 'length', 'language', 'advice', 'duplicate'] as const;
export type CheckName = (typeof CHECKS)[number];

/** One line of rejected.jsonl. */
export interface RejectedPost {
  /** Post id, or null for a malformed input line. */
  id: string | null;
  subreddit: string | null;
  /** 1-based line in the input file. */
  line: number;
  check: CheckName | 'input';
  /** Reason code, with detail after a colon where there is one ("lang:fra", "near_duplicate_of:abc"). */
  reason: string;
  evidence: Record<string, unknown>;
}

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

/** The reason code as counted in the report: detail is kept for languages, ids are dropped. */
export function reasonFamily(reason: string): string {
  if (reason.startsWith('duplicate_of:')) return 'duplicate';
  if (reason.startsWith('near_duplicate_of:')) return 'near_duplicate';
  return reason;
}

/** What a single post is judged on before duplicates: a rejection, or the cleaned post. */
export type PostVerdict =
  /**
   * `words` (the normalized body) is set on advice rejections: a repost of a kept post is
   * reported as a duplicate of it even when its edits lost the cues the advice check needs.
   */
  | { kind: 'rejected'; check: CheckName; rejection: Rejection; words?: string[] }
  | { kind: 'passed'; post: FilteredPost; words: string[] }
  /** A cross-post with no body of its own: a near duplicate if its parent is kept, else link-only. */
  | { kind: 'crosspost_without_body'; parent: string; fallback: Rejection };

interface CheckTimer {
  time<T>(check: string, work: () => T): T;
}

const untimed: CheckTimer = { time: (_check, work) => work() };

const URL_IN_TEXT = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

/**
 * Judge one raw post against checks 1-3 and clean it. Pure apart from the timer: the same post
 * and config always give the same verdict.
 */
export function judgePost(post: RawPost, config: FilterConfig, filterVersion: string, timer: CheckTimer = untimed, botPattern = new RegExp(config.bot_author_pattern)): PostVerdict {
  const presence = timer.time('presence', () => {
    // Bot, removed, deleted, then cross-post, then NSFW: one reason per post, in the order the
    // sample corpus's labels document (data/raw/sample/README.md).
    const rejection = checkBotOrModerator(post, config, botPattern) ?? checkRemoved(post);
    if (rejection) return rejection;
    const body = checkBody(post, config);
    if (body && post.crosspost_parent !== null && post.selftext.trim().length === 0) {
      return { reason: 'crosspost', evidence: body.evidence };
    }
    return checkNsfw(post, config) ?? body;
  });
  if (presence?.reason === 'crosspost') {
    return {
      kind: 'crosspost_without_body',
      parent: post.crosspost_parent!.replace(/^t3_/, ''),
      fallback: { reason: 'link_only', evidence: { ...presence.evidence, crosspost_parent: post.crosspost_parent } },
    };
  }
  if (presence) return { kind: 'rejected', check: 'presence', rejection: presence };

  const cleaned = timer.time('clean', () => ({
    title: stripMarkdown(post.title, { stripEditBlocks: false }).text.replace(/\s+/g, ' ').trim(),
    body: stripMarkdown(post.selftext, { stripEditBlocks: config.strip_edit_blocks }),
  }));
  const wordCount = countWords(cleaned.body.text);
  const length = timer.time('length', (): Rejection | null => {
    if (cleaned.body.text.length === 0) return { reason: 'empty', evidence: { words: 0, after: 'markdown cleaning' } };
    if (wordCount < config.min_words) return { reason: 'too_short', evidence: { words: wordCount, min_words: config.min_words } };
    if (wordCount > config.max_words) return { reason: 'too_long', evidence: { words: wordCount, max_words: config.max_words } };
    return null;
  });
  if (length) return { kind: 'rejected', check: 'length', rejection: length };

  const language: LanguageEvidence = timer.time('language', () =>
    detectLanguage(`${cleaned.title}\n${cleaned.body.text.replace(URL_IN_TEXT, ' ')}`, config),
  );
  if (!language.english) {
    return { kind: 'rejected', check: 'language', rejection: { reason: `lang:${language.code}`, evidence: { ...language } } };
  }

  const advice: AdviceEvidence = timer.time('advice', () => scoreAdvice(cleaned.title, cleaned.body.text));
  if (advice.advice_score < config.advice_min_score) {
    const rejection = { reason: 'not_advice', evidence: { ...advice, advice_min_score: config.advice_min_score } };
    return { kind: 'rejected', check: 'advice', rejection, words: normalizedWords(cleaned.body.text) };
  }
  if (advice.decision_score < config.decision_min_score) {
    const rejection = { reason: 'no_decision', evidence: { ...advice, decision_min_score: config.decision_min_score } };
    return { kind: 'rejected', check: 'advice', rejection, words: normalizedWords(cleaned.body.text) };
  }

  return timer.time('pii', () => {
    const names = config.mask_names ? detectNames(`${cleaned.title}\n${cleaned.body.text}`) : new Set<string>();
    const title = maskPii(cleaned.title, { maskNames: config.mask_names, names });
    const body = maskPii(cleaned.body.text, { maskNames: config.mask_names, names });
    const piiMasked: PiiCounts = addCounts(addCounts({}, title.counts), body.counts);
    // Belt and braces: the author's own name never reaches a filtered post, in any form.
    const maskAuthor = (text: string) => maskAuthorName(text, post.author, piiMasked);
    const filtered: FilteredPost = {
      id: post.id,
      subreddit: post.subreddit,
      created_utc: post.created_utc,
      permalink: post.permalink,
      title: maskAuthor(title.text),
      text: maskAuthor(body.text),
      language: { code: 'eng', confidence: language.confidence, method: language.method },
      quality: { word_count: wordCount, advice_score: advice.advice_score, decision_score: advice.decision_score },
      pii_masked: piiMasked as Record<string, number>,
      filter_version: filterVersion,
    };
    return { kind: 'passed', post: filtered, words: normalizedWords(body.text) };
  });
}

const UNNAMED_AUTHORS = new Set(['[deleted]', '[removed]', '']);

function maskAuthorName(text: string, author: string, counts: PiiCounts): string {
  if (UNNAMED_AUTHORS.has(author) || author.length < 3) return text;
  const pattern = new RegExp(`(?<![\\w-])${author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi');
  return text.replace(pattern, () => {
    counts.user = (counts.user ?? 0) + 1;
    return '[USER]';
  });
}

class Timings implements CheckTimer {
  readonly ms: Record<string, number> = {};

  time<T>(check: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.ms[check] = (this.ms[check] ?? 0) + (performance.now() - started);
    }
  }

  rounded(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.ms).map(([check, ms]) => [check, Math.round(ms)]));
  }
}

interface SubredditFunnel {
  in: number;
  out: number;
  rejected: Record<string, number>;
}

function histogram(values: number[]): Record<string, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a - b).map(([value, count]) => [String(value), count]));
}

function sortedObject<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

export async function run(ctx: StageContext, options: FilterRunOptions = {}): Promise<FilterStats> {
  const config = ctx.config.filter;
  const input = options.input ?? ctx.paths.rawPosts;
  const outputDir = options.outputDir ?? ctx.paths.work('filter');
  const postsFile = join(outputDir, 'posts.jsonl');
  const rejectedFile = join(outputDir, 'rejected.jsonl');
  const reportFile = ctx.paths.report('filter');
  const candidatesFile = join(outputDir, `.candidates-${process.pid}.jsonl`);

  if (config.minhash_permutations % config.lsh_bands !== 0) {
    throw new ValactError('config', `filter.minhash_permutations (${config.minhash_permutations}) must be a multiple of filter.lsh_bands (${config.lsh_bands})`, {
      hint: 'Use e.g. 64 permutations in 16 bands, or 128 in 32.',
    });
  }
  let botPattern: RegExp;
  try {
    botPattern = new RegExp(config.bot_author_pattern);
  } catch (error) {
    throw new ValactError('config', `filter.bot_author_pattern is not a valid regular expression: ${(error as Error).message}`);
  }

  let inputFingerprint;
  try {
    inputFingerprint = await fileFingerprint(input);
  } catch {
    throw new ValactError('input', `${input} does not exist`, { hint: 'Run `valact collect` first, or pass --data to point at the right data folder.' });
  }
  const configFp = configFingerprint({ filter: config, version: FILTER_VERSION });
  const inputs = { raw_posts: inputFingerprint };
  if (!ctx.force && (await isStageUpToDate(reportFile, { inputs, configFingerprint: configFp }))) {
    ctx.log.info(`filter: ${reportFile} is complete for this input and config; nothing to do (use --force to redo)`);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as StageReport;
    const timingMs = (report.details?.timing_ms ?? {}) as Record<string, number>;
    return { ...report.counts, upToDate: true, reportPath: reportFile, timing_ms: timingMs };
  }

  const filterVersion = `${FILTER_VERSION}+${configFp.slice(0, 12)}`;
  const stopwatch = new Stopwatch();
  const timings = new Timings();
  const accounting = new StageAccounting();
  const perSubreddit: Record<string, SubredditFunnel> = {};
  const funnel = Object.fromEntries(CHECKS.map((check) => [check, { entered: 0, rejected: 0 }]));
  const languageMethods: Record<string, number> = {};
  const adviceScores: number[] = [];
  const decisionScores: number[] = [];
  const piiTotals: PiiCounts = {};
  const minHasher = new MinHasher(config.minhash_permutations, config.shingle_words);
  const candidates: DedupCandidate[] = [];
  const dedupStats: DedupStats = { comparisons: 0, cappedPosts: 0, largestBucket: 0 };
  const crosspostsWithoutBody: { post: RawPost; line: number; parent: string; fallback: Rejection }[] = [];
  // Advice rejections wait for dedup: a repost of a kept post is counted as its duplicate.
  const adviceRejections = new Map<string, { post: Pick<RawPost, 'id' | 'subreddit'>; line: number; rejection: Rejection }>();
  let malformedLines = 0;
  let lines = 0;

  // The report is the completion marker: remove it before touching any output.
  await mkdir(outputDir, { recursive: true });
  await rm(reportFile, { force: true });
  const rejectedWriter = new JsonlWriter<RejectedPost>(rejectedFile);
  const postsWriter = new JsonlWriter<FilteredPost>(postsFile);
  const candidatesStream = createWriteStream(candidatesFile);
  const progress = ctx.progress({ label: 'filter', unit: 'posts' });

  const subredditOf = (name: string) => (perSubreddit[name] ??= { in: 0, out: 0, rejected: {} });
  const reject = async (post: Pick<RawPost, 'id' | 'subreddit'>, line: number, check: CheckName, rejection: Rejection) => {
    const family = reasonFamily(rejection.reason);
    accounting.rejected(family);
    const funnelEntry = subredditOf(post.subreddit);
    funnelEntry.rejected[family] = (funnelEntry.rejected[family] ?? 0) + 1;
    funnel[check]!.rejected += 1;
    await rejectedWriter.write({ id: post.id, subreddit: post.subreddit, line, check, reason: rejection.reason, evidence: rejection.evidence });
  };

  // The malformed-line callback cannot await the writer, so those lines are written after the pass.
  const malformedRecords: RejectedPost[] = [];
  try {
    const records = readRecords(input, RawPostSchema, {
      onMalformed: (malformed) => {
        malformedLines += 1;
        accounting.received();
        accounting.quarantined('malformed');
        malformedRecords.push({ id: null, subreddit: null, line: malformed.line, check: 'input', reason: 'malformed', evidence: { message: malformed.message } });
      },
    });
    for await (const { record: post, line } of records) {
      lines += 1;
      accounting.received();
      subredditOf(post.subreddit).in += 1;
      funnel.presence!.entered += 1;
      const verdict = judgePost(post, config, filterVersion, timings, botPattern);
      if (verdict.kind === 'crosspost_without_body') {
        crosspostsWithoutBody.push({ post, line, parent: verdict.parent, fallback: verdict.fallback });
      } else if (verdict.kind === 'rejected') {
        const reached = CHECKS.indexOf(verdict.check);
        for (const check of CHECKS.slice(1, reached + 1)) funnel[check]!.entered += 1;
        if (verdict.check === 'advice') {
          adviceScores.push(verdict.rejection.evidence.advice_score as number);
          decisionScores.push(verdict.rejection.evidence.decision_score as number);
        }
        if (verdict.words !== undefined && !adviceRejections.has(post.id)) {
          const words = verdict.words;
          adviceRejections.set(post.id, { post: { id: post.id, subreddit: post.subreddit }, line, rejection: verdict.rejection });
          timings.time('dedup_signature', () => {
            candidates.push({
              id: post.id,
              created_utc: post.created_utc,
              crosspostParent: null,
              hash: exactHash(normalizedWords(post.selftext)),
              signature: minHasher.signature(words),
              probe: true,
            });
          });
        } else {
          await reject(post, line, verdict.check, verdict.rejection);
        }
      } else {
        for (const check of CHECKS.slice(1)) funnel[check]!.entered += 1;
        adviceScores.push(verdict.post.quality.advice_score);
        decisionScores.push(verdict.post.quality.decision_score);
        languageMethods[verdict.post.language.method] = (languageMethods[verdict.post.language.method] ?? 0) + 1;
        timings.time('dedup_signature', () => {
          candidates.push({
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
      progress.tick();
    }
    for (const malformed of malformedRecords) await rejectedWriter.write(malformed);
    candidatesStream.end();
    await once(candidatesStream, 'finish');

    const totalLines = lines + malformedLines;
    if (malformedLines > 0 && totalLines >= 100 && malformedLines / totalLines > config.max_malformed_share) {
      throw new ValactError('malformed_input', `${input}: ${malformedLines} of ${totalLines} lines are malformed (more than filter.max_malformed_share = ${config.max_malformed_share}); nothing was written`, {
        hint: `Check the first bad line (${malformedRecords[0]?.line ?? '?'}: ${String(malformedRecords[0]?.evidence.message ?? '')}), re-run collect, or raise filter.max_malformed_share.`,
      });
    }

    const duplicates = timings.time('dedup_resolve', () =>
      resolveDuplicates(
        candidates,
        {
          bands: config.lsh_bands,
          minSimilarity: config.near_duplicate_min_similarity,
          maxComparisonsPerPost: config.dedup_max_comparisons_per_post === 0 ? Number.POSITIVE_INFINITY : config.dedup_max_comparisons_per_post,
        },
        dedupStats,
      ),
    );
    const keptIds = new Set(candidates.filter((candidate) => !candidate.probe && !duplicates.has(candidate.id)).map((candidate) => candidate.id));
    for (const { post, line, parent, fallback } of crosspostsWithoutBody) {
      if (keptIds.has(parent)) {
        funnel.duplicate!.entered += 1;
        await reject(post, line, 'duplicate', { reason: `near_duplicate_of:${parent}`, evidence: { original: parent, crosspost_of: parent, body_chars: 0 } });
      } else {
        await reject(post, line, 'presence', fallback);
      }
    }
    for (const { post, line, rejection } of adviceRejections.values()) {
      const duplicate = duplicates.get(post.id);
      if (duplicate) {
        // Reported as what it is, a repost; it passed as far as the advice check's funnel goes.
        funnel.duplicate!.entered += 1;
        await reject(post, line, 'duplicate', { reason: duplicate.reason, evidence: { ...duplicate.evidence, also_failed: rejection.reason } });
      } else {
        await reject(post, line, 'advice', rejection);
      }
    }

    for await (const { bytes } of openLines(candidatesFile)) {
      const { line, post } = JSON.parse(bytes.toString('utf8')) as { line: number; post: FilteredPost };
      const duplicate = duplicates.get(post.id);
      if (duplicate) {
        await reject(post, line, 'duplicate', duplicate);
        continue;
      }
      accounting.passed();
      subredditOf(post.subreddit).out += 1;
      addCounts(piiTotals, post.pii_masked);
      await postsWriter.write(post);
    }
    progress.done();

    accounting.assertBalanced('filter');
    await postsWriter.commit();
    await rejectedWriter.commit();
  } catch (error) {
    await postsWriter.abort();
    await rejectedWriter.abort();
    throw error;
  } finally {
    candidatesStream.destroy();
    await rm(candidatesFile, { force: true });
  }

  const counts = accounting.snapshot();
  const timingMs = timings.rounded();
  await writeStageReport(reportFile, {
    stage: 'filter',
    status: 'complete',
    counts,
    inputs,
    outputs: { posts: postsFile, rejected: rejectedFile },
    fingerprints: { config: configFp },
    timing: stopwatch.timing(),
    details: {
      filter_version: filterVersion,
      funnel: CHECKS.map((check) => ({ check, entered: funnel[check]!.entered, rejected: funnel[check]!.rejected, passed: funnel[check]!.entered - funnel[check]!.rejected })),
      per_subreddit: sortedObject(perSubreddit),
      language_methods: sortedObject(languageMethods),
      advice_score_histogram: histogram(adviceScores),
      decision_score_histogram: histogram(decisionScores),
      thresholds: {
        min_words: config.min_words,
        max_words: config.max_words,
        advice_min_score: config.advice_min_score,
        decision_min_score: config.decision_min_score,
        near_duplicate_min_similarity: config.near_duplicate_min_similarity,
        nsfw_min_score: config.nsfw_min_score,
        dedup_max_comparisons_per_post: config.dedup_max_comparisons_per_post,
      },
      pii_masked: sortedObject(piiTotals as Record<string, number>),
      dedup: {
        candidates: candidates.length,
        comparisons: dedupStats.comparisons,
        capped_posts: dedupStats.cappedPosts,
        largest_bucket: dedupStats.largestBucket,
        max_comparisons_per_post: config.dedup_max_comparisons_per_post,
      },
      timing_ms: timingMs,
    },
  });
  return { ...counts, upToDate: false, reportPath: reportFile, timing_ms: timingMs };
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
      `filter${stats.upToDate ? ' (up to date)' : ''}: ${stats.in} posts in, ${stats.out} kept, ${stats.rejected} rejected, ${stats.quarantined} quarantined`,
      ...(reasons ? [`  rejected by reason: ${reasons}`] : []),
      `  report: ${stats.reportPath}`,
    ],
  };
}
