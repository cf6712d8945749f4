/**
 * Language check (check 2). franc alone drops about 2% of real English advice posts, mostly as
 * Scots (FACTS.md), so a second, independent piece of evidence is used: the share of words that
 * are English function words. A post is English when franc says so, or when franc's English
 * score is close to the winner's and the function words agree; below a length floor franc is
 * not asked at all. Everything else is rejected as `lang:<code>`.
 */
import { francAll } from 'franc';
import { words as wordsOf } from '../text.ts';
import type { FilterConfig } from './config.ts';

/**
 * Distinctly English function words (and their Scots forms). Words that are also common in other languages written in
 * Latin script ("a", "me", "no", "in", "is", "die", "was", "of", "so") are left out, so the
 * share stays near zero for French, Spanish, German and Dutch text.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "the and you that it i my to what should with this for but have be not do are they she he her his him just would " +
    "don't dont i'm im can't cant about because know want how if or your there from when been like really get " +
    "we our us them their which who will could did does doesn't didn't it's its than then too very also only some any " +
    "into over after before out up down off now never always something anything nothing someone anyone everyone " +
    "going think feel told said myself yourself why where while though even still much many other one two " +
    // Scots and Scots-English forms, so dialect posts that franc calls "sco" can be rescued.
    "ah ah'm ah've ah'll whit tae dae dinnae cannae didnae wouldnae isnae wasnae aboot oot ken aye wi yer ye yous efter masel oor"
  ).split(' '),
);

export interface LanguageEvidence {
  /** The decided language (ISO 639-3), or "und" when franc could not tell. */
  code: string;
  english: boolean;
  /**
   * How it was decided: franc, franc_near_english, franc_margin, or function_words (a short
   * text, or one so full of English function words that franc was not needed).
   */
  method: 'franc' | 'franc_near_english' | 'franc_margin' | 'function_words';
  /** 0.5 + (English score - best other score) / 2, clamped to [0, 1]: above 0.5 when English won. */
  confidence: number;
  /** franc's top three (code, normalized score; the winner scores 1); empty when franc was skipped. */
  top: [string, number][];
  english_score: number;
  function_word_share: number;
  words: number;
  chars_scanned: number;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function functionWordShare(words: readonly string[]): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) hits += 1;
  return hits / words.length;
}


/** Decide the language of `text` (the title plus the cleaned body, placeholders removed). */
export function detectLanguage(text: string, config: FilterConfig): LanguageEvidence {
  // A bounded slice keeps franc's cost flat on long posts; cut at a word boundary.
  let slice = text.length > config.language_max_chars ? text.slice(0, config.language_max_chars) : text;
  if (slice.length < text.length) slice = slice.slice(0, Math.max(slice.lastIndexOf(' '), 1));
  const words = wordsOf(slice);
  const share = functionWordShare(words);
  const base = { function_word_share: round3(share), words: words.length, chars_scanned: slice.length };

  if (words.length < config.language_min_words) {
    const english = share >= config.short_text_function_word_share;
    // Too short for franc to be trusted; still say what it guesses, for the report.
    const guesses = francAll(slice, { minLength: 1 }).slice(0, 3);
    const guess = english ? 'eng' : (guesses.find(([code]) => code !== 'eng')?.[0] ?? 'und');
    return {
      ...base,
      code: guess,
      english,
      method: 'function_words',
      confidence: round3(Math.min(1, english ? 0.5 + share : share)),
      top: guesses.map(([code, score]) => [code, round3(score)]),
      english_score: round3(guesses.find(([code]) => code === 'eng')?.[1] ?? 0),
    };
  }

  if (share >= config.language_fast_path_share) {
    return { ...base, code: 'eng', english: true, method: 'function_words', confidence: round3(Math.min(1, 0.5 + share)), top: [], english_score: 1 };
  }

  const scores = francAll(slice, { minLength: 1 });
  const top = scores.slice(0, 3).map(([code, score]): [string, number] => [code, round3(score)]);
  const winner = scores[0]?.[0] ?? 'und';
  const englishScore = scores.find(([code]) => code === 'eng')?.[1] ?? 0;
  const bestOther = scores.find(([code]) => code !== 'eng')?.[1] ?? 0;
  const confidence = round3(Math.min(1, Math.max(0, 0.5 + (englishScore - bestOther) / 2)));
  const evidence = { ...base, top, english_score: round3(englishScore), confidence };

  if (winner === 'eng') return { ...evidence, code: 'eng', english: true, method: 'franc' };
  const enoughFunctionWords = share >= config.english_function_word_share;
  if (config.near_english_codes.includes(winner) && englishScore >= config.near_english_min_score && enoughFunctionWords) {
    return { ...evidence, code: 'eng', english: true, method: 'franc_near_english' };
  }
  if (englishScore >= config.english_margin_min_score && enoughFunctionWords) {
    return { ...evidence, code: 'eng', english: true, method: 'franc_margin' };
  }
  return { ...evidence, code: winner, english: false, method: 'franc' };
}
