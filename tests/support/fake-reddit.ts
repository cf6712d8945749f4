/**
 * A fake Reddit on loopback that speaks the parts of the real protocol collect uses: the OAuth
 * password-grant token endpoint (HTTP Basic client credentials), subreddit listings
 * (`/r/<sub>/<new|top|hot>?limit&after&t`) with `after` cursors, `x-ratelimit-*` headers, and
 * injected faults (a 429 with Retry-After, 500s). Every request is logged for assertions.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePost {
  id: string;
  subreddit: string;
  title: string;
  selftext: string;
  author: string;
  created_utc: number;
  score: number;
  num_comments: number;
  over_18: boolean;
  is_self: boolean;
  url: string;
  permalink: string;
  stickied: boolean;
  distinguished: string | null;
  removed_by_category: string | null;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface FakeRedditOptions {
  /** Posts per subreddit (lower-cased name), newest first, as the `new` listing returns them. */
  posts: Record<string, FakePost[]>;
  credentials: { clientId: string; clientSecret: string; username: string; password: string };
  /** Answer the Nth listing request (1-based) with a 429 and this Retry-After (seconds). */
  tooManyRequestsAt?: { request: number; retryAfterSeconds: number };
  /** x-ratelimit-remaining per listing response (1-based request number); default 99. */
  remaining?: (request: number) => number;
  /** x-ratelimit-reset (seconds) on every listing response; default 60. */
  resetSeconds?: number;
  /** Answer every listing request after the first N with HTTP 500. */
  failAfterListingRequests?: number;
  /** Called as each request arrives (tests merge it into an event log with the client's waits). */
  onRequest?: (request: FakeRequest) => void;
}

export interface FakeReddit {
  url: string;
  requests: FakeRequest[];
  listingRequests(): FakeRequest[];
  close(): Promise<void>;
}

const TOKEN = 'fake-access-token';

/** Deterministic posts for one subreddit, newest first, one minute apart. */
export function makeFakePosts(subreddit: string, count: number, newestUtc = 1_700_000_000): FakePost[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `${subreddit.slice(0, 3).toLowerCase().replace(/[^a-z]/g, 'x')}${(count - index).toString(36).padStart(4, '0')}`;
    return {
      id,
      subreddit,
      title: `Should I take the job in ${subreddit} number ${index}?`,
      selftext: `I have two offers and cannot decide between them (post ${index}).`,
      author: `user${index}`,
      created_utc: newestUtc - index * 60,
      score: index,
      num_comments: index % 7,
      over_18: false,
      is_self: true,
      url: `https://www.reddit.com/r/${subreddit}/comments/${id}/post/`,
      permalink: `/r/${subreddit}/comments/${id}/post/`,
      stickied: false,
      distinguished: null,
      removed_by_category: null,
    };
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

export async function startFakeReddit(options: FakeRedditOptions): Promise<FakeReddit> {
  const requests: FakeRequest[] = [];
  let listingCount = 0;
  const log = (entry: FakeRequest) => {
    requests.push(entry);
    options.onRequest?.(entry);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams.entries());
      const entry = (status: number): FakeRequest => ({ method: request.method ?? 'GET', path: url.pathname, query, status });

      if (url.pathname === '/api/v1/access_token' && request.method === 'POST') {
        const form = new URLSearchParams(await readBody(request));
        const expected = `Basic ${Buffer.from(`${options.credentials.clientId}:${options.credentials.clientSecret}`).toString('base64')}`;
        // Like Reddit: bad client credentials are a 401; a bad user or password is a 200 with an error.
        if (request.headers.authorization !== expected) {
          log(entry(401));
          return send(response, 401, { message: 'Unauthorized', error: 401 });
        }
        const ok =
          form.get('grant_type') === 'password' &&
          form.get('username') === options.credentials.username &&
          form.get('password') === options.credentials.password;
        log(entry(200));
        if (!ok) return send(response, 200, { error: 'invalid_grant' });
        return send(response, 200, { access_token: TOKEN, token_type: 'bearer', expires_in: 3600, scope: '*' });
      }

      const listing = /^\/r\/([^/]+)\/(new|top|hot)\/?$/.exec(url.pathname);
      if (listing && request.method === 'GET') {
        if (request.headers.authorization !== `bearer ${TOKEN}` && request.headers.authorization !== `Bearer ${TOKEN}`) {
          log(entry(401));
          return send(response, 401, { message: 'Unauthorized', error: 401 });
        }
        listingCount += 1;
        const number = listingCount;
        const resetSeconds = options.resetSeconds ?? 60;
        if (options.failAfterListingRequests !== undefined && number > options.failAfterListingRequests) {
          log(entry(500));
          return send(response, 500, { message: 'Internal Server Error', error: 500 });
        }
        if (options.tooManyRequestsAt?.request === number) {
          log(entry(429));
          return send(response, 429, { message: 'Too Many Requests', error: 429 }, {
            'retry-after': String(options.tooManyRequestsAt.retryAfterSeconds),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '100',
            'x-ratelimit-reset': String(options.tooManyRequestsAt.retryAfterSeconds),
          });
        }
        const posts = options.posts[listing[1]!.toLowerCase()] ?? [];
        const limit = Math.min(Number(query.limit ?? 25), 100);
        const afterId = query.after?.replace(/^t3_/, '');
        const start = afterId ? posts.findIndex((post) => post.id === afterId) + 1 : 0;
        const page = posts.slice(start, start + limit);
        const more = start + limit < posts.length;
        log(entry(200));
        const remaining = options.remaining?.(number) ?? 99;
        return send(
          response,
          200,
          {
            kind: 'Listing',
            data: {
              after: more && page.length > 0 ? `t3_${page[page.length - 1]!.id}` : null,
              before: null,
              dist: page.length,
              children: page.map((post) => ({ kind: 't3', data: { ...post, name: `t3_${post.id}` } })),
            },
          },
          {
            'x-ratelimit-remaining': String(remaining),
            'x-ratelimit-used': String(100 - remaining),
            'x-ratelimit-reset': String(resetSeconds),
          },
        );
      }
      log(entry(404));
      send(response, 404, { message: 'Not Found', error: 404 });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    listingRequests: () => requests.filter((request) => request.path.startsWith('/r/')),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
