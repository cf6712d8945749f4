/**
 * What an audit promises the release (and anyone who reads it): the shape of a judgment, of a
 * human annotation, of audit.json and of the summary a release carries in its card and manifest.
 */
import { z } from 'zod';
import type { ReasonCatalog, ReasonSpec } from '../core/stage.ts';
import { CALL_ERROR_CODES } from '../llm/types.ts';
import { LabelAuditSchema, type LabelAudit } from '../records.ts';
import { VALUE_IDS } from '../values.ts';

export const ValueIdEnum = z.enum(VALUE_IDS);

/** One rater's reading of one option: the value it enacts most, maybe a second, and whether it is plausible. */
export const OptionReadingSchema = z.strictObject({
  value: ValueIdEnum,
  second_value: ValueIdEnum.nullable(),
  plausible: z.boolean(),
});

/**
 * One rater's answer for one scenario, mapped back to the scenario's stored option order
 * (`options[0]` is the scenario's first option, whatever order the rater saw).
 */
export const JudgmentSchema = z.strictObject({
  scenario_id: z.string(),
  rater: z.string(),
  kind: z.enum(['judge', 'human']),
  options: z.tuple([OptionReadingSchema, OptionReadingSchema]),
  genuine_dilemma: z.boolean(),
  simulated: z.boolean(),
  comment: z.string().nullable(),
});
export type Judgment = z.infer<typeof JudgmentSchema>;

/**
 * One line of flagged.jsonl: a scenario a majority of judges rejected, why, and every judge's
 * answer (options in the scenario's stored order, whose labels are `options_labelled`). Read by
 * `release --exclude-flagged` and `generate --regenerate`.
 */
export const FlaggedScenarioSchema = z.object({
  scenario_id: z.string(),
  post_id: z.string(),
  target_value: ValueIdEnum,
  competing_value: ValueIdEnum,
  options_labelled: z.tuple([ValueIdEnum, ValueIdEnum]),
  objections: z.array(z.object({ rater: z.string(), reason: z.string() })),
  judgments: z.array(JudgmentSchema),
});
export type FlaggedScenario = z.infer<typeof FlaggedScenarioSchema>;

const callFailures: Record<string, ReasonSpec> = Object.fromEntries(
  CALL_ERROR_CODES.map((code) => [`judge_${code}`, { check: 'judge', disposition: 'quarantined', description: `the judge call failed: ${code}` } satisfies ReasonSpec]),
);

export const AUDIT_REASONS: ReasonCatalog = { ...callFailures };

/** The headline figures a release carries about the audit of its scenarios (the release contract's). */
export const AuditSummarySchema = LabelAuditSchema;
export type AuditSummary = LabelAudit;

export const AuditDetailsSchema = z.object({
  release: z.string(),
  summary: AuditSummarySchema,
  requests: z.number().int().nonnegative(),
  cache_hits: z.number().int().nonnegative(),
  estimated_cost_usd: z.number().nonnegative(),
});
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

export const AUDIT_FILES = { judgments: 'judgments.jsonl', annotations: 'annotations.jsonl', report: 'audit.json', markdown: 'AUDIT.md', flagged: 'flagged.jsonl' } as const;
