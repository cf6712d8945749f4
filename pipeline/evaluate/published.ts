/**
 * The release an evaluation asks: its items, and what identifies it (version and the sha256 of
 * each file, from its manifest), so a run says exactly which bytes its respondents saw.
 */
import { join } from 'node:path';
import type { StageContext } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { ItemSchema, type Item } from '../records.ts';
import { openPublishedRelease, type PublishedRelease } from '../release/contract.ts';

export interface EvaluatedRelease extends PublishedRelease {
  items: Item[];
}

export async function readEvaluatedRelease(ctx: StageContext<unknown>, releaseOption: string | undefined): Promise<EvaluatedRelease> {
  const release = await openPublishedRelease(ctx.paths.release, releaseOption, 'evaluate');
  return { ...release, items: await readAllRecords(join(release.directory, 'items.jsonl'), ItemSchema) };
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
