import type { CommandSpec } from '../core/command.ts';
import { notBuilt } from '../core/not-built.ts';

export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: 'Validate DATA/work/generate/scenarios.jsonl into DATA/work/validate/',
  options: [],
  run: async () => notBuilt('validate', 6),
};
