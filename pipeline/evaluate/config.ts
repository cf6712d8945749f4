/** Config of `valact evaluate`, with every default. The endpoint fields are the LLM library's. */
import { z } from 'zod';
import { LlmEndpointConfigShape } from '../llm/provider.ts';

export const RespondentModelSchema = z.strictObject({
  /** A short name for the respondent in reports ("gpt-4o-mini", "qwen-72b"). */
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore'),
  /** Model sent to the endpoint. */
  model: z.string().min(1),
  /** The model's own endpoint; default: evaluate.base_url, else OPENAI_BASE_URL. */
  base_url: z.string().nullable().default(null),
  /** The environment variable holding its key; default OPENAI_API_KEY. */
  api_key_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).nullable().default(null),
});
export type RespondentModel = z.infer<typeof RespondentModelSchema>;

export const EvaluateConfigSchema = z.strictObject({
  ...LlmEndpointConfigShape,
  /** The models that answer. Default []: with an endpoint, generate's default model; with none, the simulated respondents. */
  models: z.array(RespondentModelSchema).default([]),
  /** Times each item and question is asked (at temperature > 0, the answers differ). Default 1. */
  repeats: z.number().int().positive().max(100).default(1),
  /** Sampling temperature of every answer. Default 0. */
  temperature: z.number().min(0).max(2).default(0),
  /**
   * Ask for a structured answer ({"choice": "A"}) by JSON Schema. False for endpoints without
   * structured outputs: the answer is then read by a strict parser of the letter. Default true.
   */
  structured: z.boolean().default(true),
  /** Completion token cap of one answer. Default 16 (a letter, or a tiny JSON object). */
  max_tokens: z.number().int().positive().default(16),
  /** The questionnaire file; null for the shipped one (prompts/questionnaire.v1.md, not a validated instrument). */
  questionnaire: z.string().nullable().default(null),
  /** Bootstrap resamples behind every interval. Default 1000. */
  bootstrap_resamples: z.number().int().min(100).max(100_000).default(1000),
  /**
   * Simulated respondents when no endpoint is set: the built-in profiles (carer, striver, keeper,
   * explorer), repeated with other seeds past four. Default 4.
   */
  simulated_respondents: z.number().int().min(1).max(50).default(4),
  /** Seed of the bootstrap and of the simulated respondents. Default 1. */
  seed: z.number().int().default(1),
});
export type EvaluateConfig = z.infer<typeof EvaluateConfigSchema>;
