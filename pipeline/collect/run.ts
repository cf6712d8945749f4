/**
 * The collect stage: Reddit submissions in (the bundled sample, dump files, or the live API),
 * normalized RawPost records out, in input order, with every input line accounted for:
 *
 * - DATA/raw/posts.jsonl   the kept posts (RawPost)
 * - DATA/raw/dropped.jsonl one line per skipped or malformed input line: id, file, line, reason, evidence
 *                          (wrong-subreddit lines only counted unless `list_wrong_subreddit`)
 * - DATA/raw/report.json   counts per reason (in = out + rejected + quarantined), per input; written last
 *
 * The stage runner (core/stage.ts) writes the outputs aside and renames them into place at the
 * end, so a failed or killed run leaves the previous posts.jsonl untouched.
 */
import { isUtf8 } from 'node:buffer';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import type { AtomicFileWriter } from '../core/atomic.ts';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { fileFingerprint, type FileFingerprint, type StageCounts } from '../core/report.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { REDDIT_ID_SOURCE, type RawPost } from '../records.ts';
import { defaultSubreddits, type CollectConfig } from './config.ts';
import { COLLECT_OUTPUTS, COLLECT_REASONS, CollectDetailsSchema, type CollectDetails } from './contract.ts';
import { dumpInput, readDumpBytes, resolveDecoder, type DecoderName, type DumpInput, type ReadState } from './dump.ts';
import { LineSplitter, MAX_LINE_BYTES } from './lines.ts';
import { parseSubmissionLine, toRawPost, type DumpSubmission } from './normalize.ts';
// Loaded only for --source reddit: snoowrap and its `request` stack take ~150 ms to import.
import type { RedditClientOptions } from './reddit.ts';
import { LinePrefilter, dateToEpochSeconds, selectSubmission, type Selection } from './select.ts';

export type CollectContext = StageContext<{ collect: CollectConfig }>;

/** The bundled sample corpus, resolved from the code, so `--data elsewhere` still finds it. */
export const SAMPLE_DUMP = fileURLToPath(new URL('../../data/raw/sample/RS_sample.zst', import.meta.url));

/** Malformed-share checks start once this many lines were read (a few bad lines early on are noise). */
const MALFORMED_CHECK_MIN_LINES = 10_000;

export interface CollectOptions {
  /** Resolved when the outputs and report are written: decoder threads free their windows then. */
  outputsWritten?: Promise<void>;
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
  invalid_utf8: number;
}

/** Where a skipped line came from: a file and line, or a live API query. */
interface LineOrigin {
  id: string | null;
  file: string | null;
  line: number | null;
  query: string | null;
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

/**
 * The shared bookkeeping of a run over all its inputs: duplicate ids, the limit, the malformed
 * share, and the posts, written in one batch per decoded chunk rather than one write per post.
 */
class CollectRun {
  readonly seenIds = new Set<number | string>();
  written = 0;
  malformed = 0;
  /** The first few malformed lines, quoted in the error when the share is exceeded. */
  readonly malformedExamples: string[] = [];
  private readonly posts: AtomicFileWriter;
  private postBuffer: string[] = [];

  constructor(
    readonly run: StageRun<CollectContext, CollectOptions>,
    readonly selection: Selection,
    readonly config: CollectConfig,
  ) {
    this.posts = run.file('posts', COLLECT_OUTPUTS.posts);
  }

  get limitReached(): boolean {
    return this.config.limit !== null && this.written >= this.config.limit;
  }

  skip(reason: string, origin: LineOrigin, evidence: string, listed = true): void {
    this.run.drop({ id: origin.id, file: origin.file, line: origin.line, reason, evidence: { detail: evidence, ...(origin.query ? { query: origin.query } : {}) } }, listed);
  }

  quarantine(reason: string, origin: LineOrigin, evidence: string): void {
    this.malformed += 1;
    if (this.malformedExamples.length < 3) {
      const where = origin.file !== null ? `${origin.file}:${origin.line}` : (origin.query ?? 'reddit');
      this.malformedExamples.push(`${where}: ${reason}: ${evidence.slice(0, 200)}`);
    }
    this.skip(reason, origin, evidence);
  }

  /** The verdict on a parsed submission; returns true when it was written. */
  consider(submission: DumpSubmission, source: RawPost['source']): boolean {
    const verdict = selectSubmission(submission, this.selection, this.seenIds);
    if (!verdict.keep) {
      const listed = verdict.reason !== 'wrong_subreddit' || this.config.list_wrong_subreddit;
      this.skip(verdict.reason, { id: submission.id, file: source.file, line: source.line, query: source.query }, verdict.evidence, listed);
      return false;
    }
    this.postBuffer.push(JSON.stringify(toRawPost(submission, verdict.removal?.evidence ?? null, source)));
    this.run.passed();
    this.written += 1;
    return true;
  }

  /** Write what the last chunk produced. */
  async flush(): Promise<void> {
    if (this.postBuffer.length > 0) {
      await this.posts.write(this.postBuffer.join('\n') + '\n');
      this.postBuffer = [];
    }
    await this.run.flushDropped();
  }

  checkMalformedShare(label: string, force: boolean): void {
    const received = this.run.counts().in;
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

async function readOneDump(run: CollectRun, input: DumpInput, kind: 'dump' | 'sample', decoder: DecoderName): Promise<InputStats> {
  const { ctx, options } = run.run;
  const state: ReadState = { compressed: false, bytesIn: 0, bytesOut: 0, decoder: 'none' };
  const { selection, config } = run;
  const listWrongSubreddit = config.list_wrong_subreddit;
  const prefilter = new LinePrefilter(selection);
  let writtenHere = 0;
  let invalidUtf8 = 0;
  const progress = ctx.progress({ label: `collect ${input.label}`, unit: 'lines' });
  const splitter = new LineSplitter({
    line(buffer, start, end, lineNumber) {
      if (run.limitReached || isBlank(buffer, start, end)) return;
      run.run.received();
      const cheap = prefilter.check(buffer, start, end);
      // The common case of a monthly dump (~95% of lines): count it, allocate nothing.
      if (cheap === 'wrong_subreddit' && !listWrongSubreddit) {
        run.run.drop(UNLISTED_WRONG_SUBREDDIT, false);
        return;
      }
      if (cheap !== null) {
        const listed = cheap !== 'wrong_subreddit' || listWrongSubreddit;
        // Only look for the id when the line is listed; the count is what the report needs.
        const id = listed ? idFromBytes(buffer.subarray(start, end)) : null;
        run.skip(cheap, { id, file: input.label, line: lineNumber, query: null }, 'prefilter', listed);
        return;
      }
      const bytes = buffer.subarray(start, end);
      // toString would replace bad bytes with U+FFFD silently: count them, and skip or keep as configured.
      if (!isUtf8(bytes)) {
        invalidUtf8 += 1;
        if (config.invalid_utf8 === 'skip') {
          run.skip('invalid_utf8', { id: idFromBytes(bytes), file: input.label, line: lineNumber, query: null }, 'bytes that are not valid UTF-8');
          return;
        }
      }
      const parsed = parseSubmissionLine(bytes);
      if (!parsed.ok) {
        run.quarantine(parsed.reason, { id: parsed.id, file: input.label, line: lineNumber, query: null }, parsed.message);
        return;
      }
      const source: RawPost['source'] = { kind, file: input.label, line: lineNumber, query: null };
      if (run.consider(parsed.submission, source)) writtenHere += 1;
    },
    oversized(lineNumber, byteLength) {
      if (run.limitReached) return;
      run.run.received();
      run.quarantine('malformed_json', { id: null, file: input.label, line: lineNumber, query: null }, `line of ${byteLength} bytes, longer than ${MAX_LINE_BYTES}`);
    },
  });
  const stdin = options.stdin as AsyncIterable<Buffer> | undefined;
  let linesBefore = 0;
  const readOptions = { decoder, ...(options.outputsWritten ? { keepWindowUntil: options.outputsWritten } : {}), ...(stdin ? { stdin } : {}) };
  for await (const chunk of readDumpBytes(input, readOptions, state)) {
    splitter.push(chunk);
    await run.flush();
    progress.tick(splitter.lineNumber - linesBefore);
    linesBefore = splitter.lineNumber;
    run.checkMalformedShare(input.label, false);
    if (run.limitReached) break;
  }
  if (!run.limitReached) splitter.end();
  await run.flush();
  progress.done();
  return {
    input: input.label,
    lines: splitter.lineNumber,
    written: writtenHere,
    compressed: state.compressed,
    decoder: state.decoder,
    bytes_read: state.bytesIn,
    bytes_uncompressed: state.bytesOut,
    invalid_utf8: invalidUtf8,
  };
}

/** A line of nothing but spaces and tabs is a blank line, like an empty one: not a record. */
function isBlank(buffer: Buffer, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const byte = buffer[index]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return true;
}

/** The one drop every unlisted other-subreddit line makes: counted, never written. */
const UNLISTED_WRONG_SUBREDDIT = { id: null, reason: 'wrong_subreddit' } as const;

const ID_MEMBER = new RegExp(`"id"\\s*:\\s*"(${REDDIT_ID_SOURCE})"`);
/** The first `"id":"…"` in a line, for listing a skipped line without parsing it. */
function idFromBytes(bytes: Buffer): string | null {
  return ID_MEMBER.exec(bytes.toString('latin1'))?.[1] ?? null;
}

function inputsOf(config: CollectConfig, options: CollectOptions): DumpInput[] {
  if (config.source === 'dump') {
    if (config.inputs.length === 0) {
      throw new ValactError('usage', '--source dump needs at least one --input FILE (.zst, .ndjson, .jsonl, or - for stdin)');
    }
    return config.inputs.map(dumpInput);
  }
  if (config.source === 'sample') return [dumpInput(options.sampleFile ?? SAMPLE_DUMP)];
  return [];
}

async function collectPosts(run: StageRun<CollectContext, CollectOptions>): Promise<CollectDetails> {
  const config = run.ctx.config.collect;
  const selection = selectionFrom(config);
  const collectRun = new CollectRun(run, selection, config);
  const inputs = inputsOf(config, run.options);
  const perInput: InputStats[] = [];
  let decoder: DecoderName | null = null;
  if (config.source === 'reddit') {
    perInput.push(await collectFromReddit(collectRun));
  } else {
    decoder = resolveDecoder(config.decoder);
    for (const input of inputs) {
      if (collectRun.limitReached) break;
      perInput.push(await readOneDump(collectRun, input, config.source, decoder));
    }
  }
  collectRun.checkMalformedShare(inputs.map((input) => input.label).join(', ') || 'reddit', true);
  return {
    source: config.source,
    decoder,
    subreddits: [...selection.subreddits].sort(),
    after: config.after,
    before: config.before,
    limit: config.limit,
    stopped_at_limit: collectRun.limitReached,
    per_input: perInput,
    wrong_subreddit_listed: config.list_wrong_subreddit,
    invalid_utf8: config.invalid_utf8,
  };
}

export const collectStage: StageDefinition<CollectContext, CollectOptions, CollectDetails> = {
  name: 'collect',
  reasons: COLLECT_REASONS,
  details: CollectDetailsSchema,
  async inputs(ctx, options) {
    const config = ctx.config.collect;
    selectionFrom(config);
    const fingerprints: Record<string, FileFingerprint | string> = {};
    for (const input of inputsOf(config, options)) {
      if (input.path === '-') {
        fingerprints[input.label] = 'stdin';
        continue;
      }
      let isFolder = false;
      try {
        isFolder = (await stat(input.path)).isDirectory();
        fingerprints[input.label] = await fileFingerprint(input.path);
      } catch (error) {
        const hint =
          config.source === 'sample'
            ? 'The bundled sample corpus is missing from data/raw/sample/; restore it from git (or run `npm run sample`).'
            : 'Check the path given to --input.';
        const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        throw new ValactError('input', `cannot read ${config.source === 'sample' ? 'the sample corpus' : 'dump file'} ${input.path}: ${why}`, { hint });
      }
      if (isFolder) throw new ValactError('input', `${input.path}: a folder, not a dump file`, { hint: 'Give the dump files themselves (--input RS_2023-01.zst --input ...).' });
    }
    if (config.source === 'reddit') fingerprints.reddit = `${config.listing}/${config.time_window}`;
    return fingerprints;
  },
  shapingConfig: (ctx) => ctx.config.collect,
  // Stdin cannot be fingerprinted: a run reading it is never up to date.
  reusable: (ctx) => !ctx.config.collect.inputs.includes('-') || ctx.config.collect.source !== 'dump',
  process: collectPosts,
};

/** Run the collect stage. Never exits; throws ValactError on a problem the researcher must fix. */
export async function run(ctx: CollectContext, options: CollectOptions = {}): Promise<CollectStats> {
  // Decoder threads free their windows once the outputs and the report are written (see
  // readDumpBytes): the unmap stalls the process, and by then nothing is left to stall.
  let outputsDone = () => {};
  const outputsWritten = new Promise<void>((resolve) => {
    outputsDone = resolve;
  });
  try {
    const outcome = await runStage(collectStage, ctx, { ...options, outputsWritten });
    if (!outcome.upToDate && ctx.config.collect.source === 'reddit') await rm(redditJournalPath(ctx), { force: true });
    const { counts, details } = outcome.report;
    if (outcome.upToDate) {
      return { counts: emptyCounts(), written: 0, stoppedAtLimit: false, upToDate: true, perInput: [], reportPath: outcome.reportPath };
    }
    return {
      counts,
      written: counts.out,
      stoppedAtLimit: details.stopped_at_limit,
      upToDate: false,
      perInput: details.per_input as InputStats[],
      reportPath: outcome.reportPath,
    };
  } finally {
    outputsDone();
  }
}

export function redditJournalPath(ctx: CollectContext): string {
  return join(ctx.paths.raw, 'collect', 'reddit-journal.jsonl');
}

async function collectFromReddit(collectRun: CollectRun): Promise<InputStats> {
  const { ctx, options } = collectRun.run;
  let fetched = 0;
  let written = 0;
  const progress = ctx.progress({ label: 'collect reddit', unit: 'posts' });
  const { fetchRedditSubmissions } = await import('./reddit.ts');
  for await (const page of fetchRedditSubmissions(ctx, collectRun.selection, redditJournalPath(ctx), options.reddit ?? {})) {
    for (const child of page.children) {
      if (collectRun.limitReached) break;
      fetched += 1;
      collectRun.run.received();
      const source: RawPost['source'] = { kind: 'reddit_api', file: null, line: null, query: page.query };
      if (!child.ok) {
        collectRun.quarantine(child.reason, { id: child.id, file: null, line: null, query: page.query }, child.message);
        continue;
      }
      if (collectRun.consider(child.submission, source)) written += 1;
    }
    await collectRun.flush();
    progress.tick(page.children.length);
    if (collectRun.limitReached) break;
  }
  progress.done();
  return { input: 'reddit', lines: fetched, written, compressed: false, decoder: 'reddit_api', bytes_read: 0, bytes_uncompressed: 0, invalid_utf8: 0 };
}

function emptyCounts(): StageCounts {
  return { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} };
}
