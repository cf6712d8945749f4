/**
 * Fault injection, every stage, through the CLI in a child process as a researcher runs it:
 * a read-only output folder, a full disk, SIGKILL at several points, a second run of the same
 * stage, and for generate an endpoint that is down or refuses the key. After each: the exit code
 * the README gives, a message naming the path or endpoint, the previous outputs byte-identical
 * (or, after a kill, a complete old or new state), no temporary left after the next run, and
 * report counts that add up.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { outputsMatch } from '../pipeline/core/report.ts';
import { verifyRelease } from '../pipeline/release/verify.ts';
import { faultFolder, fillDisk, valactCli, type FaultFolder } from './support/faults.ts';
import { startFakeOpenAi } from './support/fake-openai.ts';
import { captureIo } from './support/io.ts';

const STAGES = ['collect', 'filter', 'generate', 'validate', 'release'] as const;
type Stage = (typeof STAGES)[number];

/** Where each stage writes (relative to DATA), and the arguments that make it write something new. */
const STAGE_DIR: Record<Stage, string> = { collect: 'raw', filter: 'work/filter', generate: 'work/generate', validate: 'work/validate', release: 'work/release' };
const REDO: Record<Stage, string[]> = {
  collect: ['--force'],
  filter: ['--force'],
  generate: ['--force'],
  validate: ['--force'],
  // A new version, so publishing writes a folder.
  release: ['--version', '0.2.0'],
};

let base: string;
const folders: FaultFolder[] = [];

beforeAll(async () => {
  const folder = await faultFolder(64);
  folders.push(folder);
  base = join(folder.path, 'base');
  const io = captureIo({ SOURCE_DATE_EPOCH: '1735689600' });
  expect(await main(['pipeline', '--data', base, '--quiet'], io)).toBe(0);
  if (!folder.mounted) console.warn('fault suite: no tmpfs could be mounted here; a full disk is injected (ENOSPC) and read-only folders use chattr');
}, 120_000);

afterAll(async () => {
  await Promise.all(folders.map((folder) => folder.dispose()));
});

/** A fresh copy of the finished sample data folder, on its own tmpfs when possible. */
async function dataFolder(sizeMb = 16): Promise<{ folder: FaultFolder; data: string }> {
  const folder = await faultFolder(sizeMb);
  folders.push(folder);
  const data = join(folder.path, 'data');
  await cp(base, data, { recursive: true });
  return { folder, data };
}

/** sha256 of every file under `root`, by relative path. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return files;
}

/** Temporaries and locks left under DATA: there must be none once a run has finished. */
async function leftovers(data: string): Promise<string[]> {
  const entries = await readdir(data, { recursive: true });
  return entries.filter((entry) => /(^|\/)\.[^/]*\.tmp-\d+/.test(entry) || /(^|\/)\.lock$/.test(entry));
}

interface Report {
  counts: { in: number; out: number; rejected: number; quarantined: number; per_reason: Record<string, number> };
  outputs: Record<string, { file: string; bytes: number; sha256: string }>;
}

async function expectConsistent(data: string, stage: Stage): Promise<void> {
  const directory = join(data, STAGE_DIR[stage]);
  const report = JSON.parse(await readFile(join(directory, 'report.json'), 'utf8')) as Report;
  const { in: received, out, rejected, quarantined, per_reason } = report.counts;
  expect(out + rejected + quarantined, `${stage} counts`).toBe(received);
  expect(Object.values(per_reason).reduce((sum, count) => sum + count, 0)).toBe(rejected + quarantined);
  expect(await outputsMatch(directory, report.outputs), `${stage} outputs match their report`).toBe(true);
}

function makeReadOnly(folder: FaultFolder, path: string): () => Promise<void> {
  if (folder.remountReadOnly()) return async () => void folder.remountWritable();
  // Root ignores permissions; an immutable folder it cannot write.
  const chattr = spawn('chattr', ['-R', '+i', path]);
  return async () => {
    await new Promise((resolve) => chattr.once('exit', resolve));
    await new Promise((resolve) => spawn('chattr', ['-R', '-i', path]).once('exit', resolve));
  };
}

describe.each(STAGES)('%s under faults', (stage) => {
  it('a read-only data folder: exit 4, the path named, nothing changed', async () => {
    const { folder, data } = await dataFolder();
    const before = await snapshot(data);
    const restore = makeReadOnly(folder, data);
    try {
      const result = await valactCli([stage, ...REDO[stage], '--data', data, '--quiet']);
      expect(result.code, result.stderr).toBe(4);
      expect(result.stderr).toContain(data);
      expect(result.stderr).not.toMatch(/internal error|this is a bug/);
    } finally {
      await restore();
    }
    expect(await snapshot(data)).toEqual(before);
  });

  it('a full disk: exit 4, the path named, nothing changed; the next run after freeing space finishes clean', async () => {
    const { folder, data } = await dataFolder();
    const before = await snapshot(data);
    const filler = folder.mounted ? fillDisk(folder, 2048) : null;
    const result = await valactCli([stage, ...REDO[stage], '--data', data, '--quiet'], folder.mounted ? {} : { injectEnospcUnder: data });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toMatch(/no space left/);
    expect(result.stderr).toContain(data);
    if (filler) await rm(filler);
    const after = await snapshot(data);
    expect(Object.keys(after).filter((file) => !(file in before))).toEqual([]);
    expect(after).toEqual(before);
    const again = await valactCli([stage, ...REDO[stage], '--data', data, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(await leftovers(data)).toEqual([]);
    await expectConsistent(data, stage);
  });

  it.each([
    ['at start-up', () => new Promise<void>((resolve) => setTimeout(resolve, 50))],
    ['once it holds the lock', 'lock'],
    ['while writing', 'temporary'],
  ] as const)('SIGKILL %s leaves a complete old or new state, and the next run finishes it', async (_point, when) => {
    const { data } = await dataFolder();
    const stageDir = join(data, STAGE_DIR[stage]);
    const watched = stage === 'release' ? [stageDir, join(data, 'release')] : [stageDir];
    const appears = (pattern: RegExp) => async () => {
      for (let tries = 0; tries < 2000; tries += 1) {
        for (const directory of watched) {
          const names = await readdir(directory).catch(() => [] as string[]);
          if (names.some((name) => pattern.test(name))) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const killWhen = typeof when === 'function' ? when : appears(when === 'lock' ? /^\.lock$/ : /\.tmp-\d+/);
    await valactCli([stage, ...REDO[stage], '--data', data, '--quiet'], { killWhen: () => killWhen() });
    // Whatever the moment, the report describes the outputs that are there.
    await expectConsistent(data, stage);
    const again = await valactCli([stage, ...REDO[stage], '--data', data, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(await leftovers(data)).toEqual([]);
    await expectConsistent(data, stage);
    if (stage === 'release') expect((await verifyRelease(join(data, 'release', '0.2.0'))).ok).toBe(true);
  });

  it('a second run while one holds the stage: exit 5 naming the holder; a dead holder is taken over', async () => {
    const { data } = await dataFolder();
    const before = await snapshot(data);
    const holder = spawn('sleep', ['30']);
    try {
      await writeFile(join(data, STAGE_DIR[stage], '.lock'), JSON.stringify({ pid: holder.pid, host: hostname(), stage, started_at: '2026-12-02T00:00:00.000Z' }));
      const refused = await valactCli([stage, ...REDO[stage], '--data', data, '--quiet']);
      expect(refused.code, refused.stderr).toBe(5);
      expect(refused.stderr).toContain(`process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const unchanged = await snapshot(data);
    delete unchanged[join(STAGE_DIR[stage], '.lock')];
    expect(unchanged).toEqual(before);
    const takenOver = await valactCli([stage, ...REDO[stage], '--data', data]);
    expect(takenOver.code, takenOver.stderr).toBe(0);
    expect(takenOver.stderr).toMatch(/took over the lock of process/);
    expect(await leftovers(data)).toEqual([]);
  });
});

describe('two runs of one stage started together', () => {
  it('never mix their outputs: each exits 0 or 5, and what is left is one run\'s complete state', async () => {
    const { data } = await dataFolder();
    const [first, second] = await Promise.all([
      valactCli(['filter', '--force', '--min-words', '20', '--data', data, '--quiet']),
      valactCli(['filter', '--force', '--min-words', '30', '--data', data, '--quiet']),
    ]);
    for (const result of [first, second]) expect([0, 5], result.stderr).toContain(result.code);
    expect([first.code, second.code]).toContain(0);
    await expectConsistent(data, 'filter');
    expect(await leftovers(data)).toEqual([]);
  });
});

describe('generate against a failing endpoint', () => {
  it('an endpoint that is down: exit 8 naming it and the model, the previous scenarios kept', async () => {
    const { data } = await dataFolder();
    const before = await snapshot(join(data, 'work', 'generate'));
    const result = await valactCli(['generate', '--data', data, '--quiet', '--max-retries', '0', '--model', 'test-model'], { env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'sk-test' } });
    expect(result.code, result.stderr).toBe(8);
    expect(result.stderr).toContain('http://127.0.0.1:9/v1');
    expect(result.stderr).toContain('test-model');
    const after = await snapshot(join(data, 'work', 'generate'));
    // Only the journal grows (finished calls are kept for the next run); the outputs are the old ones.
    for (const file of ['scenarios.jsonl', 'dropped.jsonl', 'report.json']) expect(after[file], file).toBe(before[file]);
    expect(await leftovers(data)).toEqual([]);
  });

  it('a 401: exit 2 at the first answer, naming the endpoint and model', async () => {
    const server = await startFakeOpenAi({ fault: () => ({ kind: 'status', status: 401 }) });
    try {
      const { data } = await dataFolder();
      const before = await snapshot(join(data, 'work', 'generate'));
      const result = await valactCli(['generate', '--data', data, '--quiet', '--concurrency', '1'], { env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'sk-test' } });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(server.baseURL);
      expect(result.stderr).toContain('gpt-4o-mini');
      expect(server.chatRequests.length).toBeLessThanOrEqual(2);
      const after = await snapshot(join(data, 'work', 'generate'));
      for (const file of ['scenarios.jsonl', 'dropped.jsonl', 'report.json']) expect(after[file], file).toBe(before[file]);
    } finally {
      await server.close();
    }
  });
});
