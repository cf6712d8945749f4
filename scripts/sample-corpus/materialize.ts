/**
 * Turns authored posts into full Pushshift-style submission records, deterministically:
 * every "random" field is derived from a hash of the post's own content, so adding or
 * reordering posts never changes the other posts' fields, and there is no clock.
 */
import { mulberry32 } from '../../pipeline/core/seeded-random.ts';
import type { AuthoredPost, SampleLabel, SamplePost, SubmissionRecord } from './lib.ts';

/** 2023-01-01T00:00:00Z .. 2024-12-31T23:59:59Z */
export const T0 = 1672531200;
export const T1 = 1735689599;

/** Base for ids: 36^6, so every id is 7 base-36 chars starting "10"/"1…", like 2023–24 posts. */
const ID_BASE = 36 ** 6 + 1_900_000;
const ID_STEP = 17;

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


function b36(n: number, width = 0): string {
  return Math.floor(n).toString(36).padStart(width, '0');
}

export function slugify(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) return 'post';
  if (base.length <= 50) return base;
  const cut = base.slice(0, 50);
  const at = cut.lastIndexOf('_');
  return at > 20 ? cut.slice(0, at) : cut;
}

const FLAIRS: Record<string, (string | null)[]> = {
  personalfinance: ['Planning', 'Retirement', 'Saving', 'Debt', 'Budgeting', 'Employment', 'Housing', 'Investing', 'Other'],
  careerguidance: ['Advice', null],
  Parenting: ['Toddler 1-3 Years', 'Child 4-9 Years', 'Tween 10-12 Years', 'Teen 13-18 Years', 'Infant 2-12 Months', 'Other'],
  solotravel: ['Question', 'Itinerary', 'Question', null],
  Christianity: ['Advice', 'Question', 'Advice', null],
  Judaism: ['Question', null],
  islam: ['Question & Help', 'General Discussion'],
  Entrepreneur: ['Question?', 'Recommendations?', 'Lessons Learned', null],
  ExperiencedDevs: [null],
  findapath: ['Findapath-Career Changes', 'Findapath-College/Certs', 'Findapath-Life Changes'],
  college: ['Academics', 'Social Life', 'Serious', null],
  legaladvice: [null],
  antiwork: [null, 'Advice 🙏'],
  decidingtobebetter: ['Advice', null],
  TwoXChromosomes: [null],
  travel: ['Question', 'Advice'],
  AITAH: [null],
  AmItheAsshole: [null, null, 'Not enough info'],
};

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length) % xs.length] as T;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

interface Built {
  a: AuthoredPost;
  rec: SubmissionRecord;
  detail: string | null;
}

export function materialize(authored: AuthoredPost[]): SamplePost[] {
  const keys = new Map<string, number>();
  // Explicit keys, and every keep post under its (unique) author name.
  authored.forEach((a, i) => {
    const key = a.key ?? (a.expect === 'keep' ? a.author : undefined);
    if (key) {
      if (keys.has(key)) throw new Error(`duplicate key ${key}`);
      keys.set(key, i);
    }
  });
  const built: (Built | undefined)[] = new Array(authored.length);
  const usedTimes = new Set<number>();

  const build = (i: number): Built => {
    const done = built[i];
    if (done) return done;
    const a = authored[i]!;
    const seed = fnv1a([a.sub, a.author, a.title, a.body, a.reason ?? '', a.dupOf ?? '', a.o?.created_utc ?? ''].join('\u0000'));
    const rng = mulberry32(seed);

    let parent: Built | undefined;
    if (a.dupOf) {
      const pi = keys.get(a.dupOf);
      if (pi === undefined) throw new Error(`unknown dupOf ${a.dupOf}`);
      parent = build(pi);
    }

    // created_utc
    let t: number;
    if (a.o?.created_utc !== undefined) t = a.o.created_utc;
    else if (parent) {
      const delta = a.after ?? Math.floor(3 * 3600 + rng() * 12 * 86400);
      t = parent.rec.created_utc + delta;
      if (t > T1) t = parent.rec.created_utc + 600 + Math.floor(rng() * 3 * 3600);
      if (t > T1) throw new Error(`no room after parent for ${a.title}`);
    } else t = T0 + Math.floor(rng() * (T1 - T0 - 40 * 86400));
    while (usedTimes.has(t)) t += 1;
    usedTimes.add(t);

    const id = b36(ID_BASE + (t - T0) * ID_STEP + (seed % ID_STEP));
    const kind = a.kind ?? 'self';
    const crosspost = a.tags.includes('crosspost');
    const permalink = `/r/${a.sub}/comments/${id}/${slugify(a.title)}/`;
    let url: string;
    let domain: string;
    if (crosspost && parent) {
      url = parent.rec.permalink;
      domain = `self.${parent.rec.subreddit}`;
    } else if (kind === 'self') {
      url = `https://www.reddit.com${permalink}`;
      domain = `self.${a.sub}`;
    } else {
      if (!a.url) throw new Error(`link post without url: ${a.title}`);
      url = a.url;
      domain = new URL(a.url).hostname.replace(/^www\./, '');
    }

    const heavy = rng() < 0.12;
    const score = a.expect === 'keep' || heavy ? Math.max(0, Math.floor(Math.pow(rng(), 3) * (heavy ? 9000 : 1800))) : Math.floor(rng() * 40);
    const ratio = Math.round((0.55 + rng() * 0.45) * 100) / 100;
    const comments = Math.floor(score * (0.15 + rng() * 0.6) + rng() * 12);
    const deletedAuthor = a.author === '[deleted]';
    const authorHash = fnv1a(a.author) * 36 ** 2 + (fnv1a(`~${a.author}`) % 36 ** 2);
    const edited = /(^|\n)\s*\**\s*(EDIT|Edit|edit|UPDATE|Update|ETA)\b[^\n]{0,12}:/.test(a.body)
      ? t + 1800 + Math.floor(rng() * 2 * 86400)
      : false;
    const flairs = FLAIRS[a.sub];
    const nsfw = a.o?.over_18 ?? false;

    const rec: SubmissionRecord = {
      id,
      name: `t3_${id}`,
      subreddit: a.sub,
      subreddit_id: `t5_${b36((fnv1a(a.sub.toLowerCase()) % (36 ** 5 - 36 ** 4)) + 36 ** 4)}`,
      subreddit_name_prefixed: `r/${a.sub}`,
      subreddit_type: 'public',
      title: a.title,
      selftext: a.body,
      author: a.author,
      author_fullname: deletedAuthor ? null : `t2_${b36(authorHash % 36 ** 8, 8).slice(-8)}`,
      created_utc: t,
      retrieved_on: t + 25 + Math.floor(rng() * 5400),
      score,
      ups: score,
      upvote_ratio: ratio,
      num_comments: comments,
      over_18: nsfw,
      is_self: kind === 'self' && !crosspost,
      is_video: false,
      is_original_content: false,
      permalink,
      url,
      domain,
      stickied: false,
      distinguished: null,
      removed_by_category: null,
      link_flair_text: flairs ? pick(rng, flairs) : null,
      locked: false,
      spoiler: false,
      edited,
      gilded: 0,
      total_awards_received: score > 1500 && rng() < 0.3 ? 1 + Math.floor(rng() * 3) : 0,
      thumbnail: nsfw ? 'nsfw' : kind === 'self' && !crosspost ? 'self' : 'default',
      num_crossposts: 0,
      ...(crosspost && parent ? { crosspost_parent: parent.rec.name } : {}),
      media: null,
      ...(kind === 'image' ? { post_hint: 'image' } : kind === 'link' ? { post_hint: 'link' } : {}),
    };
    if (a.o) {
      for (const [k, v] of Object.entries(a.o)) {
        if (k === 'created_utc') continue;
        (rec as unknown as Record<string, unknown>)[k] = v;
      }
      if (a.o.score !== undefined && a.o.ups === undefined) rec.ups = a.o.score;
    }
    if (crosspost && parent) parent.rec.num_crossposts += 1;

    const detail = a.reason === 'duplicate' || a.reason === 'near_duplicate' ? rootId(parent) : a.detail;
    const b: Built = { a, rec, detail };
    built[i] = b;
    return b;
  };

  const rootId = (p: Built | undefined): string => {
    if (!p) throw new Error('duplicate without parent');
    if (p.a.dupOf) return p.detail!;
    return p.rec.id;
  };

  for (let i = 0; i < authored.length; i++) build(i);

  return built.map((b) => {
    const { a, rec, detail } = b!;
    const label: SampleLabel = {
      id: rec.id,
      expect: a.expect,
      value: a.value,
      reason: a.reason,
      detail,
      tags: [...a.tags],
    };
    return { ...orderKeys(rec), label };
  });
}

/** Fixed key order for every record (optional keys only when present). */
export const RECORD_KEYS: (keyof SubmissionRecord)[] = [
  'id', 'name', 'subreddit', 'subreddit_id', 'subreddit_name_prefixed', 'subreddit_type',
  'title', 'selftext', 'author', 'author_fullname', 'created_utc', 'retrieved_on',
  'score', 'ups', 'upvote_ratio', 'num_comments', 'over_18', 'is_self', 'is_video',
  'is_original_content', 'permalink', 'url', 'domain', 'stickied', 'distinguished',
  'removed_by_category', 'link_flair_text', 'locked', 'spoiler', 'edited', 'gilded',
  'total_awards_received', 'thumbnail', 'num_crossposts', 'crosspost_parent', 'media', 'post_hint',
];

export function orderKeys(rec: SubmissionRecord): SubmissionRecord {
  const out: Record<string, unknown> = {};
  for (const k of RECORD_KEYS) if (rec[k] !== undefined) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!(k in out)) throw new Error(`unexpected record key ${k}`);
  return out as unknown as SubmissionRecord;
}

export { wordCount };
