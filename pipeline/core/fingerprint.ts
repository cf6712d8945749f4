/**
 * Stable fingerprints: JSON with sorted keys, hashed with sha256. Used for config and prompt
 * fingerprints, cache keys and seeds, so they must never depend on key insertion order.
 */
import { createHash } from 'node:crypto';

/** JSON.stringify with object keys sorted at every depth; `undefined` members are dropped. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeysDeep(member);
    }
    return sorted;
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fingerprint(value: unknown): string {
  return sha256Hex(stableStringify(value));
}

/**
 * A deterministic number in [0, 1) derived from a string (e.g. a scenario id and a purpose),
 * for seeded choices that must not depend on run order or the machine.
 */
export function seededUnit(...parts: string[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}
