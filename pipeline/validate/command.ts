import type { CommandSpec } from '../core/command.ts';
import { CHECKS, CHECK_NAMES } from './checks.ts';

export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: 'Validate DATA/work/generate/scenarios.jsonl into DATA/work/validate/',
  options: [
    { name: 'input', kind: 'string', placeholder: 'FILE', default: 'DATA/work/generate/scenarios.jsonl', description: 'Scenarios to validate.' },
    { name: 'max-option-length-ratio', kind: 'number', placeholder: 'R', config: 'validate.max_option_length_ratio', description: 'Longest allowed ratio between the two options\' lengths.' },
    { name: 'verbatim-span-words', kind: 'integer', placeholder: 'N', config: 'validate.verbatim_span_words', description: 'A run of N words shared with the source post is a verbatim copy.' },
  ],
  notes: [
    'Checks (hard ones fail the stage, soft ones reject the record):',
    ...CHECK_NAMES.map((check) => `  ${check.padEnd(20)} ${CHECKS[check].severity.padEnd(4)}  ${CHECKS[check].description}`),
    'Outputs: DATA/work/validate/scenarios.jsonl (valid), failures.jsonl (record id, line, JSON path), report.json.',
  ],
  async run(ctx, args) {
    const { run } = await import('./run.ts');
    return run(ctx, { ...(typeof args.input === 'string' ? { input: args.input } : {}) });
  },
};
