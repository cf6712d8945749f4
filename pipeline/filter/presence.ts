/**
 * "Present and personal" (check 1): removed or deleted in any form, bot and moderator posts,
 * NSFW (flag or words), empty and link-only bodies. Metadata checks first, text checks after;
 * each returns null (pass) or a reason with its evidence.
 */
import type { RawPost } from '../records.ts';
import { removalOf, removalReasonOf } from '../removal.ts';
import type { FilterConfig } from './config.ts';

export interface Rejection {
  /** Reason code, possibly with detail after a colon ("lang:fra", "near_duplicate_of:abc"). */
  reason: string;
  evidence: Record<string, unknown>;
}

/** Removed or deleted in any form, by the rules collect uses too (pipeline/removal.ts). */
export function checkRemoved(post: RawPost): Rejection | null {
  // Collect records why it kept a gone post (when told to keep them); trust that first.
  if (post.removed !== null) return { reason: removalReasonOf(post.removed), evidence: { removed: post.removed } };
  const removal = removalOf(post);
  return removal ? { reason: removal.reason, evidence: { marker: removal.evidence } } : null;
}

export function checkBotOrModerator(post: RawPost, config: FilterConfig, botPattern: RegExp): Rejection | null {
  const author = post.author;
  if (config.bot_authors.some((name) => name.toLowerCase() === author.toLowerCase())) {
    return { reason: 'bot_or_mod', evidence: { bot_author: author } };
  }
  if (botPattern.test(author)) return { reason: 'bot_or_mod', evidence: { bot_author: author, pattern: config.bot_author_pattern } };
  if (post.distinguished !== null) return { reason: 'bot_or_mod', evidence: { distinguished: post.distinguished } };
  if (post.stickied) return { reason: 'bot_or_mod', evidence: { stickied: true } };
  return null;
}

/**
 * Explicit terms weigh 2, suggestive ones 1. Words that relationship-advice posts use plainly
 * ("sexual", "intimacy", "cheating") are not on the lists: they would cost recall; "sex" adds
 * one point only when the post keeps coming back to it (SEX_TOPIC_MIN_MENTIONS).
 */
export const NSFW_EXPLICIT =
  /\b(?:porn\w*|nudes?|oral sex|(?:give|gives|giving|gave|get|getting|got) (?:him|her|me|them|you) oral(?! (?:surgery|exams?|health|care|hygiene|presentations?|medications?|antibiotics))|blow ?jobs?|handjobs?|orgasm\w*|cock|cocks|pussy|dick ?pics?|cum(?:ming|med|shot)?|onlyfans|nsfw|masturbat\w*|dildos?|vibrators?|anal|boobs|tits|threesomes?|erotic\w*|creampie|deepthroat\w*|hentai|sexting|jerk(?:ing|ed)? off|bdsm|fetish\w*)\b/gi;
export const NSFW_SUGGESTIVE =
  /\b(?:horny|kinky?|kinks|naked|hookups?|hooking up|sexy|lingerie|one night stand|fwb|friends with benefits|foreplay|aroused|turned on|in bed|sext|(?:have|having|had|has) sex with|(?:sleep|sleeping|slept|sleeps) with (?:another|other|someone else|a stranger|strangers)|(?:sexual )?fantas(?:y|ies|i[sz]e[ds]?|i[sz]ing)\b[^.!?\n]{0,60}\b(?:sex|threesome|watch(?:ing)? (?:me|us|her|him))|swingers?|swinging|hotwife|cuckold\w*)\b/gi;
/** "sex" said once is an ordinary relationship topic; said again and again, the post is about it. */
const SEX_WORD = /\bsex\b/gi;
const SEX_TOPIC_MIN_MENTIONS = 2;

export function nsfwScore(text: string): { score: number; terms: string[] } {
  const terms = new Set<string>();
  let score = 0;
  for (const match of text.matchAll(NSFW_EXPLICIT)) {
    const term = match[0].toLowerCase();
    if (!terms.has(term)) score += 2;
    terms.add(term);
  }
  for (const match of text.matchAll(NSFW_SUGGESTIVE)) {
    const term = match[0].toLowerCase();
    if (!terms.has(term)) score += 1;
    terms.add(term);
  }
  const sexMentions = text.match(SEX_WORD)?.length ?? 0;
  if (sexMentions >= SEX_TOPIC_MIN_MENTIONS) {
    score += 1;
    terms.add(`sex x${sexMentions}`);
  }
  return { score, terms: [...terms].sort() };
}

/** A post Reddit marks over_18 is dropped when filter.drop_over_18 says so; sexual wording alone is a flag (content.ts). */
export function checkOver18(post: RawPost, config: FilterConfig): Rejection | null {
  return post.over_18 && config.drop_over_18 ? { reason: 'nsfw', evidence: { over_18: true } } : null;
}

const LINK_IN_TEXT = /\bhttps?:\/\/\S+|\bwww\.\S+|!\[[^\]]*\]\([^)]*\)/gi;

/**
 * Empty and link-only bodies. `cleanedWords` is the body's word count after markdown cleaning
 * and with links taken out.
 */
export function checkBody(post: RawPost, config: FilterConfig): Rejection | null {
  const body = post.selftext.trim();
  const links = body.match(LINK_IN_TEXT)?.length ?? 0;
  if (body.length === 0) {
    if (!post.is_self || (post.url !== null && !isOwnPermalink(post))) {
      return { reason: 'link_only', evidence: { is_self: post.is_self, url_host: hostOf(post.url) } };
    }
    return { reason: 'empty', evidence: { body_chars: 0 } };
  }
  if (links > 0) {
    const wordsWithoutLinks = body.replace(LINK_IN_TEXT, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (wordsWithoutLinks <= config.link_only_max_words) {
      return { reason: 'link_only', evidence: { links, words_without_links: wordsWithoutLinks, threshold: config.link_only_max_words } };
    }
  }
  if (!/[\p{L}\p{N}]/u.test(body)) return { reason: 'empty', evidence: { body_chars: body.length, letters: 0 } };
  return null;
}

function isOwnPermalink(post: RawPost): boolean {
  return post.url !== null && post.permalink.length > 0 && post.url.includes(post.permalink.replace(/\/$/, ''));
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
