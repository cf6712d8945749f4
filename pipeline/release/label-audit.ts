/**
 * The label audit a release carries: the latest audit (valact audit, DATA/audit/<version>/) whose
 * scenario set is the one this release would select. Read through the audit's published files
 * only — audit.json's summary and flagged.jsonl — never the audit stage's code.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FlaggedScenarioSchema } from '../audit/contract.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { RELEASE_VERSION_PATTERN, LabelAuditSchema, type LabelAudit } from '../records.ts';
import { compareReleaseVersions } from './contract.ts';

export interface FoundLabelAudit {
  summary: LabelAudit;
  /** Scenario ids the judges flagged (flagged.jsonl). */
  flaggedIds: Set<string>;
  directory: string;
}

const AuditFileSchema = z.object({ summary: LabelAuditSchema });

/** The audit of the newest release version whose scenarios have this fingerprint, or null. */
export async function findLabelAudit(auditRoot: string, scenariosFingerprint: string): Promise<FoundLabelAudit | null> {
  const versions = (await readdir(auditRoot).catch(() => [] as string[])).filter((entry) => RELEASE_VERSION_PATTERN.test(entry)).sort(compareReleaseVersions).reverse();
  for (const version of versions) {
    const directory = join(auditRoot, version);
    const file = join(directory, 'audit.json');
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    let summary: LabelAudit;
    try {
      summary = AuditFileSchema.parse(JSON.parse(text)).summary;
    } catch (error) {
      throw new ValactError('input', `${file} is not an audit report: ${(error as Error).message.slice(0, 300)}`, { hint: `Re-run \`valact audit report --release DATA/release/${version}\`, or remove ${directory}.` });
    }
    if (summary.scenarios_fingerprint !== scenariosFingerprint) continue;
    const flaggedFile = join(directory, 'flagged.jsonl');
    const flagged = (await pathExists(flaggedFile)) ? await readAllRecords(flaggedFile, FlaggedScenarioSchema) : [];
    const flaggedIds = new Set(flagged.map((entry) => entry.scenario_id));
    return { summary, flaggedIds, directory };
  }
  return null;
}
