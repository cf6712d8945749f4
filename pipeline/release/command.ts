import type { CommandSpec } from '../core/command.ts';
import type { ReleaseContext } from './run.ts';

export const releaseCommand: CommandSpec<ReleaseContext> = {
  name: 'release',
  summary: 'Publish a versioned release into DATA/release/<version>/',
  options: [
    { name: 'version', kind: 'string', placeholder: 'X.Y.Z', config: 'release.version', description: 'Version to publish; an existing version is never overwritten.' },
    { name: 'per-value', kind: 'integer', placeholder: 'N', config: 'release.per_value', description: 'Scenarios per value (none = what generate was asked for, from its report: 10 offline, 300 with a model).' },
    { name: 'allow-unbalanced', kind: 'boolean', config: 'release.allow_unbalanced', description: 'Publish even when a value has fewer than N scenarios.' },
    { name: 'exclude-flagged', kind: 'boolean', config: 'release.exclude_flagged', description: 'Leave out the scenarios the latest label audit flagged (the change log lists them).' },
    { name: 'out', kind: 'string', placeholder: 'DIR', default: 'DATA/release/<version>', description: 'Write the release folder here instead (e.g. to compare a rebuild).' },
    { name: 'verify', kind: 'string', placeholder: 'DIR', default: null, description: 'Re-check a published release folder (hashes, schemas, keys, counts, CSV) and build nothing.' },
    { name: 'if-published', kind: 'string', choices: ['refuse', 'next-patch'], default: 'refuse', description: 'When the version is already published with other content: refuse (naming the next free patch), or publish as that patch.' },
  ],
  notes: [
    'Reads DATA/work/validate/scenarios.jsonl (run `valact validate` first) and DATA/<release.takedown_file>.',
    'Writes scenarios.jsonl, items.jsonl, items.csv, schemas/, manifest.json, README.md, croissant.json, CHANGELOG.md.',
    'The latest audit of the selected scenarios (DATA/audit/<version>/audit.json, from `valact audit`) goes into the card and manifest ("Label audit").',
    'Dates come from SOURCE_DATE_EPOCH, else release.date, else the newest source post; never the clock.',
  ],
  async run(ctx, args) {
    const { run } = await import('./run.ts');
    return run(ctx, {
      // --version is applied to the config by the CLI; this keeps run(ctx, {}) on the config default.
      ...(typeof args.out === 'string' ? { out: args.out } : {}),
      ...(typeof args.verify === 'string' ? { verify: args.verify } : {}),
      ifPublished: args['if-published'] === 'next-patch' ? 'next_patch' : 'refuse',
    });
  },
};
