/**
 * Duplicates (check 4): exact duplicates by a hash of the normalized body, near duplicates by
 * MinHash over word shingles with LSH banding, and cross-posts by their parent id. Posts are
 * resolved in (created_utc, id) order, so the earliest copy is kept whatever the input order.
 */
import { createHash } from 'node:crypto';
import { MASK_TOKEN_PATTERN, words } from '../text.ts';

/** Lowercase words with punctuation, markup and PII placeholders removed. */
/** The words dedup compares: the shared word rule, reading past the filter's masks. */
export function normalizedWords(text: string): string[] {
  return words(text.replace(MASK_TOKEN_PATTERN, ' '));
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

/**
 * Equal signature positions between `left` and `right`, or -1 as soon as fewer than
 * `minEqual` can still be reached: most pairs an LSH bucket offers are far apart, and this
 * settles them in a fraction of the signature.
 */
function equalPositionsAtLeast(left: Uint32Array, right: Uint32Array, rightOffset: number, minEqual: number): number {
  const allowedMismatches = left.length - minEqual;
  let mismatches = 0;
  for (let index = 0; index < left.length; index += 1) {
    if (left[index] !== right[rightOffset + index]) {
      mismatches += 1;
      if (mismatches > allowedMismatches) return -1;
    }
  }
  return left.length - mismatches;
}

/**
 * A number naming one band of a signature: two 32-bit hashes of (band, rows) packed into a safe
 * integer. Numbers make cheaper Map keys than joined strings; a rare collision only costs one
 * extra comparison, since every candidate pair is checked on the full signature.
 */
function bandKey(signature: Uint32Array, band: number, rowsPerBand: number): number {
  let high = mix(0x27d4eb2d ^ band);
  let low = mix(0x165667b1 ^ band);
  for (let row = band * rowsPerBand; row < (band + 1) * rowsPerBand; row += 1) {
    high = mix(high ^ signature[row]!);
    low = mix((low + signature[row]!) >>> 0);
  }
  return high * 0x200000 + (low & 0x1fffff);
}

export interface DedupCandidate {
  id: string;
  created_utc: number;
  /** Id of the cross-post parent ("t3_" stripped), or null. */
  crosspostParent: string | null;
  hash: string;
  signature: Uint32Array;
  /**
   * A post already rejected on its own merits (by the advice check): it is matched against
   * kept posts, so a repost is reported as a duplicate, but it is never an original itself.
   */
  probe?: boolean;
}

export interface DuplicateVerdict {
  reason: string;
  evidence: Record<string, unknown>;
}

export interface DedupOptions {
  bands: number;
  minSimilarity: number;
  /**
   * Most signature comparisons made for one post. Its LSH buckets are read smallest first (a
   * band that few posts share is the best evidence of a real near duplicate) and each bucket
   * newest first (reposts follow their original closely); the same pair is never compared
   * twice. Bounds the work per post when templated posts fill a few buckets with thousands of
   * ids. Default Infinity (no cap).
   */
  maxComparisonsPerPost?: number;
}

export interface DedupStats {
  /** Signature comparisons made (estimatedJaccard calls). */
  comparisons: number;
  /** Posts whose comparisons stopped at maxComparisonsPerPost with candidates left unread. */
  cappedPosts: number;
  /** Ids in the largest LSH bucket at the end. */
  largestBucket: number;
}

/**
 * Decide which candidates are duplicates of an earlier kept candidate. Returns the verdict per
 * duplicate id; every other candidate is kept. `stats`, when given, is filled in.
 */
export function resolveDuplicates(candidates: readonly DedupCandidate[], options: DedupOptions, stats?: DedupStats): Map<string, DuplicateVerdict> {
  const maxComparisons = options.maxComparisonsPerPost ?? Number.POSITIVE_INFINITY;
  const ordered = [...candidates].sort((a, b) => a.created_utc - b.created_utc || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const verdicts = new Map<string, DuplicateVerdict>();
  const keptByHash = new Map<string, string>();
  // Kept posts by their order of keeping: buckets hold these small integers, not ids.
  const kept: DedupCandidate[] = [];
  const buckets = new Map<number, number[]>();
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  // Kept signatures side by side in one array: the comparisons read memory in order.
  const permutations = candidates[0]?.signature.length ?? 0;
  let keptSignatures = new Uint32Array(64 * permutations);
  // comparedWith[k] === stamp when kept post k was already compared with the current post.
  let comparedWith = new Int32Array(64);
  let comparisons = 0;
  let cappedPosts = 0;

  const rootOf = (id: string): string => {
    // A duplicate of a duplicate points at the kept original.
    const verdict = verdicts.get(id);
    return verdict ? String(verdict.evidence.original) : id;
  };

  for (const [stamp, candidate] of ordered.entries()) {
    if (!candidate.probe && candidate.crosspostParent !== null && byId.has(candidate.crosspostParent) && !byId.get(candidate.crosspostParent)!.probe) {
      const original = rootOf(candidate.crosspostParent);
      verdicts.set(candidate.id, { reason: `near_duplicate_of:${original}`, evidence: { original, crosspost_of: candidate.crosspostParent } });
      continue;
    }
    const exact = keptByHash.get(candidate.hash);
    if (exact !== undefined) {
      verdicts.set(candidate.id, { reason: `duplicate_of:${exact}`, evidence: { original: exact, normalized_hash: candidate.hash } });
      continue;
    }
    const rowsPerBand = Math.floor(candidate.signature.length / options.bands);
    const minEqual = Math.ceil(options.minSimilarity * candidate.signature.length - 1e-9);
    const bandKeys: number[] = [];
    const shared: number[][] = [];
    for (let band = 0; band < options.bands; band += 1) {
      const key = bandKey(candidate.signature, band, rowsPerBand);
      bandKeys.push(key);
      const bucket = buckets.get(key);
      if (bucket) shared.push(bucket);
    }
    // Smallest buckets first; stable, so equal sizes keep band order and verdicts stay deterministic.
    shared.sort((a, b) => a.length - b.length);
    let best: { index: number; similarity: number } | null = null;
    let budget = maxComparisons;
    scan: for (const bucket of shared) {
      for (let position = bucket.length - 1; position >= 0; position -= 1) {
        if (budget <= 0) {
          cappedPosts += 1;
          break scan;
        }
        budget -= 1;
        const index = bucket[position]!;
        if (comparedWith[index] === stamp + 1) continue;
        comparedWith[index] = stamp + 1;
        comparisons += 1;
        const equal = equalPositionsAtLeast(candidate.signature, keptSignatures, index * permutations, minEqual);
        if (equal < 0) continue;
        const similarity = equal / candidate.signature.length;
        // Ties go to the earlier kept post, whatever order the buckets were read in.
        if (best === null || similarity > best.similarity || (similarity === best.similarity && index < best.index)) best = { index, similarity };
      }
    }
    if (best !== null) {
      const original = kept[best.index]!.id;
      verdicts.set(candidate.id, {
        reason: `near_duplicate_of:${original}`,
        evidence: { original, similarity: Math.round(best.similarity * 1000) / 1000, threshold: options.minSimilarity },
      });
      continue;
    }
    if (candidate.probe) continue;
    const index = kept.length;
    kept.push(candidate);
    if (index >= comparedWith.length) {
      const grown = new Int32Array(comparedWith.length * 2);
      grown.set(comparedWith);
      comparedWith = grown;
      const grownSignatures = new Uint32Array(comparedWith.length * permutations);
      grownSignatures.set(keptSignatures);
      keptSignatures = grownSignatures;
    }
    keptSignatures.set(candidate.signature, index * permutations);
    keptByHash.set(candidate.hash, candidate.id);
    for (const key of bandKeys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  }
  if (stats) {
    stats.comparisons = comparisons;
    stats.cappedPosts = cappedPosts;
    stats.largestBucket = 0;
    for (const bucket of buckets.values()) stats.largestBucket = Math.max(stats.largestBucket, bucket.length);
  }
  return verdicts;
}
