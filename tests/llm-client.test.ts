import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseCache } from '../pipeline/llm/cache.ts';
import { LlmClient, parseResetDuration, rateWindow, retryAfterMs, type LlmClientOptions } from '../pipeline/llm/client.ts';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { DEFAULT_PRICES } from '../pipeline/llm/cost.ts';
import { classifyRequest, loadStagePrompts } from '../pipeline/generate/requests.ts';
import type { FilteredPost } from '../pipeline/records.ts';
import { startFakeOpenAi, type Fault, type FakeOpenAi, type FakeOpenAiOptions } from './support/fake-openai.ts';

const post: FilteredPost = {
  id: 'abc123',
  subreddit: 'careerguidance',
  created_utc: 1_700_000_000,
  permalink: '/r/careerguidance/comments/abc123/x/',
  title: 'Take the promotion to manager or stay with my team?',
  text: 'I was offered a manager role with authority over hiring. My friends on the team would report to me. Should I take it or stay?',
  language: { code: 'eng', confidence: 0.99, method: 'franc' },
  quality: { word_count: 26, advice_probability: 0.9, request_cues: ['question_mark'] },
  pii_masked: {},
  content_flags: { sexual: [], self_harm: [], violence: [], minors: [] },
  filter_version: 'test',
};
const prompts = loadStagePrompts();
const request = classifyRequest(prompts, DEFAULT_CONFIG.generate, post);

let server: FakeOpenAi | null = null;
const cleanups: string[] = [];
afterEach(async () => {
  await server?.close();
  server = null;
  await Promise.all(cleanups.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A client with a fake clock: sleep advances the clock instantly and records the wait. */
async function makeClient(serverOptions: FakeOpenAiOptions, overrides: Partial<LlmClientOptions> = {}) {
  server = await startFakeOpenAi(serverOptions);
  const cacheDir = await mkdtemp(join(tmpdir(), 'valact-llm-'));
  cleanups.push(cacheDir);
  let clock = 1_000_000;
  const sleeps: number[] = [];
  const client = new LlmClient({
    model: 'gpt-4o-mini',
    baseURL: server.baseURL,
    apiKey: 'test-key',
    concurrency: 2,
    rpm: null,
    tpm: null,
    maxRetries: 3,
    timeoutMs: 5_000,
    maxRetryAfterMs: 900_000,
    cache: new ResponseCache(cacheDir),
    prices: DEFAULT_PRICES,
    maxCost: null,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps, server };
}

describe('LlmClient against a fake OpenAI-compatible server', () => {
  it.each<{ name: string; faults: Fault[]; requests: number; error: string | null; retries: number; repairs: number }>([
    { name: 'structured answer', faults: [], requests: 1, error: null, retries: 0, repairs: 0 },
    { name: '500 then success', faults: [{ kind: 'status', status: 500 }], requests: 2, error: null, retries: 1, repairs: 0 },
    { name: '503 three times then success', faults: [{ kind: 'status', status: 503 }, { kind: 'status', status: 502 }, { kind: 'status', status: 500 }], requests: 4, error: null, retries: 3, repairs: 0 },
    { name: '500 beyond max retries', faults: Array(4).fill({ kind: 'status', status: 500 }), requests: 4, error: 'http_error', retries: 3, repairs: 0 },
    { name: '400 is not retried', faults: [{ kind: 'status', status: 400 }], requests: 1, error: 'bad_request', retries: 0, repairs: 0 },
    { name: 'refusal is not retried', faults: [{ kind: 'refusal', refusal: 'I cannot help with that.' }], requests: 1, error: 'refusal', retries: 0, repairs: 0 },
    { name: 'malformed JSON, repaired', faults: [{ kind: 'content', content: '{"usable": tru' }], requests: 2, error: null, retries: 0, repairs: 1 },
    { name: 'schema broken, repaired', faults: [{ kind: 'content', content: '{"usable":true,"reason":"x","scores":{}}' }], requests: 2, error: null, retries: 0, repairs: 1 },
    {
      name: 'schema broken twice, quarantined',
      faults: [{ kind: 'content', content: '{"usable":"yes"}' }, { kind: 'content', content: '{"usable":"still no"}' }],
      requests: 2,
      error: 'schema_mismatch',
      retries: 0,
      repairs: 1,
    },
  ])('$name', async ({ faults, requests, error, retries, repairs }) => {
    const { client, server } = await makeClient({ fault: (index) => faults[index] ?? { kind: 'ok' } });
    const result = await client.complete(request);
    expect(server.chatRequests.length).toBe(requests);
    expect(result.error?.code ?? null).toBe(error);
    expect(client.stats.retries).toBe(retries);
    expect(client.stats.repairs).toBe(repairs);
    if (error === null) expect(result.value?.scores.power).toBeGreaterThan(0);
    if (error === 'schema_mismatch') expect(result.error?.raw).toBe('{"usable":"still no"}');
  });

  // The README promises retries on 408, 409, 429 and 5xx; every other status is answered at once.
  it.each([408, 409, 429, 500, 502, 503, 504])('retries a %i and then succeeds', async (status) => {
    const { client, server } = await makeClient({ fault: (index) => (index === 0 ? { kind: 'status', status } : { kind: 'ok' }) });
    const result = await client.complete(request);
    expect(result.value).toBeDefined();
    expect(server.chatRequests.length).toBe(2);
    expect(client.stats.retries).toBe(1);
  });

  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [422, 'http_error'],
  ])('does not retry a %i (%s), and names the endpoint', async (status, code) => {
    const { client, server } = await makeClient({ fault: () => ({ kind: 'status', status }) });
    const result = await client.complete(request);
    expect(result.error?.code).toBe(code);
    expect(result.error?.message).toContain(server.baseURL);
    expect(server.chatRequests.length).toBe(1);
    expect(client.stats.retries).toBe(0);
  });

  it('sends the schema repair with the validation errors and the previous answer', async () => {
    const { client, server } = await makeClient({ fault: (index) => (index === 0 ? { kind: 'content', content: '{"usable":true}' } : { kind: 'ok' }) });
    await client.complete(request);
    const repair = server.chatRequests[1]!.body.messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"usable":true}' });
    expect(repair.at(-1)!.content).toMatch(/reason/);
  });

  it('honours a Retry-After of 120 s (beyond the SDK cap) for every request, with the fake clock', async () => {
    const { client, sleeps, server } = await makeClient({ fault: (index) => (index === 0 ? { kind: 'status', status: 429, headers: { 'retry-after': '120' } } : { kind: 'ok' }) });
    const result = await client.complete(request);
    expect(result.value).toBeDefined();
    expect(sleeps).toEqual([120_000]);
    expect(server.chatRequests.length).toBe(2);
  });

  it('waits a real Retry-After of 1 s before the next request', async () => {
    const { client, server } = await makeClient({ fault: (index) => (index === 0 ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } } : { kind: 'ok' }) }, {
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    await client.complete(request);
    const [first, second] = server.chatRequests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('sends no request from any caller while a Retry-After is pending', async () => {
    // Watch the wire from the client's side: when each request leaves, and when the client
    // learned of the 429 and paused (requests already on their way by then cannot be recalled).
    const sentAt: number[] = [];
    let pausedAt: number | null = null;
    let pausedFor = 0;
    const watchedFetch: typeof fetch = (url, init) => {
      sentAt.push(performance.now());
      return fetch(url, init);
    };
    const { client, server } = await makeClient(
      { latencyMs: 30, fault: (index) => (index === 2 ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } } : { kind: 'ok' }) },
      {
        concurrency: 4,
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        fetch: watchedFetch,
        onWait: (ms, reason) => {
          if (reason === 'retry-after' && pausedAt === null) {
            pausedAt = performance.now();
            pausedFor = ms;
          }
        },
      },
    );
    const posts = Array.from({ length: 12 }, (_, n) => ({ ...post, id: `p${n}`, text: `${post.text} Variant ${n}.` }));
    const results = await Promise.all(posts.map((variant) => client.complete(classifyRequest(prompts, DEFAULT_CONFIG.generate, variant))));
    expect(results.every((result) => result.value !== undefined)).toBe(true);
    expect(server.chatRequests.length).toBe(13);
    expect(pausedAt).not.toBeNull();
    expect(pausedFor).toBeGreaterThan(900);
    // Timer granularity: allow the pause to end a few milliseconds early by the clock here.
    const sentDuringPause = sentAt.filter((at) => at > pausedAt! && at < pausedAt! + pausedFor - 5);
    expect(sentDuringPause).toEqual([]);
    expect(sentAt.filter((at) => at >= pausedAt! + pausedFor - 5).length).toBeGreaterThan(0);
  });

  it('times out a hung response and retries it', async () => {
    const { client, server } = await makeClient({ fault: (index) => (index === 0 ? { kind: 'hang' } : { kind: 'ok' }) }, { timeoutMs: 300 });
    const result = await client.complete(request);
    expect(result.value).toBeDefined();
    expect(server.chatRequests.length).toBe(2);
    expect(client.stats.retries).toBe(1);
  });

  it('pauses everyone until the reset when x-ratelimit headers say nothing is left', async () => {
    const { client, sleeps, server } = await makeClient({
      headers: (index) => (index === 0 ? { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s' } : ({} as Record<string, string>)),
    });
    await client.complete(request);
    await client.complete(classifyRequest(prompts, DEFAULT_CONFIG.generate, { ...post, id: 'def456', text: `${post.text} Second.` }));
    expect(sleeps).toEqual([360_000]);
    expect(server.chatRequests.length).toBe(2);
  });

  it.each([
    ['6m0s', 360_000],
    ['1.5s', 1500],
    ['20ms', 20],
    ['1h2m', 3_720_000],
  ])('reads the reset duration %s', (text, expected) => {
    expect(parseResetDuration(text)).toBe(expected);
  });

  it('caches successes only: a second call is free, a failure is asked again', async () => {
    const { client, server } = await makeClient({ fault: (index) => (index === 0 ? { kind: 'status', status: 400 } : { kind: 'ok' }) });
    expect((await client.complete(request)).error?.code).toBe('bad_request');
    expect((await client.complete(request)).value).toBeDefined();
    const third = await client.complete(request);
    expect(third.cached).toBe(true);
    expect(server.chatRequests.length).toBe(2);
  });

  it('stops before the budget is exceeded, sending nothing', async () => {
    const { client, server } = await makeClient({ fault: () => ({ kind: 'ok' }) }, { maxCost: 0.000_001 });
    const result = await client.complete(request);
    expect(result.error?.code).toBe('budget');
    expect(server.chatRequests.length).toBe(0);
  });

  it.each([
    ['120', 120_000],
    ['0.5', 500],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 9_000],
  ])('reads Retry-After %s', (value, expected) => {
    expect(retryAfterMs(new Headers({ 'retry-after': value }), 1_000)).toBe(expected);
  });
});

describe('requests-per-minute window', () => {
  it.each([30, 60, 90, 500, 3000, 10_000])('never exceeds rpm %i and loses at most 1%% of it', (rpm) => {
    const { interval, intervalCap } = rateWindow(rpm);
    const perMinute = (intervalCap * 60_000) / interval;
    expect(perMinute).toBeLessThanOrEqual(rpm);
    expect(perMinute).toBeGreaterThanOrEqual(rpm * 0.99);
    expect(interval).toBeGreaterThanOrEqual(1000);
    expect(interval).toBeLessThan(2000 + 60_000 / rpm);
  });
});
