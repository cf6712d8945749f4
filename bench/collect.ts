/**
 * `npm run bench:collect` — how close `valact collect` on a monthly-dump-sized file comes to
 * the speed of decompression alone, and how much memory it holds.
 *
 * 1. Generates once (cached in .bench-cache/, git-ignored) a synthetic RS dump: ~300,000
 *    submissions with the ~105 fields of a 2023 record, ~4.3 KB a line, ~5% in the advice
 *    subreddits, some removed / link / cross-post records, compressed with a 2 GiB window
 *    (`--long=31`) by the system zstd (or zstd-napi when there is none).
 * 2. Times decompression alone with zstd-napi (in a fresh Node process) and with the zstd CLI
 *    (to /dev/null), and measures the decoder window's resident bytes.
 * 3. Times `valact collect --source dump` in a child process with each decoder, reads the
 *    child's own peak RSS (VmHWM; see "measurements" for why not getrusage), and in one more
 *    run samples how much of that RSS is the decoder window and how much is everything else.
 *
 * Options: --records N (default 300000), --regenerate, --runs N (default 1).
 * Figures are printed; nothing is asserted.
 */
import { mulberry32 } from '../pipeline/core/seeded-random.ts';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, openSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { CompressStream } from 'zstd-napi';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { defaultSubreddits } from '../pipeline/collect/config.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(REPO, '.bench-cache');

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '300000' },
    regenerate: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
  },
});
const RECORDS = Number(args.records);
const RUNS = Math.max(1, Number(args.runs));

// ---------- synthetic dump ----------


const WORDS = (
  'the a my our to and of in for with on at about my boyfriend girlfriend husband wife mom dad sister brother friend ' +
  'job offer career move city apartment rent money savings loan college degree school manager boss coworker team ' +
  'wedding family church holiday trip travel year month week weekend dog cat house car should would could feel think ' +
  'want need decide choice option stay leave quit take accept decline honestly really just never always maybe because ' +
  'but so if when while after before since until although I he she they we it this that these those what how why'
).split(' ');

function sentencePool(random: () => number): string[] {
  const pool: string[] = [];
  for (let i = 0; i < 4000; i += 1) {
    const length = 6 + Math.floor(random() * 22);
    const words: string[] = [];
    for (let w = 0; w < length; w += 1) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    const text = words.join(' ');
    pool.push(text.charAt(0).toUpperCase() + text.slice(1) + (random() < 0.15 ? '?' : '.'));
  }
  return pool;
}

function body(random: () => number, pool: string[], targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const sentence = pool[Math.floor(random() * pool.length)]!;
    parts.push(sentence);
    size += sentence.length + 1;
    if (random() < 0.12) {
      parts.push('\\n\\n');
      size += 4;
    }
  }
  return parts.join(' ');
}

const base36 = (n: number) => n.toString(36);

function generateLines(count: number, onBatch: (text: string) => Promise<void>): Promise<{ advice: number; bytes: number }> {
  const random = mulberry32(20230101);
  const pool = sentencePool(random);
  const advice = defaultSubreddits(DEFAULT_CONFIG.collect.value_subreddits);
  const others = Array.from({ length: 5000 }, (_, i) => `community_${base36(i * 7919 + 1000)}`).concat(['AskReddit', 'memes', 'gaming', 'pics', 'news', 'worldnews', 'funny']);
  const firstId = 36 ** 6 * 2;
  const t0 = 1672531200;
  let adviceCount = 0;
  let totalBytes = 0;
  return (async () => {
    const batch: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const isAdvice = random() < 0.05;
      if (isAdvice) adviceCount += 1;
      const subreddit = isAdvice ? advice[Math.floor(random() * advice.length)]! : others[Math.floor(random() * others.length)]!;
      const id = base36(firstId + i * 3 + Math.floor(random() * 3));
      const created = t0 + Math.floor((i / count) * 31 * 86400);
      const kindRoll = random();
      const isSelf = kindRoll > 0.3;
      const removedRoll = random();
      const removedCategory = removedRoll < 0.06 ? '"moderator"' : removedRoll < 0.09 ? '"deleted"' : 'null';
      const text = !isSelf ? '' : removedRoll < 0.06 ? '[removed]' : removedRoll < 0.09 ? '[deleted]' : body(random, pool, 800 + Math.floor(random() * random() * 7000));
      const title = body(random, pool, 30 + Math.floor(random() * 80)).replace(/\\n\\n/g, '');
      const author = `user_${base36(Math.floor(random() * 1e9))}`;
      const score = Math.floor(random() * random() * 5000);
      const comments = Math.floor(score * random());
      const permalink = `/r/${subreddit}/comments/${id}/some_title_slug_for_post/`;
      const url = isSelf ? `https://www.reddit.com${permalink}` : `https://i.redd.it/${base36(Math.floor(random() * 1e12))}.jpg`;
      const crosspost = !isSelf && random() < 0.07
        ? `"crosspost_parent":"t3_${base36(firstId - 1000 - i)}","crosspost_parent_list":[{"author":"someone_else","created_utc":${created - 5000},"id":"${base36(firstId - 1000 - i)}","is_self":true,"num_comments":12,"over_18":false,"permalink":"/r/${advice[i % advice.length]}/comments/x/","score":44,"selftext":"${body(random, pool, 600)}","subreddit":"${advice[i % advice.length]}","title":"Original","url":"https://www.reddit.com/r/x/comments/x/"}],`
        : '';
      const line =
        `{"all_awardings":[],"allow_live_comments":false,"approved_at_utc":null,"approved_by":null,"archived":false,"author":"${author}",` +
        `"author_flair_background_color":null,"author_flair_css_class":null,"author_flair_richtext":[],"author_flair_template_id":null,"author_flair_text":null,` +
        `"author_flair_text_color":null,"author_flair_type":"text","author_fullname":"t2_${base36(Math.floor(random() * 1e10))}","author_is_blocked":false,` +
        `"author_patreon_flair":false,"author_premium":false,"awarders":[],"banned_at_utc":null,"banned_by":null,"can_gild":false,"can_mod_post":false,` +
        `"category":null,"clicked":false,"content_categories":null,"contest_mode":false,"created":${created},"created_utc":${created},${crosspost}` +
        `"discussion_type":null,"distinguished":null,"domain":"${isSelf ? `self.${subreddit}` : 'i.redd.it'}","downs":0,"edited":false,"gilded":0,"gildings":{},` +
        `"hidden":false,"hide_score":false,"id":"${id}","is_created_from_ads_ui":false,"is_crosspostable":true,"is_meta":false,"is_original_content":false,` +
        `"is_reddit_media_domain":${!isSelf},"is_robot_indexable":true,"is_self":${isSelf},"is_video":false,"likes":null,"link_flair_background_color":"",` +
        `"link_flair_css_class":null,"link_flair_richtext":[],"link_flair_text":null,"link_flair_text_color":"dark","link_flair_type":"text","locked":false,` +
        `"media":null,"media_embed":{},"media_only":false,"mod_note":null,"mod_reason_by":null,"mod_reason_title":null,"mod_reports":[],"name":"t3_${id}",` +
        `"no_follow":true,"num_comments":${comments},"num_crossposts":0,"num_reports":null,"over_18":false,"parent_whitelist_status":"all_ads",` +
        `"permalink":"${permalink}","pinned":false,"post_hint":${isSelf ? 'null' : '"image"'},"preview":${isSelf ? 'null' : `{"enabled":true,"images":[{"id":"${base36(Math.floor(random() * 1e12))}","resolutions":[{"height":108,"url":"https://preview.redd.it/a.jpg?width=108&amp;crop=smart","width":108},{"height":216,"url":"https://preview.redd.it/a.jpg?width=216&amp;crop=smart","width":216}],"source":{"height":1024,"url":"https://preview.redd.it/a.jpg","width":768},"variants":{}}]}`},` +
        `"pwls":6,"quarantine":false,"removal_reason":null,"removed_by":null,"removed_by_category":${removedCategory},"report_reasons":null,` +
        `"retrieved_on":${created + 3600},"saved":false,"score":${score},"secure_media":null,"secure_media_embed":{},"selftext":"${text}","send_replies":true,` +
        `"spoiler":false,"stickied":false,"subreddit":"${subreddit}","subreddit_id":"t5_${base36(subreddit.length * 99991)}","subreddit_name_prefixed":"r/${subreddit}",` +
        `"subreddit_subscribers":${Math.floor(random() * 5e6)},"subreddit_type":"public","suggested_sort":null,"thumbnail":"${isSelf ? 'self' : 'default'}",` +
        `"thumbnail_height":null,"thumbnail_width":null,"title":"${title}","top_awarded_type":null,"total_awards_received":0,"treatment_tags":[],"ups":${score},` +
        `"upvote_ratio":${(0.5 + random() / 2).toFixed(2)},"url":"${url}","user_reports":[],"view_count":null,"visited":false,"whitelist_status":"all_ads","wls":6}`;
      batch.push(line);
      if (batch.length === 2000 || i === count - 1) {
        const text = batch.join('\n') + '\n';
        totalBytes += Buffer.byteLength(text);
        batch.length = 0;
        await onBatch(text);
      }
    }
    return { advice: adviceCount, bytes: totalBytes };
  })();
}

const hasZstdCli = spawnSync('zstd', ['--version'], { stdio: 'ignore' }).status === 0;

interface DumpMeta {
  records: number;
  advice_records: number;
  uncompressed_bytes: number;
  compressed_bytes: number;
  compressor: string;
  generate_seconds: number;
}

async function ensureDump(): Promise<{ file: string; meta: DumpMeta }> {
  const file = join(CACHE, `RS_synthetic-${RECORDS}.zst`);
  const metaFile = `${file}.json`;
  if (!args.regenerate && existsSync(file) && existsSync(metaFile)) {
    return { file, meta: JSON.parse(await readFile(metaFile, 'utf8')) as DumpMeta };
  }
  await mkdir(CACHE, { recursive: true });
  const temporary = `${file}.partial`;
  const started = performance.now();
  let result: { advice: number; bytes: number };
  let compressor: string;
  if (hasZstdCli) {
    // Reading stdin, zstd does not know the size, so the frame keeps the full 2 GiB window, like the real dumps.
    compressor = 'zstd -3 --long=31 -T2 (stdin)';
    const child = spawn('zstd', ['-3', '--long=31', '-T2', '-q', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out = createWriteStream(temporary);
    child.stdout.pipe(out);
    result = await generateLines(RECORDS, async (text) => {
      if (!child.stdin.write(text)) await once(child.stdin, 'drain');
    });
    child.stdin.end();
    await once(out, 'finish');
  } else {
    compressor = 'zstd-napi level 3, windowLog 31, long distance matching, 2 workers';
    const compress = new CompressStream({ compressionLevel: 3, windowLog: 31, enableLongDistanceMatching: true, nbWorkers: 2 });
    const out = createWriteStream(temporary);
    compress.pipe(out);
    result = await generateLines(RECORDS, async (text) => {
      if (!compress.write(text)) await once(compress, 'drain');
    });
    compress.end();
    await once(out, 'finish');
  }
  await rename(temporary, file);
  const meta: DumpMeta = {
    records: RECORDS,
    advice_records: result.advice,
    uncompressed_bytes: result.bytes,
    compressed_bytes: (await stat(file)).size,
    compressor,
    generate_seconds: (performance.now() - started) / 1000,
  };
  await writeFile(metaFile, JSON.stringify(meta, null, 2) + '\n');
  return { file, meta };
}

// ---------- measurements ----------
//
// Every measurement runs in a child process, so this process never holds a decoder window.
// That matters for the memory figures: on Linux a child's `getrusage` maxRSS (what
// process.resourceUsage().maxRSS and /usr/bin/time report) starts from the RSS its parent had
// when it forked, because exec keeps the larger of the two; a bench process still holding a
// 1.3 GB window made every child "peak" at 1.3 GB whatever it did. The children therefore
// report VmHWM from /proc/self/status (the peak of their own address space since exec).

/**
 * Code shared by the children: memory probes read from /proc (Linux). The decoder's window is the
 * one anonymous mapping of 2 GiB or more (zstd allocates windowSize + a block at once); its
 * resident bytes are the pages the decoder has written so far.
 */
const MEMORY_PROBES = `
const { readFileSync } = await import('node:fs');
const WINDOW_MIN_BYTES = 2 ** 31;
function peakRssBytes() {
  const match = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}
/** Resident bytes of the whole process and of the decoder window, from one read of smaps. */
function residentSplit() {
  let total = 0;
  let windowBytes = 0;
  let size = 0;
  let anonymous = false;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \\S+ \\S+ \\S+ \\S+\\s*(.*)$/.exec(line);
    if (header) {
      size = parseInt(header[2], 16) - parseInt(header[1], 16);
      anonymous = header[3] === '';
      continue;
    }
    const rss = /^Rss:\\s+(\\d+) kB/.exec(line);
    if (!rss) continue;
    total += Number(rss[1]) * 1024;
    if (anonymous && size >= WINDOW_MIN_BYTES) windowBytes += Number(rss[1]) * 1024;
  }
  return { total, windowBytes };
}
`;

interface ChildReport {
  exitCode?: number;
  seconds?: number;
  bytes?: number;
  peakRssBytes: number | null;
  /** At the end of decoding: the window's resident bytes. */
  windowBytes?: number;
  /** Sampled runs: the most the process held beyond the window at any sample, and the samples taken. */
  maxBeyondWindowBytes?: number;
  maxWindowBytes?: number;
  samples?: number;
}

async function runChild(args: string[], code: string, env: NodeJS.ProcessEnv = process.env): Promise<{ wallSeconds: number; report: ChildReport }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--input-type=module', '--eval', code], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.resume();
  await once(child, 'close');
  const wallSeconds = (performance.now() - started) / 1000;
  const marker = /BENCH (\{.*\})/.exec(stderr);
  if (!marker) throw new Error(`bench child failed:\n${stderr}`);
  return { wallSeconds, report: JSON.parse(marker[1]!) as ChildReport };
}

/**
 * Decompression alone with zstd-napi, in a fresh Node process on its main thread: read 1 MiB,
 * decode into one reused 1 MiB buffer (the fastest of the loops tried: stream or readSync input,
 * 128 KiB to 16 MiB output, all within noise). `seconds` is the decode loop alone.
 */
async function decompressInProcess(file: string): Promise<{ seconds: number; wallSeconds: number; bytes: number; windowBytes: number; peakRssBytes: number | null }> {
  const code = `${MEMORY_PROBES}
const { openSync, readSync } = await import('node:fs');
const zstd = (await import('node:module')).createRequire(${JSON.stringify(join(REPO, 'package.json'))})('zstd-napi/binding.js');
const started = performance.now();
const context = new zstd.DCtx();
context.setParameter(zstd.DParameter.windowLogMax, 31);
const fd = openSync(${JSON.stringify(file)}, 'r');
const input = Buffer.allocUnsafe(1 << 20);
const output = Buffer.allocUnsafe(1 << 20);
let bytes = 0;
for (;;) {
  const length = readSync(fd, input, 0, input.length, null);
  if (length === 0) break;
  let pending = input.subarray(0, length);
  for (;;) {
    const [hint, produced, consumed] = context.decompressStream(output, pending);
    bytes += produced;
    pending = pending.subarray(consumed);
    if (pending.length === 0 && (produced < output.length || hint === 0)) break;
  }
}
const seconds = (performance.now() - started) / 1000;
const { windowBytes } = residentSplit();
process.stderr.write('BENCH ' + JSON.stringify({ seconds, bytes, windowBytes, peakRssBytes: peakRssBytes() }) + '\\n');`;
  const { wallSeconds, report } = await runChild([], code);
  return { seconds: report.seconds!, wallSeconds, bytes: report.bytes!, windowBytes: report.windowBytes!, peakRssBytes: report.peakRssBytes };
}

/** The zstd CLI decoding to /dev/null (an fd on /dev/null, not a pipe someone has to drain). */
async function decompressCli(file: string): Promise<{ seconds: number }> {
  const devNull = openSync('/dev/null', 'w');
  try {
    const started = performance.now();
    const child = spawn('zstd', ['-d', '-c', '-q', '--long=31', file], { stdio: ['ignore', devNull, 'inherit'] });
    const [code] = (await once(child, 'close')) as [number];
    if (code !== 0) throw new Error(`zstd exited ${code}`);
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    closeSync(devNull);
  }
}

interface CollectRunFigures {
  wallSeconds: number;
  stageSeconds: number;
  peakRssBytes: number | null;
  written: number;
  read: number;
  maxBeyondWindowBytes?: number;
  maxWindowBytes?: number;
  samples?: number;
}

/**
 * `valact collect` in a child process. With `sampleMemory` the child also reads /proc/self/smaps
 * every 50 ms (about 2 ms a read, on the main thread between chunks) to split its RSS into the
 * decoder window and everything else; those runs are not used for timing.
 */
async function collectChild(file: string, decoder: string, sampleMemory: boolean): Promise<CollectRunFigures> {
  const dataDir = join(CACHE, `data-${decoder}`);
  await rm(dataDir, { recursive: true, force: true });
  const cli = join(REPO, 'pipeline', 'cli.ts');
  const argv = ['collect', '--source', 'dump', '--input', file, '--decoder', decoder, '--data', dataDir, '--quiet', '--force'];
  const code = `${MEMORY_PROBES}
const sampled = { maxBeyondWindowBytes: 0, maxWindowBytes: 0, samples: 0 };
function sample() {
  const { total, windowBytes } = residentSplit();
  sampled.maxBeyondWindowBytes = Math.max(sampled.maxBeyondWindowBytes, total - windowBytes);
  sampled.maxWindowBytes = Math.max(sampled.maxWindowBytes, windowBytes);
  sampled.samples += 1;
}
const sampler = ${sampleMemory} ? setInterval(sample, 50) : null;
const { main } = await import(${JSON.stringify(cli)});
const exitCode = await main(${JSON.stringify(argv)});
if (sampler) {
  clearInterval(sampler);
  sample();
}
process.stderr.write('BENCH ' + JSON.stringify({ exitCode, peakRssBytes: peakRssBytes(), ...(sampler ? sampled : {}) }) + '\\n');
process.exitCode = exitCode;`;
  const { wallSeconds, report: result } = await runChild(['--import', 'tsx'], code);
  if (result.exitCode !== 0) throw new Error(`collect exited ${result.exitCode}`);
  const report = JSON.parse(await readFile(join(dataDir, 'raw', 'report.json'), 'utf8')) as { counts: { in: number; out: number }; timing: { seconds: number } };
  return {
    wallSeconds,
    stageSeconds: report.timing.seconds,
    peakRssBytes: result.peakRssBytes,
    written: report.counts.out,
    read: report.counts.in,
    ...(sampleMemory ? { maxBeyondWindowBytes: result.maxBeyondWindowBytes!, maxWindowBytes: result.maxWindowBytes!, samples: result.samples! } : {}),
  };
}

function best<T>(runs: T[], seconds: (run: T) => number): T {
  return runs.reduce((a, b) => (seconds(a) <= seconds(b) ? a : b));
}

const mb = (bytes: number) => bytes / 1e6;
const mbText = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? 'n/a' : `${mb(bytes).toFixed(0)} MB`);

const { file, meta } = await ensureDump();
console.log(`dump: ${file}`);
console.log(`  ${meta.records.toLocaleString()} records (${meta.advice_records.toLocaleString()} in advice subreddits), ${mb(meta.uncompressed_bytes).toFixed(0)} MB uncompressed, ${mb(meta.compressed_bytes).toFixed(0)} MB compressed (${meta.compressor}; generated in ${meta.generate_seconds.toFixed(1)} s)`);
console.log(`  best of ${RUNS} run(s) each; every figure from a child process`);

const napiRuns = [];
for (let i = 0; i < RUNS; i += 1) napiRuns.push(await decompressInProcess(file));
const napi = best(napiRuns, (run) => run.seconds);
console.log(`decompress only, zstd-napi in process: ${napi.seconds.toFixed(2)} s, ${(mb(napi.bytes) / napi.seconds).toFixed(0)} MB/s (process wall ${best(napiRuns, (run) => run.wallSeconds).wallSeconds.toFixed(2)} s)`);
console.log(`  decoder window resident at the end: ${mbText(napi.windowBytes)} (the 2 GiB mapping's touched pages); peak RSS ${mbText(napi.peakRssBytes)}`);
let cliSeconds: number | null = null;
if (hasZstdCli) {
  const cliRuns = [];
  for (let i = 0; i < RUNS; i += 1) cliRuns.push(await decompressCli(file));
  cliSeconds = best(cliRuns, (run) => run.seconds).seconds;
  console.log(`decompress only, zstd CLI to /dev/null:  ${cliSeconds.toFixed(2)} s, ${(mb(meta.uncompressed_bytes) / cliSeconds).toFixed(0)} MB/s (process wall)`);
}
// Stage time against the fastest decode loop; process wall against the fastest decoding process.
const fastestDecode = Math.min(napi.seconds, cliSeconds ?? Infinity);
const fastestDecodeProcess = Math.min(best(napiRuns, (run) => run.wallSeconds).wallSeconds, cliSeconds ?? Infinity);

for (const decoder of hasZstdCli ? ['zstd-napi', 'zstd-cli'] : ['zstd-napi']) {
  const runs: CollectRunFigures[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await collectChild(file, decoder, false));
  const run = best(runs, (figures) => figures.wallSeconds);
  const memory = await collectChild(file, decoder, true);
  console.log(`valact collect --decoder ${decoder}:`);
  console.log(`  wall ${run.wallSeconds.toFixed(2)} s (process incl. tsx start-up), stage ${best(runs, (figures) => figures.stageSeconds).stageSeconds.toFixed(2)} s (report timing)`);
  console.log(`  ratio: ${(best(runs, (figures) => figures.stageSeconds).stageSeconds / fastestDecode).toFixed(2)}x stage / fastest decode, ${(run.wallSeconds / fastestDecodeProcess).toFixed(2)}x wall / fastest decoding process`);
  console.log(`  ${Math.round(run.read / run.stageSeconds).toLocaleString()} lines/s, ${(mb(meta.uncompressed_bytes) / run.stageSeconds).toFixed(0)} MB/s; ${run.read.toLocaleString()} read, ${run.written.toLocaleString()} written`);
  const peaks = runs.map((figures) => figures.peakRssBytes ?? 0);
  console.log(`  peak RSS of the Node process (VmHWM): ${mbText(Math.max(...peaks))} (max over the timed runs)`);
  console.log(
    `  sampled run (every 50 ms, ${memory.samples} samples): at most ${mbText(memory.maxBeyondWindowBytes)} beyond the decoder window; window resident up to ${mbText(memory.maxWindowBytes)}${decoder === 'zstd-cli' ? ' (the window is in the zstd process)' : ''}`,
  );
}
