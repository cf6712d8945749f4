/**
 * The stage runner. A stage declares what it is — its name, the inputs it reads, the config
 * that shapes its output, the reason codes it may drop a record for, the zod schema of its
 * report's details — and writes only its real logic in `process`. The runner owns the rest,
 * the same way for every stage:
 *
 *   fingerprints -> up to date? (unless --force) -> accounting -> writers -> commit or abort -> report
 *
 * Every record a stage drops goes to one file, `dropped.jsonl`, in one shape (id, line, file,
 * stage, check, reason, disposition, evidence). A report is written last and records the size
 * and sha256 of each output, so a later up-to-date check trusts only files this run wrote.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { AtomicFileWriter, removeDeadTemporaries } from './atomic.ts';
import type { StageContext } from './context.ts';
import { ValactError, asIoError } from './errors.ts';
import { fingerprint } from './fingerprint.ts';
import { JsonlWriter, describeZodError } from './jsonl.ts';
import { acquireStageLock } from './lock.ts';
import {
  StageAccounting,
  Stopwatch,
  outputsMatch,
  readOwnReport,
  writeStageReport,
  type FileFingerprint,
  type OutputFile,
  type StageCounts,
  type StageReport,
} from './report.ts';

/** Why a record left a stage without passing: declared per stage, as data. */
export interface ReasonSpec {
  /** The check that gives this reason, as named in dropped.jsonl and the report. */
  check: string;
  /** `rejected`: judged unfit. `quarantined`: could not be judged (broken input, failed call). */
  disposition: 'rejected' | 'quarantined';
  description: string;
  /**
   * How the report counts it: by the code alone (default), by the code with its detail
   * ("lang:fra"), or under another name ("duplicate_of:abc" as "duplicate").
   */
  counted?: 'code' | 'with_detail' | { as: string };
}

export type ReasonCatalog = Readonly<Record<string, ReasonSpec>>;

/** The reason code without its detail: "lang:fra" -> "lang". */
export function reasonCode(reason: string): string {
  const colon = reason.indexOf(':');
  return colon === -1 ? reason : reason.slice(0, colon);
}

/** The key a reason is counted under in the report's per_reason. */
export function countedReason(catalog: ReasonCatalog, reason: string): string {
  const spec = catalog[reasonCode(reason)];
  if (!spec) throw new ValactError('internal', `reason "${reason}" is not declared by the stage`, { hint: 'Declare it in the stage\'s reasons.' });
  if (spec.counted === 'with_detail') return reason;
  if (typeof spec.counted === 'object') return spec.counted.as;
  return reasonCode(reason);
}

/** One line of dropped.jsonl, in every stage. */
export const DroppedRecordSchema = z.object({
  /** The record's id, or null for an input line that could not be read as a record. */
  id: z.string().nullable(),
  /** 1-based line in the input, when the record came from a line. */
  line: z.number().int().positive().nullable(),
  /** The input file's name, when the stage reads several. */
  file: z.string().nullable(),
  stage: z.string(),
  check: z.string(),
  /** Reason code, with detail after a colon where there is one ("lang:fra", "near_duplicate_of:abc"). */
  reason: z.string(),
  disposition: z.enum(['rejected', 'quarantined']),
  evidence: z.record(z.string(), z.unknown()),
});
export type DroppedRecord = z.infer<typeof DroppedRecordSchema>;

export const DROPPED_FILE = 'dropped.jsonl';
export const REPORT_FILE = 'report.json';

export interface Drop {
  id: string | null;
  reason: string;
  line?: number | null;
  file?: string | null;
  evidence?: Record<string, unknown>;
  /** The check, when one reason can come from several (default: the reason's declared check). */
  check?: string;
}

export interface StageDefinition<Ctx extends StageContext<unknown>, Options, Details> {
  name: string;
  reasons: ReasonCatalog;
  /** The schema of the report's `details`; a later stage parses the report with it. */
  details: z.ZodType<Details>;
  /** The folder of the stage's outputs, report and dropped records. Default: ctx.paths.stageDir(name). */
  outputDir?(ctx: Ctx, options: Options): string;
  /**
   * What the stage reads, by name: a file's fingerprint, or a marker ("stdin", a query) for an
   * input that has none. Throws a ValactError naming a missing input and what to run first.
   */
  inputs(ctx: Ctx, options: Options): Promise<Record<string, FileFingerprint | string>>;
  /** Everything that shapes the output (not concurrency, not progress): hashed into the config fingerprint. */
  shapingConfig(ctx: Ctx, options: Options): unknown;
  /** Prompt id.version -> fingerprint, for stages that call a model. */
  prompts?(ctx: Ctx, options: Options): Record<string, string>;
  /** False when this run's input cannot be identified (stdin): it is never up to date. Default true. */
  reusable?(ctx: Ctx, options: Options): boolean;
  /** A further condition for reusing a complete previous report (e.g. it passed, it had no transient failures). */
  stillCurrent?(previous: StageReport<Details>, ctx: Ctx, options: Options): boolean | Promise<boolean>;
  process(run: StageRun<Ctx, Options>): Promise<Details>;
}

export interface StageOutcome<Details> {
  report: StageReport<Details>;
  reportPath: string;
  outputDir: string;
  /** True when a previous run had done this work and nothing was redone. */
  upToDate: boolean;
}

/** Wall time per named step, for reports. */
export class StepTimer {
  readonly ms: Record<string, number> = {};

  time<T>(step: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.ms[step] = (this.ms[step] ?? 0) + (performance.now() - started);
    }
  }

  rounded(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.ms).map(([step, ms]) => [step, Math.round(ms)]));
  }
}

/** Dropped records are buffered and written in batches: one write call per batch, not per record. */
const DROPPED_BATCH = 512;

/** What `process` is handed: the context, the accounting, the dropped-record sink and the output writers. */
export class StageRun<Ctx extends StageContext<unknown>, Options> {
  readonly timer = new StepTimer();
  private readonly accounting = new StageAccounting();
  private readonly droppedWriter: AtomicFileWriter;
  private droppedBuffer: string[] = [];
  private readonly outputs = new Map<string, { file: string; writer: AtomicFileWriter | JsonlWriter<unknown> }>();
  private deferredFailure: ValactError | null = null;

  constructor(
    private readonly stage: StageDefinition<Ctx, Options, unknown>,
    readonly ctx: Ctx,
    readonly options: Options,
    readonly outputDir: string,
    readonly inputs: Record<string, FileFingerprint | string>,
  ) {
    this.droppedWriter = new AtomicFileWriter(join(outputDir, DROPPED_FILE));
  }

  received(count = 1): void {
    this.accounting.received(count);
  }

  passed(count = 1): void {
    this.accounting.passed(count);
  }

  /**
   * A record leaves the stage without passing: counted under its reason and, when `listed`,
   * written to dropped.jsonl (a stage may only count the overwhelming common case, such as
   * the other subreddits' lines of a monthly dump).
   */
  drop(entry: Drop, listed = true): void {
    const spec = this.stage.reasons[reasonCode(entry.reason)];
    if (!spec) {
      throw new ValactError('internal', `${this.stage.name}: reason "${entry.reason}" is not declared by the stage`, {
        hint: 'This is a bug in valact; declare the reason in the stage\'s reasons.',
      });
    }
    const counted = countedReason(this.stage.reasons, entry.reason);
    if (spec.disposition === 'rejected') this.accounting.rejected(counted);
    else this.accounting.quarantined(counted);
    if (!listed) return;
    const record: DroppedRecord = {
      id: entry.id,
      line: entry.line ?? null,
      file: entry.file ?? null,
      stage: this.stage.name,
      check: entry.check ?? spec.check,
      reason: entry.reason,
      disposition: spec.disposition,
      evidence: entry.evidence ?? {},
    };
    this.droppedBuffer.push(JSON.stringify(record));
  }

  /** Write buffered dropped records once enough have gathered (or always, with `force`). */
  async flushDropped(force = false): Promise<void> {
    if (this.droppedBuffer.length === 0 || (!force && this.droppedBuffer.length < DROPPED_BATCH)) return;
    const text = this.droppedBuffer.join('\n') + '\n';
    this.droppedBuffer = [];
    await this.droppedWriter.write(text);
  }

  /** A JSONL output, visible at `DIR/<file>` only when the stage commits. */
  jsonl<T>(name: string, file = `${name}.jsonl`): JsonlWriter<T> {
    const writer = new JsonlWriter<T>(join(this.outputDir, file));
    this.outputs.set(name, { file, writer: writer as JsonlWriter<unknown> });
    return writer;
  }

  /** A raw output file (for stages that write pre-serialized batches), committed with the stage. */
  file(name: string, file: string): AtomicFileWriter {
    const writer = new AtomicFileWriter(join(this.outputDir, file));
    this.outputs.set(name, { file, writer });
    return writer;
  }

  /** Commit everything and write the report, then fail with this error (validation verdicts). */
  failAfterCommit(error: ValactError): void {
    this.deferredFailure = error;
  }

  get hasDeferredFailure(): boolean {
    return this.deferredFailure !== null;
  }

  counts(): StageCounts {
    return this.accounting.snapshot();
  }

  /** @internal the runner's end of the run */
  async commit(): Promise<{ counts: StageCounts; outputs: Record<string, OutputFile>; failure: ValactError | null }> {
    await this.flushDropped(true);
    this.accounting.assertBalanced(this.stage.name);
    const outputs: Record<string, OutputFile> = {};
    for (const [name, { file, writer }] of this.outputs) outputs[name] = { file, ...(await writer.commit()) };
    outputs.dropped = { file: DROPPED_FILE, ...(await this.droppedWriter.commit()) };
    return { counts: this.accounting.snapshot(), outputs, failure: this.deferredFailure };
  }

  /** @internal */
  async abort(): Promise<void> {
    await Promise.all([...[...this.outputs.values()].map(({ writer }) => writer.abort()), this.droppedWriter.abort()]);
  }
}

/** A stage that read no record at all refuses to replace its outputs with nothing. */
function emptyInputError(stage: string, inputs: Record<string, FileFingerprint | string>): ValactError {
  const named = Object.entries(inputs).map(([name, input]) => (typeof input === 'string' ? `${name} (${input})` : input.path));
  return new ValactError('input', `${stage}: no records in ${named.join(', ') || 'its input'}; the previous outputs were left as they were`, {
    hint: 'Check the input (an empty or truncated file, a wrong --input or --subreddits), or pass --allow-empty to publish an empty result.',
  });
}

/** A stage that passed nothing on keeps its previous outputs: an empty result is almost always a mistake. */
function nothingPassedError(stage: string, counts: StageCounts): ValactError {
  const reasons = Object.entries(counts.per_reason).sort(([, a], [, b]) => b - a).slice(0, 5).map(([reason, count]) => `${reason} ${count}`).join(', ');
  return new ValactError('input', `${stage}: none of ${counts.in} records passed (${reasons}); the previous outputs were left as they were`, {
    hint: 'Check the options that select records (--subreddits, dates, thresholds), or pass --allow-empty to publish an empty result.',
  });
}

/**
 * Run a stage: skip it when a previous run finished the same work, else run `process` and
 * commit its outputs and report, or abort them all and leave the previous ones as they were.
 */
export async function runStage<Ctx extends StageContext<unknown>, Options, Details>(
  stage: StageDefinition<Ctx, Options, Details>,
  ctx: Ctx,
  options: Options,
): Promise<StageOutcome<Details>> {
  const outputDir = stage.outputDir?.(ctx, options) ?? ctx.paths.stageDir(stage.name);
  const reportPath = join(outputDir, REPORT_FILE);
  const inputs = await stage.inputs(ctx, options);
  const configFingerprint = fingerprint(stage.shapingConfig(ctx, options));
  const prompts = stage.prompts?.(ctx, options);

  const lock = await acquireStageLock(outputDir, stage.name, ctx.log);
  try {
    if (!ctx.force && (stage.reusable?.(ctx, options) ?? true)) {
      const previous = await readOwnReport(reportPath, stage.details);
      if (
        previous &&
        previous.fingerprints.config === configFingerprint &&
        JSON.stringify(previous.inputs) === JSON.stringify(inputs) &&
        (await outputsMatch(outputDir, previous.outputs)) &&
        ((await stage.stillCurrent?.(previous, ctx, options)) ?? true)
      ) {
        ctx.log.info(`${stage.name}: ${reportPath} is complete for these inputs and this config; nothing to do (use --force to redo)`);
        return { report: previous, reportPath, outputDir, upToDate: true };
      }
    }

    const leftovers = await removeDeadTemporaries(outputDir);
    if (leftovers.length > 0) ctx.log.info(`${stage.name}: removed ${leftovers.length} temporary file(s) a killed run left in ${outputDir}`);

    const stopwatch = new Stopwatch();
    const run = new StageRun<Ctx, Options>(stage as StageDefinition<Ctx, Options, unknown>, ctx, options, outputDir, inputs);
    let report: StageReport<Details>;
    let failure: ValactError | null;
    try {
      const details = await stage.process(run);
      if (!ctx.allowEmpty && !run.hasDeferredFailure) {
        const counts = run.counts();
        if (counts.in === 0) throw emptyInputError(stage.name, inputs);
        if (counts.out === 0) throw nothingPassedError(stage.name, counts);
      }
      // Checked, not rewritten: the report keeps the stage's own key order.
      const checked = stage.details.safeParse(details);
      if (!checked.success) {
        throw new ValactError('internal', `${stage.name}: report details do not match the stage's schema: ${describeZodError(checked.error)}`, {
          hint: 'This is a bug in valact; please report it.',
        });
      }
      const committed = await run.commit();
      failure = committed.failure;
      report = {
        stage: stage.name,
        status: 'complete',
        counts: committed.counts,
        inputs,
        outputs: committed.outputs,
        fingerprints: { config: configFingerprint, ...(prompts ? { prompts } : {}) },
        timing: stopwatch.timing(),
        details,
      };
      await writeStageReport(reportPath, report);
    } catch (error) {
      await run.abort().catch(() => undefined);
      throw asIoError(error);
    }
    if (failure) throw failure;
    return { report, reportPath, outputDir, upToDate: false };
  } finally {
    await lock.release();
  }
}
