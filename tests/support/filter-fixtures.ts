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
import type { RawPost } from '../../pipeline/records.ts';

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

/** The Pushshift fields the mapper reads (the sample's records have more). */
export interface DumpSubmission {
  id: string;
  subreddit: string;
  title: string;
  selftext?: string;
  author: string;
  created_utc: number | string;
  score?: number;
  num_comments?: number;
  over_18?: boolean;
  is_self?: boolean;
  url?: string | null;
  stickied?: boolean;
  distinguished?: string | null;
  crosspost_parent?: string | null;
  permalink?: string;
  removed_by_category?: string | null;
}

/**
 * Dump record -> RawPost, as collect records it ("removed_by_category:<category>"), but with
 * body markers ([removed], banners) left for the filter to find, as when collect keeps them.
 */
export function dumpToRawPost(record: DumpSubmission, file: string, line: number): RawPost {
  return {
    id: record.id,
    subreddit: record.subreddit,
    title: record.title,
    selftext: record.selftext ?? '',
    author: record.author,
    created_utc: Math.trunc(Number(record.created_utc)),
    score: record.score ?? 0,
    num_comments: record.num_comments ?? 0,
    over_18: record.over_18 ?? false,
    is_self: record.is_self ?? true,
    url: record.url ?? null,
    stickied: record.stickied ?? false,
    distinguished: record.distinguished ?? null,
    crosspost_parent: record.crosspost_parent ?? null,
    permalink: record.permalink ?? `/r/${record.subreddit}/comments/${record.id}/`,
    removed: record.removed_by_category ? `removed_by_category:${record.removed_by_category}` : null,
    source: { kind: 'sample', file, line, query: null },
  };
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

export function quietContext(dataDir: string, config: Config = DEFAULT_CONFIG, force = false): StageContext {
  return createContext({ dataDir, config, quiet: true, force });
}
