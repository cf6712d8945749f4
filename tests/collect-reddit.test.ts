import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { ConfigSchema } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { ValactError } from '../pipeline/core/errors.ts';
import type { RawPost } from '../pipeline/records.ts';
import { redditJournalPath, run } from '../pipeline/collect/run.ts';
import { DROPPED_FILE } from '../pipeline/core/stage.ts';
import { REDDIT_ENV_VARS } from '../pipeline/collect/reddit.ts';
import { captureIo } from './support/io.ts';
import { makeFakePosts, startFakeReddit, type FakeReddit, type FakePost } from './support/fake-reddit.ts';

const CREDENTIALS = { clientId: 'client-id', clientSecret: 'client-secret', username: 'researcher', password: 'hunter2' };
const ENV = {
  REDDIT_CLIENT_ID: CREDENTIALS.clientId,
  REDDIT_CLIENT_SECRET: CREDENTIALS.clientSecret,
  REDDIT_USERNAME: CREDENTIALS.username,
  REDDIT_PASSWORD: CREDENTIALS.password,
  REDDIT_USER_AGENT: 'valact-tests/0.1 by researcher',
};

let dir: string;
let dataCounter = 0;
const servers: FakeReddit[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'valact-collect-reddit-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fakeReddit(options: Omit<Parameters<typeof startFakeReddit>[0], 'credentials'>): Promise<FakeReddit> {
  const server = await startFakeReddit({ ...options, credentials: CREDENTIALS });
  servers.push(server);
  return server;
}

function redditContext(server: FakeReddit, collect: Record<string, unknown>, dataDir = join(dir, `data-${(dataCounter += 1)}`)) {
  return createContext({
    dataDir,
    quiet: true,
    env: ENV,
    config: ConfigSchema.parse({
      collect: { source: 'reddit', api_base_url: server.url, auth_base_url: server.url, subreddits: ['Advice', 'solotravel'], ...collect },
    }),
  });
}

async function readPosts(file: string): Promise<RawPost[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as RawPost);
}

/** The client's waits and the server's requests, in the order they happened, on a fake clock that only sleeping advances. */
function eventLog() {
  const events: string[] = [];
  let clock = 1_700_000_000_000;
  const waits: { milliseconds: number; cause: string }[] = [];
  return {
    events,
    waits,
    onRequest: (request: { path: string; query: Record<string, string>; status: number }) =>
      events.push(`${request.status} ${request.path}${request.query.after ? ` after=${request.query.after}` : ''}`),
    now: () => clock,
    sleep: async (milliseconds: number) => {
      clock += milliseconds;
      events.push(`sleep ${milliseconds}`);
    },
    onWait: (wait: { milliseconds: number; cause: string }) => waits.push(wait),
  };
}

describe('collect from the live API (snoowrap against a fake Reddit on loopback)', () => {
  const posts: Record<string, FakePost[]> = { advice: makeFakePosts('Advice', 250), solotravel: makeFakePosts('solotravel', 120) };

  it('pages through every listing, fetches no post twice, and honours a 429 and the rate-limit headers', async () => {
    const log = eventLog();
    const server = await fakeReddit({
      posts,
      tooManyRequestsAt: { request: 2, retryAfterSeconds: 7 },
      // The 4th listing response says the budget is spent: the next request must wait the reset.
      remaining: (request) => (request === 4 ? 0 : 50),
      resetSeconds: 11,
      onRequest: log.onRequest,
    });
    const ctx = redditContext(server, {});
    const stats = await run(ctx, { reddit: { sleep: log.sleep, now: log.now, onWait: log.onWait } });

    const written = await readPosts(ctx.paths.rawPosts);
    const expected = [...posts.advice!, ...posts.solotravel!].map((post) => post.id);
    expect(written.map((post) => post.id)).toEqual(expected);
    expect(new Set(written.map((post) => post.id)).size).toBe(expected.length);
    expect(written[0]).toMatchObject({ source: { kind: 'reddit_api', file: null, line: null, query: 'r/Advice/new' } });
    expect(stats.counts).toMatchObject({ in: 370, out: 370, rejected: 0, quarantined: 0 });

    // Every page was served once; only the 429'd request was sent again, after its wait.
    const served = server.listingRequests().filter((request) => request.status === 200);
    const pages = served.map((request) => `${request.path} ${request.query.after ?? '-'}`);
    expect(pages).toHaveLength(5); // Advice: 100+100+50, solotravel: 100+20
    expect(new Set(pages).size).toBe(pages.length);
    const retried = log.events.indexOf('429 /r/Advice/new after=t3_' + posts.advice![99]!.id);
    expect(retried).toBeGreaterThan(-1);
    expect(log.events[retried + 1]).toBe('sleep 7000');
    expect(log.events[retried + 2]).toBe(`200 /r/Advice/new after=t3_${posts.advice![99]!.id}`);
    expect(log.waits).toContainEqual({ milliseconds: 7000, cause: 'status_429' });
    // The 4th listing response said the budget was spent: the next request waited the reset first.
    const nextAfterSpent = log.events.indexOf('200 /r/solotravel/new');
    expect(log.events[nextAfterSpent - 1]).toBe('sleep 11000');
    expect(log.waits).toContainEqual({ milliseconds: 11000, cause: 'ratelimit_headers' });
    expect(log.events.filter((event) => event.startsWith('sleep'))).toHaveLength(2);
    expect(server.requests.filter((request) => request.path === '/api/v1/access_token')).toHaveLength(1);
    expect(existsSync(redditJournalPath(ctx))).toBe(false);
  });

  it('passes the listing and time window to Reddit and stops at the listing cap', async () => {
    const server = await fakeReddit({ posts });
    const ctx = redditContext(server, { listing: 'top', time_window: 'year', listing_cap: 200, subreddits: ['Advice'] });
    await run(ctx, { reddit: { sleep: async () => undefined } });
    const requests = server.listingRequests();
    expect(requests.map((request) => [request.path, request.query.t, request.query.limit])).toEqual([
      ['/r/Advice/top', 'year', '100'],
      ['/r/Advice/top', 'year', '100'],
    ]);
    expect(await readPosts(ctx.paths.rawPosts)).toHaveLength(200);
  });

  it('stops paging a "new" listing once it is past --after, and skips the older posts with a reason', async () => {
    const server = await fakeReddit({ posts });
    // Advice posts are one minute apart from 1_700_000_000 down; keep the newest 150 minutes.
    const after = new Date((1_700_000_000 - 150 * 60) * 1000).toISOString().slice(0, 10);
    const ctx = redditContext(server, { subreddits: ['Advice'], after });
    const stats = await run(ctx, { reddit: { sleep: async () => undefined } });
    const cutoff = Date.parse(`${after}T00:00:00Z`) / 1000;
    const inRange = posts.advice!.filter((post) => post.created_utc >= cutoff).length;
    expect(stats.counts.out).toBe(inRange);
    expect(stats.counts.per_reason.out_of_date_range ?? 0).toBe(stats.counts.in - inRange);
    const skipped = (await readFile(join(ctx.paths.raw, DROPPED_FILE), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { reason: string; evidence: { query: string } });
    expect(skipped.every((entry) => entry.reason === 'out_of_date_range' && entry.evidence.query === 'r/Advice/new')).toBe(true);
  });

  it('resumes an interrupted run from its journal without fetching a page twice', async () => {
    const dataDir = join(dir, 'resume');
    const failing = await fakeReddit({ posts, failAfterListingRequests: 2 });
    const firstRun = redditContext(failing, { max_attempts: 1 }, dataDir);
    const error = await run(firstRun, { reddit: { sleep: async () => undefined } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValactError);
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/HTTP 500/) });
    expect(existsSync(firstRun.paths.rawPosts)).toBe(false);
    expect(existsSync(redditJournalPath(firstRun))).toBe(true);

    // A restarted server (another port) serves the rest: the journal is about listings, not endpoints.
    const healthy = await fakeReddit({ posts });
    const resumed = redditContext(healthy, {}, dataDir);
    await expect(run(resumed, { reddit: { sleep: async () => undefined } })).resolves.toMatchObject({ written: 370 });

    const firstPages = failing.listingRequests().filter((request) => request.status === 200).map((request) => request.query.after ?? '-');
    const secondPages = healthy.listingRequests().map((request) => `${request.path} ${request.query.after ?? '-'}`);
    expect(firstPages).toEqual(['-', `t3_${posts.advice![99]!.id}`]);
    expect(secondPages).toEqual([
      `/r/Advice/new t3_${posts.advice![199]!.id}`,
      '/r/solotravel/new -',
      `/r/solotravel/new t3_${posts.solotravel![99]!.id}`,
    ]);
    const written = await readPosts(resumed.paths.rawPosts);
    expect(new Set(written.map((post) => post.id)).size).toBe(370);
  });

  it('names every missing credential in one clear message', async () => {
    const io = captureIo({ REDDIT_CLIENT_ID: 'x' });
    const code = await main(['collect', '--source', 'reddit', '--data', join(dir, 'no-credentials')], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/error \[credentials\]/);
    for (const name of REDDIT_ENV_VARS.filter((variable) => variable !== 'REDDIT_CLIENT_ID')) expect(io.err()).toContain(name);
    expect(io.err()).not.toMatch(/missing: .*REDDIT_CLIENT_ID/);
  });

  it.each([
    ['a wrong client secret (HTTP 401)', { REDDIT_CLIENT_SECRET: 'wrong' }, /HTTP 401/],
    ['a wrong password (invalid_grant)', { REDDIT_PASSWORD: 'wrong' }, /invalid grant/i],
  ])('reports %s as a credentials error, before any listing is fetched', async (_label, override, pattern) => {
    const server = await fakeReddit({ posts });
    const ctx = createContext({
      dataDir: join(dir, `bad-credentials-${(dataCounter += 1)}`),
      quiet: true,
      env: { ...ENV, ...override },
      config: ConfigSchema.parse({ collect: { source: 'reddit', api_base_url: server.url, auth_base_url: server.url, subreddits: ['Advice'] } }),
    });
    await expect(run(ctx, { reddit: { sleep: async () => undefined } })).rejects.toMatchObject({ code: 'credentials', message: expect.stringMatching(pattern) });
    expect(server.listingRequests()).toHaveLength(0);
  });
});
