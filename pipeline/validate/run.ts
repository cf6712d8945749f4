/**
 * The validate stage: every generated scenario against the published JSON Schema (ajv) and the
 * zod contract, then the cross-record and content checks. Valid scenarios go on to
 * work/validate/scenarios.jsonl, every failure to failures.jsonl (record id, line, JSON path,
 * expected, found), counts per check to report.json. Hard failures fail the stage.
 */
import { join } from 'node:path';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { openLines, readRecords, type RawLine } from '../core/jsonl.ts';
import { fileFingerprint, readStageReport } from '../core/report.ts';
import { DROPPED_FILE, runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { GenerateDetailsSchema } from '../generate/contract.ts';
import { FilteredPostSchema, ScenarioSchema, type Scenario } from '../records.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import { VERBATIM_SPAN_WORDS, checkScenarioContent, shinglesOf, type CheckFailure, type Finding } from './checks.ts';
import type { ValidateConfig } from './config.ts';
import { CHECKS, CHECK_NAMES, VALIDATE_OUTPUTS, VALIDATE_REASONS, ValidateDetailsSchema, type CheckName, type ValidateDetails } from './contract.ts';
import { loadSchemaValidator } from '../json-schemas.ts';

export type ValidateContext = StageContext<{ validate: ValidateConfig }>;

export interface ValidateOptions {
  /** Input scenarios; default DATA/work/generate/scenarios.jsonl. */
  input?: string;
}

export interface ValidatePaths {
  input: string;
  posts: string;
  directory: string;
  scenarios: string;
  report: string;
}

export function validatePaths(ctx: ValidateContext, options: ValidateOptions = {}): ValidatePaths {
  const directory = ctx.paths.work('validate');
  return {
    input: options.input ?? join(ctx.paths.work('generate'), 'scenarios.jsonl'),
    posts: join(ctx.paths.work('filter'), 'posts.jsonl'),
    directory,
    scenarios: join(directory, VALIDATE_OUTPUTS.scenarios),
    report: ctx.paths.report('validate'),
  };
}

interface ParsedLine {
  line: number;
  scenario: Scenario | null;
  findings: Finding[];
  recordId: string | null;
}

function recordIdOf(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return null;
}


/** Texts of the source posts that the scenarios name, read in one pass over the filter output. */
async function loadSourceShingles(file: string, postIds: Set<string>, span: number): Promise<Map<string, Set<string>>> {
  const shingles = new Map<string, Set<string>>();
  for await (const { record } of readRecords(file, FilteredPostSchema)) {
    if (postIds.has(record.id)) shingles.set(record.id, shinglesOf(`${record.title}\n${record.text}`, span));
  }
  return shingles;
}

/** The number of scenarios per value generate was asked for, from its report; null when there is none. */
async function requestedPerValue(ctx: ValidateContext): Promise<number | null> {
  const report = await readStageReport(ctx.paths.report('generate'), GenerateDetailsSchema);
  return report?.details.per_value ?? null;
}

async function validateScenarios(run: StageRun<ValidateContext, ValidateOptions>): Promise<ValidateDetails> {
  const { ctx } = run;
  const paths = validatePaths(ctx, run.options);
  const postsPresent = run.inputs.posts !== 'absent';
  const perValue = await requestedPerValue(ctx);
  const outcome = await validateFile(paths.input, postsPresent ? paths.posts : null, ctx);
  const valid = run.jsonl<Scenario>('scenarios', VALIDATE_OUTPUTS.scenarios);
  for (const entry of outcome.entries) {
    run.received();
    if (entry.failures.length === 0) {
      run.passed();
      await valid.write(entry.scenario!);
      continue;
    }
    // A record leaves in one place: quarantined for a broken contract, else rejected, under its first failing check.
    const first = entry.failures.find((failure) => failure.severity === 'hard') ?? entry.failures[0]!;
    run.drop({ id: entry.recordId, line: entry.line, reason: first.check, evidence: { failures: entry.failures } });
    await run.flushDropped();
  }

  const details = summarise(outcome.entries, perValue, ctx.config.validate);
  const short = VALUE_IDS.filter((value) => (details.availability[value].shortfall ?? 0) > 0);
  if (short.length > 0) {
    ctx.log.warn(
      `validate: fewer valid scenarios than the release needs (${perValue} per value) for ${short
        .map((value) => `${value} (${details.availability[value].available}, short ${details.availability[value].shortfall})`)
        .join(', ')}`,
    );
  }
  if (details.verdict === 'failed') {
    const named = details.hard_failures.map((check) => `${check} (${details.checks[check]!.failed})`).join(', ');
    run.failAfterCommit(
      new ValactError('validation_failed', `validate: hard checks failed on ${paths.input}: ${named}`, {
        hint: `Each failure, with record id, line and JSON path, is in ${join(run.outputDir, DROPPED_FILE)}; counts per check in ${paths.report}.`,
      }),
    );
  }
  return details;
}

export const validateStage: StageDefinition<ValidateContext, ValidateOptions, ValidateDetails> = {
  name: 'validate',
  reasons: VALIDATE_REASONS,
  details: ValidateDetailsSchema,
  async inputs(ctx, options) {
    const paths = validatePaths(ctx, options);
    if (!(await pathExists(paths.input))) {
      throw new ValactError('input', `${paths.input} does not exist`, { hint: 'Run `valact generate` first, or pass --data to point at the right data folder.' });
    }
    const postsPresent = await pathExists(paths.posts);
    if (!postsPresent && !ctx.config.validate.allow_missing_posts) {
      throw new ValactError('input', `${paths.posts} does not exist; the verbatim-copy check needs the filtered posts`, {
        hint: 'Run `valact filter` first, or set validate.allow_missing_posts to skip that check.',
      });
    }
    const generateReport = ctx.paths.report('generate');
    return {
      scenarios: await fileFingerprint(paths.input),
      posts: postsPresent ? await fileFingerprint(paths.posts) : 'absent',
      // The per-value quota availability is measured against comes from here.
      generate_report: (await pathExists(generateReport)) ? await fileFingerprint(generateReport) : 'absent',
    };
  },
  shapingConfig: (ctx) => ({ validate: ctx.config.validate }),
  // A failed validation is redone (its failures were fixed, or are to be reported again).
  stillCurrent: (previous) => previous.details.verdict === 'passed',
  process: validateScenarios,
};

export async function run(ctx: ValidateContext, options: ValidateOptions = {}): Promise<StageResult> {
  const outcome = await runStage(validateStage, ctx, options);
  const counts = outcome.report.counts;
  const output = join(outcome.outputDir, VALIDATE_OUTPUTS.scenarios);
  if (outcome.upToDate) {
    return { stage: 'validate', summary: [`validate: up to date, ${counts.out} valid scenarios in ${output}`], reportPath: outcome.reportPath, upToDate: true };
  }
  return {
    stage: 'validate',
    summary: [
      `validate: ${counts.out} of ${counts.in} scenarios valid, ${counts.rejected} rejected -> ${output}`,
      ...(counts.rejected > 0 ? [`  rejections per check: ${Object.entries(counts.per_reason).map(([check, count]) => `${check} ${count}`).join(', ')}`] : []),
    ],
    reportPath: outcome.reportPath,
  };
}

export interface ValidatedEntry {
  line: number;
  recordId: string | null;
  scenario: Scenario | null;
  failures: CheckFailure[];
}

/** Validate every line of a scenarios file (in memory: a release is a few thousand records). */
export async function validateFile(
  input: string,
  postsFile: string | null,
  ctx: Pick<ValidateContext, 'config' | 'progress'>,
): Promise<{ entries: ValidatedEntry[] }> {
  const config = ctx.config.validate;
  const schema = await loadSchemaValidator('scenario.schema.json');
  const parsed: ParsedLine[] = [];
  for await (const raw of openLines(input)) parsed.push(parseLine(raw, schema.check));

  const postIds = new Set(parsed.flatMap((entry) => (entry.scenario ? [entry.scenario.source.post_id] : [])));
  const sources = postsFile ? await loadSourceShingles(postsFile, postIds, VERBATIM_SPAN_WORDS) : null;

  const progress = ctx.progress({ label: 'validate', total: parsed.length, unit: 'scenarios' });
  const seenIds = new Set<string>();
  const entries: ValidatedEntry[] = parsed.map((entry) => {
    const findings = [...entry.findings];
    if (entry.recordId !== null) {
      if (seenIds.has(entry.recordId)) {
        findings.push({ check: 'duplicate_id', path: '/id', expected: 'an id not seen on an earlier line', found: entry.recordId });
      }
      seenIds.add(entry.recordId);
    }
    if (entry.scenario) {
      const shingles = sources === null ? 'skip' : (sources.get(entry.scenario.source.post_id) ?? null);
      findings.push(...checkScenarioContent(entry.scenario, shingles, config));
    }
    progress.tick();
    return {
      line: entry.line,
      recordId: entry.recordId,
      scenario: entry.scenario,
      failures: findings.map((finding) => ({
        ...finding,
        severity: CHECKS[finding.check].severity,
        record_id: entry.recordId,
        line: entry.line,
      })),
    };
  });
  progress.done();
  return { entries };
}

function parseLine(raw: RawLine, ajvCheck: (value: unknown) => { path: string; message: string }[]): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(raw.bytes.toString('utf8'));
  } catch (error) {
    return { line: raw.line, scenario: null, recordId: null, findings: [{ check: 'json', path: '/', expected: 'one JSON object', found: (error as Error).message }] };
  }
  const recordId = recordIdOf(value);
  const findings: Finding[] = ajvCheck(value).map((violation) => ({
    check: 'schema_ajv',
    path: violation.path,
    expected: 'conforms to scenario.schema.json',
    found: violation.message,
  }));
  const result = ScenarioSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      findings.push({ check: 'schema_zod', path: '/' + issue.path.map(String).join('/'), expected: 'conforms to ScenarioSchema', found: issue.message });
    }
  }
  return { line: raw.line, recordId, scenario: result.success ? result.data : null, findings };
}

export function summarise(entries: ValidatedEntry[], perValue: number | null, config: ValidateConfig): ValidateDetails {
  const checks = Object.fromEntries(
    CHECK_NAMES.map((check) => [check, { severity: CHECKS[check].severity, failed: 0, description: CHECKS[check].description }]),
  ) as Record<CheckName, ValidateDetails['checks'][string]>;
  const available = Object.fromEntries(VALUE_IDS.map((value) => [value, 0])) as Record<ValueId, number>;
  let simulated = 0;
  for (const entry of entries) {
    // Count each check once per record, however many fields it failed on.
    for (const check of new Set(entry.failures.map((failure) => failure.check))) checks[check].failed += 1;
    if (entry.failures.length === 0 && entry.scenario) {
      available[entry.scenario.target_value] += 1;
      if (entry.scenario.generation.simulated) simulated += 1;
    }
  }
  const hardFailures = CHECK_NAMES.filter((check) => CHECKS[check].severity === 'hard' && checks[check].failed > 0);
  const availability = Object.fromEntries(
    VALUE_IDS.map((value) => [value, { available: available[value], requested: perValue, shortfall: perValue === null ? null : Math.max(perValue - available[value], 0) }]),
  ) as ValidateDetails['availability'];
  return { verdict: hardFailures.length > 0 ? 'failed' : 'passed', hard_failures: hardFailures, checks, availability, simulated_scenarios: simulated, config };
}
