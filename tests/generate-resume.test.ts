import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../pipeline/records.ts';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.ts';
import { writeFilteredPosts } from './support/generate-fixtures.ts';

const CLI = fileURLToPath(new URL('../bin/valact.js', import.meta.url));
const CONCURRENCY = 4;
const TOTAL_CALLS = 21; // 11 classifications + 10 rewrites

let server: FakeOpenAi | null = null;
let dir = '';
afterEach(async () => {
  await server?.close();
  server = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Run `valact generate` in a child; resolves with its exit code or signal. `killAfter` kills it with SIGKILL once the server has seen that many calls. */
function runChild(args: string[], killAfter: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'generate', ...args], { env: { ...process.env, OPENAI_API_KEY: 'test-key' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let watcher: ReturnType<typeof setInterval> | null = null;
    if (killAfter !== null) {
      const seen = server!.chatRequests.length;
      watcher = setInterval(() => {
        if (server!.chatRequests.length - seen >= killAfter) child.kill('SIGKILL');
      }, 5);
    }
    child.on('exit', (code, signal) => {
      if (watcher) clearInterval(watcher);
      resolve({ code, signal, stderr });
    });
  });
}

describe('generate survives SIGKILL', () => {
  it('a killed run resumes, repeating at most the calls in flight, with no duplicate or torn record', async () => {
    server = await startFakeOpenAi({ latencyMs: 60 });
    dir = await mkdtemp(join(tmpdir(), 'valact-resume-'));
    await writeFilteredPosts(dir);
    const args = ['--data', dir, '--provider', 'openai', '--base-url', server.baseURL, '--per-value', '1', '--over-generation', '0', '--concurrency', String(CONCURRENCY), '--quiet'];

    const killed = await runChild(args, 14);
    expect(killed.signal).toBe('SIGKILL');
    const firstRunCalls = server.chatRequests.length;
    expect(firstRunCalls).toBeLessThan(TOTAL_CALLS);

    const resumed = await runChild(args, null);
    expect(resumed.code, resumed.stderr).toBe(0);
    const secondRunCalls = server.chatRequests.length - firstRunCalls;
    expect(secondRunCalls).toBeGreaterThan(0);
    // Everything finished before the kill came from the journal or cache; only in-flight calls were repeated.
    // In flight at the kill: the calls the stage had handed the client (twice the concurrency: up
    // to CONCURRENCY at the server, and as many answered but not yet journalled and cached).
    expect(firstRunCalls + secondRunCalls).toBeLessThanOrEqual(TOTAL_CALLS + 2 * CONCURRENCY);
    const lines = (await readFile(join(dir, 'work', 'generate', 'scenarios.jsonl'), 'utf8')).split('\n').filter((line) => line !== '');
    const ids = lines.map((line) => ScenarioSchema.parse(JSON.parse(line)).id);
    expect(ids.length).toBe(10);
    expect(new Set(ids).size).toBe(ids.length);

    const warm = await runChild([...args, '--force'], null);
    expect(warm.code, warm.stderr).toBe(0);
    expect(server.chatRequests.length).toBe(firstRunCalls + secondRunCalls);
  });
});
