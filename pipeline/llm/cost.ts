/** Prices, token and cost accounting per model. */
import { z } from 'zod';
import type { Usage } from './cache.ts';

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

export function costOf(usage: Usage, price: ModelPrice | undefined, factor = 1): number {
  if (!price) return 0;
  return ((usage.prompt_tokens * price.input_per_million + usage.completion_tokens * price.output_per_million) / 1e6) * factor;
}

/** A rough token count for budgeting before a call: about four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface ModelUsage {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
}

export interface LlmStats {
  /** HTTP requests sent to the endpoint (every attempt, repairs included). */
  requests: number;
  cache_hits: number;
  retries: number;
  repairs: number;
  failures: number;
  /** Milliseconds spent waiting on Retry-After, back-off or rate-limit headers. */
  waited_ms: number;
  per_model: Record<string, ModelUsage>;
}

export function emptyStats(): LlmStats {
  return { requests: 0, cache_hits: 0, retries: 0, repairs: 0, failures: 0, waited_ms: 0, per_model: {} };
}

export function addUsage(stats: LlmStats, model: string, usage: Usage, cost: number): void {
  const entry = (stats.per_model[model] ??= { requests: 0, prompt_tokens: 0, completion_tokens: 0, cost_usd: 0 });
  entry.requests += 1;
  entry.prompt_tokens += usage.prompt_tokens;
  entry.completion_tokens += usage.completion_tokens;
  entry.cost_usd += cost;
}

export function totalCost(stats: LlmStats): number {
  return Object.values(stats.per_model).reduce((sum, entry) => sum + entry.cost_usd, 0);
}
