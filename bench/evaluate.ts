/**
 * Benchmark of `valact evaluate`:
 *
 * 1. The measurement and report of a full-size study: 10 simulated respondents × 15,000 items
 *    (3,000 scenarios) and the questionnaire, every figure with its bootstrap interval (1,000
 *    resamples): eval.json, EVAL.md and the figures. Target: under 10 s.
 * 2. The respondent calls' rate through the real openai SDK against the fake server in its own
 *    process (300 ms latency), driven by the answers stage itself, against the ideal: the lower
 *    of concurrency ÷ latency and the rate limit.
 *
 *   npm run bench:evaluate
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { runAnswers } from '../pipeline/evaluate/answering.ts';
import { reportEvaluation } from '../pipeline/evaluate/evaluation.ts';
import { readEvaluatedRelease } from '../pipeline/evaluate/published.ts';
import { expandScenario, loadItemTemplates } from '../pipeline/release/items.ts';
import { balancedScenarios } from '../tests/support/scenario-fixtures.ts';
import { startFakeOpenAiProcess } from './support/fake-openai-process.ts';

const silent = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;

async function releaseFolder(data: string, perValue: number): Promise<string> {
  const release = join(data, 'release', '1.0.0');
  await mkdir(release, { recursive: true });
  const templates = loadItemTemplates();
  const items = balancedScenarios(perValue).flatMap((scenario) => expandScenario(scenario, templates));
  await writeFile(join(release, 'manifest.json'), JSON.stringify({ version: '1.0.0', simulated: true, files: [] }));
  await writeFile(join(release, 'items.jsonl'), items.map((item) => JSON.stringify(item)).join('\n') + '\n');
  return release;
}

async function reportAtFullSize(): Promise<void> {
  const data = await mkdtemp(join(tmpdir(), 'valact-bench-evaluate-'));
  try {
    const directory = await releaseFolder(data, 300);
    const ctx = createContext({ dataDir: data, config: parseConfig({ evaluate: { simulated_respondents: 10, bootstrap_resamples: 1000 } }, 'bench'), quiet: true, force: true, env: {}, stderr: silent });
    const release = await readEvaluatedRelease(ctx, directory);
    let started = performance.now();
    const answers = await runAnswers(ctx, release, 'bench', {});
    const answerSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const report = await reportEvaluation(ctx, { run: 'bench' });
    const reportSeconds = (performance.now() - started) / 1000;
    console.log(
      `10 simulated respondents × ${release.items.length.toLocaleString('en-US')} items (${answers.report.counts.out.toLocaleString('en-US')} answers with the questionnaire): ` +
        `answering ${answerSeconds.toFixed(2)} s; metrics and report (1,000 bootstrap resamples, eval.json, EVAL.md, 3 SVGs) ${reportSeconds.toFixed(2)} s (target < 10 s)`,
    );
    console.log(`  ${report.summary[1]!.trim()}`);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

async function callRate(concurrency: number, rpm: number | null, perValue: number): Promise<void> {
  const latencyMs = 300;
  const server = await startFakeOpenAiProcess({ latencyMs, inject429Every: null, retryAfterSeconds: 1 });
  const data = await mkdtemp(join(tmpdir(), 'valact-bench-evaluate-calls-'));
  try {
    const directory = await releaseFolder(data, perValue);
    const config = parseConfig({ evaluate: { provider: 'openai', base_url: server.baseURL, concurrency, rpm, tpm: null } }, 'bench');
    const ctx = createContext({ dataDir: data, config, quiet: true, force: true, env: { OPENAI_API_KEY: 'bench' }, stderr: silent });
    const release = await readEvaluatedRelease(ctx, directory);
    const started = performance.now();
    const { report } = await runAnswers(ctx, release, 'bench', { models: ['gpt-4o-mini'] });
    const seconds = (performance.now() - started) / 1000;
    const calls = report.counts.out;
    const achieved = calls / seconds;
    const ideal = Math.min(concurrency / (latencyMs / 1000), rpm === null ? Infinity : rpm / 60);
    console.log(
      `respondent calls, ${calls} (${release.items.length} items + the questionnaire), concurrency ${concurrency}, ${rpm === null ? 'no rpm limit' : `${rpm} rpm`}, ${latencyMs} ms latency: ` +
        `${seconds.toFixed(1)} s = ${achieved.toFixed(1)} calls/s vs ideal ${ideal.toFixed(1)} (${((100 * achieved) / ideal).toFixed(1)}%); requests ${report.details.requests}, quarantined ${report.counts.quarantined}`,
    );
  } finally {
    await server.close();
    await rm(data, { recursive: true, force: true });
  }
}

await reportAtFullSize();
await callRate(16, null, 20);
await callRate(32, 3000, 20);
