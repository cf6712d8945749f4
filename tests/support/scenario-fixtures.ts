/**
 * Synthetic Scenario and FilteredPost records for the validate and release tests and the
 * release benchmark: valid by default, deterministic from the post id, English, with options of
 * similar length and no text shared with the post.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilteredPost, Scenario } from '../../pipeline/records.ts';
import { VALUES, VALUE_IDS, competingValuesFor, type ValueId } from '../../pipeline/values.ts';

const PLACES = ['new job', 'family dinner', 'small town', 'college course', 'shared flat', 'weekend trip', 'old friend', 'neighbourhood'];

export function makeScenario(postId: string, target: ValueId, overrides: Partial<Scenario> = {}): Scenario {
  const competing = competingValuesFor(target)[postId.length % competingValuesFor(target).length]!;
  const place = PLACES[postId.charCodeAt(postId.length - 1) % PLACES.length]!;
  const targetOption = { text: `You follow what ${VALUES[target].label.toLowerCase()} asks of you and act on it today.`, value: target, rationale: `Enacts ${target}.` };
  const competingOption = { text: `You choose what ${VALUES[competing].label.toLowerCase()} asks of you and act on it now.`, value: competing, rationale: `Enacts ${competing}.` };
  const targetFirst = postId.charCodeAt(0) % 2 === 0;
  return {
    id: `sc_${postId}`,
    target_value: target,
    competing_value: competing,
    situation: `You have been thinking for weeks about a decision that involves your ${place}. Case ${postId} is yours alone: people around you expect an answer soon, and both paths have real costs for you and for the people you care about. You need to decide what to do before the end of the month, and whatever you pick will shape the next few years of your life.`,
    options: targetFirst ? [targetOption, competingOption] : [competingOption, targetOption],
    source: { subreddit: 'Advice', post_id: postId, created_utc: 1_700_000_000 + parseInt(postId, 36) % 1_000_000, permalink: `/r/Advice/comments/${postId}/x/` },
    generation: { provider: 'offline', model: 'offline-v1', prompt_id: 'scenario', prompt_version: '1', request_fingerprint: 'a'.repeat(64), simulated: true },
    ...overrides,
  };
}

export function makePost(postId: string, text = 'I am stuck between two choices and I would really like some outside advice on what to do here please.'): FilteredPost {
  return {
    id: postId,
    subreddit: 'Advice',
    created_utc: 1_700_000_000,
    permalink: `/r/Advice/comments/${postId}/x/`,
    title: 'What should I do?',
    text,
    language: { code: 'eng', confidence: 0.99, method: 'franc' },
    quality: { word_count: text.split(' ').length, advice_probability: 0.9, request_cues: ['question_mark'] },
    pii_masked: {},
    content_flags: { sexual: [], self_harm: [], violence: [], minors: [] },
    filter_version: 'test',
  };
}

/** `perValue` valid scenarios for each of the ten values, post ids p0000..; ids sort stably. */
export function balancedScenarios(perValue: number): Scenario[] {
  return VALUE_IDS.flatMap((value, valueIndex) =>
    Array.from({ length: perValue }, (_, index) => makeScenario(`p${(valueIndex * perValue + index).toString(36).padStart(5, '0')}`, value)),
  );
}

/** Write generate's and filter's outputs for `scenarios` (records or raw lines) into a data folder. */
export async function writeStageInputs(dataDir: string, scenarios: (Scenario | string)[], posts?: FilteredPost[]): Promise<void> {
  await mkdir(join(dataDir, 'work', 'generate'), { recursive: true });
  await mkdir(join(dataDir, 'work', 'filter'), { recursive: true });
  const lines = scenarios.map((scenario) => (typeof scenario === 'string' ? scenario : JSON.stringify(scenario)));
  await writeFile(join(dataDir, 'work', 'generate', 'scenarios.jsonl'), lines.map((line) => line + '\n').join(''));
  const postRecords = posts ?? scenarios.flatMap((scenario) => (typeof scenario === 'string' ? [] : [makePost(scenario.source.post_id)]));
  await writeFile(join(dataDir, 'work', 'filter', 'posts.jsonl'), postRecords.map((post) => JSON.stringify(post) + '\n').join(''));
}

/**
 * A complete generate report saying the run was asked for `perValue` scenarios per value, as
 * validate and release read it (they take per_value from generate's report, nowhere else).
 */
export async function writeGenerateReport(dataDir: string, perValue: number): Promise<void> {
  const fill = Object.fromEntries(VALUE_IDS.map((value) => [value, { quota: perValue, candidates: perValue, assigned: perValue, shortfall: 0 }]));
  const report = {
    stage: 'generate',
    status: 'complete',
    counts: { in: 0, out: 0, rejected: 0, quarantined: 0, per_reason: {} },
    inputs: {},
    outputs: {},
    fingerprints: { config: 'test', prompts: { 'classify.v1': 'test', 'rewrite.v1': 'test' } },
    timing: { started_at: '2024-01-01T00:00:00.000Z', finished_at: '2024-01-01T00:00:00.000Z', seconds: 0 },
    details: {
      provider: 'offline', model: 'offline-simulator-v1', simulated: true, per_value: perValue, quota_per_value: perValue, fill,
      requests: 0, cache_hits: 0, retries: 0, repairs: 0, waited_ms: 0, tokens: {}, estimated_cost_usd: 0, batch: false,
    },
  };
  await mkdir(join(dataDir, 'work', 'generate'), { recursive: true });
  await writeFile(join(dataDir, 'work', 'generate', 'report.json'), JSON.stringify(report, null, 2) + '\n');
}
