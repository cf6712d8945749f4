/**
 * What a release run reports in DATA/work/release/report.json: which version it published
 * (or found already published), where, and why each validated scenario it did not release was
 * left out (dropped.jsonl: taken down, or ranked below the per-value quota).
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { ValactError } from '../core/errors.ts';
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

/** Order of two release versions (both X.Y.Z): negative when `a` is older. */
export function compareReleaseVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
}

/** The newest published release under DATA/release, or null. */
export async function latestRelease(releaseRoot: string): Promise<string | null> {
  const versions = (await readdir(releaseRoot).catch(() => [] as string[])).filter((entry) => RELEASE_VERSION_PATTERN.test(entry));
  if (versions.length === 0) return null;
  return join(releaseRoot, versions.sort(compareReleaseVersions).at(-1)!);
}

/** What a later command knows of a published release from its folder and manifest. */
export interface PublishedRelease {
  directory: string;
  version: string;
  simulated: boolean;
  /** path → sha256 of the release's files, as the manifest lists them. */
  files: Record<string, string>;
}

/**
 * The release `option` names (a folder), else the newest under `releaseRoot`; `purpose` ("audit",
 * "evaluate") words the error when there is none. Tolerant of a manifest missing fields a
 * reader does not need (a hand-made fixture, an older release): the folder name is the version.
 */
export async function openPublishedRelease(releaseRoot: string, option: string | undefined, purpose: string): Promise<PublishedRelease> {
  const directory = option ? resolve(option) : await latestRelease(releaseRoot);
  if (!directory) throw new ValactError('input', `no release to ${purpose} in ${releaseRoot}`, { hint: 'Publish one with `valact release`, or pass --release DIR.' });
  let manifest: { version?: unknown; simulated?: unknown; files?: unknown };
  try {
    manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    throw new ValactError('input', `${directory} is not a release folder (cannot read manifest.json: ${(error as Error).message})`, { hint: 'Pass --release data/release/X.Y.Z.' });
  }
  const files: Record<string, string> = {};
  if (Array.isArray(manifest.files)) {
    for (const entry of manifest.files as { path?: unknown; sha256?: unknown }[]) {
      if (typeof entry.path === 'string' && typeof entry.sha256 === 'string') files[entry.path] = entry.sha256;
    }
  }
  return { directory, version: typeof manifest.version === 'string' ? manifest.version : basename(directory), simulated: manifest.simulated === true, files };
}
