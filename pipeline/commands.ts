/** Every command of the CLI: the stages, then the commands that run them together. */
import { STAGE_COMMANDS, type CommandEntry } from './stages.ts';

export const COMMANDS: readonly CommandEntry[] = [
  ...STAGE_COMMANDS,
  {
    name: 'pipeline',
    summary: 'Run collect -> filter -> generate -> validate -> release on the current config',
    load: async () => (await import('./pipeline-command.ts')).pipelineCommand,
  },
];
