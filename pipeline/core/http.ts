/** The little HTTP the local pages need (audit annotation, evaluate survey), on node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** A JSON (or given-type) answer that no cache keeps and no browser sniffs. */
export function send(response: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

/** A request body as text, refused past `maxBytes` (an answer is small; anything bigger is not one). */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('answer too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON request body checked by `schema`, or what is wrong with it (for a 400). */
export async function readJsonBody<T>(request: IncomingMessage, schema: z.ZodType<T>, maxBytes: number): Promise<{ value: T } | { error: string }> {
  try {
    return { value: schema.parse(JSON.parse(await readBody(request, maxBytes))) };
  } catch (error) {
    return { error: `not an answer: ${(error as Error).message.slice(0, 300)}` };
  }
}
