/**
 * The one gate all requests to a model endpoint pass: a p-queue for concurrency and the
 * request rate, a token-per-minute window, and a shared pause. A Retry-After or an exhausted
 * x-ratelimit-* header pauses every request, not only the one that was told.
 */
import PQueue from 'p-queue';

export interface RateGateOptions {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests per minute, or null for no limit. */
  rpm: number | null;
  /** Prompt + completion tokens per minute, or null for no limit. */
  tpm: number | null;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Called with every pause the gate decides on (ms, why). */
  onWait?: (ms: number, reason: string) => void;
  /** Called with the time actually spent waiting. */
  onWaited?: (ms: number) => void;
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

export class RateGate {
  private readonly queue: PQueue;
  /** No request leaves before this time (Retry-After, exhausted rate-limit headers). */
  private pausedUntil = 0;
  private readonly tokenWindow: { at: number; tokens: number }[] = [];

  constructor(private readonly options: RateGateOptions) {
    this.queue = new PQueue({ concurrency: options.concurrency, ...(options.rpm === null ? {} : rateWindow(options.rpm)) });
  }

  /**
   * Run `send` when the queue, the pause and the token window allow a request of `tokens`. A
   * request that fails gives its tokens back: a refused connection spends no quota, and must
   * not slow the next attempt.
   */
  run<T>(tokens: number, send: () => Promise<T>): Promise<T> {
    return this.queue.add(async () => {
      const entry = await this.waitForTurn(tokens);
      try {
        return await send();
      } catch (error) {
        if (entry) entry.tokens = 0;
        throw error;
      }
    });
  }

  /** Pause every request for `ms` from now (never shortens a longer pause). */
  pauseFor(ms: number, reason: string): void {
    const until = this.options.now() + ms;
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.options.onWait?.(ms, reason);
    }
  }

  /**
   * Wait out a pause that began after this request passed its turn: a request that passed the
   * gate in the same tick as a 429 arrived must not go out either.
   */
  async waitOutPause(signal?: AbortSignal | null): Promise<void> {
    for (let now = this.options.now(); now < this.pausedUntil; now = this.options.now()) {
      if (signal?.aborted) throw signal.reason;
      await this.wait(this.pausedUntil - now);
    }
  }

  /** x-ratelimit-* headers are hints: when one says nothing is left, pause until its reset. */
  adaptToHeaders(headers: Headers, nextTokens: number): void {
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

  private async wait(ms: number): Promise<void> {
    this.options.onWaited?.(ms);
    await this.options.sleep(ms);
  }

  /** Wait out a pause and the token window before sending; returns the window entry it took. */
  private async waitForTurn(tokens: number): Promise<{ at: number; tokens: number } | null> {
    for (;;) {
      const now = this.options.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil - now);
        continue;
      }
      const tpm = this.options.tpm;
      if (tpm !== null) {
        while (this.tokenWindow.length > 0 && this.tokenWindow[0]!.at <= now - 60_000) this.tokenWindow.shift();
        const used = this.tokenWindow.reduce((sum, entry) => sum + entry.tokens, 0);
        if (used > 0 && used + tokens > tpm) {
          await this.wait(this.tokenWindow[0]!.at + 60_000 - now);
          continue;
        }
        const entry = { at: now, tokens };
        this.tokenWindow.push(entry);
        return entry;
      }
      return null;
    }
  }
}
