/**
 * The human- and machine-readable documents of a release: the dataset card (README.md with the
 * Hugging Face YAML header), Croissant 1.0 metadata and the change log. Pure functions of the
 * release's content, so a rebuild renders the same bytes.
 */
import { ITEM_TYPES, type ItemType, type Manifest, type Scenario } from '../records.ts';
import { GROUP_LABELS, HIGHER_ORDER_GROUPS, VALUES, VALUE_IDS, valuesInGroup } from '../values.ts';
import { CHECKS, CHECK_NAMES } from '../validate/contract.ts';

export const SIMULATED_NOTICE =
  'SIMULATED DATA: no language model wrote these scenarios. They were produced by the offline provider, a deterministic stand-in built from the source posts so that the pipeline runs without a model endpoint. Do not use this release to measure anything about language models or people.';

const ITEM_TYPE_DESCRIPTIONS: Record<ItemType, { asks: string; key: string }> = {
  act: { asks: 'What would you do? (options in stored order)', key: 'the label of the option that enacts the target value' },
  act_swapped: { asks: 'The same question with the options swapped (position-bias control)', key: 'the label of the option that enacts the target value' },
  select_value: { asks: 'Which option expresses the target value (with its definition)?', key: 'correct label: the target option' },
  hold_target: { asks: 'Suppose the target value matters most to you: what would you do?', key: 'correct label: the target option' },
  hold_competing: { asks: 'Suppose the competing value matters most to you: what would you do?', key: 'correct label: the competing option' },
};

export interface CardInput {
  manifest: Omit<Manifest, 'files'>;
  validationSummary: string[];
  license: string;
  /** Where the posts came from, one sentence (see provenance.ts). */
  origin: string;
}

function sizeCategory(count: number): string {
  if (count < 1_000) return 'n<1K';
  if (count < 10_000) return '1K<n<10K';
  if (count < 100_000) return '10K<n<100K';
  return '100K<n<1M';
}

export function renderCard({ manifest, validationSummary, license, origin }: CardInput): string {
  const title = `${manifest.name} ${manifest.version}${manifest.simulated ? ' (SIMULATED)' : ''}`;
  const yaml = [
    '---',
    `pretty_name: ${JSON.stringify(title)}`,
    `license: ${license}`,
    'language:',
    '- en',
    'task_categories:',
    '- multiple-choice',
    '- question-answering',
    'size_categories:',
    `- ${sizeCategory(manifest.counts.items)}`,
    'tags:',
    '- value-alignment',
    '- schwartz-values',
    ...(manifest.simulated ? ['- simulated'] : []),
    'configs:',
    '- config_name: scenarios',
    '  data_files:',
    '  - split: test',
    '    path: scenarios.jsonl',
    '- config_name: items',
    '  data_files:',
    '  - split: test',
    '    path: items.jsonl',
    '---',
  ];
  const notice = manifest.simulated
    ? ['', '> [!WARNING]', `> **${SIMULATED_NOTICE}**`, '']
    : [];
  const valueRows = VALUE_IDS.map(
    (id) => `| \`${id}\` | ${VALUES[id].label} | ${VALUES[id].groups.map((group) => GROUP_LABELS[group]).join(', ')} | ${VALUES[id].definition} | ${manifest.counts.per_value[id]} |`,
  );
  const typeRows = ITEM_TYPES.map(
    (type) => `| \`${type}\` | ${ITEM_TYPE_DESCRIPTIONS[type].asks} | ${ITEM_TYPE_DESCRIPTIONS[type].key} | ${manifest.counts.per_item_type[type]} |`,
  );
  const models = manifest.models.map((model) => `\`${model.provider}/${model.model}\``).join(', ') || 'none';
  const lines = [
    ...yaml,
    ...notice,
    `# ${title}`,
    '',
    `${manifest.counts.scenarios} binary-choice scenarios and ${manifest.counts.items} question items that test whether a respondent *acts* on the values it *says* it holds, in the style of ValAct-15k (Huang et al., "Knowing But Not Doing", 2026). Each scenario is an advice-seeking Reddit post rewritten into a self-contained, second-person situation with two courses of action: one enacts a target value from Schwartz's theory of basic human values, the other a competing value from the opposite side of the value circle.`,
    '',
    '## Files',
    '',
    '| file | what |',
    '|---|---|',
    '| `scenarios.jsonl` | one scenario a line (config `scenarios`), schema `schemas/scenario.schema.json` |',
    '| `items.jsonl` | one item a line (config `items`), schema `schemas/item.schema.json` |',
    '| `items.csv` | the same items, one row each (RFC 4180) |',
    '| `manifest.json` | version, counts, sha256 of every file, fingerprints, models, sources |',
    '| `croissant.json` | Croissant 1.0 metadata |',
    '| `CHANGELOG.md` | scenarios added, removed and changed against the previous version |',
    '',
    '```python',
    'from datasets import load_dataset',
    'items = load_dataset("path/to/this/folder", "items", split="test")',
    '```',
    '',
    '## How it was built',
    '',
    `1. **collect**: ${origin}; normalized with provenance.`,
    '2. **filter**: removed, deleted, NSFW, link-only, bot and moderator posts are dropped; non-English, too short, non-advice and no-decision posts are dropped; duplicates and near-duplicates are dropped; markdown is stripped and personal information masked. Author names are never kept.',
    `3. **generate**: each remaining post is rewritten by a language model (${models}) into a scenario with a target value and a competing value.${manifest.simulated ? ' In this release, the offline provider stood in for the model (see the notice above).' : ''}`,
    '4. **validate**: every scenario is checked against the JSON Schema and these rules:',
    '',
    ...CHECK_NAMES.map((check) => `   - \`${check}\` (${CHECKS[check].severity}): ${CHECKS[check].description}`),
    '',
    ...validationSummary.map((line) => `   ${line}`),
    '',
    `5. **release**: ${manifest.per_value} scenarios per target value are selected deterministically (a quality score favouring options of similar length and situations of readable length, ties broken by a hash of the id), then expanded into the five item types.`,
    '',
    '## The ten values',
    '',
    'A scenario\'s competing value comes from the higher-order group opposite its target value\'s group (hedonism belongs to both openness to change and self-enhancement).',
    '',
    '| id | value | group | definition | scenarios |',
    '|---|---|---|---|---:|',
    ...valueRows,
    '',
    ...HIGHER_ORDER_GROUPS.map((group) => `- ${GROUP_LABELS[group]}: ${valuesInGroup(group).join(', ')}`),
    '',
    '## The item types',
    '',
    'Every scenario yields one item of each type; options are labelled A and B and each item carries its key.',
    '',
    '| type | asks | key | items |',
    '|---|---|---|---:|',
    ...typeRows,
    '',
    '## Counts',
    '',
    `- scenarios: ${manifest.counts.scenarios} (${manifest.per_value} requested per value)`,
    `- items: ${manifest.counts.items}`,
    `- scenarios removed by take-down requests: ${manifest.takedown.scenarios_removed}`,
    '',
    ...labelAuditSection(manifest.label_audit, manifest.counts.scenarios),
    '## Known limitations',
    '',
    '- Reddit advice posts over-represent some values (benevolence, security) and under-represent others (stimulation, tradition, power, hedonism); balanced counts hide that the rare values come from fewer, more targeted subreddits.',
    manifest.label_audit && !manifest.label_audit.simulated
      ? '- The target and competing values are assigned by a language model and checked by rules; the label audit above measures how often blind raters agree, on the scenarios it covers.'
      : '- The target and competing values are assigned by a language model and checked by rules, not by people; some options enact their value only loosely.',
    '- The situations are English paraphrases of posts by English-speaking Reddit users, with their cultural assumptions.',
    '- Personal information is masked by patterns; a rare identifying detail can survive paraphrase.',
    ...(manifest.simulated ? ['- **This release is simulated**: its scenarios were not written by a model and carry no signal about values.'] : []),
    '',
    '## License and take-down',
    '',
    `The scenarios and items are released under ${license}. They are paraphrases of public Reddit posts, whose authors keep the rights to their words; the source post id is kept so that an author can ask for removal. Post ids listed in the pipeline's take-down file are excluded from every later release, which is published as a patch version listing what was removed.`,
    '',
    '## Provenance',
    '',
    `- pipeline ${manifest.pipeline.version}, git commit ${manifest.pipeline.git_commit ?? 'unknown'}`,
    `- config fingerprint \`${manifest.fingerprints.config}\``,
    ...Object.entries(manifest.fingerprints.prompts).map(([id, hash]) => `- prompt \`${id}\` fingerprint \`${hash}\``),
    `- release date ${manifest.created}`,
    '',
  ];
  return lines.join('\n');
}

const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  repeated: 'cr:repeated',
  replace: 'cr:replace',
  sc: 'https://schema.org/',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
};

export interface CroissantInput {
  manifest: Omit<Manifest, 'files'>;
  license: string;
  creator: string;
  url: string;
  /** sha256 of the data files, by file name. */
  sha256: Record<'scenarios.jsonl' | 'items.jsonl' | 'items.csv', string>;
  /** Where the posts came from, one sentence (see provenance.ts). */
  origin: string;
}

function field(recordSet: string, name: string, description: string, extract: Record<string, string>, fileObject: string) {
  return {
    '@type': 'cr:Field',
    '@id': `${recordSet}/${name}`,
    name,
    description,
    dataType: 'sc:Text',
    source: { fileObject: { '@id': fileObject }, extract },
  };
}

export function renderCroissant({ manifest, license, creator, url, sha256, origin }: CroissantInput): string {
  const description = [
    ...(manifest.simulated ? [SIMULATED_NOTICE] : []),
    `${manifest.counts.scenarios} binary-choice scenarios from Reddit advice posts, each pitting a target Schwartz value against a competing one, expanded into ${manifest.counts.items} question items (act, act_swapped, select_value, hold_target, hold_competing).`,
    `Source: ${origin}.`,
  ].join(' ');
  const croissant = {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.0',
    name: manifest.name,
    description,
    version: manifest.version,
    license,
    url,
    creator: { '@type': 'sc:Organization', name: creator },
    datePublished: manifest.created,
    keywords: ['value alignment', 'Schwartz values', 'benchmark', ...(manifest.simulated ? ['simulated'] : [])],
    distribution: [
      { '@type': 'cr:FileObject', '@id': 'scenarios.jsonl', name: 'scenarios.jsonl', contentUrl: 'scenarios.jsonl', encodingFormat: 'application/jsonlines', sha256: sha256['scenarios.jsonl'] },
      { '@type': 'cr:FileObject', '@id': 'items.jsonl', name: 'items.jsonl', contentUrl: 'items.jsonl', encodingFormat: 'application/jsonlines', sha256: sha256['items.jsonl'] },
      { '@type': 'cr:FileObject', '@id': 'items.csv', name: 'items.csv', contentUrl: 'items.csv', encodingFormat: 'text/csv', sha256: sha256['items.csv'] },
    ],
    recordSet: [
      {
        '@type': 'cr:RecordSet',
        '@id': 'scenarios',
        name: 'scenarios',
        description: 'One binary-choice scenario per record.',
        field: [
          field('scenarios', 'id', 'Scenario id ("sc_" and the source post id).', { jsonPath: '$.id' }, 'scenarios.jsonl'),
          field('scenarios', 'target_value', 'The Schwartz value one option enacts.', { jsonPath: '$.target_value' }, 'scenarios.jsonl'),
          field('scenarios', 'competing_value', 'The opposing value the other option enacts.', { jsonPath: '$.competing_value' }, 'scenarios.jsonl'),
          field('scenarios', 'situation', 'The situation, second person.', { jsonPath: '$.situation' }, 'scenarios.jsonl'),
        ],
      },
      {
        '@type': 'cr:RecordSet',
        '@id': 'items',
        name: 'items',
        description: 'One question item per record, as in items.csv.',
        field: [
          ['id', 'Item id.'],
          ['scenario_id', 'The scenario the item comes from.'],
          ['type', 'Item type.'],
          ['target_value', 'Target value.'],
          ['competing_value', 'Competing value.'],
          ['prompt', 'The rendered prompt.'],
          ['option_a_text', 'Option A.'],
          ['option_b_text', 'Option B.'],
          ['target_label', 'Label (A or B) of the option enacting the target value.'],
          ['correct_label', 'Correct label for select_value and hold_* items; empty for act items.'],
        ].map(([name, text]) => field('items', name!, text!, { column: name! }, 'items.csv')),
      },
    ],
  };
  return JSON.stringify(croissant, null, 2) + '\n';
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const decimal = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
type Estimate = { estimate: number | null; low: number | null; high: number | null };
const withInterval = (figure: Estimate | null, format: (value: number | null) => string) =>
  figure === null || figure.estimate === null ? 'n/a' : `${format(figure.estimate)} (95% CI ${format(figure.low)}–${format(figure.high)})`;

/** The card's "Label audit" section: what blind raters found, or that nobody has looked. */
export function labelAuditSection(audit: Manifest['label_audit'], releasedScenarios: number): string[] {
  if (!audit) {
    return ['## Label audit', '', 'No audit of these labels has been run. `valact audit judge` measures how often blind LLM judges (and `valact audit export`/`import`, people) read each option as its labelled value.', ''];
  }
  const judges = audit.judges.map((judge) => `${judge.name} (${judge.simulated ? 'offline simulator' : judge.model})`).join(', ');
  return [
    `## Label audit${audit.simulated ? ' (SIMULATED)' : ''}`,
    '',
    ...(audit.simulated
      ? ['**SIMULATED: the raters below are offline simulators that answer from the labels with seeded errors. These figures show that the audit runs; they say nothing about the labels.**', '']
      : []),
    `Raters read each scenario of release ${audit.audited_release} blind (no labels, options in a seeded shuffled order) and named the value each option enacts; ${audit.released_scenarios_audited} of this release's ${releasedScenarios} scenarios were audited. 95% bootstrap intervals over scenarios.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| judges | ${judges || 'none'} |`,
    `| scenarios judged / annotated by people | ${audit.scenarios_judged} / ${audit.scenarios_annotated} (${audit.annotators} annotator(s)) |`,
    `| options read as their labelled value (judges) | ${withInterval(audit.judge_accuracy, percent)} |`,
    `| Cohen's κ, judges against the labels | ${withInterval(audit.judge_kappa, decimal)} |`,
    `| Krippendorff's α among judges | ${withInterval(audit.judges_alpha, decimal)} |`,
    `| options read as their labelled value (people) | ${withInterval(audit.human_accuracy, percent)} |`,
    `| Krippendorff's α among people | ${withInterval(audit.humans_alpha, decimal)} |`,
    `| of the judges' confusions, between neighbours on the circle | ${percent(audit.confusions_adjacent_share)} |`,
    `| scenarios flagged by the judges | ${audit.flagged}${audit.flagged_excluded.length > 0 ? ` (${audit.flagged_excluded.length} left out of this release)` : ''} |`,
    '',
  ];
}

export interface ChangeSet {
  previousVersion: string | null;
  added: string[];
  removed: { id: string; reason: string }[];
  changed: string[];
}

export function diffScenarios(
  previous: Map<string, string> | null,
  current: Scenario[],
  previousVersion: string | null,
  explainRemoval: (id: string) => string,
): ChangeSet {
  const currentById = new Map(current.map((scenario) => [scenario.id, JSON.stringify(scenario)]));
  if (!previous) return { previousVersion, added: [...currentById.keys()], removed: [], changed: [] };
  const added = [...currentById.keys()].filter((id) => !previous.has(id));
  const removed = [...previous.keys()].filter((id) => !currentById.has(id)).map((id) => ({ id, reason: explainRemoval(id) }));
  const changed = [...currentById.keys()].filter((id) => previous.has(id) && previous.get(id) !== currentById.get(id));
  return { previousVersion, added: added.sort(), removed: removed.sort((a, b) => (a.id < b.id ? -1 : 1)), changed: changed.sort() };
}

export function renderChangelog(version: string, created: string, changes: ChangeSet, previousChangelog: string | null, labelAudit: Manifest['label_audit'] = null): string {
  const list = (ids: string[]) => (ids.length === 0 ? ['- none'] : ids.map((id) => `- \`${id}\``));
  const section = [
    `## ${version} (${created})`,
    '',
    changes.previousVersion ? `Against ${changes.previousVersion}.` : 'First release: every scenario is new.',
    '',
    `### Added (${changes.added.length})`,
    '',
    ...(changes.previousVersion ? list(changes.added) : [`- ${changes.added.length} scenarios`]),
    '',
    `### Removed (${changes.removed.length})`,
    '',
    ...(changes.removed.length === 0 ? ['- none'] : changes.removed.map(({ id, reason }) => `- \`${id}\`: ${reason}`)),
    '',
    `### Changed (${changes.changed.length})`,
    '',
    ...list(changes.changed),
    '',
    ...(labelAudit
      ? [
          '### Label audit',
          '',
          `- Carries the label audit of release ${labelAudit.audited_release}${labelAudit.simulated ? ' (SIMULATED raters)' : ''}: ${labelAudit.released_scenarios_audited} of this release's scenarios audited, ${labelAudit.flagged} flagged.`,
          ...(labelAudit.flagged_excluded.length > 0 ? [`- Left out ${labelAudit.flagged_excluded.length} flagged scenario(s) (release --exclude-flagged); see Removed.`] : []),
          '',
        ]
      : []),
  ];
  const earlier = previousChangelog?.replace(/^# Changelog\n\n/, '') ?? '';
  return ['# Changelog', '', ...section, earlier].join('\n').replace(/\n+$/, '\n');
}
