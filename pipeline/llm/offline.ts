/**
 * The offline provider: answers every request with the stand-in its stage built into it
 * (`request.simulate`), held to the request's parser like a model's answer. Deterministic,
 * free, and marked simulated in every record, report and card it touches; it exists so the
 * pipeline runs on a fresh machine and in tests, and it is never presented as a model.
 */
import { ValactError } from '../core/errors.ts';
import { requestFingerprint } from './client.ts';
import { emptyStats, type LlmStats } from './cost.ts';
import type { CallResult, StructuredRequest } from './types.ts';

export const OFFLINE_MODEL = 'offline-simulator-v1';

const NO_USAGE = { prompt_tokens: 0, completion_tokens: 0 };

export class OfflineProvider {
  readonly provider = 'offline' as const;
  readonly model = OFFLINE_MODEL;
  readonly simulated = true;
  readonly stats: LlmStats = emptyStats();

  fingerprint(request: StructuredRequest<unknown>): string {
    return requestFingerprint(OFFLINE_MODEL, request);
  }

  async complete<T>(request: StructuredRequest<T>): Promise<CallResult<T>> {
    const key = this.fingerprint(request);
    if (!request.simulate) {
      throw new ValactError('internal', `prompt ${request.promptId}.v${request.promptVersion} has no offline stand-in`, {
        hint: 'This is a bug in valact: every request a stage makes needs a simulate() for the offline provider.',
      });
    }
    const answer = request.simulate();
    // Held to the same parser as a model's answer: the simulator gets no free pass.
    const parsed = request.parse.safeParse(answer);
    if (!parsed.success) {
      this.stats.failures += 1;
      return { fingerprint: key, error: { code: 'schema_mismatch', message: parsed.error.message, raw: JSON.stringify(answer) }, cached: false, usage: NO_USAGE, cost: 0, repaired: false };
    }
    return { fingerprint: key, value: parsed.data, cached: false, usage: NO_USAGE, cost: 0, repaired: false };
  }
}
