/**
 * The Batch API path: uncached requests are written as batch JSONL, uploaded, run as one
 * batch, polled, and their output and error files joined back by custom_id (the order of
 * output lines is not guaranteed). The batch id is persisted before polling, so a killed run
 * picks the same batch up again instead of paying twice. Each request reserves its worst-case
 * batch cost against --max-cost before it is submitted, and a request that does not fit is
 * answered with a `budget` error instead. Answers go through the client's validation, repair,
 * cache and accounting like synchronous ones; only the client's public methods are used.
 */
import { readFile } from 'node:fs/promises';
import { writeJsonAtomic } from '../core/atomic.ts';
import { ValactError } from '../core/errors.ts';
import { fingerprint } from '../core/fingerprint.ts';
import type { Usage } from './cache.ts';
import type { LlmClient } from './client.ts';
import type { CallResult, StructuredRequest } from './types.ts';

export interface BatchOptions {
  /** JSON file holding the batch ids of this stage, by phase. */
  stateFile: string;
  /** A name for this batch within the stage ("classify", "rewrite"). */
  phase: string;
  pollMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** Price factor for batch calls (0.5 at OpenAI). */
  priceFactor: number;
  onPoll?: (status: string, completed: number, total: number) => void;
}

interface BatchState {
  [phase: string]: { batch_id: string; requests_fingerprint: string };
}

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

async function readState(file: string): Promise<BatchState> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BatchState;
  } catch {
    return {};
  }
}

/** custom_id for a request: its fingerprint, shortened to stay within endpoint limits. */
export function customIdFor(requestFingerprint: string): string {
  return `req-${requestFingerprint.slice(0, 48)}`;
}

type OutputLine = {
  custom_id?: string;
  response?: { status_code?: number; body?: unknown } | null;
  error?: { code?: string; message?: string } | null;
};
type CompletionBody = { choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }[]; usage?: Partial<Usage> };

export async function completeInBatch<T>(client: LlmClient, requests: StructuredRequest<T>[], options: BatchOptions): Promise<CallResult<T>[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const results: (CallResult<T> | undefined)[] = new Array(requests.length);
  const pending = new Map<string, number[]>();
  let reserved = 0;
  for (const [index, request] of requests.entries()) {
    const hit = await client.cached(request);
    if (hit) {
      client.stats.cache_hits += 1;
      results[index] = hit;
      continue;
    }
    const id = customIdFor(client.fingerprint(request));
    if (pending.has(id)) {
      pending.get(id)!.push(index);
      continue;
    }
    const cost = client.estimateCost(request, options.priceFactor);
    if (!client.budget.tryReserve(cost)) {
      results[index] = client.failure(request, { code: 'budget', message: `submitting this request could exceed ${client.budget.describe()}`, raw: null });
      continue;
    }
    reserved += cost;
    pending.set(id, [index]);
  }
  if (pending.size === 0) return results as CallResult<T>[];

  try {
    const customIds = [...pending.keys()].sort();
    const batch = await runBatch(client, requests, pending, customIds, options, sleep);
    await collectAnswers(client, requests, pending, customIds, batch, options, results);
  } finally {
    // The spend is now in the client's usage; what was held for the batch goes back.
    client.budget.release(reserved);
  }
  return results as CallResult<T>[];
}

/** Submit (or pick up) the batch and poll it to the end. */
async function runBatch<T>(
  client: LlmClient,
  requests: StructuredRequest<T>[],
  pending: Map<string, number[]>,
  customIds: string[],
  options: BatchOptions,
  sleep: (ms: number) => Promise<void>,
) {
  const requestsFingerprint = fingerprint({ model: client.model, custom_ids: customIds });
  const state = await readState(options.stateFile);
  let batchId = state[options.phase]?.requests_fingerprint === requestsFingerprint ? state[options.phase]!.batch_id : null;
  if (batchId === null) {
    const lines = customIds.map((customId) => {
      const request = requests[pending.get(customId)![0]!]!;
      return JSON.stringify({
        custom_id: customId,
        method: 'POST',
        url: '/v1/chat/completions',
        body: {
          model: client.model,
          messages: request.messages,
          temperature: request.temperature,
          max_tokens: request.maxTokens,
          ...(request.readText ? {} : { response_format: { type: 'json_schema', json_schema: request.responseFormat } }),
        },
      });
    });
    const fileId = await client.uploadBatchFile(lines.join('\n') + '\n', `valact-${options.phase}.jsonl`);
    batchId = await client.createBatch(fileId);
    await writeJsonAtomic(options.stateFile, { ...state, [options.phase]: { batch_id: batchId, requests_fingerprint: requestsFingerprint } });
  }

  let batch = await client.retrieveBatch(batchId);
  while (!TERMINAL.has(batch.status)) {
    options.onPoll?.(batch.status, batch.request_counts?.completed ?? 0, batch.request_counts?.total ?? customIds.length);
    await sleep(options.pollMs);
    batch = await client.retrieveBatch(batchId);
  }
  if (batch.status !== 'completed' && !batch.output_file_id && !batch.error_file_id) {
    throw new ValactError('network', `batch ${batchId} ended ${batch.status} with no output`, {
      hint: `Inspect it with the provider's console; delete ${options.stateFile} to submit a new batch.`,
    });
  }
  return batch;
}

/** Join the output and error files back to the requests by custom_id; a request with no line is `batch_missing`. */
async function collectAnswers<T>(
  client: LlmClient,
  requests: StructuredRequest<T>[],
  pending: Map<string, number[]>,
  customIds: string[],
  batch: Awaited<ReturnType<LlmClient['retrieveBatch']>>,
  options: BatchOptions,
  results: (CallResult<T> | undefined)[],
): Promise<void> {
  const answered = new Set<string>();
  const assign = (customId: string, make: (request: StructuredRequest<T>) => Promise<CallResult<T>> | CallResult<T>) =>
    Promise.all(
      (pending.get(customId) ?? []).map(async (index) => {
        results[index] = await make(requests[index]!);
      }),
    );
  const failed = (message: string, code: 'batch_error' | 'batch_missing' = 'batch_error') => (request: StructuredRequest<T>) =>
    client.failure(request, { code, message, raw: null });

  for (const line of await client.fileLines(batch.output_file_id)) {
    const entry = line as OutputLine;
    const customId = entry.custom_id;
    if (!customId || !pending.has(customId) || answered.has(customId)) continue;
    answered.add(customId);
    const status = entry.response?.status_code ?? 0;
    const body = entry.response?.body as CompletionBody | undefined;
    if (status !== 200 || !body) {
      await assign(customId, failed(`status ${status}: ${JSON.stringify(entry.response?.body ?? entry.error ?? null).slice(0, 300)}`));
      continue;
    }
    const usage: Usage = { prompt_tokens: body.usage?.prompt_tokens ?? 0, completion_tokens: body.usage?.completion_tokens ?? 0 };
    client.recordUsage(usage, options.priceFactor);
    const choice = body.choices?.[0];
    const exchange = { content: choice?.message?.content ?? null, refusal: choice?.message?.refusal ?? null, finishReason: choice?.finish_reason ?? null, usage };
    await assign(customId, (request) => client.accept(request, client.fingerprint(request), exchange, usage, options.priceFactor));
  }
  for (const line of await client.fileLines(batch.error_file_id)) {
    const entry = line as OutputLine;
    const customId = entry.custom_id;
    if (!customId || !pending.has(customId) || answered.has(customId)) continue;
    answered.add(customId);
    await assign(customId, failed(entry.error?.message ?? JSON.stringify(entry.response?.body ?? null).slice(0, 300)));
  }
  for (const customId of customIds) {
    if (!answered.has(customId)) await assign(customId, failed(`batch ${batch.id} (${batch.status}) returned no line for this request`, 'batch_missing'));
  }
  // The batch is used up; a later run with other requests submits a new one.
  const after = await readState(options.stateFile);
  delete after[options.phase];
  await writeJsonAtomic(options.stateFile, after);
}
