/**
 * The one client to an OpenAI-compatible endpoint, over the official openai SDK. It composes
 * small parts, each in its own module: the rate gate (p-queue, token window, shared pause),
 * the retrier (back-off, Retry-After), the budget (--max-cost), the answer validator (zod,
 * one repair) and the response cache. A call returns its result as data and never throws for
 * a model or network failure. The Batch API path (batch.ts) uses only the public methods here.
 */
import OpenAI, { toFile } from 'openai';
import { ValactError } from '../core/errors.ts';
import { fingerprint as fingerprintOf } from '../core/fingerprint.ts';
import { isRepairable, repairMessages, validateAnswer } from './answer.ts';
import { Budget } from './budget.ts';
import { CACHE_VERSION, type ResponseCache, type Usage } from './cache.ts';
import { addUsage, costOf, emptyStats, estimateTokens, totalCost, type LlmStats, type ModelPrice } from './cost.ts';
import type { ChatMessage } from './prompts.ts';
import { RateGate } from './rate-gate.ts';
import { Retrier, isRetryableStatus, retryAfterMs } from './retry.ts';
import type { CallError, CallResult, Exchange, StructuredRequest } from './types.ts';

export { parseResetDuration, rateWindow } from './rate-gate.ts';
export { retryAfterMs } from './retry.ts';
export type { CallError, CallResult, StructuredRequest } from './types.ts';

export interface LlmClientOptions {
  model: string;
  /** The endpoint; null means the OpenAI API. */
  baseURL?: string | null;
  apiKey?: string | null;
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests per minute, or null. */
  rpm: number | null;
  /** Prompt + completion tokens per minute, or null. */
  tpm: number | null;
  /** Retries after the first attempt on 408/409/429/5xx/timeouts/connection errors. */
  maxRetries: number;
  timeoutMs: number;
  /** Longest single wait honoured from a Retry-After header. */
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
const NO_USAGE: Usage = { prompt_tokens: 0, completion_tokens: 0 };

/** The versioned cache key: what determines the answer, nothing that only shapes the run. */
export function requestFingerprint(model: string, request: StructuredRequest<unknown>): string {
  return fingerprintOf({
    cache_version: CACHE_VERSION,
    model,
    prompt_id: request.promptId,
    prompt_version: request.promptVersion,
    messages: request.messages,
    params: { temperature: request.temperature, max_tokens: request.maxTokens, response_format: request.responseFormat },
    // Only when used, so every fingerprint made before these existed stays the same.
    ...(request.readText ? { plain_text: true } : {}),
    ...(request.sample ? { sample: request.sample } : {}),
  });
}

/** A base URL the SDK can use, or a config error naming it (a typo must not look like a network outage). */
export function checkBaseUrl(baseURL: string | null | undefined): void {
  if (baseURL === null || baseURL === undefined) return;
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new ValactError('config', `the endpoint base URL ${JSON.stringify(baseURL)} is not a URL`, { hint: 'Give it as http(s)://host:port/v1.' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValactError('config', `the endpoint base URL ${JSON.stringify(baseURL)} must start with http:// or https://`, { hint: 'Give it as http(s)://host:port/v1.' });
  }
}

function addUsages(a: Usage, b: Usage): Usage {
  return { prompt_tokens: a.prompt_tokens + b.prompt_tokens, completion_tokens: a.completion_tokens + b.completion_tokens };
}

export class LlmClient {
  readonly stats: LlmStats = emptyStats();
  readonly model: string;
  /** Where requests go, for messages (never the key). */
  readonly endpoint: string;
  readonly budget: Budget;
  private readonly openai: OpenAI;
  private readonly gate: RateGate;
  private readonly retrier: Retrier;
  private readonly now: () => number;
  /** Responses whose Retry-After already paused the gate when their headers arrived. */
  private readonly honouredRetryAfter = new WeakSet<Headers>();

  constructor(private readonly options: LlmClientOptions) {
    checkBaseUrl(options.baseURL);
    this.model = options.model;
    this.endpoint = `${options.baseURL ?? 'https://api.openai.com/v1'} (model ${options.model})`;
    this.now = options.now ?? Date.now;
    const sleep = options.sleep ?? realSleep;
    const onWaited = (ms: number) => {
      this.stats.waited_ms += ms;
    };
    this.gate = new RateGate({ concurrency: options.concurrency, rpm: options.rpm, tpm: options.tpm, now: this.now, sleep, onWaited, ...(options.onWait ? { onWait: options.onWait } : {}) });
    this.retrier = new Retrier({
      maxRetries: options.maxRetries,
      maxRetryAfterMs: options.maxRetryAfterMs,
      gate: this.gate,
      now: this.now,
      sleep,
      random: options.random ?? Math.random,
      endpoint: this.endpoint,
      onRetry: () => {
        this.stats.retries += 1;
      },
      onWaited,
      alreadyHonoured: (headers) => this.honouredRetryAfter.has(headers),
      ...(options.onWait ? { onWait: options.onWait } : {}),
    });
    this.budget = new Budget(options.maxCost, () => totalCost(this.stats));
    this.openai = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseURL ?? undefined,
      maxRetries: 0,
      timeout: options.timeoutMs,
      fetch: (url, init) => this.send(url, init),
    });
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

  /** One structured answer: cache, budget, rate gate, retries, zod, one repair, cache again. */
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
    const verdict = validateAnswer(request, exchange);
    if ('value' in verdict) return this.succeeded(request, key, verdict.value, exchange.content ?? '', usageSoFar, false, factor);
    if (!isRepairable(verdict.error)) return this.failed(key, verdict.error, usageSoFar, false, factor);
    this.stats.repairs += 1;
    const second = await this.exchange(request, repairMessages(request, exchange.content, verdict.error));
    const usage = addUsages(usageSoFar, second.usage);
    if ('error' in second) return this.failed(key, second.error, usage, true, factor);
    const repaired = validateAnswer(request, second.exchange);
    if ('value' in repaired) return this.succeeded(request, key, repaired.value, second.exchange.content ?? '', usage, true, factor);
    const message = `after one repair attempt: ${repaired.error.message} (first answer: ${verdict.error.message})`;
    return this.failed(key, { ...repaired.error, message }, usage, true, factor);
  }

  /** Count tokens and cost of an answer that arrived outside `complete` (a batch output line). */
  recordUsage(usage: Usage, factor: number): void {
    addUsage(this.stats, this.model, usage, costOf(usage, this.price(), factor));
  }

  /** A failed call, counted; for answers decided outside `complete` (a batch line that failed). */
  failure<T>(request: StructuredRequest<T>, error: CallError): CallResult<T> {
    return this.failed(this.fingerprint(request), error, NO_USAGE, false);
  }

  // -- the Batch API surface: files and batches, through the same retries ----------------------

  /** Upload a batch input file; returns its id. */
  async uploadBatchFile(jsonl: string, name: string): Promise<string> {
    const file = await this.call(async () => this.openai.files.create({ file: await toFile(Buffer.from(jsonl), name), purpose: 'batch' }));
    return file.id;
  }

  /** Start a batch over an uploaded file; returns its id. */
  async createBatch(inputFileId: string): Promise<string> {
    const batch = await this.call(() => this.openai.batches.create({ input_file_id: inputFileId, endpoint: '/v1/chat/completions', completion_window: '24h' }));
    return batch.id;
  }

  async retrieveBatch(batchId: string): Promise<OpenAI.Batches.Batch> {
    return this.call(() => this.openai.batches.retrieve(batchId));
  }

  /** The JSON lines of an output or error file ([] for none); unparseable lines are skipped. */
  async fileLines(fileId: string | null | undefined): Promise<unknown[]> {
    if (!fileId) return [];
    const text = await this.call(async () => (await this.openai.files.content(fileId)).text());
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as unknown];
        } catch {
          return [];
        }
      });
  }

  async idle(): Promise<void> {
    await this.gate.idle();
  }

  /** A files/batches call with the client's retries; a failure past them is a network error. */
  private async call<T>(send: () => Promise<T>): Promise<T> {
    const result = await this.retrier.run(async () => {
      this.stats.requests += 1;
      return send();
    });
    if ('error' in result) {
      const code = result.error.code === 'unauthorized' || result.error.code === 'not_found' ? 'credentials' : 'network';
      throw new ValactError(code, `Batch API call failed: ${this.redact(result.error.message)}`, { hint: 'Check the endpoint and key; finished work is kept.' });
    }
    return result.value;
  }

  private async succeeded<T>(request: StructuredRequest<T>, key: string, value: T, raw: string, usage: Usage, repaired: boolean, factor: number): Promise<CallResult<T>> {
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
    // A failure is written to journals and dropped records: a server that echoes the key must not put it there.
    const safe = { ...error, message: this.redact(error.message), raw: error.raw === null ? null : this.redact(error.raw) };
    return { fingerprint: key, error: safe, cached: false, usage, cost: costOf(usage, this.price(), factor), repaired };
  }

  /** `text` with the configured key replaced, wherever an endpoint echoed it. */
  redact(text: string): string {
    const key = this.options.apiKey;
    return key && key.length >= 8 ? text.split(key).join('[REDACTED]') : text;
  }

  /** One chat completion with retries, within the budget; returns the answer's parts or an error. */
  private async exchange(request: StructuredRequest<unknown>, messages: ChatMessage[]): Promise<{ exchange: Exchange; usage: Usage } | { error: CallError; usage: Usage }> {
    const estimatedCost = this.estimateCost({ ...request, messages });
    if (!this.budget.tryReserve(estimatedCost)) {
      return { error: { code: 'budget', message: `the next call could exceed ${this.budget.describe()}`, raw: null }, usage: NO_USAGE };
    }
    const estimatedTokens = estimateTokens(messages.map((message) => message.content).join('\n')) + request.maxTokens;
    const body = {
      model: this.model,
      messages,
      temperature: request.temperature,
      max_tokens: request.maxTokens,
      ...(request.readText ? {} : { response_format: { type: 'json_schema' as const, json_schema: request.responseFormat } }),
    };
    try {
      const result = await this.retrier.run(() =>
        this.gate.run(estimatedTokens, async () => {
          this.stats.requests += 1;
          const { data, response } = await this.openai.chat.completions.create(body, { maxRetries: 0, timeout: this.options.timeoutMs }).withResponse();
          this.gate.adaptToHeaders(response.headers, estimatedTokens);
          return data;
        }),
      );
      if ('error' in result) return { error: result.error, usage: NO_USAGE };
      const completion = result.value;
      const usage: Usage = { prompt_tokens: completion.usage?.prompt_tokens ?? 0, completion_tokens: completion.usage?.completion_tokens ?? 0 };
      addUsage(this.stats, this.model, usage, costOf(usage, this.price()));
      const choice = completion.choices[0];
      return {
        exchange: { content: choice?.message.content ?? null, refusal: choice?.message.refusal ?? null, finishReason: choice?.finish_reason ?? null, usage },
        usage,
      };
    } finally {
      this.budget.release(estimatedCost);
    }
  }

  /**
   * Every HTTP request leaves through here. A chat completion's Retry-After pauses the gate the
   * moment its headers arrive: the SDK then still reads the error body and the error still
   * travels back through the queue, and in that time p-queue would start the next task (and
   * other answers would free their slots), whose requests would go out during the pause.
   */
  private async send(url: string | URL | Request, init?: RequestInit): Promise<Response> {
    const fetch = this.options.fetch ?? globalThis.fetch;
    if (!(url instanceof Request ? url.url : String(url)).endsWith('/chat/completions')) return fetch(url, init);
    await this.gate.waitOutPause(init?.signal);
    // A reaction on fetch's own promise: the pause is set before anything queued after the answer.
    return fetch(url, init).then((response) => {
      if (!response.ok && isRetryableStatus(response.status)) {
        const told = retryAfterMs(response.headers, this.now());
        if (told !== null) {
          this.gate.pauseFor(Math.min(told, this.options.maxRetryAfterMs), 'retry-after');
          this.honouredRetryAfter.add(response.headers);
        }
      }
      return response;
    });
  }
}
