/**
 * Crash-safe file output: write aside, fsync, then rename over the target. A reader sees the
 * old complete file or the new complete file, never a torn one.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { asIoError } from './errors.ts';

/**
 * Where a temporary for `target` lives: beside it, hidden, named for the process that owns it
 * (`.<name>.tmp-<pid>-<random>`). Every temporary the pipeline makes follows this rule, so a
 * stage can remove the ones a killed run left (removeDeadTemporaries).
 */
export function temporaryPathFor(target: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${random}`);
}

const TEMPORARY_NAME = /^\..+\.tmp-(\d+)(?:-[0-9a-z]+)?(?:\.[a-z]+)?$/;

/**
 * Remove the temporaries (files or folders) in `directory` whose owning process is gone: what a
 * killed run left behind. A live process's temporaries are never touched. Returns their names.
 */
export async function removeDeadTemporaries(directory: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch {
    return [];
  }
  const dead = entries.filter((entry) => {
    const match = TEMPORARY_NAME.exec(entry);
    return match !== null && Number(match[1]) > 0 && !isProcessAlive(Number(match[1]));
  });
  await Promise.all(dead.map((entry) => rm(join(directory, entry), { recursive: true, force: true })));
  return dead;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Make the rename itself durable (the directory entry), where the platform allows it. */
async function fsyncDirectory(directory: string): Promise<void> {
  try {
    await fsyncPath(directory);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporary files that a killed writer left beside `target` (never a live writer's). */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `.${basename(target)}.tmp-`;
  let entries: string[];
  try {
    entries = await readdir(dirname(target));
  } catch {
    return;
  }
  const stale = entries.filter((entry) => {
    if (!entry.startsWith(prefix)) return false;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    return !Number.isInteger(pid) || !isProcessAlive(pid);
  });
  await Promise.all(stale.map((entry) => rm(join(dirname(target), entry), { force: true })));
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, data);
    await fsyncPath(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw asIoError(error, target);
  }
  await fsyncDirectory(dirname(target));
}

export async function writeJsonAtomic(target: string, value: unknown): Promise<void> {
  await writeFileAtomic(target, JSON.stringify(value, null, 2) + '\n');
}

/** What a committed file holds: its size and sha256, recorded in stage reports. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * A streaming writer that becomes visible at `target` only on `commit()`. It hashes what it
 * writes, so a stage report can record the sha256 of each output without reading it back.
 */
export class AtomicFileWriter {
  private stream: WriteStream | null = null;
  private readonly temporary: string;
  private settled = false;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private written: WrittenFile | null = null;

  constructor(readonly target: string) {
    this.temporary = temporaryPathFor(target);
  }

  private opening: Promise<WriteStream> | null = null;
  /** The stream's first error (a full disk, a revoked permission): every later call throws it. */
  private failure: Error | null = null;

  /** Opens the temporary file once, however many writes arrive before it is open. */
  private open(): Promise<WriteStream> {
    this.opening ??= (async () => {
      try {
        await mkdir(dirname(this.target), { recursive: true });
        await removeStaleTemporaries(this.target);
        const stream = createWriteStream(this.temporary, { highWaterMark: 1 << 20 });
        // Held, not thrown: a stream error with no listener would crash the process.
        stream.on('error', (error) => {
          this.failure ??= error;
        });
        await once(stream, 'open');
        this.stream = stream;
        return stream;
      } catch (error) {
        throw asIoError(error, this.target);
      }
    })();
    return this.opening;
  }

  /** Resolves on `event`, rejects with the stream's error (already held, or arriving first). */
  private until(stream: WriteStream, event: 'drain' | 'finish'): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(asIoError(this.failure, this.target));
      // Every listener goes once this settles: a long output waits for 'drain' thousands of times.
      const settle = (failed: boolean) => {
        stream.off(event, onEvent);
        stream.off('error', onError);
        stream.off('close', onClose);
        if (failed) reject(asIoError(this.failure, this.target));
        else resolve();
      };
      const onEvent = () => settle(false);
      const onError = () => settle(true);
      const onClose = () => settle(this.failure !== null);
      stream.once(event, onEvent);
      stream.once('error', onError);
      stream.once('close', onClose);
    });
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.settled) throw new Error(`write after commit/abort of ${this.target}`);
    const stream = this.stream ?? (await this.open());
    if (this.failure) throw asIoError(this.failure, this.target);
    this.hash.update(chunk);
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!stream.write(chunk)) await this.until(stream, 'drain');
  }

  async commit(): Promise<WrittenFile> {
    if (this.written) return this.written;
    if (this.settled) throw new Error(`commit after abort of ${this.target}`);
    const stream = this.stream ?? (await this.open());
    this.settled = true;
    try {
      stream.end();
      await this.until(stream, 'finish');
      await fsyncPath(this.temporary);
      await rename(this.temporary, this.target);
      await fsyncDirectory(dirname(this.target));
    } catch (error) {
      await rm(this.temporary, { force: true });
      throw asIoError(error, this.target);
    }
    this.written = { bytes: this.bytes, sha256: this.hash.digest('hex') };
    return this.written;
  }

  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    // A write may be opening the file right now: wait for it, so no temporary file is left behind.
    const stream = await this.opening?.catch(() => null);
    if (stream) {
      // Writes still queued behind the file's open fail once destroyed; nobody is waiting for them.
      stream.on('error', () => undefined);
      stream.destroy();
      await rm(this.temporary, { force: true });
    }
  }
}
