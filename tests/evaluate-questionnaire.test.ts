import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValactError } from '../pipeline/core/errors.ts';
import type { QuestionnaireAnswer } from '../pipeline/evaluate/contract.ts';
import {
  DEFAULT_QUESTIONNAIRE_FILE,
  loadQuestionnaire,
  parseRating,
  questionnaireRequest,
  questionnaireRequestMessages,
  scoreQuestionnaire,
} from '../pipeline/evaluate/questionnaire.ts';
import { VALUE_IDS, VALUES, type ValueId } from '../pipeline/values.ts';

const shipped = loadQuestionnaire();
const shippedText = readFileSync(DEFAULT_QUESTIONNAIRE_FILE, 'utf8');

describe('the shipped questionnaire', () => {
  it('loads with 30 questions, 3 per value, and says it is not validated', () => {
    expect(shipped.id).toBe('questionnaire');
    expect(shipped.version).toBe('1');
    expect(shipped.validated).toBe(false);
    expect(shipped.notice).toMatch(/not a validated/i);
    expect(shipped.notice).toContain('--questionnaire FILE');
    expect(shipped.scoring).toBe('ipsatized_mean');
    expect(shipped.questions).toHaveLength(30);
    for (const value of VALUE_IDS) {
      expect(shipped.questions.filter((question) => question.value === value), value).toHaveLength(3);
    }
    expect(new Set(shipped.questions.map((question) => question.id)).size).toBe(30);
    expect(shipped.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(shipped.file).toBe(DEFAULT_QUESTIONNAIRE_FILE);
  });

  it('has the 1-6 scale from "Not like me at all" to "Very much like me"', () => {
    expect(shipped.scale.min).toBe(1);
    expect(shipped.scale.max).toBe(6);
    expect(shipped.scale.labels).toHaveLength(6);
    expect(shipped.scale.labels[0]).toBe('Not like me at all');
    expect(shipped.scale.labels[5]).toBe('Very much like me');
  });

  it('does not put two items of one value next to each other', () => {
    const values = shipped.questions.map((question) => question.value);
    for (let index = 1; index < values.length; index += 1) expect(values[index]).not.toBe(values[index - 1]);
  });
});

describe('questionnaireRequestMessages', () => {
  it.each(shipped.questions.map((question) => [question.id, question] as const))(
    'asks %s with its portrait and the scale, and never names a value',
    (_id, question) => {
      const messages = questionnaireRequestMessages(shipped, question);
      expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
      const user = messages[1]!.content;
      expect(user).toContain(question.text);
      expect(user).toContain('1 = Not like me at all');
      expect(user).toContain('6 = Very much like me');
      const everything = messages.map((message) => message.content).join('\n').toLowerCase();
      expect(everything).not.toContain('{{');
      for (const value of VALUE_IDS) {
        expect(everything, `${question.id} leaks ${value}`).not.toContain(VALUES[value].label.toLowerCase());
        expect(everything, `${question.id} leaks ${value}`).not.toContain(value);
      }
    },
  );
});

describe('questionnaireRequest', () => {
  const question = shipped.questions[0]!;
  const settings = { structured: true, temperature: 0, maxTokens: 20 };

  it('asks for JSON bounded by the scale and checks the answer against it', () => {
    const request = questionnaireRequest(shipped, question, 0, settings);
    expect(request.promptId).toBe('questionnaire');
    expect(request.promptVersion).toBe('1');
    expect(request.messages).toEqual(questionnaireRequestMessages(shipped, question));
    expect(request.responseFormat.schema).toMatchObject({ required: ['rating'], properties: { rating: { enum: [1, 2, 3, 4, 5, 6] } } });
    expect(request.parse.safeParse({ rating: 6 }).success).toBe(true);
    expect(request.parse.safeParse({ rating: 7 }).success).toBe(false);
    expect(request.parse.safeParse({ rating: 3, why: 'x' }).success).toBe(false);
    expect(request.readText).toBeUndefined();
    expect(request.sample).toBeUndefined();
  });

  it('reads plain text strictly when the endpoint has no structured outputs, and marks repeats', () => {
    const request = questionnaireRequest(shipped, question, 2, { ...settings, structured: false });
    expect(request.readText?.('5')).toEqual({ rating: 5 });
    expect(request.readText?.('{"rating": 2}')).toEqual({ rating: 2 });
    expect(request.readText?.('about 5')).toBeUndefined();
    expect(request.sample).toBe(2);
  });
});

describe('parseRating', () => {
  const scale = shipped.scale;
  it.each([
    ['{"rating": 4}', 4],
    ['{"rating":1}', 1],
    ['  {"rating": 6}\n', 6],
    ['```json\n{"rating": 5}\n```', 5],
    ['3', 3],
    [' 2 ', 2],
  ])('reads %j as %d', (text, rating) => {
    expect(parseRating(text, scale)).toBe(rating);
  });

  it.each([
    '{"rating": 7}',
    '{"rating": 0}',
    '{"rating": 4.5}',
    '{"rating": "4"}',
    '{"rating": null}',
    '{"rating": 4, "why": "because"}',
    '{"score": 4}',
    '[4]',
    '7',
    '0',
    '-1',
    '4.5',
    '4/6',
    'I would say 4',
    '4 - Somewhat like me',
    'Somewhat like me',
    'I cannot rate myself as an AI.',
    '',
    '{"rating": 4',
  ])('refuses %j', (text) => {
    expect(parseRating(text, scale)).toBeNull();
  });
});

describe('scoreQuestionnaire', () => {
  const answer = (question_id: string, rating: number | null, status: QuestionnaireAnswer['status'] = 'answered', repeat = 0): QuestionnaireAnswer => ({
    respondent: 'alice',
    kind: 'person',
    question_id,
    repeat,
    rating,
    status,
    raw: rating === null ? 'no comment' : String(rating),
    simulated: false,
  });
  const idsOf = (value: ValueId) => shipped.questions.filter((question) => question.value === value).map((question) => question.id);

  it('centres each value mean on the mean of all answered items (worked by hand)', () => {
    // Every item of a value gets the same rating, except power: one item rated 1, one refused,
    // one never asked. One hedonism item is asked twice (5 and 3, so 4) and one achievement item
    // has an unparseable first asking and a 4 on the second.
    //   value means:   sd 6, st 5, he 4, ac 4, po 1, se 2, co 3, tr 2, be 6, un 5
    //   answered items: 9 values x 3 + 1 = 28; their sum 3 x (6+5+4+4+2+3+2+6+5) + 1 = 112
    //   grand mean 112 / 28 = 4  (the mean of the ten value means would be 38 / 10 = 3.8)
    //   centred:       sd 2, st 1, he 0, ac 0, po -3, se -2, co -1, tr -2, be 2, un 1
    const ratings: Record<ValueId, number> = {
      self_direction: 6,
      stimulation: 5,
      hedonism: 4,
      achievement: 4,
      power: 1,
      security: 2,
      conformity: 3,
      tradition: 2,
      benevolence: 6,
      universalism: 5,
    };
    const answers: QuestionnaireAnswer[] = [];
    for (const value of VALUE_IDS) {
      const [first, second, third] = idsOf(value) as [string, string, string];
      if (value === 'power') {
        answers.push(answer(first, 1), answer(second, null, 'refused'));
      } else if (value === 'hedonism') {
        answers.push(answer(first, 4), answer(second, 4), answer(third, 5, 'answered', 0), answer(third, 3, 'answered', 1));
      } else if (value === 'achievement') {
        answers.push(answer(first, 4), answer(second, 4), answer(third, null, 'unparseable', 0), answer(third, 4, 'answered', 1));
      } else {
        answers.push(answer(first, ratings[value]), answer(second, ratings[value]), answer(third, ratings[value]));
      }
    }

    const scores = scoreQuestionnaire(shipped, answers);
    expect(scores.means).toEqual(ratings);
    expect(scores.grandMean).toBe(4);
    expect(scores.ipsatized).toEqual({
      self_direction: 2,
      stimulation: 1,
      hedonism: 0,
      achievement: 0,
      power: -3,
      security: -2,
      conformity: -1,
      tradition: -2,
      benevolence: 2,
      universalism: 1,
    });
    expect(scores.answered).toBe(28);
    expect(scores.missing).toBe(2);
    expect(scores.refused).toBe(1);
    expect(scores.unparseable).toBe(1);
  });

  it('gives null scores to a value with no answered item and to everything when nothing was answered', () => {
    const onlySelfDirection = idsOf('self_direction').map((id) => answer(id, 5));
    const partial = scoreQuestionnaire(shipped, onlySelfDirection);
    expect(partial.means.self_direction).toBe(5);
    expect(partial.ipsatized.self_direction).toBe(0);
    expect(partial.means.power).toBeNull();
    expect(partial.ipsatized.power).toBeNull();

    const none = scoreQuestionnaire(shipped, [answer('q01', null, 'refused')]);
    expect(none.grandMean).toBeNull();
    expect(none.answered).toBe(0);
    expect(none.missing).toBe(30);
    expect(Object.values(none.ipsatized).every((score) => score === null)).toBe(true);
  });

  it('refuses answers that belong to another instrument or another respondent', () => {
    expect(() => scoreQuestionnaire(shipped, [answer('pvq_1', 3)])).toThrow(/pvq_1/);
    expect(() => scoreQuestionnaire(shipped, [answer('q01', 9)])).toThrow(/off the scale 1-6/);
    expect(() => scoreQuestionnaire(shipped, [answer('q01', 3), { ...answer('q02', 3), respondent: 'bob' }])).toThrow(/one respondent/);
  });
});

describe('loadQuestionnaire errors', () => {
  const folder = mkdtempSync(join(tmpdir(), 'valact-questionnaire-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let written = 0;
  const write = (text: string): string => {
    written += 1;
    const file = join(folder, `instrument-${written}.md`);
    writeFileSync(file, text);
    return file;
  };
  /** 1-based line of the first line that starts with `needle` (the header comment mentions section names mid-line). */
  const lineOf = (text: string, needle: string): number => {
    const at = text.indexOf(`\n${needle}`);
    if (at < 0) throw new Error(`fixture is stale: no line of the shipped file starts with "${needle}"`);
    return text.slice(0, at).split('\n').length + 1;
  };
  const replaceAll = (from: string, to: string) => shippedText.split(from).join(to);
  const lastLine = shippedText.split('\n').length;

  it.each([
    ['an unknown value', replaceAll('| q05 | security |', '| q05 | safety |'), lineOf(shippedText, '| q05 |'), /unknown value "safety".*self_direction/],
    ['a duplicate id', replaceAll('| q06 |', '| q05 |'), lineOf(shippedText, '| q06 |'), /duplicate question id "q05" \(first used on line \d+\)/],
    [
      'a value with no item',
      replaceAll('| tradition |', '| benevolence |'),
      lineOf(shippedText, '## items\n'),
      /no item measures tradition/,
    ],
    ['a gap in the scale', replaceAll('- 4: Somewhat like me', '- 5: Somewhat like me'), lineOf(shippedText, '- 4: Somewhat'), /consecutive.*expected 4, found 5/],
    ['a one-point scale', shippedText.replace(/- [2-6]: .*\n/g, ''), lineOf(shippedText, '## scale\n'), /at least two points/],
    ['a missing user section', shippedText.slice(0, shippedText.indexOf('\n## user\n') + 1), lineOf(shippedText, '## user\n'), /no "## user" section/],
    ['a missing scoring section', replaceAll('## scoring\nmethod: ipsatized_mean', '\n'), lastLine, /no "## scoring" section/],
    ['an unknown scoring method', replaceAll('method: ipsatized_mean', 'method: raw_mean'), lineOf(shippedText, 'method: '), /unknown scoring method "raw_mean"/],
    ['an unknown section', replaceAll('\n## scoring\n', '\n## scoring rules\n'), lineOf(shippedText, '## scoring\n'), /unknown section "## scoring rules"/],
    ['a placeholder that leaks the values', replaceAll('{{portrait}}\n\nHow', '{{portrait}}\n{{value_definitions}}\nHow'), lineOf(shippedText, '{{portrait}}\n\nHow') + 1, /unknown placeholder \{\{value_definitions\}\}/],
    // The error points at the closing --- line, which moves up one when the line is removed.
    ['a front matter without validated', replaceAll('validated: false\n', ''), lineOf(shippedText, '---\n# ') - 1, /no "validated"/],
    ['validated that is not a boolean', replaceAll('validated: false', 'validated: maybe'), lineOf(shippedText, 'validated:'), /true or false/],
  ])('names the file and line for %s', (_case, text, line, message) => {
    const file = write(text);
    let caught: unknown;
    try {
      loadQuestionnaire(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValactError);
    expect((caught as ValactError).code).toBe('input');
    expect((caught as ValactError).message).toMatch(message);
    expect((caught as ValactError).message.startsWith(`${file}:${line}: `), (caught as ValactError).message).toBe(true);
  });

  it('reads a researcher\'s own instrument with another scale and unequal item counts', () => {
    const rows = VALUE_IDS.map((value, index) => `| item_${index} | ${value} | A person who cares about thing ${index} \\| or its cousin. |`);
    const file = write(
      [
        '---',
        'id: my_instrument',
        'version: "2"',
        'validated: true',
        'notice: Used under licence from its authors: see the study protocol.',
        '---',
        '## user',
        '{{portrait}}',
        '{{scale}}',
        '## system',
        'Rate each description.',
        '## items',
        'Prose before the table is fine.',
        '| ID | Value | Text |',
        '|:---|:---:|---:|',
        ...rows,
        '| extra | universalism | One more. |',
        '## scoring',
        'method: ipsatized_mean',
        '## scale',
        '- 0: never',
        '- 1: sometimes',
        '- 2: always',
      ].join('\n'),
    );
    const instrument = loadQuestionnaire(file);
    expect(instrument.validated).toBe(true);
    expect(instrument.notice).toBe('Used under licence from its authors: see the study protocol.');
    expect(instrument.scale).toEqual({ min: 0, max: 2, labels: ['never', 'sometimes', 'always'] });
    expect(instrument.questions).toHaveLength(11);
    expect(instrument.questions[0]!.text).toBe('A person who cares about thing 0 | or its cousin.');
    expect(questionnaireRequestMessages(instrument, instrument.questions[0]!)[1]!.content).toBe(
      'A person who cares about thing 0 | or its cousin.\n0 = never\n1 = sometimes\n2 = always',
    );
    expect(parseRating('0', instrument.scale)).toBe(0);
    expect(parseRating('3', instrument.scale)).toBeNull();
  });

  it('says which file it could not read', () => {
    const missing = join(folder, 'nowhere.md');
    expect(() => loadQuestionnaire(missing)).toThrow(new RegExp(`cannot read questionnaire ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
