/** Config of the validate stage, with every default. */
import { z } from 'zod';

export const ValidateConfigSchema = z.strictObject({
  /** Fewest words a situation may have. Default 25. */
  situation_min_words: z.number().int().nonnegative().default(25),
  /** Most words a situation may have. Default 300. */
  situation_max_words: z.number().int().positive().default(300),
  /** Skip the verbatim-copy check when the filter's posts.jsonl is absent (instead of failing). Default false. */
  allow_missing_posts: z.boolean().default(false),
});
export type ValidateConfig = z.infer<typeof ValidateConfigSchema>;
