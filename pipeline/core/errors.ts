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
  /** Refusing to overwrite something that must never be overwritten (a published release). */
  already_exists: 5,
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
