/**
 * The statistics the audit and the evaluation report, as small pure functions. Each is tested
 * against a published worked example (tests/stats.test.ts); intervals come from a seeded
 * bootstrap over the units a study samples (scenarios), so a report is reproducible.
 */
import { mulberry32 } from './core/seeded-random.ts';

/** Share of pairs where the two labels agree; NaN for no pairs. */
export function accuracy<T>(pairs: readonly (readonly [T, T])[]): number {
  if (pairs.length === 0) return Number.NaN;
  return pairs.filter(([a, b]) => a === b).length / pairs.length;
}

/**
 * Cohen's kappa for two raters over the same items (nominal categories): (po − pe) / (1 − pe),
 * pe from each rater's own marginal distribution. Cohen (1960).
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const left = new Map<T, number>();
  const right = new Map<T, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    left.set(a, (left.get(a) ?? 0) + 1);
    right.set(b, (right.get(b) ?? 0) + 1);
    if (a === b) agree += 1;
  }
  const observed = agree / n;
  let expected = 0;
  for (const [category, count] of left) expected += (count / n) * ((right.get(category) ?? 0) / n);
  return expected === 1 ? (observed === 1 ? 1 : Number.NaN) : (observed - expected) / (1 - expected);
}

/**
 * Fleiss' kappa for items each rated by the same number of raters: `counts[i][j]` is how many
 * raters put item i in category j. Fleiss (1971).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const items = counts.length;
  if (items === 0) return Number.NaN;
  const raters = counts[0]!.reduce((sum, count) => sum + count, 0);
  if (raters < 2 || counts.some((row) => row.reduce((sum, count) => sum + count, 0) !== raters)) {
    throw new Error('fleissKappa: every item needs the same number of raters, at least two');
  }
  const categories = counts[0]!.length;
  const share = new Array<number>(categories).fill(0);
  let agreement = 0;
  for (const row of counts) {
    let pairs = 0;
    row.forEach((count, category) => {
      share[category]! += count / (items * raters);
      pairs += count * (count - 1);
    });
    agreement += pairs / (raters * (raters - 1));
  }
  const observed = agreement / items;
  const expected = share.reduce((sum, p) => sum + p * p, 0);
  return expected === 1 ? Number.NaN : (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha, nominal, for any number of raters and missing values: `units[u]` is
 * the list of values the raters gave unit u (null for no value). Units with fewer than two
 * values are not pairable and left out. Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability".
 */
export function krippendorffAlphaNominal<T>(units: readonly (readonly (T | null)[])[]): number {
  const coincidence = new Map<T, Map<T, number>>();
  const add = (a: T, b: T, weight: number) => {
    const row = coincidence.get(a) ?? coincidence.set(a, new Map()).get(a)!;
    row.set(b, (row.get(b) ?? 0) + weight);
  };
  for (const unit of units) {
    const values = unit.filter((value): value is T => value !== null);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i += 1) for (let j = 0; j < m; j += 1) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  let n = 0;
  const marginal = new Map<T, number>();
  for (const [category, row] of coincidence) {
    const total = [...row.values()].reduce((sum, count) => sum + count, 0);
    marginal.set(category, total);
    n += total;
  }
  if (n <= 1) return Number.NaN;
  let observedDisagreement = 0;
  for (const [a, row] of coincidence) for (const [b, count] of row) if (a !== b) observedDisagreement += count;
  let expectedDisagreement = 0;
  for (const [a, na] of marginal) for (const [b, nb] of marginal) if (a !== b) expectedDisagreement += na * nb;
  expectedDisagreement /= n - 1;
  return expectedDisagreement === 0 ? Number.NaN : 1 - observedDisagreement / expectedDisagreement;
}

/** Pearson's correlation coefficient; NaN when either side has no variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i += 1) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx === 0 || vy === 0 ? Number.NaN : cov / Math.sqrt(vx * vy);
}

/** Counts of (intended, judged) pairs over the given categories, intended in rows. */
export function confusionMatrix<T>(pairs: readonly (readonly [T, T])[], categories: readonly T[]): number[][] {
  const index = new Map(categories.map((category, position) => [category, position]));
  const matrix = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [intended, judged] of pairs) {
    const row = index.get(intended);
    const column = index.get(judged);
    if (row !== undefined && column !== undefined) matrix[row]![column]! += 1;
  }
  return matrix;
}

/** Precision and recall per category, from a confusion matrix (intended in rows). */
export function precisionRecall<T>(matrix: readonly (readonly number[])[], categories: readonly T[]): Map<T, { precision: number; recall: number; support: number }> {
  const result = new Map<T, { precision: number; recall: number; support: number }>();
  categories.forEach((category, k) => {
    const truePositives = matrix[k]![k]!;
    const predicted = matrix.reduce((sum, row) => sum + row[k]!, 0);
    const actual = matrix[k]!.reduce((sum, count) => sum + count, 0);
    result.set(category, { precision: predicted === 0 ? Number.NaN : truePositives / predicted, recall: actual === 0 ? Number.NaN : truePositives / actual, support: actual });
  });
  return result;
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Resamples drawn. Default 1000. */
  resamples?: number;
  /** Seed of the resampling; the same seed gives the same interval. */
  seed: number;
  /** Coverage of the interval. Default 0.95. */
  level?: number;
}

/**
 * A percentile bootstrap interval for `statistic`, resampling `units` with replacement (the
 * units a study sampled: scenarios). Resamples whose statistic is not a number are skipped.
 */
export function bootstrap<T>(units: readonly T[], statistic: (sample: readonly T[]) => number, options: BootstrapOptions): Interval {
  const estimate = statistic(units);
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  if (units.length === 0) return { estimate, low: Number.NaN, high: Number.NaN };
  const random = mulberry32(options.seed);
  const values: number[] = [];
  const sample = new Array<T>(units.length);
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < units.length; i += 1) sample[i] = units[Math.floor(random() * units.length)]!;
    values.push(statistic(sample));
  }
  return percentileInterval(estimate, values, level);
}

/** The estimate with the percentile interval of the resampled values; values that are not numbers are skipped. */
function percentileInterval(estimate: number, resampled: readonly number[], level: number): Interval {
  const values = resampled.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (values.length === 0) return { estimate, low: Number.NaN, high: Number.NaN };
  const quantile = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))]!;
  return { estimate, low: quantile((1 - level) / 2), high: quantile(1 - (1 - level) / 2) };
}

/**
 * A percentile bootstrap over units that each carry a vector of sufficient statistics (counts):
 * a resample's statistic is `finish` of the sum of its units' vectors. The same interval as
 * `bootstrap` for statistics that are functions of summed counts (accuracy, kappas, alpha,
 * shares), at a fraction of the cost: one pass of additions per resample.
 */
export function bootstrapSums(vectors: readonly Float64Array[], finish: (sum: Float64Array) => number, options: BootstrapOptions): Interval {
  return bootstrapSumsMany(vectors, [finish], options)[0]!;
}

/**
 * `bootstrapSums` for several statistics of the same units at once: each resample is drawn and
 * summed once and every statistic read from it, so ten per-value figures cost one pass.
 */
export function bootstrapSumsMany(vectors: readonly Float64Array[], finishes: readonly ((sum: Float64Array) => number)[], options: BootstrapOptions): Interval[] {
  const sums = resampledSums(vectors, options);
  return finishes.map((finish) => intervalOverSums(sums, finish, options.level));
}

/** The summed vector of all units, and of each bootstrap resample of them. */
export interface ResampledSums {
  total: Float64Array;
  resamples: Float64Array[];
}

/**
 * The draws behind `bootstrapSums`, kept: the sum of every unit's vector and the sum of each
 * resample's, so figures decided later (per respondent pair, say) read the same resamples.
 */
export function resampledSums(vectors: readonly Float64Array[], options: BootstrapOptions): ResampledSums {
  const width = vectors[0]?.length ?? 0;
  const total = new Float64Array(width);
  for (const vector of vectors) for (let k = 0; k < width; k += 1) total[k]! += vector[k]!;
  if (vectors.length === 0) return { total, resamples: [] };
  const resamples: Float64Array[] = [];
  const random = mulberry32(options.seed);
  // A unit's counts are mostly zeros (a scenario fills a few cells of a table): keep only the
  // others, so a resample adds a handful of numbers per unit instead of the whole width.
  const starts = new Uint32Array(vectors.length + 1);
  for (const [i, vector] of vectors.entries()) starts[i + 1] = starts[i]! + vector.reduce((nonzero, count) => nonzero + (count !== 0 ? 1 : 0), 0);
  const cells = new Uint32Array(starts[vectors.length]!);
  const counts = new Float64Array(starts[vectors.length]!);
  for (const [i, vector] of vectors.entries()) {
    let at = starts[i]!;
    for (let k = 0; k < width; k += 1) {
      if (vector[k] === 0) continue;
      cells[at] = k;
      counts[at] = vector[k]!;
      at += 1;
    }
  }
  for (let r = 0; r < (options.resamples ?? 1000); r += 1) {
    const sum = new Float64Array(width);
    for (let i = 0; i < vectors.length; i += 1) {
      const unit = Math.floor(random() * vectors.length);
      for (let at = starts[unit]!; at < starts[unit + 1]!; at += 1) sum[cells[at]!]! += counts[at]!;
    }
    resamples.push(sum);
  }
  return { total, resamples };
}

/** The percentile interval of `statistic` over resampled sums; resamples where it is not a number are skipped. */
export function intervalOverSums(sums: ResampledSums, statistic: (sum: Float64Array) => number, level = 0.95): Interval {
  return percentileInterval(statistic(sums.total), sums.resamples.map(statistic), level);
}

/** Sufficient statistics of agreement between two labelings of the same items, over `categories`. */
export const agreementCounts = {
  /** [agreements, items, then the first labeling's counts per category, then the second's]. */
  width: (categories: number) => 2 + 2 * categories,
  add<T>(vector: Float64Array, categories: readonly T[], first: T, second: T): void {
    vector[1]! += 1;
    if (first === second) vector[0]! += 1;
    const a = categories.indexOf(first);
    const b = categories.indexOf(second);
    if (a !== -1) vector[2 + a]! += 1;
    if (b !== -1) vector[2 + categories.length + b]! += 1;
  },
  accuracy: (sum: Float64Array) => (sum[1]! === 0 ? Number.NaN : sum[0]! / sum[1]!),
  kappa(sum: Float64Array, categories: number): number {
    const n = sum[1]!;
    if (n === 0) return Number.NaN;
    let expected = 0;
    for (let k = 0; k < categories; k += 1) expected += (sum[2 + k]! / n) * (sum[2 + categories + k]! / n);
    return expected === 1 ? Number.NaN : (sum[0]! / n - expected) / (1 - expected);
  },
};

/**
 * Sufficient statistics of Krippendorff's alpha (nominal): the coincidence total n, its diagonal,
 * and its marginals per category. `addUnit` adds one unit's values (nulls skipped).
 */
export const alphaCounts = {
  width: (categories: number) => 2 + categories,
  addUnit<T>(vector: Float64Array, categories: readonly T[], values: readonly (T | null)[]): void {
    const present = values.filter((value): value is T => value !== null);
    const m = present.length;
    if (m < 2) return;
    const perCategory = new Map<T, number>();
    for (const value of present) perCategory.set(value, (perCategory.get(value) ?? 0) + 1);
    for (const [value, count] of perCategory) {
      const index = categories.indexOf(value);
      // Each value pairs with the m - 1 others, weighted 1 / (m - 1): it adds 1 to n and to its marginal.
      vector[0]! += count;
      if (index !== -1) vector[2 + index]! += count;
      vector[1]! += (count * (count - 1)) / (m - 1);
    }
  },
  alpha(sum: Float64Array, categories: number): number {
    const n = sum[0]!;
    if (n <= 1) return Number.NaN;
    const observed = n - sum[1]!;
    let squares = 0;
    for (let k = 0; k < categories; k += 1) squares += sum[2 + k]! * sum[2 + k]!;
    const expected = (n * n - squares) / (n - 1);
    return expected === 0 ? Number.NaN : 1 - observed / expected;
  },
};
