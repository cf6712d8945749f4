/**
 * The stage runner (core/stage.ts) on a small stage of its own: accounting and the one
 * dropped-record shape, up-to-date checks that trust only what the report wrote, commit or
 * abort, a verdict written before it fails, and the lock per stage and data folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext, type StageContext } from '../pipeline/core/context.ts';
import { ValactError } from '../pipeline/core/errors.ts';
import { readStageReport } from '../pipeline/core/report.ts';
import { DroppedRecordSchema, runStage, type StageDefinition } from '../pipeline/core/stage.ts';

type Ctx = StageContext<{ words: string[] }>;
interface Options {
  failAt?: string;
  verdict?: boolean;
}

const Details = z.object({ kept: z.number() });

/** Keeps words of three letters or more; drops short ones (rejected) and "???" (quarantined). */
const wordStage: StageDefinition<Ctx, Options, z.infer<typeof Details>> = {
  name: 'words',
  reasons: {
    too_short: { check: 'length', disposition: 'rejected', description: 'fewer than three letters' },
    unreadable: { check: 'parse', disposition: 'quarantined', description: 'not a word' },
    lang: { check: 'language', disposition: 'rejected', description: 'not English', counted: 'with_detail' },
  },
  details: Details,
  inputs: async (ctx) => ({ words: ctx.config.words.join(',') }),
  shapingConfig: (ctx) => ctx.config.words,
  async process(run) {
    const out = run.jsonl<string>('kept');
    let kept = 0;
    for (const [index, word] of run.ctx.config.words.entries()) {
      run.received();
      if (word === run.options.failAt) throw new ValactError('input', `cannot read ${word}`);
      if (word === '???') run.drop({ id: word, line: index + 1, reason: 'unreadable', evidence: { word } });
      else if (word.startsWith('fr:')) run.drop({ id: word, line: index + 1, reason: 'lang:fra' });
      else if (word.length < 3) run.drop({ id: word, line: index + 1, reason: 'too_short', evidence: { length: word.length } });
      else if (word === 'undeclared') run.drop({ id: word, reason: 'no_such_reason' });
      else {
        run.passed();
        kept += 1;
        await out.write(word);
      }
    }
    if (run.options.verdict === false) run.failAfterCommit(new ValactError('validation_failed', 'the words failed'));
    return { kept };
  },
};

const silent = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function context(words: string[], force = false): Promise<Ctx & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'valact-runner-'));
  dirs.push(dir);
  return { ...createContext({ dataDir: dir, config: { words }, quiet: true, force, stderr: silent }), dir };
}

const stageDir = (ctx: Ctx) => ctx.paths.stageDir('words');
const readLines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

describe('the stage runner', () => {
  it('accounts for every record and writes one dropped-record shape', async () => {
    const ctx = await context(['apple', 'ox', '???', 'fr:pomme', 'pear']);
    const outcome = await runStage(wordStage, ctx, {});
    expect(outcome.report.counts).toEqual({ in: 5, out: 2, rejected: 2, quarantined: 1, per_reason: { 'lang:fra': 1, too_short: 1, unreadable: 1 } });
    const dropped = (await readLines(join(stageDir(ctx), 'dropped.jsonl'))).map((line) => DroppedRecordSchema.parse(line));
    expect(dropped.map((entry) => [entry.id, entry.stage, entry.check, entry.reason, entry.disposition, entry.line])).toEqual([
      ['ox', 'words', 'length', 'too_short', 'rejected', 2],
      ['???', 'words', 'parse', 'unreadable', 'quarantined', 3],
      ['fr:pomme', 'words', 'language', 'lang:fra', 'rejected', 4],
    ]);
    expect(Object.keys(outcome.report.outputs).sort()).toEqual(['dropped', 'kept']);
    expect(outcome.report.outputs.kept!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a reason the stage did not declare', async () => {
    const ctx = await context(['apple', 'undeclared']);
    await expect(runStage(wordStage, ctx, {})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('no_such_reason') });
  });

  it('skips a finished run, but not once an output was changed by someone else', async () => {
    const ctx = await context(['apple', 'pear']);
    await runStage(wordStage, ctx, {});
    expect((await runStage(wordStage, ctx, {})).upToDate).toBe(true);
    const kept = join(stageDir(ctx), 'kept.jsonl');
    await writeFile(kept, '"tampered"\n');
    const again = await runStage(wordStage, ctx, {});
    expect(again.upToDate).toBe(false);
    expect(await readLines(kept)).toEqual(['apple', 'pear']);
  });

  it('leaves the previous outputs and report byte-identical when a run fails', async () => {
    const ctx = await context(['apple', 'pear', 'plum']);
    await runStage(wordStage, ctx, {});
    const before = await Promise.all(['kept.jsonl', 'dropped.jsonl', 'report.json'].map((file) => readFile(join(stageDir(ctx), file))));
    await expect(runStage(wordStage, { ...ctx, force: true }, { failAt: 'pear' })).rejects.toMatchObject({ code: 'input' });
    const after = await Promise.all(['kept.jsonl', 'dropped.jsonl', 'report.json'].map((file) => readFile(join(stageDir(ctx), file))));
    expect(after).toEqual(before);
  });

  it('writes the report of a failed verdict, then fails', async () => {
    const ctx = await context(['apple']);
    await expect(runStage(wordStage, ctx, { verdict: false })).rejects.toMatchObject({ code: 'validation_failed' });
    const report = await readStageReport(join(stageDir(ctx), 'report.json'), Details);
    expect(report?.details).toEqual({ kept: 1 });
  });

  it('reads a report through its schema, and names the file when it does not parse', async () => {
    const ctx = await context(['apple']);
    await runStage(wordStage, ctx, {});
    const file = join(stageDir(ctx), 'report.json');
    await expect(readStageReport(file, z.object({ kept: z.string() }))).rejects.toMatchObject({ code: 'input', message: expect.stringContaining(file) });
    expect(await readStageReport(join(ctx.dir, 'nowhere.json'), Details)).toBeNull();
  });

  it('refuses a second run while the first holds the lock, naming the holder', async () => {
    const ctx = await context(['apple']);
    await runStage(wordStage, ctx, {});
    // The parent of this test process is alive: its pid in the lock stands for a live run.
    const holder = { pid: process.ppid, host: (await import('node:os')).hostname(), stage: 'words', started_at: '2026-01-01T00:00:00.000Z' };
    await writeFile(join(stageDir(ctx), '.lock'), JSON.stringify(holder));
    const error = await runStage(wordStage, { ...ctx, force: true }, {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'locked', exitCode: 5, message: expect.stringContaining(`process ${process.ppid}`) });
  });

  it('takes over the lock of a run that died, with a warning', async () => {
    const ctx = await context(['apple']);
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const { hostname } = await import('node:os');
    await runStage(wordStage, ctx, {});
    await writeFile(join(stageDir(ctx), '.lock'), JSON.stringify({ pid: dead, host: hostname(), stage: 'words', started_at: '2026-01-01T00:00:00.000Z' }));
    const warnings: string[] = [];
    const outcome = await runStage(wordStage, { ...ctx, force: true, log: { info: () => undefined, warn: (message) => warnings.push(message) } }, {});
    expect(outcome.upToDate).toBe(false);
    expect(warnings.join('\n')).toMatch(new RegExp(`took over the lock of process ${dead}`));
    await expect(readFile(join(stageDir(ctx), '.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes the temporaries a killed run left, never a live process\'s', async () => {
    const ctx = await context(['apple']);
    await runStage(wordStage, ctx, {});
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const { mkdir } = await import('node:fs/promises');
    await writeFile(join(stageDir(ctx), `.kept.jsonl.tmp-${dead}-abc123`), 'half a file');
    await mkdir(join(stageDir(ctx), `.1.0.0.tmp-${dead}-def456`));
    await writeFile(join(stageDir(ctx), `.candidates.jsonl.tmp-${process.pid}-live01`), 'in use');
    await runStage(wordStage, { ...ctx, force: true }, {});
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(stageDir(ctx))).filter((name) => name.includes('.tmp-'))).toEqual([`.candidates.jsonl.tmp-${process.pid}-live01`]);
  });
});
