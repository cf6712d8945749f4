/**
 * The stages of the human round trip: `audit export` writes the packets of a sample
 * (DATA/audit/<version>/packets/<sample id>/), `audit import` reads them back filled (or the
 * annotation page's answers) into DATA/audit/<version>/annotations/annotations.jsonl.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeCsv } from '../core/csv.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { fileFingerprint } from '../core/report.ts';
import { runStage, type StageDefinition } from '../core/stage.ts';
import type { Scenario } from '../records.ts';
import { AUDIT_FILES, JudgmentSchema, type Judgment } from './contract.ts';
import type { AuditContext } from './judging.ts';
import { PACKET_COLUMNS, SampleSchema, drawSample, importAnswers, packetRows, type Sample } from './packets.ts';
import { auditPaths, readAuditedRelease, type AuditedRelease } from './release.ts';

export const ROUND_TRIP_REASONS = {
  not_sampled: { check: 'sample', disposition: 'rejected', description: 'not drawn into this sample' },
} as const;

export const ExportDetailsSchema = z.object({ sample: SampleSchema, directory: z.string() });
export type ExportDetails = z.infer<typeof ExportDetailsSchema>;

export interface ExportOptions {
  release?: string;
}

function exportStage(release: AuditedRelease, sample: Sample): StageDefinition<AuditContext, ExportOptions, ExportDetails> {
  return {
    name: 'audit-export',
    reasons: ROUND_TRIP_REASONS,
    details: ExportDetailsSchema,
    outputDir: (ctx) => join(auditPaths(ctx, release.version).packets, sample.sample_id),
    inputs: async () => ({ scenarios: await fileFingerprint(join(release.directory, 'scenarios.jsonl')) }),
    shapingConfig: () => sample,
    async process(run) {
      const scenarios = new Map(release.scenarios.map((scenario) => [scenario.id, scenario]));
      const drawn = new Set(Object.values(sample.assignment).flat());
      for (const scenario of release.scenarios) {
        run.received();
        if (drawn.has(scenario.id)) run.passed();
        else run.drop({ id: scenario.id, reason: 'not_sampled' }, false);
      }
      await run.file('sample', 'sample.json').write(JSON.stringify(sample, null, 2) + '\n');
      for (const annotator of sample.annotators) {
        const rows = packetRows(sample, annotator, scenarios);
        await run.file(`${annotator}_csv`, `${annotator}.csv`).write(await writeCsv(rows, PACKET_COLUMNS));
        await run.file(`${annotator}_jsonl`, `${annotator}.jsonl`).write(rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
      }
      return { sample, directory: run.outputDir };
    },
  };
}

export async function runExport(ctx: AuditContext, options: ExportOptions = {}) {
  const release = await readAuditedRelease(ctx, options.release);
  const config = ctx.config.audit;
  const sample = drawSample(release, { size: config.sample, annotators: config.annotators, overlap: config.overlap, seed: config.seed });
  const outcome = await runStage(exportStage(release, sample), ctx, options);
  return { release, sample, outcome };
}

/** Every sample exported for a release, by id. */
export async function readSamples(ctx: AuditContext, version: string): Promise<Map<string, Sample>> {
  const root = auditPaths(ctx, version).packets;
  const samples = new Map<string, Sample>();
  for (const entry of await readdir(root).catch(() => [] as string[])) {
    const file = join(root, entry, 'sample.json');
    if (!(await pathExists(file))) continue;
    const sample = SampleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    samples.set(sample.sample_id, sample);
  }
  return samples;
}

export const ImportDetailsSchema = z.object({ sample_id: z.string(), files: z.array(z.string()), annotators: z.array(z.string()), answers: z.number().int().nonnegative() });
export type ImportDetails = z.infer<typeof ImportDetailsSchema>;

export interface ImportOptions {
  release?: string;
  files: string[];
}

/** The sample a set of answer files belongs to: the one their first answer names (checked for every answer). */
async function sampleOf(files: readonly string[], samples: Map<string, Sample>, version: string): Promise<Sample> {
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const id = /\bs[0-9a-f]{10}\b/.exec(text)?.[0];
    if (id && samples.has(id)) return samples.get(id)!;
  }
  const known = [...samples.keys()];
  throw new ValactError('input', `audit import: none of ${files.join(', ')} belongs to a sample exported for release ${version}${known.length > 0 ? ` (${known.join(', ')})` : ''}`, {
    hint: 'Import the packets exported for this release (valact audit export), or pass --release for the release they came from.',
  });
}

function importStage(release: AuditedRelease, sample: Sample, files: string[]): StageDefinition<AuditContext, ImportOptions, ImportDetails> {
  return {
    name: 'audit-import',
    reasons: {},
    details: ImportDetailsSchema,
    outputDir: (ctx) => auditPaths(ctx, release.version).annotations,
    inputs: async () => Object.fromEntries(await Promise.all(files.map(async (file) => [file, await fileFingerprint(file)] as const))),
    shapingConfig: () => ({ sample: sample.sample_id }),
    async process(run) {
      const scenarios = new Map<string, Scenario>(release.scenarios.map((scenario) => [scenario.id, scenario]));
      const imported = await importAnswers(files, sample, scenarios);
      // Answers imported before (other annotators' files) stay; the same answer again is not a conflict.
      const existingFile = join(run.outputDir, AUDIT_FILES.annotations);
      const existing = (await pathExists(existingFile)) ? await readAllRecords(existingFile, JudgmentSchema) : [];
      const merged = new Map<string, Judgment>(existing.map((judgment) => [`${judgment.rater}\u0000${judgment.scenario_id}`, judgment]));
      for (const judgment of imported) {
        const key = `${judgment.rater}\u0000${judgment.scenario_id}`;
        const before = merged.get(key);
        if (before && JSON.stringify(before) !== JSON.stringify(judgment)) {
          throw new ValactError('input', `audit import: ${judgment.rater} answered ${judgment.scenario_id} differently in an earlier import`, {
            hint: `Remove ${existingFile} to import every file afresh.`,
          });
        }
        merged.set(key, judgment);
      }
      const out = run.jsonl<Judgment>('annotations', AUDIT_FILES.annotations);
      const all = [...merged.values()].sort((a, b) => (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : a.scenario_id < b.scenario_id ? -1 : 1));
      for (const judgment of all) {
        run.received();
        run.passed();
        await out.write(judgment);
      }
      return { sample_id: sample.sample_id, files: files.map((file) => resolve(file)), annotators: [...new Set(imported.map((judgment) => judgment.rater))].sort(), answers: imported.length };
    },
  };
}

export async function runImport(ctx: AuditContext, options: ImportOptions) {
  if (options.files.length === 0) throw new ValactError('usage', 'audit import needs at least one file: a filled packet (.csv) or the annotation page\'s answers (.answers.jsonl)');
  const release = await readAuditedRelease(ctx, options.release);
  const sample = await sampleOf(options.files, await readSamples(ctx, release.version), release.version);
  const outcome = await runStage(importStage(release, sample, options.files), { ...ctx, force: true }, options);
  return { release, sample, outcome };
}
