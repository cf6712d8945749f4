/**
 * The record contracts: one zod schema per record that crosses a stage boundary.
 *
 * These schemas are the single source of truth. `npm run schemas` generates the published JSON
 * Schemas in `schemas/` from them, and `tests/schemas.test.ts` fails when the committed files
 * drift. Field names are snake_case because they are what the files hold.
 */
import { z } from 'zod';
import { VALUE_IDS } from './values.ts';
import { fingerprint } from './core/fingerprint.ts';

export const ValueIdSchema = z.enum(VALUE_IDS).describe('A Schwartz value id.');

/** Reddit ids are base-36 strings (lowercase letters and digits). */
/**
 * A release version: semantic X.Y.Z, no leading zeros (so 01.2.3 and 1.2.3 cannot both be
 * published), each part below a billion (so "the next patch" is always exact arithmetic).
 */
export const RELEASE_VERSION_PATTERN = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
export const RELEASE_VERSION_RULE = 'a semantic version X.Y.Z: whole numbers without leading zeros, each below 1,000,000,000';

/** A Reddit post id: lowercase base-36. The one spelling of the rule; collect, release and the schemas read it here. */
export const REDDIT_ID_SOURCE = '[0-9a-z]{1,16}';
export const REDDIT_ID_PATTERN = new RegExp(`^${REDDIT_ID_SOURCE}$`);
const RedditId = z.string().regex(REDDIT_ID_PATTERN, 'a lowercase base-36 Reddit id');

export const SOURCE_KINDS = ['reddit_api', 'dump', 'sample'] as const;

export const RawPostSchema = z
  .strictObject({
    id: RedditId,
    subreddit: z.string().min(1),
    title: z.string(),
    selftext: z.string(),
    author: z.string().describe('Kept only in raw data; never released.'),
    created_utc: z.number().int().nonnegative(),
    score: z.number().int(),
    num_comments: z.number().int().nonnegative(),
    over_18: z.boolean(),
    is_self: z.boolean(),
    url: z.string().nullable(),
    stickied: z.boolean(),
    distinguished: z.string().nullable().describe('"moderator", "admin" or null.'),
    crosspost_parent: z
      .string()
      .nullable()
      .describe('Fullname ("t3_<id>") of the original post when this is a cross-post.'),
    permalink: z.string(),
    removed: z
      .string()
      .nullable()
      .describe('Why the post is gone (removed_by_category or a body marker), or null.'),
    source: z.strictObject({
      kind: z.enum(SOURCE_KINDS),
      file: z.string().nullable().describe('Dump file name (not a full path), or null.'),
      line: z.number().int().positive().nullable().describe('1-based line in the dump file.'),
      query: z.string().nullable().describe('API listing the post came from, e.g. "r/Advice/new".'),
    }),
  })
  .describe('A Reddit submission as collected, normalized, with provenance.');
export type RawPost = z.infer<typeof RawPostSchema>;

export const FilteredPostSchema = z
  .strictObject({
    id: RedditId,
    subreddit: z.string().min(1),
    created_utc: z.number().int().nonnegative(),
    permalink: z.string(),
    title: z.string().describe('Cleaned title: markdown stripped, PII masked.'),
    text: z.string().min(1).describe('Cleaned body: markdown stripped, PII masked.'),
    language: z.strictObject({
      code: z.string().describe('ISO 639-3 code of the detected language.'),
      confidence: z.number().min(0).max(1),
      method: z.string().describe('How the language was decided (e.g. "franc", "franc_margin").'),
    }),
    quality: z.strictObject({
      word_count: z.number().int().nonnegative(),
      /** The advice gate's probability that the post asks for advice (filter/gate.ts). */
      advice_probability: z.number().min(0).max(1),
      /** The request cues the post matched ("question_mark", "should_i", ...). */
      request_cues: z.array(z.string()),
    }),
    pii_masked: z
      .record(z.string(), z.number().int().nonnegative())
      .describe('How many spans of each PII type were masked.'),
    content_flags: z
      .strictObject({
        sexual: z.array(z.string()),
        self_harm: z.array(z.string()),
        violence: z.array(z.string()),
        minors: z.array(z.string()),
      })
      .describe('Content present in the post, each flag with the terms that raised it; an empty list means not flagged.'),
    filter_version: z.string(),
  })
  .describe('A post that passed the filter, cleaned and anonymized; the author is never kept.');
export type FilteredPost = z.infer<typeof FilteredPostSchema>;

export const PROVIDERS = ['openai', 'offline'] as const;

export const ScenarioOptionSchema = z.strictObject({
  text: z.string().min(1),
  value: ValueIdSchema.describe('The value this option enacts.'),
  rationale: z.string().describe('One line on why the option enacts its value.'),
});

export const ScenarioSchema = z
  .strictObject({
    id: z.string().regex(new RegExp(`^sc_${REDDIT_ID_SOURCE}$`), '"sc_" followed by the source post id'),
    target_value: ValueIdSchema,
    competing_value: ValueIdSchema,
    situation: z.string().min(1).describe('Self-contained, second person, anonymized, paraphrased.'),
    options: z
      .tuple([ScenarioOptionSchema, ScenarioOptionSchema])
      .describe('Exactly two options, in a seeded random order.'),
    source: z.strictObject({
      subreddit: z.string(),
      post_id: RedditId,
      created_utc: z.number().int().nonnegative(),
      permalink: z.string(),
    }),
    generation: z.strictObject({
      provider: z.enum(PROVIDERS),
      model: z.string(),
      prompt_id: z.string(),
      prompt_version: z.string(),
      request_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      simulated: z.boolean().describe('True when no real model wrote this record.'),
    }),
  })
  .describe('A binary-choice scenario: one option enacts the target value, one a competing value.');
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ITEM_TYPES = ['act', 'act_swapped', 'select_value', 'hold_target', 'hold_competing'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const OptionLabelSchema = z.enum(['A', 'B']);

export const ItemSchema = z
  .strictObject({
    id: z.string().min(1),
    scenario_id: z.string().min(1),
    type: z.enum(ITEM_TYPES),
    target_value: ValueIdSchema,
    competing_value: ValueIdSchema,
    prompt: z.string().min(1).describe('The rendered prompt, ready to send to a model.'),
    options: z.tuple([
      z.strictObject({ label: z.literal('A'), text: z.string().min(1), value: ValueIdSchema }),
      z.strictObject({ label: z.literal('B'), text: z.string().min(1), value: ValueIdSchema }),
    ]),
    key: z.strictObject({
      target_label: OptionLabelSchema.describe('The label of the option that enacts the target value.'),
      correct_label: OptionLabelSchema.nullable().describe(
        'The correct answer for item types that have one (select_value, hold_*); null for act items.',
      ),
    }),
  })
  .describe('One question item derived from a scenario.');
export type Item = z.infer<typeof ItemSchema>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Count = z.number().int().nonnegative();

/** An object with one count per key, every key required (ajv strict mode rejects enum-keyed records). */
function countsPer<const Keys extends readonly string[]>(keys: Keys) {
  return z.strictObject(
    Object.fromEntries(keys.map((key) => [key, Count])) as { [K in Keys[number]]: typeof Count },
  );
}

const EstimateSchema = z.strictObject({ estimate: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() }).describe('A figure and its 95% bootstrap interval over scenarios.');

/** The headline figures of a label audit (valact audit), as a release carries them. */
export const LabelAuditSchema = z
  .strictObject({
    audited_release: z.string().describe('The release whose scenarios the raters read.'),
    scenarios_fingerprint: Sha256.describe('Identity of the audited scenario set.'),
    simulated: z.boolean().describe('True when any rater was an offline simulator: then the figures say nothing about the labels.'),
    judges: z.array(z.strictObject({ name: z.string(), model: z.string(), simulated: z.boolean() })),
    annotators: z.number().int().nonnegative(),
    scenarios_judged: z.number().int().nonnegative(),
    scenarios_annotated: z.number().int().nonnegative(),
    judge_accuracy: EstimateSchema.describe('Share of options the judges read as their labelled value.'),
    judge_kappa: EstimateSchema.describe("Cohen's kappa of judges against the labels, over the ten values."),
    judges_alpha: EstimateSchema.nullable().describe("Krippendorff's alpha (nominal) among judges."),
    human_accuracy: EstimateSchema.nullable(),
    humans_alpha: EstimateSchema.nullable(),
    confusions_adjacent_share: z.number().nullable().describe("Of the judges' confusions, the share between neighbours on Schwartz's circle."),
    flagged: z.number().int().nonnegative().describe('Scenarios a majority of judges rejected.'),
  })
  .describe('What an audit of the labels found.');
export type LabelAudit = z.infer<typeof LabelAuditSchema>;

/** Identity of a set of scenarios, whatever their order or the release carrying them: what an audit describes. */
export function scenarioSetFingerprint(scenarios: readonly Scenario[]): string {
  return fingerprint([...scenarios].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

export const ManifestSchema = z
  .strictObject({
    name: z.string(),
    version: z.string().regex(RELEASE_VERSION_PATTERN, RELEASE_VERSION_RULE),
    created: z.string().describe('ISO date from SOURCE_DATE_EPOCH or the config, never the clock.'),
    per_value: z.number().int().positive(),
    counts: z.strictObject({
      scenarios: z.number().int().nonnegative(),
      items: z.number().int().nonnegative(),
      per_value: countsPer(VALUE_IDS),
      per_item_type: countsPer(ITEM_TYPES),
    }),
    files: z.array(
      z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha256 }),
    ),
    pipeline: z.strictObject({
      version: z.string(),
      git_commit: z.string().nullable(),
    }),
    fingerprints: z.strictObject({
      config: Sha256,
      prompts: z.record(z.string(), Sha256),
    }),
    models: z.array(z.strictObject({ provider: z.enum(PROVIDERS), model: z.string() })),
    sources: z.array(z.string()).describe('Where the posts came from (dump files, API listings, sample).'),
    takedown: z.strictObject({ post_ids: z.array(z.string()), scenarios_removed: z.number().int() }),
    simulated: z.boolean().describe('True when any scenario was produced without a real model.'),
    label_audit: z
      .strictObject({
        ...LabelAuditSchema.shape,
        released_scenarios_audited: z.number().int().nonnegative().describe('Scenarios of this release the audit covers.'),
        flagged_excluded: z.array(z.string()).describe('Flagged scenario ids left out of this release (release --exclude-flagged).'),
      })
      .nullable()
      .describe('The latest audit of these scenarios, or null when none was run.'),
  })
  .describe('What a release holds and how it was built.');
export type Manifest = z.infer<typeof ManifestSchema>;

/** The published schemas, by file name under `schemas/`. */
export const PUBLISHED_SCHEMAS = {
  'raw-post.schema.json': RawPostSchema,
  'filtered-post.schema.json': FilteredPostSchema,
  'scenario.schema.json': ScenarioSchema,
  'item.schema.json': ItemSchema,
  'manifest.schema.json': ManifestSchema,
} as const;

const SCHEMA_ID_PREFIX = 'urn:valact:schema:';

/** The JSON Schema (draft 2020-12) for one published record, with a stable `$id`. */
export function jsonSchemaFor(fileName: keyof typeof PUBLISHED_SCHEMAS): Record<string, unknown> {
  const generated = z.toJSONSchema(PUBLISHED_SCHEMAS[fileName], { target: 'draft-2020-12' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: SCHEMA_ID_PREFIX + fileName, title: fileName.replace('.schema.json', ''), ...rest };
}
