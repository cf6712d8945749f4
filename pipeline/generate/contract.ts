/**
 * What the generate stage promises the stages after it: its outputs, its reason codes and the
 * shape of its report's details — among them `per_value`, the number of scenarios per value
 * this run was asked for, decided here once and read by validate and release.
 */
import { z } from 'zod';
import type { ReasonCatalog, ReasonSpec } from '../core/stage.ts';
import { CALL_ERROR_CODES } from '../llm/types.ts';
import { VALUE_IDS } from '../values.ts';

export const GENERATE_OUTPUTS = { scenarios: 'scenarios.jsonl' } as const;

const callFailures = (step: 'classify' | 'rewrite'): Record<string, ReasonSpec> =>
  Object.fromEntries(
    CALL_ERROR_CODES.map((code) => [`${step}_${code}`, { check: step, disposition: 'quarantined', description: `the ${step} call failed: ${code}` } satisfies ReasonSpec]),
  );

export const GENERATE_REASONS: ReasonCatalog = {
  not_usable: { check: 'classify', disposition: 'rejected', description: 'the classifier found no usable dilemma in the post' },
  no_value_at_stake: { check: 'assign', disposition: 'rejected', description: 'no value scored at least generate.min_value_score' },
  not_needed: { check: 'assign', disposition: 'rejected', description: 'usable, but every value it could serve was already filled' },
  ...callFailures('classify'),
  ...callFailures('rewrite'),
};

const Count = z.number().int().nonnegative();

export const ValueFillSchema = z.object({ quota: Count, candidates: Count, assigned: Count, shortfall: Count });

export const GenerateDetailsSchema = z.object({
  provider: z.enum(['openai', 'offline']),
  model: z.string(),
  simulated: z.boolean(),
  /** Scenarios per value this run was asked for: the release size. */
  per_value: z.number().int().positive(),
  quota_per_value: z.number().int().positive(),
  fill: z.record(z.enum(VALUE_IDS), ValueFillSchema),
  requests: Count,
  cache_hits: Count,
  retries: Count,
  repairs: Count,
  waited_ms: z.number().nonnegative(),
  tokens: z.record(z.string(), z.object({ requests: Count, prompt_tokens: Count, completion_tokens: Count, cost_usd: z.number() })),
  estimated_cost_usd: z.number().nonnegative(),
  batch: z.boolean(),
});
export type GenerateDetails = z.infer<typeof GenerateDetailsSchema>;
