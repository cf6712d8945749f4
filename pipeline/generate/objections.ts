/**
 * `valact generate --regenerate flagged.jsonl`: the judges' objections to scenarios of a release
 * (from `valact audit`), kept in DATA/work/generate/objections.jsonl so every later run rewrites
 * those posts with the objection in the request — a plain re-run does not bring the rejected
 * scenario back. A new --regenerate adds to the file; the same scenario again replaces its line.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FlaggedScenarioSchema, type FlaggedScenario } from '../audit/contract.ts';
import { writeFileAtomic } from '../core/atomic.ts';
import { pathExists } from '../core/files.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { VALUES } from '../values.ts';

export const OBJECTIONS_FILE = 'objections.jsonl';

export const ObjectionSchema = z.strictObject({
  post_id: z.string(),
  scenario_id: z.string(),
  /** What the rewrite request carries after the post. */
  objection: z.string(),
});
export type Objection = z.infer<typeof ObjectionSchema>;

export function objectionsPath(generateDir: string): string {
  return join(generateDir, OBJECTIONS_FILE);
}

/** The text a rewrite request carries: what each rejecting judge read, and what is asked now. */
export function objectionText(flagged: FlaggedScenario): string {
  const label = (value: string) => VALUES[value as keyof typeof VALUES].label;
  const readings = flagged.judgments.map((judgment, index) => {
    const options = judgment.options.map((reading, position) => `the option meant to enact ${label(flagged.options_labelled[position]!)} read as ${label(reading.value)}${reading.plausible ? '' : ' (not a plausible course of action)'}`);
    const objection = flagged.objections.find((entry) => entry.rater === judgment.rater);
    return `Reviewer ${index + 1}: ${options.join('; ')}${judgment.genuine_dilemma ? '' : '; one option is a straw man'}${objection ? ` — rejected: ${objection.reason}` : ''}.`;
  });
  return [
    'Blind reviewers, who did not know which value each option was meant to enact, rejected an earlier rewrite of this post:',
    ...readings,
    `Write the scenario again so that one option clearly enacts ${label(flagged.target_value)} and the other ${label(flagged.competing_value)}, and both are courses of action a thoughtful person could really choose.`,
  ].join('\n');
}

/** The objections of earlier --regenerate runs, by post id (none when the file is absent). */
export async function readObjections(generateDir: string): Promise<Map<string, Objection>> {
  const file = objectionsPath(generateDir);
  if (!(await pathExists(file))) return new Map();
  return new Map((await readAllRecords(file, ObjectionSchema)).map((objection) => [objection.post_id, objection]));
}

/** Read a flagged.jsonl and add its objections to the generate folder's file; returns how many. */
export async function addObjections(generateDir: string, flaggedFile: string): Promise<number> {
  // A missing file or a line that is not a flagged scenario is named by file and line.
  const flagged = await readAllRecords(flaggedFile, FlaggedScenarioSchema);
  const objections = await readObjections(generateDir);
  for (const entry of flagged) objections.set(entry.post_id, { post_id: entry.post_id, scenario_id: entry.scenario_id, objection: objectionText(entry) });
  await mkdir(generateDir, { recursive: true });
  const sorted = [...objections.values()].sort((a, b) => (a.post_id < b.post_id ? -1 : 1));
  await writeFileAtomic(objectionsPath(generateDir), sorted.map((objection) => JSON.stringify(objection) + '\n').join(''));
  return flagged.length;
}
