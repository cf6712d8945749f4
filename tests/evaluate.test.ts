/**
 * `valact evaluate run` end to end: simulated respondents on a release (files, counts that add
 * up, SIMULATED everywhere, the paper's figures labelled as the paper's), and models through the
 * real openai SDK against a loopback server — every item type answered, a refusal and an
 * unreadable letter counted and never guessed, a 429 waited out for the time it asked, a warm
 * re-run with zero requests (a forced one repeats only the refused call), and a SIGKILL that repeats at most the calls in flight.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { readChoiceLetter } from '../pipeline/evaluate/ask.ts';
import type { ItemResponse, QuestionnaireAnswer } from '../pipeline/evaluate/contract.ts';
import { dryRunEvaluation, runEvaluation } from '../pipeline/evaluate/evaluation.ts';
import { loadQuestionnaire } from '../pipeline/evaluate/questionnaire.ts';
import { ITEM_TYPES } from '../pipeline/records.ts';
import { expandScenario, loadItemTemplates } from '../pipeline/release/items.ts';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.ts';
import { balancedScenarios } from './support/scenario-fixtures.ts';
import { readJson, readJsonl } from './support/files.ts';

const CLI = fileURLToPath(new URL('../bin/valact.js', import.meta.url));
const QUESTIONS = loadQuestionnaire().questions.length;
const cleanups: string[] = [];
let server: FakeOpenAi | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(async () => {
  await Promise.all(cleanups.map((dir) => rm(dir, { recursive: true, force: true })));
});

const silent = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;

/** A published release of `perValue` scenarios per value, its items expanded as `valact release` does. */
async function releaseFixture(perValue: number): Promise<{ data: string; release: string; items: number }> {
  const data = await mkdtemp(join(tmpdir(), 'valact-evaluate-'));
  cleanups.push(data);
  const release = join(data, 'release', '1.0.0');
  await mkdir(release, { recursive: true });
  const templates = loadItemTemplates();
  const items = balancedScenarios(perValue).flatMap((scenario) => expandScenario(scenario, templates));
  await writeFile(join(release, 'manifest.json'), JSON.stringify({ version: '1.0.0', simulated: false, files: [{ path: 'items.jsonl', bytes: 1, sha256: 'a'.repeat(64) }] }));
  await writeFile(join(release, 'items.jsonl'), items.map((item) => JSON.stringify(item)).join('\n') + '\n');
  return { data, release, items: items.length };
}

function context(data: string, evaluate: Record<string, unknown>, env: Record<string, string> = {}, force = false) {
  return createContext({ dataDir: data, config: parseConfig({ evaluate: { bootstrap_resamples: 100, ...evaluate } }, 'test'), quiet: true, force, env, stderr: silent });
}

describe('evaluate run with simulated respondents', () => {
  it('asks every item and question of each, marks everything simulated, and reports beside the paper', async () => {
    const { data, release, items } = await releaseFixture(2);
    const result = await runEvaluation(context(data, {}), { release });
    const run = join(data, 'eval', '1.0.0-simulated');
    const responses = await readJsonl<ItemResponse>(join(run, 'answers', 'responses.jsonl'));
    const answers = await readJsonl<QuestionnaireAnswer>(join(run, 'answers', 'questionnaire.jsonl'));
    const respondents = [...new Set(responses.map((response) => response.respondent))];
    expect(respondents.length).toBeGreaterThanOrEqual(3);
    // Counts add up: every item and every question once per respondent, nothing dropped.
    expect(responses).toHaveLength(respondents.length * items);
    expect(answers).toHaveLength(respondents.length * QUESTIONS);
    const report = await readJson<{ counts: { in: number; out: number; rejected: number; quarantined: number } }>(join(run, 'answers', 'report.json'));
    expect(report.counts.in).toBe(report.counts.out + report.counts.rejected + report.counts.quarantined);
    expect(report.counts.out).toBe(responses.length + answers.length);
    expect(responses.every((response) => response.simulated && response.kind === 'simulated')).toBe(true);
    expect(answers.every((answer) => answer.simulated)).toBe(true);

    const markdown = await readFile(join(run, 'EVAL.md'), 'utf8');
    expect(markdown).toContain('SIMULATED');
    expect(markdown).toMatch(/not a validated psychometric instrument/i);
    expect(markdown).toMatch(/the paper's \(Huang et al\., 2026/);
    const evaluation = await readJson<{ simulated: boolean; per_respondent: Record<string, { select_accuracy: { estimate: number } }>; convergence: { respondents: string[] } }>(join(run, 'eval.json'));
    expect(evaluation.simulated).toBe(true);
    expect(Object.keys(evaluation.per_respondent).sort()).toEqual([...respondents].sort());
    expect(evaluation.convergence.respondents.sort()).toEqual([...respondents].sort());
    for (const figure of ['profiles.svg', 'convergence.svg', 'knowing-doing.svg']) expect(await readFile(join(run, 'figures', figure), 'utf8')).toContain('SIMULATED');
    expect(result.summary.join('\n')).toContain('EVAL.md');

    // A named model without an endpoint is refused, never answered by a simulator.
    await expect(runEvaluation(context(data, {}), { release, models: ['gpt-4o'] })).rejects.toThrow(/no endpoint for gpt-4o/);
  });
});

describe('the strict letter reader', () => {
  it('reads a bare letter and nothing that would need a guess', () => {
    for (const text of ['A', 'b', ' B. ', '**A**', '(B)', 'Answer: A', 'Option B']) expect(readChoiceLetter(text)?.choice, text).toBeDefined();
    for (const text of ['', 'AB', 'A or B', 'A, because it is kinder', 'Both', 'I would rather not say', 'C']) expect(readChoiceLetter(text), text).toBeUndefined();
  });
});

describe('evaluate run through the openai SDK against a loopback server', () => {
  const endpoint = (baseURL: string) => ({ provider: 'openai', base_url: baseURL, rpm: null, tpm: null, max_retries: 2, concurrency: 4 });

  it('answers every item type, counts a refusal, waits out a 429 as asked, and a warm re-run makes no request', async () => {
    const { data, release, items } = await releaseFixture(1);
    let refusedPrompt = '';
    server = await startFakeOpenAi({
      fault: (index, body) => {
        if (index === 0) return { kind: 'status', status: 429, headers: { 'retry-after': '2' } };
        if (index === 3) {
          refusedPrompt = body.messages.at(-1)!.content;
          return { kind: 'refusal', refusal: 'I cannot help with that.' };
        }
        return { kind: 'ok' };
      },
    });
    const waits: number[] = [];
    let clock = 1_700_000_000_000;
    const clockAndSleep = { now: () => clock, sleep: async (ms: number) => void (waits.push(ms), (clock += ms)) };
    await runEvaluation(context(data, endpoint(server.baseURL), { OPENAI_API_KEY: 'test-key' }), { release, models: ['gpt-4o-mini'], ...clockAndSleep });
    // The 429 was waited out for the 2 s the server asked.
    expect(waits.some((ms) => ms >= 2000 && ms < 3000)).toBe(true);
    const run = join(data, 'eval', '1.0.0-gpt-4o-mini');
    const responses = await readJsonl<ItemResponse>(join(run, 'answers', 'responses.jsonl'));
    const answers = await readJsonl<QuestionnaireAnswer>(join(run, 'answers', 'questionnaire.jsonl'));
    expect(responses).toHaveLength(items);
    expect(answers).toHaveLength(QUESTIONS);
    for (const type of ITEM_TYPES) expect(responses.filter((response) => response.item_type === type && response.status === 'answered').length, type).toBeGreaterThan(0);
    const refused = [...responses, ...answers].filter((entry) => entry.status === 'refused');
    expect(refused).toHaveLength(1);
    expect(refusedPrompt).not.toBe('');
    expect(refused[0]!.raw).toBe('I cannot help with that.');
    expect(responses.filter((response) => response.status === 'answered').every((response) => response.answer === 'A' && !response.simulated && response.kind === 'model')).toBe(true);
    const manifest = await readJson<{ release: { version: string; files: Record<string, string> }; respondents: { model: string }[]; prompts: Record<string, string>; simulated: boolean }>(join(run, 'answers', 'manifest.json'));
    expect(manifest.release.version).toBe('1.0.0');
    expect(manifest.release.files['items.jsonl']).toBe('a'.repeat(64));
    expect(manifest.respondents.map((respondent) => respondent.model)).toEqual(['gpt-4o-mini']);
    expect(Object.keys(manifest.prompts).sort()).toEqual(['questionnaire.v1', 'respond.v1']);
    expect(manifest.simulated).toBe(false);
    const evaluation = await readJson<{ per_respondent: Record<string, { statuses: Record<string, { refused: number }> }> }>(join(run, 'eval.json'));
    const refusals = Object.values(evaluation.per_respondent['gpt-4o-mini']!.statuses).reduce((sum, status) => sum + status.refused, 0);
    expect(refusals + answers.filter((answer) => answer.status === 'refused').length).toBe(1);

    // Warm: the same command again asks nothing; forced, it answers from the cache and asks again only the refused call (refusals are not cached).
    const before = server.chatRequests.length;
    await runEvaluation(context(data, endpoint(server.baseURL), { OPENAI_API_KEY: 'test-key' }), { release, models: ['gpt-4o-mini'] });
    expect(server.chatRequests.length).toBe(before);
    await runEvaluation(context(data, endpoint(server.baseURL), { OPENAI_API_KEY: 'test-key' }, true), { release, models: ['gpt-4o-mini'] });
    expect(server.chatRequests.length).toBe(before + 1);
    expect(server.chatRequests.at(-1)!.body.messages.at(-1)!.content).toBe(refusedPrompt);
  });

  it('without structured outputs reads the bare letter, and records an answer it cannot read as unparseable', async () => {
    const { data, release, items } = await releaseFixture(1);
    let firstPrompt: string | null = null;
    server = await startFakeOpenAi({
      fault: (_index, body) => {
        const prompt = body.messages.find((message) => message.role === 'user')!.content;
        firstPrompt ??= prompt;
        // One item is answered with prose, and again after the repair request.
        return prompt === firstPrompt ? { kind: 'content', content: 'Honestly, both options have merit.' } : { kind: 'ok' };
      },
    });
    await runEvaluation(context(data, { ...endpoint(server.baseURL), structured: false, concurrency: 1 }, { OPENAI_API_KEY: 'test-key' }), { release, models: ['gpt-4o-mini'] });
    expect(server.chatRequests.every((request) => request.body.response_format === undefined)).toBe(true);
    const responses = await readJsonl<ItemResponse>(join(data, 'eval', '1.0.0-gpt-4o-mini', 'answers', 'responses.jsonl'));
    const unparseable = responses.filter((response) => response.status === 'unparseable');
    expect(unparseable).toHaveLength(1);
    expect(unparseable[0]!.answer).toBeNull();
    expect(unparseable[0]!.raw).toContain('both options have merit');
    expect(responses.filter((response) => response.status === 'answered')).toHaveLength(items - 1);
  });

  it('--dry-run counts the calls a run would make, minus those cached, and calls nothing', async () => {
    const { data, release, items } = await releaseFixture(1);
    server = await startFakeOpenAi();
    const ctx = () => context(data, endpoint(server!.baseURL), { OPENAI_API_KEY: 'test-key' });
    expect(await dryRunEvaluation(ctx(), { release, models: ['gpt-4o-mini'] })).toMatch(new RegExp(`: ${items + QUESTIONS} calls on release 1\\.0\\.0 .*nothing was called`));
    expect(server.chatRequests).toHaveLength(0);
    await runEvaluation(ctx(), { release, models: ['gpt-4o-mini'] });
    expect(await dryRunEvaluation(ctx(), { release, models: ['gpt-4o-mini'] })).toMatch(/: 0 calls on release/);
  });

  it('--repeats asks each item and question again (a distinct sample, not a cache hit) and records each', async () => {
    const { data, release, items } = await releaseFixture(1);
    server = await startFakeOpenAi();
    await runEvaluation(context(data, { ...endpoint(server.baseURL), repeats: 2, temperature: 0.7 }, { OPENAI_API_KEY: 'test-key' }), { release, models: ['gpt-4o-mini'] });
    expect(server.chatRequests).toHaveLength(2 * (items + QUESTIONS));
    const responses = await readJsonl<ItemResponse>(join(data, 'eval', '1.0.0-gpt-4o-mini', 'answers', 'responses.jsonl'));
    expect(responses.filter((response) => response.repeat === 0)).toHaveLength(items);
    expect(responses.filter((response) => response.repeat === 1)).toHaveLength(items);
    expect(server.chatRequests.every((request) => (request.body as { temperature?: number }).temperature === 0.7)).toBe(true);
  });

  it('a SIGKILLed run resumes, repeating at most the calls in flight, with no duplicate answer', async () => {
    const { data, release, items } = await releaseFixture(1);
    const total = items + QUESTIONS;
    const concurrency = 4;
    server = await startFakeOpenAi({ latencyMs: 40 });
    const args = ['evaluate', 'run', '--data', data, '--release', release, '--model', 'gpt-4o-mini', '--provider', 'openai', '--base-url', server.baseURL, '--concurrency', String(concurrency), '--quiet'];
    const runChild = (killAfter: number | null) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, OPENAI_API_KEY: 'test-key' }, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const seen = server!.chatRequests.length;
        const watcher = killAfter === null ? null : setInterval(() => server!.chatRequests.length - seen >= killAfter && child.kill('SIGKILL'), 5);
        child.on('exit', (code, signal) => {
          if (watcher) clearInterval(watcher);
          resolve({ code, signal, stderr });
        });
      });
    const killed = await runChild(30);
    expect(killed.signal).toBe('SIGKILL');
    const first = server.chatRequests.length;
    expect(first).toBeLessThan(total);
    const resumed = await runChild(null);
    expect(resumed.code, resumed.stderr).toBe(0);
    const second = server.chatRequests.length - first;
    expect(second).toBeGreaterThan(0);
    // In flight at the kill: the calls the stage had handed the client (twice the concurrency: up
    // to `concurrency` at the server, and as many answered but not yet journalled and cached).
    expect(first + second).toBeLessThanOrEqual(total + 2 * concurrency);
    const responses = await readJsonl<ItemResponse>(join(data, 'eval', '1.0.0-gpt-4o-mini', 'answers', 'responses.jsonl'));
    expect(responses).toHaveLength(items);
    expect(new Set(responses.map((response) => response.item_id)).size).toBe(items);
  }, 30_000);
});
