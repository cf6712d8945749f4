/**
 * The fake OpenAI-compatible server (tests/support/fake-openai.ts) in its own process, so a
 * benchmark measures the client alone and not a server sharing its event loop and cores.
 * Started by `startFakeOpenAiProcess` below with fork(); speaks to the parent over IPC:
 * "ready" with the base URL, then on request a report of what the server saw.
 *
 * Faults cannot cross a process boundary as functions, so they are declared as data: every
 * n-th chat request (0-based index n, 2n, …) answers 429 with a Retry-After in seconds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface FakeServerSpec {
  /** Delay before answering each chat request, in ms. */
  latencyMs: number;
  /** Every n-th chat request (index > 0) answers 429; null for none. */
  inject429Every: number | null;
  /** The Retry-After (seconds) sent with each injected 429. */
  retryAfterSeconds: number;
}

/** What the server saw, with wall-clock times (Date.now(), shared by processes on one machine). */
export interface FakeServerReport {
  /** When each chat request arrived, in arrival order. */
  received: number[];
  /** Each injected 429: when its request arrived and when the answer had been written. */
  rejections: { index: number; receivedAt: number; answeredAt: number }[];
}

type ParentMessage = { type: 'report' } | { type: 'close' };
type ChildMessage = { type: 'ready'; baseURL: string } | { type: 'report'; report: FakeServerReport };

export interface FakeOpenAiProcess {
  baseURL: string;
  report(): Promise<FakeServerReport>;
  close(): Promise<void>;
}

export async function startFakeOpenAiProcess(spec: FakeServerSpec): Promise<FakeOpenAiProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [JSON.stringify(spec)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const next = (type: ChildMessage['type']): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`the fake OpenAI server process exited (${code}) before sending "${type}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = (await next('ready')) as Extract<ChildMessage, { type: 'ready' }>;
  return {
    baseURL: ready.baseURL,
    async report() {
      const answer = next('report');
      child.send({ type: 'report' } satisfies ParentMessage);
      return ((await answer) as Extract<ChildMessage, { type: 'report' }>).report;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'close' } satisfies ParentMessage);
      await exited;
    },
  };
}

async function serve(spec: FakeServerSpec): Promise<void> {
  const { startFakeOpenAi } = await import('../../tests/support/fake-openai.ts');
  const received: number[] = [];
  const rejections: FakeServerReport['rejections'] = [];
  const server = await startFakeOpenAi({
    latencyMs: spec.latencyMs,
    fault: (index) => {
      received.push(Date.now());
      if (spec.inject429Every !== null && index > 0 && index % spec.inject429Every === 0) {
        rejections.push({ index, receivedAt: Date.now(), answeredAt: Number.NaN });
        return { kind: 'status', status: 429, headers: { 'retry-after': String(spec.retryAfterSeconds) } };
      }
      return { kind: 'ok' };
    },
    onAnswered: (index, status, at) => {
      const rejection = status === 429 ? rejections.find((entry) => entry.index === index) : undefined;
      if (rejection) rejection.answeredAt = at;
    },
  });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'report') {
      process.send?.({ type: 'report', report: { received, rejections } } satisfies ChildMessage);
    } else {
      void server.close().then(() => process.disconnect());
    }
  });
  process.send?.({ type: 'ready', baseURL: server.baseURL } satisfies ChildMessage);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await serve(JSON.parse(process.argv[2] ?? '{}') as FakeServerSpec);
}
