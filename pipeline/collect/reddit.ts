/**
 * The live Reddit API through snoowrap (script-app OAuth, credentials from the environment).
 *
 * - One p-queue carries every request to Reddit (token included): at most
 *   `requests_per_minute`, one at a time.
 * - Waits are decided here, not in snoowrap: after a response whose `x-ratelimit-remaining` is
 *   spent, the next request waits `x-ratelimit-reset` seconds; a 429 waits `Retry-After` (or the
 *   reset); 5xx back off exponentially. snoowrap's own retries and waits are switched off so no
 *   wait is taken twice.
 * - Each fetched page is appended to a journal (DATA/raw/collect/reddit-journal.jsonl) before it
 *   is used, so a run interrupted half-way replays the pages it has and fetches only the rest.
 * - Endpoints are configurable (`api_base_url`, `auth_base_url`), which is how tests point
 *   snoowrap at a fake Reddit on loopback.
 */
import { rm } from 'node:fs/promises';
import PQueue from 'p-queue';
import Snoowrap from 'snoowrap';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { fingerprint } from '../core/fingerprint.ts';
import { JournalWriter, recoverJournal } from '../core/journal.ts';
import { defaultSubreddits, type CollectConfig } from './config.ts';
import { parseSubmission, type ParsedLine } from './normalize.ts';
import type { Selection } from './select.ts';

export const REDDIT_ENV_VARS = [
  'REDDIT_CLIENT_ID',
  'REDDIT_CLIENT_SECRET',
  'REDDIT_USERNAME',
  'REDDIT_PASSWORD',
  'REDDIT_USER_AGENT',
] as const;

/** Reddit's listing page size ceiling. */
const PAGE_SIZE = 100;
/** The fields a journal keeps of each listing child: what DumpSubmissionSchema reads. */
const KEPT_FIELDS = [
  'id', 'subreddit', 'title', 'selftext', 'author', 'created_utc', 'score', 'num_comments', 'over_18',
  'is_self', 'url', 'stickied', 'distinguished', 'crosspost_parent', 'permalink', 'removed_by_category',
] as const;

export interface RedditClientOptions {
  /** How to wait (default: a real timer). Tests inject one that records the waits. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** The clock for rate-limit windows (default Date.now). */
  now?: () => number;
  /** Called for each wait the client decides on, with its cause. */
  onWait?: (wait: { milliseconds: number; cause: 'ratelimit_headers' | 'status_429' | 'server_error' }) => void;
}

export interface RedditPage {
  /** The listing, e.g. "r/advice/new" or "r/advice/top?t=year". */
  query: string;
  children: (ParsedLine & { id: string | null })[];
}

interface JournalHeader {
  kind: 'header';
  fingerprint: string;
}
interface JournalPage {
  kind: 'page';
  query: string;
  /** The cursor this page was fetched with (null for the first page). */
  after: string | null;
  /** The cursor of the next page; null when the listing is finished. */
  next: string | null;
  /** True when this listing needs no more pages (end, cap, or past the date range). */
  done: boolean;
  children: Record<string, unknown>[];
}
type JournalEntry = JournalHeader | JournalPage;

const realSleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

export function redditCredentials(env: StageContext['env']): Record<(typeof REDDIT_ENV_VARS)[number], string> {
  const missing = REDDIT_ENV_VARS.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ValactError('credentials', `--source reddit needs a script app's OAuth credentials in the environment; missing: ${missing.join(', ')}`, {
      hint: `Set ${REDDIT_ENV_VARS.join(', ')} (see https://www.reddit.com/prefs/apps), or use --source dump with the monthly dumps, or --source sample.`,
    });
  }
  return Object.fromEntries(REDDIT_ENV_VARS.map((name) => [name, env[name]!])) as Record<(typeof REDDIT_ENV_VARS)[number], string>;
}

interface StatusError {
  statusCode?: number;
  response?: { headers?: Record<string, string | string[] | undefined> };
  message?: string;
}

function header(headers: Record<string, string | string[] | undefined> | undefined, name: string): number | null {
  const value = headers?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/** The request budget and the waits, shared by every request of a run. */
class RedditTraffic {
  private readonly queue: PQueue;
  private blockedUntil = 0;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly now: () => number;
  requests = 0;

  constructor(
    private readonly config: CollectConfig,
    private readonly options: RedditClientOptions,
  ) {
    this.queue = new PQueue({ concurrency: 1, intervalCap: Math.max(1, Math.floor(config.requests_per_minute)), interval: 60_000 });
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  /** Read the rate-limit headers of any response (or error response). */
  observe(headers: Record<string, string | string[] | undefined> | undefined): void {
    const remaining = header(headers, 'x-ratelimit-remaining');
    const reset = header(headers, 'x-ratelimit-reset');
    if (remaining !== null && reset !== null && remaining < 1) this.block(reset * 1000, 'ratelimit_headers');
  }

  private pendingCause: 'ratelimit_headers' | 'status_429' | 'server_error' = 'ratelimit_headers';

  private block(milliseconds: number, cause: RedditTraffic['pendingCause']): void {
    const until = this.now() + milliseconds;
    if (until >= this.blockedUntil) {
      this.blockedUntil = until;
      this.pendingCause = cause;
    }
  }

  /** One request through the queue, after any wait in force; 429 and 5xx are retried here. */
  async send<T>(describe: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.queue.add(async () => {
          const servedUntil = this.blockedUntil;
          const wait = servedUntil - this.now();
          if (wait > 0) {
            this.options.onWait?.({ milliseconds: wait, cause: this.pendingCause });
            await this.sleep(wait);
            // That wait is served; only a newer block (none while we slept, concurrency 1) remains.
            if (this.blockedUntil === servedUntil) this.blockedUntil = 0;
          }
          this.requests += 1;
          return request();
        });
      } catch (error) {
        const failure = error as StatusError;
        const status = failure.statusCode;
        this.observe(failure.response?.headers);
        const retryable = status === 429 || (status !== undefined && status >= 500);
        const tokenRequest = String((failure as { options?: { uri?: unknown } }).options?.uri ?? '').includes('access_token');
        if ((tokenRequest && (status === 400 || status === 401)) || /invalid grant/i.test(failure.message ?? '')) {
          throw new ValactError('credentials', `Reddit's token endpoint refused the credentials (${status ? `HTTP ${status}` : (failure.message ?? 'invalid grant')})`, {
            hint: 'Check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET (a 401) or REDDIT_USERNAME and REDDIT_PASSWORD (invalid grant) for your script app.',
            cause: error,
          });
        }
        if (!retryable || attempt >= this.config.max_attempts) {
          throw new ValactError('network', `Reddit ${describe} failed${status ? ` with HTTP ${status}` : ''}: ${failure.message ?? String(error)} (attempt ${attempt} of ${this.config.max_attempts})`, {
            hint: 'Re-run the same command: pages already fetched are kept in DATA/raw/collect/reddit-journal.jsonl and are not fetched again.',
            cause: error,
          });
        }
        if (status === 429) {
          const retryAfter = header(failure.response?.headers, 'retry-after') ?? header(failure.response?.headers, 'x-ratelimit-reset') ?? 2 ** attempt;
          this.block(retryAfter * 1000, 'status_429');
        } else {
          this.block(1000 * 2 ** (attempt - 1), 'server_error');
        }
      }
    }
  }
}

type Credentials = ReturnType<typeof redditCredentials>;

/** snoowrap, with its requests sent to the configured endpoints and its headers read by us. */
function createRequester(credentials: Credentials, config: CollectConfig): Snoowrap {
  const apiBase = config.api_base_url.replace(/\/+$/, '');
  const authBase = config.auth_base_url.replace(/\/+$/, '');
  class ConfiguredSnoowrap extends Snoowrap {
    override rawRequest(options: Parameters<Snoowrap['rawRequest']>[0]): Promise<unknown> {
      const rewritten = { ...options } as Record<string, unknown>;
      if (typeof rewritten.baseUrl === 'string') {
        rewritten.baseUrl = rewritten.baseUrl.startsWith('https://oauth.') ? apiBase : authBase;
      }
      return super.rawRequest(rewritten as Parameters<Snoowrap['rawRequest']>[0]);
    }
  }
  const requester = new ConfiguredSnoowrap({
    userAgent: credentials.REDDIT_USER_AGENT,
    clientId: credentials.REDDIT_CLIENT_ID,
    clientSecret: credentials.REDDIT_CLIENT_SECRET,
    username: credentials.REDDIT_USERNAME,
    password: credentials.REDDIT_PASSWORD,
  });
  // Retries, waits and rate-limit bookkeeping are RedditTraffic's; snoowrap must not add its own.
  requester.config({ maxRetryAttempts: 1, requestDelay: 0, continueAfterRatelimitError: false, warnings: false });
  return requester;
}

function queryLabel(subreddit: string, config: CollectConfig): string {
  return config.listing === 'top' ? `r/${subreddit}/top?t=${config.time_window}` : `r/${subreddit}/${config.listing}`;
}

function pick(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field of KEPT_FIELDS) if (field in data) kept[field] = data[field];
  return kept;
}

function toPage(entry: JournalPage): RedditPage {
  return {
    query: entry.query,
    children: entry.children.map((child) => {
      const parsed = parseSubmission(child);
      return { ...parsed, id: typeof child.id === 'string' ? child.id : null };
    }),
  };
}

/** The subreddits to list, in config order, without case-insensitive repeats. */
function subredditsToList(config: CollectConfig, selection: Selection): string[] {
  const names = config.subreddits ?? defaultSubreddits(config.value_subreddits);
  const seen = new Set<string>();
  return names
    .map((name) => name.replace(/^\/?r\//i, ''))
    .filter((name) => {
      const key = name.toLowerCase();
      if (seen.has(key) || !selection.subreddits.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Every page of every listing, journal replay first, then the live fetches that remain. Pages
 * are yielded after they are in the journal, so a kill never loses a fetched page.
 */
export async function* fetchRedditSubmissions(
  ctx: StageContext<{ collect: CollectConfig }>,
  selection: Selection,
  journalFile: string,
  options: RedditClientOptions,
): AsyncGenerator<RedditPage> {
  const config = ctx.config.collect;
  const credentials = redditCredentials(ctx.env);
  const subreddits = subredditsToList(config, selection);
  const journalFingerprint = fingerprint({
    subreddits,
    listing: config.listing,
    time_window: config.time_window,
    listing_cap: config.listing_cap,
  });

  if (ctx.force) await rm(journalFile, { force: true });
  let { records } = await recoverJournal<JournalEntry>(journalFile);
  const first = records[0]?.record;
  if (records.length > 0 && (first?.kind !== 'header' || first.fingerprint !== journalFingerprint)) {
    ctx.log.warn(`${journalFile} was written for other listings or subreddits; starting the live fetch afresh`);
    await rm(journalFile, { force: true });
    records = [];
  }
  const journal = await JournalWriter.open<JournalEntry>(journalFile);
  try {
    if (records.length === 0) await journal.append({ kind: 'header', fingerprint: journalFingerprint });

    const cursors = new Map<string, { next: string | null; fetched: number; done: boolean }>();
    let replayed = 0;
    for (const { record } of records) {
      if (record.kind !== 'page') continue;
      const previous = cursors.get(record.query) ?? { next: null, fetched: 0, done: false };
      cursors.set(record.query, { next: record.next, fetched: previous.fetched + record.children.length, done: record.done });
      replayed += 1;
      yield toPage(record);
    }
    if (replayed > 0) ctx.log.info(`collect: resumed from the journal: ${replayed} page(s) already fetched`);

    const traffic = new RedditTraffic(config, options);
    const requester = createRequester(credentials, config);
    for (const subreddit of subreddits) {
      const query = queryLabel(subreddit, config);
      const cursor = cursors.get(query) ?? { next: null, fetched: 0, done: false };
      while (!cursor.done) {
        const after = cursor.next;
        const body = await traffic.send(`listing ${query}${after ? ` after ${after}` : ''}`, () =>
          requester.oauthRequest({
            // Names are checked against Reddit's rules in the config; each segment is encoded anyway.
            uri: `r/${encodeURIComponent(subreddit)}/${encodeURIComponent(config.listing)}`,
            qs: {
              limit: PAGE_SIZE,
              raw_json: 1,
              ...(after ? { after } : {}),
              ...(config.listing === 'top' ? { t: config.time_window } : {}),
            },
            // Keep the raw JSON (snoowrap would wrap it in its own objects) and read the headers.
            // An error response is handed back whole, so the 429 handler sees Retry-After.
            transform: (rawBody: unknown, response: { statusCode: number; headers: Record<string, string> }) => {
              traffic.observe(response.headers);
              if (response.statusCode >= 300) return response;
              return { body: { raw_json_text: JSON.stringify(rawBody) }, request: { uri: { href: '' } } };
            },
          }),
        );
        const listing = JSON.parse((body as { raw_json_text: string }).raw_json_text) as {
          data?: { after?: string | null; children?: { kind?: string; data?: Record<string, unknown> }[] };
        };
        const children = (listing.data?.children ?? []).filter((child) => child.kind === 't3' && child.data).map((child) => pick(child.data!));
        const next = listing.data?.after ?? null;
        cursor.fetched += children.length;
        const oldest = Math.min(...children.map((child) => Number(child.created_utc)).filter(Number.isFinite));
        const pastRange = config.listing === 'new' && selection.afterUtc !== null && oldest < selection.afterUtc;
        cursor.done = next === null || children.length === 0 || cursor.fetched >= config.listing_cap || pastRange;
        cursor.next = next;
        const entry: JournalPage = { kind: 'page', query, after, next, done: cursor.done, children };
        await journal.append(entry);
        await journal.sync();
        yield toPage(entry);
      }
    }
  } finally {
    await journal.close();
  }
}
