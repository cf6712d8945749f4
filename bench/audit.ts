/**
 * Benchmark of `valact audit`:
 *
 * 1. The measurement and report of a full-size audit: 3,000 scenarios × 3 judges (simulated
 *    readings with known errors), every figure with its bootstrap interval (1,000 resamples),
 *    audit.json, AUDIT.md, both SVG figures and flagged.jsonl. Target: under 5 s.
 * 2. The judge calls' rate through the real openai SDK against the fake server in its own
 *    process (300 ms latency), driven by the judge stage itself, against the ideal: the lower
 *    of concurrency ÷ latency and the rate limit.
 *
 *   npm run bench:audit
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { simulatedJudgment } from '../pipeline/audit/judge.ts';
import { runJudges } from '../pipeline/audit/judging.ts';
import { measure } from '../pipeline/audit/measure.ts';
import { runReport } from '../pipeline/audit/report.ts';
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import type { Scenario } from '../pipeline/records.ts';
import { balancedScenarios } from '../tests/support/scenario-fixtures.ts';
import { startFakeOpenAiProcess } from './support/fake-openai-process.ts';

const silent = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;

async function releaseFolder(data: string, scenarios: Scenario[]): Promise<string> {
  const release = join(data, 'release', '1.0.0');
  await mkdir(release, { recursive: true });
  await writeFile(join(release, 'manifest.json'), JSON.stringify({ version: '1.0.0', simulated: true }));
  await writeFile(join(release, 'scenarios.jsonl'), scenarios.map((scenario) => JSON.stringify(scenario)).join('\n') + '\n');
  return release;
}

async function reportAtFullSize(): Promise<void> {
  const scenarios = balancedScenarios(300);
  const errors = { neighbourRate: 0.2, acrossRate: 0.05 };
  const judgments = ['judge-a', 'judge-b', 'judge-c'].flatMap((rater) => scenarios.map((scenario) => simulatedJudgment(scenario, rater, errors)));

  const data = await mkdtemp(join(tmpdir(), 'valact-bench-audit-'));
  try {
    const release = await releaseFolder(data, scenarios);
    const judges = join(data, 'audit', '1.0.0', 'judges');
    await mkdir(judges, { recursive: true });
    await writeFile(join(judges, 'judgments.jsonl'), judgments.map((judgment) => JSON.stringify(judgment)).join('\n') + '\n');
    const ctx = createContext({ dataDir: data, config: parseConfig({ audit: { bootstrap_resamples: 1000 } }, 'bench'), quiet: true, force: true, env: {}, stderr: silent });

    let started = performance.now();
    const result = measure(scenarios, judgments, { resamples: 1000, seed: 1 });
    const measureSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await runReport(ctx, { release });
    const reportSeconds = (performance.now() - started) / 1000;
    console.log(
      `statistics of 3,000 scenarios × 3 judges (${judgments.length * 2} option readings), 1,000 bootstrap resamples: ${measureSeconds.toFixed(2)} s; ` +
        `the whole report stage (read, measure, audit.json, AUDIT.md, SVGs, flagged.jsonl): ${reportSeconds.toFixed(2)} s (target < 5 s)`,
    );
    console.log(`  accuracy ${result.judge_accuracy.estimate} (95% CI ${result.judge_accuracy.low}–${result.judge_accuracy.high}; built in 0.75), adjacent share of confusions ${result.confusions.adjacent_share.estimate} (built in 0.80)`);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

async function judgeRate(concurrency: number, rpm: number | null, perJudge: number): Promise<void> {
  const latencyMs = 300;
  const server = await startFakeOpenAiProcess({ latencyMs, inject429Every: null, retryAfterSeconds: 1 });
  const data = await mkdtemp(join(tmpdir(), 'valact-bench-audit-judge-'));
  try {
    const scenarios = balancedScenarios(perJudge / 10);
    const release = await releaseFolder(data, scenarios);
    // Three different models: the same model would answer from the cache for the second and third judge.
    const judges = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'].map((model) => ({ name: model, model }));
    const config = parseConfig({ audit: { provider: 'openai', base_url: server.baseURL, concurrency, rpm, tpm: null, judges } }, 'bench');
    const ctx = createContext({ dataDir: data, config, quiet: true, force: true, env: { OPENAI_API_KEY: 'bench' }, stderr: silent });
    const started = performance.now();
    const { outcome } = await runJudges(ctx, { release });
    const seconds = (performance.now() - started) / 1000;
    const calls = outcome.report.counts.out;
    const achieved = calls / seconds;
    const ideal = Math.min(concurrency / (latencyMs / 1000), rpm === null ? Infinity : rpm / 60);
    console.log(
      `judge calls, 3 judges × ${perJudge} scenarios, concurrency ${concurrency}, ${rpm === null ? 'no rpm limit' : `${rpm} rpm`}, ${latencyMs} ms latency: ` +
        `${calls} answered in ${seconds.toFixed(1)} s = ${achieved.toFixed(1)} calls/s vs ideal ${ideal.toFixed(1)} (${((100 * achieved) / ideal).toFixed(1)}%); ` +
        `requests ${outcome.report.details.requests}, quarantined ${outcome.report.counts.quarantined}`,
    );
  } finally {
    await server.close();
    await rm(data, { recursive: true, force: true });
  }
}

await reportAtFullSize();
await judgeRate(8, null, 200);
await judgeRate(16, 1200, 200);
