/**
 * Cleaning and PII masking (check 5). Markdown is reduced to plain text (link text, quote text
 * and list items are kept as text; the markup goes), trailing EDIT/UPDATE blocks are dropped,
 * and personal data is replaced by typed placeholders. Pure functions: no I/O, no state.
 */

export const PII_TYPES = ['email', 'phone', 'url', 'user', 'subreddit', 'address', 'name'] as const;
export type PiiType = (typeof PII_TYPES)[number];
export type PiiCounts = Partial<Record<PiiType, number>>;

const MASK: Record<PiiType, string> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  url: '[URL]',
  user: '[USER]',
  subreddit: '[SUBREDDIT]',
  address: '[ADDRESS]',
  name: '[NAME]',
};


const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ', '&#x200b;': '' };

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|nbsp|#x200b);/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity);
}

/** A paragraph that opens an edit block: "EDIT:", "**Update 2:**", "ETA:", "Edit (x):". */
const EDIT_BLOCK_START = /^\s*[*_]{0,2}\s*(?:edit|update|upd|eta)\b[^:\n]{0,20}:/i;

export interface CleanedText {
  text: string;
  /** Paragraphs dropped as EDIT/UPDATE blocks. */
  editBlocksRemoved: number;
}

/**
 * Markdown to plain text. Edit blocks are dropped from the first one to the end, unless that
 * would leave nothing (an "Edit:" opening the post is kept).
 */
export function stripMarkdown(markdown: string, options: { stripEditBlocks: boolean }): CleanedText {
  let text = decodeEntities(markdown.replace(/\r\n?/g, '\n')).replace(/\u200b|\u200c|\u200d|\ufeff/g, '');
  text = text
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_match, label: string, url: string) =>
      // A link whose text is its own URL keeps the URL, so it is masked like any other.
      label.trim() === url.trim() ? url : label,
    )
    .replace(/>!([\s\S]*?)!</g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}(?:>\s?)+/gm, '')
    .replace(/^\s{0,3}(?:[-*_]\s*){3,}$/gm, '')
    .replace(/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/gm, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1')
    .replace(/(?<!\w)_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1')
    .replace(/~~([\s\S]*?)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\^\(([^)]*)\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|^])/g, '$1');

  let paragraphs = text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/[ \t]+$/gm, '').trim()).filter((p) => p.length > 0);
  let editBlocksRemoved = 0;
  if (options.stripEditBlocks) {
    const firstEdit = paragraphs.findIndex((paragraph, index) => index > 0 && EDIT_BLOCK_START.test(paragraph));
    if (firstEdit > 0) {
      editBlocksRemoved = paragraphs.length - firstEdit;
      paragraphs = paragraphs.slice(0, firstEdit);
    }
  }
  return { text: paragraphs.join('\n\n').replace(/[ \t]{2,}/g, ' '), editBlocksRemoved };
}

// -- PII ------------------------------------------------------------------------------------

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s<>()[\]"']+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|gov|edu|ly|me|app|dev|info|biz|us|uk|ca|de)\b(?:\/[^\s<>()[\]"']*)?/gi;
const USER_HANDLE = /(?<![\w/])\/?u\/[A-Za-z0-9_-]{2,40}|(?<![\w.@])@[A-Za-z0-9_]{3,30}\b/g;
const SUBREDDIT_HANDLE = /(?<![\w/])\/?r\/[A-Za-z0-9_]{2,21}\b/g;
// North-American and international numbers with separators, and UK-style 0XXXX XXXXXX.
const PHONE = /(?<![\w$£€])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)|(?<![\w$£€])0\d{4}\s?\d{6}(?!\d)|(?<![\w$£€])\d{10}(?!\d)/g;
const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Crescent|Close';
const ADDRESS = new RegExp(
  `\\b\\d{1,5}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+){1,3}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s+(?:Apt|Apartment|Unit|Suite|#)\\.?\\s*[\\w-]+)?`,
  'g',
);

/** Words before which a capitalized word is a private person's name ("my sister Dana"). */
const RELATION_WORDS =
  'husband|wife|boyfriend|girlfriend|bf|gf|partner|fiance|fiancé|fiancee|fiancée|sister|brother|mom|mum|mother|dad|father|son|daughter|friend|best friend|roommate|flatmate|boss|manager|coworker|co-worker|colleague|cousin|aunt|uncle|neighbor|neighbour|ex|grandma|grandpa|grandmother|grandfather|niece|nephew|stepdad|stepmom|stepson|stepdaughter|sil|bil|mil|fil|landlord|teacher|supervisor|classmate|kid|child|baby|toddler';
const NAME_AFTER_RELATION = new RegExp(
  `\\b((?:my|our|his|her|their|your)\\s+(?:(?:older|younger|little|big|new|old|late|former|oldest|youngest|step|twin)\\s+)?(?:${RELATION_WORDS}),?\\s+)([A-Z][a-z]{1,15})\\b`,
  'gi',
);
const NAME_BEFORE_AGE = /\b([A-Z][a-z]{1,15})\s*(?=[([]?\d{1,2}\s?[MFmf](?:\b|[)\]]))/g;
const NAME_INTRODUCED = /\b((?:named|called|name is|name's)\s+)([A-Z][a-z]{1,15})\b/g;

/** Capitalized words that follow a kin word or precede an age without being names. */
const NOT_NAMES = new Set(
  (
    'I Im The A An And But So Or If He She They We It This That Then There Here When What Who Why How My Our His Her Their Your ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Christmas Easter Thanksgiving Reddit Google Facebook Instagram Tiktok Twitter Uber Amazon Is Was Has Had Just Also Still Never Always Yes No Ok Okay Age Aged Now Today Edit Update Both Said Says Told ' +
    'Mom Dad Mum Grandma Grandpa Sir Mr Mrs Ms Dr God Jesus Allah Lord'
  ).split(' '),
);

export interface MaskedText {
  text: string;
  counts: PiiCounts;
}

function maskPattern(text: string, pattern: RegExp, type: PiiType, counts: PiiCounts): string {
  return text.replace(pattern, () => {
    counts[type] = (counts[type] ?? 0) + 1;
    return MASK[type];
  });
}

/** Names found in the text by context; every occurrence of each is then masked. */
export function detectNames(text: string): Set<string> {
  const names = new Set<string>();
  const consider = (candidate: string | undefined) => {
    if (!candidate) return;
    const name = candidate[0]!.toUpperCase() + candidate.slice(1);
    // Only a capitalized word in the text is a name ("my friend said" must not mask "said").
    if (candidate[0] !== candidate[0]!.toUpperCase()) return;
    if (!NOT_NAMES.has(name)) names.add(name);
  };
  for (const match of text.matchAll(NAME_AFTER_RELATION)) consider(match[2]);
  for (const match of text.matchAll(NAME_BEFORE_AGE)) consider(match[1]);
  for (const match of text.matchAll(NAME_INTRODUCED)) consider(match[2]);
  return names;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Mask PII with typed placeholders. `names`, when given, are the names detected over the title
 * and body together, so a name introduced in the body is masked in the title too.
 */
export function maskPii(text: string, options: { maskNames: boolean; names?: ReadonlySet<string> }): MaskedText {
  const counts: PiiCounts = {};
  let masked = maskPattern(text, EMAIL, 'email', counts);
  masked = maskPattern(masked, URL_PATTERN, 'url', counts);
  masked = maskPattern(masked, USER_HANDLE, 'user', counts);
  masked = maskPattern(masked, SUBREDDIT_HANDLE, 'subreddit', counts);
  masked = maskPattern(masked, PHONE, 'phone', counts);
  masked = maskPattern(masked, ADDRESS, 'address', counts);
  if (options.maskNames) {
    const names = options.names ?? detectNames(masked);
    if (names.size > 0) {
      const pattern = new RegExp(`\\b(?:${[...names].map(escapeRegExp).join('|')})\\b(?:'s)?`, 'g');
      masked = masked.replace(pattern, (match) => {
        counts.name = (counts.name ?? 0) + 1;
        return match.endsWith("'s") ? `${MASK.name}'s` : MASK.name;
      });
    }
  }
  return { text: masked, counts };
}

export function addCounts(into: PiiCounts, from: PiiCounts): PiiCounts {
  for (const type of PII_TYPES) {
    const count = from[type];
    if (count) into[type] = (into[type] ?? 0) + count;
  }
  return into;
}
