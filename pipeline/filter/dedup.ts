/**
 * Duplicates (check 4): exact duplicates by a hash of the normalized body, near duplicates by
 * MinHash over word shingles with LSH banding, and cross-posts by their parent id. Posts are
 * resolved in (created_utc, id) order, so the earliest copy is kept whatever the input order.
 */
import { MASK_TOKEN_PATTERN, words } from '../text.ts';
import { fnv1a, mix } from './hashing.ts';

/** The words dedup compares: the shared word rule, reading past the filter's masks. */
export function normalizedWords(text: string): string[] {
  return words(text.replace(MASK_TOKEN_PATTERN, ' '));
}

/** The identity of a normalized body: 64 bits of two FNV-1a passes, as hex (collisions at a million posts: about one in ten million). */
export function exactHash(words: readonly string[]): string {
  const text = words.join(' ');
  let first = 0x811c9dc5;
  let second = 0x9e3779b9;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x01000193) ^ (second >>> 15);
  }
  return `${(first >>> 0).toString(16).padStart(8, '0')}${(second >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * MinHash reads at most this many words of a body: a long post's opening decides whether it is a
 * repost. 600 words is the whole of 90% of real posts (dev corpus: median 144, 90th percentile
 * 624) and spares a fifth of the signature work the long tail cost.
 */
export const MINHASH_MAX_WORDS = 600;

export class MinHasher {
  private readonly seeds: Uint32Array;

  constructor(
    readonly permutations: number,
    readonly shingleWords: number,
  ) {
    // Fixed seeds derived from the index: signatures are the same on every run and machine. (A
    // cheaper a*x+b family was tried and measured worse: templated posts became near duplicates.)
    this.seeds = Uint32Array.from({ length: permutations }, (_unused, index) => mix(0x9e3779b9 ^ Math.imul(index + 1, 0x27d4eb2d)));
  }

  signature(words: readonly string[]): Uint32Array {
    const signature = new Uint32Array(this.permutations).fill(0xffffffff);
    const count = Math.min(words.length, MINHASH_MAX_WORDS);
    // Each word is hashed once; a shingle's hash chains its words' hashes.
    const wordHashes = new Uint32Array(count);
    for (let index = 0; index < count; index += 1) wordHashes[index] = fnv1a(words[index]!);
    const shingleCount = Math.max(1, count - this.shingleWords + 1);
    const seeds = this.seeds;
    for (let start = 0; start < shingleCount; start += 1) {
      let shingle = 0x27d4eb2d;
      for (let word = start; word < Math.min(start + this.shingleWords, count); word += 1) shingle = mix(shingle ^ wordHashes[word]!);
      for (let index = 0; index < this.permutations; index += 1) {
        const hashed = mix(shingle ^ seeds[index]!);
        if (hashed < signature[index]!) signature[index] = hashed;
      }
    }
    return signature;
  }
}

/**
 * Dedup keeps the low 8 bits of each minimum (b-bit MinHash): two unrelated posts agree on a
 * position by chance once in 256, which moves an estimated similarity by under 0.004, and a
 * million posts' signatures take 64 MB instead of 256.
 */
const SIGNATURE_MASK = 0xff;

export interface DedupCandidate {
  id: string;
  created_utc: number;
  /** Id of the cross-post parent ("t3_" stripped), or null. */
  crosspostParent: string | null;
  /** The normalized body's identity (exactHash); any string works, it is hashed again to 64 bits. */
  hash: string;
  signature: Uint32Array | Uint8Array;
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
  /** Signature comparisons made. */
  comparisons: number;
  /** Posts whose comparisons stopped at maxComparisonsPerPost with candidates left unread. */
  cappedPosts: number;
  /** Kept posts in the fullest LSH bucket at the end. */
  largestBucket: number;
}

function hash32(text: string, seed: number): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash >>> 0);
}

/** Grow a typed array to hold at least `size` elements, by half again: less left unused, and less held twice while copying, than doubling. */
function grown<T extends Uint16Array | Uint32Array | Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  let length = Math.max(array.length, 1024);
  while (length < size) length = Math.ceil(length * 1.5);
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}

const NOT_DUPLICATE = 0;
const EXACT = 1;
const NEAR = 2;
const CROSSPOST = 3;

/**
 * The duplicates dedup found, by the index `DedupIndex.add` gave each post: three typed arrays
 * instead of an object per post, so a million verdicts take 7 MB.
 */
export class DuplicateVerdicts {
  constructor(
    private readonly index: DedupIndex,
    private readonly kinds: Uint8Array,
    /** For a duplicate, the index of the kept original; for a cross-post, of its parent. */
    private readonly originals: Int32Array,
    /** Estimated similarity in thousandths, for near duplicates. */
    private readonly similarities: Uint16Array,
    private readonly minSimilarity: number,
  ) {}

  isDuplicate(post: number): boolean {
    return this.kinds[post] !== NOT_DUPLICATE;
  }

  /** The post's verdict, or null when it is kept. */
  at(post: number): DuplicateVerdict | null {
    const kind = this.kinds[post]!;
    if (kind === NOT_DUPLICATE) return null;
    const original = this.rootOf(this.originals[post]!);
    if (kind === EXACT) return { reason: `duplicate_of:${original}`, evidence: { original, normalized_hash: this.index.hashKey(post) } };
    if (kind === CROSSPOST) return { reason: `near_duplicate_of:${original}`, evidence: { original, crosspost_of: this.index.idAt(this.originals[post]!) } };
    return {
      reason: `near_duplicate_of:${original}`,
      evidence: { original, similarity: this.similarities[post]! / 1000, threshold: this.minSimilarity },
    };
  }

  /** A duplicate of a duplicate (a cross-post of a repost) points at the kept original. */
  private rootOf(post: number): string {
    let current = post;
    while (this.kinds[current] !== NOT_DUPLICATE) current = this.originals[current]!;
    return this.index.idAt(current);
  }

  /** Every duplicate, by id (for small inputs and tests). */
  toMap(): Map<string, DuplicateVerdict> {
    const map = new Map<string, DuplicateVerdict>();
    for (let post = 0; post < this.index.size; post += 1) {
      const verdict = this.at(post);
      if (verdict) map.set(this.index.idAt(post), verdict);
    }
    return map;
  }
}

/** Posts per storage chunk: chunks are allocated as posts arrive, so nothing is copied to grow. */
const CHUNK_BITS = 14;
const CHUNK_POSTS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_POSTS - 1;

/** Append-only storage of fixed-width rows in chunks of CHUNK_POSTS rows. */
class ChunkedRows<T extends Uint8Array | Uint32Array | Float64Array> {
  readonly chunks: T[] = [];

  constructor(
    private readonly width: number,
    private readonly make: (length: number) => T,
  ) {}

  /** The chunk holding row `row`, allocated on first use. */
  chunkFor(row: number): T {
    const at = row >>> CHUNK_BITS;
    while (this.chunks.length <= at) this.chunks.push(this.make(CHUNK_POSTS * this.width));
    return this.chunks[at]!;
  }

  /** Offset of row `row` in its chunk. */
  offset(row: number): number {
    return (row & CHUNK_MASK) * this.width;
  }
}

/** Post ids packed as Latin-1 bytes in chunks (Reddit ids are short base-36), by offsets. */
class PackedIds {
  private readonly bytes: Buffer[] = [];
  private used = 0;
  private starts = new Uint32Array(1024);
  private chunkOf = new Uint16Array(1024);
  private lengths = new Uint8Array(1024);
  count = 0;
  /** Ids that are not short Latin-1 strings (rare; any string works): kept as strings. */
  private readonly unusual = new Map<number, string>();

  push(id: string): void {
    const index = this.count;
    this.count += 1;
    this.starts = grown(this.starts, this.count);
    this.chunkOf = grown(this.chunkOf, this.count);
    this.lengths = grown(this.lengths, this.count);
    // eslint-disable-next-line no-control-regex
    if (id.length === 0 || id.length > 255 || /[^\x00-\xff]/.test(id)) {
      this.unusual.set(index, id);
      return;
    }
    if (this.bytes.length === 0 || this.used + id.length > this.bytes.at(-1)!.length) {
      this.bytes.push(Buffer.allocUnsafe(1 << 20));
      this.used = 0;
    }
    this.bytes.at(-1)!.write(id, this.used, 'latin1');
    this.starts[index] = this.used;
    this.chunkOf[index] = this.bytes.length - 1;
    this.lengths[index] = id.length;
    this.used += id.length;
  }

  at(index: number): string {
    const unusual = this.unusual.get(index);
    if (unusual !== undefined) return unusual;
    const start = this.starts[index]!;
    return this.bytes[this.chunkOf[index]!]!.toString('latin1', start, start + this.lengths[index]!);
  }
}

/**
 * Every post that may be a duplicate, in compact storage (about 90 bytes a post with the default
 * 64 permutations, whatever the input size), and the resolution over all of them.
 */
export class DedupIndex {
  private readonly ids = new PackedIds();
  private created = new Float64Array(1024);
  private hashes = new Uint32Array(2048);
  private readonly signatures: ChunkedRows<Uint8Array>;
  private probes = new Uint8Array(1024);
  /** Cross-posts are rare: their parents by index. */
  private readonly parents = new Map<number, string>();

  constructor(readonly permutations: number) {
    this.signatures = new ChunkedRows(permutations, (length) => new Uint8Array(length));
  }

  get size(): number {
    return this.ids.count;
  }

  idAt(post: number): string {
    return this.ids.at(post);
  }

  hashKey(post: number): string {
    return `${this.hashes[2 * post]}:${this.hashes[2 * post + 1]}`;
  }

  /** Add a post; returns its index, which names it in the verdicts. */
  add(candidate: DedupCandidate): number {
    const index = this.ids.count;
    if (candidate.signature.length !== this.permutations) {
      throw new Error(`dedup: a signature of ${candidate.signature.length} positions, expected ${this.permutations}`);
    }
    this.ids.push(candidate.id);
    this.created = grown(this.created, index + 1);
    this.hashes = grown(this.hashes, 2 * (index + 1));
    this.probes = grown(this.probes, index + 1);
    this.created[index] = candidate.created_utc;
    this.hashes[2 * index] = hash32(candidate.hash, 0x811c9dc5);
    this.hashes[2 * index + 1] = hash32(candidate.hash, 0x9e3779b9);
    this.probes[index] = candidate.probe ? 1 : 0;
    const signature = candidate.signature;
    const chunk = this.signatures.chunkFor(index);
    const offset = this.signatures.offset(index);
    for (let position = 0; position < this.permutations; position += 1) chunk[offset + position] = signature[position]! & SIGNATURE_MASK;
    if (candidate.crosspostParent !== null) this.parents.set(index, candidate.crosspostParent);
    return index;
  }

  /** Which of `ids` are kept by these verdicts: added, not a probe, not a duplicate. */
  keptAmong(ids: ReadonlySet<string>, verdicts: DuplicateVerdicts): Set<string> {
    const kept = new Set<string>();
    if (ids.size === 0) return kept;
    for (let index = 0; index < this.size; index += 1) {
      const id = this.ids.at(index);
      if (ids.has(id) && this.probes[index] === 0 && !verdicts.isDuplicate(index)) kept.add(id);
    }
    return kept;
  }

  /** Decide which posts are duplicates of an earlier kept post; every other post is kept. */
  resolve(options: DedupOptions, stats?: DedupStats): DuplicateVerdicts {
    const count = this.size;
    const permutations = this.permutations;
    const bands = options.bands;
    const maxComparisons = options.maxComparisonsPerPost ?? Number.POSITIVE_INFINITY;
    const rowsPerBand = Math.floor(permutations / bands);
    const minEqual = Math.ceil(options.minSimilarity * permutations - 1e-9);
    // Earliest first, ties by id: the earliest copy is kept whatever the input order.
    const order = Uint32Array.from({ length: count }, (_unused, index) => index).sort((a, b) => {
      const byTime = this.created[a]! - this.created[b]!;
      if (byTime !== 0) return byTime;
      const [x, y] = [this.ids.at(a), this.ids.at(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const kinds = new Uint8Array(count);
    const originals = new Int32Array(count).fill(-1);
    const similarities = new Uint16Array(count);
    const resolved = new Uint8Array(count);
    const parentIndex = new Map<string, number>();
    for (const parent of this.parents.values()) parentIndex.set(parent, -1);
    if (parentIndex.size > 0) {
      for (let index = 0; index < count; index += 1) {
        const id = this.ids.at(index);
        if (parentIndex.has(id)) parentIndex.set(id, index);
      }
    }
    const keptByHash = new Map<string, number>();
    const buckets = new LshBuckets(bands, (post, out) => {
      const rows = this.signatures.chunkFor(post);
      const at = this.signatures.offset(post);
      for (let band = 0; band < bands; band += 1) out[band] = bandKey(rows, at, band, rowsPerBand);
    });
    const keys = new Uint32Array(bands);
    // comparedWith[k] === stamp when kept post k was already compared with the current post.
    let comparedWith = new Int32Array(1024);
    let comparisons = 0;
    let cappedPosts = 0;
    const bandOrder = Array.from({ length: bands }, (_unused, band) => band);

    for (let stamp = 0; stamp < count; stamp += 1) {
      const index = order[stamp]!;
      resolved[index] = 1;
      const probe = this.probes[index] === 1;
      const parent = this.parents.get(index);
      const parentAt = parent === undefined ? -1 : (parentIndex.get(parent) ?? -1);
      // Only a parent already resolved (earlier): verdicts then always point back in time.
      if (!probe && parentAt >= 0 && parentAt !== index && resolved[parentAt] === 1 && this.probes[parentAt] === 0) {
        kinds[index] = CROSSPOST;
        originals[index] = parentAt;
        continue;
      }
      const hashKey = this.hashKey(index);
      const exact = keptByHash.get(hashKey);
      if (exact !== undefined) {
        kinds[index] = EXACT;
        originals[index] = exact;
        continue;
      }
      const chunk = this.signatures.chunkFor(index);
      const offset = this.signatures.offset(index);
      for (let band = 0; band < bands; band += 1) keys[band] = bandKey(chunk, offset, band, rowsPerBand);
      // Smallest buckets first; stable, so equal sizes keep band order and verdicts stay deterministic.
      bandOrder.sort((a, b) => buckets.size(a, keys[a]!) - buckets.size(b, keys[b]!) || a - b);
      let best = -1;
      let bestEqual = -1;
      let budget = maxComparisons;
      scan: for (const band of bandOrder) {
        for (let kept = buckets.first(band, keys[band]!); kept !== -1; kept = buckets.next(band, kept)) {
          if (budget <= 0) {
            cappedPosts += 1;
            break scan;
          }
          budget -= 1;
          if (comparedWith[kept] === stamp + 1) continue;
          comparedWith[kept] = stamp + 1;
          comparisons += 1;
          const original = buckets.post(kept);
          const equal = equalPositions(chunk, offset, this.signatures.chunkFor(original), this.signatures.offset(original), permutations, minEqual);
          if (equal < 0) continue;
          // Ties go to the earlier kept post, whatever order the buckets were read in.
          if (equal > bestEqual || (equal === bestEqual && kept < best)) {
            best = kept;
            bestEqual = equal;
          }
        }
      }
      if (best !== -1) {
        kinds[index] = NEAR;
        originals[index] = buckets.post(best);
        similarities[index] = Math.round((bestEqual / permutations) * 1000);
        continue;
      }
      if (probe) continue;
      const kept = buckets.add(index, keys);
      comparedWith = grown(comparedWith, kept + 1);
      keptByHash.set(hashKey, index);
    }
    if (stats) {
      stats.comparisons = comparisons;
      stats.cappedPosts = cappedPosts;
      stats.largestBucket = buckets.largest();
    }
    return new DuplicateVerdicts(this, kinds, originals, similarities, options.minSimilarity);
  }
}

/**
 * LSH buckets of the kept posts: per band, a hash table of chains, newest kept post first. The
 * table grows with the kept posts, not the input: a million posts that are nearly all reposts
 * need buckets for the few originals only. Two band keys that share a slot only cost an extra
 * comparison (every pair is checked in full); with at least one slot per kept post that is rare.
 */
class LshBuckets {
  /** The post index of each kept post. */
  private posts = new Uint32Array(1024);
  /** links[band * capacity + kept]: the next older kept post in the same slot, or -1. */
  private links: Int32Array;
  private capacity = 1024;
  private slots = 1024;
  private heads: Int32Array;
  /** Kept posts per slot, by band (saturating): the bucket sizes, read smallest first. */
  private sizes: Uint16Array;
  count = 0;

  constructor(
    private readonly bands: number,
    /** Writes a kept post's band keys into `out` (recomputed from its signature when the table grows). */
    private readonly keysOf: (post: number, out: Uint32Array) => void,
  ) {
    this.links = new Int32Array(this.capacity * bands);
    this.heads = new Int32Array(this.slots * bands).fill(-1);
    this.sizes = new Uint16Array(this.slots * bands);
  }

  post(kept: number): number {
    return this.posts[kept]!;
  }

  private slot(band: number, key: number): number {
    return band * this.slots + (key & (this.slots - 1));
  }

  size(band: number, key: number): number {
    return this.sizes[this.slot(band, key)]!;
  }

  largest(): number {
    let largest = 0;
    for (const size of this.sizes) if (size > largest) largest = size;
    return largest;
  }

  /** The newest kept post in this band key's slot, or -1. */
  first(band: number, key: number): number {
    return this.heads[this.slot(band, key)]!;
  }

  /** The next older kept post in the same slot, or -1. */
  next(band: number, kept: number): number {
    return this.links[band * this.capacity + kept]!;
  }

  add(post: number, keys: Uint32Array): number {
    const kept = this.count;
    this.count += 1;
    this.posts = grown(this.posts, this.count);
    this.posts[kept] = post;
    if (this.count > this.capacity || this.count > this.slots) {
      this.capacity = Math.max(this.capacity, this.count * 2);
      // A power of two, so a slot is the key's low bits.
      while (this.slots < this.count * 2) this.slots *= 2;
      this.rebuild();
    } else {
      this.link(kept, keys);
    }
    return kept;
  }

  private link(kept: number, keys: Uint32Array): void {
    for (let band = 0; band < this.bands; band += 1) {
      const slot = this.slot(band, keys[band]!);
      this.links[band * this.capacity + kept] = this.heads[slot]!;
      this.heads[slot] = kept;
      if (this.sizes[slot]! < 0xffff) this.sizes[slot]! += 1;
    }
  }

  /** New tables at the new sizes, every kept post linked again oldest first (so chains stay newest first). */
  private rebuild(): void {
    this.links = new Int32Array(this.capacity * this.bands);
    this.heads = new Int32Array(this.slots * this.bands).fill(-1);
    this.sizes = new Uint16Array(this.slots * this.bands);
    const keys = new Uint32Array(this.bands);
    for (let kept = 0; kept < this.count; kept += 1) {
      this.keysOf(this.posts[kept]!, keys);
      this.link(kept, keys);
    }
  }
}

/**
 * Equal signature positions between the post at `left` and the kept post at `right`, or -1 as
 * soon as fewer than `minEqual` can still be reached: most pairs an LSH bucket offers are far
 * apart, and this settles them in a fraction of the signature.
 */
function equalPositions(leftRows: Uint8Array, left: number, rightRows: Uint8Array, right: number, length: number, minEqual: number): number {
  const allowedMismatches = length - minEqual;
  let mismatches = 0;
  for (let index = 0; index < length; index += 1) {
    if (leftRows[left + index] !== rightRows[right + index]) {
      mismatches += 1;
      if (mismatches > allowedMismatches) return -1;
    }
  }
  return length - mismatches;
}

/** A 32-bit hash naming one band of a signature. */
function bandKey(signatures: Uint8Array, offset: number, band: number, rowsPerBand: number): number {
  let key = mix(0x27d4eb2d ^ band);
  for (let row = band * rowsPerBand; row < (band + 1) * rowsPerBand; row += 1) key = mix(key ^ signatures[offset + row]!);
  return key;
}

/**
 * Decide which candidates are duplicates of an earlier kept candidate. Returns the verdict per
 * duplicate id; every other candidate is kept. `stats`, when given, is filled in.
 */
export function resolveDuplicates(candidates: readonly DedupCandidate[], options: DedupOptions, stats?: DedupStats): Map<string, DuplicateVerdict> {
  const index = new DedupIndex(candidates[0]?.signature.length ?? 64);
  for (const candidate of candidates) index.add(candidate);
  return index.resolve(options, stats).toMap();
}
