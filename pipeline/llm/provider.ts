/**
 * Who answers a stage's model calls: an OpenAI-compatible endpoint through the client, or the
 * offline provider. The endpoint's config fields are declared here once; generate (and any
 * stage that calls a model) embeds them in its own config section.
 */
import PQueue from 'p-queue';
import { z } from 'zod';
import { ValactError } from '../core/errors.ts';
import { completeInBatch, type BatchOptions } from './batch.ts';
import { ResponseCache } from './cache.ts';
import { LlmClient } from './client.ts';
import { DEFAULT_PRICES, ModelPriceSchema, totalCost, type LlmStats } from './cost.ts';
import { OfflineProvider } from './offline.ts';
import { FATAL_ERROR_CODES, TRANSIENT_ERROR_CODES, type CallError, type CallResult, type StructuredRequest } from './types.ts';

/** The endpoint fields of a stage's config section, each with its default. */
export const LlmEndpointConfigShape = {
  /** Which provider answers: "openai" (any OpenAI-compatible endpoint) or "offline" (simulated). Default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline. */
  provider: z.enum(['openai', 'offline']).nullable().default(null),
  /** Model name sent to the endpoint. Default "gpt-4o-mini" (the offline provider always reports "offline-simulator-v1"). */
  model: z.string().min(1).default('gpt-4o-mini'),
  /** Endpoint base URL. Default: OPENAI_BASE_URL, else the OpenAI API. */
  base_url: z.string().nullable().default(null),
  /** Requests in flight at once. Default 8. */
  concurrency: z.number().int().positive().default(8),
  /** Requests per minute; null for no limit. Default 500. */
  rpm: z.number().positive().nullable().default(500),
  /** Tokens (prompt + max completion) per minute; null for no limit. Default 200000. */
  tpm: z.number().positive().nullable().default(200_000),
  /** Stop cleanly before the estimated spend of this run exceeds this many USD; null for no cap. Default null. */
  max_cost: z.number().positive().nullable().default(null),
  /** USD per million tokens per model (merged over the built-in table). */
  prices: z.record(z.string(), ModelPriceSchema).default({}),
  /** Price factor for Batch API calls. Default 0.5. */
  batch_discount: z.number().min(0).max(1).default(0.5),
  /** Retries after the first attempt on 408/409/429/5xx/timeouts/connection errors. Default 6. */
  max_retries: z.number().int().nonnegative().default(6),
  /** Per-request timeout in seconds. Default 120. */
  timeout_seconds: z.number().positive().default(120),
  /** Longest single wait honoured from a Retry-After header, in seconds. Default 900. */
  max_retry_after_seconds: z.number().positive().default(900),
  /** Use the Batch API (half price, up to 24 h) instead of synchronous calls. Default false. */
  batch: z.boolean().default(false),
  /** Seconds between polls of a running batch. Default 30. */
  batch_poll_seconds: z.number().positive().default(30),
  /** Print the number of calls and the cost estimate, and call nothing. Default false. */
  dry_run: z.boolean().default(false),
};
export type LlmEndpointConfig = z.infer<z.ZodObject<typeof LlmEndpointConfigShape>>;

export type ProviderName = 'openai' | 'offline';

export function resolveProviderName(config: Pick<LlmEndpointConfig, 'provider'>, env: Readonly<Record<string, string | undefined>>): ProviderName {
  if (config.provider) return config.provider;
  return env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'offline';
}

/** What a stage calls: the same surface for a real endpoint and the offline stand-in. */
export interface ModelProvider {
  readonly provider: ProviderName;
  readonly model: string;
  readonly simulated: boolean;
  readonly stats: LlmStats;
  fingerprint(request: StructuredRequest<unknown>): string;
  complete<T>(request: StructuredRequest<T>): Promise<CallResult<T>>;
  /** The endpoint client, for cost estimates and the Batch API; absent for the offline provider. */
  readonly client?: LlmClient;
}

export interface ProviderOptions {
  /** DATA/cache: the response cache lives in DATA/cache/llm/. */
  cacheDir: string;
  /** Test seams: a clock and sleep for retries and batch polling. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createProvider(config: LlmEndpointConfig, env: Readonly<Record<string, string | undefined>>, options: ProviderOptions): ModelProvider {
  if (resolveProviderName(config, env) === 'offline') return new OfflineProvider();
  const baseURL = config.base_url ?? env.OPENAI_BASE_URL ?? null;
  const apiKey = env.OPENAI_API_KEY ?? null;
  if (!apiKey && !baseURL) {
    throw new ValactError('credentials', 'the openai provider needs OPENAI_API_KEY (for OpenAI) or a base URL (for a local OpenAI-compatible server)', {
      hint: 'Set OPENAI_API_KEY, or pass --base-url http://host:port/v1, or use --provider offline for a simulated run.',
    });
  }
  const client = new LlmClient({
    model: config.model,
    baseURL,
    apiKey: apiKey ?? 'not-needed',
    concurrency: config.concurrency,
    rpm: config.rpm,
    tpm: config.tpm,
    maxRetries: config.max_retries,
    timeoutMs: config.timeout_seconds * 1000,
    maxRetryAfterMs: config.max_retry_after_seconds * 1000,
    cache: new ResponseCache(options.cacheDir),
    prices: { ...DEFAULT_PRICES, ...config.prices },
    maxCost: config.max_cost,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  return {
    provider: 'openai',
    model: config.model,
    simulated: false,
    stats: client.stats,
    client,
    fingerprint: (request) => client.fingerprint(request),
    complete: (request) => client.complete(request),
  };
}

export interface CompleteAllOptions<T> {
  /** Calls kept in flight at once (the client's gate still enforces its own limits). */
  width: number;
  /** Use the Batch API with these options (ignored by the offline provider). */
  batch: BatchOptions | null;
  /** Each result, as it arrives (in request order for a batch). */
  onResult(index: number, result: CallResult<T>): Promise<void>;
  /**
   * Stop after this many calls in a row failed past their retries for reasons outside the
   * request (a down endpoint): the rest would only fail the same way, slowly. Default 8.
   */
  maxConsecutiveFailures?: number;
}

/**
 * Send every request and hand each result back; stop taking new requests at the first answer
 * that no later request can get past — the budget is spent, or the endpoint refused the key or
 * the model — and return that error (null when every request was answered).
 */
export async function completeAll<T>(provider: ModelProvider, requests: StructuredRequest<T>[], options: CompleteAllOptions<T>): Promise<CallError | null> {
  let stoppedBy: CallError | null = null;
  const maxConsecutive = options.maxConsecutiveFailures ?? 8;
  let consecutiveFailures = 0;
  const stops = (result: CallResult<T>) => {
    const error = result.error;
    consecutiveFailures = error !== undefined && TRANSIENT_ERROR_CODES.has(error.code) ? consecutiveFailures + 1 : 0;
    if (error === undefined) return false;
    if (error.code === 'budget' || FATAL_ERROR_CODES.has(error.code)) return true;
    return consecutiveFailures >= maxConsecutive;
  };
  if (options.batch && provider.client) {
    const results = await completeInBatch(provider.client, requests, options.batch);
    // A batch has already run: every answer is kept; only the budget and a refused key stop here.
    for (const [index, result] of results.entries()) {
      const error = result.error;
      if (error && (error.code === 'budget' || FATAL_ERROR_CODES.has(error.code))) stoppedBy ??= error;
      else await options.onResult(index, result);
    }
    return stoppedBy;
  }
  const queue = new PQueue({ concurrency: Math.max(1, options.width) });
  // A failure of the stage's own work (its journal, its disk) stops the run and is rethrown.
  let thrown: { error: unknown } | null = null;
  for (const [index, request] of requests.entries()) {
    queue
      .add(async () => {
        if (stoppedBy || thrown) return;
        const result = await provider.complete(request);
        const stopNow = stops(result);
        // A transient failure is an answer too (journalled, retried by the next run); budget and refusals are not.
        if (!stopNow || TRANSIENT_ERROR_CODES.has(result.error!.code)) await options.onResult(index, result);
        if (stopNow) stoppedBy ??= result.error!;
      })
      .catch((error: unknown) => {
        thrown ??= { error };
      });
  }
  await queue.onIdle();
  if (thrown) throw (thrown as { error: unknown }).error;
  return stoppedBy;
}

/** The error a stage stops with when `completeAll` was stopped. */
export function stoppedError(stage: string, error: CallError, stats: LlmStats): ValactError {
  if (TRANSIENT_ERROR_CODES.has(error.code)) {
    return new ValactError('network', `${stage} stopped: the endpoint kept failing past its retries (${error.message})`, {
      hint: 'Finished calls are journalled and cached; once the endpoint is back, run the same command again to continue.',
    });
  }
  if (error.code === 'budget') {
    return new ValactError('budget', `${stage} stopped before exceeding the budget: ${error.message}; ${stats.requests} requests made, estimated $${totalCost(stats).toFixed(4)}`, {
      hint: 'Finished calls are journalled and cached: raise --max-cost and run again to continue where this run stopped.',
    });
  }
  return new ValactError('credentials', `${stage} stopped: the endpoint refused the request (${error.message})`, {
    hint: error.code === 'not_found'
      ? 'Check the model name (--model) and the base URL (--base-url / OPENAI_BASE_URL).'
      : 'Check OPENAI_API_KEY and that it is allowed to use this model at this endpoint.',
  });
}
