/**
 * The release an evaluation asks: its items, and what identifies it (version and the sha256 of
 * each file, from its manifest), so a run says exactly which bytes its respondents saw.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { ItemSchema, type Item } from '../records.ts';
import { latestRelease } from '../release/contract.ts';

export interface EvaluatedRelease {
  directory: string;
  version: string;
  items: Item[];
  /** path → sha256 of the release's files, as its manifest lists them. */
  files: Record<string, string>;
  simulated: boolean;
}

export async function readEvaluatedRelease(ctx: StageContext<unknown>, releaseOption: string | undefined): Promise<EvaluatedRelease> {
  const directory = releaseOption ? resolve(releaseOption) : await latestRelease(ctx.paths.release);
  if (!directory) throw new ValactError('input', `no release to evaluate in ${ctx.paths.release}`, { hint: 'Publish one with `valact release`, or pass --release DIR.' });
  let manifest: { version?: unknown; simulated?: unknown; files?: unknown };
  try {
    manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    throw new ValactError('input', `${directory} is not a release folder (cannot read manifest.json: ${(error as Error).message})`, { hint: 'Pass --release data/release/X.Y.Z.' });
  }
  const files: Record<string, string> = {};
  if (Array.isArray(manifest.files)) {
    for (const entry of manifest.files as { path?: unknown; sha256?: unknown }[]) {
      if (typeof entry.path === 'string' && typeof entry.sha256 === 'string') files[entry.path] = entry.sha256;
    }
  }
  const items = await readAllRecords(join(directory, 'items.jsonl'), ItemSchema);
  return { directory, version: typeof manifest.version === 'string' ? manifest.version : basename(directory), items, files, simulated: manifest.simulated === true };
}

/** DATA/eval/<run>/ and its parts: the answers stage writes answers/, `evaluate import` people/, the report the rest. */
export function evalPaths(ctx: StageContext<unknown>, run: string) {
  const root = join(ctx.paths.root, 'eval', run);
  return { root, answers: join(root, 'answers'), people: join(root, 'people') };
}

/** A run's folder name: letters, digits, dot, dash, plus or underscore (never a path). */
export function checkRunName(name: string): void {
  if (!/^[A-Za-z0-9._+-]{1,120}$/.test(name) || name.startsWith('.')) {
    throw new ValactError('usage', `--run ${JSON.stringify(name)}: a run name is letters, digits, dot, dash, plus or underscore`);
  }
}
