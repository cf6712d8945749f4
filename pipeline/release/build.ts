/**
 * Builds every file of a release in memory, as a pure function of its inputs: the same
 * scenarios, config, prompts, date and commit give the same bytes. Writing is run.ts's job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValactError } from '../core/errors.ts';
import { sha256Hex } from '../core/fingerprint.ts';
import { ITEM_TYPES, type Item, type Manifest, type Scenario } from '../records.ts';
import type { ReleaseConfig } from './config.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import { REPO_SCHEMAS_DIR } from '../json-schemas.ts';
import { itemsToCsv } from './csv.ts';
import { diffScenarios, renderCard, renderChangelog, renderCroissant, type ChangeSet } from './documents.ts';
import { expandScenario, loadItemTemplates } from './items.ts';
import type { FoundLabelAudit } from './label-audit.ts';
import { describeOrigin, type Provenance } from './provenance.ts';
import { selectBalanced, type Selection } from './select.ts';

/** The JSON Schemas a release ships, so it can be verified against its own contract. */
export const RELEASE_SCHEMA_FILES = ['scenario.schema.json', 'item.schema.json', 'manifest.schema.json'] as const;

export interface PreviousRelease {
  version: string;
  /** Canonical JSON of each scenario, by id. */
  scenarios: Map<string, string>;
  changelog: string | null;
}

export interface ReleaseInputs {
  version: string;
  /** Validated scenarios (work/validate/scenarios.jsonl). */
  scenarios: Scenario[];
  /** The release config with per_value resolved (see per-value.ts). */
  config: ReleaseConfig & { per_value: number };
  /** Post ids on the take-down list. */
  takedownPostIds: ReadonlySet<string>;
  /** ISO date (YYYY-MM-DD); see releaseDate(). */
  created: string;
  gitCommit: string | null;
  pipelineVersion: string;
  configFingerprint: string;
  previous: PreviousRelease | null;
  /** Lines about the validate run, for the card. */
  validationSummary: string[];
  /** Where the posts came from and the generation prompts' fingerprints (see provenance.ts). */
  provenance: Provenance;
  /** The latest audit of the scenarios this release would select (see label-audit.ts), or null. */
  labelAudit: FoundLabelAudit | null;
}

export interface BuiltRelease {
  /** Relative path -> bytes, manifest.json included. */
  files: Map<string, Buffer>;
  manifest: Manifest;
  selection: Selection;
  changes: ChangeSet;
  items: Item[];
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** "r/<name>" for every subreddit the selected scenarios come from, sorted. */
export function subredditsOf(scenarios: Scenario[]): string[] {
  return [...new Set(scenarios.map((scenario) => `r/${scenario.source.subreddit}`))].sort();
}

const jsonl = (records: unknown[]): string => records.map((record) => JSON.stringify(record) + '\n').join('');

/** SOURCE_DATE_EPOCH, else release.date, else the newest source post's day. Never the clock. */
export function releaseDate(env: Readonly<Record<string, string | undefined>>, config: ReleaseConfig, scenarios: Scenario[]): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) {
      throw new ValactError('config', `SOURCE_DATE_EPOCH must be whole seconds since 1970; found ${JSON.stringify(epoch)}`);
    }
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  if (config.date) return config.date;
  const newest = scenarios.reduce((latest, scenario) => Math.max(latest, scenario.source.created_utc), 0);
  return new Date(newest * 1000).toISOString().slice(0, 10);
}

/** The manifest's label_audit: the audit's figures, how much of this release it covers, what was left out. */
function labelAuditEntry(inputs: ReleaseInputs, selection: Selection, excluded: ReadonlySet<string>): Manifest['label_audit'] {
  if (!inputs.labelAudit) return null;
  // The audit read the selection made without exclusions; the replacements were never audited.
  const audited = new Set(selectBalanced(inputs.scenarios, inputs.config.per_value, inputs.takedownPostIds).selected.map((scenario) => scenario.id));
  return {
    ...inputs.labelAudit.summary,
    released_scenarios_audited: selection.selected.filter((scenario) => audited.has(scenario.id)).length,
    flagged_excluded: [...excluded].filter((id) => inputs.scenarios.some((scenario) => scenario.id === id)).sort(),
  };
}

export async function buildRelease(inputs: ReleaseInputs): Promise<BuiltRelease> {
  const { config, version } = inputs;
  // With --exclude-flagged, the scenarios the judges flagged leave the pool; the next ranked take their places.
  const excluded = config.exclude_flagged && inputs.labelAudit ? inputs.labelAudit.flaggedIds : new Set<string>();
  const selection = selectBalanced(inputs.scenarios.filter((scenario) => !excluded.has(scenario.id)), config.per_value, inputs.takedownPostIds);
  const short = Object.entries(selection.shortfall) as [ValueId, number][];
  if (short.length > 0 && !config.allow_unbalanced) {
    throw new ValactError(
      'validation_failed',
      `release ${version}: not enough valid scenarios for ${config.per_value} per value: ${short
        .map(([value, missing]) => `${value} has ${selection.perValue[value]} (short ${missing})`)
        .join(', ')}`,
      { hint: 'Generate more scenarios for those values, lower --per-value, or pass --allow-unbalanced to publish anyway.' },
    );
  }
  const templates = loadItemTemplates();
  const items = selection.selected.flatMap((scenario) => expandScenario(scenario, templates));

  const files = new Map<string, Buffer>();
  files.set('scenarios.jsonl', Buffer.from(jsonl(selection.selected)));
  files.set('items.jsonl', Buffer.from(jsonl(items)));
  files.set('items.csv', Buffer.from(await itemsToCsv(items)));
  for (const name of RELEASE_SCHEMA_FILES) files.set(`schemas/${name}`, readFileSync(join(REPO_SCHEMAS_DIR, name)));

  const takenDownIds = new Set(selection.takenDown.map((scenario) => scenario.id));
  const takenDownPosts = [...new Set(selection.takenDown.map((scenario) => scenario.source.post_id))].sort();
  const validIds = new Set(inputs.scenarios.map((scenario) => scenario.id));
  const changes = diffScenarios(
    inputs.previous?.scenarios ?? null,
    selection.selected,
    inputs.previous?.version ?? null,
    (id) => {
      const postId = id.replace(/^sc_/, '');
      if (takenDownIds.has(id) || inputs.takedownPostIds.has(postId)) return `take-down request for post ${postId}`;
      if (excluded.has(id)) return `flagged by the label audit of release ${inputs.labelAudit!.summary.audited_release} (release --exclude-flagged)`;
      if (!validIds.has(id)) return 'no longer in the validated scenarios';
      return 'not selected: ranked below the per-value quota';
    },
  );

  const models = new Map<string, Manifest['models'][number]>();
  for (const scenario of selection.selected) {
    models.set(`${scenario.generation.provider}/${scenario.generation.model}`, { provider: scenario.generation.provider, model: scenario.generation.model });
  }
  const manifestBody: Omit<Manifest, 'files'> = {
    name: config.name,
    version,
    created: inputs.created,
    per_value: config.per_value,
    counts: {
      scenarios: selection.selected.length,
      items: items.length,
      per_value: Object.fromEntries(VALUE_IDS.map((value) => [value, selection.perValue[value]])) as Manifest['counts']['per_value'],
      per_item_type: Object.fromEntries(ITEM_TYPES.map((type) => [type, items.filter((item) => item.type === type).length])) as Manifest['counts']['per_item_type'],
    },
    pipeline: { version: inputs.pipelineVersion, git_commit: inputs.gitCommit },
    fingerprints: { config: inputs.configFingerprint, prompts: sortedRecord({ ...inputs.provenance.prompts, [templates.id]: templates.fingerprint }) },
    models: [...models.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, model]) => model),
    sources: [...inputs.provenance.inputs, ...subredditsOf(selection.selected)],
    takedown: { post_ids: takenDownPosts, scenarios_removed: selection.takenDown.length },
    simulated: selection.selected.some((scenario) => scenario.generation.simulated),
    label_audit: labelAuditEntry(inputs, selection, excluded),
  };

  const origin = describeOrigin(inputs.provenance, subredditsOf(selection.selected));
  files.set('README.md', Buffer.from(renderCard({ manifest: manifestBody, validationSummary: inputs.validationSummary, license: config.license, origin })));
  files.set('croissant.json', Buffer.from(renderCroissant({
    manifest: manifestBody,
    license: config.license,
    creator: config.creator,
    origin,
    url: config.url ?? `https://example.invalid/${config.name}/${version}`,
    sha256: {
      'scenarios.jsonl': sha256Hex(files.get('scenarios.jsonl')!),
      'items.jsonl': sha256Hex(files.get('items.jsonl')!),
      'items.csv': sha256Hex(files.get('items.csv')!),
    },
  })));
  files.set('CHANGELOG.md', Buffer.from(renderChangelog(version, inputs.created, changes, inputs.previous?.changelog ?? null, manifestBody.label_audit)));

  const manifest: Manifest = {
    ...manifestBody,
    files: [...files.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256Hex(bytes) })),
  };
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  return { files, manifest, selection, changes, items };
}
