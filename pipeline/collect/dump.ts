/**
 * Dump bytes in, uncompressed chunks out: plain NDJSON, or zstd with the 2 GiB window the
 * Pushshift / Arctic Shift dumps use (`--long=31`), from a file or stdin.
 *
 * zstd-napi's streaming context is driven directly (no Transform stream in between), so the
 * decoder knows the compressed byte offset it reached when a file turns out truncated or
 * corrupt. Files are decoded on a worker thread, so decoding and the line scan run on two
 * cores; stdin is decoded in this thread. The system `zstd` binary can be chosen instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type * as ZstdBinding from 'zstd-napi/binding.js';
import { ValactError } from '../core/errors.ts';

const requireFromHere = createRequire(import.meta.url);
const zstd = requireFromHere('zstd-napi/binding.js') as typeof ZstdBinding;
const zstdBindingPath = requireFromHere.resolve('zstd-napi/binding.js');

/** The Pushshift dumps are compressed with --long=31; a decoder must accept a 2 GiB window. */
export const DUMP_WINDOW_LOG_MAX = 31;
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const READ_CHUNK_BYTES = 1 << 20;
/** Larger than zstd's recommended 128 KiB: fewer native calls and fewer chunks downstream. */
const DECODED_CHUNK_BYTES = 1 << 20;

export type DecoderName = 'zstd-napi' | 'zstd-cli';

export interface DumpInput {
  /** File path, or "-" for stdin. */
  path: string;
  /** Name used in records and messages (the file name, or "stdin"). */
  label: string;
}

export function dumpInput(path: string): DumpInput {
  return { path, label: path === '-' ? 'stdin' : basename(path) };
}

/** Progress of one input, for error messages and the report. */
export interface ReadState {
  compressed: boolean;
  /** Bytes read from the file or stdin. */
  bytesIn: number;
  /** Bytes handed downstream (uncompressed). */
  bytesOut: number;
  decoder: DecoderName | 'none';
}

let zstdCliAvailable: boolean | undefined;
export function hasZstdCli(): boolean {
  zstdCliAvailable ??= spawnSync('zstd', ['--version'], { stdio: 'ignore' }).status === 0;
  return zstdCliAvailable;
}

export function resolveDecoder(choice: 'auto' | DecoderName): DecoderName {
  if (choice === 'zstd-cli' && !hasZstdCli()) {
    throw new ValactError('usage', 'decoder "zstd-cli" was asked for but no `zstd` binary is on PATH', {
      hint: 'Install zstd, or use decoder "zstd-napi" (always available) or "auto".',
    });
  }
  // Measured (bench/collect.ts): zstd-napi on a worker thread beats piping from the zstd CLI,
  // whose output reaches Node in 64 KiB pipe reads; so "auto" never needs the binary.
  if (choice === 'auto') return 'zstd-napi';
  return choice;
}

/** Decode zstd frames with zstd-napi in this thread, tracking the compressed offset reached. */
async function* decodeInProcess(source: AsyncIterable<Buffer>, input: DumpInput, state: ReadState, totalBytes: number | null): AsyncGenerator<Buffer> {
  const context = new zstd.DCtx();
  context.setParameter(zstd.DParameter.windowLogMax, DUMP_WINDOW_LOG_MAX);
  let inFrame = false;
  let consumedTotal = 0;
  for await (const compressed of source) {
    let pendingInput: Buffer = compressed;
    for (;;) {
      const output = Buffer.allocUnsafe(DECODED_CHUNK_BYTES);
      let result: [number, number, number];
      try {
        result = context.decompressStream(output, pendingInput);
      } catch (error) {
        throw new ValactError(
          'input',
          `${input.label}: corrupt zstd data near compressed byte ${consumedTotal}${totalBytes === null ? '' : ` of ${totalBytes}`} (${(error as Error).message}); ${state.bytesOut} uncompressed bytes were read before it`,
          { hint: 'Download the file again (check its checksum); the previous posts.jsonl was left untouched.', cause: error },
        );
      }
      const [remainingHint, produced, consumed] = result;
      consumedTotal += consumed;
      pendingInput = pendingInput.subarray(consumed);
      if (produced > 0) {
        state.bytesOut += produced;
        yield output.subarray(0, produced);
      }
      if (pendingInput.length === 0 && (produced < output.length || remainingHint === 0)) {
        inFrame = remainingHint !== 0;
        break;
      }
    }
  }
  if (inFrame) {
    throw new ValactError(
      'input',
      `${input.label}: the file ends in the middle of a zstd frame at compressed byte ${consumedTotal}${totalBytes === null ? '' : ` of ${totalBytes}`} (${state.bytesOut} uncompressed bytes decoded): it is truncated`,
      { hint: 'Download the file again (check its size and checksum); the previous posts.jsonl was left untouched.' },
    );
  }
}

/** The decoder thread (decoder-thread.js): plain JavaScript, so it runs without the TypeScript loader. */
const DECODER_THREAD = new URL('./decoder-thread.js', import.meta.url);

type DecoderThreadMessage =
  | { type: 'chunk'; slot: number; length: number; consumed: number }
  | { type: 'end' | 'truncated'; consumed: number; produced: number }
  | { type: 'corrupt' | 'io'; message: string; consumed: number; produced: number };

/** Slots in the decoder's ring, and their size. */
const DECODER_POOL_SIZE = 4;
const DECODER_THREAD_CHUNK_BYTES = 4 << 20;
/** Indexes into the decoder thread's control array. */
const CONSUMED = 0;
const RELEASED = 1;

/**
 * Decode a .zst file with zstd-napi on a worker thread. A yielded chunk is valid only until the
 * next one is requested: its memory then goes back to the decoder.
 */
async function* decodeOnThread(input: DumpInput, state: ReadState, totalBytes: number, keepWindowUntil: Promise<unknown> | undefined): AsyncGenerator<Buffer> {
  const ring = new SharedArrayBuffer(DECODER_POOL_SIZE * DECODER_THREAD_CHUNK_BYTES);
  const control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(DECODER_THREAD, {
    // The decoder is plain JavaScript: none of the main thread's loader flags (tsx) are needed.
    execArgv: [],
    workerData: {
      bindingPath: zstdBindingPath,
      path: input.path,
      ring,
      control: control.buffer,
      poolSize: DECODER_POOL_SIZE,
      chunkBytes: DECODER_THREAD_CHUNK_BYTES,
      readBytes: READ_CHUNK_BYTES,
      windowLogMax: DUMP_WINDOW_LOG_MAX,
      CONSUMED,
      RELEASED,
    },
  });
  const inbox: DecoderThreadMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const arrive = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: DecoderThreadMessage) => {
    inbox.push(message);
    arrive();
  });
  worker.on('error', (error) => {
    failure = error;
    arrive();
  });
  worker.on('exit', () => arrive());
  let finished = false;
  try {
    for (;;) {
      if (inbox.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const message = inbox.shift()!;
      if (message.type === 'chunk') {
        state.bytesIn = message.consumed;
        state.bytesOut += message.length;
        yield Buffer.from(ring, message.slot * DECODER_THREAD_CHUNK_BYTES, message.length);
        // The consumer is done with the chunk: its slot goes back to the decoder.
        Atomics.add(control, CONSUMED, 1);
        Atomics.notify(control, CONSUMED);
        continue;
      }
      finished = true;
      state.bytesIn = message.consumed;
      if (message.type === 'end') return;
      // The thread's own count: chunks not yet handed over were decoded too.
      const where = `compressed byte ${message.consumed} of ${totalBytes} (${message.produced} uncompressed bytes decoded)`;
      const hint = 'Download the file again (check its size and checksum); the previous posts.jsonl was left untouched.';
      if (message.type === 'truncated') {
        throw new ValactError('input', `${input.label}: the file ends in the middle of a zstd frame at ${where}: it is truncated`, { hint });
      }
      if (message.type === 'corrupt') {
        throw new ValactError('input', `${input.label}: corrupt zstd data near ${where}: ${message.message}`, { hint });
      }
      throw new ValactError('input', `cannot read dump file ${input.path}: ${(message as { message: string }).message}`);
    }
  } finally {
    const release = () => {
      Atomics.store(control, RELEASED, 1);
      Atomics.notify(control, RELEASED);
    };
    if (!finished) {
      release();
      await worker.terminate();
    } else if (keepWindowUntil) {
      // The thread now only waits to free its window: it must not keep the process alive.
      worker.unref();
      void keepWindowUntil.finally(release);
    } else {
      release();
    }
  }
}

/** Decode with the system `zstd` binary in a child process, so decoding runs on another core. */
async function* decodeWithCli(input: DumpInput, state: ReadState): AsyncGenerator<Buffer> {
  const child = spawn('zstd', ['-d', '-c', '-q', `--long=${DUMP_WINDOW_LOG_MAX}`, input.path], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderrText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderrText.length < 4000) stderrText += text;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      state.bytesOut += chunk.length;
      yield chunk;
    }
    const code = await exited;
    finished = true;
    if (code !== 0) {
      const reason = stderrText.trim().split('\n').pop() ?? `exit code ${code}`;
      throw new ValactError(
        'input',
        `${input.label}: zstd could not decode the file after ${state.bytesOut} uncompressed bytes: ${reason} — the file is truncated or corrupt`,
        { hint: 'Download the file again (check its size and checksum); the previous posts.jsonl was left untouched. Decoder "zstd-napi" reports the compressed byte offset.' },
      );
    }
  } finally {
    // Stopped early (--limit) or failed downstream: do not leave the decoder running.
    if (!finished) child.kill();
  }
}

/**
 * The uncompressed bytes of one dump input, in chunks. zstd is recognised by the `.zst`
 * extension or by its magic number (stdin); anything else is read as NDJSON.
 */
export async function* readDumpBytes(
  input: DumpInput,
  options: {
    decoder: DecoderName;
    stdin?: AsyncIterable<Buffer>;
    /**
     * When the zstd-napi decoder thread frees its window after a complete read (default: as
     * soon as the last chunk was scanned). Unmapping the window stalls the whole process for
     * ~0.1 s per GB decoded, so a caller with work left (writing its outputs) passes a promise
     * that settles when that work is done. An error or an early stop frees it at once.
     */
    keepWindowUntil?: Promise<unknown>;
  },
  state: ReadState,
): AsyncGenerator<Buffer> {
  const isStdin = input.path === '-';
  let totalBytes: number | null = null;
  if (!isStdin) {
    try {
      totalBytes = (await stat(input.path)).size;
    } catch (error) {
      throw new ValactError('input', `cannot read dump file ${input.path}: ${(error as Error).message}`, {
        hint: 'Check the path given to --input.',
      });
    }
  }
  const looksCompressedByName = !isStdin && input.path.toLowerCase().endsWith('.zst');
  if (looksCompressedByName && options.decoder === 'zstd-cli') {
    state.compressed = true;
    state.decoder = 'zstd-cli';
    state.bytesIn = totalBytes ?? 0;
    yield* decodeWithCli(input, state);
    return;
  }
  if (looksCompressedByName && totalBytes !== null) {
    state.compressed = true;
    state.decoder = 'zstd-napi';
    yield* decodeOnThread(input, state, totalBytes, options.keepWindowUntil);
    return;
  }
  const raw: AsyncIterable<Buffer> = isStdin
    ? (options.stdin ?? (process.stdin as Readable & AsyncIterable<Buffer>))
    : (createReadStream(input.path, { highWaterMark: READ_CHUNK_BYTES }) as Readable & AsyncIterable<Buffer>);
  const counted = countBytes(raw, state);
  // Pull the first chunk to decide the format, then replay it.
  const first = await counted.next();
  if (first.done) return;
  const head: Buffer = first.value;
  const hasMagic = head.length >= 4 && head.subarray(0, 4).equals(ZSTD_MAGIC);
  if (looksCompressedByName && !hasMagic) {
    throw new ValactError('input', `${input.label}: named .zst but it does not start with the zstd magic number (found ${head.subarray(0, 4).toString('hex')})`, {
      hint: 'Check that the file is a zstd-compressed dump, or rename it to .ndjson if it is plain text.',
    });
  }
  const replayed = prepend(first.value, counted);
  if (!hasMagic) {
    for await (const chunk of replayed) {
      state.bytesOut += chunk.length;
      yield chunk;
    }
    return;
  }
  state.compressed = true;
  state.decoder = 'zstd-napi';
  yield* decodeInProcess(replayed, input, state, totalBytes);
}

async function* countBytes(source: AsyncIterable<Buffer>, state: ReadState): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    state.bytesIn += chunk.length;
    yield chunk;
  }
}

/** `yield*` forwards an early return to `rest`, so a stopped read closes the file. */
async function* prepend(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}
