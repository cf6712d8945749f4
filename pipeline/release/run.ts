/**
 * The release stage: select, expand and publish DATA/release/X.Y.Z/ — or re-check a published
 * release (--verify). A published version is never overwritten: an identical rebuild is
 * "up to date" and touches nothing; a different one is refused, naming the next free patch.
 */
import { pathExists } from '../core/files.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { configFingerprint } from '../config.ts';
import type { StageContext, StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { readStageReport } from '../core/report.ts';
import { ScenarioSchema } from '../records.ts';
import { validatePaths, type ValidateDetails } from '../validate/run.ts';
import { buildRelease, releaseDate, type BuiltRelease, type PreviousRelease } from './build.ts';
import { resolvePerValue } from './per-value.ts';
import { readProvenance } from './provenance.ts';
import { verifyRelease, type VerifyResult } from './verify.ts';

export interface ReleaseOptions {
  /** Version to publish; default the config's release.version. */
  version?: string;
  /** Write the release folder here instead of DATA/release/<version> (e.g. to check a rebuild). */
  out?: string;
  /** Re-check the published release in this folder instead of building one. */
  verify?: string;
}

export interface PublishOutcome {
  version: string;
  directory: string;
  /** True when the folder already held exactly these bytes and nothing was written. */
  upToDate: boolean;
  built: BuiltRelease;
}

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

function parseVersion(version: string): [number, number, number] {
  const match = SEMVER.exec(version);
  if (!match) throw new ValactError('usage', `--version must be a semantic version X.Y.Z; received ${JSON.stringify(version)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
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
    if (!/^[0-9a-z]{1,16}$/.test(id)) {
      throw new ValactError('input', `${file}:${index + 1}: expected a Reddit post id (lowercase base-36, optionally t3_), found ${JSON.stringify(line)}`, {
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
  const candidates = entries.filter((entry) => SEMVER.test(entry) && compareVersions(entry, version) < 0).sort(compareVersions).reverse();
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

/** Build the release and publish it (or find it already published). Exported for `valact pipeline`. */
export async function publishRelease(ctx: StageContext, options: Omit<ReleaseOptions, 'verify'> = {}): Promise<PublishOutcome> {
  const config = { ...ctx.config.release, per_value: await resolvePerValue(ctx) };
  const version = options.version ?? config.version;
  parseVersion(version);
  const validate = validatePaths(ctx);
  const report = await readStageReport(validate.report);
  const details = report?.details as ValidateDetails | undefined;
  if (!report || report.status !== 'complete' || !details) {
    throw new ValactError('input', `${validate.report} is missing or incomplete: the scenarios have not been validated`, { hint: 'Run `valact validate` first.' });
  }
  if (details.verdict !== 'passed') {
    throw new ValactError('validation_failed', `${validate.report}: validation failed (${details.hard_failures.join(', ')}); refusing to release`, {
      hint: `Fix the failures listed in ${validate.failures} and re-run \`valact validate\`.`,
    });
  }
  const scenarios = await readAllRecords(validate.scenarios, ScenarioSchema);
  const takedownPostIds = await readTakedownList(join(ctx.paths.root, config.takedown_file));
  const { version: _version, ...configWithoutVersion } = config;
  const rejectedPerCheck = Object.entries(report.counts.per_reason).map(([check, count]) => `${check} ${count}`).join(', ');
  const built = await buildRelease({
    version,
    scenarios,
    config,
    takedownPostIds,
    created: releaseDate(ctx.env, config, scenarios),
    gitCommit: pipelineGitCommit(),
    pipelineVersion: pipelineVersion(),
    configFingerprint: configFingerprint({ release: configWithoutVersion, validate: ctx.config.validate }),
    previous: await previousRelease(ctx.paths.release, version),
    provenance: await readProvenance(ctx),
    validationSummary: [
      `In the validate run behind this release, ${report.counts.out} of ${report.counts.in} generated scenarios passed${rejectedPerCheck ? ` (rejected per check: ${rejectedPerCheck})` : ''}.`,
    ],
  });

  const directory = options.out ?? join(ctx.paths.release, version);
  if (await pathExists(directory)) {
    if (await holdsExactly(directory, built.files)) return { version, directory, upToDate: true, built };
    const next = await nextFreePatch(ctx.paths.release, version);
    throw new ValactError('already_exists', `${directory} already holds release ${version} with different content; a published version is never overwritten (nothing was changed)`, {
      hint: `Publish the new build as the next free patch version: \`valact release --version ${next}\`.`,
    });
  }
  // Build the whole folder aside and rename it into place: a kill leaves no half-published version.
  const staging = join(dirname(directory), `.${version}.tmp-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [path, bytes] of built.files) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), bytes);
    }
    await rename(staging, directory);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { version, directory, upToDate: false, built };
}

function describeProblems(result: VerifyResult, limit = 10): string {
  const lines = result.problems.slice(0, limit).map((problem) => {
    const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : null, problem.path ?? null].filter(Boolean).join(' ');
    return `  - [${problem.check}] ${where}: ${problem.message}`;
  });
  if (result.problems.length > limit) lines.push(`  - and ${result.problems.length - limit} more`);
  return lines.join('\n');
}

export async function run(ctx: StageContext, options: ReleaseOptions = {}): Promise<StageResult> {
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
  const outcome = await publishRelease(ctx, options);
  const { manifest, changes } = outcome.built;
  const simulated = manifest.simulated ? ' — SIMULATED (offline provider, no model wrote these scenarios)' : '';
  if (manifest.simulated) ctx.log.warn(`release ${outcome.version} is SIMULATED: its scenarios come from the offline provider, not a model`);
  if (outcome.upToDate) {
    return { stage: 'release', upToDate: true, summary: [`release ${outcome.version}: up to date at ${outcome.directory} (identical rebuild, nothing written)${simulated}`] };
  }
  return {
    stage: 'release',
    summary: [
      `release ${outcome.version}: ${manifest.counts.scenarios} scenarios, ${manifest.counts.items} items -> ${outcome.directory}${simulated}`,
      `  against ${changes.previousVersion ?? 'nothing (first release)'}: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} changed`,
    ],
  };
}
