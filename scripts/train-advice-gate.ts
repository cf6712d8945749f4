/**
 * Trains the filter's advice gate (pipeline/filter/gate.ts) on the hand-labelled real posts in
 * bench/filter-real/labels.jsonl and writes pipeline/filter/advice-gate.weights.json.
 *
 *   npx tsx scripts/train-advice-gate.ts            # train, choose the threshold, write the weights
 *   npx tsx scripts/train-advice-gate.ts --check    # only print the cross-validated figures
 *
 * The text is what the gate sees in the filter (markdown stripped, edit blocks dropped). The
 * model is a logistic regression on hashed binary features, L2-regularised, trained by full-batch
 * AdaGrad; deterministic (no random numbers: folds come from a hash of the post id). The
 * threshold is chosen on out-of-fold probabilities (5 folds), so the figures it reports are
 * estimates for posts the model has not seen: the largest threshold that keeps at least
 * MIN_DECISION_RECALL of decision posts and MIN_ADVICE_RECALL of advice posts.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { VALUE_IDS } from '../pipeline/values.ts';
import { stripMarkdown } from '../pipeline/filter/clean.ts';
import { FEATURE_BITS, GATE_MODEL_FILE, denseWeights, gateFeatures, gateKeeps, probability, requestCues, type GateModel } from '../pipeline/filter/gate.ts';

const LABELS = fileURLToPath(new URL('../bench/filter-real/labels.jsonl', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpora/reddit-top-2013-dev.ndjson', import.meta.url));
const FOLDS = 5;
const EPOCHS = 400;
const LEARNING_RATE = 0.3;
export const L2 = 0.005;
const MIN_DECISION_RECALL = 0.985;
const MIN_ADVICE_RECALL = 0.95;

interface Label {
  id: string;
  english: boolean;
  usable: boolean;
  advice: boolean;
  decision: boolean;
  values: string[];
}

interface Example {
  id: string;
  features: Uint32Array;
  cues: string[];
  advice: boolean;
  decision: boolean;
  values: string[];
  fold: number;
}

function decode(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

export function loadExamples(): { examples: Example[]; labelsSha256: string } {
  const labelsText = readFileSync(LABELS, 'utf8');
  const labels = new Map(labelsText.trim().split('\n').map((line) => JSON.parse(line) as Label).map((label) => [label.id, label]));
  const examples: Example[] = [];
  for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const post = JSON.parse(line) as { id: string; title: string; selftext: string };
    const label = labels.get(post.id);
    // The gate sees only English posts with text of their own; the cheaper checks drop the rest.
    if (!label || !label.english || !label.usable) continue;
    const title = stripMarkdown(decode(post.title), { stripEditBlocks: false }).text;
    const body = stripMarkdown(decode(post.selftext), { stripEditBlocks: DEFAULT_CONFIG.filter.strip_edit_blocks }).text;
    const fold = createHash('sha256').update(`fold:${post.id}`).digest().readUInt32BE(0) % FOLDS;
    examples.push({ id: post.id, features: gateFeatures(title, body), cues: requestCues(title, body), advice: label.advice, decision: label.decision, values: label.values, fold });
  }
  return { examples, labelsSha256: createHash('sha256').update(labelsText).digest('hex') };
}

/** Logistic regression, full-batch AdaGrad with L2; returns sparse weights. */
export function train(examples: Example[]): Map<number, number> {
  const size = 1 << FEATURE_BITS;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size);
  const gradient = new Float64Array(size);
  // Only the buckets some example uses ever change.
  const used = [...new Set(examples.flatMap((example) => [...example.features]))].sort((a, b) => a - b);
  const n = examples.length;
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (const feature of used) gradient[feature] = 0;
    for (const example of examples) {
      let sum = 0;
      for (const feature of example.features) sum += weights[feature]!;
      const error = (1 / (1 + Math.exp(-sum)) - (example.advice ? 1 : 0)) / n;
      for (const feature of example.features) gradient[feature]! += error;
    }
    for (const feature of used) {
      const g = gradient[feature]! + L2 * weights[feature]!;
      squares[feature]! += g * g;
      weights[feature]! -= (LEARNING_RATE * g) / (Math.sqrt(squares[feature]!) + 1e-8);
    }
  }
  return new Map(used.map((feature) => [feature, weights[feature]!]));
}

function dense(weights: Map<number, number>): Float32Array {
  return denseWeights([...weights.keys()], [...weights.values()]);
}

interface Figures {
  threshold: number;
  decision_recall: number;
  advice_recall: number;
  non_advice_dropped: number;
  decision_posts: number;
  advice_posts: number;
  non_advice_posts: number;
}

function figuresAt(scored: { example: Example; p: number }[], threshold: number): Figures {
  const kept = (entry: { example: Example; p: number }) => gateKeeps(entry.example.cues, entry.p, threshold);
  const decision = scored.filter((entry) => entry.example.decision);
  const advice = scored.filter((entry) => entry.example.advice);
  const nonAdvice = scored.filter((entry) => !entry.example.advice);
  const share = (entries: typeof scored, keep: boolean) => entries.filter((entry) => kept(entry) === keep).length / Math.max(entries.length, 1);
  return {
    threshold,
    decision_recall: share(decision, true),
    advice_recall: share(advice, true),
    non_advice_dropped: share(nonAdvice, false),
    decision_posts: decision.length,
    advice_posts: advice.length,
    non_advice_posts: nonAdvice.length,
  };
}

/** Out-of-fold probabilities: each post scored by the model trained without its fold. */
export function crossValidate(examples: Example[]): { example: Example; p: number }[] {
  const scored: { example: Example; p: number }[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const weights = dense(train(examples.filter((example) => example.fold !== fold)));
    for (const example of examples.filter((candidate) => candidate.fold === fold)) scored.push({ example, p: probability(example.features, weights) });
  }
  return scored;
}

/** Per value: kept posts (out of fold) where the labellers found it at stake, per 1,000 kept posts. */
function valueYield(scored: { example: Example; p: number }[], threshold: number): Record<string, number> {
  const kept = scored.filter((entry) => gateKeeps(entry.example.cues, entry.p, threshold));
  return Object.fromEntries(VALUE_IDS.map((value) => [value, Math.round((1000 * kept.filter((entry) => entry.example.values.includes(value)).length) / Math.max(kept.length, 1))]));
}

/** The largest threshold meeting both recall floors on the out-of-fold probabilities. */
export function chooseThreshold(scored: { example: Example; p: number }[]): Figures {
  const candidates = [...new Set(scored.map((entry) => Math.floor(entry.p * 1000) / 1000))].sort((a, b) => b - a);
  for (const threshold of candidates) {
    const figures = figuresAt(scored, threshold);
    if (figures.decision_recall >= MIN_DECISION_RECALL && figures.advice_recall >= MIN_ADVICE_RECALL) return figures;
  }
  return figuresAt(scored, 0);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { examples, labelsSha256 } = loadExamples();
  const scored = crossValidate(examples);
  const chosen = chooseThreshold(scored);
  const cuesOnly = figuresAt(scored, 0);
  const yieldPer1000 = valueYield(scored, chosen.threshold);
  console.log(`examples ${examples.length} (advice ${examples.filter((example) => example.advice).length}, decision ${examples.filter((example) => example.decision).length})`);
  console.log(`request cues alone:        decision recall ${cuesOnly.decision_recall.toFixed(3)}, advice recall ${cuesOnly.advice_recall.toFixed(3)}, non-advice dropped ${cuesOnly.non_advice_dropped.toFixed(3)}`);
  console.log(`value yield per 1,000 kept posts (labelled values at stake): ${JSON.stringify(yieldPer1000)}`);
  console.log(`cues + model, t=${chosen.threshold.toFixed(3)} (out-of-fold): decision recall ${chosen.decision_recall.toFixed(3)}, advice recall ${chosen.advice_recall.toFixed(3)}, non-advice dropped ${chosen.non_advice_dropped.toFixed(3)}`);
  if (!process.argv.includes('--check')) {
    const weights = train(examples);
    const kept = [...weights.entries()].filter(([, weight]) => Math.abs(weight) >= 1e-3).sort(([a], [b]) => a - b);
    const identity = createHash('sha256').update(JSON.stringify({ kept, threshold: chosen.threshold })).digest('hex');
    const model: GateModel = {
      // Names these very weights: a filter run records it, so a retrained gate re-filters.
      version: `advice-gate-${identity.slice(0, 12)}`,
      feature_bits: FEATURE_BITS,
      indices: kept.map(([feature]) => feature),
      weights: kept.map(([, weight]) => round(weight)),
      threshold: chosen.threshold,
      training: {
        script: 'scripts/train-advice-gate.ts',
        labels: 'bench/filter-real/labels.jsonl',
        labels_sha256: labelsSha256,
        corpus: 'shared/corpora/reddit-top-2013-dev.ndjson (read from outside the repository)',
        examples: examples.length,
        target: 'advice (English posts with text of their own)',
        folds: FOLDS,
        epochs: EPOCHS,
        l2: L2,
        threshold_rule: `largest threshold with out-of-fold decision recall >= ${MIN_DECISION_RECALL} and advice recall >= ${MIN_ADVICE_RECALL}`,
        out_of_fold: Object.fromEntries(Object.entries(chosen).map(([key, value]) => [key, round(value)])),
        value_yield_per_1000: yieldPer1000,
      },
    };
    // One weight a line would make a 70,000-line file; the arrays stay on one line each.
    const { indices, weights: values, ...rest } = model;
    const text = JSON.stringify(rest, null, 1).replace(/\n}$/, `,\n "indices": ${JSON.stringify(indices)},\n "weights": ${JSON.stringify(values)}\n}`);
    writeFileSync(GATE_MODEL_FILE, text + '\n');
    console.log(`wrote ${fileURLToPath(GATE_MODEL_FILE)}: ${indices.length} weights`);
  }
}
