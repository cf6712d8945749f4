/**
 * Commands and their options, declared as data. The CLI builds argument parsing and --help
 * from these declarations; a stage's command file says only what is particular to it.
 */
import type { StageContext, StageResult } from './context.ts';

export type OptionKind = 'string' | 'number' | 'integer' | 'boolean' | 'list' | 'multiple';

export interface OptionSpec {
  /** The flag without dashes, kebab-case ("per-value"). */
  name: string;
  kind: OptionKind;
  description: string;
  /** Dotted config path the flag overrides ("collect.limit"); its default is the config's. */
  config?: string;
  /** Default for a flag that is not in the config. */
  default?: unknown;
  /** Allowed values for a string option. */
  choices?: readonly string[];
  /** Placeholder shown in --help ("N", "FILE"). */
  placeholder?: string;
}

/**
 * A command, declared as data. `Ctx` is the context its run needs: a stage asks only for the
 * config sections it reads, and the command registry checks that the whole config provides them.
 */
export interface CommandSpec<Ctx extends StageContext<unknown> = StageContext<unknown>> {
  name: string;
  summary: string;
  options: OptionSpec[];
  /** Free arguments after the options, collected into the named option (e.g. input files). */
  positionals?: string;
  /** Extra lines printed at the end of --help. */
  notes?: string[];
  run(ctx: Ctx, args: Record<string, unknown>): Promise<StageResult>;
}

/** The options every command takes. */
export const SHARED_OPTIONS: OptionSpec[] = [
  { name: 'data', kind: 'string', placeholder: 'DIR', default: 'data', description: 'Data folder: collect writes DIR/raw/, later stages DIR/work/<stage>/, releases DIR/release/, the LLM cache DIR/cache/.' },
  { name: 'config', kind: 'string', placeholder: 'FILE', default: null, description: 'JSON config file (validated); flags override it. Secrets come only from the environment.' },
  { name: 'force', kind: 'boolean', default: false, description: 'Redo finished work instead of skipping it.' },
  { name: 'allow-empty', kind: 'boolean', default: false, description: 'Accept an input with no records (otherwise the stage stops with exit 3 and keeps its previous outputs).' },
  { name: 'quiet', kind: 'boolean', default: false, description: 'No progress display or info lines (warnings and errors still show).' },
];
