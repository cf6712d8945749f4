/** Config of the release stage, with every default. */
import { z } from 'zod';
import { RELEASE_VERSION_PATTERN, RELEASE_VERSION_RULE } from '../records.ts';

const SemanticVersion = z.string().regex(RELEASE_VERSION_PATTERN, RELEASE_VERSION_RULE);

export const ReleaseConfigSchema = z.strictObject({
  /** Version published when --version is not given (the sample run publishes this one). Default "0.1.0". */
  version: SemanticVersion.default('0.1.0'),
  /**
   * Scenarios per value in a release (300 gives the full 3,000-scenario release). Default null:
   * the per_value the generate stage ran with (10 for the offline sample run), else 300.
   */
  per_value: z.number().int().positive().nullable().default(null),
  /** Publish even when a value has fewer than per_value scenarios (the shortfall is recorded). Default false. */
  allow_unbalanced: z.boolean().default(false),
  /** Leave out the scenarios the latest label audit of this selection flagged (valact audit); the next ranked take their places. Default false. */
  exclude_flagged: z.boolean().default(false),
  /** Post ids to exclude from every release, one per line; relative to the data folder. */
  takedown_file: z.string().default('takedown.txt'),
  /** Release date (YYYY-MM-DD) when SOURCE_DATE_EPOCH is unset; default null = the newest source post's date. Never the clock. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').nullable().default(null),
  /** Dataset name in the manifest, card and Croissant metadata. Default "valact". */
  name: z.string().min(1).default('valact'),
  /** SPDX license id of the released scenarios and items. Default "cc-by-4.0". */
  license: z.string().min(1).default('cc-by-4.0'),
  /** Who publishes the release (Croissant creator). Default "ValAct pipeline". */
  creator: z.string().min(1).default('ValAct pipeline'),
  /** Where the release will live (Croissant url); default null = a placeholder under example.invalid. */
  url: z.string().url().nullable().default(null),
});
export type ReleaseConfig = z.infer<typeof ReleaseConfigSchema>;
