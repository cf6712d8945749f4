/**
 * Deterministic balanced selection: per target value, the top N scenarios by a quality score,
 * ties broken by a hash of the id (never by input order), after the take-down list.
 */
import { sha256Hex } from '../core/fingerprint.ts';
import type { Scenario } from '../records.ts';
import { VALUE_IDS, type ValueId } from '../values.ts';
import { wordCount } from '../text.ts';

/** The situation length (in words) a good scenario falls in; outside it the score decays. */
const IDEAL_SITUATION_WORDS = { min: 60, max: 220 } as const;

/**
 * Quality in [0, 1]: options of similar length (length predicts choices) weigh most, then a
 * situation long enough to be self-contained but short enough to read.
 */
export function qualityScore(scenario: Scenario): number {
  const [first, second] = scenario.options.map((option) => option.text.length) as [number, number];
  const balance = Math.min(first, second) / Math.max(first, second, 1);
  const words = wordCount(scenario.situation);
  const { min, max } = IDEAL_SITUATION_WORDS;
  const lengthFit = words < min ? words / min : words > max ? max / words : 1;
  // Rounded so that float noise can never reorder two scenarios across machines.
  return Math.round((0.6 * balance + 0.4 * lengthFit) * 1e6) / 1e6;
}

export interface Selection {
  selected: Scenario[];
  perValue: Record<ValueId, number>;
  shortfall: Partial<Record<ValueId, number>>;
  /** Candidates dropped because their source post is on the take-down list. */
  takenDown: Scenario[];
}

export function selectBalanced(candidates: Scenario[], perValue: number, takedownPostIds: ReadonlySet<string>): Selection {
  const takenDown = candidates.filter((scenario) => takedownPostIds.has(scenario.source.post_id));
  const eligible = candidates.filter((scenario) => !takedownPostIds.has(scenario.source.post_id));
  const ranked = eligible
    .map((scenario) => ({ scenario, score: qualityScore(scenario), tiebreak: sha256Hex(scenario.id) }))
    .sort((a, b) => b.score - a.score || (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0));
  const selected: Scenario[] = [];
  const counts = Object.fromEntries(VALUE_IDS.map((value) => [value, 0])) as Record<ValueId, number>;
  for (const { scenario } of ranked) {
    if (counts[scenario.target_value] >= perValue) continue;
    counts[scenario.target_value] += 1;
    selected.push(scenario);
  }
  const shortfall: Partial<Record<ValueId, number>> = {};
  for (const value of VALUE_IDS) if (counts[value] < perValue) shortfall[value] = perValue - counts[value];
  selected.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { selected, perValue: counts, shortfall, takenDown };
}
