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

/** A command made of subcommands (`valact audit judge`): its own help lists them. */
export interface CommandGroup {
  name: string;
  summary: string;
  subcommands: readonly CommandEntry[];
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

/** The label audit: after a release, before the next. */
export const AUDIT_COMMANDS: CommandGroup = {
  name: 'audit',
  summary: 'Audit a release\'s value labels: LLM judges, a human round trip, agreement with intervals',
  subcommands: [
    { name: 'judge', summary: 'Every scenario read blind by each LLM judge; then the report', load: async () => (await import('./audit/command.ts')).auditJudgeCommand },
    { name: 'export', summary: 'Draw a stratified sample; write one packet per annotator (no labels)', load: async () => (await import('./audit/command.ts')).auditExportCommand },
    { name: 'serve', summary: 'Serve the annotation page for one packet on 127.0.0.1', load: async () => (await import('./audit/command.ts')).auditServeCommand },
    { name: 'import', summary: 'Import filled packets or the page\'s answers; then the report', load: async () => (await import('./audit/command.ts')).auditImportCommand },
    { name: 'report', summary: 'Measure the labels against every judgment and annotation so far', load: async () => (await import('./audit/command.ts')).auditReportCommand },
  ],
};

/** The study a release exists for: models and people answer its items and a value questionnaire. */
export const EVALUATE_COMMANDS: CommandGroup = {
  name: 'evaluate',
  summary: 'Run the paper\'s experiments on a release: knowing vs doing, for models and people (or simulated respondents)',
  subcommands: [
    { name: 'run', summary: 'Ask every item and the questionnaire of each respondent; then the report', load: async () => (await import('./evaluate/command.ts')).evaluateRunCommand },
    { name: 'survey', summary: 'Serve the items and the questionnaire to one person on 127.0.0.1 (answers saved as given)', load: async () => (await import('./evaluate/survey-command.ts')).evaluateSurveyCommand },
    { name: 'import', summary: 'Import people\'s answers (the survey page\'s file, or a CSV) into a run; then the report', load: async () => (await import('./evaluate/survey-command.ts')).evaluateImportCommand },
    { name: 'report', summary: 'Measure knowing, doing and saying from a run\'s answers', load: async () => (await import('./evaluate/command.ts')).evaluateReportCommand },
  ],
};
