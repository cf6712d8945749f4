/**
 * Benchmark of the LLM client: a few thousand calls against the fake OpenAI-compatible server
 * on loopback with a fixed latency, with and without injected 429s. The server runs in its own
 * process (bench/support/fake-openai-process.ts), so the figures are the client's alone; the
 * calls are driven as the generate stage drives them (a pool of 2 × concurrency callers).
 *
 * Rates count completed successful calls over wall time, against the ideal: the lower of
 * concurrency ÷ latency and the rate limit. With 429s the ideal is also adjusted for what the
 * server asked: no request may leave while a Retry-After is pending, so every slot that is
 * free, or whose request in flight answers, during a pause stays idle until the pause ends,
 * and each 429 held a slot for one latency:
 *   adjusted ideal time = successes ÷ ideal + (idle slot-time in pauses + 429s × latency) ÷ concurrency.
 * (When the rate limit sets the ideal, a pause simply costs its length.)
 * Requests sent while a Retry-After was pending are counted at the client's fetch (sent after
 * the client had received a 429 and before its Retry-After ran out) and checked by the server's
 * clock; any makes the run fail (exit code 1). Then tokens per scenario. About a minute.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { ResponseCache } from '../pipeline/llm/cache.ts';
import { LlmClient, retryAfterMs, type CallResult } from '../pipeline/llm/client.ts';
import { estimateTokens } from '../pipeline/llm/cost.ts';
import { DEFAULT_PRICES } from '../pipeline/llm/cost.ts';
import { classifyRequest, loadStagePrompts, rewriteRequest } from '../pipeline/generate/requests.ts';
import { classifyOffline, rewriteOffline } from '../pipeline/generate/simulate.ts';
import type { FilteredPost } from '../pipeline/records.ts';
import { fixturePosts } from '../tests/support/generate-fixtures.ts';
import { startFakeOpenAiProcess } from './support/fake-openai-process.ts';

const LATENCY_MS = 300;
const RETRY_AFTER_SECONDS = 1;
/** The server-side check allows for a request already on the wire when the 429 was written. */
const SERVER_GRACE_MS = 50;
const prompts = loadStagePrompts();
const config = DEFAULT_CONFIG.generate;

function syntheticPost(index: number): FilteredPost {
  const base = fixturePosts()[index % 10]!;
  // A distinct id and text per call, so no two requests share a cache entry.
  return { ...base, id: `p${index.toString(36)}`, text: `${base.text} (case ${index})` };
}

interface Scenario {
  name: string;
  calls: number;
  concurrency: number;
  rpm: number | null;
  /** Every n-th request answers 429 with Retry-After RETRY_AFTER_SECONDS. */
  inject429Every: number | null;
}

/** One HTTP request as the client's fetch saw it (performance.now() times; seq orders events). */
interface WireRequest {
  sentAt: number;
  sentSeq: number;
  /** Date.now() when sent: the client's clock, to compare with its pauses. */
  sentClock: number;
  answeredAt: number;
  answeredSeq: number;
  status: number;
  /** For a 429: until when the server asked the client to wait. */
  pendingUntil: number | null;
}

/** Windows [from, until) merged where they overlap, sorted. */
function mergeWindows(windows: { from: number; until: number }[]): { from: number; until: number }[] {
  const merged: { from: number; until: number }[] = [];
  for (const window of [...windows].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && window.from <= last.until) last.until = Math.max(last.until, window.until);
    else merged.push({ ...window });
  }
  return merged;
}

/** Run `calls` through a pool of `width` callers, as pipeline/generate/run.ts does. */
async function drive<T>(calls: number, width: number, call: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const caller = async () => {
    while (next < calls) {
      const index = next;
      next += 1;
      results[index] = await call(index);
    }
  };
  await Promise.all(Array.from({ length: width }, caller));
  return results;
}

let violations = 0;

async function measure(scenario: Scenario): Promise<void> {
  const server = await startFakeOpenAiProcess({ latencyMs: LATENCY_MS, inject429Every: scenario.inject429Every, retryAfterSeconds: RETRY_AFTER_SECONDS });
  const cacheDir = await mkdtemp(join(tmpdir(), 'valact-bench-generate-'));
  const wire: WireRequest[] = [];
  /**
   * When the client itself paused for a Retry-After (it learns of a 429 one promise hop after
   * fetch does), in the client's own clock (Date.now(), whole ms).
   */
  const clientPauses: { seq: number; untilClock: number }[] = [];
  let seq = 0;
  const observingFetch: typeof globalThis.fetch = async (url, init) => {
    const entry: WireRequest = { sentAt: performance.now(), sentSeq: seq++, sentClock: Date.now(), answeredAt: Number.NaN, answeredSeq: Number.NaN, status: 0, pendingUntil: null };
    wire.push(entry);
    const response = await globalThis.fetch(url, init);
    entry.answeredAt = performance.now();
    entry.answeredSeq = seq++;
    entry.status = response.status;
    const told = response.status === 429 ? retryAfterMs(response.headers, Date.now()) : null;
    if (told !== null) entry.pendingUntil = entry.answeredAt + told;
    return response;
  };
  try {
    const client = new LlmClient({
      model: 'gpt-4o-mini',
      baseURL: server.baseURL,
      apiKey: 'bench',
      concurrency: scenario.concurrency,
      rpm: scenario.rpm,
      tpm: null,
      maxRetries: 6,
      timeoutMs: 30_000,
      maxRetryAfterMs: 900_000,
      cache: new ResponseCache(cacheDir),
      prices: DEFAULT_PRICES,
      maxCost: null,
      fetch: observingFetch,
      onWait: (ms, reason) => {
        if (reason === 'retry-after') clientPauses.push({ seq: seq++, untilClock: Date.now() + ms });
      },
    });
    const started = performance.now();
    const results: CallResult<unknown>[] = await drive(scenario.calls, 2 * scenario.concurrency, (index) =>
      client.complete(classifyRequest(prompts, config, syntheticPost(index))),
    );
    const finished = performance.now();
    const seconds = (finished - started) / 1000;
    const report = await server.report();

    const successes = results.filter((result) => result.value !== undefined).length;
    const failures = results.length - successes;
    const achieved = successes / seconds;
    const concurrencyBound = scenario.concurrency / (LATENCY_MS / 1000);
    const ideal = Math.min(concurrencyBound, scenario.rpm === null ? Infinity : scenario.rpm / 60);
    const percent = (rate: number, of: number) => `${((100 * rate) / of).toFixed(1)}%`;
    let line =
      `${scenario.name.padEnd(32)} ${String(successes).padStart(5)} ok in ${seconds.toFixed(2).padStart(5)} s: ` +
      `${achieved.toFixed(1).padStart(5)} req/s vs ideal ${ideal.toFixed(1)} (${percent(achieved, ideal)})`;

    const rejected = wire.filter((request) => request.pendingUntil !== null);
    const sentWhilePending = wire.filter((request) => clientPauses.some((pause) => request.sentSeq > pause.seq && request.sentClock < pause.untilClock)).length;
    // Sent after fetch had a 429 but in the same tick, before the client's reaction could run.
    const sameTick = wire.filter((request) =>
      rejected.some((rejection) => request.sentSeq > rejection.answeredSeq && !clientPauses.some((pause) => pause.seq > rejection.answeredSeq && pause.seq < request.sentSeq)),
    ).length;
    const serverSawWhilePending = report.received.filter((at) =>
      report.rejections.some((rejection) => at > rejection.answeredAt + SERVER_GRACE_MS && at < rejection.answeredAt + RETRY_AFTER_SECONDS * 1000),
    ).length;
    violations += sentWhilePending + serverSawWhilePending;

    if (rejected.length > 0) {
      const pauses = mergeWindows(rejected.map((request) => ({ from: request.answeredAt, until: Math.min(request.pendingUntil!, finished) })));
      const pausedMs = pauses.reduce((sum, pause) => sum + (pause.until - pause.from), 0);
      let lostMs: number;
      if (ideal < concurrencyBound) {
        lostMs = pausedMs;
      } else {
        // Idle slot-time: a slot free when the pause starts idles all of it; a slot with a
        // request in flight idles from that request's answer to the end of the pause.
        let idleSlotMs = 0;
        for (const pause of pauses) {
          const inFlight = wire.filter((request) => request.sentAt < pause.from && request.answeredAt > pause.from);
          idleSlotMs += (scenario.concurrency - inFlight.length) * (pause.until - pause.from);
          for (const request of inFlight) idleSlotMs += Math.max(0, pause.until - request.answeredAt);
        }
        lostMs = (idleSlotMs + rejected.length * LATENCY_MS) / scenario.concurrency;
      }
      const adjusted = successes / (successes / ideal + lostMs / 1000);
      line +=
        `; ${rejected.length} 429s paused sends ${(pausedMs / 1000).toFixed(2)} s, costing an ideal client ${(lostMs / 1000).toFixed(2)} s: ` +
        `adjusted ideal ${adjusted.toFixed(1)} (${percent(achieved, adjusted)})`;
    }
    line +=
      `; ${client.stats.requests} sent, retries ${client.stats.retries}, failures ${failures}, ` +
      `sent while Retry-After pending ${sentWhilePending} (client) / ${serverSawWhilePending} (server clock, ${SERVER_GRACE_MS} ms grace)` +
      (sameTick > 0 ? `, ${sameTick} more in the tick the 429 arrived` : '');
    console.log(line);
  } finally {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

function tokensPerScenario(): void {
  let promptTokens = 0;
  let completionTokens = 0;
  const posts = fixturePosts().slice(0, 10);
  for (const post of posts) {
    const classify = classifyRequest(prompts, config, post);
    const rewrite = rewriteRequest(prompts, config, post, 'benevolence', 'power');
    promptTokens += estimateTokens(classify.messages.map((message) => message.content).join('\n'));
    promptTokens += estimateTokens(rewrite.messages.map((message) => message.content).join('\n'));
    completionTokens += estimateTokens(JSON.stringify(classifyOffline(post.title, post.text)));
    completionTokens += estimateTokens(JSON.stringify(rewriteOffline(post.id, post.title, post.text, 'benevolence', 'power')));
  }
  console.log(
    `tokens per scenario (one classify + one rewrite, short fixture posts, ~4 chars/token): ` +
      `prompt ~${Math.round(promptTokens / posts.length)}, completion ~${Math.round(completionTokens / posts.length)}; ` +
      `real posts add about (post words × 1.3 × 2) prompt tokens`,
  );
}

console.log(`fake OpenAI server in a child process on loopback, ${LATENCY_MS} ms latency per call; rates count completed successful calls`);
await measure({ name: 'concurrency 32, no rate limit', calls: 2000, concurrency: 32, rpm: null, inject429Every: null });
await measure({ name: 'concurrency 32, rpm 3000', calls: 1500, concurrency: 32, rpm: 3000, inject429Every: null });
await measure({ name: 'concurrency 32, 429 every 250th', calls: 2000, concurrency: 32, rpm: null, inject429Every: 250 });
tokensPerScenario();
if (violations > 0) {
  console.error(`FAIL: ${violations} request(s) sent while a Retry-After was pending`);
  process.exitCode = 1;
}
