/**
 * Streaming JSONL: read line by line in constant memory, write through an atomic file.
 *
 * Lines are split on '\n' by hand over raw buffers, which is about twice as fast as
 * `readline` (FACTS.md). A bad line is reported with its file and 1-based line number.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { ValactError } from './errors.ts';
import { AtomicFileWriter, type WrittenFile } from './atomic.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface RawLine {
  /** 1-based line number in the source. */
  line: number;
  /** The line's bytes, without the trailing newline (and without a trailing '\r'). */
  bytes: Buffer;
  /** Byte offset of the line's start in the (uncompressed) source. */
  offset: number;
}

/**
 * Split a stream of buffers into lines. Empty lines are skipped but counted. A final line
 * without a newline is still yielded: truncation is the decoder's to detect, not ours.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<RawLine> {
  let pending: Buffer | null = null;
  let lineNumber = 0;
  let offset = 0;
  for await (const rawChunk of chunks) {
    let chunk = typeof rawChunk === 'string' ? Buffer.from(rawChunk) : rawChunk;
    if (pending) {
      chunk = Buffer.concat([pending, chunk]);
      pending = null;
    }
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      lineNumber += 1;
      let end = newline;
      if (end > start && chunk[end - 1] === CARRIAGE_RETURN) end -= 1;
      if (end > start) yield { line: lineNumber, bytes: chunk.subarray(start, end), offset: offset + start };
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) pending = chunk.subarray(start);
    offset += start;
  }
  if (pending && pending.length > 0) {
    lineNumber += 1;
    yield { line: lineNumber, bytes: pending, offset };
  }
}

export function openLines(file: string): AsyncGenerator<RawLine> {
  return splitLines(createReadStream(file, { highWaterMark: 1 << 20 }) as Readable & AsyncIterable<Buffer>);
}

export interface MalformedLine {
  file: string;
  line: number;
  message: string;
}

export interface ReadRecordsOptions {
  /**
   * Called for a line that is not JSON or does not match the schema. Default: throw a
   * ValactError naming the file and line.
   */
  onMalformed?: (malformed: MalformedLine) => void;
}

/** Read and validate every record of a JSONL file, in order, in constant memory. */
export async function* readRecords<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  options: ReadRecordsOptions = {},
): AsyncGenerator<{ record: z.infer<Schema>; line: number }> {
  const onMalformed =
    options.onMalformed ??
    ((malformed: MalformedLine) => {
      throw new ValactError('input', `${malformed.file}:${malformed.line}: ${malformed.message}`, {
        hint: 'Fix or remove that line, or re-run the stage that wrote the file.',
      });
    });
  let lines: AsyncGenerator<RawLine>;
  try {
    lines = openLines(file);
  } catch (error) {
    throw new ValactError('input', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    for await (const { line, bytes } of lines) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        onMalformed({ file, line, message: `not valid JSON (${(error as Error).message})` });
        continue;
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        onMalformed({ file, line, message: `does not match the record schema: ${describeZodError(result.error)}` });
        continue;
      }
      yield { record: result.data, line };
    }
  } catch (error) {
    if (error instanceof ValactError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ValactError('input', `${file} does not exist`, {
        hint: 'Run the previous stage first, or pass --data to point at the right data folder.',
      });
    }
    throw new ValactError('input', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Every record of a small JSONL file, in memory. Only for files known to be small. */
export async function readAllRecords<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  options: ReadRecordsOptions = {},
): Promise<z.infer<Schema>[]> {
  const records: z.infer<Schema>[] = [];
  for await (const { record } of readRecords(file, schema, options)) records.push(record);
  return records;
}

/** "path.to.field: message; ..." for the first few zod issues. */
export function describeZodError(error: z.ZodError, limit = 5): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > limit) parts.push(`and ${error.issues.length - limit} more`);
  return parts.join('; ');
}

/**
 * Writes JSONL to a temporary file beside the target and renames it into place on `commit()`.
 * Until then the previous file (if any) is untouched; a killed process leaves it intact.
 */
export class JsonlWriter<T = unknown> {
  private readonly file: AtomicFileWriter;
  count = 0;

  constructor(readonly target: string) {
    this.file = new AtomicFileWriter(target);
  }

  /** Resolves once the record is buffered; waits for the disk when the buffer is full. */
  async write(record: T): Promise<void> {
    this.count += 1;
    await this.file.write(JSON.stringify(record) + '\n');
  }

  commit(): Promise<WrittenFile> {
    return this.file.commit();
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}
