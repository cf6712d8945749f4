/**
 * `valact evaluate <subcommand>`: run the paper's study on a release — every item and the value
 * questionnaire asked of models (or simulated respondents) — and report knowing vs doing.
 * `run` writes the report afterwards, so DATA/eval/<run>/ is always current.
 */
import type { CommandSpec, OptionSpec } from '../core/command.ts';
import type { StageResult } from '../core/context.ts';
import type { EvaluateContext } from './answering.ts';
import { endpointOptions } from '../llm/options.ts';

const RELEASE_OPTION: OptionSpec = { name: 'release', kind: 'string', placeholder: 'DIR', default: null, description: 'The release folder to evaluate on (default: the newest under DATA/release/).' };
const RUN_OPTION: OptionSpec = { name: 'run', kind: 'string', placeholder: 'NAME', default: null, description: 'The run\'s folder name under DATA/eval/ (default: the release version and the respondents).' };

const stringArg = (args: Record<string, unknown>, name: string) => (typeof args[name] === 'string' ? (args[name] as string) : undefined);

export const evaluateRunCommand: CommandSpec<EvaluateContext> = {
  name: 'evaluate run',
  summary: 'Ask every item of a release and the value questionnaire of each respondent; then the report',
  options: [
    RELEASE_OPTION,
    RUN_OPTION,
    { name: 'model', kind: 'multiple', placeholder: 'MODEL', default: null, description: 'A respondent model on the default endpoint; repeat for several (default: evaluate.models, else the endpoint\'s evaluate.model, else the SIMULATED respondents).' },
    { name: 'repeats', kind: 'integer', placeholder: 'N', config: 'evaluate.repeats', description: 'Times each item and question is asked.' },
    { name: 'temperature', kind: 'number', placeholder: 'T', config: 'evaluate.temperature', description: 'Sampling temperature of every answer.' },
    { name: 'questionnaire', kind: 'string', placeholder: 'FILE', config: 'evaluate.questionnaire', description: 'A questionnaire file in the format of prompts/questionnaire.v1.md (default: that file, which is not a validated instrument).' },
    ...endpointOptions('evaluate', 'simulated respondents'),
  ],
  notes: [
    'Models answer {"choice": "A"|"B"} by JSON Schema; with evaluate.structured false, a strict reader of the letter. Refusals and unreadable answers are counted, never guessed.',
    'Writes DATA/eval/<run>/answers/ (responses.jsonl, questionnaire.jsonl, manifest.json, dropped.jsonl, report.json), then the report (eval.json, EVAL.md, figures/).',
    'With no endpoint, SIMULATED respondents with built-in value priorities answer, marked so everywhere.',
  ],
  async run(ctx, args) {
    const { runEvaluation, dryRunEvaluation } = await import('./evaluation.ts');
    const options = {
      ...(stringArg(args, 'release') ? { release: stringArg(args, 'release')! } : {}),
      ...(stringArg(args, 'run') ? { run: stringArg(args, 'run')! } : {}),
      models: Array.isArray(args.model) ? (args.model as string[]) : [],
    };
    if (ctx.config.evaluate.dry_run) return { stage: 'evaluate run', summary: [await dryRunEvaluation(ctx, options)] };
    return runEvaluation(ctx, options);
  },
};

export const evaluateReportCommand: CommandSpec<EvaluateContext> = {
  name: 'evaluate report',
  summary: 'Measure knowing, doing and saying from a run\'s answers; write eval.json, EVAL.md and figures',
  options: [
    { name: 'run', kind: 'string', placeholder: 'NAME', default: null, description: 'The run under DATA/eval/ (default: the newest).' },
    { name: 'resamples', kind: 'integer', placeholder: 'N', config: 'evaluate.bootstrap_resamples', description: 'Bootstrap resamples behind every interval.' },
  ],
  notes: ['Run by `evaluate run` already; run it alone after changing the bootstrap settings.'],
  async run(ctx, args): Promise<StageResult> {
    const { reportEvaluation } = await import('./evaluation.ts');
    return reportEvaluation(ctx, { ...(stringArg(args, 'run') ? { run: stringArg(args, 'run')! } : {}) });
  },
};
