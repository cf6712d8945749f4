/**
 * `valact generate --regenerate flagged.jsonl`: the judges' objections to scenarios of a release
 * (from `valact audit`), kept in DATA/work/generate/objections.jsonl so every later run rewrites
 * those posts with the objection in the request — a plain re-run does not bring the rejected
 * scenario back. A new --regenerate adds to the file; the same scenario again replaces its line.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FlaggedScenarioSchema, type FlaggedScenario } from '../audit/contract.ts';
import { writeFileAtomic } from '../core/atomic.ts';
import { ValactError } from '../core/errors.ts';
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

async function readLines(file: string): Promise<{ line: number; text: string }[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').flatMap((line, index) => (line.trim() === '' ? [] : [{ line: index + 1, text: line }]));
}

/** The objections of earlier --regenerate runs, by post id (none when the file is absent). */
export async function readObjections(generateDir: string): Promise<Map<string, Objection>> {
  const file = objectionsPath(generateDir);
  const objections = new Map<string, Objection>();
  let lines: { line: number; text: string }[];
  try {
    lines = await readLines(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return objections;
    throw error;
  }
  for (const { line, text } of lines) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // reported below as not an objection record
    }
    const parsed = ObjectionSchema.safeParse(json);
    if (!parsed.success) throw new ValactError('input', `${file}:${line}: not an objection record`, { hint: `Remove ${file} to forget every --regenerate.` });
    objections.set(parsed.data.post_id, parsed.data);
  }
  return objections;
}

/** Read a flagged.jsonl and add its objections to the generate folder's file; returns how many. */
export async function addObjections(generateDir: string, flaggedFile: string): Promise<number> {
  let lines: { line: number; text: string }[];
  try {
    lines = await readLines(flaggedFile);
  } catch (error) {
    throw new ValactError('input', `cannot read ${flaggedFile}: ${(error as Error).message}`, { hint: 'Give the flagged.jsonl of an audit: DATA/audit/<version>/flagged.jsonl.' });
  }
  const objections = await readObjections(generateDir);
  for (const { line, text } of lines) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ValactError('input', `${flaggedFile}:${line}: not JSON: ${(error as Error).message}`);
    }
    const parsed = FlaggedScenarioSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValactError('input', `${flaggedFile}:${line}: not a flagged scenario (${issue.path.join('.') || 'line'}: ${issue.message})`, { hint: 'Give the flagged.jsonl written by `valact audit`.' });
    }
    objections.set(parsed.data.post_id, { post_id: parsed.data.post_id, scenario_id: parsed.data.scenario_id, objection: objectionText(parsed.data) });
  }
  await mkdir(generateDir, { recursive: true });
  const sorted = [...objections.values()].sort((a, b) => (a.post_id < b.post_id ? -1 : 1));
  await writeFileAtomic(objectionsPath(generateDir), sorted.map((objection) => JSON.stringify(objection) + '\n').join(''));
  return lines.length;
}
