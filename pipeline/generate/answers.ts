/**
 * The shapes a model must answer in: zod for parsing (every answer, whatever the endpoint
 * claims to enforce) and the matching strict JSON Schema sent as `response_format`.
 */
import { z } from 'zod';
import { VALUE_IDS } from '../values.ts';
import { FORMULA_START, MAX_OPTION_LENGTH_RATIO, SECOND_PERSON_PATTERN, SITUATION_WORDS, findPlaceholder, optionLengthRatio, wordCount } from '../text.ts';

const Score = z.number().int().min(0).max(5);

export const ClassifyAnswerSchema = z.strictObject({
  usable: z.boolean(),
  reason: z.string(),
  scores: z.strictObject(Object.fromEntries(VALUE_IDS.map((id) => [id, Score])) as Record<(typeof VALUE_IDS)[number], typeof Score>),
});
export type ClassifyAnswer = z.infer<typeof ClassifyAnswerSchema>;

const OptionAnswer = z.strictObject({
  text: z
    .string()
    .min(1)
    .refine((text) => findPlaceholder(text) === null, 'contains a placeholder token')
    .refine((text) => !FORMULA_START.test(text), 'must not open with =, +, -, @, a tab or a carriage return'),
  rationale: z.string().min(1),
});

export const RewriteAnswerSchema = z
  .strictObject({
    situation: z
      .string()
      .refine((text) => wordCount(text) >= SITUATION_WORDS.min && wordCount(text) <= SITUATION_WORDS.max, {
        message: `must be ${SITUATION_WORDS.min}–${SITUATION_WORDS.max} words`,
      })
      .refine((text) => SECOND_PERSON_PATTERN.test(text), 'must be written in the second person ("you")')
      .refine((text) => findPlaceholder(text) === null, 'contains a placeholder token such as [NAME]')
      .refine((text) => !FORMULA_START.test(text), 'must not open with =, +, -, @, a tab or a carriage return'),
    option_target: OptionAnswer,
    option_competing: OptionAnswer,
  })
  .refine((answer) => optionLengthRatio(answer.option_target.text, answer.option_competing.text) <= MAX_OPTION_LENGTH_RATIO, {
    message: `the two options must be of similar length (neither more than ${MAX_OPTION_LENGTH_RATIO} times the other in characters)`,
    path: ['option_competing', 'text'],
  });
export type RewriteAnswer = z.infer<typeof RewriteAnswerSchema>;

const stringProperty = { type: 'string' };
const optionJson = {
  type: 'object',
  properties: { text: stringProperty, rationale: stringProperty },
  required: ['text', 'rationale'],
  additionalProperties: false,
};

/** Strict structured-output schemas: every property required, no extra properties. */
export const CLASSIFY_JSON_SCHEMA = {
  name: 'classify',
  strict: true,
  schema: {
    type: 'object',
    properties: {
      usable: { type: 'boolean' },
      reason: stringProperty,
      scores: {
        type: 'object',
        properties: Object.fromEntries(VALUE_IDS.map((id) => [id, { type: 'integer' }])),
        required: [...VALUE_IDS],
        additionalProperties: false,
      },
    },
    required: ['usable', 'reason', 'scores'],
    additionalProperties: false,
  },
} as const;

export const REWRITE_JSON_SCHEMA = {
  name: 'rewrite',
  strict: true,
  schema: {
    type: 'object',
    properties: { situation: stringProperty, option_target: optionJson, option_competing: optionJson },
    required: ['situation', 'option_target', 'option_competing'],
    additionalProperties: false,
  },
} as const;
