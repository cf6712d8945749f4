/**
 * One error type for everything a researcher can act on. Stages throw it; only the CLI turns
 * it into a message and an exit code.
 */

export const ERROR_EXIT_CODES = {
  /** Bad command line: unknown option, wrong value. */
  usage: 2,
  /** The config file is missing, unreadable or invalid. */
  config: 2,
  /** Credentials or an endpoint needed for this run are not configured. */
  credentials: 2,
  /** An input file is missing, unreadable, truncated or corrupt. */
  input: 3,
  /** Too many malformed lines or records in an input. */
  malformed_input: 3,
  /** A file or folder could not be read or written: permission, disk full, a folder where a file was expected. */
  io: 4,
  /** Refusing to overwrite something that must never be overwritten (a published release). */
  already_exists: 5,
  /** Another run of the same stage holds this data folder. */
  locked: 5,
  /** Validation found hard failures. */
  validation_failed: 6,
  /** A spending limit stopped the run before it was exceeded. */
  budget: 7,
  /** An outside service failed after all retries. */
  network: 8,
  /** A bug: an invariant of the pipeline itself broke (e.g. counts that do not add up). */
  internal: 70,
} as const;

export type ErrorCode = keyof typeof ERROR_EXIT_CODES;

export class ValactError extends Error {
  override readonly name = 'ValactError';
  readonly code: ErrorCode;
  /** What the researcher can do next, printed under the message. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  get exitCode(): number {
    return ERROR_EXIT_CODES[this.code];
  }
}

export function isValactError(error: unknown): error is ValactError {
  return error instanceof ValactError;
}

/** What an operating-system error code means, and what the researcher can do about it. */
const IO_EXPLANATIONS: Readonly<Record<string, { what: string; hint: string }>> = {
  EACCES: { what: 'permission denied', hint: 'Check the permissions of the folder, or pass --data to a folder you can write.' },
  EPERM: { what: 'operation not permitted', hint: 'Check the permissions of the folder, or pass --data to a folder you can write.' },
  EROFS: { what: 'the file system is read-only', hint: 'Pass --data to a folder on a writable file system.' },
  ENOSPC: { what: 'no space left on the device', hint: 'Free some disk space (or pass --data to a larger disk) and run again; finished work is kept.' },
  EDQUOT: { what: 'disk quota exceeded', hint: 'Free some space within your quota and run again; finished work is kept.' },
  EISDIR: { what: 'is a folder, not a file', hint: 'Give the path of a file.' },
  ENOTDIR: { what: 'a part of the path is not a folder', hint: 'Check the path.' },
  ENOENT: { what: 'no such file or folder', hint: 'Check the path, or run the stage that writes it first.' },
  EMFILE: { what: 'too many open files', hint: 'Raise the open-file limit (ulimit -n) and run again.' },
};

/**
 * An operating-system error as a ValactError of code `io` that names the path; anything else
 * is returned unchanged. Permission and disk-full errors are the machine's, not valact's bugs.
 */
export function asIoError(error: unknown, path?: string): unknown {
  if (isValactError(error)) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !(code in IO_EXPLANATIONS)) return error;
  const explained = IO_EXPLANATIONS[code]!;
  const where = (error as NodeJS.ErrnoException).path ?? path ?? 'a file';
  return new ValactError('io', `${where}: ${explained.what} (${code})`, { hint: explained.hint, cause: error });
}
