/**
 * The one client to a model endpoint, over the official openai SDK. All traffic goes through
 * one p-queue (concurrency and request rate), a token-per-minute window and a shared pause
 * gate: a Retry-After or an exhausted x-ratelimit-* header stops every request until it ends.
 * The SDK's own retries are off (maxRetries: 0) because it caps Retry-After at 60 s; retries,
 * back-off with jitter, the repair attempt, the cache and the budget live here. A call returns
 * its result as data and never throws for a model or network failure.
 */
import OpenAI, { APIConnectionError, APIError } from 'openai';
import PQueue from 'p-queue';
import type { z } from 'zod';
import { fingerprint as fingerprintOf } from '../core/fingerprint.ts';
import { describeZodError } from '../core/jsonl.ts';
import type { ModelPrice } from '../generate/config.ts';
import { CACHE_VERSION, type ResponseCache, type Usage } from './cache.ts';
import { addUsage, costOf, emptyStats, estimateTokens, totalCost, type LlmStats } from './cost.ts';
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
  parse: z.ZodType<T>;
  temperature: number;
  maxTokens: number;
}

export const CALL_ERROR_CODES = [
  'refusal',
  'bad_request',
  'malformed_json',
  'schema_mismatch',
  'truncated',
  'network',
  'http_error',
  'budget',
  'batch_error',
  'batch_missing',
] as const;
export type CallErrorCode = (typeof CALL_ERROR_CODES)[number];

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

export interface LlmClientOptions {
  model: string;
  baseURL?: string | null;
  apiKey?: string | null;
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests per minute, or null. */
  rpm: number | null;
  /** Prompt + completion tokens per minute, or null. */
  tpm: number | null;
  maxRetries: number;
  timeoutMs: number;
  maxRetryAfterMs: number;
  cache: ResponseCache;
  prices: Record<string, ModelPrice>;
  /** Stop before the estimated spend of this client exceeds this (USD), or null. */
  maxCost: number | null;
  /** Injected for tests: a clock and a sleep that agree with each other. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests: jitter source in [0, 1). */
  random?: () => number;
  /** Called with every wait the client decides on (ms, why). */
  onWait?: (ms: number, reason: string) => void;
  /** Injected for tests and benchmarks: the fetch the SDK sends with. Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The versioned cache key: what determines the answer, nothing that only shapes the run. */
export function requestFingerprint(model: string, request: StructuredRequest<unknown>): string {
  return fingerprintOf({
    cache_version: CACHE_VERSION,
    model,
    prompt_id: request.promptId,
    prompt_version: request.promptVersion,
    messages: request.messages,
    params: { temperature: request.temperature, max_tokens: request.maxTokens, response_format: request.responseFormat },
  });
}

/** Retry-After as seconds or an HTTP date, or retry-after-ms; null when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now: number): number | null {
  if (!headers) return null;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && Number.isFinite(Number(milliseconds))) return Math.max(0, Number(milliseconds));
  const value = headers.get('retry-after');
  if (value === null) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** OpenAI's reset durations: "6m0s", "1.5s", "20ms", "1h2m". */
export function parseResetDuration(text: string | null): number | null {
  if (!text) return null;
  let total = 0;
  let matched = false;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    matched = true;
    const factor = unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1;
    total += Number(amount) * factor;
  }
  return matched ? total : null;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true; // includes timeouts
  if (error instanceof APIError && typeof error.status === 'number') return isRetryableStatus(error.status);
  return false;
}

interface Exchange {
  content: string | null;
  refusal: string | null;
  finishReason: string | null;
  usage: Usage;
}

/**
 * A p-queue window for a requests-per-minute limit: about one second long, holding a whole
 * number of requests, never faster than the limit (rpm 90 -> 2 per 1,334 ms, not 1 per second).
 * Short windows spread the minute's requests instead of sending them in one burst.
 */
export function rateWindow(rpm: number): { interval: number; intervalCap: number } {
  const intervalCap = Math.max(1, Math.ceil(rpm / 60));
  return { interval: Math.ceil((60_000 * intervalCap) / rpm), intervalCap };
}

export class LlmClient {
  readonly openai: OpenAI;
  readonly stats: LlmStats = emptyStats();
  readonly model: string;
  private readonly queue: PQueue;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /** No request leaves before this time (Retry-After, exhausted rate-limit headers). */
  private pausedUntil = 0;
  private readonly tokenWindow: { at: number; tokens: number }[] = [];
  /** Worst-case cost of calls in flight, held against the budget until they answer. */
  private reservedCost = 0;
  /** Responses whose Retry-After already paused the client when their headers arrived. */
  private readonly honouredRetryAfter = new WeakSet<Headers>();

  constructor(private readonly options: LlmClientOptions) {
    this.model = options.model;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.openai = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseURL ?? undefined,
      maxRetries: 0,
      timeout: options.timeoutMs,
      fetch: (url, init) => this.send(url, init),
    });
    this.queue = new PQueue({ concurrency: options.concurrency, ...(options.rpm === null ? {} : rateWindow(options.rpm)) });
  }

  get spentUsd(): number {
    return totalCost(this.stats);
  }

  price(): ModelPrice | undefined {
    return this.options.prices[this.model];
  }

  fingerprint(request: StructuredRequest<unknown>): string {
    return requestFingerprint(this.model, request);
  }

  /** Worst-case cost of one call: estimated prompt tokens plus the full completion cap. */
  estimateCost(request: StructuredRequest<unknown>, factor = 1): number {
    const promptTokens = estimateTokens(request.messages.map((message) => message.content).join('\n'));
    return costOf({ prompt_tokens: promptTokens, completion_tokens: request.maxTokens }, this.price(), factor);
  }

  /** The cached answer for `request`, validated again, or null. */
  async cached<T>(request: StructuredRequest<T>): Promise<CallResult<T> | null> {
    const key = this.fingerprint(request);
    const entry = await this.options.cache.get(key);
    if (!entry) return null;
    const parsed = request.parse.safeParse(entry.value);
    if (!parsed.success) return null;
    return { fingerprint: key, value: parsed.data, cached: true, usage: entry.usage, cost: 0, repaired: entry.repaired };
  }

  /** One structured answer: cache, budget, queue, retries, zod, one repair, cache again. */
  async complete<T>(request: StructuredRequest<T>): Promise<CallResult<T>> {
    const hit = await this.cached(request);
    if (hit) {
      this.stats.cache_hits += 1;
      return hit;
    }
    const key = this.fingerprint(request);
    const first = await this.exchange(request, request.messages);
    if ('error' in first) return this.failed(key, first.error, first.usage, false);
    return this.accept(request, key, first.exchange, first.usage);
  }

  /**
   * Validate an answer (from a synchronous call or a batch output line); on a zod or JSON
   * failure, send the errors back once and validate the repaired answer. Caches a success.
   */
  async accept<T>(request: StructuredRequest<T>, key: string, exchange: Exchange, usageSoFar: Usage, factor = 1): Promise<CallResult<T>> {
    let usage = usageSoFar;
    const verdict = this.validate(request, exchange);
    if ('value' in verdict) return this.succeeded(request, key, verdict.value, exchange.content ?? '', usage, false, factor);
    if (verdict.error.code !== 'malformed_json' && verdict.error.code !== 'schema_mismatch') {
      return this.failed(key, verdict.error, usage, false, factor);
    }
    this.stats.repairs += 1;
    const repairMessages: ChatMessage[] = [
      ...request.messages,
      { role: 'assistant', content: exchange.content ?? '' },
      {
        role: 'user',
        content: `Your answer does not match the required schema: ${verdict.error.message}. Answer again with the corrected JSON object only.`,
      },
    ];
    const second = await this.exchange(request, repairMessages);
    usage = addUsages(usage, second.usage);
    if ('error' in second) return this.failed(key, second.error, usage, true, factor);
    const repaired = this.validate(request, second.exchange);
    if ('value' in repaired) return this.succeeded(request, key, repaired.value, second.exchange.content ?? '', usage, true, factor);
    return this.failed(
      key,
      { ...repaired.error, message: `after one repair attempt: ${repaired.error.message} (first answer: ${verdict.error.message})` },
      usage,
      true,
      factor,
    );
  }

  private validate<T>(request: StructuredRequest<T>, exchange: Exchange): { value: T } | { error: CallError } {
    if (exchange.refusal) return { error: { code: 'refusal', message: exchange.refusal, raw: exchange.refusal } };
    const raw = exchange.content;
    if (raw === null || raw.trim() === '') {
      return { error: { code: 'malformed_json', message: 'the answer has no content', raw } };
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      const code = exchange.finishReason === 'length' ? 'truncated' : 'malformed_json';
      return { error: { code, message: `not valid JSON: ${(error as Error).message}`, raw } };
    }
    const parsed = request.parse.safeParse(json);
    if (!parsed.success) return { error: { code: 'schema_mismatch', message: describeZodError(parsed.error, 8), raw } };
    return { value: parsed.data };
  }

  private async succeeded<T>(
    request: StructuredRequest<T>,
    key: string,
    value: T,
    raw: string,
    usage: Usage,
    repaired: boolean,
    factor: number,
  ): Promise<CallResult<T>> {
    await this.options.cache.put({
      cache_version: CACHE_VERSION,
      fingerprint: key,
      model: this.model,
      prompt_id: request.promptId,
      prompt_version: request.promptVersion,
      value,
      raw,
      usage,
      repaired,
    });
    return { fingerprint: key, value, cached: false, usage, cost: costOf(usage, this.price(), factor), repaired };
  }

  private failed<T>(key: string, error: CallError, usage: Usage, repaired: boolean, factor = 1): CallResult<T> {
    this.stats.failures += 1;
    return { fingerprint: key, error, cached: false, usage, cost: costOf(usage, this.price(), factor), repaired };
  }

  /** One request with retries; returns the answer's parts or a terminal error. */
  private async exchange(
    request: StructuredRequest<unknown>,
    messages: ChatMessage[],
  ): Promise<{ exchange: Exchange; usage: Usage } | { error: CallError; usage: Usage }> {
    const zero: Usage = { prompt_tokens: 0, completion_tokens: 0 };
    const estimatedCost = this.estimateCost({ ...request, messages });
    if (this.options.maxCost !== null && this.spentUsd + this.reservedCost + estimatedCost > this.options.maxCost) {
      return {
        error: { code: 'budget', message: `the next call could exceed --max-cost ${this.options.maxCost} USD (spent ${this.spentUsd.toFixed(4)})`, raw: null },
        usage: zero,
      };
    }
    const estimatedTokens = estimateTokens(messages.map((message) => message.content).join('\n')) + request.maxTokens;
    const body = {
      model: this.model,
      messages,
      temperature: request.temperature,
      max_tokens: request.maxTokens,
      response_format: { type: 'json_schema' as const, json_schema: request.responseFormat },
    };
    this.reservedCost += estimatedCost;
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const exchange = await this.queue.add(async () => {
            await this.waitForTurn(estimatedTokens);
            this.stats.requests += 1;
            const { data, response } = await this.openai.chat.completions
              .create(body, { maxRetries: 0, timeout: this.options.timeoutMs })
              .withResponse();
            this.adaptToHeaders(response.headers, estimatedTokens);
            return data;
          });
          const usage: Usage = {
            prompt_tokens: exchange.usage?.prompt_tokens ?? 0,
            completion_tokens: exchange.usage?.completion_tokens ?? 0,
          };
          addUsage(this.stats, this.model, usage, costOf(usage, this.price()));
          const choice = exchange.choices[0];
          return {
            exchange: {
              content: choice?.message.content ?? null,
              refusal: choice?.message.refusal ?? null,
              finishReason: choice?.finish_reason ?? null,
              usage,
            },
            usage,
          };
        } catch (error) {
          if (!isRetryable(error) || attempt >= this.options.maxRetries) return { error: describeFailure(error), usage: zero };
          this.stats.retries += 1;
          const headers = error instanceof APIError ? (error.headers as Headers | undefined) : undefined;
          const told = retryAfterMs(headers, this.now());
          if (told !== null) {
            // The server said when: everyone waits, not just this request (usually already
            // paused by send() when the headers arrived).
            if (!headers || !this.honouredRetryAfter.has(headers)) this.pauseFor(Math.min(told, this.options.maxRetryAfterMs), 'retry-after');
          } else {
            const backoff = Math.min(500 * 2 ** attempt, 30_000) * (0.5 + this.random() * 0.5);
            this.options.onWait?.(backoff, 'backoff');
            this.stats.waited_ms += backoff;
            await this.sleep(backoff);
          }
        }
      }
    } finally {
      this.reservedCost -= estimatedCost;
    }
  }

  /**
   * Every HTTP request leaves through here. A chat completion's Retry-After pauses the client
   * the moment its headers arrive: the SDK then still reads the error body and the error still
   * travels back through the queue, and in that time p-queue would start the next task (and
   * other answers would free their slots), whose requests would go out during the pause.
   * Files and batches calls pass straight through, as before.
   */
  private async send(url: string | URL | Request, init?: RequestInit): Promise<Response> {
    const fetch = this.options.fetch ?? globalThis.fetch;
    if (!(url instanceof Request ? url.url : String(url)).endsWith('/chat/completions')) return fetch(url, init);
    // A request that passed waitForTurn in the same tick as a 429 arrived must not go out
    // either. Rare, and short unless the pause is long (the SDK's timeout keeps running).
    for (let now = this.now(); now < this.pausedUntil; now = this.now()) {
      if (init?.signal?.aborted) throw init.signal.reason;
      const wait = this.pausedUntil - now;
      this.stats.waited_ms += wait;
      await this.sleep(wait);
    }
    // A reaction on fetch's own promise: the pause is set before anything queued after the answer.
    return fetch(url, init).then((response) => {
      if (!response.ok && isRetryableStatus(response.status)) {
        const told = retryAfterMs(response.headers, this.now());
        if (told !== null) {
          this.pauseFor(Math.min(told, this.options.maxRetryAfterMs), 'retry-after');
          this.honouredRetryAfter.add(response.headers);
        }
      }
      return response;
    });
  }

  private pauseFor(ms: number, reason: string): void {
    const until = this.now() + ms;
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.options.onWait?.(ms, reason);
    }
  }

  /** Wait out a pause and the token window before sending. */
  private async waitForTurn(tokens: number): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        const wait = this.pausedUntil - now;
        this.stats.waited_ms += wait;
        await this.sleep(wait);
        continue;
      }
      const tpm = this.options.tpm;
      if (tpm !== null) {
        while (this.tokenWindow.length > 0 && this.tokenWindow[0]!.at <= now - 60_000) this.tokenWindow.shift();
        const used = this.tokenWindow.reduce((sum, entry) => sum + entry.tokens, 0);
        if (used > 0 && used + tokens > tpm) {
          const wait = this.tokenWindow[0]!.at + 60_000 - now;
          this.stats.waited_ms += wait;
          await this.sleep(wait);
          continue;
        }
        this.tokenWindow.push({ at: now, tokens });
      }
      return;
    }
  }

  /** x-ratelimit-* headers are hints: when one says nothing is left, pause until its reset. */
  private adaptToHeaders(headers: Headers, nextTokens: number): void {
    const remainingRequests = headers.get('x-ratelimit-remaining-requests');
    if (remainingRequests !== null && Number(remainingRequests) <= 0) {
      const reset = parseResetDuration(headers.get('x-ratelimit-reset-requests'));
      if (reset !== null) this.pauseFor(reset, 'x-ratelimit-requests');
    }
    const remainingTokens = headers.get('x-ratelimit-remaining-tokens');
    if (remainingTokens !== null && Number(remainingTokens) < nextTokens) {
      const reset = parseResetDuration(headers.get('x-ratelimit-reset-tokens'));
      if (reset !== null) this.pauseFor(reset, 'x-ratelimit-tokens');
    }
  }

  async idle(): Promise<void> {
    await this.queue.onIdle();
  }
}

function addUsages(a: Usage, b: Usage): Usage {
  return { prompt_tokens: a.prompt_tokens + b.prompt_tokens, completion_tokens: a.completion_tokens + b.completion_tokens };
}

function describeFailure(error: unknown): CallError {
  if (error instanceof APIConnectionError) return { code: 'network', message: error.message, raw: null };
  if (error instanceof APIError) {
    const code = error.status === 400 ? 'bad_request' : 'http_error';
    return { code, message: `HTTP ${error.status}: ${error.message}`, raw: null, status: error.status };
  }
  return { code: 'network', message: (error as Error).message ?? String(error), raw: null };
}
