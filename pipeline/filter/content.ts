/**
 * Content screening as flags, not silent drops. Each flag carries the terms that raised it; the
 * filter drops a post only for the flags `filter.drop_content` names (default: sexual content
 * involving minors), and classify and rewrite decide the rest (the rewrite prompt keeps explicit
 * content out of every scenario). The lexicons read a bounded slice of the text.
 */
import { NSFW_EXPLICIT, NSFW_SUGGESTIVE, nsfwScore } from './presence.ts';

import type { ContentFlag } from './contract.ts';

export type ContentFlags = Record<ContentFlag, string[]>;

/** The flags read at most this many characters of title and body. */
export const CONTENT_MAX_CHARS = 6000;

const SELF_HARM = /\b(?:suicid\w*|kill(?:ing)? (?:my|him|her|them)sel(?:f|ves)|end(?:ing)? (?:my|his|her|it) (?:life|all)|self[- ]harm\w*|cutting myself|cut myself|overdos\w*|(?:want|wanted|wanting) to die|don'?t want to (?:live|be alive)|slit(?:ting)? my wrists?)\b/gi;
const VIOLENCE = /\b(?:hit(?:s|ting)? (?:me|her|him|them|my)|beat(?:s|ing|en)? (?:me|her|him|them|up)|punch\w*|slap\w*|chok(?:ed|ing|es)|strangl\w*|kick(?:ed|ing|s)? (?:me|her|him)|assault\w*|rap(?:e|ed|ist|ing)|physically abus\w*|abus(?:ed|ive|er) (?:me|her|him)|domestic (?:violence|abuse)|threaten\w* to (?:kill|hurt|beat)|stabb?\w*|shot (?:at|him|her|me)|with a (?:gun|knife))\b/gi;
/** Someone stated to be under 18: "16F", "(15 M)", "15 year old", "14yo", "my 12-year-old". */
const UNDER_18 = /\b(?:[5-9]|1[0-7]) ?(?:[mf]\b|y\/?o\b|years? old|yrs? old|-year-old)|\(\s*(?:[5-9]|1[0-7]) ?[mf]?\s*\)|\[\s*(?:[5-9]|1[0-7]) ?[mf]?\s*\]/gi;
const MINOR_WORDS = /\b(?:underage|under ?age|minors?|child(?:ren)?|pre-?teens?|teenage (?:girl|boy)s?|molest\w*|p(?:a)?edophil\w*|child porn\w*|groom(?:ed|ing)|statutory)\b/gi;
/** Words for abusing a child, which mean the flag on their own. */
const CHILD_ABUSE = /\b(?:molest\w*|p(?:a)?edophil\w*|child porn\w*|statutory rape)\b/gi;
const SEX_WORD = /\bsex(?:ual(?:ly)?)?\b/gi;
/** Sexual wording strong enough to flag (the same lexicon the old nsfw check used). */
const SEXUAL_MIN_SCORE = 3;

function terms(pattern: RegExp, text: string): string[] {
  return [...new Set([...text.matchAll(pattern)].map((match) => match[0].toLowerCase()))].sort();
}

export function contentFlags(title: string, body: string, sexualMinScore = SEXUAL_MIN_SCORE): ContentFlags {
  const text = `${title}\n${body}`.slice(0, CONTENT_MAX_CHARS);
  const sexual = nsfwScore(text);
  const sexualTerms = sexual.score >= sexualMinScore ? sexual.terms : [];
  // Sexual content involving someone under 18: in a post with the sexual flag, a sentence that
  // speaks of both (a stated age under 18 or a word for a child, and a sexual word). "We have
  // kids" in one sentence and "our sex life" in another is an ordinary marriage post.
  const minors = new Set(terms(CHILD_ABUSE, text));
  if (sexualTerms.length > 0) {
    for (const sentence of text.split(/(?<=[.!?\n])\s+/)) {
      const young = [...terms(UNDER_18, sentence), ...terms(MINOR_WORDS, sentence)];
      if (young.length === 0) continue;
      const sexual = [...terms(NSFW_EXPLICIT, sentence), ...terms(NSFW_SUGGESTIVE, sentence), ...terms(SEX_WORD, sentence)];
      if (sexual.length > 0) for (const term of [...young, ...sexual]) minors.add(term);
    }
  }
  return {
    sexual: sexualTerms,
    self_harm: terms(SELF_HARM, text),
    violence: terms(VIOLENCE, text),
    minors: [...minors].sort(),
  };
}
