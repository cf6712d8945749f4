/** Config of the filter stage, with every default. */
import { z } from 'zod';

export const FilterConfigSchema = z.strictObject({
  /** Bodies shorter than this many words are rejected as too_short. */
  min_words: z.number().int().nonnegative().default(15),
  /** Bodies longer than this many words are rejected as too_long. */
  max_words: z.number().int().positive().default(8000),
});
export type FilterConfig = z.infer<typeof FilterConfigSchema>;
