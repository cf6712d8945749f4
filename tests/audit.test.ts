/**
 * `valact audit` end to end: offline judges over the sample release (report files, counts that
 * add up, flagged scenarios with every judge's answer), a release that leaves the flagged out,
 * the human round trip through packets (CSV and the page's JSONL) with imports that refuse
 * what they cannot place, and the judges through the real openai SDK against a loopback server
 * (cache, 429 with Retry-After, repair then quarantine).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runJudges } from '../pipeline/audit/judging.ts';
import { shownOrder } from '../pipeline/audit/judge.ts';
import { PACKET_COLUMNS, type PacketRow } from '../pipeline/audit/packets.ts';
import { main } from '../pipeline/cli.ts';
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { parseCsv, writeCsv } from '../pipeline/core/csv.ts';
import type { Scenario } from '../pipeline/records.ts';
import { CIRCLE_ORDER, VALUE_IDS, type ValueId } from '../pipeline/values.ts';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.ts';
import { captureIo } from './support/io.ts';
import { balancedScenarios } from './support/scenario-fixtures.ts';
import { readJson, readJsonl } from './support/files.ts';

const cleanups: string[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(dir);
  return dir;
}


async function valact(args: string[]) {
  const io = captureIo({ SOURCE_DATE_EPOCH: '1735689600' });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('valact audit on the sample release (offline, simulated judges)', () => {
  let data: string;
  let config: string;
  const release = () => join(data, 'release', '0.1.0');
  const auditDir = () => join(data, 'audit', '0.1.0');

  beforeAll(async () => {
    data = await tempDir('valact-audit-');
    config = join(data, 'config.json');
    // Judges that err often, so some scenarios are flagged and the exclusion has work to do.
    await writeFile(config, JSON.stringify({ audit: { offline_neighbour_rate: 0.35, offline_across_rate: 0.25, bootstrap_resamples: 200 } }));
    const run = await valact(['pipeline', '--data', data, '--config', config, '--quiet']);
    expect(run.err).not.toMatch(/^error/m);
    expect(run.code).toBe(0);
  }, 240_000);

  it('writes audit.json, AUDIT.md, both figures and flagged.jsonl, all marked simulated, and accounts for every scenario', async () => {
    const audit = await readJson<{ summary: { simulated: boolean; scenarios_judged: number; flagged: number; judge_accuracy: { estimate: number } } }>(join(auditDir(), 'audit.json'));
    const scenarios = await readJsonl<Scenario>(join(release(), 'scenarios.jsonl'));
    expect(audit.summary.simulated).toBe(true);
    expect(audit.summary.scenarios_judged).toBe(scenarios.length);
    // 60% of readings replaced: accuracy near 40%.
    expect(audit.summary.judge_accuracy.estimate).toBeGreaterThan(0.3);
    expect(audit.summary.judge_accuracy.estimate).toBeLessThan(0.5);
    const report = await readJson<{ counts: { in: number; out: number; rejected: number; per_reason: Record<string, number> } }>(join(auditDir(), 'report.json'));
    expect(report.counts.in).toBe(scenarios.length);
    expect(report.counts.out + report.counts.rejected).toBe(report.counts.in);
    expect(report.counts.per_reason.flagged ?? 0).toBe(audit.summary.flagged);
    expect(audit.summary.flagged).toBeGreaterThan(0);

    const flagged = await readJsonl<{ scenario_id: string; objections: { rater: string; reason: string }[]; judgments: { rater: string }[] }>(join(auditDir(), 'flagged.jsonl'));
    expect(flagged.length).toBe(audit.summary.flagged);
    for (const entry of flagged) {
      expect(entry.judgments.map((judgment) => judgment.rater).sort()).toEqual(['offline-judge-a', 'offline-judge-b']);
      expect(entry.objections.length).toBeGreaterThan(entry.judgments.length / 2);
    }
    expect(await readFile(join(auditDir(), 'AUDIT.md'), 'utf8')).toMatch(/^# Label audit of release 0\.1\.0 — SIMULATED/);
    const heatmap = await readFile(join(auditDir(), 'figures', 'confusion.svg'), 'utf8');
    expect(heatmap).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(heatmap).toMatch(/SIMULATED/);
    expect(await readFile(join(auditDir(), 'figures', 'agreement-by-value.svg'), 'utf8')).toMatch(/<\/svg>\s*$/);
  });

  it('release --exclude-flagged leaves every flagged scenario out and the change log says why', async () => {
    const flagged = (await readJsonl<{ scenario_id: string }>(join(auditDir(), 'flagged.jsonl'))).map((entry) => entry.scenario_id).sort();
    const run = await valact(['release', '--data', data, '--config', config, '--exclude-flagged', '--allow-unbalanced', '--if-published', 'next-patch', '--quiet']);
    expect(run.err).not.toMatch(/^error/m);
    expect(run.code).toBe(0);
    const version = /release (0\.1\.\d+): \d+ scenarios/.exec(run.out)?.[1];
    expect(version).toBe('0.1.2');
    const published = join(data, 'release', version!);
    const ids = new Set((await readJsonl<Scenario>(join(published, 'scenarios.jsonl'))).map((scenario) => scenario.id));
    for (const id of flagged) expect(ids.has(id)).toBe(false);
    const manifest = await readJson<{ label_audit: { flagged_excluded: string[]; flagged: number } }>(join(published, 'manifest.json'));
    expect(manifest.label_audit.flagged_excluded).toEqual(flagged);
    const changelog = await readFile(join(published, 'CHANGELOG.md'), 'utf8');
    for (const id of flagged) expect(changelog).toContain(`\`${id}\`: flagged by the label audit of release 0.1.0 (release --exclude-flagged)`);
    expect(changelog).toMatch(/Left out \d+ flagged scenario/);
  });

  it('generate --regenerate rewrites the flagged posts with the objections, and the next release replaces them', async () => {
    const flaggedFile = join(auditDir(), 'flagged.jsonl');
    const flagged = await readJsonl<{ scenario_id: string; post_id: string }>(flaggedFile);
    const before = new Map((await readJsonl<Scenario>(join(release(), 'scenarios.jsonl'))).map((scenario) => [scenario.id, JSON.stringify(scenario)]));
    const generate = await valact(['generate', '--data', data, '--config', config, '--regenerate', flaggedFile, '--quiet']);
    expect(generate.err).not.toMatch(/^error/m);
    expect(generate.code).toBe(0);
    const objections = await readJsonl<{ post_id: string; objection: string }>(join(data, 'work', 'generate', 'objections.jsonl'));
    expect(objections.map((objection) => objection.post_id).sort()).toEqual(flagged.map((entry) => entry.post_id).sort());
    expect(objections[0]!.objection).toMatch(/^Blind reviewers[\s\S]*Reviewer 1: the option meant to enact [A-Z][\s\S]*Reviewer 2:/);
    const regenerated = new Map((await readJsonl<Scenario>(join(data, 'work', 'generate', 'scenarios.jsonl'))).map((scenario) => [scenario.id, scenario]));
    for (const { scenario_id } of flagged) {
      expect(regenerated.get(scenario_id), scenario_id).toBeDefined();
      expect(JSON.stringify(regenerated.get(scenario_id))).not.toBe(before.get(scenario_id));
    }
    // The objections stay: a plain re-run is up to date and does not bring the rejected text back.
    const again = await valact(['generate', '--data', data, '--config', config, '--quiet']);
    expect(again.out).toMatch(/generate: up to date/);
    expect(await valact(['validate', '--data', data, '--config', config, '--quiet'])).toMatchObject({ code: 0 });
    const published = await valact(['release', '--data', data, '--config', config, '--if-published', 'next-patch', '--quiet']);
    expect(published.code).toBe(0);
    const version = /release (0\.1\.\d+): \d+ scenarios/.exec(published.out)![1]!;
    // Against 0.1.0, the flagged scenarios the new release carries are the rewritten ones.
    const now = new Map((await readJsonl<Scenario>(join(data, 'release', version, 'scenarios.jsonl'))).map((scenario) => [scenario.id, JSON.stringify(scenario)]));
    const carried = flagged.filter(({ scenario_id }) => now.has(scenario_id));
    expect(carried.length).toBeGreaterThan(0);
    for (const { scenario_id } of carried) {
      expect(now.get(scenario_id)).toBe(JSON.stringify(regenerated.get(scenario_id)));
      expect(now.get(scenario_id)).not.toBe(before.get(scenario_id));
    }
  });

  describe('the human round trip', () => {
    let packets: string;
    let sample: { sample_id: string; overlap: string[]; assignment: Record<string, string[]>; size: number };
    let scenarios: Map<string, Scenario>;

    beforeAll(async () => {
      const run = await valact(['audit', 'export', '--data', data, '--release', release(), '--sample', '20', '--annotators', '2', '--overlap', '0.25', '--quiet']);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const id = /sample (s[0-9a-f]{10})/.exec(run.out)![1]!;
      packets = join(auditDir(), 'packets', id);
      sample = await readJson(join(packets, 'sample.json'));
      scenarios = new Map((await readJsonl<Scenario>(join(release(), 'scenarios.jsonl'))).map((scenario) => [scenario.id, scenario]));
    });

    /** The labelled value of the option shown at `shown` (0 or 1). */
    const labelShown = (scenario: Scenario, shown: 0 | 1): ValueId => scenario.options[shownOrder(scenario)[shown]]!.value;

    it('draws a sample stratified by value, shares the overlap with everyone, and writes packets without labels', async () => {
      expect(sample.size).toBe(20);
      expect(sample.overlap.length).toBe(5);
      const drawn = [...new Set(Object.values(sample.assignment).flat())];
      expect(drawn.length).toBe(20);
      const perValue = VALUE_IDS.map((value) => drawn.filter((id) => scenarios.get(id)!.target_value === value).length);
      expect(perValue).toEqual(Array(10).fill(2));
      for (const annotator of ['annotator-1', 'annotator-2']) {
        expect(sample.assignment[annotator]).toEqual(expect.arrayContaining(sample.overlap));
        const csv = await readFile(join(packets, `${annotator}.csv`), 'utf8');
        expect(csv.split(/\r?\n/)[0]).toBe(PACKET_COLUMNS.join(','));
        const rows = await readJsonl<Record<string, string>>(join(packets, `${annotator}.jsonl`));
        expect(rows.map((row) => row.scenario_id).sort()).toEqual([...sample.assignment[annotator]!].sort());
        for (const row of rows) {
          expect(Object.keys(row)).toEqual([...PACKET_COLUMNS]);
          expect(row.option_1_value).toBe('');
          // The options are shown in the same blind order the judges see.
          const scenario = scenarios.get(row.scenario_id!)!;
          expect(row.option_1).toBe(scenario.options[shownOrder(scenario)[0]]!.text);
        }
      }
    });

    /** annotator-1 fills the CSV in a spreadsheet; annotator-2 answers on the page (its JSONL). */
    async function fillPackets(directory: string, mutate: (rows: PacketRow[]) => PacketRow[] = (rows) => rows): Promise<string[]> {
      const csvRows = await parseCsv<(typeof PACKET_COLUMNS)[number]>(await readFile(join(packets, 'annotator-1.csv'), 'utf8'));
      const filled = csvRows.map((row) => {
        const scenario = scenarios.get(row.scenario_id)!;
        return { ...row, option_1_value: labelShown(scenario, 0), option_1_plausible: 'yes', option_2_value: labelShown(scenario, 1), option_2_plausible: 'yes', genuine_dilemma: 'yes' };
      });
      const csvFile = join(directory, 'annotator-1.csv');
      await writeFile(csvFile, await writeCsv(mutate(filled), PACKET_COLUMNS));
      const pageRows = await readJsonl<PacketRow>(join(packets, 'annotator-2.jsonl'));
      const answersFile = join(directory, 'annotator-2.answers.jsonl');
      await writeFile(
        answersFile,
        pageRows
          .map((row) => {
            const scenario = scenarios.get(row.scenario_id)!;
            const reading = (shown: 0 | 1) => ({ value: labelShown(scenario, shown), second_value: null, plausible: true });
            return JSON.stringify({ sample_id: row.sample_id, annotator: row.annotator, scenario_id: row.scenario_id, position: Number(row.position), option_1: reading(0), option_2: reading(1), genuine_dilemma: true, comment: '' });
          })
          .join('\n') + '\n',
      );
      return [csvFile, answersFile];
    }

    it('refuses, naming file, line and column, values outside the ten, unknown ids, duplicates and another sample; nothing is imported', async () => {
      const cases: [string, (rows: PacketRow[]) => PacketRow[], RegExp][] = [
        ['a value outside the ten', (rows) => rows.map((row, index) => (index === 1 ? { ...row, option_1_value: 'kindness' } : row)), /annotator-1\.csv:3 \[option_1_value\] "kindness" is not one of the ten values/],
        ['an unknown scenario', (rows) => rows.map((row, index) => (index === 0 ? { ...row, scenario_id: 'sc_nosuch' } : row)), /annotator-1\.csv:2 \[scenario_id\] scenario "sc_nosuch" is not in annotator-1's packet/],
        ['a duplicate answer', (rows) => [...rows, rows[0]!], /annotator-1\.csv:\d+ \[scenario_id\] a second answer by annotator-1/],
        ['a packet of another sample', (rows) => rows.map((row, index) => (index === 2 ? { ...row, sample_id: 's0000000000' } : row)), /annotator-1\.csv:4 \[sample_id\] from sample "s0000000000"/],
        ['a yes/no cell that is neither', (rows) => rows.map((row, index) => (index === 0 ? { ...row, genuine_dilemma: 'maybe' } : row)), /annotator-1\.csv:2 \[genuine_dilemma\] expected yes or no/],
      ];
      for (const [name, mutate, message] of cases) {
        const directory = await tempDir('valact-import-');
        const files = await fillPackets(directory, mutate);
        const run = await valact(['audit', 'import', '--data', data, '--release', release(), '--quiet', ...files]);
        expect(run.code, name).toBe(3);
        expect(run.err, name).toMatch(message);
        expect(run.err, name).toMatch(/nothing was imported/);
      }
      await expect(readFile(join(auditDir(), 'annotations', 'annotations.jsonl'), 'utf8')).rejects.toThrow(/ENOENT/);
    });

    it('imports filled packets and page answers; the report measures people against the labels and each other', async () => {
      const directory = await tempDir('valact-import-');
      const files = await fillPackets(directory);
      const run = await valact(['audit', 'import', '--data', data, '--release', release(), '--quiet', ...files]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const annotations = await readJsonl<{ rater: string; kind: string; simulated: boolean }>(join(auditDir(), 'annotations', 'annotations.jsonl'));
      // 20 drawn, 5 of them seen by both: 25 answers.
      expect(annotations.length).toBe(25);
      expect(annotations.every((annotation) => annotation.kind === 'human' && !annotation.simulated)).toBe(true);
      const audit = await readJson<{ summary: { scenarios_annotated: number; annotators: number; human_accuracy: { estimate: number }; humans_alpha: { estimate: number } } }>(join(auditDir(), 'audit.json'));
      expect(audit.summary).toMatchObject({ scenarios_annotated: 20, annotators: 2 });
      // Both answered every option with its label (mapped back from the shown order).
      expect(audit.summary.human_accuracy.estimate).toBe(1);
      expect(audit.summary.humans_alpha.estimate).toBe(1);
    });
  });
});

describe('LLM judges through the openai SDK against a loopback server', () => {
  let server: FakeOpenAi | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;

  async function releaseFixture(scenarios: Scenario[]): Promise<{ data: string; release: string }> {
    const data = await tempDir('valact-judge-sdk-');
    const release = join(data, 'release', '1.0.0');
    await mkdir(release, { recursive: true });
    await writeFile(join(release, 'manifest.json'), JSON.stringify({ version: '1.0.0', simulated: false }));
    await writeFile(join(release, 'scenarios.jsonl'), scenarios.map((scenario) => JSON.stringify(scenario)).join('\n') + '\n');
    return { data, release };
  }

  const context = (data: string, baseUrl: string, force = false) =>
    createContext({
      dataDir: data,
      config: parseConfig({ audit: { provider: 'openai', base_url: baseUrl, rpm: null, tpm: null, max_retries: 2, judges: [{ name: 'fake-judge', model: 'fake-model' }], bootstrap_resamples: 100 } }, 'test'),
      quiet: true,
      force,
      env: { OPENAI_API_KEY: 'test-key' },
      stderr: silent,
    });

  it('caches every judge answer: a second audit makes zero requests', async () => {
    server = await startFakeOpenAi();
    const scenarios = balancedScenarios(2);
    const { data, release } = await releaseFixture(scenarios);
    const first = await runJudges(context(data, server.baseURL), { release });
    expect(first.outcome.report.counts.out).toBe(scenarios.length);
    expect(server.chatRequests.length).toBe(scenarios.length);
    const judgments = await readFile(join(data, 'audit', '1.0.0', 'judges', 'judgments.jsonl'), 'utf8');
    const second = await runJudges(context(data, server.baseURL, true), { release });
    expect(server.chatRequests.length).toBe(scenarios.length);
    expect(second.outcome.report.details.cache_hits).toBe(scenarios.length);
    expect(await readFile(join(data, 'audit', '1.0.0', 'judges', 'judgments.jsonl'), 'utf8')).toBe(judgments);
    // The judge saw no label: neither value id nor the scenario's field names are in any request.
    for (const { body } of server.chatRequests) {
      const user = body.messages.find((message) => message.role === 'user')!.content;
      expect(user).not.toMatch(/target|competing|rationale/i);
    }
  });

  it('honours a 429 Retry-After, repairs a malformed answer, and quarantines one that stays malformed', async () => {
    const scenarios = balancedScenarios(2);
    const [repairable, hopeless] = [scenarios[3]!, scenarios[7]!];
    const mentions = (body: { messages: { content: string }[] }, scenario: Scenario) => body.messages.some((message) => message.content.includes(scenario.situation));
    server = await startFakeOpenAi({
      fault: (index, body) => {
        if (index === 0) return { kind: 'status', status: 429, headers: { 'retry-after': '3' } };
        if (mentions(body, hopeless)) return { kind: 'content', content: '{"option_1": "kindness"' };
        // The first answer for this scenario is broken; the repair request (which carries the error) gets a good one.
        if (mentions(body, repairable) && body.messages.length === 2) {
          return { kind: 'content', content: '{"option_1": {"value": "kindness", "second_value": null, "plausible": true}}' };
        }
        return { kind: 'ok' };
      },
    });
    const { data, release } = await releaseFixture(scenarios);
    // A clock and a sleep that agree: waiting costs no real time.
    const waits: number[] = [];
    let clock = 1_700_000_000_000;
    const { outcome } = await runJudges(context(data, server.baseURL), {
      release,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    // The 429 was waited out for the 3 s the server asked, not a guess.
    expect(waits.some((ms) => ms >= 3000 && ms < 4000)).toBe(true);
    expect(outcome.report.counts.in).toBe(scenarios.length);
    expect(outcome.report.counts.out).toBe(scenarios.length - 1);
    expect(outcome.report.counts.quarantined).toBe(1);
    const dropped = await readJsonl<{ id: string; reason: string; evidence: { raw_output: string } }>(join(data, 'audit', '1.0.0', 'judges', 'dropped.jsonl'));
    expect(dropped).toEqual([expect.objectContaining({ id: hopeless.id, reason: 'judge_malformed_json' })]);
    expect(dropped[0]!.evidence.raw_output).toContain('kindness');
    const judged = await readJsonl<{ scenario_id: string }>(join(data, 'audit', '1.0.0', 'judges', 'judgments.jsonl'));
    expect(judged.map((judgment) => judgment.scenario_id)).toContain(repairable.id);
  });
});

describe('the offline judge errs at the configured rates, and only towards the configured places', () => {
  it('a neighbour is one step round the circle; across is three or more', async () => {
    const { simulatedReading } = await import('../pipeline/audit/judge.ts');
    const { circleDistance } = await import('../pipeline/values.ts');
    let neighbours = 0;
    let across = 0;
    const trials = 4000;
    for (let trial = 0; trial < trials; trial += 1) {
      const label = CIRCLE_ORDER[trial % CIRCLE_ORDER.length]!;
      const reading = simulatedReading(label, [`t${trial}`], { neighbourRate: 0.2, acrossRate: 0.05 });
      const distance = circleDistance(label, reading);
      if (distance === 1) neighbours += 1;
      else if (distance >= 3) across += 1;
      else expect(distance).toBe(0);
    }
    expect(neighbours / trials).toBeGreaterThan(0.18);
    expect(neighbours / trials).toBeLessThan(0.22);
    expect(across / trials).toBeGreaterThan(0.04);
    expect(across / trials).toBeLessThan(0.06);
  });
});
