/**
 * How a respondent model is asked: one request per item (the release's own item text, the
 * answer form added by prompts/respond.v1.md) and per questionnaire question, read strictly.
 * A refusal or an answer no strict reader accepts is recorded as such, never guessed.
 */
import { z } from 'zod';
import { loadPrompt, renderPrompt, type ChatMessage, type PromptTemplate } from '../llm/prompts.ts';
import type { StructuredRequest } from '../llm/types.ts';
import type { Item } from '../records.ts';

export const ChoiceAnswerSchema = z.strictObject({ choice: z.enum(['A', 'B']) });
export type ChoiceAnswer = z.infer<typeof ChoiceAnswerSchema>;

const CHOICE_JSON_SCHEMA = {
  name: 'respond',
  strict: true,
  schema: { type: 'object', additionalProperties: false, required: ['choice'], properties: { choice: { type: 'string', enum: ['A', 'B'] } } },
};

const ANSWER_FORM = {
  structured: 'Answer with JSON only: {"choice": "A"} or {"choice": "B"}.',
  letter: 'Answer with the single letter A or B and nothing else.',
};

export function loadRespondPrompt(): PromptTemplate {
  return loadPrompt('respond', '1');
}

/**
 * The letter of a plain-text answer, or undefined. Accepted: the letter alone, optionally in
 * brackets, bold or followed by a full stop, or after "Answer:" / "Option"; anything longer
 * ("A, because...", "Both") is not read.
 */
export function readChoiceLetter(text: string): ChoiceAnswer | undefined {
  const match = /^\s*(?:(?:final\s+)?answer\s*:\s*|option\s+)?[*_("'[]{0,3}([AB])[*_)"'\].]{0,3}\s*$/i.exec(text);
  return match ? { choice: match[1]!.toUpperCase() as 'A' | 'B' } : undefined;
}

export interface AskSettings {
  structured: boolean;
  temperature: number;
  maxTokens: number;
}

export function itemMessages(prompt: PromptTemplate, item: Item, structured: boolean): ChatMessage[] {
  return renderPrompt(prompt, { answer_form: structured ? ANSWER_FORM.structured : ANSWER_FORM.letter, item: item.prompt });
}

export function itemRequest(prompt: PromptTemplate, item: Item, repeat: number, settings: AskSettings): StructuredRequest<ChoiceAnswer> {
  return {
    promptId: prompt.id,
    promptVersion: prompt.version,
    messages: itemMessages(prompt, item, settings.structured),
    responseFormat: CHOICE_JSON_SCHEMA,
    parse: ChoiceAnswerSchema,
    temperature: settings.temperature,
    maxTokens: settings.maxTokens,
    ...(settings.structured ? {} : { readText: readChoiceLetter }),
    ...(repeat > 0 ? { sample: repeat } : {}),
  };
}
