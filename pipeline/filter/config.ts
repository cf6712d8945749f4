/**
 * Config of the filter stage, with every threshold and its default. A post wrongly dropped
 * here is lost for good while a post wrongly kept costs one LLM call, so the defaults lean
 * towards recall; the report records the scores each check used, for tuning.
 */
import { z } from 'zod';
import { CONTENT_FLAGS } from './contract.ts';

export const FilterConfigSchema = z.strictObject({
  // -- 1. present and personal ------------------------------------------------------------
  /** Bodies shorter than this many words (after cleaning) are rejected as too_short. Default 15. */
  min_words: z.number().int().nonnegative().default(15),
  /** Bodies longer than this many words are rejected as too_long. Default 8000. */
  max_words: z.number().int().positive().default(8000),
  /**
   * A body that holds a link and fewer than this many other words is link_only (a link post
   * with a caption). Default 8.
   */
  link_only_max_words: z.number().int().nonnegative().default(8),
  /** Authors whose posts are bot or moderator posts (case-insensitive). Default ["AutoModerator"]. */
  bot_authors: z.array(z.string()).default(['AutoModerator']),
  /**
   * Authors matching this regular expression (case-sensitive) are bots. Default matches names
   * ending in "Bot" or "_bot"/"-bot" (RemindMeBot, auto_bot), not "Abbott" or "robot".
   */
  bot_author_pattern: z.string().default('(?:Bot|[-_][Bb][Oo][Tt])$'),
  /** Drop posts Reddit marks over_18 (reason nsfw). Default true. */
  drop_over_18: z.boolean().default(true),

  // -- content flags: recorded on every kept post; only these are dropped --------------------
  /**
   * Content flags that drop a post (reason content:<flag>); the others are recorded on the
   * FilteredPost for classify and rewrite to weigh. Default ["minors"]: sexual content involving
   * someone under 18. Sexual wording in an adult relationship post is a flag, never a drop.
   */
  drop_content: z.array(z.enum(CONTENT_FLAGS)).default(['minors']),
  /** Sexual-wording score at which the sexual flag is raised (explicit terms weigh 2, suggestive 1). Default 3. */
  sexual_min_score: z.number().positive().default(3),

  // -- 2. language --------------------------------------------------------------------------
  /** franc reads at most this many characters (title + cleaned body); its cost grows with length. Default 1200. */
  language_max_chars: z.number().int().positive().default(1200),
  /**
   * Below this many words franc is unreliable, so the language is judged on English function
   * words alone. Default 12.
   */
  language_min_words: z.number().int().nonnegative().default(12),
  /**
   * Languages that franc confuses with English (Scots, pidgins and creoles written in English
   * words). When one of them wins, the post is English if English scored at least
   * near_english_min_score and the text has enough English function words.
   */
  near_english_codes: z.array(z.string()).default(['sco', 'pcm', 'jam', 'tpi', 'bis', 'crs', 'gul', 'hwc', 'srn', 'kri']),
  /** franc's normalized English score (winner = 1) needed to rescue a near-English winner. Default 0.75. */
  near_english_min_score: z.number().min(0).max(1).default(0.75),
  /** English score needed to rescue any other winner (a close call on a short text). Default 0.9. */
  english_margin_min_score: z.number().min(0).max(1).default(0.9),
  /**
   * Share of words that are English function words ("the", "and", "should"...) needed for a
   * rescue. Typical English posts score 0.3-0.5; French, German, Spanish below 0.05. Default 0.15.
   */
  english_function_word_share: z.number().min(0).max(1).default(0.15),
  /**
   * A text whose function-word share reaches this is English without asking franc (the costly
   * part of the stage); foreign text scores near 0. Set to 1 to always run franc. Default 0.3.
   */
  language_fast_path_share: z.number().min(0).max(1).default(0.2),
  /** The same share required of texts below language_min_words. Default 0.25. */
  short_text_function_word_share: z.number().min(0).max(1).default(0.25),

  // -- 3. the advice gate ------------------------------------------------------------------------
  /**
   * Probability below which the advice gate's model calls a post not_advice. Default null: the
   * threshold shipped with the model (advice-gate.weights.json), chosen by cross-validation on
   * hand-labelled real posts to keep at least 98.5% of decision posts. Lower keeps more.
   */
  advice_threshold: z.number().min(0).max(1).nullable().default(null),

  // -- 4. duplicates ------------------------------------------------------------------------
  /** Words per shingle for near-duplicate detection. Default 3. */
  shingle_words: z.number().int().min(1).max(8).default(3),
  /** MinHash signature length; must be a multiple of lsh_bands. Default 64. */
  minhash_permutations: z.number().int().positive().default(64),
  /** LSH bands over the signature (64/16: pairs near Jaccard 0.5 and up become candidates). Default 16. */
  lsh_bands: z.number().int().positive().default(16),
  /** Estimated Jaccard similarity of shingles at or above which a later post is a near duplicate. Default 0.5. */
  near_duplicate_min_similarity: z.number().min(0).max(1).default(0.5),
  /**
   * Most MinHash signature comparisons made for one post when resolving near duplicates. Posts
   * built from the same template (bot digests, copypasta, form letters) share LSH buckets by
   * the thousand, and comparing each new post with every earlier one goes quadratic. With the
   * cap a post reads its buckets smallest first (a band few posts share is the best evidence of
   * a real repost) and newest first within a bucket (reposts follow their original closely),
   * and never compares the same pair twice. A real repost shares several small buckets with its
   * original and is found long before the cap; what the cap can miss is an old original of a
   * post whose every band is shared with hundreds of newer posts. 0 means no cap. Default 256.
   */
  dedup_max_comparisons_per_post: z.number().int().nonnegative().default(256),

  // -- 5. cleaning and PII ------------------------------------------------------------------
  /** Drop trailing EDIT:/UPDATE: blocks (they often tell how the dilemma ended). Default true. */
  strip_edit_blocks: z.boolean().default(true),
  /** Mask personal names of private people where detectable (after kin words, before ages like "(29F)"). Default true. */
  mask_names: z.boolean().default(true),

  // -- running ------------------------------------------------------------------------------
  /**
   * Worker threads that judge posts (pass 1) beside the stage's own thread, in input order
   * whatever thread finishes first. Default null: one for an input of 4 MB or more on a machine
   * with two cores or more (two cores busy, one extra thread's memory), else none.
   */
  threads: z.number().int().min(0).max(16).nullable().default(null),

  // -- input --------------------------------------------------------------------------------
  /** Abort when more than this share of input lines is malformed (over the whole file, as collect does). Default 0.01. */
  max_malformed_share: z.number().min(0).max(1).default(0.01),
});
export type FilterConfig = z.infer<typeof FilterConfigSchema>;
