/**
 * What a release run reports in DATA/work/release/report.json: which version it published
 * (or found already published), where, and why each validated scenario it did not release was
 * left out (dropped.jsonl: taken down, or ranked below the per-value quota).
 */
import { z } from 'zod';
import type { ReasonCatalog } from '../core/stage.ts';

export const RELEASE_REASONS = {
  taken_down: { check: 'takedown', disposition: 'rejected', description: 'its source post is on the take-down list' },
  not_selected: { check: 'select', disposition: 'rejected', description: 'ranked below the per-value quota' },
} as const satisfies ReasonCatalog;

export const ReleaseDetailsSchema = z.object({
  version: z.string(),
  directory: z.string(),
  /** "published" for a new folder; "up_to_date" when the folder already held these exact bytes. */
  outcome: z.enum(['published', 'up_to_date']),
  per_value: z.number().int().positive(),
  scenarios: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  simulated: z.boolean(),
  /** Against the previous published version. */
  changes: z.object({
    previous_version: z.string().nullable(),
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
  }),
});
export type ReleaseDetails = z.infer<typeof ReleaseDetailsSchema>;
