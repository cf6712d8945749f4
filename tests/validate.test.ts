import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { ValactError } from '../pipeline/core/errors.ts';
import type { Scenario } from '../pipeline/records.ts';
import { run } from '../pipeline/validate/run.ts';
import type { CheckFailure } from '../pipeline/validate/checks.ts';
import type { DroppedRecord } from '../pipeline/core/stage.ts';
import { makePost, makeScenario, writeGenerateReport, writeStageInputs } from './support/scenario-fixtures.ts';

async function dataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'valact-validate-'));
}

function context(dir: string) {
  return createContext({ dataDir: dir, config: DEFAULT_CONFIG, quiet: true });
}

async function readJsonl<T>(file: string): Promise<T[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** Every failure of every dropped record: dropped.jsonl holds one line per record, its failures in the evidence. */
async function failuresOf(dir: string): Promise<CheckFailure[]> {
  const dropped = await readJsonl<DroppedRecord>(join(dir, 'work', 'validate', 'dropped.jsonl'));
  return dropped.flatMap((entry) => entry.evidence.failures as CheckFailure[]);
}

const base = makeScenario('abc1', 'benevolence');
const longSituation = base.situation.repeat(6);
const mutate = (change: (scenario: Scenario) => unknown) => JSON.stringify(change(structuredClone(base)));

// Each case breaks one rule of one record; the other records stay valid.
const SOFT_CASES: [string, string, string, string][] = [
  ['identical options', 'options_identical', '/options/1/text', mutate((s: Scenario) => ({ ...s, options: [s.options[0], { ...s.options[1], text: s.options[0].text }] }))],
  ['lopsided options', 'option_length_ratio', '/options/0/text', mutate((s: Scenario) => ({ ...s, options: [{ ...s.options[0], text: s.options[0].text.repeat(3) }, s.options[1]] }))],
  ['an e-mail address', 'pii', '/situation', mutate((s: Scenario) => ({ ...s, situation: `${s.situation} Write to jane.doe@example.com.` }))],
  ['a mask token', 'placeholder', '/options/1/text', mutate((s: Scenario) => ({ ...s, options: [s.options[0], { ...s.options[1], text: `${s.options[1].text} [NAME]` }] }))],
  ['a situation in French', 'language', '/situation', mutate((s: Scenario) => ({ ...s, situation: 'Vous hésitez depuis des semaines entre deux chemins. Votre famille attend une réponse et les deux choix ont un prix réel pour vous et pour les gens que vous aimez. Vous devez décider avant la fin du mois ce que vous allez faire de votre vie.' }))],
  ['a situation too long', 'situation_length', '/situation', mutate((s: Scenario) => ({ ...s, situation: longSituation }))],
  ['an option a spreadsheet would run', 'formula_start', '/options/0/text', mutate((s: Scenario) => ({ ...s, options: [{ ...s.options[0], text: `=${s.options[0].text.slice(1)}` }, s.options[1]] }))],
];

const HARD_CASES: [string, string, string, string][] = [
  ['a line that is not JSON', 'json', '/', '{"id": "sc_broken", '],
  ['an unknown field', 'schema_ajv', '/', mutate((s: Scenario) => ({ ...s, extra: 1 }))],
  ['a missing situation', 'schema_zod', '/situation', mutate((s: Scenario) => ({ ...s, situation: undefined }))],
  ['a competing value from the same group', 'value_pair', '/competing_value', mutate((s: Scenario) => ({ ...s, competing_value: 'universalism', options: s.options.map((o) => (o.value === s.target_value ? o : { ...o, value: 'universalism' })) }))],
  ['options not enacting the two values', 'option_values', '/options', mutate((s: Scenario) => ({ ...s, options: s.options.map((o) => ({ ...o, value: s.target_value })) }))],
  ['a repeated id', 'duplicate_id', '/id', JSON.stringify(makeScenario('good1', 'power'))],
];

describe('validate', () => {
  it.each(SOFT_CASES)('rejects a scenario with %s (%s) and passes the rest', async (_name, check, path, line) => {
    const dir = await dataDir();
    const good = makeScenario('good1', 'power');
    await writeStageInputs(dir, [good, line], [makePost('good1'), makePost('abc1')]);
    const result = await run(context(dir));
    expect(result.summary[0]).toContain('1 of 2 scenarios valid');
    const report = JSON.parse(await readFile(join(dir, 'work', 'validate', 'report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ in: 2, out: 1, rejected: 1, quarantined: 0, per_reason: { [check]: 1 } });
    expect(report.details.checks[check].failed).toBe(1);
    expect(report.details.verdict).toBe('passed');
    const failures = await failuresOf(dir);
    expect(failures).toContainEqual(expect.objectContaining({ check, record_id: 'sc_abc1', line: 2, path, severity: 'soft' }));
    const valid = await readJsonl<Scenario>(join(dir, 'work', 'validate', 'scenarios.jsonl'));
    expect(valid.map((scenario) => scenario.id)).toEqual(['sc_good1']);
  });

  it.each(HARD_CASES)('fails the stage on %s (%s), naming the check, with the path in dropped.jsonl', async (_name, check, path, line) => {
    const dir = await dataDir();
    await writeStageInputs(dir, [makeScenario('good1', 'power'), line], [makePost('good1'), makePost('abc1')]);
    const error = await run(context(dir)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValactError);
    expect((error as ValactError).code).toBe('validation_failed');
    expect((error as ValactError).message).toContain(check);
    const report = JSON.parse(await readFile(join(dir, 'work', 'validate', 'report.json'), 'utf8'));
    expect(report.details.verdict).toBe('failed');
    expect(report.details.hard_failures).toContain(check);
    expect(report.counts).toMatchObject({ in: 2, out: 1, quarantined: 1 });
    const failures = await failuresOf(dir);
    expect(failures).toContainEqual(expect.objectContaining({ check, line: 2, path, severity: 'hard' }));
  });

  it('rejects a situation that copies a long span of its source post verbatim', async () => {
    const dir = await dataDir();
    const copied = makeScenario('abc1', 'benevolence');
    const post = makePost('abc1', `Long story. ${copied.situation.split('. ').slice(1).join('. ')} Thanks all.`);
    await writeStageInputs(dir, [copied, makeScenario('good1', 'power')], [post, makePost('good1')]);
    await run(context(dir));
    const failures = await failuresOf(dir);
    expect(failures).toEqual([expect.objectContaining({ check: 'verbatim_copy', record_id: 'sc_abc1', path: '/situation' })]);
  });

  it('rejects a scenario whose source post is not in the filter output', async () => {
    const dir = await dataDir();
    await writeStageInputs(dir, [makeScenario('abc1', 'benevolence'), makeScenario('good1', 'power')], [makePost('good1')]);
    await run(context(dir));
    const report = JSON.parse(await readFile(join(dir, 'work', 'validate', 'report.json'), 'utf8'));
    expect(report.counts.per_reason).toEqual({ source_post_missing: 1 });
  });

  it('reports per-value availability against the requested quota and skips an up-to-date re-run', async () => {
    const dir = await dataDir();
    await writeStageInputs(dir, [makeScenario('a1', 'power'), makeScenario('a2', 'power'), makeScenario('a3', 'tradition')]);
    await writeGenerateReport(dir, 1);
    await run(context(dir));
    const report = JSON.parse(await readFile(join(dir, 'work', 'validate', 'report.json'), 'utf8'));
    expect(report.details.availability.power).toEqual({ available: 2, requested: 1, shortfall: 0 });
    expect(report.details.availability.hedonism).toEqual({ available: 0, requested: 1, shortfall: 1 });
    expect((await run(context(dir))).upToDate).toBe(true);
  });

  it('keeps its previous outputs when nothing passes, unless --allow-empty', async () => {
    const dir = await dataDir();
    await writeStageInputs(dir, [makeScenario('abc1', 'benevolence')]);
    await run(context(dir));
    const before = await readFile(join(dir, 'work', 'validate', 'scenarios.jsonl'));
    await writeStageInputs(dir, [makeScenario('abc1', 'benevolence')], []);
    await expect(run(context(dir))).rejects.toMatchObject({ code: 'input', message: expect.stringContaining('none of 1 records passed (source_post_missing 1)') });
    expect(await readFile(join(dir, 'work', 'validate', 'scenarios.jsonl'))).toEqual(before);
    const allowed = await run(createContext({ dataDir: dir, config: DEFAULT_CONFIG, quiet: true, allowEmpty: true }));
    expect(allowed.summary[0]).toContain('0 of 1 scenarios valid');
  });
});
