/**
 * Filter benchmark: posts per second for the whole stage on a large synthetic RawPost file
 * (default 100,000 posts, realistic lengths, a multilingual and reject-heavy mix), and where
 * the time goes per check. The input is generated once into .bench-cache/ from a fixed seed.
 *
 *   npm run bench:filter            # 100k posts
 *   npm run bench:filter -- 20000   # a smaller run
 */
import { mulberry32 } from '../pipeline/core/seeded-random.ts';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import type { RawPost } from '../pipeline/records.ts';
import { run } from '../pipeline/filter/run.ts';

const count = Number(process.argv[2] ?? 100_000);
const cacheDir = join(process.cwd(), '.bench-cache', 'filter');
const inputFile = join(cacheDir, `raw-posts-${count}.jsonl`);


const ENGLISH_SENTENCES = [
  "I'm 31 and I've been at the same company for six years.",
  'My partner thinks I should stay because the benefits are good, but I feel stuck.',
  'Last week my manager offered me a transfer to the new office in another city.',
  'We just signed a lease and my sister Dana (29F) lives close by, which matters to me.',
  "Honestly I don't know what the right thing is here and I keep going back and forth.",
  'My parents expect me to take over the family business when my dad retires next year.',
  'The money would help a lot with our savings but it means moving away from my friends.',
  'I talked to a therapist about it and she said to write down what I actually want.',
  'You can reach me at help.me.decide@example.com if you want more details, or u/some_user.',
  'It is the kind of decision that will shape the next ten years of my life.',
];
const QUESTIONS = ['Should I take it or stay where I am?', 'What would you do in my position?', 'WIBTA if I said no?', 'Do I tell her or keep quiet?'];
const FOREIGN = {
  fra: "J'ai 29 ans et j'ai reçu une offre d'emploi dans une autre ville. Mon copain a un travail stable ici. Est-ce que je devrais accepter ou rester? Je ne sais vraiment pas quoi faire.",
  deu: 'Ich bin 29 und habe ein Jobangebot in einer anderen Stadt bekommen. Mein Partner hat hier einen sicheren Job. Soll ich annehmen oder bleiben? Ich weiß wirklich nicht, was ich tun soll.',
  spa: 'Tengo 29 años y recibí una oferta de trabajo en otra ciudad. Mi pareja tiene un trabajo estable aquí. ¿Debería aceptar o quedarme? De verdad no sé qué hacer con mi vida.',
  por: 'Tenho 29 anos e recebi uma oferta de emprego em outra cidade. Meu parceiro tem um trabalho estável aqui. Devo aceitar ou ficar? Eu realmente não sei o que fazer.',
};

const SUBJECTS = ['My partner', 'My boss', 'My mom', 'My best friend', 'My roommate', 'My brother', 'Our landlord', 'My coworker', 'My dad', 'My fiancé'];
const VERBS = ['wants me to', 'keeps asking me to', 'thinks I should', 'offered to help me', 'expects me to', 'told me not to', 'suggested I', 'refuses to let me'];
const OBJECTS = ['move across the country', 'quit my stable job', 'lend them money', 'skip the wedding', 'sell the car', 'go back to school', 'take the promotion', 'cancel the trip', 'adopt a dog', 'tell the truth'];
const TAILS = ['before the end of the month.', 'even though it scares me.', 'and I have no idea why.', 'which would cost us about $4,000.', 'because of what happened last year.', 'and my family is split on it.'];

/** A varied sentence, so that unrelated synthetic posts are not near duplicates of each other. */
function variedSentence(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return random() < 0.1 ? pick(ENGLISH_SENTENCES) : `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`;
}

function syntheticPost(index: number, random: () => number): RawPost {
  const id = (36 ** 6 + index * 7).toString(36);
  const roll = random();
  const sentences = 4 + Math.floor(random() ** 2 * 60); // 4..64 sentences: ~60 to ~1,000 words
  let selftext = Array.from({ length: sentences }, () => variedSentence(random)).join(' ');
  selftext += ' ' + QUESTIONS[Math.floor(random() * QUESTIONS.length)]!;
  let title = 'Take the transfer or stay put?';
  const post: RawPost = {
    id,
    subreddit: ['Advice', 'relationship_advice', 'careerguidance', 'AmItheAsshole'][index % 4]!,
    title,
    selftext,
    author: `user_${index}`,
    created_utc: 1_700_000_000 + index * 60,
    score: 1,
    num_comments: 0,
    over_18: false,
    is_self: true,
    url: null,
    stickied: false,
    distinguished: null,
    crosspost_parent: null,
    permalink: `/r/Advice/comments/${id}/x/`,
    removed: null,
    source: { kind: 'dump', file: 'bench.jsonl', line: index + 1, query: null },
  };
  // The mix: ~10% removed/deleted, ~8% non-English, ~5% too short, ~10% vents, ~5% reposts.
  if (roll < 0.07) post.selftext = '[removed]';
  else if (roll < 0.1) post.selftext = '[deleted]';
  else if (roll < 0.18) {
    const codes = Object.keys(FOREIGN) as (keyof typeof FOREIGN)[];
    const code = codes[Math.floor(random() * codes.length)]!;
    title = 'Pregunta';
    post.title = title;
    post.selftext = `${FOREIGN[code]} ${FOREIGN[code]}`;
  } else if (roll < 0.23) post.selftext = 'Should I quit? Help.';
  else if (roll < 0.33) {
    post.title = 'I finally did it';
    post.selftext = selftext.replace(/[^.]*\?/g, '').replace(/\bshould\b/gi, 'will');
  } else if (roll < 0.38 && index > 10) {
    // A repost of a post from a little earlier, with a light edit.
    post.selftext = `${syntheticText(index - 7)} Thanks in advance.`;
  }
  return post;
}

const textCache = new Map<number, string>();
function syntheticText(index: number): string {
  return textCache.get(index) ?? ENGLISH_SENTENCES.join(' ');
}

async function generate(): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const random = mulberry32(4);
  const stream = createWriteStream(inputFile);
  for (let index = 0; index < count; index += 1) {
    const post = syntheticPost(index, random);
    textCache.set(index, post.selftext);
    if (textCache.size > 16) textCache.delete(index - 16);
    if (!stream.write(JSON.stringify(post) + '\n')) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

if (!existsSync(inputFile)) {
  console.log(`generating ${count.toLocaleString('en-US')} synthetic posts into ${inputFile} ...`);
  await generate();
}

const dataDir = join(cacheDir, 'data');
await rm(dataDir, { recursive: true, force: true });
const ctx = createContext({ dataDir, config: DEFAULT_CONFIG, quiet: true, force: true });
const started = performance.now();
const stats = await run(ctx, { input: inputFile });
const seconds = (performance.now() - started) / 1000;
const report = JSON.parse(await readFile(stats.reportPath, 'utf8')) as { details: { dedup?: Record<string, number> } };

console.log(`filter: ${stats.in.toLocaleString('en-US')} posts in ${seconds.toFixed(2)} s = ${Math.round(stats.in / seconds).toLocaleString('en-US')} posts/s`);
console.log(`  kept ${stats.out.toLocaleString('en-US')}, rejected ${stats.rejected.toLocaleString('en-US')}: ${JSON.stringify(stats.per_reason)}`);
const measured = Object.values(stats.timing_ms).reduce((sum, ms) => sum + ms, 0);
console.log('  where the time goes (ms; the rest is reading, zod validation and writing):');
for (const [check, ms] of Object.entries(stats.timing_ms).sort(([, a], [, b]) => b - a)) {
  console.log(`    ${check.padEnd(16)} ${String(ms).padStart(7)} ms  ${((ms / (seconds * 1000)) * 100).toFixed(1).padStart(5)}%`);
}
console.log(`    ${'other'.padEnd(16)} ${String(Math.round(seconds * 1000 - measured)).padStart(7)} ms`);
const perPostUs = (ms: number) => ((ms * 1000) / Math.max(1, stats.in)).toFixed(1);
console.log(`  per post (µs, over all ${stats.in.toLocaleString('en-US')} posts): ${Object.entries(stats.timing_ms).sort(([, a], [, b]) => b - a).map(([check, ms]) => `${check} ${perPostUs(ms)}`).join(', ')}`);
if (report.details.dedup) console.log(`  dedup: ${JSON.stringify(report.details.dedup)}`);
await rm(dataDir, { recursive: true, force: true });
