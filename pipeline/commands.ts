/** Every command of the CLI: the stages, then the commands that run them together, then the audit and the evaluation. */
import { AUDIT_COMMANDS, EVALUATE_COMMANDS, STAGE_COMMANDS, type CommandEntry, type CommandGroup } from './stages.ts';

export const COMMANDS: readonly (CommandEntry | CommandGroup)[] = [
  ...STAGE_COMMANDS,
  {
    name: 'pipeline',
    summary: 'Run collect -> filter -> generate -> validate -> release -> audit -> release on the current config',
    load: async () => (await import('./pipeline-command.ts')).pipelineCommand,
  },
  AUDIT_COMMANDS,
  EVALUATE_COMMANDS,
];
