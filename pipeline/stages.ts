/**
 * The stages, in pipeline order: each is a command, loaded lazily so `valact collect` never pays
 * for the release code. `valact pipeline` runs them in this order; the CLI lists them.
 */
import type { Config } from './config.ts';
import type { CommandSpec } from './core/command.ts';
import type { StageContext } from './core/context.ts';

export type PipelineContext = StageContext<Config>;

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CommandSpec<PipelineContext>>;
}

export const STAGE_COMMANDS: readonly CommandEntry[] = [
  {
    name: 'collect',
    summary: 'Collect Reddit submissions (sample, dumps or live API) into DATA/raw/posts.jsonl',
    load: async () => (await import('./collect/command.ts')).collectCommand,
  },
  {
    name: 'filter',
    summary: 'Filter raw posts by presence, language, advice/decision, duplicates; clean and mask PII',
    load: async () => (await import('./filter/command.ts')).filterCommand,
  },
  {
    name: 'generate',
    summary: 'Rewrite filtered posts into value-tagged binary-choice scenarios with an LLM',
    load: async () => (await import('./generate/command.ts')).generateCommand,
  },
  {
    name: 'validate',
    summary: 'Check generated scenarios against the JSON Schemas and cross-record rules',
    load: async () => (await import('./validate/command.ts')).validateCommand,
  },
  {
    name: 'release',
    summary: 'Publish a balanced, versioned release (scenarios, items, card, manifest)',
    load: async () => (await import('./release/command.ts')).releaseCommand,
  },
];
