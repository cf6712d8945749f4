/**
 * What a respondent's answers say, as pure functions over a release's items and the responses:
 * the enacted value profile (doing), the position bias, act/act_swapped consistency, select_value
 * accuracy (knowing), hold_* accuracy (role-play) and the drop from selecting to holding, the
 * knowing–doing r against the questionnaire, and pairwise convergence between respondents.
 *
 * Every headline figure carries a seeded 95% percentile bootstrap interval that resamples
 * scenarios: a scenario's five items and all their repeats travel together, because they share
 * one situation and are not independent. Each scenario is reduced once to a vector of counts, so
 * a resample is additions only (stats.resampledSums); every figure of a respondent is read from
 * one set of resamples, and the same seed over the same scenario list gives the same intervals.
 *
 * A figure with no data behind it is NaN, never a throw.
 */
import { intervalOverSums, pearson, resampledSums, type Interval } from '../stats.ts';
import { ITEM_TYPES, type Item, type ItemType } from '../records.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import type { ItemResponse } from './contract.ts';

export interface MetricsOptions {
  /** Seed of the bootstrap: the same seed gives the same intervals. */
  seed: number;
  /** Bootstrap resamples of the scenarios (1000 for a report). */
  resamples: number;
  /**
   * The respondent's questionnaire profile, ipsatized (questionnaire.ts scoreQuestionnaire), for the knowing–doing r.
   * Default null: no questionnaire, no r.
   */
  saying?: Record<ValueId, number> | null;
}

/** One value's place in the enacted profile: the share of the choices offering it that went to it. */
export interface EnactedShare extends Interval {
  /** Answered act and act_swapped items whose two options include the value. */
  offered: number;
  /** Of those, the answers that chose the option enacting it. */
  chosen: number;
}

/** A share with the number of answers behind it. */
export interface CountedInterval extends Interval {
  /** Answers (or pairs of answers) the share is taken over. */
  n: number;
}

/** How a respondent dealt with one item type: refusals and unparseable answers are counted, never guessed. */
export interface StatusCounts {
  /** Responses recorded (every repeat counts). */
  asked: number;
  answered: number;
  refused: number;
  unparseable: number;
  /** refused / asked; NaN when nothing was asked. */
  refusal_rate: number;
  /** unparseable / asked; NaN when nothing was asked. */
  unparseable_rate: number;
}

export interface RespondentMetrics {
  /** Scenarios in the release: the bootstrap's units. */
  scenarios: number;
  /** Responses to item ids the release does not hold; ignored. */
  unmatched_responses: number;
  /** Doing: per value, the share of act and act_swapped choices offering it that went to it. */
  enacted: Record<ValueId, EnactedShare>;
  /** 2·P(answer = 'A') − 1 over answered act and act_swapped items: 0 = no bias, 1 = always 'A'. */
  position_bias: CountedInterval;
  /** Share of (act, act_swapped) pairs, same scenario and repeat, that chose the same option content. */
  consistency: CountedInterval;
  /** Knowing: select_value accuracy. */
  select_accuracy: CountedInterval;
  /** Role-play: hold_target accuracy. */
  hold_target_accuracy: CountedInterval;
  /** Role-play: hold_competing accuracy. */
  hold_competing_accuracy: CountedInterval;
  /** Role-play: hold_target and hold_competing answers together. */
  hold_accuracy: CountedInterval;
  /** select_accuracy − hold_accuracy (positive: worse at holding a value than at naming it). */
  select_hold_drop: Interval;
  /**
   * Knowing vs doing: Pearson r between `saying` and the enacted profile over the values the
   * respondent was offered; null when no questionnaire profile was given.
   */
  knowing_doing_r: Interval | null;
  statuses: Record<ItemType, StatusCounts>;
}

export interface ConvergenceResult {
  /** Respondent names, in the order of the matrix rows and columns. */
  respondents: string[];
  /**
   * matrix[i][j]: Pearson r between respondents i and j's enacted profiles, over the values both
   * were offered. The diagonal is exact (1, or NaN for a profile without variance).
   */
  matrix: Interval[][];
}

// Layout of a scenario's count vector. Value k's chosen count sits at k, its offered count at
// PROFILE_OFFERED + k: the first PROFILE_WIDTH columns are all a profile needs.
const VALUE_COUNT = VALUE_IDS.length;
const PROFILE_OFFERED = VALUE_COUNT;
const PROFILE_WIDTH = 2 * VALUE_COUNT;
const ANSWERED_A = PROFILE_WIDTH;
const ACT_ANSWERED = PROFILE_WIDTH + 1;
const SAME_CHOICE = PROFILE_WIDTH + 2;
const ACT_PAIRS = PROFILE_WIDTH + 3;
const SELECT_CORRECT = PROFILE_WIDTH + 4;
const SELECT_ANSWERED = PROFILE_WIDTH + 5;
const HOLD_TARGET_CORRECT = PROFILE_WIDTH + 6;
const HOLD_TARGET_ANSWERED = PROFILE_WIDTH + 7;
const HOLD_COMPETING_CORRECT = PROFILE_WIDTH + 8;
const HOLD_COMPETING_ANSWERED = PROFILE_WIDTH + 9;
const TALLY_WIDTH = PROFILE_WIDTH + 10;

const VALUE_INDEX = new Map<ValueId, number>(VALUE_IDS.map((value, index) => [value, index]));

const share = (part: number, whole: number) => (whole > 0 ? part / whole : Number.NaN);

interface Tallies {
  /** One count vector per scenario of the release, in the order the items first name them. */
  perScenario: Float64Array[];
  statuses: Record<ItemType, StatusCounts>;
  unmatched: number;
}

function isAnswered(response: ItemResponse): response is ItemResponse & { answer: 'A' | 'B' } {
  return response.status === 'answered' && response.answer !== null;
}

/** Reduce one respondent's responses to a count vector per scenario. */
function tally(items: readonly Item[], responses: readonly ItemResponse[]): Tallies {
  const rowOfScenario = new Map<string, number>();
  const perScenario: Float64Array[] = [];
  const itemById = new Map<string, { item: Item; row: Float64Array }>();
  for (const item of items) {
    let row = rowOfScenario.get(item.scenario_id);
    if (row === undefined) {
      row = perScenario.length;
      rowOfScenario.set(item.scenario_id, row);
      perScenario.push(new Float64Array(TALLY_WIDTH));
    }
    itemById.set(item.id, { item, row: perScenario[row]! });
  }
  const statuses = Object.fromEntries(
    ITEM_TYPES.map((type) => [type, { asked: 0, answered: 0, refused: 0, unparseable: 0, refusal_rate: Number.NaN, unparseable_rate: Number.NaN }]),
  ) as Record<ItemType, StatusCounts>;
  // The value chosen in act and in act_swapped, per scenario and repeat, for the consistency pairs.
  const actChoices = new Map<Float64Array, Map<number, { act?: ValueId; swapped?: ValueId }>>();
  let unmatched = 0;

  for (const response of responses) {
    const found = itemById.get(response.item_id);
    if (!found) {
      unmatched += 1;
      continue;
    }
    const { item, row } = found;
    const status = statuses[item.type];
    status.asked += 1;
    if (!isAnswered(response)) {
      if (response.status === 'refused') status.refused += 1;
      else status.unparseable += 1;
      continue;
    }
    status.answered += 1;
    const chosen = response.answer === 'A' ? item.options[0] : item.options[1];
    switch (item.type) {
      case 'act':
      case 'act_swapped': {
        for (const option of item.options) row[PROFILE_OFFERED + VALUE_INDEX.get(option.value)!]! += 1;
        row[VALUE_INDEX.get(chosen.value)!]! += 1;
        row[ACT_ANSWERED]! += 1;
        if (response.answer === 'A') row[ANSWERED_A]! += 1;
        const byRepeat = actChoices.get(row) ?? actChoices.set(row, new Map()).get(row)!;
        const pair = byRepeat.get(response.repeat) ?? byRepeat.set(response.repeat, {}).get(response.repeat)!;
        if (item.type === 'act') pair.act = chosen.value;
        else pair.swapped = chosen.value;
        break;
      }
      case 'select_value':
        row[SELECT_ANSWERED]! += 1;
        if (response.answer === item.key.correct_label) row[SELECT_CORRECT]! += 1;
        break;
      case 'hold_target':
        row[HOLD_TARGET_ANSWERED]! += 1;
        if (response.answer === item.key.correct_label) row[HOLD_TARGET_CORRECT]! += 1;
        break;
      case 'hold_competing':
        row[HOLD_COMPETING_ANSWERED]! += 1;
        if (response.answer === item.key.correct_label) row[HOLD_COMPETING_CORRECT]! += 1;
        break;
    }
  }

  for (const [row, byRepeat] of actChoices) {
    for (const pair of byRepeat.values()) {
      if (pair.act === undefined || pair.swapped === undefined) continue;
      row[ACT_PAIRS]! += 1;
      if (pair.act === pair.swapped) row[SAME_CHOICE]! += 1;
    }
  }
  for (const status of Object.values(statuses)) {
    status.refusal_rate = share(status.refused, status.asked);
    status.unparseable_rate = share(status.unparseable, status.asked);
  }
  return { perScenario, statuses, unmatched };
}

/** The enacted profile from summed profile columns (starting at `offset`); NaN for a value never offered. */
function profileOf(sum: Float64Array, offset = 0): number[] {
  return VALUE_IDS.map((_, k) => share(sum[offset + k] ?? 0, sum[offset + PROFILE_OFFERED + k] ?? 0));
}

/** Pearson r over the positions where both profiles are defined (values never offered are left out). */
function profileR(left: readonly number[], right: readonly number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < left.length; k += 1) {
    if (Number.isFinite(left[k]) && Number.isFinite(right[k])) {
      xs.push(left[k]!);
      ys.push(right[k]!);
    }
  }
  return pearson(xs, ys);
}

/** Every figure of one respondent, each with its bootstrap interval over scenarios. */
export function respondentMetrics(items: readonly Item[], responses: readonly ItemResponse[], options: MetricsOptions): RespondentMetrics {
  const { perScenario, statuses, unmatched } = tally(items, responses);
  const sums = resampledSums(perScenario, options);
  const count = (column: number) => sums.total[column] ?? 0;
  const shareOf = (part: number, whole: number): CountedInterval => ({
    ...intervalOverSums(sums, (sum) => share(sum[part] ?? 0, sum[whole] ?? 0)),
    n: count(whole),
  });
  const holdShare = (sum: Float64Array) =>
    share((sum[HOLD_TARGET_CORRECT] ?? 0) + (sum[HOLD_COMPETING_CORRECT] ?? 0), (sum[HOLD_TARGET_ANSWERED] ?? 0) + (sum[HOLD_COMPETING_ANSWERED] ?? 0));

  const enacted = Object.fromEntries(
    VALUE_IDS.map((value, k) => [value, { ...intervalOverSums(sums, (sum) => share(sum[k] ?? 0, sum[PROFILE_OFFERED + k] ?? 0)), offered: count(PROFILE_OFFERED + k), chosen: count(k) }]),
  ) as Record<ValueId, EnactedShare>;

  const saying = options.saying;
  const sayingProfile = saying ? VALUE_IDS.map((value) => saying[value]) : null;

  return {
    scenarios: perScenario.length,
    unmatched_responses: unmatched,
    enacted,
    position_bias: { ...intervalOverSums(sums, (sum) => 2 * share(sum[ANSWERED_A] ?? 0, sum[ACT_ANSWERED] ?? 0) - 1), n: count(ACT_ANSWERED) },
    consistency: shareOf(SAME_CHOICE, ACT_PAIRS),
    select_accuracy: shareOf(SELECT_CORRECT, SELECT_ANSWERED),
    hold_target_accuracy: shareOf(HOLD_TARGET_CORRECT, HOLD_TARGET_ANSWERED),
    hold_competing_accuracy: shareOf(HOLD_COMPETING_CORRECT, HOLD_COMPETING_ANSWERED),
    hold_accuracy: { ...intervalOverSums(sums, holdShare), n: count(HOLD_TARGET_ANSWERED) + count(HOLD_COMPETING_ANSWERED) },
    select_hold_drop: intervalOverSums(sums, (sum) => share(sum[SELECT_CORRECT] ?? 0, sum[SELECT_ANSWERED] ?? 0) - holdShare(sum)),
    knowing_doing_r: sayingProfile ? intervalOverSums(sums, (sum) => profileR(sayingProfile, profileOf(sum))) : null,
    statuses,
  };
}

/**
 * Pairwise Pearson r between respondents' enacted profiles. One vector per scenario holds every
 * respondent's profile counts side by side, so a resample draws the same scenarios for all of
 * them: the matrix comes from one joint resampling, as if all respondents were one study.
 */
export function convergence(items: readonly Item[], responsesByRespondent: ReadonlyMap<string, readonly ItemResponse[]>, options: Omit<MetricsOptions, 'saying'>): ConvergenceResult {
  const respondents = [...responsesByRespondent.keys()];
  const tallies = respondents.map((name) => tally(items, responsesByRespondent.get(name)!).perScenario);
  const scenarioCount = tallies[0]?.length ?? 0;
  const joint = Array.from({ length: scenarioCount }, (_, scenario) => {
    const vector = new Float64Array(respondents.length * PROFILE_WIDTH);
    tallies.forEach((perScenario, respondent) => vector.set(perScenario[scenario]!.subarray(0, PROFILE_WIDTH), respondent * PROFILE_WIDTH));
    return vector;
  });
  const sums = resampledSums(joint, options);
  const matrix = respondents.map(() => new Array<Interval>(respondents.length));
  for (let i = 0; i < respondents.length; i += 1) {
    const own = profileOf(sums.total, i * PROFILE_WIDTH);
    const self = profileR(own, own);
    matrix[i]![i] = { estimate: self, low: self, high: self };
    for (let j = i + 1; j < respondents.length; j += 1) {
      const r = intervalOverSums(sums, (sum) => profileR(profileOf(sum, i * PROFILE_WIDTH), profileOf(sum, j * PROFILE_WIDTH)));
      matrix[i]![j] = r;
      matrix[j]![i] = r;
    }
  }
  return { respondents, matrix };
}
