/**
 * What a stage is handed: where the data lives, the validated config, and the ways it may talk
 * to the researcher (log lines and progress on stderr). Stages never read argv or exit.
 */
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { createProgress, type Progress, type ProgressOptions } from './progress.ts';

export const STAGES = ['collect', 'filter', 'generate', 'validate', 'release'] as const;
export type StageName = (typeof STAGES)[number];

export interface DataPaths {
  root: string;
  /** collect's output folder: DATA/raw */
  raw: string;
  rawPosts: string;
  rawReport: string;
  /** A later stage's output folder: DATA/work/<stage> */
  work(stage: StageName): string;
  /** A stage's report and completion marker: DATA/raw/report.json or DATA/work/<stage>/report.json */
  report(stage: StageName): string;
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
    report: (stage) => (stage === 'collect' ? join(root, 'raw', 'report.json') : join(root, 'work', stage, 'report.json')),
    cache: join(root, 'cache'),
    release: join(root, 'release'),
  };
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StageContext {
  paths: DataPaths;
  config: Config;
  /** Redo finished work instead of skipping it. */
  force: boolean;
  quiet: boolean;
  log: Logger;
  progress(options: Omit<ProgressOptions, 'quiet' | 'stream'>): Progress;
  /** The environment, for secrets and endpoints (never written anywhere). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface ContextOptions {
  dataDir: string;
  config: Config;
  force?: boolean;
  quiet?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  stderr?: NodeJS.WriteStream;
}

export function createContext(options: ContextOptions): StageContext {
  const stderr = options.stderr ?? process.stderr;
  const quiet = options.quiet ?? false;
  return {
    paths: dataPaths(options.dataDir),
    config: options.config,
    force: options.force ?? false,
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
  stage: StageName | 'pipeline';
  /** Human summary lines, printed to stdout. */
  summary: string[];
  /** Path of the stage report, if one was written. */
  reportPath?: string;
  /** True when the stage found its work already done and skipped it. */
  upToDate?: boolean;
}
