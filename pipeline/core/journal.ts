/**
 * An append-only JSONL journal for work that must survive SIGKILL: each finished unit of work
 * is appended as one line. On open, a torn last line (a write cut short by a kill) is cut off,
 * so a resumed run sees only complete records and repeats only what was in flight.
 */
import { open, mkdir, stat, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openLines } from './jsonl.ts';

export interface JournalEntry<T> {
  line: number;
  record: T;
}

/**
 * Read a journal's complete records, cutting off a torn tail. Lines that are not valid JSON
 * (only possible at the tail, after a kill) are dropped and counted.
 */
export async function recoverJournal<T>(file: string): Promise<{ records: JournalEntry<T>[]; tornBytes: number }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], tornBytes: 0 };
    throw error;
  }
  const records: JournalEntry<T>[] = [];
  let completeBytes = 0;
  for await (const { line, bytes, offset } of openLines(file)) {
    const end = offset + bytes.length;
    // Only a line followed by its newline is complete.
    if (end >= size) break;
    try {
      records.push({ line, record: JSON.parse(bytes.toString('utf8')) as T });
      completeBytes = end + 1;
    } catch {
      break;
    }
  }
  const tornBytes = size - completeBytes;
  if (tornBytes > 0) await truncate(file, completeBytes);
  return { records, tornBytes };
}

/** Appends records one line at a time; `sync()` makes everything written so far durable. */
export class JournalWriter<T = unknown> {
  private constructor(private readonly handle: FileHandle) {}

  static async open<T>(file: string): Promise<JournalWriter<T>> {
    await mkdir(dirname(file), { recursive: true });
    return new JournalWriter<T>(await open(file, 'a'));
  }

  /** One write call per record, so a kill can tear at most the last line. */
  async append(record: T): Promise<void> {
    await this.handle.write(JSON.stringify(record) + '\n');
  }

  async sync(): Promise<void> {
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
  }
}
