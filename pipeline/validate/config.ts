/** Config of the validate stage, with every default. */
import { z } from 'zod';
import { MAX_COPIED_WORDS } from '../text.ts';

export const ValidateConfigSchema = z.strictObject({
  /** Longest allowed ratio between the two option texts' lengths in characters (length predicts choices). Default 1.6. */
  max_option_length_ratio: z.number().min(1).default(1.6),
  /** Fewest words a situation may have. Default 25. */
  situation_min_words: z.number().int().nonnegative().default(25),
  /** Most words a situation may have. Default 300. */
  situation_max_words: z.number().int().positive().default(300),
  /**
   * A run of this many consecutive words shared with the source post counts as a verbatim copy.
   * Default 9: one more than the rewrite allows (MAX_COPIED_WORDS, 8).
   */
  verbatim_span_words: z.number().int().min(3).default(MAX_COPIED_WORDS + 1),
  /** Skip the verbatim-copy check when the filter's posts.jsonl is absent (instead of failing). Default false. */
  allow_missing_posts: z.boolean().default(false),
});
export type ValidateConfig = z.infer<typeof ValidateConfigSchema>;
