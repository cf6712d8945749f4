/**
 * End to end over the bundled sample corpus, as `npm start` runs it: collect -> filter ->
 * generate (offline provider) -> validate -> release 0.1.0 -> audit judge (offline, simulated)
 * -> release 0.1.1 carrying the audit -> evaluate run (simulated respondents), then the same again to show that a re-run repeats
 * nothing and both releases verify.
 */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { captureIo, type CapturedIo } from './support/io.ts';

interface Report {
  counts: { in: number; out: number; rejected: number; quarantined: number; per_reason: Record<string, number> };
  details?: Record<string, unknown>;
}

let dataDir: string;
let firstRun: CapturedIo;
let firstExit: number;

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function countLines(file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  return text === '' ? 0 : text.trimEnd().split('\n').length;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'valact-e2e-'));
  // No model endpoint in the environment: the offline provider must answer.
  firstRun = captureIo({ SOURCE_DATE_EPOCH: '1735689600' });
  firstExit = await main(['pipeline', '--data', dataDir, '--quiet'], firstRun);
}, 240_000);

describe('the whole pipeline on the sample corpus', () => {
  it('runs every stage and prints where the release is', () => {
    expect(firstRun.err()).not.toMatch(/^error/m);
    expect(firstExit).toBe(0);
    expect(firstRun.out()).toMatch(/release 0\.1\.0: \d+ scenarios, \d+ items -> .*release\/0\.1\.0 — SIMULATED/);
  });

  it.each(['raw', 'work/filter', 'work/generate', 'work/validate'])('the %s report adds up', async (folder) => {
    const report = await readJson<Report>(join(dataDir, folder, 'report.json'));
    const { in: received, out, rejected, quarantined, per_reason } = report.counts;
    expect(received).toBeGreaterThan(0);
    expect(out + rejected + quarantined).toBe(received);
    expect(Object.values(per_reason).reduce((sum, count) => sum + count, 0)).toBe(rejected + quarantined);
  });

  it('hands each stage exactly what the previous one passed on', async () => {
    const raw = await readJson<Report>(join(dataDir, 'raw', 'report.json'));
    const filter = await readJson<Report>(join(dataDir, 'work', 'filter', 'report.json'));
    const generate = await readJson<Report>(join(dataDir, 'work', 'generate', 'report.json'));
    const validate = await readJson<Report>(join(dataDir, 'work', 'validate', 'report.json'));
    expect(await countLines(join(dataDir, 'raw', 'posts.jsonl'))).toBe(raw.counts.out);
    expect(filter.counts.in).toBe(raw.counts.out);
    expect(generate.counts.in).toBe(filter.counts.out);
    expect(validate.counts.in).toBe(generate.counts.out);
  });

  it('publishes a balanced, simulated release of five items per scenario', async () => {
    const release = join(dataDir, 'release', '0.1.0');
    const manifest = await readJson<{
      per_value: number;
      simulated: boolean;
      counts: { scenarios: number; items: number; per_value: Record<string, number> };
    }>(join(release, 'manifest.json'));
    expect(manifest.simulated).toBe(true);
    expect(Object.values(manifest.counts.per_value)).toEqual(Array(10).fill(manifest.per_value));
    expect(manifest.counts.scenarios).toBe(10 * manifest.per_value);
    expect(manifest.counts.items).toBe(5 * manifest.counts.scenarios);
    expect(await countLines(join(release, 'items.jsonl'))).toBe(manifest.counts.items);
    const card = await readFile(join(release, 'README.md'), 'utf8');
    expect(card).toMatch(/simulated/i);
    const scenarios = (await readFile(join(release, 'scenarios.jsonl'), 'utf8')).trimEnd().split('\n');
    for (const line of scenarios) {
      expect((JSON.parse(line) as { generation: { simulated: boolean } }).generation.simulated).toBe(true);
    }
  });

  it('never puts the raw author into released text', async () => {
    const posts = (await readFile(join(dataDir, 'raw', 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
    const authors = new Set(posts.map((line) => (JSON.parse(line) as { author: string }).author).filter((author) => author.length > 3 && author !== '[deleted]'));
    const release = join(dataDir, 'release', '0.1.0');
    // The permalink (the post's public address, with Reddit's title slug) is provenance; the
    // texts a model or a reader sees must not carry the author.
    const texts = [
      ...(await readFile(join(release, 'scenarios.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => {
        const scenario = JSON.parse(line) as { situation: string; options: { text: string; rationale: string }[] };
        return [scenario.situation, ...scenario.options.flatMap((option) => [option.text, option.rationale])].join('\n');
      }),
      ...(await readFile(join(release, 'items.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { prompt: string }).prompt),
    ];
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      for (const author of authors) expect(text.includes(author), `released text contains author ${author}`).toBe(false);
    }
  });

  it('audits 0.1.0 with simulated judges and publishes 0.1.1 whose card carries the audit, marked simulated', async () => {
    const audit = await readJson<{ summary: { audited_release: string; simulated: boolean; scenarios_judged: number; judges: { simulated: boolean }[] } }>(join(dataDir, 'audit', '0.1.0', 'audit.json'));
    expect(audit.summary.audited_release).toBe('0.1.0');
    expect(audit.summary.simulated).toBe(true);
    expect(audit.summary.judges.length).toBe(2);
    expect(audit.summary.judges.every((judge) => judge.simulated)).toBe(true);
    const first = await readJson<{ label_audit: unknown; counts: { scenarios: number } }>(join(dataDir, 'release', '0.1.0', 'manifest.json'));
    expect(first.label_audit).toBeNull();
    expect(audit.summary.scenarios_judged).toBe(first.counts.scenarios);
    const second = await readJson<{ label_audit: { audited_release: string; simulated: boolean; released_scenarios_audited: number } }>(join(dataDir, 'release', '0.1.1', 'manifest.json'));
    expect(second.label_audit).toMatchObject({ audited_release: '0.1.0', simulated: true, released_scenarios_audited: first.counts.scenarios });
    const card = await readFile(join(dataDir, 'release', '0.1.1', 'README.md'), 'utf8');
    expect(card).toMatch(/## Label audit \(SIMULATED\)/);
    expect(card).toMatch(/options read as their labelled value \(judges\) \| \d+\.\d% \(95% CI/);
    expect(await readFile(join(dataDir, 'release', '0.1.1', 'CHANGELOG.md'), 'utf8')).toMatch(/Carries the label audit of release 0\.1\.0 \(SIMULATED raters\)/);
  });

  it('ends with a simulated evaluation of 0.1.1 and says where EVAL.md is', async () => {
    const run = join(dataDir, 'eval', '0.1.1-simulated');
    expect(firstRun.out()).toContain(join(run, 'EVAL.md'));
    expect(firstRun.out()).toMatch(/evaluation 0\.1\.1-simulated of release 0\.1\.1 — SIMULATED respondents/);
    const evaluation = await readJson<{ release: string; simulated: boolean; respondents: { simulated: boolean }[] }>(join(run, 'eval.json'));
    expect(evaluation.release).toBe('0.1.1');
    expect(evaluation.simulated).toBe(true);
    expect(evaluation.respondents.every((respondent) => respondent.simulated)).toBe(true);
    expect(await readFile(join(run, 'EVAL.md'), 'utf8')).toMatch(/^# Evaluation 0\.1\.1-simulated on release 0\.1\.1 — SIMULATED/);
  });

  it('a second run finds every stage up to date and both releases verify', async () => {
    const rerun = captureIo({ SOURCE_DATE_EPOCH: '1735689600' });
    expect(await main(['pipeline', '--data', dataDir, '--quiet'], rerun)).toBe(0);
    expect(rerun.out()).toMatch(/release 0\.1\.1: up to date/);
    expect(rerun.out()).not.toMatch(/release 0\.1\.\d+: \d+ scenarios/);
    expect((await readdir(join(dataDir, 'release'))).sort()).toEqual(['0.1.0', '0.1.1']);
    for (const version of ['0.1.0', '0.1.1']) {
      const verify = captureIo();
      expect(await main(['release', '--verify', join(dataDir, 'release', version)], verify)).toBe(0);
      expect(verify.out()).toMatch(/is intact/);
    }
  });
});
