/** In-memory stdout/stderr for running the CLI in-process. */
import { Writable } from 'node:stream';
import type { Io } from '../../pipeline/cli.ts';

export interface CapturedIo extends Io {
  out(): string;
  err(): string;
}

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

export function captureIo(env: Record<string, string | undefined> = {}): CapturedIo {
  const stdout = capture();
  const stderr = capture();
  return { stdout: stdout.stream, stderr: stderr.stream, env, out: stdout.text, err: stderr.text };
}
