/** Reading what a stage wrote, in tests: a JSON file, and a JSONL file's records (blank lines skipped). */
import { readFile } from 'node:fs/promises';

export const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

export const readJsonl = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
