/**
 * The release an audit reads: its folder, version and scenarios, and where its audit lives
 * (DATA/audit/<version>/). A release folder is read through its published contract only.
 */
import { join } from 'node:path';
import type { StageContext } from '../core/context.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { ScenarioSchema, scenarioSetFingerprint, type Scenario } from '../records.ts';
import { openPublishedRelease } from '../release/contract.ts';

export interface AuditedRelease {
  directory: string;
  version: string;
  scenarios: Scenario[];
  /** Identity of the scenario set: an audit describes these scenarios, whatever version carries them. */
  scenariosFingerprint: string;
  simulated: boolean;
}

export async function readAuditedRelease(ctx: StageContext<unknown>, releaseOption: string | undefined): Promise<AuditedRelease> {
  const { directory, version, simulated } = await openPublishedRelease(ctx.paths.release, releaseOption, 'audit');
  const scenarios = await readAllRecords(join(directory, 'scenarios.jsonl'), ScenarioSchema);
  return { directory, version, scenarios, scenariosFingerprint: scenarioSetFingerprint(scenarios), simulated };
}

/** DATA/audit/<version>/ and the parts in it. */
export function auditPaths(ctx: StageContext<unknown>, version: string) {
  const root = join(ctx.paths.root, 'audit', version);
  return { root, judges: join(root, 'judges'), annotations: join(root, 'annotations'), packets: join(root, 'packets') };
}
