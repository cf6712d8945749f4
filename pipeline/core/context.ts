/**
 * What a stage is handed: where the data lives, the validated config, and the ways it may talk
 * to the researcher (log lines and progress on stderr). Stages never read argv or exit.
 *
 * The context is generic in its config: the CLI assembles the whole config from every stage's
 * section, and a stage asks only for the sections it reads (`StageContext<{ filter: FilterConfig }>`),
 * so this floor never depends on the stages above it.
 */
import { join, resolve } from 'node:path';
import { createProgress, type Progress, type ProgressOptions } from './progress.ts';

export interface DataPaths {
  root: string;
  /** collect's output folder: DATA/raw */
  raw: string;
  rawPosts: string;
  rawReport: string;
  /** A later stage's output folder: DATA/work/<stage> */
  work(stage: string): string;
  /** Where a stage writes its outputs, report and dropped records: DATA/raw for collect, else DATA/work/<stage> */
  stageDir(stage: string): string;
  /** A stage's report and completion marker: DATA/raw/report.json or DATA/work/<stage>/report.json */
  report(stage: string): string;
  /** The LLM response cache: DATA/cache */
  cache: string;
  /** Published releases: DATA/release */
  release: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const root = resolve(dataDir);
  return {
    root,
    raw: join(root, 'raw'),
    rawPosts: join(root, 'raw', 'posts.jsonl'),
    rawReport: join(root, 'raw', 'report.json'),
    work: (stage) => join(root, 'work', stage),
    stageDir: (stage) => (stage === 'collect' ? join(root, 'raw') : join(root, 'work', stage)),
    report: (stage) => (stage === 'collect' ? join(root, 'raw', 'report.json') : join(root, 'work', stage, 'report.json')),
    cache: join(root, 'cache'),
    release: join(root, 'release'),
  };
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StageContext<Config = unknown> {
  paths: DataPaths;
  config: Config;
  /** Redo finished work instead of skipping it. */
  force: boolean;
  /** Accept an input with no records (by default a stage refuses to replace its outputs with nothing). */
  allowEmpty: boolean;
  quiet: boolean;
  log: Logger;
  progress(options: Omit<ProgressOptions, 'quiet' | 'stream'>): Progress;
  /** The environment, for secrets and endpoints (never written anywhere). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface ContextOptions<Config> {
  dataDir: string;
  config: Config;
  force?: boolean;
  allowEmpty?: boolean;
  quiet?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  stderr?: NodeJS.WriteStream;
}

export function createContext<Config>(options: ContextOptions<Config>): StageContext<Config> {
  const stderr = options.stderr ?? process.stderr;
  const quiet = options.quiet ?? false;
  return {
    paths: dataPaths(options.dataDir),
    config: options.config,
    force: options.force ?? false,
    allowEmpty: options.allowEmpty ?? false,
    quiet,
    log: {
      info: (message) => {
        if (!quiet) stderr.write(`${message}\n`);
      },
      // Warnings are shown even under --quiet: they say something the researcher must know.
      warn: (message) => stderr.write(`warning: ${message}\n`),
    },
    progress: (progressOptions) => createProgress({ ...progressOptions, quiet, stream: stderr }),
    env: options.env ?? process.env,
  };
}

/** What a stage hands back to the CLI: its report and a few lines for the terminal. */
export interface StageResult {
  stage: string;
  /** Human summary lines, printed to stdout. */
  summary: string[];
  /** Path of the stage report, if one was written. */
  reportPath?: string;
  /** True when the stage found its work already done and skipped it. */
  upToDate?: boolean;
}
