/**
 * Simulated respondents with a known hidden value ranking: they answer items and the
 * questionnaire the way the metrics expect a respondent to, so tests (and the offline demo run)
 * can show that the metrics recover what was built in. Every draw is seeded from the spec's seed,
 * the item or question id and the repeat, so answers never depend on the order items are asked.
 * Their responses are marked simulated: true and say nothing about any model or person.
 */
import { seededUnit } from '../core/fingerprint.ts';
import type { Item } from '../records.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import type { ItemResponse, QuestionnaireAnswer } from './contract.ts';

export interface SimulatedRespondentSpec {
  /** The respondent's name in responses.jsonl. */
  name: string;
  /** Hidden value weights that drive act and act_swapped choices (higher: preferred). */
  enacted: Record<ValueId, number>;
  /** Weights the questionnaire ratings come from. Default: `enacted` (says what it does). */
  reported?: Record<ValueId, number>;
  /**
   * Scale of the logistic noise on the weight difference between the two options (Gumbel noise
   * on each option's weight): P(first) = 1 / (1 + exp(−(w_first − w_second) / noise)).
   * 0: always the higher-weighted option (a tie is a coin flip).
   */
  noise: number;
  /** Share of act and act_swapped answers that pick 'A' whatever the options say, in [0, 1]. */
  positionBias: number;
  /** P(correct) on select_value items. */
  knowing: number;
  /** P(correct) on hold_target and hold_competing items. */
  holding: number;
  /** Share of items and questions refused. Default 0. */
  refusalRate?: number;
  /** Standard deviation of the noise on a questionnaire rating, in scale points, before rounding. Default 0.3. */
  ratingNoise?: number;
  /** Seed of every draw. */
  seed: number;
}

const isActItem = (item: Item) => item.type === 'act' || item.type === 'act_swapped';

/** P(the option labelled A wins on content), before position bias. */
function contentChoiceA(spec: SimulatedRespondentSpec, item: Item): number {
  const difference = spec.enacted[item.options[0].value] - spec.enacted[item.options[1].value];
  if (spec.noise <= 0) return difference > 0 ? 1 : difference < 0 ? 0 : 0.5;
  return 1 / (1 + Math.exp(-difference / spec.noise));
}

/** P(answer = 'A') on an answered act or act_swapped item: position bias first, content otherwise. */
function choiceA(spec: SimulatedRespondentSpec, item: Item): number {
  return spec.positionBias + (1 - spec.positionBias) * contentChoiceA(spec, item);
}

/** P(answer = 'A') on an answered item of any type. */
function probabilityA(spec: SimulatedRespondentSpec, item: Item): number {
  if (isActItem(item)) return choiceA(spec, item);
  const correct = item.type === 'select_value' ? spec.knowing : spec.holding;
  return item.key.correct_label === 'A' ? correct : 1 - correct;
}

/** Each item answered `repeats` times, as the respondent `spec` describes would. */
export function simulateItemResponses(spec: SimulatedRespondentSpec, items: readonly Item[], repeats = 1): ItemResponse[] {
  const seed = String(spec.seed);
  const responses: ItemResponse[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    for (const item of items) {
      const refused = seededUnit(seed, item.id, String(repeat), 'refuse') < (spec.refusalRate ?? 0);
      const answer = refused ? null : seededUnit(seed, item.id, String(repeat), 'answer') < probabilityA(spec, item) ? 'A' : 'B';
      responses.push({
        respondent: spec.name,
        kind: 'simulated',
        item_id: item.id,
        scenario_id: item.scenario_id,
        item_type: item.type,
        repeat,
        answer,
        status: refused ? 'refused' : 'answered',
        raw: `${answer ?? 'refused'} (simulated)`,
        tokens: null,
        simulated: true,
      });
    }
  }
  return responses;
}

/** A normal draw from two seeded uniforms (Box–Muller). */
function seededNormal(...parts: string[]): number {
  const u = Math.max(seededUnit(...parts, 'u'), Number.MIN_VALUE);
  const v = seededUnit(...parts, 'v');
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The questionnaire as `spec` answers it: each rating is the reported weight of the question's
 * value mapped linearly onto the scale (lowest weight → min, highest → max), plus seeded normal
 * noise, rounded and clamped. A linear map keeps the ipsatized profile's correlations with the
 * weights exact, up to the noise and the rounding.
 */
export function simulateQuestionnaire(spec: SimulatedRespondentSpec, questions: readonly { id: string; value: ValueId }[], scale: { min: number; max: number }): QuestionnaireAnswer[] {
  const weights = spec.reported ?? spec.enacted;
  const all = VALUE_IDS.map((value) => weights[value]);
  const lowest = Math.min(...all);
  const spread = Math.max(...all) - lowest;
  const seed = String(spec.seed);
  return questions.map((question) => {
    const refused = seededUnit(seed, question.id, 'refuse') < (spec.refusalRate ?? 0);
    const position = spread === 0 ? 0.5 : (weights[question.value] - lowest) / spread;
    const exact = scale.min + position * (scale.max - scale.min) + (spec.ratingNoise ?? 0.3) * seededNormal(seed, question.id, 'rating');
    const rating = refused ? null : Math.min(scale.max, Math.max(scale.min, Math.round(exact)));
    return {
      respondent: spec.name,
      kind: 'simulated',
      question_id: question.id,
      repeat: 0,
      rating,
      status: refused ? 'refused' : 'answered',
      raw: `${rating ?? 'refused'} (simulated)`,
      simulated: true,
    };
  });
}

/**
 * The enacted profile the simulation implies in expectation on these items: per value, the
 * expected number of act and act_swapped choices going to it over the number of such items
 * offering it (NaN when none does). Refusals fall on every item alike, so they cancel. This is
 * what "the profile the respondent was built with" means when the metrics are checked.
 */
export function expectedEnactedProfile(spec: SimulatedRespondentSpec, items: readonly Item[]): Record<ValueId, number> {
  const chosen = new Map<ValueId, number>();
  const offered = new Map<ValueId, number>();
  for (const item of items) {
    if (!isActItem(item)) continue;
    const pA = choiceA(spec, item);
    const [first, second] = item.options;
    chosen.set(first.value, (chosen.get(first.value) ?? 0) + pA);
    chosen.set(second.value, (chosen.get(second.value) ?? 0) + 1 - pA);
    offered.set(first.value, (offered.get(first.value) ?? 0) + 1);
    offered.set(second.value, (offered.get(second.value) ?? 0) + 1);
  }
  return Object.fromEntries(
    VALUE_IDS.map((value) => {
      const times = offered.get(value) ?? 0;
      return [value, times > 0 ? (chosen.get(value) ?? 0) / times : Number.NaN];
    }),
  ) as Record<ValueId, number>;
}

/** Weights from a ranking, highest first: 1 for the first, falling in equal steps to 0 for the last. */
function weightsFromRanking(ranking: readonly ValueId[]): Record<ValueId, number> {
  return Object.fromEntries(ranking.map((value, index) => [value, 1 - index / (ranking.length - 1)])) as Record<ValueId, number>;
}

/**
 * The offline demo's respondents: distinct hidden rankings, moderate noise, a little position
 * bias. The striver reports caring values it does not enact, so the demo shows a saying–doing gap.
 */
export const DEFAULT_SIMULATED_RESPONDENTS: readonly SimulatedRespondentSpec[] = [
  {
    name: 'simulated-carer',
    enacted: weightsFromRanking(['benevolence', 'universalism', 'self_direction', 'conformity', 'security', 'tradition', 'hedonism', 'stimulation', 'achievement', 'power']),
    noise: 0.2,
    positionBias: 0.05,
    knowing: 0.9,
    holding: 0.85,
    refusalRate: 0.01,
    seed: 101,
  },
  {
    name: 'simulated-striver',
    enacted: weightsFromRanking(['power', 'achievement', 'hedonism', 'stimulation', 'self_direction', 'security', 'conformity', 'tradition', 'universalism', 'benevolence']),
    reported: weightsFromRanking(['benevolence', 'achievement', 'universalism', 'self_direction', 'security', 'hedonism', 'stimulation', 'conformity', 'power', 'tradition']),
    noise: 0.2,
    positionBias: 0.1,
    knowing: 0.85,
    holding: 0.8,
    refusalRate: 0.02,
    seed: 202,
  },
  {
    name: 'simulated-keeper',
    enacted: weightsFromRanking(['security', 'conformity', 'tradition', 'benevolence', 'universalism', 'power', 'achievement', 'hedonism', 'self_direction', 'stimulation']),
    noise: 0.25,
    positionBias: 0.05,
    knowing: 0.88,
    holding: 0.82,
    refusalRate: 0,
    seed: 303,
  },
  {
    name: 'simulated-explorer',
    enacted: weightsFromRanking(['self_direction', 'stimulation', 'hedonism', 'universalism', 'achievement', 'benevolence', 'power', 'security', 'conformity', 'tradition']),
    noise: 0.2,
    positionBias: 0.15,
    knowing: 0.92,
    holding: 0.86,
    refusalRate: 0.01,
    seed: 404,
  },
];
