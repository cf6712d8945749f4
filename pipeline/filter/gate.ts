/**
 * The advice gate (check 3): a recall-first screen that drops only posts that clearly ask for
 * nothing, and leaves everything uncertain to generate's classify call, which decides "usable".
 *
 * Two parts, both cheap and both bounded in the text they read:
 *   1. request cues: does the post ask anything at all — a question mark, or words that ask
 *      ("what should I", "any advice", "help", "not sure whether")? A post with none is dropped.
 *   2. a logistic regression over hashed word unigrams and bigrams of the title and of the
 *      body's opening and closing (where requests sit), trained on hand-labelled real posts
 *      (scripts/train-advice-gate.ts, bench/filter-real/labels.jsonl). A post below its
 *      threshold — set by cross-validation for recall, not accuracy — is dropped, unless it
 *      asks outright for a choice ("should I", "what do I do", "AITA"): a safety net for posts
 *      unlike the ones the model learned from.
 *
 * The weights, the threshold and how they were measured live in advice-gate.weights.json.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { words } from '../text.ts';
import { fnv1a, mix } from './hashing.ts';

/** Phrases that ask something of the reader; a post with none of them and no '?' asks for nothing. */
export const REQUEST_CUES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'question_mark', pattern: /\?/ },
  { name: 'advice', pattern: /\badvi[cs]e/i },
  { name: 'help', pattern: /\bhelp/i },
  { name: 'suggest', pattern: /\bsuggest/i },
  { name: 'opinion', pattern: /\b(?:thoughts|opinions?|input|ideas?|insight|perspective)\b/i },
  { name: 'what_should_i', pattern: /\bwhat (?:should|do|can|would|could) (?:i|we)\b/i },
  { name: 'how_do_i', pattern: /\bhow (?:do|can|should|would|could) (?:i|we)\b/i },
  { name: 'should_i', pattern: /\b(?:should|do|can|am|would) (?:i|we)\b/i },
  { name: 'tips', pattern: /\b(?:tips?|recommend\w*)\b/i },
  { name: 'judgement', pattern: /\b(?:wibta|aita|am i (?:wrong|overreacting|crazy|being))\b/i },
  { name: 'uncertain', pattern: /\b(?:don'?t|do not|dont|not) (?:know|sure) (?:what|how|if|whether|where|why)\b|\b(?:unsure|confused|torn)\b|\bwhat to do\b|\bwhether\b|\bor not\b/i },
  { name: 'need', pattern: /\bneed (?:some )?(?:help|advice|guidance|input)\b/i },
  { name: 'anyone', pattern: /\b(?:anyone|anybody|reddit|guys)\b/i },
  { name: 'please', pattern: /\bplease\b/i },
  { name: 'is_it', pattern: /\b(?:is it|is this|would it be|is that) (?:ok|okay|normal|wrong|bad|weird|worth|fair|reasonable|a good idea)\b/i },
];

/** Cues that ask outright for a choice: a post with one is never dropped by the model. */
export const STRONG_REQUEST_CUES: ReadonlySet<string> = new Set(['should_i', 'what_should_i', 'judgement']);

/** How much of the body the gate reads: its opening and its close, where a request usually sits. */
export const GATE_BODY_HEAD_CHARS = 1500;
export const GATE_BODY_TAIL_CHARS = 600;

/** The request cues a post matches (title and bounded body). */
export function requestCues(title: string, body: string): string[] {
  const text = `${title}\n${boundedBody(body)}`;
  return REQUEST_CUES.filter((cue) => cue.pattern.test(text)).map((cue) => cue.name);
}

function boundedBody(body: string): string {
  if (body.length <= GATE_BODY_HEAD_CHARS + GATE_BODY_TAIL_CHARS) return body;
  return `${body.slice(0, GATE_BODY_HEAD_CHARS)}\n${body.slice(-GATE_BODY_TAIL_CHARS)}`;
}

/** Features are hashed into this many buckets. */
export const FEATURE_BITS = 18;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

/** Seeds that keep the feature families apart: the same word in the title and the body are two features. */
const FAMILY = { titleWord: 0x1b873593, titlePair: 0xcc9e2d51, bodyWord: 0xe6546b64, bodyPair: 0x85ebca6b, named: 0xc2b2ae35 } as const;

/**
 * The post's features, as sorted distinct bucket indexes (binary presence): unigrams and bigrams
 * of the title and of the bounded body, which request cues fire, where question marks sit, and
 * a coarse length. Words follow the project's one word rule (text.ts); each is hashed once.
 */
export function gateFeatures(title: string, body: string, cues: readonly string[] = requestCues(title, body)): Uint32Array {
  const bounded = boundedBody(body);
  const titleWords = words(title);
  const bodyWords = words(bounded);
  const features = new Uint32Array(2 * (titleWords.length + bodyWords.length) + cues.length + 4);
  let count = 0;
  const grams = (unigram: number, bigram: number, tokens: string[]) => {
    let previous = -1;
    for (const token of tokens) {
      const hash = fnv1a(token);
      features[count++] = mix(unigram ^ hash) & FEATURE_MASK;
      if (previous !== -1) features[count++] = mix(mix(bigram ^ previous) ^ hash) & FEATURE_MASK;
      previous = hash;
    }
  };
  const named = (name: string) => {
    features[count++] = mix(FAMILY.named ^ fnv1a(name)) & FEATURE_MASK;
  };
  grams(FAMILY.titleWord, FAMILY.titlePair, titleWords);
  grams(FAMILY.bodyWord, FAMILY.bodyPair, bodyWords);
  for (const cue of cues) named(`cue:${cue}`);
  if (title.includes('?')) named('q:title');
  if (bounded.slice(-400).includes('?')) named('q:end');
  named(`len:${Math.min(12, Math.floor(Math.log2(wordCountApprox(body) + 1)))}`);
  named('bias');
  // A typed array sorts numerically and natively; then keep each feature once.
  const sorted = features.subarray(0, count).sort();
  let distinct = 0;
  for (let index = 0; index < sorted.length; index += 1) if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[distinct++] = sorted[index]!;
  return sorted.slice(0, distinct);
}

function wordCountApprox(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const space = text.charCodeAt(index) <= 32;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

export const GateModelSchema = z.object({
  version: z.string(),
  feature_bits: z.literal(FEATURE_BITS),
  /** Sparse weights: the buckets that have one, ascending, and their weights (parallel arrays). */
  indices: z.array(z.number().int().nonnegative()),
  weights: z.array(z.number()),
  /** Posts with a probability below this are dropped (chosen by cross-validation, for recall). */
  threshold: z.number().min(0).max(1),
  /** How the model was trained and measured: labels, folds, out-of-fold figures. */
  training: z.record(z.string(), z.unknown()),
});
export type GateModel = z.infer<typeof GateModelSchema>;

export const GATE_MODEL_FILE = new URL('./advice-gate.weights.json', import.meta.url);

let cachedModel: { model: GateModel; weights: Float32Array } | null = null;

/** The shipped model, loaded once, weights unpacked into a dense array. */
export function loadGateModel(): { model: GateModel; weights: Float32Array } {
  if (cachedModel) return cachedModel;
  const model = GateModelSchema.parse(JSON.parse(readFileSync(GATE_MODEL_FILE, 'utf8')));
  if (model.indices.length !== model.weights.length) throw new Error(`${GATE_MODEL_FILE.pathname}: ${model.indices.length} indices for ${model.weights.length} weights`);
  cachedModel = { model, weights: denseWeights(model.indices, model.weights) };
  return cachedModel;
}

export function denseWeights(indices: readonly number[], sparse: readonly number[]): Float32Array {
  const weights = new Float32Array(1 << FEATURE_BITS);
  indices.forEach((index, position) => {
    weights[index] = sparse[position]!;
  });
  return weights;
}

export function probability(features: ArrayLike<number>, weights: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < features.length; index += 1) sum += weights[features[index]!]!;
  return 1 / (1 + Math.exp(-sum));
}

export interface GateEvidence {
  request_cues: string[];
  advice_probability: number;
  threshold: number;
  model: string;
}

/** The gate's verdict: keep, or not_advice with the evidence. */
export function judgeAdvice(title: string, body: string, threshold?: number): { keep: boolean; evidence: GateEvidence } {
  const { model, weights } = loadGateModel();
  const cues = requestCues(title, body);
  const p = probability(gateFeatures(title, body, cues), weights);
  const cut = threshold ?? model.threshold;
  const evidence = { request_cues: cues, advice_probability: Math.round(p * 1000) / 1000, threshold: cut, model: model.version };
  return { keep: gateKeeps(cues, p, cut), evidence };
}

/** The gate's rule: some request cue, and the model's probability at the threshold or a cue that asks for a choice. */
export function gateKeeps(cues: readonly string[], probability: number, threshold: number): boolean {
  return cues.length > 0 && (probability >= threshold || cues.some((cue) => STRONG_REQUEST_CUES.has(cue)));
}
