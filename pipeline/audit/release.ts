/**
 * The release an audit reads: its folder, version and scenarios, and where its audit lives
 * (DATA/audit/<version>/). A release folder is read through its published contract only.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { ScenarioSchema, scenarioSetFingerprint, type Scenario } from '../records.ts';
import { latestRelease } from '../release/contract.ts';

export interface AuditedRelease {
  directory: string;
  version: string;
  scenarios: Scenario[];
  /** Identity of the scenario set: an audit describes these scenarios, whatever version carries them. */
  scenariosFingerprint: string;
  simulated: boolean;
}

export async function readAuditedRelease(ctx: StageContext<unknown>, releaseOption: string | undefined): Promise<AuditedRelease> {
  const directory = releaseOption ? resolve(releaseOption) : await latestRelease(ctx.paths.release);
  if (!directory) {
    throw new ValactError('input', `no release to audit in ${ctx.paths.release}`, { hint: 'Publish one with `valact release`, or pass --release DIR.' });
  }
  let manifest: { version?: unknown; simulated?: unknown };
  try {
    manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    throw new ValactError('input', `${directory} is not a release folder (cannot read manifest.json: ${(error as Error).message})`, { hint: 'Pass --release data/release/X.Y.Z.' });
  }
  const version = typeof manifest.version === 'string' ? manifest.version : basename(directory);
  const scenarios = await readAllRecords(join(directory, 'scenarios.jsonl'), ScenarioSchema);
  return { directory, version, scenarios, scenariosFingerprint: scenarioSetFingerprint(scenarios), simulated: manifest.simulated === true };
}

/** DATA/audit/<version>/ and the parts in it. */
export function auditPaths(ctx: StageContext<unknown>, version: string) {
  const root = join(ctx.paths.root, 'audit', version);
  return { root, judges: join(root, 'judges'), annotations: join(root, 'annotations'), packets: join(root, 'packets') };
}
