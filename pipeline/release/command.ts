import type { CommandSpec } from '../core/command.ts';

export const releaseCommand: CommandSpec = {
  name: 'release',
  summary: 'Publish a versioned release into DATA/release/<version>/',
  options: [
    { name: 'version', kind: 'string', placeholder: 'X.Y.Z', config: 'release.version', description: 'Version to publish; an existing version is never overwritten.' },
    { name: 'per-value', kind: 'integer', placeholder: 'N', config: 'release.per_value', description: 'Scenarios per value (none = what generate ran with: 10 offline, 300 with a model).' },
    { name: 'allow-unbalanced', kind: 'boolean', config: 'release.allow_unbalanced', description: 'Publish even when a value has fewer than N scenarios.' },
    { name: 'out', kind: 'string', placeholder: 'DIR', default: 'DATA/release/<version>', description: 'Write the release folder here instead (e.g. to compare a rebuild).' },
    { name: 'verify', kind: 'string', placeholder: 'DIR', default: null, description: 'Re-check a published release folder (hashes, schemas, keys, counts, CSV) and build nothing.' },
  ],
  notes: [
    'Reads DATA/work/validate/scenarios.jsonl (run `valact validate` first) and DATA/<release.takedown_file>.',
    'Writes scenarios.jsonl, items.jsonl, items.csv, schemas/, manifest.json, README.md, croissant.json, CHANGELOG.md.',
    'Dates come from SOURCE_DATE_EPOCH, else release.date, else the newest source post; never the clock.',
  ],
  async run(ctx, args) {
    const { run } = await import('./run.ts');
    return run(ctx, {
      // --version is applied to the config by the CLI; this keeps run(ctx, {}) on the config default.
      ...(typeof args.out === 'string' ? { out: args.out } : {}),
      ...(typeof args.verify === 'string' ? { verify: args.verify } : {}),
    });
  },
};
