/**
 * The bundled sample corpus must exercise every later stage: these are the minimums the
 * foundation issue sets, checked on the committed files through the pipeline's own JSONL reader.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { DecompressStream } from 'zstd-napi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readAllRecords } from '../pipeline/core/jsonl.ts';
import { VALUE_IDS } from '../pipeline/values.ts';

const sampleDir = join(import.meta.dirname, '..', 'data', 'raw', 'sample');

const LabelSchema = z.strictObject({
  id: z.string(),
  expect: z.enum(['keep', 'reject']),
  value: z.enum(VALUE_IDS).nullable(),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  tags: z.array(z.string()),
});

const SubmissionSchema = z.looseObject({
  id: z.string().regex(/^[0-9a-z]+$/),
  subreddit: z.string(),
  title: z.string(),
  selftext: z.string(),
  created_utc: z.number().int(),
});

const labels = await readAllRecords(join(sampleDir, 'labels.jsonl'), LabelSchema);
const posts = await readAllRecords(join(sampleDir, 'RS_sample.ndjson'), SubmissionSchema);

function countWhere(predicate: (label: z.infer<typeof LabelSchema>) => boolean): number {
  return labels.filter(predicate).length;
}

describe('sample corpus', () => {
  it('has at least 300 posts, each with exactly one label, in the same order', () => {
    expect(posts.length).toBeGreaterThanOrEqual(300);
    expect(labels.map((label) => label.id)).toEqual(posts.map((post) => post.id));
    expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
  });

  it('spans at least 10 advice subreddits among the posts a filter keeps', () => {
    const keptIds = new Set(labels.filter((label) => label.expect === 'keep').map((label) => label.id));
    const subreddits = new Set(posts.filter((post) => keptIds.has(post.id)).map((post) => post.subreddit));
    expect(subreddits.size).toBeGreaterThanOrEqual(10);
  });

  it.each(VALUE_IDS)('has at least 15 clean English decision posts for %s', (value) => {
    const clean = countWhere((label) => label.expect === 'keep' && label.value === value && label.tags.length === 0);
    expect(clean).toBeGreaterThanOrEqual(15);
  });

  it('has at least 90 posts a filter must reject or repair', () => {
    const rejectOrRepair = countWhere((label) => label.expect === 'reject' || label.tags.length > 0);
    expect(rejectOrRepair).toBeGreaterThanOrEqual(90);
  });

  it('covers non-English text in at least five languages', () => {
    const languages = new Set(labels.filter((label) => label.reason === 'lang').map((label) => label.detail));
    expect(languages.size).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['removed', (l: z.infer<typeof LabelSchema>) => l.reason === 'removed'],
    ['deleted', (l: z.infer<typeof LabelSchema>) => l.reason === 'deleted'],
    ['"Removed by Reddit" banners', (l: z.infer<typeof LabelSchema>) => l.tags.includes('removed_banner')],
    ['NSFW', (l: z.infer<typeof LabelSchema>) => l.reason === 'nsfw'],
    ['NSFW without the flag', (l: z.infer<typeof LabelSchema>) => l.tags.includes('missing_nsfw_flag')],
    ['link and image posts', (l: z.infer<typeof LabelSchema>) => l.reason === 'link_only'],
    ['empty bodies', (l: z.infer<typeof LabelSchema>) => l.reason === 'empty'],
    ['very short bodies', (l: z.infer<typeof LabelSchema>) => l.reason === 'too_short'],
    ['rants and news with no question', (l: z.infer<typeof LabelSchema>) => l.reason === 'not_advice'],
    ['advice with no decision', (l: z.infer<typeof LabelSchema>) => l.reason === 'no_decision'],
    ['exact duplicates', (l: z.infer<typeof LabelSchema>) => l.reason === 'duplicate'],
    ['near-duplicates', (l: z.infer<typeof LabelSchema>) => l.reason === 'near_duplicate'],
    ['cross-posts', (l: z.infer<typeof LabelSchema>) => l.tags.includes('crosspost')],
    ['stickied and AutoModerator posts', (l: z.infer<typeof LabelSchema>) => l.reason === 'bot_or_mod'],
    ['Scots-like or dialectal English that must pass', (l: z.infer<typeof LabelSchema>) => l.expect === 'keep' && l.tags.includes('dialect')],
    ['emails', (l: z.infer<typeof LabelSchema>) => l.tags.includes('pii_email')],
    ['phone numbers', (l: z.infer<typeof LabelSchema>) => l.tags.includes('pii_phone')],
    ['u/ names', (l: z.infer<typeof LabelSchema>) => l.tags.includes('pii_handle')],
    ['full names', (l: z.infer<typeof LabelSchema>) => l.tags.includes('pii_name')],
    ['prompt-injection text', (l: z.infer<typeof LabelSchema>) => l.tags.includes('prompt_injection')],
    ['heavy markdown', (l: z.infer<typeof LabelSchema>) => l.tags.includes('markdown')],
    ['very long posts', (l: z.infer<typeof LabelSchema>) => l.tags.includes('long')],
  ])('includes %s', (_label, predicate) => {
    expect(countWhere(predicate)).toBeGreaterThanOrEqual(2);
  });

  it('ships the same bytes as a long-window (--long=31) zstd dump', async () => {
    const ndjson = await readFile(join(sampleDir, 'RS_sample.ndjson'));
    const compressed = await readFile(join(sampleDir, 'RS_sample.zst'));
    // Frame header: magic, then a window descriptor; without a pledged size it declares 2 GiB.
    expect(compressed.readUInt32LE(0)).toBe(0xfd2fb528);
    const windowDescriptor = compressed[5]!;
    const windowLog = 10 + (windowDescriptor >> 3);
    expect(windowLog).toBe(31);
    const chunks: Buffer[] = [];
    await pipeline(
      createReadStream(join(sampleDir, 'RS_sample.zst')),
      new DecompressStream({ windowLogMax: 31 }),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      }),
    );
    expect(Buffer.concat(chunks).equals(ndjson)).toBe(true);
  });
});
