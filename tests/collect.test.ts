import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompressStream, DecompressStream } from 'zstd-napi';
import { main } from '../pipeline/cli.ts';
import { ConfigSchema, DEFAULT_CONFIG } from '../pipeline/config.ts';
import { defaultSubreddits } from '../pipeline/collect/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { ValactError } from '../pipeline/core/errors.ts';
import { RawPostSchema, type RawPost } from '../pipeline/records.ts';
import { hasZstdCli } from '../pipeline/collect/dump.ts';
import { SAMPLE_DUMP, run, type CollectOptions } from '../pipeline/collect/run.ts';
import { DROPPED_FILE, type DroppedRecord } from '../pipeline/core/stage.ts';
import { prefilterLine, type Selection } from '../pipeline/collect/select.ts';
import { captureIo } from './support/io.ts';

/** The zstd-cli decoder needs the system zstd; .ci/run installs it. Without it, say so loudly. */
const ZSTD_CLI = hasZstdCli();
if (!ZSTD_CLI) console.warn('WARNING collect tests: no `zstd` on PATH, so the zstd-cli decoder cases are NOT run here (apt-get install zstd; .ci/run installs it)');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'valact-collect-'));
});

const T_2023_06_01 = 1685577600;

/** A Pushshift-style submission; `over` replaces or adds fields. */
function submission(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    all_awardings: [],
    author: 'someone',
    created_utc: T_2023_06_01 + 3600,
    id,
    is_self: true,
    num_comments: 3,
    over_18: false,
    permalink: `/r/Advice/comments/${id}/title/`,
    removed_by_category: null,
    score: 5,
    selftext: 'Should I take the job offer in another city or stay near my family?',
    stickied: false,
    subreddit: 'Advice',
    title: 'Job or family?',
    url: `https://www.reddit.com/r/Advice/comments/${id}/title/`,
    ...over,
  };
}

const ndjson = (records: unknown[]) => records.map((record) => JSON.stringify(record)).join('\n') + '\n';

async function longWindowZstd(text: string): Promise<Buffer> {
  const stream = new CompressStream({ compressionLevel: 3, windowLog: 31, enableLongDistanceMatching: true });
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  stream.end(Buffer.from(text));
  await ended;
  return Buffer.concat(parts);
}

let caseNumber = 0;
async function freshDataDir(): Promise<string> {
  caseNumber += 1;
  return join(dir, `data-${caseNumber}`);
}

function contextFor(dataDir: string, collect: Record<string, unknown>, force = false) {
  return createContext({ dataDir, config: ConfigSchema.parse({ collect }), quiet: true, force });
}

async function readJsonl<T = Record<string, unknown>>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

type SkippedEntry = DroppedRecord;
const skippedPath = (ctx: { paths: { raw: string } }) => join(ctx.paths.raw, DROPPED_FILE);

async function collectDump(files: string[], collect: Record<string, unknown> = {}, options: CollectOptions = {}) {
  const dataDir = await freshDataDir();
  const ctx = contextFor(dataDir, { source: 'dump', inputs: files, subreddits: ['Advice', 'relationship_advice'], ...collect });
  const stats = await run(ctx, options);
  const posts = await readJsonl<RawPost>(ctx.paths.rawPosts);
  const skipped = await readJsonl<SkippedEntry>(skippedPath(ctx));
  const report = JSON.parse(await readFile(ctx.paths.rawReport, 'utf8')) as { status: string; counts: typeof stats.counts };
  return { ctx, stats, posts, skipped, report };
}

// One line per case: what the line is, and where it must end up.
const SELECTION_CASES: [string, Record<string, unknown>, string][] = [
  ['a self post in a wanted subreddit', {}, 'kept'],
  ['a wanted subreddit in other letter case', { subreddit: 'ADVICE' }, 'kept'],
  ['another subreddit', { subreddit: 'gaming' }, 'wrong_subreddit'],
  ['a post before --after', { created_utc: T_2023_06_01 - 10 }, 'out_of_date_range'],
  ['a post at --before', { created_utc: T_2023_06_01 + 86400 * 30 }, 'out_of_date_range'],
  ['created_utc as a string', { created_utc: String(T_2023_06_01 + 7200) }, 'kept'],
  ['created_utc as a float', { created_utc: T_2023_06_01 + 7200.0 + 0.5 }, 'kept'],
  ['a link post', { is_self: false, selftext: '', url: 'https://i.redd.it/x.jpg' }, 'not_self_post'],
  ['removed by a moderator (flag)', { removed_by_category: 'moderator' }, 'removed'],
  ['deleted by its author (flag)', { removed_by_category: 'deleted' }, 'deleted'],
  ['a [removed] body without a flag', { selftext: '[removed]' }, 'removed'],
  ['a [deleted] body without a flag', { selftext: '[deleted]' }, 'deleted'],
  ['the "[ Removed by Reddit ]" banner', { selftext: '[ Removed by Reddit ]' }, 'removed'],
  ['the long Removed by Reddit banner', { selftext: '[ Removed by Reddit on account of violating the content policy. ]' }, 'removed'],
  ['a Removed by Reddit title', { title: '[ Removed by Reddit ]' }, 'removed'],
  ['an intact body whose author is [deleted]', { author: '[deleted]' }, 'deleted'],
  [
    'a cross-post whose nested parent is in a wanted subreddit',
    { subreddit: 'memes', is_self: false, crosspost_parent_list: [{ subreddit: 'Advice', id: 'zzz' }] },
    'wrong_subreddit',
  ],
  ['a spaced "subreddit": "Advice" member', { __spaced: true }, 'kept'],
];

describe('collect from dump files', () => {
  let outcome: Awaited<ReturnType<typeof collectDump>>;
  const ids = SELECTION_CASES.map((_, index) => `c${index.toString(36)}`);

  beforeAll(async () => {
    const lines = SELECTION_CASES.map(([, over], index) => {
      const { __spaced, ...fields } = over;
      const line = JSON.stringify(submission(ids[index]!, fields));
      return __spaced ? line.replace(/":/g, '": ') : line;
    });
    // A duplicate id (the first copy wins), an empty line, and a final line without a newline.
    lines.push(JSON.stringify(submission(ids[0]!, { title: 'the same id again' })), '');
    lines.push(JSON.stringify(submission('last1')));
    const file = join(dir, 'cases.ndjson');
    await writeFile(file, lines.join('\n'));
    outcome = await collectDump([file], { after: '2023-06-01', before: '2023-07-01' });
  });

  it.each(SELECTION_CASES.map(([label, , expected], index) => [label, expected, index] as const))('%s: %s', (_label, expected, index) => {
    const id = ids[index]!;
    const line = index + 1;
    if (expected === 'kept') {
      expect(outcome.posts.find((post) => post.id === id)).toMatchObject({ source: { kind: 'dump', file: 'cases.ndjson', line } });
    } else if (expected === 'wrong_subreddit') {
      expect(outcome.posts.some((post) => post.id === id)).toBe(false);
      expect(outcome.skipped.some((entry) => entry.id === id)).toBe(false);
    } else {
      expect(outcome.skipped.find((entry) => entry.line === line)).toMatchObject({ id, reason: expected, file: 'cases.ndjson' });
    }
  });

  it('keeps the first copy of a duplicate id and lists the second', () => {
    expect(outcome.posts.filter((post) => post.id === ids[0]).map((post) => post.title)).toEqual(['Job or family?']);
    expect(outcome.skipped.find((entry) => entry.reason === 'duplicate_id')).toMatchObject({ id: ids[0], line: SELECTION_CASES.length + 1 });
  });

  it('reads a last line without a newline and counts the empty line only as a line number', () => {
    expect(outcome.posts.at(-1)).toMatchObject({ id: 'last1', source: { line: SELECTION_CASES.length + 3 } });
  });

  it('writes valid RawPost records and a report whose counts add up per reason', () => {
    for (const post of outcome.posts) expect(RawPostSchema.safeParse(post).success).toBe(true);
    const expectedReasons: Record<string, number> = { duplicate_id: 1 };
    for (const [, , expected] of SELECTION_CASES) if (expected !== 'kept') expectedReasons[expected] = (expectedReasons[expected] ?? 0) + 1;
    const { counts } = outcome.report;
    expect(outcome.report.status).toBe('complete');
    expect(counts.per_reason).toEqual(expectedReasons);
    expect(counts.in).toBe(SELECTION_CASES.length + 2);
    expect(counts.out).toBe(outcome.posts.length);
    expect(counts.in).toBe(counts.out + counts.rejected + counts.quarantined);
  });
});

describe('prefilter on raw bytes', () => {
  const selection: Selection = { subreddits: new Set(['advice']), afterUtc: null, beforeUtc: null, selfPostsOnly: true, skipRemoved: true };
  const dated: Selection = { ...selection, afterUtc: 1000, beforeUtc: 2000 };
  it.each([
    ['another subreddit', '{"id":"a","subreddit":"gaming"}', selection, 'wrong_subreddit'],
    ['a wanted subreddit (parse it)', '{"id":"a","subreddit":"Advice"}', selection, null],
    ['a nested wanted subreddit (parse it)', '{"crosspost_parent_list":[{"subreddit":"Advice"}],"subreddit":"gaming"}', selection, null],
    ['an escaped name (parse it)', '{"subreddit":"Adv\\u0069ce"}', selection, null],
    ['no subreddit member (parse it)', '{"id":"a"}', selection, null],
    ['a null subreddit (parse it)', '{"subreddit":null}', selection, null],
    ['out of the date range', '{"subreddit":"Advice","created_utc":999}', dated, 'out_of_date_range'],
    ['a quoted date in range (parse it)', '{"subreddit":"Advice","created_utc":"1500"}', dated, null],
    ['a nested date in range (parse it)', '{"subreddit":"Advice","created_utc":5,"x":[{"created_utc":1500}]}', dated, null],
  ] as const)('%s', (_label, line, sel, expected) => {
    expect(prefilterLine(Buffer.from(line), sel)).toBe(expected);
  });
});

describe('dump formats', () => {
  const records = [submission('f1'), submission('f2', { subreddit: 'pics' }), submission('f3', { subreddit: 'relationship_advice' })];
  const expectedIds = ['f1', 'f3'];

  it('needs a 2 GiB window for the test .zst (the default decoder refuses it)', async () => {
    const compressed = await longWindowZstd(ndjson(records));
    const plain = new DecompressStream();
    const failure = new Promise<Error>((resolve) => plain.on('error', resolve));
    plain.end(compressed);
    expect((await failure).message).toMatch(/too much memory/);
  });

  // The system zstd rows run only where a zstd binary is installed.
  it.each(([
    ['a long-window .zst, zstd-napi', 'dump.zst', 'zstd-napi'],
    ['a long-window .zst, system zstd', 'dump-cli.zst', 'zstd-cli'],
    ['plain .ndjson', 'dump.ndjson', 'zstd-napi'],
    ['plain .jsonl', 'dump.jsonl', 'zstd-napi'],
  ] as const).filter(([, , decoder]) => decoder !== 'zstd-cli' || ZSTD_CLI))('reads %s', async (_label, name, decoder) => {
    const file = join(dir, name);
    const text = ndjson(records);
    await writeFile(file, name.endsWith('.zst') ? await longWindowZstd(text) : text);
    const { posts, report } = await collectDump([file], { decoder });
    expect(posts.map((post) => post.id)).toEqual(expectedIds);
    expect(report.counts).toMatchObject({ in: 3, out: 2, per_reason: {} });
  });

  it.each([
    ['plain NDJSON', false],
    ['zstd (recognised by its magic number)', true],
  ] as const)('reads %s from stdin (--input -)', async (_label, compressed) => {
    const text = ndjson(records);
    const bytes = compressed ? await longWindowZstd(text) : Buffer.from(text);
    // Split the input into small pieces so lines and frames straddle chunks.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const { posts } = await collectDump(['-'], {}, { stdin: Readable.from(pieces) });
    expect(posts.map((post) => [post.id, post.source.file])).toEqual(expectedIds.map((id) => [id, 'stdin']));
  });

  it('reads several files in one run, with ids unique across them', async () => {
    const first = join(dir, 'one.ndjson');
    const second = join(dir, 'two.zst');
    await writeFile(first, ndjson([submission('m1'), submission('m2')]));
    await writeFile(second, await longWindowZstd(ndjson([submission('m2'), submission('m3')])));
    const { posts, skipped } = await collectDump([first, second]);
    expect(posts.map((post) => `${post.source.file}:${post.id}`)).toEqual(['one.ndjson:m1', 'one.ndjson:m2', 'two.zst:m3']);
    expect(skipped).toEqual([expect.objectContaining({ id: 'm2', reason: 'duplicate_id', file: 'two.zst', line: 1 })]);
  });

  it('stops after --limit posts', async () => {
    const file = join(dir, 'limit.ndjson');
    await writeFile(file, ndjson([submission('l1'), submission('l2'), submission('l3')]));
    const { posts, stats } = await collectDump([file], { limit: 2 });
    expect(posts.map((post) => post.id)).toEqual(['l1', 'l2']);
    expect(stats.stoppedAtLimit).toBe(true);
  });

  it('stops a .zst read on the decoder thread after --limit posts, and the next read starts afresh', async () => {
    const file = join(dir, 'limit.zst');
    await writeFile(file, await longWindowZstd(ndjson(Array.from({ length: 2000 }, (_, i) => submission(`z${i.toString(36)}`)))));
    const limited = await collectDump([file], { limit: 3, decoder: 'zstd-napi' });
    expect(limited.posts.map((post) => post.id)).toEqual(['z0', 'z1', 'z2']);
    expect(limited.stats.stoppedAtLimit).toBe(true);
    const whole = await collectDump([file], { decoder: 'zstd-napi' });
    expect(whole.report.counts).toMatchObject({ in: 2000, out: 2000 });
  });
});

describe('malformed lines and broken files', () => {
  const good = Array.from({ length: 20 }, (_, i) => submission(`g${i}`));

  it.each([
    ['not JSON', '{"id": "bad1", "subreddit": "Advice", ', 'malformed_json'],
    ['JSON but no id', JSON.stringify({ subreddit: 'Advice', title: 't' }), 'malformed_record'],
    ['an upper-case id', JSON.stringify(submission('BAD2')), 'malformed_record'],
    ['a record that is not an object', '[1,2,3]', 'malformed_record'],
  ] as const)('quarantines %s with file and line and carries on', async (_label, badLine, reason) => {
    const file = join(dir, `malformed-${reason}-${caseNumber}.ndjson`);
    await writeFile(file, ndjson(good.slice(0, 5)) + badLine + '\n' + ndjson(good.slice(5)));
    const { posts, skipped, report } = await collectDump([file], { max_malformed_share: 0.1 });
    expect(posts).toHaveLength(20);
    expect(skipped).toEqual([expect.objectContaining({ reason, file: file.split('/').pop(), line: 6 })]);
    expect(report.counts).toMatchObject({ in: 21, out: 20, quarantined: 1 });
  });

  it('aborts past max_malformed_share and leaves the previous posts.jsonl untouched', async () => {
    const dataDir = await freshDataDir();
    const goodFile = join(dir, 'good.ndjson');
    await writeFile(goodFile, ndjson(good));
    const first = contextFor(dataDir, { source: 'dump', inputs: [goodFile], subreddits: ['Advice'] });
    await run(first);
    const before = await readFile(first.paths.rawPosts, 'utf8');
    const badFile = join(dir, 'bad.ndjson');
    await writeFile(badFile, ndjson(good.slice(0, 3)) + 'garbage\nmore garbage\n');
    const second = contextFor(dataDir, { source: 'dump', inputs: [badFile], subreddits: ['Advice'], max_malformed_share: 0.1 });
    const error = await run(second).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValactError);
    expect(error).toMatchObject({ code: 'malformed_input', message: expect.stringMatching(/bad\.ndjson: 2 of 5 lines/) });
    expect((error as ValactError).message).toMatch(/bad\.ndjson:4/);
    expect(await readFile(first.paths.rawPosts, 'utf8')).toBe(before);
  });

  it.each(([
    ['truncated, zstd-napi', 'truncate', 'zstd-napi', /truncated\.zst: the file ends in the middle of a zstd frame at compressed byte \d+ of \d+/],
    ['corrupt, zstd-napi', 'corrupt', 'zstd-napi', /corrupt\.zst: corrupt zstd data near compressed byte \d+ of \d+/],
    ['truncated, system zstd', 'truncate', 'zstd-cli', /truncated\.zst: zstd could not decode the file after \d+ uncompressed bytes/],
  ] as const).filter(([, , decoder]) => decoder !== 'zstd-cli' || ZSTD_CLI))('a %s file ends the run with an error naming the file and offset', async (_label, damage, decoder, pattern) => {
    const text = ndjson(Array.from({ length: 3000 }, (_, i) => submission(`t${i.toString(36)}`, { selftext: `body ${i} `.repeat(40 + (i % 13)) })));
    const whole = await longWindowZstd(text);
    const damaged = Buffer.from(whole);
    if (damage === 'corrupt') damaged.fill(0xff, Math.floor(whole.length / 2), Math.floor(whole.length / 2) + 64);
    const file = join(dir, damage === 'truncate' ? 'truncated.zst' : 'corrupt.zst');
    await writeFile(file, damage === 'truncate' ? whole.subarray(0, Math.floor(whole.length * 0.6)) : damaged);
    const dataDir = await freshDataDir();
    const previous = contextFor(dataDir, { source: 'dump', inputs: [join(dir, 'good.ndjson')], subreddits: ['Advice'] });
    await run(previous);
    const before = await readFile(previous.paths.rawPosts, 'utf8');
    const error = await run(contextFor(dataDir, { source: 'dump', inputs: [file], subreddits: ['Advice'], decoder })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'input', message: expect.stringMatching(pattern) });
    expect(await readFile(previous.paths.rawPosts, 'utf8')).toBe(before);
  });

  it('counts the bytes it decoded before corrupt data, not only the bytes it handed on', async () => {
    const text = ndjson(Array.from({ length: 400 }, (_, i) => submission(`g${i.toString(36)}`, { selftext: `body ${i} `.repeat(60) })));
    const file = join(dir, 'trailing-garbage.zst');
    await writeFile(file, Buffer.concat([await longWindowZstd(text), Buffer.alloc(4096, 0x5a)]));
    const error = await collectDump([file], { decoder: 'zstd-napi' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'input' });
    const decoded = Number(/\((\d+) uncompressed bytes decoded\)/.exec((error as Error).message)?.[1]);
    expect(decoded).toBe(Buffer.byteLength(text));
  });

  it('refuses a .zst that is not zstd at all', async () => {
    const file = join(dir, 'plain-named.zst');
    await writeFile(file, ndjson(good));
    await expect(collectDump([file], { decoder: 'zstd-napi' })).rejects.toMatchObject({ code: 'input', message: expect.stringContaining('plain-named.zst') });
  });
});

describe('inputs that must not pass quietly', () => {
  it.each(['skip', 'keep'] as const)('counts lines that are not valid UTF-8 per file, and with %s does what it says', async (policy) => {
    const file = join(dir, `utf8-${policy}.ndjson`);
    const good = Buffer.from(ndjson([submission('u1')]));
    // A lone continuation byte (0x80) in the title: not UTF-8.
    const [head, tail] = JSON.stringify(submission('u2', { title: 'Job or BAD?' })).split('BAD');
    await writeFile(file, Buffer.concat([good, Buffer.from(head!), Buffer.from([0x80]), Buffer.from(`${tail!}\n`)]));
    const { stats, posts, skipped, report } = await collectDump([file], { invalid_utf8: policy });
    const details = (report as unknown as { details: { per_input: { invalid_utf8: number }[]; invalid_utf8: string } }).details;
    expect(details.per_input[0]!.invalid_utf8).toBe(1);
    expect(details.invalid_utf8).toBe(policy);
    if (policy === 'skip') {
      expect(posts.map((post) => post.id)).toEqual(['u1']);
      expect(skipped).toEqual([expect.objectContaining({ id: 'u2', reason: 'invalid_utf8', line: 2 })]);
      expect(stats.counts.per_reason).toEqual({ invalid_utf8: 1 });
    } else {
      expect(posts.map((post) => post.id)).toEqual(['u1', 'u2']);
      expect(posts[1]!.title).toContain('\uFFFD');
    }
  });

  it.each([
    ['an empty .ndjson', 'empty.ndjson', Buffer.alloc(0)],
    ['a file of blank lines', 'blank.ndjson', Buffer.from('\n\n  \n\n')],
    ['a 0-byte .zst', 'empty.zst', Buffer.alloc(0)],
  ])('refuses %s with exit 3 naming the file, keeping the previous posts, unless --allow-empty', async (_label, name, bytes) => {
    const dataDir = await freshDataDir();
    const goodFile = join(dir, `before-${name}.ndjson`);
    await writeFile(goodFile, ndjson([submission('e1'), submission('e2')]));
    await run(contextFor(dataDir, { source: 'dump', inputs: [goodFile], subreddits: ['Advice'] }));
    const before = await readFile(join(dataDir, 'raw', 'posts.jsonl'));
    const file = join(dir, name);
    await writeFile(file, bytes);
    const io = captureIo();
    const code = await main(['collect', '--source', 'dump', file, '--subreddits', 'Advice', '--data', dataDir, '--quiet'], io);
    expect(code).toBe(3);
    expect(io.err()).toContain(file);
    expect(await readFile(join(dataDir, 'raw', 'posts.jsonl'))).toEqual(before);
    const allowed = await main(['collect', '--source', 'dump', file, '--subreddits', 'Advice', '--data', dataDir, '--quiet', '--allow-empty'], captureIo());
    expect(allowed).toBe(0);
    expect(await readFile(join(dataDir, 'raw', 'posts.jsonl'), 'utf8')).toBe('');
  });

  it('refuses a folder given as --input, naming it, with exit 3', async () => {
    const io = captureIo();
    const code = await main(['collect', '--source', 'dump', dir, '--data', await freshDataDir(), '--quiet'], io);
    expect(code).toBe(3);
    expect(io.err()).toContain(`${dir}: a folder, not a dump file`);
    expect(io.err()).not.toMatch(/internal error|EISDIR/);
  });

  it.each(['../../api/v1/me', 'x?y=1#', 'a b', 'way_too_long_for_a_subreddit_name', '_under'])('refuses the subreddit name %j before any request', async (name) => {
    const io = captureIo();
    const code = await main(['collect', '--source', 'reddit', '--subreddits', `Advice,${name}`, '--data', await freshDataDir(), '--quiet'], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/subreddit name/);
  });
});

describe('re-runs and the command line', () => {
  it('skips a finished run on the same inputs and config, and redoes it with force', async () => {
    const file = join(dir, 'rerun.ndjson');
    await writeFile(file, ndjson([submission('r1')]));
    const dataDir = await freshDataDir();
    const collect = { source: 'dump', inputs: [file], subreddits: ['Advice'] };
    expect((await run(contextFor(dataDir, collect))).written).toBe(1);
    expect((await run(contextFor(dataDir, collect))).upToDate).toBe(true);
    expect((await run(contextFor(dataDir, collect, true))).written).toBe(1);
    expect((await run(contextFor(dataDir, { ...collect, limit: 5 }))).upToDate).toBe(false);
  });

  it('runs from the CLI with flags and prints the counts', async () => {
    const file = join(dir, 'cli.ndjson');
    await writeFile(file, ndjson([submission('k1'), submission('k2', { subreddit: 'pics' })]));
    const io = captureIo();
    const dataDir = await freshDataDir();
    const code = await main(['collect', '--source', 'dump', file, '--subreddits', 'Advice', '--data', dataDir, '--quiet'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toMatch(/2 read, 1 written .* 1 skipped, 0 malformed/);
    expect(io.out()).toMatch(/wrong_subreddit 1/);
  });

  it.each([
    [['--after', '2023-02-30'], /--after must be a calendar date/],
    [['--after', '2023-05-01', '--before', '2023-04-01'], /--before \(2023-04-01\) must be later than --after/],
    [['--source', 'dump'], /--source dump needs at least one --input/],
  ])('rejects bad options %j', async (flags, pattern) => {
    const io = captureIo();
    const code = await main(['collect', ...flags, '--data', await freshDataDir()], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(pattern);
  });

  it('a missing sample corpus is a clear input error', async () => {
    const ctx = contextFor(await freshDataDir(), { source: 'sample' });
    await expect(run(ctx, { sampleFile: join(dir, 'no-such-sample.zst') })).rejects.toMatchObject({ code: 'input', message: expect.stringContaining('sample corpus') });
  });
});

describe('the bundled sample corpus', () => {
  it('is in the checkout', () => {
    // Part of the repository: a missing file is a broken checkout, never a reason to skip.
    expect(existsSync(SAMPLE_DUMP), `${SAMPLE_DUMP} is missing; restore it from git or run \`npm run sample\``).toBe(true);
  });

  it('collects with the defaults, every line accounted for, wrong-subreddit posts skipped', async () => {
    const dataDir = await freshDataDir();
    const ctx = contextFor(dataDir, {});
    const stats = await run(ctx);
    const posts = await readJsonl<RawPost>(ctx.paths.rawPosts);
    const skipped = await readJsonl<SkippedEntry>(skippedPath(ctx));
    const labels = await readJsonl<{ id: string; expect: string; reason: string | null }>(join(SAMPLE_DUMP, '..', 'labels.jsonl'));
    expect(stats.counts.in).toBe(labels.length);
    expect(stats.counts.in).toBe(stats.counts.out + stats.counts.rejected + stats.counts.quarantined);
    expect(stats.counts.quarantined).toBe(0);
    const postIds = new Set(posts.map((post) => post.id));
    for (const post of posts) expect(post.source).toMatchObject({ kind: 'sample', file: 'RS_sample.zst' });
    for (const label of labels.filter((entry) => entry.reason === 'wrong_subreddit')) expect(postIds.has(label.id)).toBe(false);
    // Every post the labels keep survives collect; removed and deleted ones are skipped with that reason.
    const reasonOf = new Map(skipped.map((entry) => [entry.id, entry.reason]));
    for (const label of labels) {
      if (label.expect === 'keep') expect(postIds.has(label.id)).toBe(true);
      if (label.reason === 'removed' || label.reason === 'deleted') expect(reasonOf.get(label.id)).toBe(label.reason);
    }
    // Whatever is neither written nor listed is from a subreddit outside the selection, and counted.
    const listed = new Set(skipped.map((entry) => entry.id));
    const wanted = new Set(defaultSubreddits(DEFAULT_CONFIG.collect.value_subreddits).map((name) => name.toLowerCase()));
    const records = await readJsonl<{ id: string; subreddit: string }>(join(SAMPLE_DUMP, '..', 'RS_sample.ndjson'));
    const unlisted = records.filter((record) => !postIds.has(record.id) && !listed.has(record.id));
    for (const record of unlisted) expect(wanted.has(record.subreddit.toLowerCase())).toBe(false);
    expect(stats.counts.per_reason.wrong_subreddit).toBe(unlisted.length);
  });
});
