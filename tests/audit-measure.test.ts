/**
 * The audit's measurement recovers what a simulation built in: judges that replace 20% of
 * their readings by a neighbouring value on Schwartz's circle and 5% by a value across it are
 * reported at 75% accuracy, with 80% of their confusions adjacent, within the intervals.
 */
import { describe, expect, it } from 'vitest';
import { measure } from '../pipeline/audit/measure.ts';
import { shownOrder, simulatedJudgment } from '../pipeline/audit/judge.ts';
import type { Judgment } from '../pipeline/audit/contract.ts';
import { cohenKappa } from '../pipeline/stats.ts';
import { VALUE_IDS, circleDistance } from '../pipeline/values.ts';
import { balancedScenarios } from './support/scenario-fixtures.ts';

const scenarios = balancedScenarios(60);
const errors = { neighbourRate: 0.2, acrossRate: 0.05 };

const simulatedJudgments = (rater: string): Judgment[] => scenarios.map((scenario) => simulatedJudgment(scenario, rater, errors));

describe('the audit measurement on simulated judges with known error rates', () => {
  const judgments = ['judge-a', 'judge-b', 'judge-c'].flatMap(simulatedJudgments);
  const result = measure(scenarios, judgments, { resamples: 500, seed: 3 });

  it('recovers the accuracy built in (75%): its 95% interval covers it in about 95% of simulated audits', () => {
    let covered = 0;
    const audits = 25;
    for (let audit = 0; audit < audits; audit += 1) {
      const again = measure(scenarios, [`a${audit}`, `b${audit}`, `c${audit}`].flatMap(simulatedJudgments), { resamples: 200, seed: audit });
      if (again.judge_accuracy.low! <= 0.75 && 0.75 <= again.judge_accuracy.high!) covered += 1;
    }
    expect(covered / audits).toBeGreaterThanOrEqual(0.84);
    expect(Math.abs(result.judge_accuracy.estimate! - 0.75)).toBeLessThan(0.03);
    expect(result.judge_accuracy.high! - result.judge_accuracy.low!).toBeLessThan(0.06);
  });

  it("recovers Cohen's kappa of labels against readings built that way", () => {
    // The truth for these labels: kappa of 0.75 agreement over the ten values, almost uniform.
    const expected = (0.75 - 0.1) / (1 - 0.1);
    expect(result.judge_kappa.low!).toBeLessThanOrEqual(expected + 0.01);
    expect(result.judge_kappa.high!).toBeGreaterThanOrEqual(expected - 0.01);
  });

  it('recovers the split of confusions: 0.20 / 0.25 = 80% adjacent', () => {
    expect(result.confusions.adjacent_share.low!).toBeLessThanOrEqual(0.8);
    expect(result.confusions.adjacent_share.high!).toBeGreaterThanOrEqual(0.8);
    expect(result.confusions.adjacent + result.confusions.across).toBe(result.confusions.total);
  });

  it('agrees with the direct statistics on the whole data, and counts every option once per judge', () => {
    const pairs = scenarios.flatMap((scenario) =>
      judgments.filter((judgment) => judgment.scenario_id === scenario.id).flatMap((judgment) => scenario.options.map((option, index) => [option.value, judgment.options[index]!.value] as const)),
    );
    expect(result.judge_kappa.estimate!).toBeCloseTo(cohenKappa(pairs), 3);
    expect(result.confusion.flat().reduce((sum, count) => sum + count, 0)).toBe(scenarios.length * 2 * 3);
    const wrong = pairs.filter(([a, b]) => a !== b);
    expect(result.confusions.adjacent).toBe(wrong.filter(([a, b]) => circleDistance(a, b) === 1).length);
  });

  it('reports agreement among the judges, and flags only what a majority rejects', () => {
    // Independent errors of 25% each: the judges agree less than perfectly but far above chance.
    expect(result.judges_alpha!.estimate!).toBeGreaterThan(0.4);
    expect(result.judges_alpha!.estimate!).toBeLessThan(0.8);
    expect(result.judges_fleiss_kappa!.estimate!).toBeCloseTo(result.judges_alpha!.estimate!, 1);
    for (const flagged of result.flagged) expect(flagged.objections.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every value a recall and a precision', () => {
    for (const value of VALUE_IDS) expect(result.per_value[value].recall).not.toBeNull();
  });

  it('keeps the shown order blind to the labels: the target is first about half the time', () => {
    const targetFirst = scenarios.filter((scenario) => scenario.options[shownOrder(scenario)[0]]!.value === scenario.target_value).length;
    expect(targetFirst / scenarios.length).toBeGreaterThan(0.4);
    expect(targetFirst / scenarios.length).toBeLessThan(0.6);
  });
});
