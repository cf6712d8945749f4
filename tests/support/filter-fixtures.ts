/**
 * Small RawPost fixtures for the filter tests, and a mapper from the sample corpus's
 * Pushshift-style records to RawPost (what collect will write), kept here so the filter can be
 * scored on the raw sample without depending on collect.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../../pipeline/config.ts';
import { createContext, type StageContext } from '../../pipeline/core/context.ts';
import { DumpSubmissionSchema, toRawPost } from '../../pipeline/collect/normalize.ts';
import type { RawPost } from '../../pipeline/records.ts';
import { removalOf } from '../../pipeline/removal.ts';

export const ADVICE_BODY =
  "I'm 29 and I got a job offer in another city that pays 30% more. My partner has a stable job here and we just signed a lease. " +
  "I keep going back and forth. Should I take the offer or stay where we are? What would you do in my position?";

let counter = 0;

export function rawPost(overrides: Partial<RawPost> = {}): RawPost {
  counter += 1;
  const id = overrides.id ?? `t${counter.toString(36)}`;
  return {
    id,
    subreddit: 'Advice',
    title: 'Job offer in another city: take it or stay?',
    selftext: ADVICE_BODY,
    author: 'throwaway_jane_doe',
    created_utc: 1_700_000_000 + counter,
    score: 10,
    num_comments: 3,
    over_18: false,
    is_self: true,
    url: `https://www.reddit.com/r/Advice/comments/${id}/x/`,
    stickied: false,
    distinguished: null,
    crosspost_parent: null,
    permalink: `/r/Advice/comments/${id}/x/`,
    removed: null,
    source: { kind: 'sample', file: 'fixture.jsonl', line: counter, query: null },
    ...overrides,
  };
}

/**
 * A dump record as collect writes it when told to keep removed posts (`skip_removed: false`):
 * collect's own parser and normalizer, with the removal evidence recorded, so the filter sees
 * exactly what it would see after a real collect run.
 */
export function dumpToRawPost(record: unknown, file: string, line: number): RawPost {
  const submission = DumpSubmissionSchema.parse(record);
  return toRawPost(submission, removalOf(submission)?.evidence ?? null, { kind: 'sample', file, line, query: null });
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'valact-filter-'));
}

export async function writeRawPosts(dataDir: string, lines: (RawPost | string)[]): Promise<string> {
  await mkdir(join(dataDir, 'raw'), { recursive: true });
  const file = join(dataDir, 'raw', 'posts.jsonl');
  await writeFile(file, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n');
  return file;
}

export function quietContext(dataDir: string, config: Config = DEFAULT_CONFIG, force = false): StageContext<Config> {
  return createContext({ dataDir, config, quiet: true, force });
}
