import { mkdtemp, readFile, readdir, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValactError } from '../pipeline/core/errors.ts';
import { JournalWriter, recoverJournal } from '../pipeline/core/journal.ts';
import { JsonlWriter, readAllRecords, readRecords, splitLines } from '../pipeline/core/jsonl.ts';
import { spawnTs, waitForExit, waitForOutput } from './support/child.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'valact-jsonl-'));
});
afterAll(() => undefined);

const Point = z.strictObject({ x: z.number() });

async function collectLines(chunks: string[]): Promise<[number, string][]> {
  const lines: [number, string][] = [];
  for await (const { line, bytes } of splitLines(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) {
    lines.push([line, bytes.toString()]);
  }
  return lines;
}

describe('splitLines', () => {
  it.each([
    ['lines split across chunks', ['{"a"', ':1}\n{"b":2}\n'], [[1, '{"a":1}'], [2, '{"b":2}']]],
    ['CRLF endings', ['one\r\ntwo\r\n'], [[1, 'one'], [2, 'two']]],
    ['a final line without newline', ['one\ntwo'], [[1, 'one'], [2, 'two']]],
    ['blank lines counted but skipped', ['one\n\nthree\n'], [[1, 'one'], [3, 'three']]],
  ] as const)('handles %s', async (_label, chunks, expected) => {
    expect(await collectLines([...chunks])).toEqual(expected);
  });

  it('keeps a multi-byte character whole when a chunk boundary splits it', async () => {
    const bytes = Buffer.from('café\n');
    const lines: string[] = [];
    for await (const { bytes: line } of splitLines(Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]))) {
      lines.push(line.toString('utf8'));
    }
    expect(lines).toEqual(['café']);
  });
});

describe('readRecords', () => {
  it('reads valid records with their line numbers', async () => {
    const file = join(dir, 'good.jsonl');
    await writeFile(file, '{"x":1}\n{"x":2}\n');
    const records = [];
    for await (const entry of readRecords(file, Point)) records.push(entry);
    expect(records).toEqual([{ record: { x: 1 }, line: 1 }, { record: { x: 2 }, line: 2 }]);
  });

  it.each([
    ['broken JSON', '{"x":1}\n{"x":\n', /bad\.jsonl:2: not valid JSON/],
    ['a schema violation', '{"x":1}\n{"x":1}\n{"y":2}\n', /bad\.jsonl:3: does not match the record schema: .*x/],
  ])('names the file and line of %s', async (_label, content, message) => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, content);
    const error = await readAllRecords(file, Point).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValactError);
    expect((error as ValactError).message).toMatch(message);
  });

  it('hands malformed lines to a callback instead of throwing, when asked', async () => {
    const file = join(dir, 'mixed.jsonl');
    await writeFile(file, '{"x":1}\nnot json\n{"x":3}\n');
    const malformed: number[] = [];
    const records = await readAllRecords(file, Point, { onMalformed: ({ line }) => malformed.push(line) });
    expect(records).toEqual([{ x: 1 }, { x: 3 }]);
    expect(malformed).toEqual([2]);
  });

  it('says which file is missing and what to do', async () => {
    const error = await readAllRecords(join(dir, 'nope.jsonl'), Point).catch((caught: unknown) => caught);
    expect((error as ValactError).message).toMatch(/nope\.jsonl does not exist/);
    expect((error as ValactError).hint).toMatch(/previous stage/);
  });
});

describe('JsonlWriter (atomic publish)', () => {
  it('leaves the previous file untouched until commit', async () => {
    const target = join(dir, 'atomic.jsonl');
    await writeFile(target, '{"x":0}\n');
    const writer = new JsonlWriter(target);
    await writer.write({ x: 1 });
    expect(await readFile(target, 'utf8')).toBe('{"x":0}\n');
    await writer.commit();
    expect(await readFile(target, 'utf8')).toBe('{"x":1}\n');
  });

  it('a long output that waits for the disk many times leaves no listener behind (no leak warning)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const writer = new JsonlWriter(join(dir, 'long.jsonl'));
      const line = { text: 'x'.repeat(2000) };
      // About 40 MB: the stream's buffer fills and drains hundreds of times.
      for (let index = 0; index < 20_000; index += 1) await writer.write(line);
      await writer.commit();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('abort keeps the previous file and leaves no temporary behind', async () => {
    const target = join(dir, 'aborted.jsonl');
    await writeFile(target, 'old\n');
    const writer = new JsonlWriter(target);
    await writer.write({ x: 1 });
    await writer.abort();
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect((await readdir(dir)).filter((name) => name.startsWith('.aborted.jsonl.tmp'))).toEqual([]);
  });

  it('a writer killed mid-stream leaves the previous output intact, and a re-run replaces it whole', async () => {
    const target = join(dir, 'killed.jsonl');
    const previous = '{"n":-1,"payload":"previous run"}\n';
    await writeFile(target, previous);
    const writerScript = join(import.meta.dirname, 'support', 'slow-writer.ts');

    const child = spawnTs(writerScript, [target]);
    await waitForOutput(child, 'mid-stream');
    child.kill('SIGKILL');
    await waitForExit(child);
    expect(child.signalCode).toBe('SIGKILL');
    expect(await readFile(target, 'utf8')).toBe(previous);

    const rerun = spawnTs(writerScript, [target, 'finish']);
    expect(await waitForExit(rerun)).toBe(0);
    const lines = (await readFile(target, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2001);
    expect(lines.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual([...Array(2001).keys()]);
    // The killed writer's temporary file was swept by the re-run.
    expect((await readdir(dir)).filter((name) => name.startsWith('.killed.jsonl.tmp'))).toEqual([]);
  });
});

describe('journal', () => {
  it('recovers complete records and cuts off a torn last line', async () => {
    const file = join(dir, 'journal.jsonl');
    const journal = await JournalWriter.open<{ id: number }>(file);
    await journal.append({ id: 1 });
    await journal.append({ id: 2 });
    await journal.close();
    await appendFile(file, '{"id":3,"tor');
    const { records, tornBytes } = await recoverJournal<{ id: number }>(file);
    expect(records.map((entry) => entry.record.id)).toEqual([1, 2]);
    expect(tornBytes).toBe('{"id":3,"tor'.length);
    expect(await readFile(file, 'utf8')).toBe('{"id":1}\n{"id":2}\n');
  });

  it('treats a missing journal as empty', async () => {
    expect(await recoverJournal(join(dir, 'absent.jsonl'))).toEqual({ records: [], tornBytes: 0 });
  });
});
