/**
 * Benchmark of the LLM client: a few thousand calls against the fake OpenAI-compatible server
 * on loopback with a fixed latency, with and without injected 429s. Prints achieved requests
 * per second against the ideal (the lower of concurrency ÷ latency and the rate limit),
 * requests sent while a Retry-After was pending, and tokens per scenario. Bounded: about a
 * minute on two cores.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { ResponseCache } from '../pipeline/llm/cache.ts';
import { LlmClient } from '../pipeline/llm/client.ts';
import { estimateTokens } from '../pipeline/llm/cost.ts';
import { DEFAULT_PRICES } from '../pipeline/generate/config.ts';
import { classifyRequest, loadStagePrompts, rewriteRequest } from '../pipeline/generate/requests.ts';
import { classifyOffline, rewriteOffline } from '../pipeline/llm/offline.ts';
import type { FilteredPost } from '../pipeline/records.ts';
import { startFakeOpenAi, type Fault } from '../tests/support/fake-openai.ts';
import { fixturePosts } from '../tests/support/generate-fixtures.ts';

const LATENCY_MS = 300;
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
  /** Every n-th request answers 429 with Retry-After 1 s. */
  inject429Every: number | null;
}

async function measure(scenario: Scenario): Promise<void> {
  const retryAfterWindows: { from: number; until: number }[] = [];
  const server = await startFakeOpenAi({
    latencyMs: LATENCY_MS,
    fault: (index): Fault => {
      if (scenario.inject429Every && index > 0 && index % scenario.inject429Every === 0) {
        // The 429 leaves the server after the latency; the wait runs from then.
        const sentAt = Date.now() + LATENCY_MS;
        retryAfterWindows.push({ from: sentAt, until: sentAt + 1000 });
        return { kind: 'status', status: 429, headers: { 'retry-after': '1' } };
      }
      return { kind: 'ok' };
    },
  });
  const cacheDir = await mkdtemp(join(tmpdir(), 'valact-bench-generate-'));
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
    });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: scenario.calls }, (_unused, index) => client.complete(classifyRequest(prompts, config, syntheticPost(index)))),
    );
    const seconds = (Date.now() - started) / 1000;
    const failures = results.filter((result) => result.error).length;
    const achieved = client.stats.requests / seconds;
    const ideal = Math.min(scenario.concurrency / (LATENCY_MS / 1000), scenario.rpm === null ? Infinity : scenario.rpm / 60);
    // A request already on the wire when the 429 left the server is not a violation: 50 ms grace.
    const sentWhilePending = server.chatRequests.filter((request) => retryAfterWindows.some((window) => request.at > window.from + 50 && request.at < window.until)).length;
    console.log(
      `${scenario.name.padEnd(34)} ${String(client.stats.requests).padStart(5)} requests in ${seconds.toFixed(1).padStart(5)} s: ` +
        `${achieved.toFixed(1).padStart(5)} req/s vs ideal ${ideal.toFixed(1)} (${((100 * achieved) / ideal).toFixed(1)}%), ` +
        `429s ${retryAfterWindows.length}, retries ${client.stats.retries}, sent while Retry-After pending ${sentWhilePending}, failures ${failures}`,
    );
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

console.log(`fake OpenAI server on loopback, ${LATENCY_MS} ms latency per call`);
await measure({ name: 'concurrency 32, no rate limit', calls: 2000, concurrency: 32, rpm: null, inject429Every: null });
await measure({ name: 'concurrency 32, rpm 3000', calls: 1500, concurrency: 32, rpm: 3000, inject429Every: null });
await measure({ name: 'concurrency 32, 429 every 250th', calls: 2000, concurrency: 32, rpm: null, inject429Every: 250 });
tokensPerScenario();
