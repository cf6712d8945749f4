/**
 * The Batch API path: uncached requests are written as batch JSONL, uploaded, run as one
 * batch, polled, and their output and error files joined back by custom_id (the order of
 * output lines is not guaranteed). The batch id is persisted before polling, so a killed run
 * picks the same batch up again instead of paying twice. Answers go through the client's
 * validation, repair, cache and accounting like synchronous ones.
 */
import { readFile } from 'node:fs/promises';
import { toFile } from 'openai';
import { writeJsonAtomic } from '../core/atomic.ts';
import { ValactError } from '../core/errors.ts';
import { fingerprint } from '../core/fingerprint.ts';
import type { Usage } from './cache.ts';
import { addUsage, costOf } from './cost.ts';
import type { CallResult, LlmClient, StructuredRequest } from './client.ts';

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

export async function completeInBatch<T>(
  client: LlmClient,
  requests: StructuredRequest<T>[],
  options: BatchOptions,
): Promise<CallResult<T>[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const results: (CallResult<T> | undefined)[] = new Array(requests.length);
  const pending = new Map<string, number[]>();
  for (const [index, request] of requests.entries()) {
    const hit = await client.cached(request);
    if (hit) {
      client.stats.cache_hits += 1;
      results[index] = hit;
      continue;
    }
    const id = customIdFor(client.fingerprint(request));
    pending.set(id, [...(pending.get(id) ?? []), index]);
  }
  if (pending.size === 0) return results as CallResult<T>[];

  const customIds = [...pending.keys()].sort();
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
          response_format: { type: 'json_schema', json_schema: request.responseFormat },
        },
      });
    });
    const file = await client.openai.files.create({
      file: await toFile(Buffer.from(lines.join('\n') + '\n'), `valact-${options.phase}.jsonl`),
      purpose: 'batch',
    });
    const batch = await client.openai.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    batchId = batch.id;
    client.stats.requests += 2;
    await writeJsonAtomic(options.stateFile, { ...state, [options.phase]: { batch_id: batchId, requests_fingerprint: requestsFingerprint } });
  }

  let batch = await client.openai.batches.retrieve(batchId);
  client.stats.requests += 1;
  while (!TERMINAL.has(batch.status)) {
    options.onPoll?.(batch.status, batch.request_counts?.completed ?? 0, batch.request_counts?.total ?? customIds.length);
    await sleep(options.pollMs);
    batch = await client.openai.batches.retrieve(batchId);
    client.stats.requests += 1;
  }
  if (batch.status !== 'completed' && !batch.output_file_id && !batch.error_file_id) {
    throw new ValactError('network', `batch ${batchId} ended ${batch.status} with no output`, {
      hint: `Inspect it with the provider's console; delete ${options.stateFile} to submit a new batch.`,
    });
  }

  const answered = new Set<string>();
  const assign = (customId: string, make: (request: StructuredRequest<T>) => Promise<CallResult<T>>) =>
    Promise.all(
      (pending.get(customId) ?? []).map(async (index) => {
        results[index] = await make(requests[index]!);
      }),
    );

  for (const line of await downloadLines(client, batch.output_file_id)) {
    const entry = line as { custom_id?: string; response?: { status_code?: number; body?: unknown } | null; error?: { message?: string } | null };
    const customId = entry.custom_id;
    if (!customId || !pending.has(customId) || answered.has(customId)) continue;
    answered.add(customId);
    const status = entry.response?.status_code ?? 0;
    const body = entry.response?.body as
      | { choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }[]; usage?: Partial<Usage> }
      | undefined;
    if (status !== 200 || !body) {
      await assign(customId, async (request) => batchFailure(client, request, `status ${status}: ${JSON.stringify(entry.response?.body ?? entry.error ?? null).slice(0, 300)}`));
      continue;
    }
    const usage: Usage = { prompt_tokens: body.usage?.prompt_tokens ?? 0, completion_tokens: body.usage?.completion_tokens ?? 0 };
    addUsage(client.stats, client.model, usage, costOf(usage, client.price(), options.priceFactor));
    const choice = body.choices?.[0];
    const exchange = {
      content: choice?.message?.content ?? null,
      refusal: choice?.message?.refusal ?? null,
      finishReason: choice?.finish_reason ?? null,
      usage,
    };
    await assign(customId, (request) => client.accept(request, client.fingerprint(request), exchange, usage, options.priceFactor));
  }
  for (const line of await downloadLines(client, batch.error_file_id)) {
    const entry = line as { custom_id?: string; error?: { code?: string; message?: string } | null; response?: { status_code?: number; body?: unknown } | null };
    const customId = entry.custom_id;
    if (!customId || !pending.has(customId) || answered.has(customId)) continue;
    answered.add(customId);
    const detail = entry.error?.message ?? JSON.stringify(entry.response?.body ?? null).slice(0, 300);
    await assign(customId, async (request) => batchFailure(client, request, detail));
  }
  for (const customId of customIds) {
    if (answered.has(customId)) continue;
    await assign(customId, async (request) => ({
      ...batchFailure(client, request, `batch ${batchId} (${batch.status}) returned no line for this request`),
      error: { code: 'batch_missing' as const, message: `batch ${batchId} (${batch.status}) returned no line for this request`, raw: null },
    }));
  }
  // The batch is used up; a later run with other requests submits a new one.
  const after = await readState(options.stateFile);
  delete after[options.phase];
  await writeJsonAtomic(options.stateFile, after);
  return results as CallResult<T>[];
}

function batchFailure<T>(client: LlmClient, request: StructuredRequest<T>, message: string): CallResult<T> {
  client.stats.failures += 1;
  return {
    fingerprint: client.fingerprint(request),
    error: { code: 'batch_error', message, raw: null },
    cached: false,
    usage: { prompt_tokens: 0, completion_tokens: 0 },
    cost: 0,
    repaired: false,
  };
}

async function downloadLines(client: LlmClient, fileId: string | null | undefined): Promise<unknown[]> {
  if (!fileId) return [];
  const response = await client.openai.files.content(fileId);
  client.stats.requests += 1;
  const text = await response.text();
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
