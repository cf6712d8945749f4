import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import type { DroppedRecord } from '../pipeline/core/stage.ts';
import type { ValactError } from '../pipeline/core/errors.ts';
import { run } from '../pipeline/generate/run.ts';
import { assignTargets } from '../pipeline/generate/assign.ts';
import { ScenarioSchema } from '../pipeline/records.ts';
import { isOpposingPair, VALUE_IDS, type ValueId } from '../pipeline/values.ts';
import { longestCopiedRun, wordCount } from '../pipeline/text.ts';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.ts';
import { fixturePosts, writeFilteredPosts } from './support/generate-fixtures.ts';

const cleanups: string[] = [];
let server: FakeOpenAi | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await Promise.all(cleanups.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'valact-generate-'));
  cleanups.push(dir);
  await writeFilteredPosts(dir);
  return dir;
}

function context(dir: string, generate: Record<string, unknown>, env: Record<string, string> = {}, force = false) {
  return createContext({ dataDir: dir, config: parseConfig({ generate }, 'test'), quiet: true, force, env, stderr: silentStderr });
}

/** Warnings (the simulated notice, shortfalls) are expected here; keep the test output clean. */
const silentStderr = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;

async function readJsonl(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
}

describe('generate with the offline provider', () => {
  it('classifies, assigns one post per value and writes valid, simulated scenarios with balanced counts', async () => {
    const dir = await dataDir();
    const stats = await run(context(dir, { per_value: 1, over_generation: 0 }));
    expect(stats.provider).toBe('offline');
    expect(stats.counts).toMatchObject({ in: 11, out: 10, rejected: 1, quarantined: 0, per_reason: { not_usable: 1 } });
    const scenarios = (await readJsonl(join(dir, 'work', 'generate', 'scenarios.jsonl'))).map((line) => ScenarioSchema.parse(line));
    expect(scenarios.map((scenario) => scenario.target_value).sort()).toEqual([...VALUE_IDS].sort());
    for (const scenario of scenarios) {
      const source = fixturePosts().find((post) => `sc_${post.id}` === scenario.id)!;
      expect(scenario.generation).toMatchObject({ provider: 'offline', model: 'offline-simulator-v1', simulated: true, prompt_id: 'rewrite', prompt_version: '2' });
      expect(isOpposingPair(scenario.target_value, scenario.competing_value)).toBe(true);
      expect(wordCount(scenario.situation)).toBeGreaterThanOrEqual(60);
      expect(wordCount(scenario.situation)).toBeLessThanOrEqual(180);
      expect(longestCopiedRun(scenario.situation, `${source.title} ${source.text}`)).toBeLessThanOrEqual(8);
      expect(scenario.options.map((option) => option.value).sort()).toEqual([scenario.target_value, scenario.competing_value].sort());
    }
    // The seeded order puts the target first for some scenarios and second for others.
    const targetFirst = scenarios.filter((scenario) => scenario.options[0].value === scenario.target_value).length;
    expect(targetFirst).toBeGreaterThan(0);
    expect(targetFirst).toBeLessThan(scenarios.length);
    const report = JSON.parse(await readFile(stats.reportPath, 'utf8')) as { status: string; details: { simulated: boolean } };
    expect(report).toMatchObject({ status: 'complete', details: { simulated: true } });
  });

  it('is deterministic and skips a finished run', async () => {
    const first = await dataDir();
    const second = await dataDir();
    await run(context(first, { per_value: 1, over_generation: 0 }));
    await run(context(second, { per_value: 1, over_generation: 0 }));
    const a = await readFile(join(first, 'work', 'generate', 'scenarios.jsonl'), 'utf8');
    expect(await readFile(join(second, 'work', 'generate', 'scenarios.jsonl'), 'utf8')).toBe(a);
    expect((await run(context(first, { per_value: 1, over_generation: 0 }))).upToDate).toBe(true);
  });

  it('reports the shortfall when a value cannot be filled, rejecting unneeded posts', async () => {
    const dir = await dataDir();
    const stats = await run(context(dir, { per_value: 3, over_generation: 0 }));
    for (const value of VALUE_IDS) expect(stats.fill![value].assigned + stats.fill![value].shortfall).toBe(3);
    expect(Object.values(stats.fill!).some((fill) => fill.shortfall > 0)).toBe(true);
  });
});

describe('assignTargets', () => {
  const scores = (entries: Partial<Record<ValueId, number>>) => Object.fromEntries(VALUE_IDS.map((id) => [id, entries[id] ?? 0])) as Record<ValueId, number>;
  it.each([
    { name: 'rare value chooses first', posts: [{ postId: 'p1', scores: scores({ power: 3, benevolence: 5 }) }, { postId: 'p2', scores: scores({ benevolence: 4 }) }], expected: { p1: 'power', p2: 'benevolence' } },
    { name: 'each post at most once', posts: [{ postId: 'p1', scores: scores({ power: 5, hedonism: 5 }) }], expected: { p1: 'hedonism' } },
    { name: 'below the threshold is never assigned', posts: [{ postId: 'p1', scores: scores({ power: 2 }) }], expected: {} },
  ])('$name', ({ posts, expected }) => {
    const { assignments } = assignTargets(posts, 1, 3);
    expect(Object.fromEntries(assignments.map((assignment) => [assignment.postId, assignment.target]))).toEqual(expected);
    for (const assignment of assignments) expect(isOpposingPair(assignment.target, assignment.competing)).toBe(true);
  });
});

describe('generate against a fake OpenAI-compatible server', () => {
  it('generates through the SDK, then a forced re-run with a warm cache makes zero requests', async () => {
    server = await startFakeOpenAi();
    const dir = await dataDir();
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, rpm: null, tpm: null };
    const first = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }));
    expect(first.counts.out).toBe(10);
    expect(server.chatRequests.length).toBe(21);
    const scenarios = await readFile(join(dir, 'work', 'generate', 'scenarios.jsonl'), 'utf8');
    const again = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }, true));
    expect(server.chatRequests.length).toBe(21);
    expect(again.llm.cache_hits).toBe(21);
    expect(await readFile(join(dir, 'work', 'generate', 'scenarios.jsonl'), 'utf8')).toBe(scenarios);
  });

  it('retries on the next plain re-run what failed only because the endpoint was down, and nothing else', async () => {
    let endpointDown = true;
    server = await startFakeOpenAi({
      fault: (_index, body) =>
        endpointDown && body.response_format?.json_schema?.name === 'classify' && body.messages.some((message) => message.content.includes('whistleblower'))
          ? { kind: 'status', status: 503 }
          : { kind: 'ok' },
    });
    const dir = await dataDir();
    // Failures tolerated up to a share: the run commits what it has and quarantines the rest.
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, rpm: null, tpm: null, max_retries: 1, max_failure_share: 0.5 };
    const first = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }));
    expect(first.counts.per_reason).toHaveProperty('classify_http_error', 1);
    const requestsAfterFirst = server.chatRequests.length;

    endpointDown = false;
    const second = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }));
    expect(second.upToDate).toBe(false);
    expect(second.counts.per_reason).not.toHaveProperty('classify_http_error');
    expect(second.counts.in).toBe(second.counts.out + second.counts.rejected + second.counts.quarantined);
    // Only the failed classification is asked again (plus a rewrite if the post is now needed).
    expect(server.chatRequests.length - requestsAfterFirst).toBeGreaterThanOrEqual(1);
    expect(server.chatRequests.length - requestsAfterFirst).toBeLessThanOrEqual(2);
    const ids = ((await readJsonl(join(dir, 'work', 'generate', 'scenarios.jsonl'))) as { id: string }[]).map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);

    const third = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }));
    expect(third.upToDate).toBe(true);
  });

  it('by default stops with exit 8 when failed calls leave a quota unfilled, keeping the previous outputs', async () => {
    let endpointDown = false;
    server = await startFakeOpenAi({
      fault: (_index, body) => (endpointDown && body.messages.some((message) => message.content.includes('whistleblower')) ? { kind: 'status', status: 503 } : { kind: 'ok' }),
    });
    const dir = await dataDir();
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, rpm: null, tpm: null, max_retries: 1 };
    await run(context(dir, settings, { OPENAI_API_KEY: 'test' }));
    const scenariosFile = join(dir, 'work', 'generate', 'scenarios.jsonl');
    const before = await readFile(scenariosFile);

    endpointDown = true;
    const error = await run(context(dir, { ...settings, temperature: 0.5 }, { OPENAI_API_KEY: 'test' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'network', exitCode: 8 });
    expect((error as Error).message).toContain(server.baseURL);
    expect((error as Error).message).toContain('gpt-4o-mini');
    expect((error as Error).message).toMatch(/quota of universalism is left unfilled/);
    expect(await readFile(scenariosFile)).toEqual(before);
  });

  it.each([
    [401, 'credentials', 'OPENAI_API_KEY'],
    [403, 'credentials', 'OPENAI_API_KEY'],
    [404, 'credentials', 'model name'],
  ])('stops at the first %i with exit 2, naming the endpoint and model, without sending the rest', async (status, code, hint) => {
    server = await startFakeOpenAi({ fault: () => ({ kind: 'status', status }) });
    const dir = await dataDir();
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, rpm: null, tpm: null, concurrency: 1 };
    const error = await run(context(dir, settings, { OPENAI_API_KEY: 'test' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code, exitCode: 2 });
    expect((error as ValactError).message).toContain(server.baseURL);
    expect((error as ValactError).hint).toContain(hint);
    // Concurrency 1 keeps two calls in flight at most: the first answer stops the rest.
    expect(server.chatRequests.length).toBeLessThanOrEqual(2);
  });

  it.each(['htp://127.0.0.1/v1', 'localhost:8000/v1', 'not a url'])('refuses the base URL %j as a config error before any call', async (baseUrl) => {
    const dir = await dataDir();
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: baseUrl };
    const error = await run(context(dir, settings, { OPENAI_API_KEY: 'test' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'config', exitCode: 2, message: expect.stringContaining(JSON.stringify(baseUrl)) });
  });

  it('redacts the key when an endpoint echoes it in an error body', async () => {
    const key = 'sk-test-very-secret-key-123456';
    server = await startFakeOpenAi({ fault: (index) => (index === 0 ? { kind: 'status', status: 500, body: { error: { message: `bad key ${key} given` } } } : { kind: 'ok' }) });
    const dir = await dataDir();
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, rpm: null, tpm: null, max_retries: 0, max_failure_share: 0.5 };
    await run(context(dir, settings, { OPENAI_API_KEY: key }));
    for (const file of ['journal.jsonl', 'dropped.jsonl', 'report.json']) {
      const text = await readFile(join(dir, 'work', 'generate', file), 'utf8');
      expect(text, file).not.toContain(key);
    }
    expect(await readFile(join(dir, 'work', 'generate', 'dropped.jsonl'), 'utf8')).toContain('[REDACTED]');
  });

  it('quarantines a post whose rewrite fails twice, with the raw output and the errors', async () => {
    server = await startFakeOpenAi({
      fault: (_index, body) => (body.response_format?.json_schema?.name === 'rewrite' && body.messages.some((message) => message.content.includes('whistleblower')) ? { kind: 'content', content: '{"situation":"too short"}' } : { kind: 'ok' }),
    });
    const dir = await dataDir();
    const stats = await run(context(dir, { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, rpm: null, tpm: null }, { OPENAI_API_KEY: 'test' }));
    expect(stats.counts).toMatchObject({ out: 9, quarantined: 1, per_reason: { rewrite_schema_mismatch: 1, not_usable: 1 } });
    const dropped = (await readJsonl(join(dir, 'work', 'generate', 'dropped.jsonl'))) as DroppedRecord[];
    const [quarantined] = dropped.filter((entry) => entry.disposition === 'quarantined');
    expect(quarantined).toMatchObject({ id: 'b1', stage: 'generate', reason: 'rewrite_schema_mismatch', evidence: { raw_output: '{"situation":"too short"}' } });
    expect(quarantined!.evidence.error).toMatch(/after one repair attempt/);
  });

  it('uses the Batch API: shuffled output joined by custom_id, error-file lines quarantined, batch not paid twice', async () => {
    let failed = '';
    server = await startFakeOpenAi({ batchPollsBeforeDone: 2, batchErrorIds: (id) => (failed === '' || failed === id ? ((failed = id), true) : false) });
    const dir = await dataDir();
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, batch: true, batch_poll_seconds: 0.01, max_failure_share: 0.5 };
    const stats = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }));
    expect(server.batchesCreated).toBe(2);
    expect(stats.counts.quarantined).toBe(1);
    expect(stats.counts.per_reason).toHaveProperty('classify_batch_error', 1);
    expect(stats.counts.in).toBe(stats.counts.out + stats.counts.rejected + stats.counts.quarantined);
    const again = await run(context(dir, settings, { OPENAI_API_KEY: 'test' }, true));
    // Only the failed classification is submitted again.
    expect(server.batchesCreated).toBe(3);
    expect(again.counts.in).toBe(11);
  });

  it('honours --max-cost under --batch: submits only what fits, then stops with the budget error', async () => {
    server = await startFakeOpenAi({ batchPollsBeforeDone: 1 });
    const dir = await dataDir();
    // Expensive enough that a classify call's worst case (prompt estimate + 300 completion tokens, at half price) is ~0.4 USD.
    const prices = { 'gpt-4o-mini': { input_per_million: 1000, output_per_million: 1000 } };
    const settings = { per_value: 1, over_generation: 0, provider: 'openai', base_url: server.baseURL, batch: true, batch_poll_seconds: 0.01, prices, max_cost: 2 };
    const error = await run(context(dir, settings, { OPENAI_API_KEY: 'test' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'budget' });
    expect(server.batchesCreated).toBe(1);
    const [submitted] = server.batchSizes;
    expect(submitted).toBeGreaterThan(0);
    expect(submitted).toBeLessThan(11);
    // What was spent stays within the limit: the journal holds what the batch answered, nothing more was sent.
    const journal = (await readJsonl(join(dir, 'work', 'generate', 'journal.jsonl'))) as { kind: string }[];
    expect(journal.filter((entry) => entry.kind === 'classify').length).toBe(submitted);
    expect(server.allRequests.filter((route) => route.endsWith('/chat/completions'))).toEqual([]);
  });
});
