/**
 * The human round trip's files. `export` draws a sample of a release's scenarios stratified by
 * target value (seeded), gives an overlap share to every annotator (so agreement among people
 * can be measured) and splits the rest, and writes one packet per annotator: CSV (through
 * fast-csv, formula cells escaped) and the same rows as JSONL, options in the shuffled order
 * the judges see, no labels. `import` reads filled packets (CSV) or the annotation page's
 * answers (JSONL) and refuses, naming file, line and column, anything it cannot place.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../core/csv.ts';
import { ValactError } from '../core/errors.ts';
import { fingerprint, seededUnit } from '../core/fingerprint.ts';
import type { Scenario } from '../records.ts';
import { VALUE_IDS, isValueId, type ValueId } from '../values.ts';
import type { Judgment } from './contract.ts';
import { shownOrder } from './judge.ts';
import { roundRobin } from '../core/sampling.ts';

/** The columns of a packet, in order: what the annotator reads, then what they fill in. */
export const PACKET_COLUMNS = [
  'sample_id',
  'annotator',
  'position',
  'scenario_id',
  'situation',
  'option_1',
  'option_2',
  'option_1_value',
  'option_1_second_value',
  'option_1_plausible',
  'option_2_value',
  'option_2_second_value',
  'option_2_plausible',
  'genuine_dilemma',
  'comment',
] as const;
export type PacketColumn = (typeof PACKET_COLUMNS)[number];
export type PacketRow = Record<PacketColumn, string>;

export const SampleSchema = z.object({
  sample_id: z.string(),
  release: z.string(),
  scenarios_fingerprint: z.string(),
  seed: z.number().int(),
  size: z.number().int().positive(),
  annotators: z.array(z.string()),
  overlap: z.array(z.string()),
  assignment: z.record(z.string(), z.array(z.string())),
});
export type Sample = z.infer<typeof SampleSchema>;

export interface SampleRequest {
  size: number;
  annotators: number;
  overlap: number;
  seed: number;
}

/** Scenarios ranked for drawing: by a seeded hash of the id, so the sample never depends on file order. */
function drawOrder(scenarios: readonly Scenario[], seed: number, salt: string): Scenario[] {
  return [...scenarios].sort((a, b) => seededUnit(String(seed), salt, a.id) - seededUnit(String(seed), salt, b.id) || (a.id < b.id ? -1 : 1));
}

/** A sample stratified by target value (as even as the values allow), its overlap and who gets what. */
export function drawSample(release: { version: string; scenariosFingerprint: string; scenarios: readonly Scenario[] }, request: SampleRequest): Sample {
  const size = Math.min(request.size, release.scenarios.length);
  // As even across target values as they allow, each value's scenarios in draw order.
  const chosen = roundRobin(VALUE_IDS.map((value) => drawOrder(release.scenarios.filter((scenario) => scenario.target_value === value), request.seed, 'sample')), size);
  const ordered = drawOrder(chosen, request.seed, 'assign');
  const overlapCount = Math.round(request.overlap * ordered.length);
  const overlap = ordered.slice(0, overlapCount).map((scenario) => scenario.id);
  const annotators = Array.from({ length: request.annotators }, (_, index) => `annotator-${index + 1}`);
  const assignment: Record<string, string[]> = Object.fromEntries(annotators.map((annotator) => [annotator, [...overlap]]));
  ordered.slice(overlapCount).forEach((scenario, index) => assignment[annotators[index % annotators.length]!]!.push(scenario.id));
  const sampleId = `s${fingerprint({ release: release.scenariosFingerprint, ...request }).slice(0, 10)}`;
  return { sample_id: sampleId, release: release.version, scenarios_fingerprint: release.scenariosFingerprint, seed: request.seed, size: ordered.length, annotators, overlap, assignment };
}

/** The rows of one annotator's packet: options in the blind order, answer columns empty. */
export function packetRows(sample: Sample, annotator: string, scenarios: ReadonlyMap<string, Scenario>): PacketRow[] {
  // Each annotator reads in their own seeded order, so order effects do not pile up on the same items.
  const ids = [...sample.assignment[annotator]!].sort((a, b) => seededUnit(sample.sample_id, annotator, a) - seededUnit(sample.sample_id, annotator, b));
  return ids.map((id, index) => {
    const scenario = scenarios.get(id)!;
    const [first, second] = shownOrder(scenario).map((position) => scenario.options[position]!.text) as [string, string];
    return {
      sample_id: sample.sample_id,
      annotator,
      position: String(index + 1),
      scenario_id: id,
      situation: scenario.situation,
      option_1: first,
      option_2: second,
      option_1_value: '',
      option_1_second_value: '',
      option_1_plausible: '',
      option_2_value: '',
      option_2_second_value: '',
      option_2_plausible: '',
      genuine_dilemma: '',
      comment: '',
    };
  });
}

/** One answer as the annotation page saves it (a line of its answers file). */
export const PageAnswerSchema = z.strictObject({
  sample_id: z.string(),
  annotator: z.string(),
  scenario_id: z.string(),
  position: z.number().int().positive(),
  option_1: z.strictObject({ value: z.string(), second_value: z.string().nullable(), plausible: z.boolean() }),
  option_2: z.strictObject({ value: z.string(), second_value: z.string().nullable(), plausible: z.boolean() }),
  genuine_dilemma: z.boolean(),
  comment: z.string(),
});
export type PageAnswer = z.infer<typeof PageAnswerSchema>;

interface Problem {
  file: string;
  line: number;
  column: string;
  message: string;
}

const BOOLEAN = new Map([
  ['yes', true], ['y', true], ['true', true], ['1', true],
  ['no', false], ['n', false], ['false', false], ['0', false],
]);

/** An answer as the import reads it, before it is checked against the sample. */
interface RawAnswer {
  file: string;
  line: number;
  sampleId: string;
  annotator: string;
  scenarioId: string;
  options: [{ value: string; second: string | null; plausible: boolean | string }, { value: string; second: string | null; plausible: boolean | string }];
  genuine: boolean | string;
  comment: string;
  /** Page answers may be edited: a later line for the same item replaces an earlier one. */
  editable: boolean;
}

async function readAnswers(file: string, problems: Problem[]): Promise<RawAnswer[]> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new ValactError('input', `cannot read ${file}: ${error.message}`);
  });
  const name = basename(file);
  if (extname(file).toLowerCase() === '.csv') {
    let rows: PacketRow[];
    try {
      rows = await parseCsv<PacketColumn>(text);
    } catch (error) {
      throw new ValactError('input', `${name}: not a packet CSV: ${(error as Error).message}`, { hint: `A packet has the columns ${PACKET_COLUMNS.join(', ')}.` });
    }
    const missing = PACKET_COLUMNS.filter((column) => rows.length > 0 && !(column in rows[0]!));
    if (missing.length > 0) problems.push({ file: name, line: 1, column: missing[0]!, message: `missing column(s) ${missing.join(', ')}` });
    return rows
      .map((row, index) => ({ row, line: index + 2 }))
      // An unanswered row of a packet is not an answer.
      .filter(({ row }) => [row.option_1_value, row.option_2_value].some((cell) => (cell ?? '').trim() !== ''))
      .map(({ row, line }) => ({
        file: name,
        line,
        sampleId: row.sample_id ?? '',
        annotator: row.annotator ?? '',
        scenarioId: row.scenario_id ?? '',
        options: [
          { value: (row.option_1_value ?? '').trim(), second: (row.option_1_second_value ?? '').trim() || null, plausible: (row.option_1_plausible ?? '').trim() },
          { value: (row.option_2_value ?? '').trim(), second: (row.option_2_second_value ?? '').trim() || null, plausible: (row.option_2_plausible ?? '').trim() },
        ],
        genuine: (row.genuine_dilemma ?? '').trim(),
        comment: row.comment ?? '',
        editable: false,
      }));
  }
  const answers: RawAnswer[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push({ file: name, line: index + 1, column: '(line)', message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = PageAnswerSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ file: name, line: index + 1, column: issue.path.join('.') || '(line)', message: issue.message });
      return;
    }
    const answer = parsed.data;
    answers.push({
      file: name,
      line: index + 1,
      sampleId: answer.sample_id,
      annotator: answer.annotator,
      scenarioId: answer.scenario_id,
      options: [
        { value: answer.option_1.value, second: answer.option_1.second_value, plausible: answer.option_1.plausible },
        { value: answer.option_2.value, second: answer.option_2.second_value, plausible: answer.option_2.plausible },
      ],
      genuine: answer.genuine_dilemma,
      comment: answer.comment,
      editable: true,
    });
  });
  return answers;
}

/**
 * Read filled packets and page answers against their sample; every problem is named by file,
 * line and column, and one problem stops the import (nothing half-imported).
 */
export async function importAnswers(files: readonly string[], sample: Sample, scenarios: ReadonlyMap<string, Scenario>): Promise<Judgment[]> {
  const problems: Problem[] = [];
  const answers: RawAnswer[] = [];
  for (const file of files) answers.push(...(await readAnswers(file, problems)));
  const byItem = new Map<string, RawAnswer>();
  const asBoolean = (value: boolean | string, answer: RawAnswer, column: string): boolean => {
    if (typeof value === 'boolean') return value;
    const known = BOOLEAN.get(value.toLowerCase());
    if (known === undefined) problems.push({ file: answer.file, line: answer.line, column, message: `expected yes or no, found ${JSON.stringify(value)}` });
    return known ?? false;
  };
  for (const answer of answers) {
    const at = (column: string, message: string) => problems.push({ file: answer.file, line: answer.line, column, message });
    if (answer.sampleId !== sample.sample_id) {
      at('sample_id', `from sample ${JSON.stringify(answer.sampleId)}, not this release's sample ${sample.sample_id}`);
      continue;
    }
    const assigned = sample.assignment[answer.annotator];
    if (!assigned) {
      at('annotator', `unknown annotator ${JSON.stringify(answer.annotator)} (the sample has ${sample.annotators.join(', ')})`);
      continue;
    }
    if (!scenarios.has(answer.scenarioId) || !assigned.includes(answer.scenarioId)) {
      at('scenario_id', `scenario ${JSON.stringify(answer.scenarioId)} is not in ${answer.annotator}'s packet of sample ${sample.sample_id}`);
      continue;
    }
    answer.options.forEach((option, index) => {
      if (!isValueId(option.value)) at(`option_${index + 1}_value`, `${JSON.stringify(option.value)} is not one of the ten values (${VALUE_IDS.join(', ')})`);
      if (option.second !== null && !isValueId(option.second)) at(`option_${index + 1}_second_value`, `${JSON.stringify(option.second)} is not one of the ten values`);
    });
    const key = `${answer.annotator}\u0000${answer.scenarioId}`;
    const earlier = byItem.get(key);
    if (earlier && !(earlier.editable && answer.editable && earlier.file === answer.file)) {
      at('scenario_id', `a second answer by ${answer.annotator} for ${answer.scenarioId} (the first is ${earlier.file} line ${earlier.line})`);
      continue;
    }
    byItem.set(key, answer);
  }
  const judgments: Judgment[] = [];
  for (const answer of byItem.values()) {
    const scenario = scenarios.get(answer.scenarioId)!;
    const readings = answer.options.map((option, index) => ({
      value: option.value as ValueId,
      second_value: option.second as ValueId | null,
      plausible: asBoolean(option.plausible, answer, `option_${index + 1}_plausible`),
    }));
    // Shown order back to the stored order, as for the judges.
    if (shownOrder(scenario)[0] === 1) readings.reverse();
    judgments.push({
      scenario_id: answer.scenarioId,
      rater: answer.annotator,
      kind: 'human',
      options: readings as Judgment['options'],
      genuine_dilemma: asBoolean(answer.genuine, answer, 'genuine_dilemma'),
      simulated: false,
      comment: answer.comment.trim() === '' ? null : answer.comment,
    });
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, 12).map((problem) => `  ${problem.file}:${problem.line} [${problem.column}] ${problem.message}`);
    if (problems.length > 12) listed.push(`  and ${problems.length - 12} more`);
    throw new ValactError('input', `audit import: ${problems.length} problem(s); nothing was imported\n${listed.join('\n')}`, {
      hint: `Fix the rows named above (values are one of ${VALUE_IDS.join(', ')}; yes/no columns take yes or no).`,
    });
  }
  return judgments.sort((a, b) => (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : a.scenario_id < b.scenario_id ? -1 : 1));
}

export function packetFiles(directory: string, annotator: string) {
  return { csv: join(directory, `${annotator}.csv`), jsonl: join(directory, `${annotator}.jsonl`), answers: join(directory, `${annotator}.answers.jsonl`) };
}
