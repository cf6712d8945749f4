/** Config of the audit, with every default. The judges' endpoint fields are the LLM library's. */
import { z } from 'zod';
import { LlmEndpointConfigShape } from '../llm/provider.ts';

export const JudgeSchema = z.strictObject({
  /** A short name for the judge in reports ("gpt-4o-mini", "qwen-72b"). */
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore'),
  /** Model sent to the endpoint. */
  model: z.string().min(1),
  /** The judge's own endpoint; default: audit.base_url, else OPENAI_BASE_URL. */
  base_url: z.string().nullable().default(null),
  /** The environment variable holding the judge's key; default OPENAI_API_KEY. */
  api_key_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).nullable().default(null),
});
export type Judge = z.infer<typeof JudgeSchema>;

export const AuditConfigSchema = z.strictObject({
  ...LlmEndpointConfigShape,
  /**
   * The LLM judges: several from different model families are better than one. Default []: with
   * an endpoint, one judge on audit.model; with none, two offline simulated judges.
   */
  judges: z.array(JudgeSchema).default([]),
  /** Completion token cap of a judge's answer. Default 300. */
  judge_max_tokens: z.number().int().positive().default(300),
  /**
   * The offline judges' errors, so the measurement can be shown to recover them: the share of
   * answers replaced by a neighbouring value on Schwartz's circle, and by a value across it.
   * Default 0.1 and 0.03.
   */
  offline_neighbour_rate: z.number().min(0).max(1).default(0.1),
  offline_across_rate: z.number().min(0).max(1).default(0.03),
  /** Bootstrap resamples behind every interval. Default 1000. */
  bootstrap_resamples: z.number().int().min(100).max(100_000).default(1000),
  /** Seed of the bootstrap and the human sample. Default 1. */
  seed: z.number().int().default(1),
  /** Human packets: scenarios drawn, stratified by target value. Default 50. */
  sample: z.number().int().positive().default(50),
  /** Human packets: annotators. Default 3. */
  annotators: z.number().int().positive().max(100).default(3),
  /** Human packets: share of the sample every annotator sees (for agreement among them). Default 0.2. */
  overlap: z.number().min(0).max(1).default(0.2),
});
export type AuditConfig = z.infer<typeof AuditConfigSchema>;
