/**
 * Duplicates (check 4): exact duplicates by a hash of the normalized body, near duplicates by
 * MinHash over word shingles with LSH banding, and cross-posts by their parent id. Posts are
 * resolved in (created_utc, id) order, so the earliest copy is kept whatever the input order.
 */
import { createHash } from 'node:crypto';
import { PLACEHOLDER_PATTERN } from './clean.ts';

/** Lowercase words with punctuation, markup and PII placeholders removed. */
export function normalizedWords(text: string): string[] {
  return text.replace(PLACEHOLDER_PATTERN, ' ').toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function exactHash(words: readonly string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 32);
}

/** FNV-1a over a string: a fast 32-bit base hash for shingles. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Final mixer of murmur3: spreads a 32-bit value so each seeded variant acts as a permutation. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class MinHasher {
  private readonly seeds: Uint32Array;

  constructor(
    readonly permutations: number,
    readonly shingleWords: number,
  ) {
    // Fixed seeds derived from the index: signatures are the same on every run and machine.
    this.seeds = Uint32Array.from({ length: permutations }, (_unused, index) => mix(0x9e3779b9 ^ Math.imul(index + 1, 0x27d4eb2d)));
  }

  signature(words: readonly string[]): Uint32Array {
    const signature = new Uint32Array(this.permutations).fill(0xffffffff);
    const shingleCount = Math.max(1, words.length - this.shingleWords + 1);
    for (let start = 0; start < shingleCount; start += 1) {
      const base = fnv1a(words.slice(start, start + this.shingleWords).join(' '));
      for (let index = 0; index < this.permutations; index += 1) {
        const hashed = mix(base ^ this.seeds[index]!);
        if (hashed < signature[index]!) signature[index] = hashed;
      }
    }
    return signature;
  }
}

export function estimatedJaccard(left: Uint32Array, right: Uint32Array): number {
  let equal = 0;
  for (let index = 0; index < left.length; index += 1) if (left[index] === right[index]) equal += 1;
  return equal / left.length;
}

export interface DedupCandidate {
  id: string;
  created_utc: number;
  /** Id of the cross-post parent ("t3_" stripped), or null. */
  crosspostParent: string | null;
  hash: string;
  signature: Uint32Array;
}

export interface DuplicateVerdict {
  reason: string;
  evidence: Record<string, unknown>;
}

/**
 * Decide which candidates are duplicates of an earlier kept candidate. Returns the verdict per
 * duplicate id; every other candidate is kept.
 */
export function resolveDuplicates(
  candidates: readonly DedupCandidate[],
  options: { bands: number; minSimilarity: number },
): Map<string, DuplicateVerdict> {
  const ordered = [...candidates].sort((a, b) => a.created_utc - b.created_utc || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const verdicts = new Map<string, DuplicateVerdict>();
  const keptByHash = new Map<string, string>();
  const keptById = new Map<string, DedupCandidate>();
  const buckets = new Map<string, string[]>();
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));

  const rootOf = (id: string): string => {
    // A duplicate of a duplicate points at the kept original.
    const verdict = verdicts.get(id);
    return verdict ? String(verdict.evidence.original) : id;
  };

  for (const candidate of ordered) {
    if (candidate.crosspostParent !== null && byId.has(candidate.crosspostParent)) {
      const original = rootOf(candidate.crosspostParent);
      verdicts.set(candidate.id, { reason: `duplicate_of:${original}`, evidence: { original, crosspost_of: candidate.crosspostParent } });
      continue;
    }
    const exact = keptByHash.get(candidate.hash);
    if (exact !== undefined) {
      verdicts.set(candidate.id, { reason: `duplicate_of:${exact}`, evidence: { original: exact, normalized_hash: candidate.hash } });
      continue;
    }
    const rowsPerBand = Math.floor(candidate.signature.length / options.bands);
    const bandKeys: string[] = [];
    let best: { id: string; similarity: number } | null = null;
    for (let band = 0; band < options.bands; band += 1) {
      const key = `${band}:${Array.from(candidate.signature.subarray(band * rowsPerBand, (band + 1) * rowsPerBand)).join(',')}`;
      bandKeys.push(key);
      for (const otherId of buckets.get(key) ?? []) {
        const other = keptById.get(otherId)!;
        const similarity = estimatedJaccard(candidate.signature, other.signature);
        // Ties go to the earlier kept post (the bucket lists are in kept order).
        if (similarity >= options.minSimilarity && (best === null || similarity > best.similarity)) best = { id: otherId, similarity };
      }
    }
    if (best !== null) {
      verdicts.set(candidate.id, {
        reason: `near_duplicate_of:${best.id}`,
        evidence: { original: best.id, similarity: Math.round(best.similarity * 1000) / 1000, threshold: options.minSimilarity },
      });
      continue;
    }
    keptByHash.set(candidate.hash, candidate.id);
    keptById.set(candidate.id, candidate);
    for (const key of bandKeys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(candidate.id);
      else buckets.set(key, [candidate.id]);
    }
  }
  return verdicts;
}
