/**
 * The self-report value questionnaire: loading an instrument file, asking one question, reading
 * the rating, and scoring one respondent.
 *
 * An instrument is a markdown file (prompts/questionnaire.v1.md documents the format in its
 * header) so a researcher can bring a licensed instrument with `--questionnaire FILE`. The shipped
 * one is our own and says it is not validated. Scoring is the Schwartz literature's: a mean per
 * value, centred on the respondent's mean over all answered items.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ValactError } from '../core/errors.ts';
import { sha256Hex } from '../core/fingerprint.ts';
import { PROMPTS_DIR, renderPrompt, type ChatMessage, type PromptTemplate } from '../llm/prompts.ts';
import type { StructuredRequest } from '../llm/types.ts';
import { VALUE_IDS, isValueId, type ValueId } from '../values.ts';
import type { QuestionnaireAnswer } from './contract.ts';

/** The instrument shipped with valact (not validated; for demonstration and pipeline tests). */
export const DEFAULT_QUESTIONNAIRE_FILE = join(PROMPTS_DIR, 'questionnaire.v1.md');

/** The only scoring method: mean per value, centred on the mean over all answered items. */
export const SCORING_METHODS = ['ipsatized_mean'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export interface QuestionnaireScale {
  min: number;
  max: number;
  /** Labels from `min` to `max`: labels[0] is the label of `min`. */
  labels: string[];
}

export interface QuestionnaireQuestion {
  id: string;
  /** The value the item measures; never shown to the respondent. */
  value: ValueId;
  /** The portrait shown to the respondent. */
  text: string;
}

export interface Questionnaire {
  id: string;
  version: string;
  /** sha256 of the file's text, for the evaluation report. */
  fingerprint: string;
  file: string;
  /** From the front matter; false for the shipped instrument. */
  validated: boolean;
  /** One line on what the instrument is and where it comes from, printed in every report. */
  notice: string;
  scale: QuestionnaireScale;
  scoring: ScoringMethod;
  /** In the file's order, which is the order they are asked in. */
  questions: QuestionnaireQuestion[];
  /** The `## system` and `## user` templates, with {{portrait}} and {{scale}}. */
  prompt: PromptTemplate;
}

const SECTIONS = ['scale', 'scoring', 'items', 'system', 'user'] as const;
type SectionName = (typeof SECTIONS)[number];
const FRONT_MATTER_KEYS = ['id', 'version', 'validated', 'notice'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];
/** Placeholders a template may use; anything else could leak what an item measures. */
const PLACEHOLDERS = ['portrait', 'scale'] as const;
const QUESTION_ID = /^[A-Za-z0-9_.-]+$/;
const FORMAT_HINT = 'The format is described at the top of prompts/questionnaire.v1.md.';

interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

interface Section {
  /** Line of the `## name` heading. */
  heading: number;
  lines: Line[];
}

/** Reads and checks an instrument file; the shipped one when no file is given. */
export function loadQuestionnaire(file: string = DEFAULT_QUESTIONNAIRE_FILE): Questionnaire {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValactError('input', `cannot read questionnaire ${file}: ${(error as Error).message}`, {
      hint: 'Check the path given to --questionnaire.',
      cause: error,
    });
  }
  return parseQuestionnaire(text, file);
}

/** Parses an instrument's text; `file` is used in error messages and kept on the result. */
export function parseQuestionnaire(text: string, file: string): Questionnaire {
  const fail: Fail = (line, message) => {
    throw new ValactError('input', `${file}:${line}: ${message}`, { hint: FORMAT_HINT });
  };
  // Blank out comments but keep their newlines, so line numbers stay the file's.
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n');
  const lastLine = lines.length;

  const { meta, bodyStart } = parseFrontMatter(lines, fail);
  const sections = splitSections(lines, bodyStart, fail);
  const section = (name: SectionName): Section =>
    sections.get(name) ?? fail(lastLine, `no "## ${name}" section (an instrument needs ${SECTIONS.map((s) => `## ${s}`).join(', ')})`);

  const scale = parseScale(section('scale'), fail);
  const scoring = parseScoring(section('scoring'), fail);
  const questions = parseItems(section('items'), fail);
  const system = templateOf(section('system'), 'system', fail);
  const user = templateOf(section('user'), 'user', fail);
  if (!user.text.includes('{{portrait}}')) {
    fail(section('user').heading, 'the "## user" template must contain {{portrait}}, where the item\'s text goes');
  }

  const fingerprint = sha256Hex(text);
  return {
    id: meta.id,
    version: meta.version,
    fingerprint,
    file,
    validated: meta.validated,
    notice: meta.notice,
    scale,
    scoring,
    questions,
    prompt: { id: meta.id, version: meta.version, file, system: system.text, user: user.text, fingerprint },
  };
}

type Fail = (line: number, message: string) => never;

function parseFrontMatter(
  lines: string[],
  fail: Fail,
): { meta: { id: string; version: string; validated: boolean; notice: string }; bodyStart: number } {
  if (lines[0]?.trim() !== '---') fail(1, 'expected front matter between --- lines at the top of the file');
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close < 0) fail(1, 'the front matter opened on this line is never closed with a --- line');
  const found = new Map<FrontMatterKey, { value: string; line: number }>();
  for (let index = 1; index < close; index += 1) {
    const raw = lines[index]!;
    if (raw.trim() === '') continue;
    const number = index + 1;
    const match = /^\s*([A-Za-z_]+)\s*:(.*)$/.exec(raw);
    if (!match) fail(number, `expected "key: value" in the front matter, found "${raw.trim()}"`);
    const key = match![1]!;
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      fail(number, `unknown front matter key "${key}" (expected ${FRONT_MATTER_KEYS.join(', ')})`);
    }
    if (found.has(key as FrontMatterKey)) fail(number, `front matter key "${key}" is given twice`);
    const value = match![2]!.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
    if (value === '') fail(number, `front matter key "${key}" is empty`);
    found.set(key as FrontMatterKey, { value, line: number });
  }
  for (const key of FRONT_MATTER_KEYS) {
    if (!found.has(key)) fail(close + 1, `the front matter has no "${key}" (it needs ${FRONT_MATTER_KEYS.join(', ')})`);
  }
  const validated = found.get('validated')!;
  if (validated.value !== 'true' && validated.value !== 'false') {
    fail(validated.line, `"validated" must be true or false, found "${validated.value}"`);
  }
  return {
    meta: {
      id: found.get('id')!.value,
      version: found.get('version')!.value,
      validated: validated.value === 'true',
      notice: found.get('notice')!.value,
    },
    bodyStart: close + 1,
  };
}

function splitSections(lines: string[], bodyStart: number, fail: Fail): Map<SectionName, Section> {
  const sections = new Map<SectionName, Section>();
  let current: Section | null = null;
  for (let index = bodyStart; index < lines.length; index += 1) {
    const text = lines[index]!;
    const number = index + 1;
    const heading = /^##\s+(.*?)\s*$/.exec(text);
    if (heading) {
      const name = heading[1]!.toLowerCase();
      if (!(SECTIONS as readonly string[]).includes(name)) {
        fail(number, `unknown section "## ${heading[1]}" (expected ${SECTIONS.map((s) => `## ${s}`).join(', ')}; use ### inside templates)`);
      }
      const previous = sections.get(name as SectionName);
      if (previous) fail(number, `a second "## ${name}" section (the first is on line ${previous.heading})`);
      current = { heading: number, lines: [] };
      sections.set(name as SectionName, current);
      continue;
    }
    // Text before the first section is the instrument's preamble, for human readers.
    current?.lines.push({ number, text });
  }
  return sections;
}

function parseScale(section: Section, fail: Fail): QuestionnaireScale {
  const points: { value: number; label: string; line: number }[] = [];
  for (const line of section.lines) {
    if (!line.text.trimStart().startsWith('-')) continue;
    const match = /^\s*-\s*(-?\d+)\s*:\s*(\S.*?)\s*$/.exec(line.text);
    if (!match) fail(line.number, `expected a scale point "- <integer>: <label>", found "${line.text.trim()}"`);
    points.push({ value: Number(match![1]), label: match![2]!, line: line.number });
  }
  if (points.length < 2) fail(section.heading, `the scale needs at least two points "- <integer>: <label>", found ${points.length}`);
  for (let index = 1; index < points.length; index += 1) {
    const point = points[index]!;
    const expected = points[index - 1]!.value + 1;
    if (point.value !== expected) {
      fail(point.line, `scale points must be consecutive integers from lowest to highest: expected ${expected}, found ${point.value}`);
    }
  }
  return { min: points[0]!.value, max: points.at(-1)!.value, labels: points.map((point) => point.label) };
}

function parseScoring(section: Section, fail: Fail): ScoringMethod {
  const methods = section.lines.filter((line) => /^\s*method\s*:/.test(line.text));
  if (methods.length === 0) fail(section.heading, `the scoring section needs a line "method: ${SCORING_METHODS.join(' | ')}"`);
  if (methods.length > 1) fail(methods[1]!.number, `a second "method:" line (the first is on line ${methods[0]!.number})`);
  const method = methods[0]!;
  const name = method.text.split(':').slice(1).join(':').trim();
  if (!(SCORING_METHODS as readonly string[]).includes(name)) {
    fail(method.number, `unknown scoring method "${name}" (supported: ${SCORING_METHODS.join(', ')})`);
  }
  return name as ScoringMethod;
}

/** Cells of a `| a | b | c |` row; `\|` is a literal pipe. */
function tableCells(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|') || trimmed.endsWith('\\|') || trimmed.length < 2) return null;
  return trimmed
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function parseItems(section: Section, fail: Fail): QuestionnaireQuestion[] {
  const questions: QuestionnaireQuestion[] = [];
  const lineOf = new Map<string, number>();
  const start = section.lines.findIndex((line) => line.text.trim().startsWith('|'));
  if (start < 0) fail(section.heading, 'the items section needs a table with the header "| id | value | text |"');
  const header = section.lines[start]!;
  const headerCells = tableCells(header.text)?.map((cell) => cell.toLowerCase());
  if (headerCells?.join(',') !== 'id,value,text') {
    fail(header.number, `expected the table header "| id | value | text |", found "${header.text.trim()}"`);
  }
  const separator = section.lines[start + 1];
  if (!separator || !tableCells(separator.text)?.every((cell) => /^:?-+:?$/.test(cell))) {
    fail(separator?.number ?? header.number, 'expected the table\'s separator row "|----|-------|------|" under its header');
  }
  for (const line of section.lines.slice(start + 2)) {
    if (line.text.trim() === '') continue;
    const cells = tableCells(line.text);
    if (!cells) fail(line.number, `expected a table row "| id | value | text |", found "${line.text.trim()}"`);
    if (cells!.length !== 3) fail(line.number, `a row needs 3 cells (id, value, text), found ${cells!.length}`);
    const [id, value, text] = cells as [string, string, string];
    if (!QUESTION_ID.test(id)) fail(line.number, `question id "${id}" must be letters, digits, "_", "." or "-"`);
    const first = lineOf.get(id);
    if (first !== undefined) fail(line.number, `duplicate question id "${id}" (first used on line ${first})`);
    if (!isValueId(value)) fail(line.number, `unknown value "${value}" for question ${id} (expected one of ${VALUE_IDS.join(', ')})`);
    if (text === '') fail(line.number, `question ${id} has no text`);
    lineOf.set(id, line.number);
    questions.push({ id, value: value as ValueId, text });
  }
  const missing = VALUE_IDS.filter((value) => !questions.some((question) => question.value === value));
  if (missing.length > 0) {
    fail(section.heading, `no item measures ${missing.join(', ')}; every value needs at least one item`);
  }
  return questions;
}

function templateOf(section: Section, name: SectionName, fail: Fail): { text: string } {
  const text = section.lines.map((line) => line.text).join('\n').trim();
  if (text === '') fail(section.heading, `the "## ${name}" section is empty`);
  for (const line of section.lines) {
    for (const match of line.text.matchAll(/\{\{(\w+)\}\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
        fail(line.number, `unknown placeholder {{${match[1]}}} (allowed: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})`);
      }
    }
  }
  return { text };
}

/** The scale as the respondent sees it: one `n = label` line per point. */
export function scaleText(scale: QuestionnaireScale): string {
  return scale.labels.map((label, index) => `${scale.min + index} = ${label}`).join('\n');
}

/** The chat messages that ask one question; they carry the portrait, never the value. */
export function questionnaireRequestMessages(questionnaire: Questionnaire, question: QuestionnaireQuestion): ChatMessage[] {
  return renderPrompt(questionnaire.prompt, { portrait: question.text, scale: scaleText(questionnaire.scale) });
}

/** A model's answer to one question, as the request's schema checks it. */
export interface RatingAnswer {
  rating: number;
}

/** How a model is asked (the same settings as for items). */
export interface QuestionnaireAskSettings {
  /** Ask for JSON through response_format; otherwise read the plain text with parseRating. */
  structured: boolean;
  temperature: number;
  maxTokens: number;
}

/**
 * The request for one question, for the model client: the rendered messages, a JSON schema
 * bounded by the scale, and, for endpoints without structured outputs, parseRating as the strict
 * plain-text reader. The messages, and so the cache key, change whenever the instrument does.
 */
export function questionnaireRequest(
  questionnaire: Questionnaire,
  question: QuestionnaireQuestion,
  repeat: number,
  settings: QuestionnaireAskSettings,
): StructuredRequest<RatingAnswer> {
  const { min, max } = questionnaire.scale;
  const readText = (text: string): RatingAnswer | undefined => {
    const rating = parseRating(text, questionnaire.scale);
    return rating === null ? undefined : { rating };
  };
  return {
    promptId: questionnaire.id,
    promptVersion: questionnaire.version,
    messages: questionnaireRequestMessages(questionnaire, question),
    responseFormat: {
      name: 'questionnaire',
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['rating'],
        // An enum rather than minimum/maximum: every structured-output endpoint supports enum.
        properties: { rating: { type: 'integer', enum: Array.from({ length: max - min + 1 }, (_, index) => min + index) } },
      },
    },
    parse: z.strictObject({ rating: z.number().int().min(min).max(max) }),
    temperature: settings.temperature,
    maxTokens: settings.maxTokens,
    ...(settings.structured ? {} : { readText }),
    ...(repeat > 0 ? { sample: repeat } : {}),
  };
}

/**
 * A rating read strictly from a respondent's answer: JSON `{"rating": n}` (optionally inside one
 * ```json fence, with no other keys) or a bare integer, and only when n is an integer on the
 * scale. Anything else is null: the answer is recorded as unparseable, never guessed.
 */
export function parseRating(text: string, scale: QuestionnaireScale): number | null {
  const trimmed = text.trim();
  const onScale = (n: unknown): number | null =>
    typeof n === 'number' && Number.isInteger(n) && n >= scale.min && n <= scale.max ? n : null;
  if (/^[-+]?\d+$/.test(trimmed)) return onScale(Number(trimmed));
  const json = /^```(?:json)?\s*\n?([\s\S]*?)\n?\s*```$/.exec(trimmed)?.[1]?.trim() ?? trimmed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const keys = Object.keys(parsed);
  if (keys.length !== 1 || keys[0] !== 'rating') return null;
  return onScale((parsed as { rating: unknown }).rating);
}

export interface QuestionnaireScores {
  /** Mean rating of the value's answered items; null when none of them was answered. */
  means: Record<ValueId, number | null>;
  /** means[value] − grandMean: the score the Schwartz literature reports. */
  ipsatized: Record<ValueId, number | null>;
  /** Questions with at least one usable rating. */
  answered: number;
  /** Questions with none: never asked, or refused or unparseable every time. */
  missing: number;
  /** Answers (counting repeats) that were refusals, and that no strict parser could read. */
  refused: number;
  unparseable: number;
  /** Mean over all answered questions (not over the value means); null when none was answered. */
  grandMean: number | null;
}

const mean = (numbers: readonly number[]): number | null =>
  numbers.length === 0 ? null : numbers.reduce((sum, n) => sum + n, 0) / numbers.length;

/**
 * Scores one respondent. A question asked more than once counts once, with the mean of its
 * usable ratings, so repeats never weigh a value more. Refused and unparseable answers are
 * counted and left out. An answer to a question the instrument does not have, or an answered
 * rating off the scale, means the answers belong to another instrument: that is an error.
 */
export function scoreQuestionnaire(questionnaire: Questionnaire, answers: readonly QuestionnaireAnswer[]): QuestionnaireScores {
  const respondents = new Set(answers.map((answer) => answer.respondent));
  if (respondents.size > 1) {
    throw new ValactError('internal', `scoreQuestionnaire scores one respondent at a time, got ${[...respondents].join(', ')}`);
  }
  const known = new Set(questionnaire.questions.map((question) => question.id));
  const ratings = new Map<string, number[]>();
  let refused = 0;
  let unparseable = 0;
  for (const answer of answers) {
    if (!known.has(answer.question_id)) {
      throw new ValactError('input', `${answer.respondent} answered question "${answer.question_id}", which ${questionnaire.file} does not have`, {
        hint: 'Score answers with the questionnaire they were collected with (see the fingerprint in the evaluation report).',
      });
    }
    if (answer.status === 'refused') refused += 1;
    if (answer.status === 'unparseable') unparseable += 1;
    if (answer.status !== 'answered') continue;
    const { rating } = answer;
    if (rating === null || !Number.isInteger(rating) || rating < questionnaire.scale.min || rating > questionnaire.scale.max) {
      throw new ValactError(
        'input',
        `${answer.respondent}'s answer to question ${answer.question_id} (repeat ${answer.repeat}) has rating ${rating}, off the scale ${questionnaire.scale.min}-${questionnaire.scale.max} of ${questionnaire.file}`,
      );
    }
    ratings.set(answer.question_id, [...(ratings.get(answer.question_id) ?? []), rating]);
  }

  const perQuestion = new Map<string, number>();
  for (const [id, list] of ratings) perQuestion.set(id, mean(list)!);
  const byValue = new Map<ValueId, number[]>(VALUE_IDS.map((value) => [value, []]));
  for (const question of questionnaire.questions) {
    const rating = perQuestion.get(question.id);
    if (rating !== undefined) byValue.get(question.value)!.push(rating);
  }
  const grandMean = mean([...perQuestion.values()]);
  const means = {} as Record<ValueId, number | null>;
  const ipsatized = {} as Record<ValueId, number | null>;
  for (const value of VALUE_IDS) {
    const valueMean = mean(byValue.get(value)!);
    means[value] = valueMean;
    ipsatized[value] = valueMean === null || grandMean === null ? null : valueMean - grandMean;
  }
  return {
    means,
    ipsatized,
    answered: perQuestion.size,
    missing: questionnaire.questions.length - perQuestion.size,
    refused,
    unparseable,
    grandMean,
  };
}
