/** Config of the generate stage, with every default. */
import { z } from 'zod';

/** USD per million tokens for one model; batch calls cost `batch_discount` times this. */
export const ModelPriceSchema = z.strictObject({
  input_per_million: z.number().nonnegative(),
  output_per_million: z.number().nonnegative(),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** Public list prices at the time of writing; override them in the config for your endpoint. */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'gpt-4o-mini': { input_per_million: 0.15, output_per_million: 0.6 },
  'gpt-4o': { input_per_million: 2.5, output_per_million: 10 },
  'gpt-4.1-mini': { input_per_million: 0.4, output_per_million: 1.6 },
  'gpt-4.1': { input_per_million: 2, output_per_million: 8 },
  'offline-simulator-v1': { input_per_million: 0, output_per_million: 0 },
};

export const GenerateConfigSchema = z.strictObject({
  /** Which provider answers: "openai" (any OpenAI-compatible endpoint) or "offline" (simulated). Default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline. */
  provider: z.enum(['openai', 'offline']).nullable().default(null),
  /** Model name sent to the endpoint. Default "gpt-4o-mini" (the offline provider always reports "offline-simulator-v1"). */
  model: z.string().min(1).default('gpt-4o-mini'),
  /** Endpoint base URL. Default: OPENAI_BASE_URL, else the OpenAI API. */
  base_url: z.string().nullable().default(null),
  /**
   * Scenarios wanted per value. Default null, meaning 300 with the openai provider (the full
   * ValAct size) and 10 with the offline provider, which exists to run the bundled sample
   * (about 15–18 usable posts per value).
   */
  per_value: z.number().int().positive().nullable().default(null),
  /** Extra share of each quota generated to absorb later losses in validate: quota = ceil(per_value × (1 + margin)). Default 0.1. */
  over_generation: z.number().min(0).max(2).default(0.1),
  /** A value counts as genuinely at stake in a post when its classifier score (0–5) is at least this. Default 3. */
  min_value_score: z.number().int().min(1).max(5).default(3),
  /** Requests in flight at once. Default 8. */
  concurrency: z.number().int().positive().default(8),
  /** Requests per minute; null for no limit. Default 500. */
  rpm: z.number().positive().nullable().default(500),
  /** Tokens (prompt + max completion) per minute; null for no limit. Default 200000. */
  tpm: z.number().positive().nullable().default(200_000),
  /** Sampling temperature. Default 0.7 for the rewrite; classification always uses 0. */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Completion token cap for a classification answer. Default 300. */
  classify_max_tokens: z.number().int().positive().default(300),
  /** Completion token cap for a rewrite answer. Default 700. */
  rewrite_max_tokens: z.number().int().positive().default(700),
  /** Stop cleanly before the estimated spend of this run exceeds this many USD; null for no cap. Default null. */
  max_cost: z.number().positive().nullable().default(null),
  /** USD per million tokens per model (merged over the built-in table). */
  prices: z.record(z.string(), ModelPriceSchema).default({}),
  /** Price factor for Batch API calls. Default 0.5. */
  batch_discount: z.number().min(0).max(1).default(0.5),
  /** Retries after the first attempt on 408/409/429/5xx/timeouts/connection errors. Default 6. */
  max_retries: z.number().int().nonnegative().default(6),
  /** Per-request timeout in seconds. Default 120. */
  timeout_seconds: z.number().positive().default(120),
  /** Longest single wait honoured from a Retry-After header, in seconds. Default 900. */
  max_retry_after_seconds: z.number().positive().default(900),
  /** Use the Batch API (half price, up to 24 h) instead of synchronous calls. Default false. */
  batch: z.boolean().default(false),
  /** Seconds between polls of a running batch. Default 30. */
  batch_poll_seconds: z.number().positive().default(30),
  /** Print the number of calls and the cost estimate, and call nothing. Default false. */
  dry_run: z.boolean().default(false),
});
export type GenerateConfig = z.infer<typeof GenerateConfigSchema>;

/** Per-value quota when `per_value` is not set. */
export function defaultPerValue(provider: 'openai' | 'offline'): number {
  return provider === 'offline' ? 10 : 300;
}
