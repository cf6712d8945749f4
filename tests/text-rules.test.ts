/**
 * The shared text rules (pipeline/text.ts), run through every stage's use of them with the same
 * inputs: what a word is (filter's length check, dedup, validate, release), how much may be
 * copied, how unequal the options may be, what a placeholder is. Whatever generate's answer
 * parser accepts, validate must not reject for the same rule.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { buildScenario } from '../pipeline/generate/run.ts';
import { loadStagePrompts, rewriteRequest } from '../pipeline/generate/requests.ts';
import { normalizedWords } from '../pipeline/filter/dedup.ts';
import { judgePost } from '../pipeline/filter/judge.ts';
import type { FilteredPost } from '../pipeline/records.ts';
import { MAX_COPIED_WORDS, MAX_OPTION_LENGTH_RATIO, findPlaceholder, wordCount, words } from '../pipeline/text.ts';
import { VERBATIM_SPAN_WORDS, checkLeftovers, checkOptionsDiffer, checkSituationLength, checkVerbatim, shinglesOf } from '../pipeline/validate/checks.ts';
import { rawPost } from './support/filter-fixtures.ts';

const SENTENCES: [string, number][] = [
  ["Don't you think a well-being plan for my 9-to-5 job is worth it?", 13],
  ['I’m 29 (F), my bf is 31 — should I move?', 10],
  ['Email me at [EMAIL] or call, ok?', 7],
  ['...', 0],
  ["It's the 2nd time; we're both tired of it.", 9],
];

describe('what a word is, the same for every stage', () => {
  it.each(SENTENCES)('%s has %i words', (sentence, expected) => {
    expect(wordCount(sentence)).toBe(expected);
    expect(words(sentence)).toHaveLength(expected);
  });

  it.each(SENTENCES)('dedup reads the same words as everyone, past the masks only (%s)', (sentence) => {
    expect(normalizedWords(sentence)).toEqual(words(sentence.replace('[EMAIL]', ' ')));
  });

  it('the filter\'s length check counts with it: min_words words pass, one fewer is too_short', () => {
    const minWords = DEFAULT_CONFIG.filter.min_words;
    const body = (count: number) => Array.from({ length: count }, (_, index) => (index === 0 ? "I've" : 'well-being')).join(' ') + ' should I?';
    const atLimit = body(minWords - 2);
    expect(wordCount(atLimit)).toBe(minWords);
    const reasonOf = (selftext: string) => {
      const verdict = judgePost(rawPost({ selftext }), DEFAULT_CONFIG.filter, 'test');
      return verdict.kind === 'rejected' ? verdict.rejection.reason : 'passed the length check';
    };
    expect(reasonOf(atLimit)).not.toBe('too_short');
    expect(reasonOf(body(minWords - 3))).toBe('too_short');
  });

  it('validate\'s situation length counts with it', () => {
    const config = { ...DEFAULT_CONFIG.validate, situation_min_words: 13, situation_max_words: 13 };
    const situation = SENTENCES[0]![0];
    expect(checkSituationLength({ situation } as never, config)).toEqual([]);
  });
});

const post: FilteredPost = {
  id: 'abc123',
  subreddit: 'Advice',
  created_utc: 1_700_000_000,
  permalink: '/r/Advice/comments/abc123/x/',
  title: 'Should I take the job offer in another city?',
  text: 'My partner has a stable job here and we just signed a lease for two more years in this flat near the river.',
  language: { code: 'eng', confidence: 0.99, method: 'test' },
  quality: { word_count: 24, advice_probability: 0.9, request_cues: ['question_mark'] },
  pii_masked: {},
  content_flags: { sexual: [], self_harm: [], violence: [], minors: [] },
  filter_version: 'test',
};

const SITUATION_BASE =
  'You have been offered a role far from home, and the choice weighs on you. Your partner is settled where you live now, and the two of you have plans that would change if you left. Friends say the offer is rare and that you would grow a great deal. You also know that staying keeps the life you have built together steady, and that moving would ask a lot of the person you love. You need to answer within a week, and you keep going back and forth.';

function answer(overrides: { situation?: string; target?: string; competing?: string } = {}) {
  return {
    situation: overrides.situation ?? SITUATION_BASE,
    option_target: { text: overrides.target ?? 'You take the role and move for the new work.', rationale: 'achievement' },
    option_competing: { text: overrides.competing ?? 'You turn it down and stay close to your partner.', rationale: 'benevolence' },
  };
}

/** generate's verdict (its answer parser, copy check included) and validate's findings, for the same answer. */
function bothStages(candidate: ReturnType<typeof answer>) {
  const parse = rewriteRequest(loadStagePrompts(), DEFAULT_CONFIG.generate, post, 'achievement', 'benevolence').parse;
  const accepted = parse.safeParse(candidate).success;
  const scenario = buildScenario(post, 'achievement', 'benevolence', candidate, {
    provider: 'offline',
    model: 'test',
    prompt_id: 'rewrite',
    prompt_version: '1',
    request_fingerprint: 'f'.repeat(64),
    simulated: true,
  });
  const findings = [
    ...checkOptionsDiffer(scenario),
    ...checkLeftovers(scenario),
    ...checkVerbatim(scenario, shinglesOf(`${post.title}\n${post.text}`, VERBATIM_SPAN_WORDS)),
  ].map((finding) => finding.check);
  return { accepted, findings };
}

const copied = (count: number) => post.text.split(' ').slice(0, count).join(' ');

describe('generate accepts only what validate keeps', () => {
  it.each([
    ['a copied run of exactly the limit', answer({ situation: `${SITUATION_BASE} Back home, ${copied(MAX_COPIED_WORDS).toLowerCase()} too.` }), true, []],
    ['a copied run one word over the limit', answer({ situation: `${SITUATION_BASE} Back home, ${copied(MAX_COPIED_WORDS + 1).toLowerCase()} too.` }), false, ['verbatim_copy']],
    ['options at exactly the length ratio', answer({ target: 'a'.repeat(50), competing: 'b'.repeat(80) }), true, []],
    ['options just past the length ratio', answer({ target: 'a'.repeat(50), competing: 'b'.repeat(81) }), false, ['option_length_ratio']],
    ['a mask token left in an option', answer({ competing: 'You turn it down and stay close to [NAME] here.' }), false, ['placeholder']],
    ['a template variable left in the situation', answer({ situation: `${SITUATION_BASE} You live in {city}.` }), false, ['placeholder']],
  ])('%s', (_case, candidate, generateAccepts, validateFinds) => {
    const { accepted, findings } = bothStages(candidate);
    expect(accepted).toBe(generateAccepts);
    expect(findings).toEqual(validateFinds);
  });

  it('uses one ratio and one copy limit', () => {
    expect(MAX_OPTION_LENGTH_RATIO).toBe(1.6);
    expect(VERBATIM_SPAN_WORDS).toBe(MAX_COPIED_WORDS + 1);
    expect(findPlaceholder('[EMAIL]')).toBe('[EMAIL]');
  });
});
