/**
 * The agreement statistics against the worked examples they were published with, to the
 * printed digits, and the bootstrap against a simulation whose truth is known.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../pipeline/core/seeded-random.ts';
import { accuracy, bootstrap, bootstrapSums, bootstrapSumsMany, cohenKappa, confusionMatrix, fleissKappa, krippendorffAlphaNominal, pearson, precisionRecall } from '../pipeline/stats.ts';

describe("Cohen's kappa", () => {
  it('gives 0.40 on the textbook 2x2 table (50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)', () => {
    const pairs: [string, string][] = [
      ...Array<[string, string]>(20).fill(['yes', 'yes']),
      ...Array<[string, string]>(5).fill(['yes', 'no']),
      ...Array<[string, string]>(10).fill(['no', 'yes']),
      ...Array<[string, string]>(15).fill(['no', 'no']),
    ];
    expect(accuracy(pairs)).toBeCloseTo(0.7, 10);
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  it('is 1 for perfect agreement and 0 for agreement at chance', () => {
    expect(cohenKappa([['a', 'a'], ['b', 'b'], ['c', 'c']])).toBe(1);
    expect(cohenKappa([['a', 'a'], ['a', 'b'], ['b', 'a'], ['b', 'b']])).toBeCloseTo(0, 10);
  });
});

describe("Fleiss' kappa", () => {
  // Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (counts per diagnosis).
  const FLEISS_1971 = [
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
    [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
    [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
  ];

  it("gives 0.430 on Fleiss's 1971 psychiatric diagnoses", () => {
    expect(fleissKappa(FLEISS_1971)).toBeCloseTo(0.43, 3);
  });

  it('gives 0.210 on the 10 subjects x 14 raters example', () => {
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
  });

  it('refuses items rated by different numbers of raters', () => {
    expect(() => fleissKappa([[1, 1], [2, 1]])).toThrow(/same number of raters/);
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it("gives 0.743 on Krippendorff's own reliability data (4 observers, 12 units, missing values)", () => {
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, unit) => [A[unit]!, B[unit]!, C[unit]!, D[unit]!]);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it('equals 1 for perfect agreement', () => {
    expect(krippendorffAlphaNominal([['a', 'a'], ['b', 'b', null], ['a', 'a', 'a']])).toBe(1);
  });
});

describe('Pearson r, the confusion matrix and per-category precision and recall', () => {
  it('gives sqrt(0.6) for (1..5) against (2, 4, 5, 4, 5)', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(Math.sqrt(0.6), 10);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('counts intended in rows and judged in columns', () => {
    const pairs: [string, string][] = [['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b'], ['c', 'a']];
    const matrix = confusionMatrix(pairs, ['a', 'b', 'c']);
    expect(matrix).toEqual([[1, 1, 0], [0, 2, 0], [1, 0, 0]]);
    const scores = precisionRecall(matrix, ['a', 'b', 'c']);
    expect(scores.get('a')).toEqual({ precision: 0.5, recall: 0.5, support: 2 });
    expect(scores.get('b')).toEqual({ precision: 2 / 3, recall: 1, support: 2 });
    expect(scores.get('c')!.precision).toBeNaN();
  });
});

describe('the seeded bootstrap', () => {
  const mean = (sample: readonly number[]) => sample.reduce((sum, value) => sum + value, 0) / sample.length;

  it('gives the same interval for the same seed', () => {
    const data = Array.from({ length: 50 }, (_, index) => index % 3);
    expect(bootstrap(data, mean, { seed: 7 })).toEqual(bootstrap(data, mean, { seed: 7 }));
  });

  it('covers the true share about 95% of the time in a simulation', () => {
    const random = mulberry32(42);
    let covered = 0;
    const trials = 200;
    for (let trial = 0; trial < trials; trial += 1) {
      const data = Array.from({ length: 150 }, () => (random() < 0.7 ? 1 : 0));
      const { low, high } = bootstrap(data, mean, { seed: trial, resamples: 400 });
      if (low <= 0.7 && 0.7 <= high) covered += 1;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });
});

describe('the bootstrap over summed counts', () => {
  // Units of [hits, trials]: the share's interval must be the direct bootstrap's, draw for draw.
  const random = mulberry32(3);
  const units = Array.from({ length: 120 }, () => (random() < 0.6 ? 1 : 0));
  const vectors = units.map((hit) => Float64Array.from([hit, 1, 0, 0]));
  const share = (sum: Float64Array) => sum[0]! / sum[1]!;
  const mean = (sample: readonly number[]) => sample.reduce((total, value) => total + value, 0) / sample.length;

  it('gives exactly the interval of the direct bootstrap on the same draws', () => {
    expect(bootstrapSums(vectors, share, { seed: 11, resamples: 300 })).toEqual(bootstrap(units, mean, { seed: 11, resamples: 300 }));
  });

  it('reads several statistics from one set of resamples, each as if bootstrapped alone', () => {
    const misses = (sum: Float64Array) => 1 - sum[0]! / sum[1]!;
    const [first, second] = bootstrapSumsMany(vectors, [share, misses], { seed: 5, resamples: 300 });
    expect(first).toEqual(bootstrapSums(vectors, share, { seed: 5, resamples: 300 }));
    expect(second).toEqual(bootstrapSums(vectors, misses, { seed: 5, resamples: 300 }));
  });
});

describe('the counted forms agree with the direct statistics', () => {
  it("give Krippendorff's 0.743 from summed unit counts", async () => {
    const { alphaCounts } = await import('../pipeline/stats.ts');
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const categories = [1, 2, 3, 4, 5];
    const sum = new Float64Array(alphaCounts.width(categories.length));
    A.forEach((_, unit) => alphaCounts.addUnit(sum, categories, [A[unit]!, B[unit]!, C[unit]!, D[unit]!]));
    expect(alphaCounts.alpha(sum, categories.length)).toBeCloseTo(0.743, 3);
  });

  it("give Cohen's 0.40 from summed pair counts", async () => {
    const { agreementCounts } = await import('../pipeline/stats.ts');
    const categories = ['yes', 'no'];
    const sum = new Float64Array(agreementCounts.width(2));
    const add = (a: string, b: string, times: number) => {
      for (let i = 0; i < times; i += 1) agreementCounts.add(sum, categories, a, b);
    };
    add('yes', 'yes', 20);
    add('yes', 'no', 5);
    add('no', 'yes', 10);
    add('no', 'no', 15);
    expect(agreementCounts.accuracy(sum)).toBeCloseTo(0.7, 10);
    expect(agreementCounts.kappa(sum, 2)).toBeCloseTo(0.4, 10);
  });
});
