/** Config of the validate and release stages, with every default. */
import { z } from 'zod';

export const ReleaseConfigSchema = z.strictObject({
  /** Scenarios per value in a release (300 gives the full 3,000-scenario release). */
  per_value: z.number().int().positive().default(300),
  /** Post ids to exclude from every release, one per line; relative to the data folder. */
  takedown_file: z.string().default('takedown.txt'),
});
export type ReleaseConfig = z.infer<typeof ReleaseConfigSchema>;
