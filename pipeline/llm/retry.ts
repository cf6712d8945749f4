/**
 * Retries with back-off. The SDK's own retries are off (it caps Retry-After at 60 s and burns
 * its retries on a longer wait): 408, 409, 429, 5xx, timeouts and connection errors are retried
 * here, a server's Retry-After is honoured up to `maxRetryAfterMs` for every request (through
 * the rate gate), and anything else — a 400, an authentication failure, a missing model —
 * is answered at once.
 */
import { APIConnectionError, APIError } from 'openai';
import type { RateGate } from './rate-gate.ts';
import type { CallError } from './types.ts';

/** Statuses worth another attempt: the request may succeed unchanged. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true; // includes timeouts
  if (error instanceof APIError && typeof error.status === 'number') return isRetryableStatus(error.status);
  return false;
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

/** A failed attempt as data, with the endpoint named so a researcher knows where it went. */
export function describeFailure(error: unknown, endpoint: string): CallError {
  if (error instanceof APIConnectionError) {
    const cause = (error.cause as { message?: string; cause?: { code?: string } } | undefined)?.cause?.code;
    return { code: 'network', message: `${error.message}${cause ? ` (${cause})` : ''} — ${endpoint}`, raw: null };
  }
  if (error instanceof APIError) {
    const status = error.status;
    const code = status === 400 ? 'bad_request' : status === 401 || status === 403 ? 'unauthorized' : status === 404 ? 'not_found' : 'http_error';
    return { code, message: `HTTP ${status}: ${error.message} — ${endpoint}`, raw: null, ...(typeof status === 'number' ? { status } : {}) };
  }
  return { code: 'network', message: `${(error as Error).message ?? String(error)} — ${endpoint}`, raw: null };
}

export interface RetrierOptions {
  maxRetries: number;
  maxRetryAfterMs: number;
  gate: RateGate;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  endpoint: string;
  onRetry?: () => void;
  onWait?: (ms: number, reason: string) => void;
  onWaited?: (ms: number) => void;
  /** True when the response's Retry-After already paused the gate as its headers arrived. */
  alreadyHonoured?: (headers: Headers) => boolean;
}

export class Retrier {
  constructor(private readonly options: RetrierOptions) {}

  /** Run `attempt` until it succeeds, fails for good, or the retries run out. */
  async run<T>(attempt: () => Promise<T>): Promise<{ value: T } | { error: CallError }> {
    for (let tries = 0; ; tries += 1) {
      try {
        return { value: await attempt() };
      } catch (error) {
        if (!isRetryable(error) || tries >= this.options.maxRetries) return { error: describeFailure(error, this.options.endpoint) };
        this.options.onRetry?.();
        const headers = error instanceof APIError ? (error.headers as Headers | undefined) : undefined;
        const told = retryAfterMs(headers, this.options.now());
        if (told !== null) {
          // The server said when: everyone waits, not just this request.
          if (!headers || !this.options.alreadyHonoured?.(headers)) this.options.gate.pauseFor(Math.min(told, this.options.maxRetryAfterMs), 'retry-after');
        } else {
          const backoff = Math.min(500 * 2 ** tries, 30_000) * (0.5 + this.options.random() * 0.5);
          this.options.onWait?.(backoff, 'backoff');
          this.options.onWaited?.(backoff);
          await this.options.sleep(backoff);
        }
      }
    }
  }
}
