/**
 * The collect stage: Reddit submissions in (the bundled sample, dump files, or the live API),
 * normalized RawPost records out, in input order, with every input line accounted for:
 *
 * - DATA/raw/posts.jsonl   the kept posts (RawPost)
 * - DATA/raw/skipped.jsonl one line per skipped or malformed input line: id, reason, file, line, evidence
 *                          (wrong-subreddit lines only counted unless `list_wrong_subreddit`)
 * - DATA/raw/report.json   counts per reason (in = out + rejected + quarantined), per input; written last
 *
 * Outputs are written aside and renamed into place at the end, so a failed or killed run leaves
 * the previous posts.jsonl untouched.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { AtomicFileWriter } from '../core/atomic.ts';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import {
  StageAccounting,
  Stopwatch,
  fileFingerprint,
  isStageUpToDate,
  writeStageReport,
  type FileFingerprint,
  type StageCounts,
  type StageReport,
} from '../core/report.ts';
import { configFingerprint } from '../config.ts';
import type { RawPost } from '../records.ts';
import { defaultSubreddits, type CollectConfig } from './config.ts';
import { dumpInput, readDumpBytes, resolveDecoder, type DecoderName, type DumpInput, type ReadState } from './dump.ts';
import { LineSplitter, MAX_LINE_BYTES } from './lines.ts';
import { parseSubmissionLine, toRawPost, type DumpSubmission } from './normalize.ts';
// Loaded only for --source reddit: snoowrap and its `request` stack take ~150 ms to import.
import type { RedditClientOptions } from './reddit.ts';
import { LinePrefilter, dateToEpochSeconds, selectSubmission, type Selection } from './select.ts';

/** The bundled sample corpus, resolved from the code, so `--data elsewhere` still finds it. */
export const SAMPLE_DUMP = fileURLToPath(new URL('../../data/raw/sample/RS_sample.zst', import.meta.url));

/** Malformed-share checks start once this many lines were read (a few bad lines early on are noise). */
const MALFORMED_CHECK_MIN_LINES = 10_000;

export interface CollectOptions {
  /** Stdin for `--input -` (default process.stdin). */
  stdin?: AsyncIterable<Buffer> | Readable;
  /** Override the sample corpus path (tests). */
  sampleFile?: string;
  /** Live API hooks (tests inject a sleep to observe waits without spending them). */
  reddit?: RedditClientOptions;
}

export interface CollectStats {
  counts: StageCounts;
  written: number;
  /** True when `limit` stopped the run before the inputs ended. */
  stoppedAtLimit: boolean;
  upToDate: boolean;
  perInput: InputStats[];
  reportPath: string;
}

export interface InputStats {
  input: string;
  lines: number;
  written: number;
  compressed: boolean;
  decoder: DecoderName | 'none' | 'reddit_api';
  bytes_read: number;
  bytes_uncompressed: number;
}

interface SkippedLine {
  id: string | null;
  reason: string;
  file: string | null;
  line: number | null;
  query: string | null;
  evidence: string;
}

/** Fixed key order, reason second, so `head skipped.jsonl` reads well. */
function skippedLine(reason: string, entry: Omit<SkippedLine, 'reason'>): SkippedLine {
  return { id: entry.id, reason, file: entry.file, line: entry.line, query: entry.query, evidence: entry.evidence };
}

export function skippedPath(ctx: StageContext): string {
  return join(ctx.paths.raw, 'skipped.jsonl');
}

export function selectionFrom(config: CollectConfig): Selection {
  const subreddits = config.subreddits ?? defaultSubreddits(config.value_subreddits);
  const afterUtc = dateToEpochSeconds(config.after, 'after');
  const beforeUtc = dateToEpochSeconds(config.before, 'before');
  if (afterUtc !== null && beforeUtc !== null && beforeUtc <= afterUtc) {
    throw new ValactError('usage', `--before (${config.before}) must be later than --after (${config.after})`);
  }
  return {
    subreddits: new Set(subreddits.map((name) => name.replace(/^\/?r\//i, '').toLowerCase())),
    afterUtc,
    beforeUtc,
    selfPostsOnly: config.self_posts_only,
    skipRemoved: config.skip_removed,
  };
}

/** Everything one run writes, kept aside until the run has finished. */
class CollectOutputs {
  readonly posts: AtomicFileWriter;
  readonly skipped: AtomicFileWriter;
  private postBuffer: string[] = [];
  private skippedBuffer: string[] = [];

  constructor(ctx: StageContext) {
    this.posts = new AtomicFileWriter(ctx.paths.rawPosts);
    this.skipped = new AtomicFileWriter(skippedPath(ctx));
  }

  addPost(post: RawPost): void {
    this.postBuffer.push(JSON.stringify(post));
  }

  addSkipped(entry: SkippedLine): void {
    this.skippedBuffer.push(JSON.stringify(entry));
  }

  /** Write what the last chunk produced; one write call per chunk, not per record. */
  async flush(): Promise<void> {
    if (this.postBuffer.length > 0) {
      await this.posts.write(this.postBuffer.join('\n') + '\n');
      this.postBuffer = [];
    }
    if (this.skippedBuffer.length > 0) {
      await this.skipped.write(this.skippedBuffer.join('\n') + '\n');
      this.skippedBuffer = [];
    }
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.skipped.commit();
    await this.posts.commit();
  }

  async abort(): Promise<void> {
    await Promise.all([this.posts.abort(), this.skipped.abort()]);
  }
}

/** The shared bookkeeping of a run: accounting, duplicate ids, the limit. */
class CollectRun {
  readonly accounting = new StageAccounting();
  readonly seenIds = new Set<number | string>();
  written = 0;
  malformed = 0;
  /** The first few malformed lines, quoted in the error when the share is exceeded. */
  readonly malformedExamples: string[] = [];

  constructor(
    readonly selection: Selection,
    readonly config: CollectConfig,
    readonly outputs: CollectOutputs,
  ) {}

  get limitReached(): boolean {
    return this.config.limit !== null && this.written >= this.config.limit;
  }

  skip(reason: string, entry: Omit<SkippedLine, 'reason'>, listed = true): void {
    this.accounting.rejected(reason);
    if (listed) this.outputs.addSkipped(skippedLine(reason, entry));
  }

  quarantine(reason: string, entry: Omit<SkippedLine, 'reason'>): void {
    this.malformed += 1;
    if (this.malformedExamples.length < 3) {
      const where = entry.file !== null ? `${entry.file}:${entry.line}` : (entry.query ?? 'reddit');
      this.malformedExamples.push(`${where}: ${reason}: ${entry.evidence.slice(0, 200)}`);
    }
    this.accounting.quarantined(reason);
    this.outputs.addSkipped(skippedLine(reason, entry));
  }

  /** The verdict on a parsed submission; returns true when it was written. */
  consider(submission: DumpSubmission, source: RawPost['source']): boolean {
    const verdict = selectSubmission(submission, this.selection, this.seenIds);
    const where = { id: submission.id, file: source.file, line: source.line, query: source.query };
    if (!verdict.keep) {
      this.skip(verdict.reason, { ...where, evidence: verdict.evidence }, verdict.reason !== 'wrong_subreddit' || this.config.list_wrong_subreddit);
      return false;
    }
    this.outputs.addPost(toRawPost(submission, verdict.removal?.evidence ?? null, source));
    this.accounting.passed();
    this.written += 1;
    return true;
  }

  checkMalformedShare(label: string, force: boolean): void {
    const received = this.accounting.snapshot().in;
    if (received === 0 || (!force && received < MALFORMED_CHECK_MIN_LINES)) return;
    const share = this.malformed / received;
    if (share > this.config.max_malformed_share) {
      throw new ValactError(
        'malformed_input',
        `${label}: ${this.malformed} of ${received} lines read so far are malformed (${(share * 100).toFixed(2)}%, above max_malformed_share ${this.config.max_malformed_share}); the run was stopped and the previous posts.jsonl left untouched. First ones:\n  ${this.malformedExamples.join('\n  ')}`,
        { hint: 'Check that the input is a submissions dump (one JSON object a line), or raise --max-malformed-share.' },
      );
    }
  }
}

async function readOneDump(
  run: CollectRun,
  input: DumpInput,
  kind: 'dump' | 'sample',
  decoder: DecoderName,
  options: CollectOptions,
  ctx: StageContext,
  outputsWritten: Promise<void>,
): Promise<InputStats> {
  const state: ReadState = { compressed: false, bytesIn: 0, bytesOut: 0, decoder: 'none' };
  const { selection, config } = run;
  const listWrongSubreddit = config.list_wrong_subreddit;
  const prefilter = new LinePrefilter(selection);
  let writtenHere = 0;
  const progress = ctx.progress({ label: `collect ${input.label}`, unit: 'lines' });
  const splitter = new LineSplitter({
    line(buffer, start, end, lineNumber) {
      if (run.limitReached) return;
      run.accounting.received();
      const cheap = prefilter.check(buffer, start, end);
      // The common case of a monthly dump (~95% of lines): count it, allocate nothing.
      if (cheap === 'wrong_subreddit' && !listWrongSubreddit) {
        run.accounting.rejected(cheap);
        return;
      }
      if (cheap !== null) {
        const listed = cheap !== 'wrong_subreddit' || listWrongSubreddit;
        // Only look for the id when the line is listed; the count is what the report needs.
        const id = listed ? idFromBytes(buffer.subarray(start, end)) : null;
        run.skip(cheap, { id, file: input.label, line: lineNumber, query: null, evidence: 'prefilter' }, listed);
        return;
      }
      const parsed = parseSubmissionLine(buffer.subarray(start, end));
      if (!parsed.ok) {
        run.quarantine(parsed.reason, { id: parsed.id, file: input.label, line: lineNumber, query: null, evidence: parsed.message });
        return;
      }
      const source: RawPost['source'] = { kind, file: input.label, line: lineNumber, query: null };
      if (run.consider(parsed.submission, source)) writtenHere += 1;
    },
    oversized(lineNumber, byteLength) {
      if (run.limitReached) return;
      run.accounting.received();
      run.quarantine('malformed_json', {
        id: null,
        file: input.label,
        line: lineNumber,
        query: null,
        evidence: `line of ${byteLength} bytes, longer than ${MAX_LINE_BYTES}`,
      });
    },
  });
  const stdin = options.stdin as AsyncIterable<Buffer> | undefined;
  let linesBefore = 0;
  const readOptions = { decoder, keepWindowUntil: outputsWritten, ...(stdin ? { stdin } : {}) };
  for await (const chunk of readDumpBytes(input, readOptions, state)) {
    splitter.push(chunk);
    await run.outputs.flush();
    progress.tick(splitter.lineNumber - linesBefore);
    linesBefore = splitter.lineNumber;
    run.checkMalformedShare(input.label, false);
    if (run.limitReached) break;
  }
  if (!run.limitReached) splitter.end();
  await run.outputs.flush();
  progress.done();
  return {
    input: input.label,
    lines: splitter.lineNumber,
    written: writtenHere,
    compressed: state.compressed,
    decoder: state.decoder,
    bytes_read: state.bytesIn,
    bytes_uncompressed: state.bytesOut,
  };
}

const ID_MEMBER = /"id"\s*:\s*"([0-9a-z]{1,16})"/;
/** The first `"id":"…"` in a line, for listing a skipped line without parsing it. */
function idFromBytes(bytes: Buffer): string | null {
  return ID_MEMBER.exec(bytes.toString('latin1'))?.[1] ?? null;
}

/** Run the collect stage. Never exits; throws ValactError on a problem the researcher must fix. */
export async function run(ctx: StageContext, options: CollectOptions = {}): Promise<CollectStats> {
  // Decoder threads free their windows once the outputs and the report are written (see
  // readDumpBytes): the unmap stalls the process, and by then nothing is left to stall.
  let outputsDone = () => {};
  const outputsWritten = new Promise<void>((resolve) => {
    outputsDone = resolve;
  });
  try {
    return await collect(ctx, options, outputsWritten);
  } finally {
    outputsDone();
  }
}

async function collect(ctx: StageContext, options: CollectOptions, outputsWritten: Promise<void>): Promise<CollectStats> {
  const config = ctx.config.collect;
  const selection = selectionFrom(config);
  const stopwatch = new Stopwatch();
  const sourceKind = config.source;

  let inputs: DumpInput[] = [];
  if (sourceKind === 'dump') {
    if (config.inputs.length === 0) {
      throw new ValactError('usage', '--source dump needs at least one --input FILE (.zst, .ndjson, .jsonl, or - for stdin)');
    }
    inputs = config.inputs.map(dumpInput);
  } else if (sourceKind === 'sample') {
    inputs = [dumpInput(options.sampleFile ?? SAMPLE_DUMP)];
  }

  const inputFingerprints: Record<string, FileFingerprint | string> = {};
  let resumable = sourceKind !== 'reddit';
  for (const input of inputs) {
    if (input.path === '-') {
      resumable = false;
      inputFingerprints[input.label] = 'stdin';
      continue;
    }
    try {
      inputFingerprints[input.label] = await fileFingerprint(input.path);
    } catch (error) {
      const hint =
        sourceKind === 'sample'
          ? 'The bundled sample corpus is missing from data/raw/sample/; restore it from git (or run `npm run sample`).'
          : 'Check the path given to --input.';
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new ValactError('input', `cannot read ${sourceKind === 'sample' ? 'the sample corpus' : 'dump file'} ${input.path}: ${why}`, { hint });
    }
  }
  if (sourceKind === 'reddit') inputFingerprints.reddit = `${config.listing}/${config.time_window}`;
  const fingerprintOfConfig = configFingerprint(config);
  if (!ctx.force && (resumable || sourceKind === 'reddit')) {
    const upToDate = await isStageUpToDate(ctx.paths.rawReport, { inputs: inputFingerprints, configFingerprint: fingerprintOfConfig });
    if (upToDate) {
      ctx.log.info(`collect: ${ctx.paths.rawPosts} is up to date (same inputs and config); use --force to collect again`);
      return { counts: emptyCounts(), written: 0, stoppedAtLimit: false, upToDate: true, perInput: [], reportPath: ctx.paths.rawReport };
    }
  }

  const outputs = new CollectOutputs(ctx);
  const collectRun = new CollectRun(selection, config, outputs);
  const perInput: InputStats[] = [];
  let decoder: DecoderName | null = null;
  try {
    if (sourceKind === 'reddit') {
      perInput.push(await collectFromReddit(collectRun, ctx, options));
    } else {
      decoder = resolveDecoder(config.decoder);
      for (const input of inputs) {
        if (collectRun.limitReached) break;
        perInput.push(await readOneDump(collectRun, input, sourceKind, decoder, options, ctx, outputsWritten));
      }
    }
    collectRun.checkMalformedShare(inputs.map((input) => input.label).join(', ') || 'reddit', true);
    collectRun.accounting.assertBalanced('collect');
    await outputs.commit();
  } catch (error) {
    await outputs.abort();
    throw error;
  }

  const counts = collectRun.accounting.snapshot();
  const report: StageReport = {
    stage: 'collect',
    status: 'complete',
    counts,
    inputs: inputFingerprints,
    outputs: { posts: ctx.paths.rawPosts, skipped: skippedPath(ctx) },
    fingerprints: { config: fingerprintOfConfig },
    timing: stopwatch.timing(),
    details: {
      source: sourceKind,
      decoder,
      subreddits: [...selection.subreddits].sort(),
      after: config.after,
      before: config.before,
      limit: config.limit,
      stopped_at_limit: collectRun.limitReached,
      per_input: perInput,
      wrong_subreddit_listed: config.list_wrong_subreddit,
    },
  };
  await writeStageReport(ctx.paths.rawReport, report);
  if (sourceKind === 'reddit') await rm(redditJournalPath(ctx), { force: true });
  return {
    counts,
    written: collectRun.written,
    stoppedAtLimit: collectRun.limitReached,
    upToDate: false,
    perInput,
    reportPath: ctx.paths.rawReport,
  };
}

export function redditJournalPath(ctx: StageContext): string {
  return join(ctx.paths.raw, 'collect', 'reddit-journal.jsonl');
}

async function collectFromReddit(collectRun: CollectRun, ctx: StageContext, options: CollectOptions): Promise<InputStats> {
  let fetched = 0;
  let written = 0;
  const progress = ctx.progress({ label: 'collect reddit', unit: 'posts' });
  const { fetchRedditSubmissions } = await import('./reddit.ts');
  for await (const page of fetchRedditSubmissions(ctx, collectRun.selection, redditJournalPath(ctx), options.reddit ?? {})) {
    for (const child of page.children) {
      if (collectRun.limitReached) break;
      fetched += 1;
      collectRun.accounting.received();
      const source: RawPost['source'] = { kind: 'reddit_api', file: null, line: null, query: page.query };
      if (!child.ok) {
        collectRun.quarantine(child.reason, { id: child.id, file: null, line: null, query: page.query, evidence: child.message });
        continue;
      }
      if (collectRun.consider(child.submission, source)) written += 1;
    }
    await collectRun.outputs.flush();
    progress.tick(page.children.length);
    if (collectRun.limitReached) break;
  }
  progress.done();
  return { input: 'reddit', lines: fetched, written, compressed: false, decoder: 'reddit_api', bytes_read: 0, bytes_uncompressed: 0 };
}

function emptyCounts(): StageCounts {
  return { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} };
}
