/**
 * What an LLM judge is asked, and how its answer is read. The judge is blind: it sees the
 * situation and the two options in an order shuffled by a seed from the scenario id, the ten
 * definitions from the value module, and never a label. Its answer is mapped back to the
 * scenario's stored option order. The offline judge answers from the labels with seeded errors
 * of a known rate (a simulation that lets the measurement prove it recovers them), and says so.
 */
import { z } from 'zod';
import { seededUnit } from '../core/fingerprint.ts';
import { loadPrompt, renderPrompt, type PromptTemplate } from '../llm/prompts.ts';
import type { StructuredRequest } from '../llm/types.ts';
import type { Scenario } from '../records.ts';
import { CIRCLE_ORDER, VALUE_IDS, circleDistance, type ValueId } from '../values.ts';
import { OptionReadingSchema, type Judgment } from './contract.ts';

export const JudgeAnswerSchema = z.strictObject({
  option_1: OptionReadingSchema,
  option_2: OptionReadingSchema,
  genuine_dilemma: z.boolean(),
  comment: z.string(),
});
export type JudgeAnswer = z.infer<typeof JudgeAnswerSchema>;

const readingJson = {
  type: 'object',
  properties: {
    value: { type: 'string', enum: [...VALUE_IDS] },
    second_value: { type: ['string', 'null'], enum: [...VALUE_IDS, null] },
    plausible: { type: 'boolean' },
  },
  required: ['value', 'second_value', 'plausible'],
  additionalProperties: false,
};

/** Strict structured output: every property required, no extra ones. */
export const JUDGE_JSON_SCHEMA = {
  name: 'judge',
  strict: true,
  schema: {
    type: 'object',
    properties: { option_1: readingJson, option_2: readingJson, genuine_dilemma: { type: 'boolean' }, comment: { type: 'string' } },
    required: ['option_1', 'option_2', 'genuine_dilemma', 'comment'],
    additionalProperties: false,
  },
};

export function loadJudgePrompt(): PromptTemplate {
  return loadPrompt('judge', '1');
}

/** The order a rater sees the options in: seeded by the scenario id, the same for every rater. */
export function shownOrder(scenario: Pick<Scenario, 'id'>): [0, 1] | [1, 0] {
  return seededUnit(scenario.id, 'audit-option-order') < 0.5 ? [0, 1] : [1, 0];
}

export interface OfflineErrors {
  neighbourRate: number;
  acrossRate: number;
}

/**
 * The value an offline judge reads for an option: the label, or with the configured rates a
 * neighbour on the circle or a value across it (three or more steps away), chosen by a seed
 * from the scenario, the option and the judge.
 */
export function simulatedReading(label: ValueId, seed: string[], errors: OfflineErrors): ValueId {
  const roll = seededUnit(...seed, 'error');
  const pick = seededUnit(...seed, 'which');
  if (roll < errors.neighbourRate) {
    const at = CIRCLE_ORDER.indexOf(label);
    return CIRCLE_ORDER[(at + (pick < 0.5 ? 1 : CIRCLE_ORDER.length - 1)) % CIRCLE_ORDER.length]!;
  }
  if (roll < errors.neighbourRate + errors.acrossRate) {
    const across = CIRCLE_ORDER.filter((value) => circleDistance(value, label) >= 3);
    return across[Math.floor(pick * across.length)]!;
  }
  return label;
}

export function judgeRequest(prompt: PromptTemplate, scenario: Scenario, judgeName: string, maxTokens: number, errors: OfflineErrors): StructuredRequest<JudgeAnswer> {
  const order = shownOrder(scenario);
  const shown = order.map((index) => scenario.options[index]!);
  return {
    promptId: prompt.id,
    promptVersion: prompt.version,
    messages: renderPrompt(prompt, { situation: scenario.situation, option_1: shown[0]!.text, option_2: shown[1]!.text }),
    responseFormat: JUDGE_JSON_SCHEMA,
    parse: JudgeAnswerSchema,
    temperature: 0,
    maxTokens,
    simulate: () => simulatedAnswer(scenario, judgeName, errors),
  };
}

/** What an offline judge answers for a scenario, in the order the judge was shown the options. */
function simulatedAnswer(scenario: Scenario, judgeName: string, errors: OfflineErrors): JudgeAnswer {
  const order = shownOrder(scenario);
  const reading = (position: 0 | 1) => ({
    value: simulatedReading(scenario.options[order[position]]!.value, [scenario.id, judgeName, String(order[position])], errors),
    second_value: null,
    plausible: true,
  });
  return { option_1: reading(0), option_2: reading(1), genuine_dilemma: true, comment: 'simulated judge' };
}

/** An offline judge's judgment of a scenario, as the judge stage records it (for simulations of a whole audit). */
export function simulatedJudgment(scenario: Scenario, judgeName: string, errors: OfflineErrors): Judgment {
  return toJudgment(scenario, simulatedAnswer(scenario, judgeName, errors), judgeName, true);
}

/** A judge's answer as a judgment on the scenario's stored option order. */
export function toJudgment(scenario: Scenario, answer: JudgeAnswer, rater: string, simulated: boolean): Judgment {
  const order = shownOrder(scenario);
  const byStored: [JudgeAnswer['option_1'], JudgeAnswer['option_1']] = [answer.option_1, answer.option_2];
  if (order[0] === 1) byStored.reverse();
  return {
    scenario_id: scenario.id,
    rater,
    kind: 'judge',
    options: byStored,
    genuine_dilemma: answer.genuine_dilemma,
    simulated,
    comment: answer.comment === '' ? null : answer.comment,
  };
}
