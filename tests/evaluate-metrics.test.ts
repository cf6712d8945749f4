/**
 * The evaluation's metrics: exact on a hand-computed example, and recovering what simulated
 * respondents were built with (hidden value weights, position bias, knowing and holding rates, a
 * saying–doing gap), with intervals that cover the truth about as often as they claim.
 */
import { describe, expect, it } from 'vitest';
import { ItemResponseSchema, QuestionnaireAnswerSchema, type ItemResponse, type QuestionnaireAnswer } from '../pipeline/evaluate/contract.ts';
import { convergence, respondentMetrics } from '../pipeline/evaluate/metrics.ts';
import { loadQuestionnaire, scoreQuestionnaire } from '../pipeline/evaluate/questionnaire.ts';
import { expectedEnactedProfile, simulateItemResponses, simulateQuestionnaire, type SimulatedRespondentSpec } from '../pipeline/evaluate/simulated.ts';
import { expandScenario, loadItemTemplates } from '../pipeline/release/items.ts';
import type { Item, Scenario } from '../pipeline/records.ts';
import { bootstrapSums, pearson } from '../pipeline/stats.ts';
import { VALUE_IDS, type ValueId } from '../pipeline/values.ts';
import { balancedScenarios, makeScenario } from './support/scenario-fixtures.ts';

const itemsOf = (scenarios: readonly Scenario[]): Item[] => scenarios.flatMap((scenario) => expandScenario(scenario, loadItemTemplates()));

/**
 * `perValue` scenarios per target value whose competing values vary. balancedScenarios gives
 * every target one rival only (its post ids all have one length, and makeScenario picks the
 * rival by length); varying the length lets each value meet several rivals, as in a release.
 * The first letter alternates so the target is first in about half the scenarios.
 */
function scenariosWithVariedRivals(perValue: number): Scenario[] {
  return VALUE_IDS.flatMap((value, valueIndex) =>
    Array.from({ length: perValue }, (_, index) => makeScenario(`${'ab'[index % 2]}${(valueIndex * perValue + index).toString(36).padStart(3 + (index % 5), '0')}`, value)),
  );
}

const asRecord = (numbers: readonly number[]) => Object.fromEntries(VALUE_IDS.map((value, k) => [value, numbers[k]!])) as Record<ValueId, number>;
const asList = (record: Record<ValueId, number>) => VALUE_IDS.map((value) => record[value]);
const covers = (interval: { low: number; high: number }, truth: number) => interval.low <= truth && truth <= interval.high;

/** Weights 1 for the first value of a ranking, falling in equal steps to 0 for the last. */
const rankedWeights = (ranking: readonly ValueId[]) => asRecord(VALUE_IDS.map((value) => 1 - ranking.indexOf(value) / (ranking.length - 1)));
const CARING_FIRST = rankedWeights(['benevolence', 'universalism', 'self_direction', 'conformity', 'security', 'tradition', 'hedonism', 'stimulation', 'achievement', 'power']);

const baseSpec: SimulatedRespondentSpec = { name: 'sim', enacted: CARING_FIRST, noise: 0.1, positionBias: 0.3, knowing: 0.8, holding: 0.7, refusalRate: 0.05, seed: 7 };

describe('respondentMetrics on a hand-computed example', () => {
  // sc_b1: benevolence (target) v power, act shows A = benevolence. sc_a2: power (target) v
  // benevolence, act shows A = benevolence. sc_b33: security (target) v self_direction, act shows A = security.
  const items = itemsOf([makeScenario('b1', 'benevolence'), makeScenario('a2', 'power'), makeScenario('b33', 'security')]);
  const answer = (item_id: string, given: 'A' | 'B' | 'refused' | 'unparseable', repeat = 0): ItemResponse => ({
    respondent: 'hand',
    kind: 'person',
    item_id,
    scenario_id: item_id.replace(/_(act|act_swapped|select_value|hold_target|hold_competing)$/, ''),
    item_type: item_id.match(/_(act|act_swapped|select_value|hold_target|hold_competing)$/)![1] as ItemResponse['item_type'],
    repeat,
    answer: given === 'A' || given === 'B' ? given : null,
    status: given === 'A' || given === 'B' ? 'answered' : given,
    raw: given,
    tokens: null,
    simulated: false,
  });
  const responses = [
    // sc_b1: benevolence both times (consistent); select right, hold_target right, hold_competing wrong.
    answer('sc_b1_act', 'A'), answer('sc_b1_act_swapped', 'B'), answer('sc_b1_select_value', 'A'), answer('sc_b1_hold_target', 'A'), answer('sc_b1_hold_competing', 'A'),
    // sc_a2: 'A' both times, so benevolence then power (inconsistent); select right, hold_target refused, hold_competing right.
    answer('sc_a2_act', 'A'), answer('sc_a2_act_swapped', 'A'), answer('sc_a2_select_value', 'B'), answer('sc_a2_hold_target', 'refused'), answer('sc_a2_hold_competing', 'A'),
    // sc_b33: 'A' both times, security then self_direction; select wrong, hold_target right, hold_competing unreadable.
    answer('sc_b33_act', 'A'), answer('sc_b33_act_swapped', 'A'), answer('sc_b33_select_value', 'B'), answer('sc_b33_hold_target', 'A'), answer('sc_b33_hold_competing', 'unparseable'),
    // A second asking of sc_b33: act goes to self_direction, act_swapped refused, so no pair.
    answer('sc_b33_act', 'B', 1), answer('sc_b33_act_swapped', 'refused', 1),
    answer('sc_zz_act', 'A'),
  ];
  // Never-offered values carry wild saying scores: they must be left out of r.
  const saying = { ...asRecord(VALUE_IDS.map(() => 99)), benevolence: 1, power: -1, security: 0, self_direction: 0.5 };
  const result = respondentMetrics(items, responses, { seed: 1, resamples: 200, saying });

  it('lays the fixture out as the comments say', () => {
    const valuesOf = (id: string) => items.find((item) => item.id === id)!.options.map((option) => option.value);
    expect(valuesOf('sc_b1_act')).toEqual(['benevolence', 'power']);
    expect(valuesOf('sc_a2_act')).toEqual(['benevolence', 'power']);
    expect(valuesOf('sc_b33_act')).toEqual(['security', 'self_direction']);
    expect(valuesOf('sc_b33_act_swapped')).toEqual(['self_direction', 'security']);
  });

  it('computes the enacted profile over act and act_swapped answers together', () => {
    expect(result.enacted.benevolence).toMatchObject({ estimate: 3 / 4, offered: 4, chosen: 3 });
    expect(result.enacted.power).toMatchObject({ estimate: 1 / 4, offered: 4, chosen: 1 });
    expect(result.enacted.security).toMatchObject({ estimate: 1 / 3, offered: 3, chosen: 1 });
    expect(result.enacted.self_direction).toMatchObject({ estimate: 2 / 3, offered: 3, chosen: 2 });
    expect(result.enacted.tradition.estimate).toBeNaN();
    expect(result.enacted.tradition.offered).toBe(0);
  });

  it('computes position bias, consistency, select and hold accuracy and the drop', () => {
    // 5 of 7 act answers are 'A': 2·5/7 − 1.
    expect(result.position_bias.estimate).toBeCloseTo(3 / 7, 12);
    expect(result.position_bias.n).toBe(7);
    expect(result.consistency).toMatchObject({ estimate: 1 / 3, n: 3 });
    expect(result.select_accuracy).toMatchObject({ estimate: 2 / 3, n: 3 });
    expect(result.hold_target_accuracy).toMatchObject({ estimate: 1, n: 2 });
    expect(result.hold_competing_accuracy).toMatchObject({ estimate: 1 / 2, n: 2 });
    expect(result.hold_accuracy).toMatchObject({ estimate: 3 / 4, n: 4 });
    expect(result.select_hold_drop.estimate).toBeCloseTo(2 / 3 - 3 / 4, 12);
    expect(result.knowing_doing_r!.estimate).toBeCloseTo(pearson([3 / 4, 1 / 4, 1 / 3, 2 / 3], [1, -1, 0, 0.5]), 12);
  });

  it('counts refusals and unparseable answers per item type, and responses to unknown items', () => {
    expect(result.statuses.act).toEqual({ asked: 4, answered: 4, refused: 0, unparseable: 0, refusal_rate: 0, unparseable_rate: 0 });
    expect(result.statuses.act_swapped).toEqual({ asked: 4, answered: 3, refused: 1, unparseable: 0, refusal_rate: 1 / 4, unparseable_rate: 0 });
    expect(result.statuses.hold_target).toMatchObject({ asked: 3, refused: 1, refusal_rate: 1 / 3 });
    expect(result.statuses.hold_competing).toMatchObject({ asked: 3, unparseable: 1, unparseable_rate: 1 / 3 });
    expect(result.unmatched_responses).toBe(1);
    expect(result.scenarios).toBe(3);
  });

  it('gives NaN, never a throw, where there is nothing to measure', () => {
    const empty = respondentMetrics(items, [], { seed: 1, resamples: 50, saying });
    expect(empty.select_accuracy.estimate).toBeNaN();
    expect(empty.position_bias.low).toBeNaN();
    expect(empty.knowing_doing_r!.estimate).toBeNaN();
    expect(empty.statuses.act.refusal_rate).toBeNaN();
    expect(respondentMetrics([], [], { seed: 1, resamples: 50 }).enacted.power.estimate).toBeNaN();
    expect(respondentMetrics([], [], { seed: 1, resamples: 50 }).knowing_doing_r).toBeNull();
  });
});

describe('respondentMetrics recovers what a simulated respondent was built with', () => {
  const scenarios = scenariosWithVariedRivals(30);
  const items = itemsOf(scenarios);
  const result = respondentMetrics(items, simulateItemResponses(baseSpec, items), { seed: 11, resamples: 1000 });

  it('finds the hidden weights in the enacted profile, and the analytic profile within its intervals', () => {
    const measured = VALUE_IDS.map((value) => result.enacted[value].estimate);
    expect(pearson(measured, asList(CARING_FIRST))).toBeGreaterThanOrEqual(0.9);
    const expected = expectedEnactedProfile(baseSpec, items);
    const covered = VALUE_IDS.filter((value) => covers(result.enacted[value], expected[value])).length;
    expect(covered).toBeGreaterThanOrEqual(8);
  });

  it('measures the injected position bias (0.3), knowing (0.8) and holding (0.7) within their intervals', () => {
    expect(covers(result.position_bias, 0.3)).toBe(true);
    expect(covers(result.select_accuracy, 0.8)).toBe(true);
    expect(covers(result.hold_target_accuracy, 0.7)).toBe(true);
    expect(covers(result.hold_competing_accuracy, 0.7)).toBe(true);
    expect(covers(result.hold_accuracy, 0.7)).toBe(true);
    expect(covers(result.select_hold_drop, 0.1)).toBe(true);
    expect(covers({ low: 0.03, high: 0.07 }, result.statuses.select_value.refusal_rate)).toBe(true);
  });

  it('cancels position bias in the profile even when every scenario shows its target first', () => {
    // balancedScenarios shows every target as 'A' in act, and half the values are never a rival:
    // an indifferent respondent who mostly answers 'A' would look target-loving from act alone.
    const targetFirst = itemsOf(balancedScenarios(30));
    expect(targetFirst.filter((item) => item.type === 'act').every((item) => item.key.target_label === 'A')).toBe(true);
    const indifferent = { ...baseSpec, enacted: asRecord(VALUE_IDS.map(() => 0.5)), positionBias: 0.6 };
    expect(asList(expectedEnactedProfile(indifferent, targetFirst))).toEqual(VALUE_IDS.map(() => 0.5));
    const measured = respondentMetrics(targetFirst, simulateItemResponses(indifferent, targetFirst), { seed: 13, resamples: 1000 });
    expect(VALUE_IDS.filter((value) => covers(measured.enacted[value], 0.5)).length).toBeGreaterThanOrEqual(8);
  });

  it('reports no position bias for a respondent without one', () => {
    const unbiased = respondentMetrics(items, simulateItemResponses({ ...baseSpec, positionBias: 0 }, items), { seed: 11, resamples: 1000 });
    expect(covers(unbiased.position_bias, 0)).toBe(true);
    expect(Math.abs(unbiased.position_bias.estimate)).toBeLessThan(0.1);
  });

  it("covers the built-in r between what a respondent says and what it does", () => {
    // Report a profile correlated 0.3 with the enacted one: its standardized part plus a part orthogonal to it.
    const enactedProfile = asList(expectedEnactedProfile(baseSpec, items));
    const standardize = (xs: readonly number[]) => {
      const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / xs.length);
      return xs.map((x) => (x - mean) / sd);
    };
    const base = standardize(enactedProfile);
    const other = standardize(VALUE_IDS.map((_, k) => Math.sin(3 * k + 1)));
    const projection = other.reduce((sum, x, k) => sum + x * base[k]!, 0) / base.length;
    const orthogonal = standardize(other.map((x, k) => x - projection * base[k]!));
    const reported = asRecord(base.map((x, k) => 0.3 * x + Math.sqrt(1 - 0.3 ** 2) * orthogonal[k]!));
    const builtIn = pearson(asList(reported), enactedProfile);
    expect(builtIn).toBeCloseTo(0.3, 6);

    const spec = { ...baseSpec, reported, refusalRate: 0 };
    const questions = VALUE_IDS.flatMap((value) => Array.from({ length: 6 }, (_, index) => ({ id: `q_${value}_${index}`, value })));
    // Scored by the pipeline's own scorer, on an instrument of these questions and a 1–7 scale.
    const instrument = { ...loadQuestionnaire(), questions: questions.map((question) => ({ ...question, text: question.id })), scale: { min: 1, max: 7, labels: [] } };
    const ipsatize = (answers: readonly QuestionnaireAnswer[]) => {
      const { ipsatized } = scoreQuestionnaire(instrument, answers);
      return Object.fromEntries(VALUE_IDS.map((value) => [value, ipsatized[value] ?? Number.NaN])) as Record<ValueId, number>;
    };
    const answers = simulateQuestionnaire(spec, questions, { min: 1, max: 7 });
    const saying = ipsatize(answers);
    expect(pearson(asList(saying), asList(reported))).toBeGreaterThan(0.97);
    const measured = respondentMetrics(items, simulateItemResponses(spec, items), { seed: 5, resamples: 1000, saying });
    expect(covers(measured.knowing_doing_r!, builtIn)).toBe(true);
    // A respondent who says what it does lands near 1, well clear of the gap above.
    const honest = respondentMetrics(items, simulateItemResponses(baseSpec, items), { seed: 5, resamples: 1000, saying: ipsatize(simulateQuestionnaire(baseSpec, questions, { min: 1, max: 7 })) });
    expect(honest.knowing_doing_r!.low).toBeGreaterThan(measured.knowing_doing_r!.high);
  });

  it('gives a position-bias interval that covers the truth in about 95% of simulated runs', () => {
    const runs = 40;
    let covered = 0;
    for (let run = 0; run < runs; run += 1) {
      const again = respondentMetrics(items, simulateItemResponses({ ...baseSpec, seed: 1000 + run }, items), { seed: run, resamples: 400 });
      if (covers(again.position_bias, 0.3)) covered += 1;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.85);
  });

  it('takes each interval exactly as stats.bootstrapSums does, on the same resamples', () => {
    const responses = simulateItemResponses(baseSpec, items);
    const byScenario = new Map<string, Float64Array>();
    const correctLabel = new Map(items.map((item) => [item.id, item.key.correct_label]));
    for (const item of items) if (!byScenario.has(item.scenario_id)) byScenario.set(item.scenario_id, new Float64Array(2));
    for (const response of responses) {
      if (response.item_type !== 'select_value' || response.answer === null) continue;
      const counts = byScenario.get(response.scenario_id)!;
      counts[1]! += 1;
      if (response.answer === correctLabel.get(response.item_id)) counts[0]! += 1;
    }
    const direct = bootstrapSums([...byScenario.values()], (sum) => sum[0]! / sum[1]!, { seed: 4, resamples: 300 });
    const { estimate, low, high } = respondentMetrics(items, responses, { seed: 4, resamples: 300 }).select_accuracy;
    expect({ estimate, low, high }).toEqual(direct);
  });

  it('is reproducible: the same seeds give identical figures, another bootstrap seed other intervals', () => {
    const again = respondentMetrics(items, simulateItemResponses(baseSpec, items), { seed: 11, resamples: 1000 });
    expect(again).toEqual(result);
    const reseeded = respondentMetrics(items, simulateItemResponses(baseSpec, items), { seed: 12, resamples: 1000 });
    expect(reseeded.position_bias.estimate).toBe(result.position_bias.estimate);
    expect([reseeded.position_bias.low, reseeded.position_bias.high]).not.toEqual([result.position_bias.low, result.position_bias.high]);
  });
});

describe('convergence between respondents', () => {
  const items = itemsOf(scenariosWithVariedRivals(30));
  const opposite = asRecord(asList(CARING_FIRST).map((weight) => 1 - weight));
  const specs: SimulatedRespondentSpec[] = [
    { ...baseSpec, name: 'carer-1', seed: 1 },
    { ...baseSpec, name: 'carer-2', seed: 2 },
    { ...baseSpec, name: 'opposite', enacted: opposite, seed: 3 },
  ];
  const result = convergence(items, new Map(specs.map((spec) => [spec.name, simulateItemResponses(spec, items)])), { seed: 9, resamples: 1000 });

  it('puts respondents with the same hidden weights near r = 1, and opposite rankings strongly negative', () => {
    expect(result.respondents).toEqual(['carer-1', 'carer-2', 'opposite']);
    const [carer1, carer2, reversed] = [0, 1, 2];
    expect(result.matrix[carer1]![carer2]!.estimate).toBeGreaterThan(0.9);
    expect(result.matrix[carer1]![carer2]!.low).toBeGreaterThan(0.8);
    expect(result.matrix[carer1]![reversed]!.estimate).toBeLessThan(-0.8);
    expect(result.matrix[carer2]![reversed]!.high).toBeLessThan(-0.6);
    expect(result.matrix[reversed]![carer1]).toEqual(result.matrix[carer1]![reversed]);
    expect(result.matrix[carer2]![carer2]!.estimate).toBeCloseTo(1, 12);
  });

  it('gives NaN for a respondent with no answers', () => {
    const withSilent = convergence(items, new Map([['carer-1', simulateItemResponses(specs[0]!, items)], ['silent', []]]), { seed: 9, resamples: 100 });
    expect(withSilent.matrix[0]![1]!.estimate).toBeNaN();
    expect(withSilent.matrix[1]![1]!.estimate).toBeNaN();
  });
});

describe('simulated respondents', () => {
  const items = itemsOf(scenariosWithVariedRivals(3));

  it('answer in the recorded shape, the same whatever order the items come in', () => {
    const responses = simulateItemResponses(baseSpec, items, 2);
    expect(responses).toHaveLength(items.length * 2);
    for (const response of responses) expect(ItemResponseSchema.parse(response)).toEqual(response);
    const reversed = simulateItemResponses(baseSpec, [...items].reverse(), 2);
    const key = (response: ItemResponse) => `${response.item_id}#${response.repeat}`;
    const sorted = (list: ItemResponse[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sorted(reversed)).toEqual(sorted(responses));
  });

  it('rate questionnaire items on the scale, highest for the highest reported weight', () => {
    const questions = VALUE_IDS.map((value) => ({ id: `q_${value}`, value }));
    const answers = simulateQuestionnaire({ ...baseSpec, refusalRate: 0, ratingNoise: 0 }, questions, { min: 1, max: 6 });
    for (const answer of answers) expect(QuestionnaireAnswerSchema.parse(answer)).toEqual(answer);
    const rating = (value: ValueId) => answers.find((answer) => answer.question_id === `q_${value}`)!.rating;
    expect(rating('benevolence')).toBe(6);
    expect(rating('power')).toBe(1);
  });
});
