/**
 * Stage accounting and reports. Every record that enters a stage leaves it in exactly one
 * place — passed on, rejected with a reason, or quarantined — and the report refuses to be
 * written when those counts do not add up. A report is read back through zod: a stage that
 * reads another stage's report gets typed details or a clear error, never a cast.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from './atomic.ts';
import { ValactError } from './errors.ts';
import { describeZodError } from './jsonl.ts';

export const StageCountsSchema = z.object({
  in: z.number().int().nonnegative(),
  out: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  /** Rejections and quarantines per reason code; sums to rejected + quarantined. */
  per_reason: z.record(z.string(), z.number().int().nonnegative()),
});
export type StageCounts = z.infer<typeof StageCountsSchema>;

export function emptyCounts(): StageCounts {
  return { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} };
}

export class StageAccounting {
  private readonly counts: StageCounts = emptyCounts();

  received(count = 1): void {
    this.counts.in += count;
  }

  passed(count = 1): void {
    this.counts.out += count;
  }

  rejected(reason: string, count = 1): void {
    this.counts.rejected += count;
    this.counts.per_reason[reason] = (this.counts.per_reason[reason] ?? 0) + count;
  }

  quarantined(reason: string, count = 1): void {
    this.counts.quarantined += count;
    this.counts.per_reason[reason] = (this.counts.per_reason[reason] ?? 0) + count;
  }

  /** A copy of the counts, reasons sorted by name so reports diff cleanly. */
  snapshot(): StageCounts {
    const perReason = Object.fromEntries(Object.entries(this.counts.per_reason).sort(([a], [b]) => a.localeCompare(b)));
    return { ...this.counts, per_reason: perReason };
  }

  /** Throws when a record was lost or counted twice. */
  assertBalanced(stage: string): void {
    const { in: received, out, rejected, quarantined, per_reason } = this.counts;
    const reasonTotal = Object.values(per_reason).reduce((sum, count) => sum + count, 0);
    if (received !== out + rejected + quarantined || reasonTotal !== rejected + quarantined) {
      throw new ValactError(
        'internal',
        `${stage}: counts do not add up (in ${received}, out ${out}, rejected ${rejected}, quarantined ${quarantined}, per-reason total ${reasonTotal})`,
        { hint: 'This is a bug in the pipeline; please report it with the stage report.' },
      );
    }
  }
}

export const FileFingerprintSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  mtime_ms: z.number(),
});
export type FileFingerprint = z.infer<typeof FileFingerprintSchema>;

/** An output the report describes: its file name in the stage folder, size and sha256. */
export const OutputFileSchema = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type OutputFile = z.infer<typeof OutputFileSchema>;

export const TimingSchema = z.object({
  started_at: z.string(),
  finished_at: z.string(),
  seconds: z.number().nonnegative(),
});

/** The report shape every stage writes, with the stage's own `details`. */
export function stageReportSchema<Details extends z.ZodType>(details: Details) {
  return z.object({
    stage: z.string(),
    /** Written last: a report with status "complete" is the stage's completion marker. */
    status: z.literal('complete'),
    counts: StageCountsSchema,
    inputs: z.record(z.string(), z.union([FileFingerprintSchema, z.string()])),
    outputs: z.record(z.string(), OutputFileSchema),
    fingerprints: z.object({ config: z.string(), prompts: z.record(z.string(), z.string()).optional() }),
    timing: TimingSchema,
    details,
  });
}

export interface StageReport<Details = unknown> {
  stage: string;
  status: 'complete';
  counts: StageCounts;
  inputs: Record<string, FileFingerprint | string>;
  outputs: Record<string, OutputFile>;
  fingerprints: { config: string; prompts?: Record<string, string> | undefined };
  timing: z.infer<typeof TimingSchema>;
  details: Details;
}

export async function writeStageReport<Details>(file: string, report: StageReport<Details>): Promise<void> {
  await writeJsonAtomic(file, report);
}

/**
 * A stage report, parsed with the stage's details schema; null when there is none yet. A report
 * that exists but does not parse is an error naming the file: a half-understood report must
 * never steer a later stage.
 */
export async function readStageReport<Details extends z.ZodType>(file: string, details: Details): Promise<StageReport<z.infer<Details>> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ValactError('io', `cannot read stage report ${file}: ${(error as Error).message}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ValactError('input', `${file} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Re-run the stage that wrote it (with --force).',
    });
  }
  const parsed = stageReportSchema(details).safeParse(raw);
  if (!parsed.success) {
    throw new ValactError('input', `${file} is not a report this version understands: ${describeZodError(parsed.error)}`, {
      hint: 'Re-run the stage that wrote it (with --force).',
    });
  }
  return parsed.data as StageReport<z.infer<Details>>;
}

/** Like readStageReport, but an unreadable or foreign report counts as no report (for up-to-date checks). */
export async function readOwnReport<Details extends z.ZodType>(file: string, details: Details): Promise<StageReport<z.infer<Details>> | null> {
  try {
    return await readStageReport(file, details);
  } catch {
    return null;
  }
}

/** Cheap identity of an input file: path, size and modification time (never its content). */
export async function fileFingerprint(path: string): Promise<FileFingerprint> {
  const info = await stat(path);
  return { path, bytes: info.size, mtime_ms: Math.trunc(info.mtimeMs) };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * True when every output the report describes is in `directory` with the bytes the report
 * recorded: an up-to-date check never trusts files another run (or a person) put there.
 */
export async function outputsMatch(directory: string, outputs: StageReport['outputs']): Promise<boolean> {
  for (const output of Object.values(outputs)) {
    const path = join(directory, output.file);
    try {
      if ((await stat(path)).size !== output.bytes) return false;
      if ((await sha256OfFile(path)) !== output.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export class Stopwatch {
  private readonly startedAt = new Date();

  timing(): StageReport['timing'] {
    const finishedAt = new Date();
    return {
      started_at: this.startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      seconds: Math.round(finishedAt.getTime() - this.startedAt.getTime()) / 1000,
    };
  }
}
