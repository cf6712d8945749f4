/**
 * Stage accounting and reports. Every record that enters a stage leaves it in exactly one
 * place — passed on, rejected with a reason, or quarantined — and the report refuses to be
 * written when those counts do not add up.
 */
import { readFile, stat } from 'node:fs/promises';
import { ValactError } from './errors.ts';
import { writeJsonAtomic } from './atomic.ts';

export interface StageCounts {
  in: number;
  out: number;
  rejected: number;
  quarantined: number;
  /** Rejections and quarantines per reason code; sums to rejected + quarantined. */
  per_reason: Record<string, number>;
}

export class StageAccounting {
  private readonly counts: StageCounts = { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} };

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

export interface StageReport {
  stage: string;
  /** Written last: a report with status "complete" is the stage's completion marker. */
  status: 'complete';
  counts: StageCounts;
  inputs: Record<string, FileFingerprint | string>;
  outputs: Record<string, string>;
  fingerprints: { config: string; prompts?: Record<string, string> };
  timing: { started_at: string; finished_at: string; seconds: number };
  /** Stage-specific figures (tokens, cost, funnel by subreddit...). */
  details?: Record<string, unknown>;
}

export async function writeStageReport(file: string, report: StageReport): Promise<void> {
  await writeJsonAtomic(file, report);
}

export async function readStageReport(file: string): Promise<StageReport | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StageReport;
  } catch {
    return null;
  }
}

export interface FileFingerprint {
  path: string;
  bytes: number;
  mtime_ms: number;
}

/** Cheap identity of an input file: path, size and modification time (never its content). */
export async function fileFingerprint(path: string): Promise<FileFingerprint> {
  const info = await stat(path);
  return { path, bytes: info.size, mtime_ms: Math.trunc(info.mtimeMs) };
}

/**
 * True when a previous run of the stage completed on the same inputs and config, so the
 * stage can skip its work (unless --force).
 */
export async function isStageUpToDate(
  reportFile: string,
  expected: { inputs: StageReport['inputs']; configFingerprint: string },
): Promise<boolean> {
  const previous = await readStageReport(reportFile);
  if (!previous || previous.status !== 'complete') return false;
  if (previous.fingerprints.config !== expected.configFingerprint) return false;
  return JSON.stringify(previous.inputs) === JSON.stringify(expected.inputs);
}

export class Stopwatch {
  private readonly startedAt = new Date();

  timing(): StageReport['timing'] {
    const finishedAt = new Date();
    return {
      started_at: this.startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      seconds: Math.round((finishedAt.getTime() - this.startedAt.getTime())) / 1000,
    };
  }
}
