/**
 * The filter's verdict on one post, before duplicates: checks 1-3 (presence, length, language,
 * advice and decision) in cost order, then cleaning and PII masking of a post that passed.
 * Pure apart from the timer: the same post and config always give the same verdict.
 */
import type { FilteredPost, RawPost } from '../records.ts';
import { contentFlags } from './content.ts';
import { judgeAdvice } from './gate.ts';
import { wordCount as countWords } from '../text.ts';
import { addCounts, detectNames, maskPii, stripMarkdown, type PiiCounts } from './clean.ts';
import type { FilterConfig } from './config.ts';
import type { FilterCheck } from './contract.ts';
import { normalizedWords } from './dedup.ts';
import { detectLanguage, type LanguageEvidence } from './language.ts';
import { checkBody, checkBotOrModerator, checkOver18, checkRemoved, type Rejection } from './presence.ts';

/** What a single post is judged on before duplicates: a rejection, or the cleaned post. */
export type PostVerdict =
  /**
   * `words` (the normalized body) is set on advice rejections: a repost of a kept post is
   * reported as a duplicate of it even when its edits lost the cues the advice check needs.
   */
  | { kind: 'rejected'; check: FilterCheck; rejection: Rejection; words?: string[] }
  | { kind: 'passed'; post: FilteredPost; words: string[] }
  /** A cross-post with no body of its own: a near duplicate if its parent is kept, else link-only. */
  | { kind: 'crosspost_without_body'; parent: string; fallback: Rejection };

export interface CheckTimer {
  time<T>(check: string, work: () => T): T;
}

const untimed: CheckTimer = { time: (_check, work) => work() };

const URL_IN_TEXT = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

/**
 * Judge one raw post against checks 1-3 and clean it. Pure apart from the timer: the same post
 * and config always give the same verdict.
 */
export function judgePost(post: RawPost, config: FilterConfig, filterVersion: string, timer: CheckTimer = untimed, botPattern = new RegExp(config.bot_author_pattern)): PostVerdict {
  const presence = timer.time('presence', () => {
    // Bot, removed, deleted, then cross-post, then NSFW: one reason per post, in the order the
    // sample corpus's labels document (data/raw/sample/README.md).
    const rejection = checkBotOrModerator(post, config, botPattern) ?? checkRemoved(post);
    if (rejection) return rejection;
    const body = checkBody(post, config);
    if (body && post.crosspost_parent !== null && post.selftext.trim().length === 0) {
      return { reason: 'crosspost', evidence: body.evidence };
    }
    return checkOver18(post, config) ?? body;
  });
  if (presence?.reason === 'crosspost') {
    return {
      kind: 'crosspost_without_body',
      parent: post.crosspost_parent!.replace(/^t3_/, ''),
      fallback: { reason: 'link_only', evidence: { ...presence.evidence, crosspost_parent: post.crosspost_parent } },
    };
  }
  if (presence) return { kind: 'rejected', check: 'presence', rejection: presence };

  const cleaned = timer.time('clean', () => ({
    title: stripMarkdown(post.title, { stripEditBlocks: false }).text.replace(/\s+/g, ' ').trim(),
    body: stripMarkdown(post.selftext, { stripEditBlocks: config.strip_edit_blocks }),
  }));
  const wordCount = countWords(cleaned.body.text);
  const length = timer.time('length', (): Rejection | null => {
    if (cleaned.body.text.length === 0) return { reason: 'empty', evidence: { words: 0, after: 'markdown cleaning' } };
    if (wordCount < config.min_words) return { reason: 'too_short', evidence: { words: wordCount, min_words: config.min_words } };
    if (wordCount > config.max_words) return { reason: 'too_long', evidence: { words: wordCount, max_words: config.max_words } };
    return null;
  });
  if (length) return { kind: 'rejected', check: 'length', rejection: length };

  const language: LanguageEvidence = timer.time('language', () =>
    detectLanguage(`${cleaned.title}\n${cleaned.body.text.replace(URL_IN_TEXT, ' ')}`, config),
  );
  if (!language.english) {
    return { kind: 'rejected', check: 'language', rejection: { reason: `lang:${language.code}`, evidence: { ...language } } };
  }

  const advice = timer.time('advice', () => judgeAdvice(cleaned.title, cleaned.body.text, config.advice_threshold ?? undefined));
  if (!advice.keep) {
    return { kind: 'rejected', check: 'advice', rejection: { reason: 'not_advice', evidence: { ...advice.evidence } }, words: normalizedWords(cleaned.body.text) };
  }

  const flags = timer.time('content', () => contentFlags(cleaned.title, cleaned.body.text, config.sexual_min_score));
  const dropped = config.drop_content.find((flag) => flags[flag].length > 0);
  if (dropped) {
    return { kind: 'rejected', check: 'content', rejection: { reason: `content:${dropped}`, evidence: { terms: flags[dropped], drop_content: config.drop_content } } };
  }

  return timer.time('pii', () => {
    const names = config.mask_names ? detectNames(`${cleaned.title}\n${cleaned.body.text}`) : new Set<string>();
    const title = maskPii(cleaned.title, { maskNames: config.mask_names, names });
    const body = maskPii(cleaned.body.text, { maskNames: config.mask_names, names });
    const piiMasked: PiiCounts = addCounts(addCounts({}, title.counts), body.counts);
    // Belt and braces: the author's own name never reaches a filtered post, in any form.
    const maskAuthor = (text: string) => maskAuthorName(text, post.author, piiMasked);
    const filtered: FilteredPost = {
      id: post.id,
      subreddit: post.subreddit,
      created_utc: post.created_utc,
      permalink: post.permalink,
      title: maskAuthor(title.text),
      text: maskAuthor(body.text),
      language: { code: 'eng', confidence: language.confidence, method: language.method },
      quality: { word_count: wordCount, advice_probability: advice.evidence.advice_probability, request_cues: advice.evidence.request_cues },
      pii_masked: piiMasked as Record<string, number>,
      content_flags: flags,
      filter_version: filterVersion,
    };
    return { kind: 'passed', post: filtered, words: normalizedWords(body.text) };
  });
}

const UNNAMED_AUTHORS = new Set(['[deleted]', '[removed]', '']);

function maskAuthorName(text: string, author: string, counts: PiiCounts): string {
  if (UNNAMED_AUTHORS.has(author) || author.length < 3) return text;
  // Most posts never name their author: a plain search first spares compiling a pattern per post.
  if (!text.toLowerCase().includes(author.toLowerCase())) return text;
  const pattern = new RegExp(`(?<![\\w-])${author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi');
  return text.replace(pattern, () => {
    counts.user = (counts.user ?? 0) + 1;
    return '[USER]';
  });
}

