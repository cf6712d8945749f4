/**
 * The audit's measurement, as pure functions over a release's scenarios and the judgments of
 * its raters (LLM judges and people): agreement with the intended labels, agreement among
 * raters, judges against people, per-value precision and recall, the confusion matrix with
 * neighbours on Schwartz's circle kept apart from values across it, and which scenarios the
 * judges reject. Every headline figure carries a seeded bootstrap interval over scenarios.
 */
import { accuracy, agreementCounts, alphaCounts, bootstrapSumsMany, cohenKappa, confusionMatrix, precisionRecall, type Interval } from '../stats.ts';
import type { Scenario } from '../records.ts';
import { VALUE_IDS, circleDistance, type ValueId } from '../values.ts';
import type { FlaggedScenario, Judgment } from './contract.ts';

export interface MeasureOptions {
  resamples: number;
  seed: number;
}

/** Everything judged about one scenario, by every rater. */
interface ScenarioRatings {
  scenario: Scenario;
  judges: Judgment[];
  humans: Judgment[];
}

type Pair = [ValueId, ValueId];

function pairsOf(entries: readonly ScenarioRatings[], kind: 'judges' | 'humans', rater?: string): Pair[] {
  return entries.flatMap((entry) =>
    entry[kind]
      .filter((judgment) => rater === undefined || judgment.rater === rater)
      .flatMap((judgment) => entry.scenario.options.map((option, index): Pair => [option.value, judgment.options[index]!.value])),
  );
}

const clean = (interval: Interval) => ({
  estimate: Number.isFinite(interval.estimate) ? round(interval.estimate) : null,
  low: Number.isFinite(interval.low) ? round(interval.low) : null,
  high: Number.isFinite(interval.high) ? round(interval.high) : null,
});
export type CleanInterval = ReturnType<typeof clean>;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Per option: the values the raters of one kind gave it (a unit for alpha and Fleiss). */
function optionUnits(entry: ScenarioRatings, kind: 'judges' | 'humans'): ValueId[][] {
  return [0, 1].map((index) => entry[kind].map((judgment) => judgment.options[index]!.value));
}

/**
 * Sufficient statistics of Fleiss' kappa with `raters` raters an item (items with another
 * number are left out): [items, sum of n_ij (n_ij - 1), counts per category].
 */
const fleissCounts = {
  width: 2 + VALUE_IDS.length,
  add(vector: Float64Array, unit: readonly ValueId[], raters: number): void {
    if (unit.length !== raters || raters < 2) return;
    vector[0]! += 1;
    for (const [index, value] of VALUE_IDS.entries()) {
      const count = unit.filter((reading) => reading === value).length;
      vector[1]! += count * (count - 1);
      vector[2 + index]! += count;
    }
  },
  kappa(sum: Float64Array, raters: number): number {
    const items = sum[0]!;
    if (items === 0 || raters < 2) return Number.NaN;
    const observed = sum[1]! / (items * raters * (raters - 1));
    let expected = 0;
    for (let k = 0; k < VALUE_IDS.length; k += 1) expected += (sum[2 + k]! / (items * raters)) ** 2;
    return expected === 1 ? Number.NaN : (observed - expected) / (1 - expected);
  },
};

/** The most common reading of an option among raters of one kind; ties go to the value first in VALUE_IDS. */
function majority(judgments: readonly Judgment[], index: number): ValueId | null {
  if (judgments.length === 0) return null;
  const counts = new Map<ValueId, number>();
  for (const judgment of judgments) counts.set(judgment.options[index]!.value, (counts.get(judgment.options[index]!.value) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || VALUE_IDS.indexOf(a) - VALUE_IDS.indexOf(b))[0]![0];
}

/** A judge rejects a scenario when both options read differently from their labels, or it calls one a straw man. */
export function judgeRejects(scenario: Scenario, judgment: Judgment): string | null {
  if (judgment.options.every((reading, index) => reading.value !== scenario.options[index]!.value)) return 'both options read as other values than their labels';
  if (!judgment.genuine_dilemma) return 'not a genuine dilemma (a straw man)';
  const implausible = judgment.options.findIndex((reading) => !reading.plausible);
  if (implausible !== -1) return `option ${implausible + 1} is not a plausible course of action`;
  return null;
}

/** A scenario the judges reject: flagged.jsonl's line (FlaggedScenarioSchema). */
export type Flagged = FlaggedScenario;

export interface Measurement {
  scenarios: number;
  scenarios_judged: number;
  scenarios_annotated: number;
  judges: string[];
  annotators: string[];
  judge_accuracy: CleanInterval;
  judge_kappa: CleanInterval;
  per_judge: Record<string, { accuracy: CleanInterval; kappa: CleanInterval; options: number }>;
  judges_fleiss_kappa: CleanInterval | null;
  judges_alpha: CleanInterval | null;
  human_accuracy: CleanInterval | null;
  human_kappa: CleanInterval | null;
  per_annotator: Record<string, { accuracy: number | null; kappa: number | null; options: number }>;
  humans_fleiss_kappa: CleanInterval | null;
  humans_alpha: CleanInterval | null;
  /** Majority judge reading against majority human reading, on scenarios both rated. */
  judges_vs_humans: { options: number; agreement: CleanInterval; kappa: CleanInterval } | null;
  per_value: Record<ValueId, { precision: number | null; recall: number | null; support: number; recall_interval: CleanInterval }>;
  /** Intended value (rows) against judged value (columns), in VALUE_IDS order, over all judges. */
  confusion: number[][];
  confusions: { total: number; adjacent: number; across: number; adjacent_share: CleanInterval };
  flagged: Flagged[];
}

/** Measure a release's labels against its raters. `scenarios` are the release's; judgments of other ids are ignored. */
export function measure(scenarios: readonly Scenario[], judgments: readonly Judgment[], options: MeasureOptions): Measurement {
  const byId = new Map<string, ScenarioRatings>(scenarios.map((scenario) => [scenario.id, { scenario, judges: [], humans: [] }]));
  for (const judgment of judgments) {
    const entry = byId.get(judgment.scenario_id);
    if (entry) (judgment.kind === 'judge' ? entry.judges : entry.humans).push(judgment);
  }
  const entries = [...byId.values()];
  const judged = entries.filter((entry) => entry.judges.length > 0);
  const annotated = entries.filter((entry) => entry.humans.length > 0);
  const judges = [...new Set(judged.flatMap((entry) => entry.judges.map((judgment) => judgment.rater)))].sort();
  const annotators = [...new Set(annotated.flatMap((entry) => entry.humans.map((judgment) => judgment.rater)))].sort();
  const categories = VALUE_IDS.length;
  /** One vector of counts per scenario, summed by the bootstrap. */
  const vectors = (units: readonly ScenarioRatings[], width: number, fill: (vector: Float64Array, entry: ScenarioRatings) => void) =>
    units.map((entry) => {
      const vector = new Float64Array(width);
      fill(vector, entry);
      return vector;
    });
  const interval = (units: readonly Float64Array[], finish: (sum: Float64Array) => number, salt: number) =>
    clean(bootstrapSumsMany(units, [finish], { resamples: options.resamples, seed: options.seed * 7919 + salt })[0]!);
  // Several figures of the same units from one set of resamples (one pass instead of one each).
  const intervals = (units: readonly Float64Array[], finishes: readonly ((sum: Float64Array) => number)[], salt: number) =>
    bootstrapSumsMany(units, finishes, { resamples: options.resamples, seed: options.seed * 7919 + salt }).map(clean);
  const agreementOf = (units: readonly ScenarioRatings[], pairs: (entry: ScenarioRatings) => Pair[]) =>
    vectors(units, agreementCounts.width(categories), (vector, entry) => {
      for (const [intended, reading] of pairs(entry)) agreementCounts.add(vector, VALUE_IDS, intended, reading);
    });
  const accuracyOf = (sum: Float64Array) => agreementCounts.accuracy(sum);
  const kappaOf = (sum: Float64Array) => agreementCounts.kappa(sum, categories);

  const judgeAgreement = agreementOf(judged, (entry) => pairsOf([entry], 'judges'));
  const perJudge = Object.fromEntries(
    judges.map((rater, index) => {
      const mine = agreementOf(judged.filter((entry) => entry.judges.some((judgment) => judgment.rater === rater)), (entry) => pairsOf([entry], 'judges', rater));
      const [accuracyInterval, kappaInterval] = intervals(mine, [accuracyOf, kappaOf], 100 + index);
      return [rater, { accuracy: accuracyInterval!, kappa: kappaInterval!, options: pairsOf(judged, 'judges', rater).length }];
    }),
  );
  const perAnnotator = Object.fromEntries(
    annotators.map((rater) => {
      const pairs = pairsOf(annotated, 'humans', rater);
      const accuracyValue = accuracy(pairs);
      const kappaValue = cohenKappa(pairs);
      return [rater, { accuracy: Number.isFinite(accuracyValue) ? round(accuracyValue) : null, kappa: Number.isFinite(kappaValue) ? round(kappaValue) : null, options: pairs.length }];
    }),
  );

  const allJudgePairs = pairsOf(judged, 'judges');
  const matrix = confusionMatrix(allJudgePairs, VALUE_IDS);
  const scores = precisionRecall(matrix, VALUE_IDS);
  // Per value: [options of that value read as it, options of that value], for every value.
  const recallVectors = vectors(judged, 2 * categories, (vector, entry) => {
    for (const [intended, reading] of pairsOf([entry], 'judges')) {
      const index = VALUE_IDS.indexOf(intended);
      vector[2 * index + 1]! += 1;
      if (reading === intended) vector[2 * index]! += 1;
    }
  });
  const recallIntervals = intervals(recallVectors, VALUE_IDS.map((_value, index) => (sum: Float64Array) => (sum[2 * index + 1]! === 0 ? Number.NaN : sum[2 * index]! / sum[2 * index + 1]!)), 300);
  const perValue = Object.fromEntries(
    VALUE_IDS.map((value, index) => {
      const score = scores.get(value)!;
      return [value, {
        precision: Number.isFinite(score.precision) ? round(score.precision) : null,
        recall: Number.isFinite(score.recall) ? round(score.recall) : null,
        support: score.support,
        recall_interval: recallIntervals[index]!,
      }];
    }),
  ) as Measurement['per_value'];
  const wrong = allJudgePairs.filter(([intended, reading]) => intended !== reading);
  const adjacent = wrong.filter(([intended, reading]) => circleDistance(intended, reading) === 1).length;
  const adjacentVectors = vectors(judged, 2, (vector, entry) => {
    for (const [intended, reading] of pairsOf([entry], 'judges')) {
      if (intended === reading) continue;
      vector[1]! += 1;
      if (circleDistance(intended, reading) === 1) vector[0]! += 1;
    }
  });

  const bothRated = entries.filter((entry) => entry.judges.length > 0 && entry.humans.length > 0);
  const majorityPairs = (entry: ScenarioRatings): Pair[] =>
    [0, 1].flatMap((index): Pair[] => {
      const fromJudges = majority(entry.judges, index);
      const fromHumans = majority(entry.humans, index);
      return fromJudges && fromHumans ? [[fromHumans, fromJudges]] : [];
    });
  const overlapped = annotated.filter((entry) => entry.humans.length >= 2);
  const alphaOf = (units: readonly ScenarioRatings[], kind: 'judges' | 'humans') =>
    vectors(units, alphaCounts.width(categories), (vector, entry) => {
      for (const unit of optionUnits(entry, kind)) alphaCounts.addUnit(vector, VALUE_IDS, unit);
    });
  const fleissOf = (units: readonly ScenarioRatings[], kind: 'judges' | 'humans', raters: number) =>
    vectors(units, fleissCounts.width, (vector, entry) => {
      for (const unit of optionUnits(entry, kind)) fleissCounts.add(vector, unit, raters);
    });
  const humanRaters = Math.max(0, ...overlapped.map((entry) => entry.humans.length));

  const flagged: Flagged[] = [];
  for (const entry of judged) {
    const objections = entry.judges.flatMap((judgment) => {
      const reason = judgeRejects(entry.scenario, judgment);
      return reason ? [{ rater: judgment.rater, reason }] : [];
    });
    // A majority of the judges (one judge: that judge) must reject it.
    if (objections.length > entry.judges.length / 2) {
      flagged.push({
        scenario_id: entry.scenario.id,
        post_id: entry.scenario.source.post_id,
        target_value: entry.scenario.target_value,
        competing_value: entry.scenario.competing_value,
        options_labelled: [entry.scenario.options[0]!.value, entry.scenario.options[1]!.value],
        objections,
        judgments: entry.judges,
      });
    }
  }

  const humanAgreement = agreementOf(annotated, (entry) => pairsOf([entry], 'humans'));
  const versus = agreementOf(bothRated, majorityPairs);
  const [judgeAccuracy, judgeKappa] = intervals(judgeAgreement, [accuracyOf, kappaOf], 1);
  const [humanAccuracy, humanKappa] = annotated.length > 0 ? intervals(humanAgreement, [accuracyOf, kappaOf], 5) : [null, null];
  const [versusAgreement, versusKappa] = bothRated.length > 0 ? intervals(versus, [accuracyOf, kappaOf], 9) : [null, null];
  return {
    scenarios: scenarios.length,
    scenarios_judged: judged.length,
    scenarios_annotated: annotated.length,
    judges,
    annotators,
    judge_accuracy: judgeAccuracy!,
    judge_kappa: judgeKappa!,
    per_judge: perJudge,
    judges_fleiss_kappa: judges.length >= 2 ? interval(fleissOf(judged, 'judges', judges.length), (sum) => fleissCounts.kappa(sum, judges.length), 3) : null,
    judges_alpha: judges.length >= 2 ? interval(alphaOf(judged, 'judges'), (sum) => alphaCounts.alpha(sum, categories), 4) : null,
    human_accuracy: humanAccuracy ?? null,
    human_kappa: humanKappa ?? null,
    per_annotator: perAnnotator,
    humans_fleiss_kappa: overlapped.length > 0 ? interval(fleissOf(overlapped, 'humans', humanRaters), (sum) => fleissCounts.kappa(sum, humanRaters), 7) : null,
    humans_alpha: overlapped.length > 0 ? interval(alphaOf(overlapped, 'humans'), (sum) => alphaCounts.alpha(sum, categories), 8) : null,
    judges_vs_humans: bothRated.length > 0 ? { options: bothRated.flatMap(majorityPairs).length, agreement: versusAgreement!, kappa: versusKappa! } : null,
    per_value: perValue,
    confusion: matrix,
    confusions: { total: wrong.length, adjacent, across: wrong.length - adjacent, adjacent_share: interval(adjacentVectors, (sum) => (sum[1]! === 0 ? Number.NaN : sum[0]! / sum[1]!), 11) },
    flagged,
  };
}
