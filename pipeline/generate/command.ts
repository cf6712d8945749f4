import type { CommandSpec } from '../core/command.ts';
import { notBuilt } from '../core/not-built.ts';

export const generateCommand: CommandSpec = {
  name: 'generate',
  summary: 'Rewrite filtered posts into scenarios in DATA/work/generate/',
  options: [
    { name: 'provider', kind: 'string', choices: ['openai', 'offline'], config: 'generate.provider', description: 'Model provider (default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline).' },
    { name: 'model', kind: 'string', placeholder: 'NAME', config: 'generate.model', description: 'Model name.' },
    { name: 'per-value', kind: 'integer', placeholder: 'N', config: 'generate.per_value', description: 'Scenarios wanted per value.' },
  ],
  run: async () => notBuilt('generate', 5),
};
