/**
 * Pass 1 of the filter on a batch of input lines: parse each as a RawPost, judge it (judge.ts),
 * and compute what dedup needs. The same function runs in the stage's own thread for small
 * inputs and on worker threads for large ones (judge-thread.js), so the verdicts are the same
 * either way; the caller consumes batches in input order.
 */
import { parentPort } from 'node:worker_threads';
import { describeZodError } from '../core/jsonl.ts';
import { RawPostSchema, type FilteredPost, type RawPost } from '../records.ts';
import type { FilterConfig } from './config.ts';
import type { FilterCheck } from './contract.ts';
import { MinHasher, exactHash, normalizedWords } from './dedup.ts';
import { judgePost, type CheckTimer } from './judge.ts';
import type { Rejection } from './presence.ts';

/** What dedup keeps of a post: its date, its body's identity and its MinHash signature. */
export interface DedupFacts {
  created_utc: number;
  hash: string;
  signature: Uint32Array;
}

export type JudgedLine =
  | { kind: 'malformed'; line: number; message: string }
  | { kind: 'crosspost'; line: number; id: string; subreddit: string; parent: string; fallback: Rejection }
  /** `probe` is set on advice rejections: matched against kept posts, so a repost is reported as what it is. */
  | { kind: 'rejected'; line: number; id: string; subreddit: string; check: FilterCheck; rejection: Rejection; probe?: DedupFacts }
  /**
   * `postJson` is the FilteredPost already serialized: the thread that judged it pays for that,
   * and the stage's thread only writes it aside.
   */
  | { kind: 'passed'; line: number; id: string; subreddit: string; adviceProbability: number; languageMethod: string; postJson: string; crosspostParent: string | null; dedup: DedupFacts };

export interface JudgeSetup {
  config: FilterConfig;
  filterVersion: string;
}

export interface JudgedBatch {
  results: JudgedLine[];
  /** Milliseconds per check over the batch. */
  timing: Record<string, number>;
}

class BatchTimer implements CheckTimer {
  readonly ms: Record<string, number> = {};

  time<T>(check: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.ms[check] = (this.ms[check] ?? 0) + (performance.now() - started);
    }
  }
}

/** A judge for one setup: the regular expressions and hasher are built once. */
export function lineJudge(setup: JudgeSetup): (lines: readonly { line: number; text: string }[]) => JudgedBatch {
  const { config, filterVersion } = setup;
  const botPattern = new RegExp(config.bot_author_pattern);
  const minHasher = new MinHasher(config.minhash_permutations, config.shingle_words);
  return (lines) => {
    const timer = new BatchTimer();
    const results: JudgedLine[] = [];
    for (const { line, text } of lines) {
      const parsed = timer.time('parse', (): { post: RawPost } | { message: string } => {
        try {
          const result = RawPostSchema.safeParse(JSON.parse(text));
          return result.success ? { post: result.data } : { message: `does not match the record schema: ${describeZodError(result.error)}` };
        } catch (error) {
          return { message: `not valid JSON (${(error as Error).message})` };
        }
      });
      if ('message' in parsed) {
        results.push({ kind: 'malformed', line, message: parsed.message });
        continue;
      }
      const post = parsed.post;
      const verdict = judgePost(post, config, filterVersion, timer, botPattern);
      if (verdict.kind === 'crosspost_without_body') {
        results.push({ kind: 'crosspost', line, id: post.id, subreddit: post.subreddit, parent: verdict.parent, fallback: verdict.fallback });
        continue;
      }
      // Exact copies are judged on the body as posted: a repost that differs only in an EDIT
      // block (dropped by cleaning) is a near duplicate, not an exact one.
      const dedupFacts = (words: string[]): DedupFacts =>
        timer.time('dedup_signature', () => ({ created_utc: post.created_utc, hash: exactHash(normalizedWords(post.selftext)), signature: minHasher.signature(words) }));
      if (verdict.kind === 'rejected') {
        results.push({
          kind: 'rejected',
          line,
          id: post.id,
          subreddit: post.subreddit,
          check: verdict.check,
          rejection: verdict.rejection,
          ...(verdict.words !== undefined ? { probe: dedupFacts(verdict.words) } : {}),
        });
        continue;
      }
      const kept: FilteredPost = verdict.post;
      results.push({
        kind: 'passed',
        line,
        id: kept.id,
        subreddit: kept.subreddit,
        adviceProbability: kept.quality.advice_probability,
        languageMethod: kept.language.method,
        postJson: JSON.stringify(kept),
        crosspostParent: post.crosspost_parent?.replace(/^t3_/, '') ?? null,
        dedup: dedupFacts(verdict.words),
      });
    }
    return { results, timing: timer.ms };
  };
}

/** The worker thread's side: judge each batch it is sent, answer with the results. */
export function serveJudge(): void {
  const port = parentPort;
  if (!port) throw new Error('serveJudge runs on a worker thread');
  let judge: ReturnType<typeof lineJudge> | null = null;
  port.on('message', (message: { setup?: JudgeSetup; batch?: { sequence: number; lines: { line: number; text: string }[] } }) => {
    if (message.setup) judge = lineJudge(message.setup);
    if (message.batch && judge) {
      const judged = judge(message.batch.lines);
      const buffers = judged.results.flatMap((result) =>
        result.kind === 'passed' ? [result.dedup.signature.buffer] : result.kind === 'rejected' && result.probe ? [result.probe.signature.buffer] : [],
      );
      port.postMessage({ sequence: message.batch.sequence, ...judged }, buffers as ArrayBuffer[]);
    }
  });
}
