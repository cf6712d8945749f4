/**
 * People as respondents. `evaluate survey` draws one person's packet — a seeded sample of a
 * release's scenarios stratified by target value, all five items of each in a seeded order, then
 * the questionnaire — into DATA/eval/people/<name>/packet.jsonl, for the local survey page
 * (survey-server.ts) to serve. `evaluate import` reads what people answered — the page's
 * answers.jsonl (with its packet beside it) or a CSV from another survey tool — checks every
 * answer against the run's release and the questionnaire, and merges the answers into
 * DATA/eval/<run>/people/ as the same records models produce (kind "person"). Every problem is
 * named by file, line and column, and one problem stops the import: nothing is half-imported.
 *
 * The CSV layout (header required, columns in any order, other columns ignored):
 *
 *   respondent,kind,id,answer
 *   ana,item,sc_abc123_act,A
 *   ana,item,sc_abc123_select_value,          <- empty: the person preferred not to answer
 *   ana,question,q01,5
 *
 * kind `item`: id is an item id of the release, answer A or B (either case) or empty (refused).
 * kind `question`: id is a question id of the questionnaire, answer a whole number on its scale
 * or empty (refused).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseString } from 'fast-csv';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic.ts';
import { unescapeCell } from '../core/csv.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import { fingerprint, seededUnit, stableStringify } from '../core/fingerprint.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { fileFingerprint, sha256OfFile } from '../core/report.ts';
import { runStage, type StageDefinition } from '../core/stage.ts';
import { ITEM_TYPES, type Item } from '../records.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import { EVAL_FILES, readRunManifest, type EvaluateContext } from './answering.ts';
import { ItemResponseSchema, QuestionnaireAnswerSchema, type ItemResponse, type QuestionnaireAnswer } from './contract.ts';
import { checkRunName, evalPaths, readEvaluatedRelease, type EvaluatedRelease } from './published.ts';
import { loadQuestionnaire, type Questionnaire } from './questionnaire.ts';
import { roundRobin } from '../core/sampling.ts';

/** The files of one person's survey, in DATA/eval/people/<name>/. */
export const SURVEY_FILES = { packet: 'packet.jsonl', answers: 'answers.jsonl' } as const;

/** The columns of an imported CSV, in the documented order. */
export const IMPORT_CSV_COLUMNS = ['respondent', 'kind', 'id', 'answer'] as const;

/** A respondent's name: a folder name and a column in every report, like a model respondent's. */
const RESPONDENT_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** The rule of evaluation.ts for run folder names. */

export function checkRespondentName(name: string): void {
  if (!RESPONDENT_NAME.test(name) || name.startsWith('.')) {
    throw new ValactError('usage', `--respondent ${JSON.stringify(name)}: a respondent's name is 1 to 64 letters, digits, dot, dash or underscore, not starting with a dot`, {
      hint: 'Use a pseudonym such as p01 or ana; the name appears in every report of the runs the answers are imported into.',
    });
  }
}

/** DATA/eval/people/<name>/: one person's packet and answers, independent of any run. */
export function surveyDirectory(ctx: EvaluateContext, respondent: string): string {
  return join(ctx.paths.root, 'eval', 'people', respondent);
}

// ---------------------------------------------------------------------------------------------
// The packet

const ScaleSchema = z.strictObject({ min: z.number().int(), max: z.number().int(), labels: z.array(z.string()) });

/** Line 1 of a packet: what it was drawn from and with which settings. */
export const PacketHeaderSchema = z.strictObject({
  entry: z.literal('packet'),
  /** A fingerprint of everything below except the counts: two packets with the same id hold the same entries. */
  packet_id: z.string(),
  respondent: z.string(),
  release: z.strictObject({ version: z.string(), directory: z.string(), items_sha256: z.string() }),
  /** Scenarios asked for (--scenarios) and drawn (fewer when the release is small). */
  scenarios: z.number().int().positive(),
  drawn: z.number().int().nonnegative(),
  seed: z.number().int(),
  questionnaire: z.strictObject({ id: z.string(), version: z.string(), fingerprint: z.string() }),
  items: z.number().int().nonnegative(),
  questions: z.number().int().nonnegative(),
});
export type PacketHeader = z.infer<typeof PacketHeaderSchema>;

/** One item as the person sees it: the release's own text and options, never their values or the key. */
export const PacketItemSchema = z.strictObject({
  entry: z.literal('item'),
  position: z.number().int().positive(),
  item_id: z.string(),
  scenario_id: z.string(),
  type: z.enum(ITEM_TYPES),
  prompt: z.string(),
  options: z.tuple([z.strictObject({ label: z.literal('A'), text: z.string() }), z.strictObject({ label: z.literal('B'), text: z.string() })]),
});
export type PacketItem = z.infer<typeof PacketItemSchema>;

/** One questionnaire question: the portrait and the scale, never the value it measures. */
export const PacketQuestionSchema = z.strictObject({
  entry: z.literal('question'),
  position: z.number().int().positive(),
  question_id: z.string(),
  text: z.string(),
  scale: ScaleSchema,
});
export type PacketQuestion = z.infer<typeof PacketQuestionSchema>;

const PacketEntrySchema = z.discriminatedUnion('entry', [PacketItemSchema, PacketQuestionSchema]);
export type PacketEntry = z.infer<typeof PacketEntrySchema>;

export interface Packet {
  header: PacketHeader;
  /** Items first, in the person's order, then the questionnaire in the instrument's order. */
  entries: PacketEntry[];
}

/** One answer as the survey page saves it: one line of answers.jsonl. null: "prefer not to answer". */
export const PageAnswerSchema = z.discriminatedUnion('entry', [
  z.strictObject({ packet_id: z.string(), respondent: z.string(), entry: z.literal('item'), id: z.string(), answer: z.enum(['A', 'B']).nullable() }),
  z.strictObject({ packet_id: z.string(), respondent: z.string(), entry: z.literal('question'), id: z.string(), rating: z.number().int().nullable() }),
]);
export type PageAnswer = z.infer<typeof PageAnswerSchema>;

/** The key an answer is saved under: an item and a question may never be confused. */
export const entryKey = (entry: 'item' | 'question', id: string) => `${entry}:${id}`;
export const entryIdOf = (entry: PacketEntry) => (entry.entry === 'item' ? entry.item_id : entry.question_id);

export interface SurveyRequest {
  respondent: string;
  /** Scenarios to draw, stratified by target value. */
  scenarios: number;
  seed: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `count` scenarios of the release, stratified by target value: round robin over the ten values
 * (in a seeded order, so the values that get one more when `count` is not a multiple of ten vary
 * with the seed), each taking its next scenario in a seeded order of ids. The draw depends on
 * the seed only, not on the person: everyone drawn with the same seed answers the same
 * scenarios, so their enacted profiles can be compared scenario by scenario.
 */
export function drawSurveyScenarios(items: readonly Pick<Item, 'scenario_id' | 'target_value'>[], count: number, seed: number): string[] {
  const targetOf = new Map<string, ValueId>();
  for (const item of items) targetOf.set(item.scenario_id, item.target_value);
  const rank = (id: string) => seededUnit(String(seed), 'survey-draw', id);
  const values = [...VALUE_IDS].sort((a, b) => seededUnit(String(seed), 'survey-values', a) - seededUnit(String(seed), 'survey-values', b) || byId(a, b));
  const queues = values.map((value) =>
    [...targetOf]
      .filter(([, target]) => target === value)
      .map(([id]) => id)
      .sort((a, b) => rank(a) - rank(b) || byId(a, b)),
  );
  return roundRobin(queues, Math.min(count, targetOf.size));
}

/**
 * The order one person answers `items` in: shuffled by the seed and the person's name (so order
 * effects do not pile up on the same items across people), with each scenario's `act` and
 * `act_swapped` at least a quarter of the items apart (never adjacent), so the second reads as a
 * new question rather than the same one with its options turned round.
 */
export function surveyItemOrder(items: readonly Item[], seed: number, respondent: string): Item[] {
  const unit = (...parts: string[]) => seededUnit(String(seed), respondent, ...parts);
  const shuffled = [...items].sort((a, b) => unit('order', a.id) - unit('order', b.id) || byId(a.id, b.id));
  const partner = new Map<string, string>();
  const byScenario = new Map<string, Partial<Record<string, string>>>();
  for (const item of items) byScenario.set(item.scenario_id, { ...byScenario.get(item.scenario_id), [item.type]: item.id });
  for (const types of byScenario.values()) {
    if (types.act !== undefined && types.act_swapped !== undefined) {
      partner.set(types.act, types.act_swapped);
      partner.set(types.act_swapped, types.act);
    }
  }
  const n = shuffled.length;
  // The widest gap that can be kept; a tiny sample may need a narrower one (a gap of 1 always holds).
  for (let gap = Math.max(2, Math.floor(n / 4)); gap >= 1; gap -= 1) {
    const order = [...shuffled];
    const position = new Map(order.map((item, index) => [item.id, index]));
    const apart = (id: string, at: number) => {
      const other = partner.get(id);
      return other === undefined || Math.abs(position.get(other)! - at) >= gap;
    };
    for (let pass = 0; pass < 20; pass += 1) {
      let moved = false;
      for (let index = 0; index < n; index += 1) {
        const item = order[index]!;
        if (item.type !== 'act_swapped' || apart(item.id, index)) continue;
        // Swap it with the first item, from a seeded start, that can trade places without breaking a pair.
        const start = Math.floor(unit('move', item.id, String(pass)) * n);
        for (let step = 0; step < n; step += 1) {
          const at = (start + step) % n;
          const other = order[at]!;
          if (at === index || other.id === partner.get(item.id) || !apart(item.id, at)) continue;
          if (partner.has(other.id) && (partner.get(other.id) === item.id || !apart(other.id, index))) continue;
          order[index] = other;
          order[at] = item;
          position.set(other.id, index);
          position.set(item.id, at);
          moved = true;
          break;
        }
      }
      if (order.every((item, index) => apart(item.id, index))) return order;
      if (!moved) break;
    }
  }
  return shuffled;
}

export interface SurveyRelease {
  release: EvaluatedRelease;
  /** sha256 of the release's items.jsonl: what identifies the items a packet was drawn from. */
  itemsSha256: string;
}

export async function readSurveyRelease(ctx: EvaluateContext, releaseOption: string | undefined): Promise<SurveyRelease> {
  const release = await readEvaluatedRelease(ctx, releaseOption);
  return { release, itemsSha256: await sha256OfFile(join(release.directory, 'items.jsonl')) };
}

/** The packet of one person: deterministic in the release's items, the questionnaire and the request. */
export function buildPacket({ release, itemsSha256 }: SurveyRelease, questionnaire: Questionnaire, request: SurveyRequest): Packet {
  const drawn = new Set(drawSurveyScenarios(release.items, request.scenarios, request.seed));
  const items = surveyItemOrder(
    release.items.filter((item) => drawn.has(item.scenario_id)),
    request.seed,
    request.respondent,
  );
  const identity = {
    respondent: request.respondent,
    release: { version: release.version, directory: release.directory, items_sha256: itemsSha256 },
    scenarios: request.scenarios,
    seed: request.seed,
    questionnaire: { id: questionnaire.id, version: questionnaire.version, fingerprint: questionnaire.fingerprint },
  };
  const entries: PacketEntry[] = [
    ...items.map((item, index): PacketItem => ({
      entry: 'item',
      position: index + 1,
      item_id: item.id,
      scenario_id: item.scenario_id,
      type: item.type,
      prompt: item.prompt,
      options: [
        { label: 'A', text: item.options[0].text },
        { label: 'B', text: item.options[1].text },
      ],
    })),
    ...questionnaire.questions.map((question, index): PacketQuestion => ({
      entry: 'question',
      position: items.length + index + 1,
      question_id: question.id,
      text: question.text,
      scale: questionnaire.scale,
    })),
  ];
  // The folder is not part of the identity: a release folder that moved is the same release.
  const packetId = `p${fingerprint({ ...identity, release: { version: release.version, items_sha256: itemsSha256 } }).slice(0, 12)}`;
  return {
    header: { entry: 'packet', packet_id: packetId, ...identity, drawn: drawn.size, items: items.length, questions: questionnaire.questions.length },
    entries,
  };
}

export function packetText(packet: Packet): string {
  return [packet.header, ...packet.entries].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

/** Reads and checks a packet; a problem names the file and line. */
export async function readPacket(file: string): Promise<Packet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValactError('input', `cannot read the survey packet ${file}: ${(error as Error).message}`, {
      hint: 'Draw it with `valact evaluate survey --respondent NAME`; answers files are imported with the packet.jsonl beside them.',
    });
  }
  const lines = text.split('\n');
  const parse = <T>(index: number, schema: z.ZodType<T>): T => {
    let json: unknown;
    try {
      json = JSON.parse(lines[index]!);
    } catch (error) {
      throw new ValactError('input', `${file}:${index + 1}: not JSON: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValactError('input', `${file}:${index + 1}: not a packet line: ${issue.path.join('.') || '(line)'}: ${issue.message}`, { hint: 'A packet is written by `valact evaluate survey`; do not edit it.' });
    }
    return parsed.data;
  };
  const header = parse(0, PacketHeaderSchema);
  const entries: PacketEntry[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    if (lines[index]!.trim() !== '') entries.push(parse(index, PacketEntrySchema));
  }
  return { header, entries };
}

/** How two packets' settings differ, for the refusal to mix them. */
function settingsDiffer(existing: PacketHeader, wanted: PacketHeader): string[] {
  const differences: string[] = [];
  if (existing.release.items_sha256 !== wanted.release.items_sha256) {
    differences.push(`release ${existing.release.version} (${existing.release.directory}, items ${existing.release.items_sha256.slice(0, 12)}) rather than ${wanted.release.version} (${wanted.release.directory}, items ${wanted.release.items_sha256.slice(0, 12)})`);
  }
  if (existing.scenarios !== wanted.scenarios) differences.push(`--scenarios ${existing.scenarios} rather than ${wanted.scenarios}`);
  if (existing.seed !== wanted.seed) differences.push(`--seed ${existing.seed} rather than ${wanted.seed}`);
  if (existing.questionnaire.fingerprint !== wanted.questionnaire.fingerprint) {
    differences.push(`questionnaire ${existing.questionnaire.id} v${existing.questionnaire.version} (${existing.questionnaire.fingerprint.slice(0, 12)}) rather than ${wanted.questionnaire.id} v${wanted.questionnaire.version} (${wanted.questionnaire.fingerprint.slice(0, 12)})`);
  }
  if (differences.length === 0 && existing.packet_id !== wanted.packet_id) differences.push(`packet ${existing.packet_id} rather than ${wanted.packet_id}`);
  return differences;
}

export interface PreparedSurvey {
  directory: string;
  packetFile: string;
  answersFile: string;
  packet: Packet;
  /** False when the packet was already there (drawn with the same settings) and was reused. */
  created: boolean;
}

/**
 * The person's packet: drawn and written once (atomically); a later call with the same settings
 * reuses it, and one with other settings or another release is refused rather than mixed.
 */
export async function prepareSurvey(ctx: EvaluateContext, options: SurveyRequest & { release?: string }): Promise<PreparedSurvey> {
  checkRespondentName(options.respondent);
  if (!Number.isInteger(options.scenarios) || options.scenarios < 1) {
    throw new ValactError('usage', `--scenarios must be a whole number of at least 1, received ${options.scenarios}`);
  }
  const directory = surveyDirectory(ctx, options.respondent);
  const packetFile = join(directory, SURVEY_FILES.packet);
  const answersFile = join(directory, SURVEY_FILES.answers);
  const release = await readSurveyRelease(ctx, options.release);
  const questionnaire = loadQuestionnaire(ctx.config.evaluate.questionnaire ?? undefined);
  const wanted = buildPacket(release, questionnaire, options);
  if (wanted.header.items === 0) throw new ValactError('input', `release ${release.release.version} (${release.release.directory}) has no items to ask`);
  if (await pathExists(packetFile)) {
    const existing = await readPacket(packetFile);
    const differences = settingsDiffer(existing.header, wanted.header);
    if (differences.length > 0) {
      throw new ValactError('usage', `${options.respondent}'s survey packet ${packetFile} was drawn with other settings: ${differences.join('; ')}; answers to two packets are never mixed`, {
        hint: `Serve it again with the settings it was drawn with, or give this survey another --respondent name. (To start ${options.respondent} over, move ${directory} aside — its answers go with it.)`,
      });
    }
    return { directory, packetFile, answersFile, packet: existing, created: false };
  }
  if (await pathExists(answersFile)) {
    throw new ValactError('input', `${answersFile} exists but its packet ${packetFile} does not; those answers belong to a packet that is gone`, {
      hint: `Move ${directory} aside (keep its answers) before drawing a new packet for ${options.respondent}.`,
    });
  }
  await writeFileAtomic(packetFile, packetText(wanted));
  return { directory, packetFile, answersFile, packet: wanted, created: true };
}

// ---------------------------------------------------------------------------------------------
// The import

interface Problem {
  file: string;
  line: number;
  /** 1-based column of a CSV cell; null for a JSONL line. */
  column: number | null;
  message: string;
}

const located = (problem: Problem) => `${problem.file}:${problem.line}${problem.column === null ? '' : `:${problem.column}`}`;

/** One answer read from a file, before it is checked against the release and the questionnaire. */
interface RawAnswer {
  file: string;
  line: number;
  /** The columns of the respondent, id and answer cells (CSV), for problems; null for JSONL. */
  columns: { respondent: number; id: number; answer: number } | null;
  respondent: string;
  kind: 'item' | 'question';
  id: string;
  /** The answer as given: a letter, a rating, or null for "prefer not to answer". */
  value: 'A' | 'B' | number | null;
  raw: string | null;
  /** Page answers may be changed by going back: a later line for the same entry replaces an earlier one. */
  replaceable: boolean;
}

interface ImportContext {
  items: ReadonlyMap<string, Item>;
  questionnaire: Questionnaire;
  itemsSha256: string;
  releaseVersion: string;
  modelRespondents: ReadonlySet<string>;
}

/** CSV rows as arrays of cells with the line each starts on (a quoted cell may span lines). */
function csvRows(text: string): Promise<{ line: number; cells: string[] }[]> {
  return new Promise((resolvePromise, reject) => {
    const rows: { line: number; cells: string[] }[] = [];
    let line = 1;
    parseString<string[], string[]>(text.replace(/^\uFEFF/, ''), { headers: false })
      .on('error', reject)
      .on('data', (cells: string[]) => {
        rows.push({ line, cells });
        line += 1 + cells.reduce((newlines, cell) => newlines + (cell.match(/\n/g)?.length ?? 0), 0);
      })
      .on('end', () => resolvePromise(rows));
  });
}

async function readCsvAnswers(file: string, text: string, context: ImportContext, problems: Problem[]): Promise<RawAnswer[]> {
  let rows: { line: number; cells: string[] }[];
  try {
    rows = await csvRows(text);
  } catch (error) {
    problems.push({ file, line: 1, column: null, message: `not a CSV file: ${(error as Error).message}` });
    return [];
  }
  const header = rows[0];
  if (!header) {
    problems.push({ file, line: 1, column: null, message: `empty; expected the header ${IMPORT_CSV_COLUMNS.join(',')}` });
    return [];
  }
  const names = header.cells.map((cell) => unescapeCell(cell).trim().toLowerCase());
  const index = Object.fromEntries(IMPORT_CSV_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<(typeof IMPORT_CSV_COLUMNS)[number], number>;
  const missing = IMPORT_CSV_COLUMNS.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    problems.push({ file, line: header.line, column: null, message: `the header lacks the column(s) ${missing.join(', ')}: the first row must be the header ${IMPORT_CSV_COLUMNS.join(',')} (found ${header.cells.join(',')})` });
    return [];
  }
  const answers: RawAnswer[] = [];
  for (const { line, cells } of rows.slice(1)) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (cells.length !== names.length) {
      problems.push({ file, line, column: null, message: `${cells.length} cells where the header has ${names.length} (a stray comma or an unquoted cell?)` });
      continue;
    }
    const cell = (column: (typeof IMPORT_CSV_COLUMNS)[number]) => unescapeCell(cells[index[column]]!);
    const at = (column: (typeof IMPORT_CSV_COLUMNS)[number], message: string) => problems.push({ file, line, column: index[column] + 1, message });
    const kind = cell('kind').trim().toLowerCase();
    if (kind !== 'item' && kind !== 'question') {
      at('kind', `kind ${JSON.stringify(cell('kind'))} is neither item nor question`);
      continue;
    }
    const given = cell('answer');
    const trimmed = given.trim();
    let value: RawAnswer['value'] = null;
    if (trimmed !== '') {
      if (kind === 'item') {
        if (!/^[AB]$/i.test(trimmed)) {
          at('answer', `answer ${JSON.stringify(given)} to an item is not A, B or empty (prefer not to answer)`);
          continue;
        }
        value = trimmed.toUpperCase() as 'A' | 'B';
      } else {
        const { min, max } = context.questionnaire.scale;
        if (!/^[+-]?\d+$/.test(trimmed) || Number(trimmed) < min || Number(trimmed) > max) {
          at('answer', `answer ${JSON.stringify(given)} to a question is not a whole number on the scale ${min}–${max} or empty (prefer not to answer)`);
          continue;
        }
        value = Number(trimmed);
      }
    }
    answers.push({
      file,
      line,
      columns: { respondent: index.respondent + 1, id: index.id + 1, answer: index.answer + 1 },
      respondent: cell('respondent').trim(),
      kind,
      id: cell('id').trim(),
      value,
      raw: trimmed === '' ? null : given,
      replaceable: false,
    });
  }
  return answers;
}

async function readPageAnswers(file: string, text: string, context: ImportContext, problems: Problem[]): Promise<RawAnswer[]> {
  const packetFile = join(dirname(file), SURVEY_FILES.packet);
  let packet: Packet;
  try {
    packet = await readPacket(packetFile);
  } catch (error) {
    problems.push({ file, line: 1, column: null, message: `its packet: ${(error as Error).message}` });
    return [];
  }
  const { header } = packet;
  if (header.release.items_sha256 !== context.itemsSha256) {
    problems.push({
      file: packetFile,
      line: 1,
      column: null,
      message: `drawn from release ${header.release.version} (items ${header.release.items_sha256.slice(0, 12)}), not from the run's release ${context.releaseVersion} (items ${context.itemsSha256.slice(0, 12)})`,
    });
    return [];
  }
  if (header.questionnaire.fingerprint !== context.questionnaire.fingerprint) {
    problems.push({
      file: packetFile,
      line: 1,
      column: null,
      message: `asked questionnaire ${header.questionnaire.id} v${header.questionnaire.version} (${header.questionnaire.fingerprint.slice(0, 12)}), not ${context.questionnaire.file} (${context.questionnaire.fingerprint.slice(0, 12)})`,
    });
    return [];
  }
  const inPacket = new Set(packet.entries.map((entry) => entryKey(entry.entry, entryIdOf(entry))));
  const answers: RawAnswer[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    if (rawLine.trim() === '') return;
    const line = index + 1;
    let json: unknown;
    try {
      json = JSON.parse(rawLine);
    } catch (error) {
      // A last line without its newline was cut short by a kill and never confirmed to the page.
      if (index === lines.length - 1) return;
      problems.push({ file, line, column: null, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = PageAnswerSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ file, line, column: null, message: `not a survey answer: ${issue.path.join('.') || '(line)'}: ${issue.message}` });
      return;
    }
    const answer = parsed.data;
    if (answer.packet_id !== header.packet_id || answer.respondent !== header.respondent) {
      problems.push({ file, line, column: null, message: `an answer by ${answer.respondent} to packet ${answer.packet_id}, not to ${header.respondent}'s packet ${header.packet_id} beside it` });
      return;
    }
    if (!inPacket.has(entryKey(answer.entry, answer.id))) {
      problems.push({ file, line, column: null, message: `${answer.entry} ${JSON.stringify(answer.id)} is not in the packet ${packetFile}` });
      return;
    }
    const value = answer.entry === 'item' ? answer.answer : answer.rating;
    answers.push({ file, line, columns: null, respondent: answer.respondent, kind: answer.entry, id: answer.id, value, raw: value === null ? null : String(value), replaceable: true });
  });
  return answers;
}

/** Every answer of `files` as records, or every problem found (file, line, column) and nothing. */
async function readImport(files: readonly string[], context: ImportContext): Promise<{ responses: ItemResponse[]; answers: QuestionnaireAnswer[]; problems: Problem[]; sources: Map<string, RawAnswer> }> {
  const problems: Problem[] = [];
  const raw: RawAnswer[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ValactError('input', `cannot read ${file}: ${(error as Error).message}`, { hint: 'Give the survey page\'s answers.jsonl or a CSV with the columns respondent,kind,id,answer.' });
    }
    if (/\.csv$/i.test(file)) raw.push(...(await readCsvAnswers(file, text, context, problems)));
    else if (/\.jsonl$/i.test(file)) raw.push(...(await readPageAnswers(file, text, context, problems)));
    else throw new ValactError('usage', `${file}: import a .csv (columns respondent,kind,id,answer) or the survey page's answers.jsonl`);
  }
  const questions = new Set(context.questionnaire.questions.map((question) => question.id));
  const chosen = new Map<string, RawAnswer>();
  const collided = new Set<string>();
  for (const answer of raw) {
    const at = (column: 'respondent' | 'id' | 'answer', message: string) => problems.push({ file: answer.file, line: answer.line, column: answer.columns?.[column] ?? null, message });
    if (!RESPONDENT_NAME.test(answer.respondent) || answer.respondent.startsWith('.')) {
      at('respondent', `respondent ${JSON.stringify(answer.respondent)} is not a name of 1 to 64 letters, digits, dot, dash or underscore`);
      continue;
    }
    if (context.modelRespondents.has(answer.respondent)) {
      // Once per file and respondent is enough to act on.
      const key = `${answer.file}\u0000${answer.respondent}`;
      if (!collided.has(key)) at('respondent', `respondent ${JSON.stringify(answer.respondent)} is a model respondent of this run; give the person another name`);
      collided.add(key);
      continue;
    }
    if (answer.kind === 'item' && !context.items.has(answer.id)) {
      at('id', `item ${JSON.stringify(answer.id)} is not an item of release ${context.releaseVersion}`);
      continue;
    }
    if (answer.kind === 'question' && !questions.has(answer.id)) {
      at('id', `question ${JSON.stringify(answer.id)} is not a question of ${context.questionnaire.file}`);
      continue;
    }
    if (typeof answer.value === 'number' && (answer.value < context.questionnaire.scale.min || answer.value > context.questionnaire.scale.max)) {
      at('answer', `rating ${answer.value} is off the scale ${context.questionnaire.scale.min}–${context.questionnaire.scale.max}`);
      continue;
    }
    const key = `${answer.respondent}\u0000${entryKey(answer.kind, answer.id)}`;
    const earlier = chosen.get(key);
    if (earlier && !(earlier.replaceable && answer.replaceable && earlier.file === answer.file)) {
      at('id', `a second answer by ${answer.respondent} to ${answer.kind} ${answer.id} (the first is ${earlier.file}:${earlier.line})`);
      continue;
    }
    chosen.set(key, answer);
  }
  const responses: ItemResponse[] = [];
  const answers: QuestionnaireAnswer[] = [];
  for (const answer of chosen.values()) {
    const status = answer.value === null ? 'refused' : 'answered';
    if (answer.kind === 'item') {
      const item = context.items.get(answer.id)!;
      responses.push({
        respondent: answer.respondent,
        kind: 'person',
        item_id: item.id,
        scenario_id: item.scenario_id,
        item_type: item.type,
        repeat: 0,
        answer: typeof answer.value === 'string' ? answer.value : null,
        status,
        raw: answer.raw,
        tokens: null,
        simulated: false,
      });
    } else {
      answers.push({ respondent: answer.respondent, kind: 'person', question_id: answer.id, repeat: 0, rating: typeof answer.value === 'number' ? answer.value : null, status, raw: answer.raw, simulated: false });
    }
  }
  return { responses, answers, problems, sources: chosen };
}

export interface ImportOptions {
  /** The run under DATA/eval/ the answers join (required). */
  run: string;
  /** The release, when the run has no answers/manifest.json naming one. */
  release?: string;
  files: string[];
}

export const ImportDetailsSchema = z.object({
  run: z.string(),
  release: z.string(),
  files: z.array(z.string()),
  /** The people in this import's files. */
  respondents: z.array(z.string()),
  /** Records in this import's files, and how many of them were new (the rest were imported before). */
  imported: z.object({ responses: z.number().int().nonnegative(), questionnaire: z.number().int().nonnegative() }),
  added: z.object({ responses: z.number().int().nonnegative(), questionnaire: z.number().int().nonnegative() }),
  /** Everything in people/ after the import. */
  people: z.number().int().nonnegative(),
  responses: z.number().int().nonnegative(),
  questionnaire: z.number().int().nonnegative(),
  statuses: z.record(z.string(), z.number().int().nonnegative()),
});
export type ImportDetails = z.infer<typeof ImportDetailsSchema>;

function throwProblems(problems: readonly Problem[]): never {
  const listed = problems.slice(0, 20).map((problem) => `  ${located(problem)}: ${problem.message}`);
  if (problems.length > 20) listed.push(`  and ${problems.length - 20} more`);
  throw new ValactError('input', `evaluate import: ${problems.length} problem(s); nothing was imported\n${listed.join('\n')}`, {
    hint: `Fix the lines named above. A CSV has the header ${IMPORT_CSV_COLUMNS.join(',')}; an item's answer is A, B or empty, a question's a whole number on the questionnaire's scale or empty.`,
  });
}

function importStage(options: ImportOptions, release: EvaluatedRelease, context: ImportContext): StageDefinition<EvaluateContext, ImportOptions, ImportDetails> {
  const files = options.files.map((file) => resolve(file));
  return {
    name: 'evaluate-import',
    reasons: {},
    details: ImportDetailsSchema,
    outputDir: (ctx) => evalPaths(ctx, options.run).people,
    inputs: async () => ({
      items: await fileFingerprint(join(release.directory, 'items.jsonl')),
      ...Object.fromEntries(await Promise.all(files.map(async (file) => [file, await fileFingerprint(file)] as const))),
    }),
    shapingConfig: () => ({ run: options.run, release: release.directory, questionnaire: context.questionnaire.fingerprint }),
    async process(run) {
      const { responses, answers, problems, sources } = await readImport(options.files, context);
      // Answers imported before stay; the same answer again is no conflict, another one is.
      const responsesFile = join(run.outputDir, EVAL_FILES.responses);
      const answersFile = join(run.outputDir, EVAL_FILES.questionnaire);
      const earlierResponses = (await pathExists(responsesFile)) ? await readAllRecords(responsesFile, ItemResponseSchema) : [];
      const earlierAnswers = (await pathExists(answersFile)) ? await readAllRecords(answersFile, QuestionnaireAnswerSchema) : [];
      const mergedResponses = new Map(earlierResponses.map((response) => [`${response.respondent}\u0000${entryKey('item', response.item_id)}`, response]));
      const mergedAnswers = new Map(earlierAnswers.map((answer) => [`${answer.respondent}\u0000${entryKey('question', answer.question_id)}`, answer]));
      const added = { responses: 0, questionnaire: 0 };
      /** Adds `record` unless the person answered this before: the same answer is no conflict (whatever its spelling), another one is. */
      const merge = <T extends ItemResponse | QuestionnaireAnswer>(merged: Map<string, T>, record: T, kind: 'item' | 'question', id: string, earlierFile: string): boolean => {
        const key = `${record.respondent}\u0000${entryKey(kind, id)}`;
        const before = merged.get(key);
        if (before === undefined) {
          merged.set(key, record);
          return true;
        }
        const substance = (value: T) => stableStringify({ status: value.status, answer: 'answer' in value ? value.answer : value.rating });
        if (substance(before) !== substance(record)) {
          const source = sources.get(key)!;
          const shown = (value: string | null) => (value === null ? 'no answer (refused)' : JSON.stringify(value));
          problems.push({
            file: source.file,
            line: source.line,
            column: source.columns?.answer ?? null,
            message: `${record.respondent} answered ${kind} ${id} ${shown(before.raw)} in an earlier import (${earlierFile}); this file says ${shown(record.raw)}`,
          });
        }
        return false;
      };
      for (const response of responses) if (merge(mergedResponses, response, 'item', response.item_id, responsesFile)) added.responses += 1;
      for (const answer of answers) if (merge(mergedAnswers, answer, 'question', answer.question_id, answersFile)) added.questionnaire += 1;
      if (problems.length > 0) throwProblems(problems);

      const allResponses = [...mergedResponses.values()].sort((a, b) => byId(a.respondent, b.respondent) || byId(a.item_id, b.item_id));
      const allAnswers = [...mergedAnswers.values()].sort((a, b) => byId(a.respondent, b.respondent) || byId(a.question_id, b.question_id));
      const responsesOut = run.jsonl<ItemResponse>('responses', EVAL_FILES.responses);
      for (const response of allResponses) await responsesOut.write(response);
      const answersOut = run.jsonl<QuestionnaireAnswer>('questionnaire', EVAL_FILES.questionnaire);
      for (const answer of allAnswers) await answersOut.write(answer);
      run.received(allResponses.length + allAnswers.length);
      run.passed(allResponses.length + allAnswers.length);
      const statuses: Record<string, number> = {};
      for (const { status } of [...allResponses, ...allAnswers]) statuses[status] = (statuses[status] ?? 0) + 1;
      return {
        run: options.run,
        release: release.version,
        files,
        respondents: [...new Set([...responses, ...answers].map((record) => record.respondent))].sort(),
        imported: { responses: responses.length, questionnaire: answers.length },
        added,
        people: new Set([...allResponses, ...allAnswers].map((record) => record.respondent)).size,
        responses: allResponses.length,
        questionnaire: allAnswers.length,
        statuses,
      };
    },
  };
}

/**
 * `valact evaluate import FILE... --run NAME`: people's answers into DATA/eval/<run>/people/
 * (responses.jsonl, questionnaire.jsonl, report.json), checked against the release the run
 * evaluated (its answers/manifest.json, or --release) and the questionnaire.
 */
export async function runPeopleImport(ctx: EvaluateContext, options: ImportOptions) {
  checkRunName(options.run);
  if (options.files.length === 0) {
    throw new ValactError('usage', 'evaluate import needs at least one file: a survey page\'s answers.jsonl or a CSV with the columns respondent,kind,id,answer');
  }
  const manifest = await readRunManifest(ctx, options.run);
  if (manifest !== null && options.release !== undefined && resolve(options.release) !== resolve(manifest.release.directory)) {
    throw new ValactError('usage', `--release ${options.release}: run ${options.run} evaluated ${manifest.release.directory}; people's answers join the release the run asked`, {
      hint: 'Leave out --release, or import into another --run.',
    });
  }
  if (manifest === null && options.release === undefined) {
    throw new ValactError('input', `run ${options.run} has no ${join(evalPaths(ctx, options.run).answers, EVAL_FILES.manifest)} to name its release`, {
      hint: `Run \`valact evaluate run --run ${options.run}\` first, or pass --release DIR for a run of people only.`,
    });
  }
  const { release, itemsSha256 } = await readSurveyRelease(ctx, manifest?.release.directory ?? options.release);
  const questionnaire = loadQuestionnaire(ctx.config.evaluate.questionnaire ?? undefined);
  if (manifest?.questionnaire && manifest.questionnaire.fingerprint !== questionnaire.fingerprint) {
    throw new ValactError('input', `run ${options.run} asked questionnaire ${manifest.questionnaire.id} v${manifest.questionnaire.version} (${manifest.questionnaire.fingerprint.slice(0, 12)}), not ${questionnaire.file} (${questionnaire.fingerprint.slice(0, 12)})`, {
      hint: 'Pass the --questionnaire the run used.',
    });
  }
  const context: ImportContext = {
    items: new Map(release.items.map((item) => [item.id, item])),
    questionnaire,
    itemsSha256,
    releaseVersion: release.version,
    modelRespondents: new Set(manifest?.respondents.map((respondent) => respondent.name) ?? []),
  };
  const outcome = await runStage(importStage(options, release, context), { ...ctx, force: true }, options);
  return { release, outcome };
}
