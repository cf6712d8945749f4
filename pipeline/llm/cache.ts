/**
 * On-disk cache of successful model answers, one JSON file per request fingerprint under
 * DATA/cache/llm/<CACHE_VERSION>/. Keys hold no secrets and no endpoint; failures are never
 * stored. Files are written atomically, so a kill leaves an entry whole or absent.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../core/atomic.ts';

/** Bump when the meaning of a cached answer changes; old entries are then ignored. */
export const CACHE_VERSION = 'v1';

export const UsageSchema = z.strictObject({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const CacheEntrySchema = z.strictObject({
  cache_version: z.literal(CACHE_VERSION),
  fingerprint: z.string(),
  model: z.string(),
  prompt_id: z.string(),
  prompt_version: z.string(),
  /** The answer as validated (after a repair, the repaired one). */
  value: z.unknown(),
  raw: z.string(),
  usage: UsageSchema,
  repaired: z.boolean(),
});
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

export class ResponseCache {
  readonly directory: string;

  constructor(cacheRoot: string) {
    this.directory = join(cacheRoot, 'llm', CACHE_VERSION);
  }

  private fileFor(fingerprint: string): string {
    return join(this.directory, fingerprint.slice(0, 2), `${fingerprint}.json`);
  }

  /** The entry, or null when absent or unreadable (an unreadable entry is simply asked again). */
  async get(fingerprint: string): Promise<CacheEntry | null> {
    let text: string;
    try {
      text = await readFile(this.fileFor(fingerprint), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = CacheEntrySchema.safeParse(JSON.parse(text));
      return parsed.success && parsed.data.fingerprint === fingerprint ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async put(entry: CacheEntry): Promise<void> {
    await writeJsonAtomic(this.fileFor(entry.fingerprint), entry);
  }
}
