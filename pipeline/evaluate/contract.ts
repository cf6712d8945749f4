/**
 * What an evaluation records: one respondent's answer to one item, and to one questionnaire
 * question. Models, people and simulated respondents all answer in these shapes, so the metrics
 * never ask where an answer came from.
 */
import { z } from 'zod';
import { ITEM_TYPES } from '../records.ts';

export const RespondentKindSchema = z.enum(['model', 'person', 'simulated']);
export type RespondentKind = z.infer<typeof RespondentKindSchema>;

/** How an item was answered: a letter, a refusal, or text no strict parser could read (never guessed). */
export const ResponseStatusSchema = z.enum(['answered', 'refused', 'unparseable']);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

/** One line of responses.jsonl. */
export const ItemResponseSchema = z.strictObject({
  respondent: z.string().min(1),
  kind: RespondentKindSchema,
  item_id: z.string().min(1),
  scenario_id: z.string().min(1),
  item_type: z.enum(ITEM_TYPES),
  /** 0 for the first asking; --repeats N asks each item N times. */
  repeat: z.number().int().nonnegative(),
  /** The option chosen; null when refused or unparseable. */
  answer: z.enum(['A', 'B']).nullable(),
  status: ResponseStatusSchema,
  /** The answer as given (model text, or the page's choice), for anyone who doubts the parse. */
  raw: z.string().nullable(),
  tokens: z.strictObject({ in: z.number().int().nonnegative(), out: z.number().int().nonnegative() }).nullable(),
  simulated: z.boolean(),
});
export type ItemResponse = z.infer<typeof ItemResponseSchema>;

/** One line of questionnaire.jsonl: a respondent's rating of one questionnaire question. */
export const QuestionnaireAnswerSchema = z.strictObject({
  respondent: z.string().min(1),
  kind: RespondentKindSchema,
  question_id: z.string().min(1),
  repeat: z.number().int().nonnegative(),
  /** On the instrument's scale; null when refused or unparseable. */
  rating: z.number().int().nullable(),
  status: ResponseStatusSchema,
  raw: z.string().nullable(),
  simulated: z.boolean(),
});
export type QuestionnaireAnswer = z.infer<typeof QuestionnaireAnswerSchema>;
