/**
 * The shapes every model call shares: a structured request, and its result as data. A call
 * never throws for a model or network failure; it returns `{ value }` or `{ error }`, so one
 * failure never sinks a batch (promptfoo's provider contract).
 */
import type { z } from 'zod';
import type { Usage } from './cache.ts';
import type { ChatMessage } from './prompts.ts';

export interface ResponseFormatSchema {
  name: string;
  strict: boolean;
  schema: Record<string, unknown>;
}

export interface StructuredRequest<T> {
  promptId: string;
  promptVersion: string;
  messages: ChatMessage[];
  responseFormat: ResponseFormatSchema;
  /** Every answer is parsed with this, whatever the endpoint claims to enforce. */
  parse: z.ZodType<T>;
  temperature: number;
  maxTokens: number;
  /**
   * What the offline provider answers instead of a model: a deterministic stand-in built by the
   * stage from the same inputs. Its answer is held to `parse` like a model's.
   */
  simulate?: () => unknown;
  /**
   * Read the answer as plain text instead of JSON, for endpoints without structured outputs: no
   * response_format is sent, and this strict reader turns the text into what `parse` checks. It
   * returns undefined for text it cannot read; such an answer is never guessed.
   */
  readText?: (text: string) => unknown;
  /** Which sample of an otherwise identical request (repeated sampling): part of the cache key, never sent. */
  sample?: number;
}

export const CALL_ERROR_CODES = [
  'refusal',
  'bad_request',
  'malformed_json',
  'schema_mismatch',
  'truncated',
  'network',
  'http_error',
  'unauthorized',
  'not_found',
  'budget',
  'batch_error',
  'batch_missing',
] as const;
export type CallErrorCode = (typeof CALL_ERROR_CODES)[number];

/** Failures that say nothing about the request: the endpoint was down, overloaded, or lost it. A re-run tries them again. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<CallErrorCode> = new Set(['network', 'http_error', 'batch_error', 'batch_missing']);

/** Failures that no request can get past: the key or the model is wrong. The run stops at the first. */
export const FATAL_ERROR_CODES: ReadonlySet<CallErrorCode> = new Set(['unauthorized', 'not_found']);

export interface CallError {
  code: CallErrorCode;
  message: string;
  /** What the model answered last, when it answered. */
  raw: string | null;
  status?: number;
}

export interface CallResult<T> {
  fingerprint: string;
  value?: T;
  error?: CallError;
  cached: boolean;
  usage: Usage;
  cost: number;
  repaired: boolean;
}

/** The parts of a chat completion the client reads. */
export interface Exchange {
  content: string | null;
  refusal: string | null;
  finishReason: string | null;
  usage: Usage;
}
