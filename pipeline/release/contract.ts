/**
 * What a release run reports in DATA/work/release/report.json: which version it published
 * (or found already published), where, and why each validated scenario it did not release was
 * left out (dropped.jsonl: taken down, or ranked below the per-value quota).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReasonCatalog } from '../core/stage.ts';
import { RELEASE_VERSION_PATTERN } from '../records.ts';

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

/** The newest published release under DATA/release, or null. */
export async function latestRelease(releaseRoot: string): Promise<string | null> {
  const entries = await readdir(releaseRoot).catch(() => [] as string[]);
  const versions = entries.filter((entry) => RELEASE_VERSION_PATTERN.test(entry));
  if (versions.length === 0) return null;
  const parts = (version: string) => version.split('.').map(Number) as [number, number, number];
  versions.sort((a, b) => {
    const [x, y] = [parts(a), parts(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return join(releaseRoot, versions.at(-1)!);
}
