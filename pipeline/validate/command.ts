import type { CommandSpec } from '../core/command.ts';
import { CHECKS, CHECK_NAMES } from './contract.ts';
import type { ValidateContext } from './run.ts';

export const validateCommand: CommandSpec<ValidateContext> = {
  name: 'validate',
  summary: 'Validate DATA/work/generate/scenarios.jsonl into DATA/work/validate/',
  options: [
    { name: 'input', kind: 'string', placeholder: 'FILE', default: 'DATA/work/generate/scenarios.jsonl', description: 'Scenarios to validate.' },
  ],
  notes: [
    'Checks (hard ones fail the stage, soft ones reject the record):',
    ...CHECK_NAMES.map((check) => `  ${check.padEnd(20)} ${CHECKS[check].severity.padEnd(4)}  ${CHECKS[check].description}`),
    'Outputs: DATA/work/validate/scenarios.jsonl (valid), dropped.jsonl (record id, line, and each failure with its JSON path), report.json.',
  ],
  async run(ctx, args) {
    const { run } = await import('./run.ts');
    return run(ctx, { ...(typeof args.input === 'string' ? { input: args.input } : {}) });
  },
};
