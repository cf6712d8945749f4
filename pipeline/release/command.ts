import type { CommandSpec } from '../core/command.ts';
import { notBuilt } from '../core/not-built.ts';

export const releaseCommand: CommandSpec = {
  name: 'release',
  summary: 'Publish a versioned release into DATA/release/<version>/',
  options: [
    { name: 'version', kind: 'string', placeholder: 'X.Y.Z', default: null, description: 'Version to publish.' },
    { name: 'per-value', kind: 'integer', placeholder: 'N', config: 'release.per_value', description: 'Scenarios per value.' },
  ],
  run: async () => notBuilt('release', 6),
};
