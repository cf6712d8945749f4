/**
 * Builds the bundled sample corpus (every post invented by the valact authors):
 *
 *   data/raw/sample/RS_sample.ndjson  one Pushshift-style submission per line
 *   data/raw/sample/RS_sample.zst     the same bytes, zstd (streaming, level 19, windowLog 31, LDM)
 *   data/raw/sample/labels.jsonl      the outcome a correct filter should reach, same order
 *
 * Deterministic: no clock, no unseeded randomness. Run: npx tsx scripts/build-sample.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompressStream } from 'zstd-napi';
import { samplePosts, SAMPLE_VALUE_IDS, REJECT_REASONS, LABEL_TAGS } from './sample-corpus/index.ts';
import type { SamplePost, SubmissionRecord } from './sample-corpus/index.ts';
import { wordCount, T0, T1 } from './sample-corpus/materialize.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data', 'raw', 'sample');

/** The advice subreddits the sample's keep posts live in (the default collect config's kind). */
const ADVICE_SUBREDDITS = [
  'relationship_advice', 'Advice', 'AmItheAsshole', 'AITAH', 'careerguidance', 'personalfinance',
  'legaladvice', 'Parenting', 'findapath', 'solotravel', 'travel', 'Christianity', 'Judaism', 'islam',
  'Entrepreneur', 'antiwork', 'ExperiencedDevs', 'college', 'decidingtobebetter', 'TwoXChromosomes',
  'offmychest',
];

function fail(msg: string): never {
  throw new Error(`sample corpus check failed: ${msg}`);
}

function validate(posts: SamplePost[]): void {
  const problems: string[] = [];
  const problem = (msg: string): void => {
    problems.push(msg);
  };
  const ids = new Set<string>();
  const byId = new Map<string, SamplePost>();
  const bodies = new Map<string, string>();
  for (const p of posts) {
    const { label } = p;
    if (!/^[0-9a-z]{6,7}$/.test(p.id)) problem(`bad id ${p.id}`);
    if (ids.has(p.id)) problem(`duplicate id ${p.id}`);
    ids.add(p.id);
    byId.set(p.id, p);
    if (p.created_utc < T0 || p.created_utc > T1) problem(`${p.id} created_utc out of range`);
    const words = wordCount(p.selftext);
    const where = `${p.id} (${p.title.slice(0, 50)})`;
    if (label.expect === 'keep') {
      if (!label.value || label.reason) problem(`${where}: keep label malformed`);
      if (!ADVICE_SUBREDDITS.includes(p.subreddit)) problem(`${where}: keep in non-advice sub ${p.subreddit}`);
      if (label.tags.includes('long')) {
        if (words < 1500) problem(`${where}: long post has only ${words} words`);
      } else if (words < 80 || words > 600) problem(`${where}: keep post has ${words} words`);
      if (p.over_18 || !p.is_self || p.stickied || p.distinguished || p.removed_by_category) problem(`${where}: keep post has reject metadata`);
    } else {
      if (label.value || !label.reason) problem(`${where}: reject label malformed`);
      if (label.reason === 'lang' && (!label.detail || words < 60)) problem(`${where}: lang post ${words} words / detail ${label.detail}`);
      if (label.reason === 'too_short' && (words === 0 || words >= 15)) problem(`${where}: too_short has ${words} words`);
      if (label.reason === 'empty' && p.selftext !== '') problem(`${where}: empty post has text`);
      if (label.reason === 'wrong_subreddit' && ADVICE_SUBREDDITS.includes(p.subreddit)) problem(`${where}: wrong_subreddit in advice sub`);
      if (label.reason === 'duplicate' || label.reason === 'near_duplicate') {
        const orig = byId.get(label.detail ?? '');
        if (!orig) {
          problem(`${where}: dup of unknown/later post ${label.detail}`);
          continue;
        }
        if (orig.created_utc >= p.created_utc) problem(`${where}: dup not later than original`);
        if (label.reason === 'duplicate' && orig.selftext !== p.selftext) problem(`${where}: duplicate body differs`);
        if (label.reason === 'near_duplicate' && !label.tags.includes('crosspost') && orig.selftext === p.selftext) problem(`${where}: near_duplicate body identical`);
        if (label.tags.includes('crosspost') && p.crosspost_parent !== `t3_${orig.id}`) problem(`${where}: crosspost_parent mismatch`);
      }
    }
    if (label.reason !== 'duplicate' && label.reason !== 'near_duplicate' && p.selftext.length > 40) {
      const prev = bodies.get(p.selftext);
      if (prev) problem(`${where}: body repeats ${prev} without a duplicate label`);
      bodies.set(p.selftext, p.id);
    }
  }
  for (let i = 1; i < posts.length; i++) {
    const a = posts[i - 1]!;
    const b = posts[i]!;
    if (a.created_utc > b.created_utc || (a.created_utc === b.created_utc && a.id >= b.id)) problem('not sorted');
  }
  if (problems.length) fail(`${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
}

function count<T extends string>(xs: (T | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) if (x !== null) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function report(posts: SamplePost[]): string {
  const lines: string[] = [];
  const keeps = posts.filter((p) => p.label.expect === 'keep');
  const rejects = posts.filter((p) => p.label.expect === 'reject');
  lines.push(`posts: ${posts.length} (keep ${keeps.length}, reject ${rejects.length})`);
  lines.push('keep by value (total / clean = no tags):');
  for (const v of SAMPLE_VALUE_IDS) {
    const ps = keeps.filter((p) => p.label.value === v);
    lines.push(`  ${v.padEnd(15)} ${String(ps.length).padStart(3)} / ${ps.filter((p) => p.label.tags.length === 0).length}`);
  }
  lines.push('reject by reason:');
  const rc = count(rejects.map((p) => p.label.reason));
  for (const r of REJECT_REASONS) lines.push(`  ${r.padEnd(15)} ${String(rc[r] ?? 0).padStart(3)}`);
  lines.push('lang by code:');
  const lc = count(rejects.filter((p) => p.label.reason === 'lang').map((p) => p.label.detail));
  for (const [k, n] of Object.entries(lc).sort()) lines.push(`  ${k.padEnd(15)} ${String(n).padStart(3)}`);
  lines.push('tags:');
  const tc = count(posts.flatMap((p) => p.label.tags));
  for (const t of LABEL_TAGS) lines.push(`  ${t.padEnd(17)} ${String(tc[t] ?? 0).padStart(3)}`);
  lines.push('subreddits (keep / reject):');
  const subs = [...new Set(posts.map((p) => p.subreddit))].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  for (const s of subs) {
    const k = keeps.filter((p) => p.subreddit === s).length;
    const r = rejects.filter((p) => p.subreddit === s).length;
    lines.push(`  r/${s.padEnd(20)} ${String(k).padStart(3)} / ${String(r).padStart(3)}`);
  }
  return lines.join('\n');
}

async function zstdStream(data: Buffer): Promise<Buffer> {
  // Streaming compression never pledges the content size, so the frame header declares the
  // full 2 GiB window (windowLog 31), like the real monthly dumps: `zstd -d` needs --long=31.
  const stream = new CompressStream({ compressionLevel: 19, windowLog: 31, enableLongDistanceMatching: true });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  // Feed in 64 KiB pieces, as a file stream would.
  for (let off = 0; off < data.length; off += 65536) stream.write(data.subarray(off, off + 65536));
  stream.end();
  await done;
  const out = Buffer.concat(chunks);
  // Frame header check: magic, then Frame_Header_Descriptor without Single_Segment_flag and
  // without Frame_Content_Size, then a Window_Descriptor of 2^31 (exponent 21, mantissa 0).
  if (out.readUInt32LE(0) !== 0xfd2fb528) fail('zstd magic');
  const fhd = out[4]!;
  if (fhd & 0x20) fail('zstd frame is single-segment (content size pledged)');
  if (fhd >> 6 !== 0) fail('zstd frame declares a content size');
  if (out[5] !== 21 << 3) fail(`zstd window descriptor ${out[5]} is not 2 GiB`);
  return out;
}

function recordLine(p: SamplePost): string {
  const { label: _label, ...rec } = p;
  return JSON.stringify(rec satisfies SubmissionRecord);
}

async function main(): Promise<void> {
  const posts = samplePosts;
  validate(posts);
  const ndjson = Buffer.from(posts.map(recordLine).join('\n') + '\n', 'utf8');
  const labels = posts.map((p) => JSON.stringify(p.label)).join('\n') + '\n';
  const zst = await zstdStream(ndjson);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'RS_sample.ndjson'), ndjson);
  writeFileSync(join(OUT, 'RS_sample.zst'), zst);
  writeFileSync(join(OUT, 'labels.jsonl'), labels);
  console.log(report(posts));
  console.log(`wrote ${OUT}/RS_sample.ndjson (${ndjson.length} bytes), RS_sample.zst (${zst.length} bytes), labels.jsonl`);
}

await main();
