/** Config of the generate stage, with every default. The endpoint fields are the LLM library's. */
import { z } from 'zod';
import { LlmEndpointConfigShape, type ProviderName } from '../llm/provider.ts';

export const GenerateConfigSchema = z.strictObject({
  ...LlmEndpointConfigShape,
  /**
   * Scenarios wanted per value. Default null, meaning 300 with the openai provider (the full
   * ValAct size) and 10 with the offline provider, which exists to run the bundled sample
   * (about 15–18 usable posts per value). The number decided here is recorded in generate's
   * report; validate and release read it from there.
   */
  per_value: z.number().int().positive().nullable().default(null),
  /** Extra share of each quota generated to absorb later losses in validate: quota = ceil(per_value × (1 + margin)). Default 0.1. */
  over_generation: z.number().min(0).max(2).default(0.1),
  /** A value counts as genuinely at stake in a post when its classifier score (0–5) is at least this. Default 3. */
  min_value_score: z.number().int().min(1).max(5).default(3),
  /** Sampling temperature. Default 0.7 for the rewrite; classification always uses 0. */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Completion token cap for a classification answer. Default 300. */
  classify_max_tokens: z.number().int().positive().default(300),
  /** Completion token cap for a rewrite answer. Default 700. */
  rewrite_max_tokens: z.number().int().positive().default(700),
  /**
   * Share of a step's calls that may fail for reasons outside the post (endpoint down, 5xx or
   * 429 past the retries, a batch that lost the request) before the run stops with exit 8,
   * keeping the previous outputs; a re-run retries just those calls. Default null: any such
   * failure that leaves a value's quota unfilled stops the run.
   */
  max_failure_share: z.number().min(0).max(1).nullable().default(null),
});
export type GenerateConfig = z.infer<typeof GenerateConfigSchema>;

/** The full ValAct size: 300 scenarios per value, 3,000 in all. */
export const FULL_RELEASE_PER_VALUE = 300;

/** Per-value quota when `per_value` is not set: the full size with a model, 10 offline (the sample). */
export function defaultPerValue(provider: ProviderName): number {
  return provider === 'offline' ? 10 : FULL_RELEASE_PER_VALUE;
}
