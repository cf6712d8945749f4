/**
 * The validate stage: every generated scenario against the published JSON Schema (ajv) and the
 * zod contract, then the cross-record and content checks. Valid scenarios go on to
 * work/validate/scenarios.jsonl, every failure to failures.jsonl (record id, line, JSON path,
 * expected, found), counts per check to report.json. Hard failures fail the stage.
 */
import { pathExists } from '../core/files.ts';
import { join } from 'node:path';
import { resolvePerValue } from '../release/per-value.ts';
import { configFingerprint } from '../config.ts';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { JsonlWriter, openLines, readRecords, type RawLine } from '../core/jsonl.ts';
import {
  StageAccounting,
  Stopwatch,
  fileFingerprint,
  isStageUpToDate,
  readStageReport,
  writeStageReport,
  type StageReport,
} from '../core/report.ts';
import { FilteredPostSchema, ScenarioSchema, type Scenario } from '../records.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import { CHECKS, CHECK_NAMES, checkScenarioContent, shinglesOf, type CheckFailure, type CheckName, type Finding } from './checks.ts';
import { loadSchemaValidator } from './json-schemas.ts';

export interface ValidateOptions {
  /** Input scenarios; default DATA/work/generate/scenarios.jsonl. */
  input?: string;
}

export interface ValidatePaths {
  input: string;
  posts: string;
  directory: string;
  scenarios: string;
  failures: string;
  report: string;
}

export function validatePaths(ctx: StageContext, options: ValidateOptions = {}): ValidatePaths {
  const directory = ctx.paths.work('validate');
  return {
    input: options.input ?? join(ctx.paths.work('generate'), 'scenarios.jsonl'),
    posts: join(ctx.paths.work('filter'), 'posts.jsonl'),
    directory,
    scenarios: join(directory, 'scenarios.jsonl'),
    failures: join(directory, 'failures.jsonl'),
    report: ctx.paths.report('validate'),
  };
}

export interface ValueAvailability {
  available: number;
  requested: number;
  shortfall: number;
}

export interface ValidateDetails {
  verdict: 'passed' | 'failed';
  /** Hard checks that failed at least once, by name. */
  hard_failures: CheckName[];
  checks: Record<CheckName, { severity: 'hard' | 'soft'; failed: number; description: string }>;
  availability: Record<ValueId, ValueAvailability>;
  simulated_scenarios: number;
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

export async function run(ctx: StageContext, options: ValidateOptions = {}): Promise<StageResult> {
  const paths = validatePaths(ctx, options);
  const config = ctx.config.validate;
  const perValue = await resolvePerValue(ctx);
  const stageConfigFingerprint = configFingerprint({ validate: config, per_value: perValue });
  if (!(await pathExists(paths.input))) {
    throw new ValactError('input', `${paths.input} does not exist`, {
      hint: 'Run `valact generate` first, or pass --data to point at the right data folder.',
    });
  }
  const postsPresent = await pathExists(paths.posts);
  if (!postsPresent && !config.allow_missing_posts) {
    throw new ValactError('input', `${paths.posts} does not exist; the verbatim-copy check needs the filtered posts`, {
      hint: 'Run `valact filter` first, or set validate.allow_missing_posts to skip that check.',
    });
  }
  const inputs: StageReport['inputs'] = {
    scenarios: await fileFingerprint(paths.input),
    posts: postsPresent ? await fileFingerprint(paths.posts) : 'absent',
  };
  const previous = await readStageReport(paths.report);
  if (
    !ctx.force &&
    (previous?.details as ValidateDetails | undefined)?.verdict === 'passed' &&
    (await isStageUpToDate(paths.report, { inputs, configFingerprint: stageConfigFingerprint }))
  ) {
    ctx.log.info(`validate: up to date (${paths.report})`);
    return { stage: 'validate', summary: [`validate: up to date, ${previous!.counts.out} valid scenarios in ${paths.scenarios}`], reportPath: paths.report, upToDate: true };
  }

  const stopwatch = new Stopwatch();
  const outcome = await validateFile(paths.input, postsPresent ? paths.posts : null, ctx);
  const accounting = new StageAccounting();
  const validWriter = new JsonlWriter<Scenario>(paths.scenarios);
  const failureWriter = new JsonlWriter<CheckFailure>(paths.failures);
  try {
    for (const entry of outcome.entries) {
      accounting.received();
      const failures = entry.failures;
      if (failures.length === 0) {
        accounting.passed();
        await validWriter.write(entry.scenario!);
        continue;
      }
      for (const failure of failures) await failureWriter.write(failure);
      // A record leaves in one place: quarantined for a broken contract, else rejected, under its first failing check.
      const first = failures.find((failure) => failure.severity === 'hard') ?? failures[0]!;
      if (first.severity === 'hard') accounting.quarantined(first.check);
      else accounting.rejected(first.check);
    }
    accounting.assertBalanced('validate');
    await validWriter.commit();
    await failureWriter.commit();
  } catch (error) {
    await validWriter.abort();
    await failureWriter.abort();
    throw error;
  }

  const details = summarise(outcome.entries, perValue);
  await writeStageReport(paths.report, {
    stage: 'validate',
    status: 'complete',
    counts: accounting.snapshot(),
    inputs,
    outputs: { scenarios: paths.scenarios, failures: paths.failures },
    fingerprints: { config: stageConfigFingerprint },
    timing: stopwatch.timing(),
    details: details as unknown as Record<string, unknown>,
  });

  const counts = accounting.snapshot();
  const short = VALUE_IDS.filter((value) => details.availability[value].shortfall > 0);
  if (short.length > 0) {
    ctx.log.warn(
      `validate: fewer valid scenarios than the release needs (${perValue} per value) for ${short
        .map((value) => `${value} (${details.availability[value].available}, short ${details.availability[value].shortfall})`)
        .join(', ')}`,
    );
  }
  if (details.verdict === 'failed') {
    const named = details.hard_failures.map((check) => `${check} (${details.checks[check].failed})`).join(', ');
    throw new ValactError('validation_failed', `validate: hard checks failed on ${paths.input}: ${named}`, {
      hint: `Each failure, with record id, line and JSON path, is in ${paths.failures}; counts per check in ${paths.report}.`,
    });
  }
  return {
    stage: 'validate',
    summary: [
      `validate: ${counts.out} of ${counts.in} scenarios valid, ${counts.rejected} rejected -> ${paths.scenarios}`,
      ...(counts.rejected > 0 ? [`  rejections per check: ${Object.entries(counts.per_reason).map(([check, count]) => `${check} ${count}`).join(', ')}`] : []),
    ],
    reportPath: paths.report,
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
  ctx: Pick<StageContext, 'config' | 'progress'>,
): Promise<{ entries: ValidatedEntry[] }> {
  const config = ctx.config.validate;
  const schema = await loadSchemaValidator('scenario.schema.json');
  const parsed: ParsedLine[] = [];
  for await (const raw of openLines(input)) parsed.push(parseLine(raw, schema.check));

  const postIds = new Set(parsed.flatMap((entry) => (entry.scenario ? [entry.scenario.source.post_id] : [])));
  const sources = postsFile ? await loadSourceShingles(postsFile, postIds, config.verbatim_span_words) : null;

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

export function summarise(entries: ValidatedEntry[], perValue: number): ValidateDetails {
  const checks = Object.fromEntries(
    CHECK_NAMES.map((check) => [check, { severity: CHECKS[check].severity, failed: 0, description: CHECKS[check].description }]),
  ) as ValidateDetails['checks'];
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
    VALUE_IDS.map((value) => [value, { available: available[value], requested: perValue, shortfall: Math.max(perValue - available[value], 0) }]),
  ) as Record<ValueId, ValueAvailability>;
  return { verdict: hardFailures.length > 0 ? 'failed' : 'passed', hard_failures: hardFailures, checks, availability, simulated_scenarios: simulated };
}
