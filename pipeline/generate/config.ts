/** Config of the generate stage, with every default. */
import { z } from 'zod';

export const GenerateConfigSchema = z.strictObject({
  /** Which provider answers: "openai" (any OpenAI-compatible endpoint) or "offline" (simulated). Default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline. */
  provider: z.enum(['openai', 'offline']).nullable().default(null),
  /** Model name sent to the endpoint. */
  model: z.string().default('gpt-4o-mini'),
  /** Endpoint base URL; default OPENAI_BASE_URL or the OpenAI API. */
  base_url: z.string().nullable().default(null),
  /** Scenarios wanted per value. */
  per_value: z.number().int().positive().default(300),
});
export type GenerateConfig = z.infer<typeof GenerateConfigSchema>;
