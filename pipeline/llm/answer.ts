/**
 * Structured answers: a model's reply is accepted only once it parses as JSON and passes the
 * request's zod schema. A reply that fails gets one repair: the same conversation, the reply,
 * and the errors, with a request to answer again.
 */
import { describeZodError } from '../core/jsonl.ts';
import type { ChatMessage } from './prompts.ts';
import type { CallError, Exchange, StructuredRequest } from './types.ts';

export function validateAnswer<T>(request: StructuredRequest<T>, exchange: Exchange): { value: T } | { error: CallError } {
  if (exchange.refusal) return { error: { code: 'refusal', message: exchange.refusal, raw: exchange.refusal } };
  const raw = exchange.content;
  if (raw === null || raw.trim() === '') {
    return { error: { code: 'malformed_json', message: 'the answer has no content', raw } };
  }
  let json: unknown;
  if (request.readText) {
    json = request.readText(raw);
    if (json === undefined) return { error: { code: 'malformed_json', message: 'not an answer the strict reader accepts', raw } };
  } else {
    try {
      json = JSON.parse(raw);
    } catch (error) {
      const code = exchange.finishReason === 'length' ? 'truncated' : 'malformed_json';
      return { error: { code, message: `not valid JSON: ${(error as Error).message}`, raw } };
    }
  }
  const parsed = request.parse.safeParse(json);
  if (!parsed.success) return { error: { code: 'schema_mismatch', message: describeZodError(parsed.error, 8), raw } };
  return { value: parsed.data };
}

/** Only answers that came back in the wrong shape are worth a repair; a refusal or truncation is not. */
export function isRepairable(error: CallError): boolean {
  return error.code === 'malformed_json' || error.code === 'schema_mismatch';
}

export function repairMessages(request: StructuredRequest<unknown>, answer: string | null, error: CallError): ChatMessage[] {
  return [
    ...request.messages,
    { role: 'assistant', content: answer ?? '' },
    {
      role: 'user',
      content: request.readText
        ? `Your answer could not be read: ${error.message}. Answer again in the required form only.`
        : `Your answer does not match the required schema: ${error.message}. Answer again with the corrected JSON object only.`,
    },
  ];
}
