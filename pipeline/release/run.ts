/**
 * The release stage: select, expand and publish DATA/release/X.Y.Z/ — or re-check a published
 * release (--verify). A published version is never overwritten: an identical rebuild is
 * "up to date" and touches nothing; a different one is refused, naming the next free patch
 * (or, with `ifPublished: 'next_patch'`, published as that patch). The stage runner keeps the
 * run's report and the scenarios it left out in DATA/work/release/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { removeDeadTemporaries, temporaryPathFor } from '../core/atomic.ts';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { fingerprint } from '../core/fingerprint.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { fileFingerprint, readStageReport } from '../core/report.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { GenerateDetailsSchema } from '../generate/contract.ts';
import { REDDIT_ID_PATTERN, RELEASE_VERSION_PATTERN, RELEASE_VERSION_RULE, ScenarioSchema, scenarioSetFingerprint, type Scenario } from '../records.ts';
import { VALIDATE_OUTPUTS, ValidateDetailsSchema } from '../validate/contract.ts';
import { buildRelease, releaseDate, type BuiltRelease, type PreviousRelease } from './build.ts';
import type { ReleaseConfig } from './config.ts';
import { RELEASE_REASONS, ReleaseDetailsSchema, compareReleaseVersions, type ReleaseDetails } from './contract.ts';
import { findLabelAudit } from './label-audit.ts';
import { readProvenance } from './provenance.ts';
import { selectBalanced } from './select.ts';
import { verifyRelease, type VerifyResult } from './verify.ts';

export type ReleaseContext = StageContext<{ release: ReleaseConfig }>;

export interface ReleaseOptions {
  /** Version to publish; default the config's release.version. */
  version?: string;
  /** Write the release folder here instead of DATA/release/<version> (e.g. to check a rebuild). */
  out?: string;
  /** Re-check the published release in this folder instead of building one. */
  verify?: string;
  /**
   * When the version is already published with other content: `refuse` (default) names the next
   * free patch and changes nothing; `next_patch` publishes there (what `valact pipeline` does).
   */
  ifPublished?: 'refuse' | 'next_patch';
}

export interface PublishOutcome {
  version: string;
  /** The validated scenarios the release chose from. */
  scenarios: Scenario[];
  directory: string;
  /** True when the folder already held exactly these bytes and nothing was written. */
  upToDate: boolean;
  built: BuiltRelease;
}

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const SEMVER = RELEASE_VERSION_PATTERN;

function parseVersion(version: string): [number, number, number] {
  const match = SEMVER.exec(version);
  if (!match) throw new ValactError('usage', `--version must be ${RELEASE_VERSION_RULE}; received ${JSON.stringify(version)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** `git rev-parse HEAD` of the pipeline's checkout, or null outside git. */
export function pipelineGitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

function pipelineVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The smallest X.Y.(Z+k) with no folder under `releaseDir`. */
export async function nextFreePatch(releaseDir: string, version: string): Promise<string> {
  const [major, minor, patch] = parseVersion(version);
  for (let next = patch + 1; ; next += 1) {
    const candidate = `${major}.${minor}.${next}`;
    if (!(await pathExists(join(releaseDir, candidate)))) return candidate;
  }
}

/** The take-down list's path: inside the data folder, never a file elsewhere on the machine. */
export function takedownPath(dataRoot: string, file: string): string {
  const path = resolve(dataRoot, file);
  if (relative(dataRoot, path).startsWith('..') || isAbsolute(relative(dataRoot, path))) {
    throw new ValactError('config', `release.takedown_file must name a file inside the data folder ${dataRoot}; it names ${JSON.stringify(file)}`, {
      hint: 'Put the list in the data folder (DATA/takedown.txt by default) and give its path relative to it.',
    });
  }
  return path;
}

/** Post ids on the take-down list: one a line, '#' starts a comment. A missing file is an empty list. */
export async function readTakedownList(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new ValactError('input', `cannot read take-down list ${file}: ${(error as Error).message}`);
  }
  const ids = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const id = line.replace(/^t3_/, '');
    if (!REDDIT_ID_PATTERN.test(id)) {
      throw new ValactError('input', `${file}:${index + 1}: expected a Reddit post id (lowercase base-36, optionally t3_), found ${JSON.stringify(line.length > 40 ? `${line.slice(0, 39)}…` : line)}`, {
        hint: 'Put one post id per line; lines starting with # are comments.',
      });
    }
    ids.add(id);
  });
  return ids;
}

/** The newest published version below `version`, with its scenarios and change log. */
async function previousRelease(releaseDir: string, version: string): Promise<PreviousRelease | null> {
  let entries: string[];
  try {
    entries = await readdir(releaseDir);
  } catch {
    return null;
  }
  const candidates = entries.filter((entry) => SEMVER.test(entry) && compareReleaseVersions(entry, version) < 0).sort(compareReleaseVersions).reverse();
  for (const candidate of candidates) {
    const directory = join(releaseDir, candidate);
    if (!(await pathExists(join(directory, 'manifest.json')))) continue;
    const scenarios = new Map<string, string>();
    for (const record of await readAllRecords(join(directory, 'scenarios.jsonl'), ScenarioSchema)) scenarios.set(record.id, JSON.stringify(record));
    const changelog = await readFile(join(directory, 'CHANGELOG.md'), 'utf8').catch(() => null);
    return { version: candidate, scenarios, changelog };
  }
  return null;
}

async function listFilesRelative(directory: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(directory, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFilesRelative(directory, join(prefix, entry.name)) : Promise.resolve([join(prefix, entry.name)]))),
  );
  return nested.flat();
}

async function holdsExactly(directory: string, files: Map<string, Buffer>): Promise<boolean> {
  const present = await listFilesRelative(directory);
  if (present.length !== files.size) return false;
  for (const path of present) {
    const expected = files.get(path);
    if (!expected || !expected.equals(await readFile(join(directory, path)))) return false;
  }
  return true;
}

/** How many scenarios per value: the release config's, else what generate was asked for (its report). */
async function perValueOf(ctx: ReleaseContext): Promise<number> {
  if (ctx.config.release.per_value !== null) return ctx.config.release.per_value;
  const report = await readStageReport(ctx.paths.report('generate'), GenerateDetailsSchema);
  if (report) return report.details.per_value;
  throw new ValactError('usage', `no per-value count: ${ctx.paths.report('generate')} is missing and release.per_value is not set`, {
    hint: 'Pass --per-value N (300 gives the full 3,000-scenario release), or run `valact generate` first.',
  });
}

/** Write the built files into a fresh folder, whole or not at all. */
async function writeReleaseFolder(directory: string, version: string, files: Map<string, Buffer>): Promise<void> {
  // Build the whole folder aside and rename it into place: a kill leaves no half-published version.
  const staging = temporaryPathFor(directory);
  try {
    for (const [path, bytes] of files) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), bytes);
    }
    await rename(staging, directory);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Build the release and publish it (or find it already published). */
export async function publishRelease(ctx: ReleaseContext, options: Omit<ReleaseOptions, 'verify'> = {}): Promise<PublishOutcome> {
  const config = { ...ctx.config.release, per_value: await perValueOf(ctx) };
  let version = options.version ?? config.version;
  parseVersion(version);
  const validateReportPath = ctx.paths.report('validate');
  const report = await readStageReport(validateReportPath, ValidateDetailsSchema);
  if (!report) {
    throw new ValactError('input', `${validateReportPath} is missing: the scenarios have not been validated`, { hint: 'Run `valact validate` first.' });
  }
  if (report.details.verdict !== 'passed') {
    throw new ValactError('validation_failed', `${validateReportPath}: validation failed (${report.details.hard_failures.join(', ')}); refusing to release`, {
      hint: `Fix the failures listed in ${join(ctx.paths.work('validate'), 'dropped.jsonl')} and re-run \`valact validate\`.`,
    });
  }
  const scenarios = await readAllRecords(join(ctx.paths.work('validate'), VALIDATE_OUTPUTS.scenarios), ScenarioSchema);
  const takedownPostIds = await readTakedownList(takedownPath(ctx.paths.root, config.takedown_file));
  const { version: _version, ...configWithoutVersion } = config;
  // The audit that describes the scenarios this config selects (before any flagged are left out).
  const selectedBeforeExclusions = selectBalanced(scenarios, config.per_value, takedownPostIds).selected;
  const labelAudit = await findLabelAudit(join(ctx.paths.root, 'audit'), scenarioSetFingerprint(selectedBeforeExclusions));
  if (config.exclude_flagged && !labelAudit) ctx.log.warn('release --exclude-flagged: no label audit of these scenarios was found (run `valact audit judge` on the release first); nothing is left out');
  const rejectedPerCheck = Object.entries(report.counts.per_reason).map(([check, count]) => `${check} ${count}`).join(', ');
  const build = async (at: string) =>
    buildRelease({
      version: at,
      scenarios,
      config,
      takedownPostIds,
      created: releaseDate(ctx.env, config, scenarios),
      gitCommit: pipelineGitCommit(),
      pipelineVersion: pipelineVersion(),
      configFingerprint: fingerprint({ release: configWithoutVersion, validate: report.details.config }),
      previous: await previousRelease(ctx.paths.release, at),
      provenance: await readProvenance(ctx),
      labelAudit,
      validationSummary: [
        `In the validate run behind this release, ${report.counts.out} of ${report.counts.in} generated scenarios passed${rejectedPerCheck ? ` (rejected per check: ${rejectedPerCheck})` : ''}.`,
      ],
    });

  let built = await build(version);
  let directory = options.out ?? join(ctx.paths.release, version);
  if (await pathExists(directory)) {
    if (await holdsExactly(directory, built.files)) return { version, directory, upToDate: true, built, scenarios };
    const next = await nextFreePatch(ctx.paths.release, version);
    if (options.ifPublished !== 'next_patch' || options.out !== undefined) {
      throw new ValactError('already_exists', `${directory} already holds release ${version} with different content; a published version is never overwritten (nothing was changed)`, {
        hint: `Publish the new build as the next free patch version: \`valact release --version ${next}\`.`,
      });
    }
    // The first patch upward that already holds exactly this build, or the first free one: a
    // re-run finds what it published before instead of publishing it again.
    const [major, minor, patch] = parseVersion(version);
    for (let candidate = patch + 1; ; candidate += 1) {
      const at = `${major}.${minor}.${candidate}`;
      const atDirectory = join(ctx.paths.release, at);
      const atBuild = await build(at);
      if (!(await pathExists(atDirectory))) {
        ctx.log.info(`release ${version} is already published with different content; publishing ${at} instead`);
        [version, directory, built] = [at, atDirectory, atBuild];
        break;
      }
      if (await holdsExactly(atDirectory, atBuild.files)) return { version: at, directory: atDirectory, upToDate: true, built: atBuild, scenarios };
    }
  }
  await writeReleaseFolder(directory, version, built.files);
  return { version, directory, upToDate: false, built, scenarios };
}

/** Account for every validated scenario: released, taken down, or ranked below the quota. */
function accountFor(run: StageRun<ReleaseContext, ReleaseOptions>, outcome: PublishOutcome): void {
  const released = new Set(outcome.built.selection.selected.map((scenario) => scenario.id));
  const takenDown = new Set(outcome.built.selection.takenDown.map((scenario) => scenario.id));
  for (const scenario of outcome.scenarios) {
    run.received();
    if (released.has(scenario.id)) run.passed();
    else if (takenDown.has(scenario.id)) run.drop({ id: scenario.id, reason: 'taken_down', evidence: { post_id: scenario.source.post_id } });
    else run.drop({ id: scenario.id, reason: 'not_selected', evidence: { target_value: scenario.target_value, per_value: outcome.built.manifest.per_value } });
  }
}

async function publishAndAccount(run: StageRun<ReleaseContext, ReleaseOptions>): Promise<ReleaseDetails> {
  // A killed publish leaves a staging folder beside the releases; never a half-published version.
  await removeDeadTemporaries(run.ctx.paths.release);
  const outcome = await publishRelease(run.ctx, run.options);
  accountFor(run, outcome);
  const { manifest, changes } = outcome.built;
  return {
    version: outcome.version,
    directory: relative(run.ctx.paths.root, outcome.directory) || '.',
    outcome: outcome.upToDate ? 'up_to_date' : 'published',
    per_value: manifest.per_value,
    scenarios: manifest.counts.scenarios,
    items: manifest.counts.items,
    simulated: manifest.simulated,
    changes: { previous_version: changes.previousVersion, added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length },
  };
}

export const releaseStage: StageDefinition<ReleaseContext, ReleaseOptions, ReleaseDetails> = {
  name: 'release',
  reasons: RELEASE_REASONS,
  details: ReleaseDetailsSchema,
  async inputs(ctx) {
    const scenarios = join(ctx.paths.work('validate'), VALIDATE_OUTPUTS.scenarios);
    try {
      return { scenarios: await fileFingerprint(scenarios) };
    } catch {
      throw new ValactError('input', `${scenarios} does not exist: the scenarios have not been validated`, { hint: 'Run `valact validate` first.' });
    }
  },
  shapingConfig: (ctx) => ({ release: ctx.config.release }),
  // Publishing decides for itself: an identical rebuild is "up to date" and writes nothing.
  reusable: () => false,
  process: publishAndAccount,
};

function describeProblems(result: VerifyResult, limit = 10): string {
  const lines = result.problems.slice(0, limit).map((problem) => {
    const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : null, problem.path ?? null].filter(Boolean).join(' ');
    return `  - [${problem.check}] ${where}: ${problem.message}`;
  });
  if (result.problems.length > limit) lines.push(`  - and ${result.problems.length - limit} more`);
  return lines.join('\n');
}

export async function run(ctx: ReleaseContext, options: ReleaseOptions = {}): Promise<StageResult> {
  if (options.verify !== undefined) {
    const result = await verifyRelease(options.verify);
    if (!result.ok) {
      throw new ValactError('validation_failed', `release --verify ${options.verify}: ${result.problems.length} problem(s)\n${describeProblems(result)}`, {
        hint: 'A release folder must match its manifest byte for byte; rebuild it, or restore it from the published copy.',
      });
    }
    const manifest = result.manifest!;
    return {
      stage: 'release',
      summary: [`release --verify: ${options.verify} is intact (version ${manifest.version}, ${manifest.files.length} files, ${manifest.counts.scenarios} scenarios, ${manifest.counts.items} items${manifest.simulated ? ', SIMULATED' : ''})`],
    };
  }
  const { report } = await runStage(releaseStage, ctx, options);
  const release = report.details;
  const directory = join(ctx.paths.root, release.directory);
  const simulated = release.simulated ? ' — SIMULATED (offline provider, no model wrote these scenarios)' : '';
  if (release.simulated) ctx.log.warn(`release ${release.version} is SIMULATED: its scenarios come from the offline provider, not a model`);
  if (release.outcome === 'up_to_date') {
    return { stage: 'release', upToDate: true, summary: [`release ${release.version}: up to date at ${directory} (identical rebuild, nothing written)${simulated}`] };
  }
  const { changes } = release;
  return {
    stage: 'release',
    summary: [
      `release ${release.version}: ${release.scenarios} scenarios, ${release.items} items -> ${directory}${simulated}`,
      `  against ${changes.previous_version ?? 'nothing (first release)'}: ${changes.added} added, ${changes.removed} removed, ${changes.changed} changed`,
    ],
  };
}
