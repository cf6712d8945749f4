/**
 * A fake OpenAI-compatible server on loopback (127.0.0.1, port 0) for tests and benchmarks:
 * chat completions with structured answers, injectable faults per request, and the files and
 * batches endpoints. By default it answers like a competent model, using the offline
 * provider's logic on the post found in the user message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyOffline, rewriteOffline } from '../../pipeline/generate/simulate.ts';
import { isValueId, type ValueId } from '../../pipeline/values.ts';

export interface ChatRequestLog {
  at: number;
  body: { model: string; messages: { role: string; content: string }[]; response_format?: { json_schema?: { name?: string } } };
}

/** What to do with one chat request: a normal answer, or a fault. */
export type Fault =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'hang' }
  | { kind: 'content'; content: string }
  | { kind: 'refusal'; refusal: string };

export interface FakeOpenAiOptions {
  /** Delay before answering each chat request, in ms. Default 0. */
  latencyMs?: number;
  /** Decide per request (0-based index over chat requests); default always ok. */
  fault?: (index: number, request: ChatRequestLog['body']) => Fault;
  /** Extra headers on successful answers (e.g. x-ratelimit-*). */
  headers?: (index: number) => Record<string, string>;
  /** Batch polls that report in_progress before a batch completes. Default 1. */
  batchPollsBeforeDone?: number;
  /** custom_ids whose batch result goes to the error file instead. */
  batchErrorIds?: (customId: string) => boolean;
  /** Called when the answer to a chat request has been written (index, HTTP status, Date.now()). */
  onAnswered?: (index: number, status: number, at: number) => void;
}

export interface FakeOpenAi {
  baseURL: string;
  chatRequests: ChatRequestLog[];
  /** Every request, as "METHOD /path". */
  allRequests: string[];
  batchesCreated: number;
  /** The requests each created batch held, in creation order. */
  batchSizes: number[];
  close(): Promise<void>;
}

/** The answer a competent model would give, derived from the prompt. */
export function defaultAnswer(body: ChatRequestLog['body']): string {
  const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
  const title = /Title: (.*)/.exec(user)?.[1] ?? '';
  const text = /Post:\n([\s\S]*)$/.exec(user)?.[1] ?? '';
  if (body.response_format?.json_schema?.name === 'classify') return JSON.stringify(classifyOffline(title, text));
  // A respondent that always takes option A and rates every portrait 4; in plain-text mode, the bare letter.
  if (body.response_format?.json_schema?.name === 'respond') return JSON.stringify({ choice: 'A' });
  if (body.response_format?.json_schema?.name === 'questionnaire') return JSON.stringify({ rating: 4 });
  if (body.response_format === undefined && /What would you do\?|Which option/.test(user)) return 'A';
  if (body.response_format === undefined && /How much is this person like you/.test(user)) return '4';
  if (body.response_format?.json_schema?.name === 'judge') {
    // A judge that reads every first option as benevolence and every second as achievement.
    const reading = (value: ValueId) => ({ value, second_value: null, plausible: true });
    return JSON.stringify({ option_1: reading('benevolence'), option_2: reading('achievement'), genuine_dilemma: true, comment: '' });
  }
  const label = (name: string): ValueId => {
    const found = new RegExp(`${name} value: ([^—]+) —`).exec(user)?.[1]?.trim().toLowerCase().replace('-', '_') ?? 'benevolence';
    return isValueId(found) ? found : 'benevolence';
  };
  return JSON.stringify(rewriteOffline(title.slice(0, 12) || 'post', title, text, label('Target'), label('Competing')));
}

function completion(content: string | null, refusal: string | null = null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content, refusal } }],
    usage: { prompt_tokens: 400, completion_tokens: 120, total_tokens: 520 },
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Deterministic shuffle, so "order is not guaranteed" is exercised without randomness. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = (i * 7919 + 13) % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const chatRequests: ChatRequestLog[] = [];
  const allRequests: string[] = [];
  const files = new Map<string, string>();
  const batches = new Map<string, { id: string; input_file_id: string; polls: number; output_file_id: string | null; error_file_id: string | null; total: number }>();
  const hanging = new Set<ServerResponse>();
  let fileCounter = 0;
  let batchesCreated = 0;
  const batchSizes: number[] = [];

  const batchObject = (batch: NonNullable<ReturnType<typeof batches.get>>, status: string) => ({
    id: batch.id,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    errors: null,
    input_file_id: batch.input_file_id,
    completion_window: '24h',
    status,
    output_file_id: status === 'completed' ? batch.output_file_id : null,
    error_file_id: status === 'completed' ? batch.error_file_id : null,
    created_at: 0,
    request_counts: { total: batch.total, completed: status === 'completed' ? batch.total : 0, failed: 0 },
  });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const route = `${request.method} ${url.pathname}`;
      allRequests.push(route);
      const raw = await readBody(request);
      if (route === 'POST /v1/chat/completions') {
        const body = JSON.parse(raw.toString('utf8')) as ChatRequestLog['body'];
        const index = chatRequests.length;
        chatRequests.push({ at: Date.now(), body });
        const fault = options.fault?.(index, body) ?? { kind: 'ok' };
        if (options.onAnswered) response.once('finish', () => options.onAnswered?.(index, response.statusCode, Date.now()));
        if (fault.kind === 'hang') {
          hanging.add(response);
          response.on('close', () => hanging.delete(response));
          return;
        }
        if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
        if (fault.kind === 'status') return sendJson(response, fault.status, fault.body ?? { error: { message: `fake ${fault.status}`, type: 'fake' } }, fault.headers);
        const extra = options.headers?.(index) ?? {};
        if (fault.kind === 'refusal') return sendJson(response, 200, completion(null, fault.refusal), extra);
        if (fault.kind === 'content') return sendJson(response, 200, completion(fault.content), extra);
        return sendJson(response, 200, completion(defaultAnswer(body)), extra);
      }
      if (route === 'POST /v1/files') {
        const form = await new Response(raw, { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
        const file = form.get('file') as File;
        const id = `file-${++fileCounter}`;
        files.set(id, await file.text());
        return sendJson(response, 200, { id, object: 'file', bytes: file.size, created_at: 0, filename: file.name, purpose: 'batch', status: 'processed' });
      }
      if (route === 'POST /v1/batches') {
        const body = JSON.parse(raw.toString('utf8')) as { input_file_id: string };
        const lines = (files.get(body.input_file_id) ?? '').split('\n').filter((line) => line.trim() !== '');
        const outputs: string[] = [];
        const errors: string[] = [];
        for (const line of lines) {
          const entry = JSON.parse(line) as { custom_id: string; body: ChatRequestLog['body'] };
          chatRequests.push({ at: Date.now(), body: entry.body });
          if (options.batchErrorIds?.(entry.custom_id)) {
            errors.push(JSON.stringify({ id: `r-${entry.custom_id}`, custom_id: entry.custom_id, response: null, error: { code: 'server_error', message: 'fake batch failure' } }));
          } else {
            outputs.push(JSON.stringify({ id: `r-${entry.custom_id}`, custom_id: entry.custom_id, response: { status_code: 200, request_id: 'x', body: completion(defaultAnswer(entry.body)) }, error: null }));
          }
        }
        const outputId = `file-${++fileCounter}`;
        files.set(outputId, shuffled(outputs).join('\n') + '\n');
        const errorId = errors.length > 0 ? `file-${++fileCounter}` : null;
        if (errorId) files.set(errorId, shuffled(errors).join('\n') + '\n');
        batchSizes.push(lines.length);
        const id = `batch_${++batchesCreated}`;
        const batch = { id, input_file_id: body.input_file_id, polls: 0, output_file_id: outputId, error_file_id: errorId, total: lines.length };
        batches.set(id, batch);
        return sendJson(response, 200, batchObject(batch, 'validating'));
      }
      const batchMatch = /^GET \/v1\/batches\/(.+)$/.exec(route);
      if (batchMatch) {
        const batch = batches.get(batchMatch[1]!);
        if (!batch) return sendJson(response, 404, { error: { message: 'no such batch' } });
        batch.polls += 1;
        return sendJson(response, 200, batchObject(batch, batch.polls > (options.batchPollsBeforeDone ?? 1) ? 'completed' : 'in_progress'));
      }
      const contentMatch = /^GET \/v1\/files\/(.+)\/content$/.exec(route);
      if (contentMatch) {
        const text = files.get(contentMatch[1]!);
        if (text === undefined) return sendJson(response, 404, { error: { message: 'no such file' } });
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        return response.end(text);
      }
      sendJson(response, 404, { error: { message: `fake server has no route ${route}` } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    chatRequests,
    allRequests,
    get batchesCreated() {
      return batchesCreated;
    },
    batchSizes,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
