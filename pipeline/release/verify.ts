/**
 * `valact release --verify DIR`: re-checks a published release against itself — every file's
 * size and sha256 against the manifest, every record against the schemas the release ships,
 * every item's key against its options, the counts, the CSV against the JSONL, and the
 * Croissant hashes.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sha256Hex } from '../core/fingerprint.ts';
import { ManifestSchema, type Item, type Manifest } from '../records.ts';
import { VALUE_IDS } from '../values.ts';
import { ITEM_TYPES } from '../records.ts';
import { loadSchemaValidator, type SchemaFileName } from '../json-schemas.ts';
import { FORMULA_CELL } from '../core/csv.ts';
import { parseItemsCsv, parseItemsCsvRaw, rowToItem } from './csv.ts';
import { expectedKey } from './items.ts';

export interface VerifyProblem {
  check: 'missing_file' | 'extra_file' | 'hash' | 'size' | 'schema' | 'json' | 'key' | 'count' | 'csv' | 'csv_formula' | 'croissant' | 'reference';
  file: string;
  /** 1-based line, for JSONL files. */
  line?: number;
  /** JSON Pointer inside the record. */
  path?: string;
  message: string;
}

export interface VerifyResult {
  directory: string;
  ok: boolean;
  problems: VerifyProblem[];
  manifest: Manifest | null;
}

async function listFiles(directory: string, root = directory): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(directory, entry.name), root) : Promise.resolve([relative(root, join(directory, entry.name))]))),
  );
  return nested.flat().sort();
}

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

function jsonLines(bytes: Buffer): string[] {
  return bytes.toString('utf8').split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
}

export async function verifyRelease(directory: string): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const manifestBytes = await readOptional(join(directory, 'manifest.json'));
  if (!manifestBytes) {
    return { directory, ok: false, manifest: null, problems: [{ check: 'missing_file', file: 'manifest.json', message: 'no manifest.json: not a release folder' }] };
  }
  let manifestValue: unknown;
  try {
    manifestValue = JSON.parse(manifestBytes.toString('utf8'));
  } catch (error) {
    return { directory, ok: false, manifest: null, problems: [{ check: 'json', file: 'manifest.json', message: (error as Error).message }] };
  }
  const schemasDir = join(directory, 'schemas');
  const validatorFor = async (name: SchemaFileName) => {
    try {
      return await loadSchemaValidator(name, schemasDir);
    } catch (error) {
      problems.push({ check: 'missing_file', file: `schemas/${name}`, message: (error as Error).message });
      return null;
    }
  };
  const manifestSchema = await validatorFor('manifest.schema.json');
  for (const violation of manifestSchema?.check(manifestValue) ?? []) {
    problems.push({ check: 'schema', file: 'manifest.json', path: violation.path, message: violation.message });
  }
  const parsedManifest = ManifestSchema.safeParse(manifestValue);
  if (!parsedManifest.success) return { directory, ok: false, manifest: null, problems };
  const manifest = parsedManifest.data;

  // Hashes and sizes first: everything after reads the files they vouch for.
  const listed = new Set(manifest.files.map((entry) => entry.path));
  const present = await listFiles(directory);
  for (const path of present) {
    if (path !== 'manifest.json' && !listed.has(path)) problems.push({ check: 'extra_file', file: path, message: 'not listed in manifest.json' });
  }
  const contents = new Map<string, Buffer>();
  for (const entry of manifest.files) {
    const bytes = await readOptional(join(directory, entry.path));
    if (!bytes) {
      problems.push({ check: 'missing_file', file: entry.path, message: 'listed in manifest.json but missing' });
      continue;
    }
    contents.set(entry.path, bytes);
    if (bytes.length !== entry.bytes) problems.push({ check: 'size', file: entry.path, message: `expected ${entry.bytes} bytes, found ${bytes.length}` });
    const actual = sha256Hex(bytes);
    if (actual !== entry.sha256) problems.push({ check: 'hash', file: entry.path, message: `expected sha256 ${entry.sha256}, found ${actual}` });
  }

  const scenarioSchema = await validatorFor('scenario.schema.json');
  const itemSchema = await validatorFor('item.schema.json');
  const scenarioIds = new Set<string>();
  const perValue = Object.fromEntries(VALUE_IDS.map((value) => [value, 0])) as Record<string, number>;
  const perType = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<string, number>;
  const items: Item[] = [];
  const readJsonl = (file: string, each: (value: unknown, line: number) => void) => {
    const bytes = contents.get(file);
    if (!bytes) return;
    jsonLines(bytes).forEach((text, index) => {
      try {
        each(JSON.parse(text), index + 1);
      } catch (error) {
        problems.push({ check: 'json', file, line: index + 1, message: (error as Error).message });
      }
    });
  };
  readJsonl('scenarios.jsonl', (value, line) => {
    const violations = scenarioSchema?.check(value) ?? [];
    for (const violation of violations) problems.push({ check: 'schema', file: 'scenarios.jsonl', line, path: violation.path, message: violation.message });
    const scenario = value as { id?: string; target_value?: string };
    if (typeof scenario.id === 'string') scenarioIds.add(scenario.id);
    if (typeof scenario.target_value === 'string' && scenario.target_value in perValue) perValue[scenario.target_value]! += 1;
  });
  readJsonl('items.jsonl', (value, line) => {
    const violations = itemSchema?.check(value) ?? [];
    for (const violation of violations) problems.push({ check: 'schema', file: 'items.jsonl', line, path: violation.path, message: violation.message });
    if (violations.length > 0) return;
    const item = value as Item;
    items.push(item);
    perType[item.type]! += 1;
    const key = expectedKey(item);
    if (key.target_label !== item.key.target_label || key.correct_label !== item.key.correct_label) {
      problems.push({ check: 'key', file: 'items.jsonl', line, path: '/key', message: `item ${item.id}: expected key ${JSON.stringify(key)} from its options, found ${JSON.stringify(item.key)}` });
    }
    if (!scenarioIds.has(item.scenario_id)) problems.push({ check: 'reference', file: 'items.jsonl', line, path: '/scenario_id', message: `item ${item.id}: scenario ${item.scenario_id} is not in scenarios.jsonl` });
  });

  const countProblem = (what: string, expected: number, found: number) => {
    if (expected !== found) problems.push({ check: 'count', file: 'manifest.json', message: `${what}: manifest says ${expected}, files hold ${found}` });
  };
  if (contents.has('scenarios.jsonl')) {
    countProblem('scenarios', manifest.counts.scenarios, scenarioIds.size);
    for (const value of VALUE_IDS) countProblem(`scenarios for ${value}`, manifest.counts.per_value[value], perValue[value]!);
  }
  if (contents.has('items.jsonl')) {
    countProblem('items', manifest.counts.items, jsonLines(contents.get('items.jsonl')!).length);
    for (const type of ITEM_TYPES) countProblem(`${type} items`, manifest.counts.per_item_type[type], perType[type]!);
  }

  const csv = contents.get('items.csv');
  if (csv) {
    try {
      const text = csv.toString('utf8');
      // A spreadsheet runs a cell that opens with =, +, -, @, a tab or CR; every such cell must be escaped.
      (await parseItemsCsvRaw(text)).forEach((row, index) => {
        for (const [column, value] of Object.entries(row)) {
          if (FORMULA_CELL.test(value)) {
            problems.push({ check: 'csv_formula', file: 'items.csv', line: index + 2, path: column, message: `cell opens with ${JSON.stringify(value[0])}: a spreadsheet would run it as a formula` });
          }
        }
      });
      const rows = await parseItemsCsv(text);
      if (rows.length !== items.length) problems.push({ check: 'csv', file: 'items.csv', message: `expected ${items.length} rows, found ${rows.length}` });
      rows.forEach((row, index) => {
        const item = items[index];
        if (item && JSON.stringify(rowToItem(row)) !== JSON.stringify(item)) {
          problems.push({ check: 'csv', file: 'items.csv', line: index + 2, message: `row differs from items.jsonl line ${index + 1} (${item.id})` });
        }
      });
    } catch (error) {
      problems.push({ check: 'csv', file: 'items.csv', message: `not parseable: ${(error as Error).message}` });
    }
  }

  const croissant = contents.get('croissant.json');
  if (croissant) {
    try {
      const distribution = (JSON.parse(croissant.toString('utf8')) as { distribution?: { contentUrl: string; sha256: string }[] }).distribution ?? [];
      for (const object of distribution) {
        const bytes = contents.get(object.contentUrl);
        if (!bytes) problems.push({ check: 'croissant', file: 'croissant.json', message: `distribution ${object.contentUrl} is not a file of the release` });
        else if (sha256Hex(bytes) !== object.sha256) problems.push({ check: 'croissant', file: 'croissant.json', message: `sha256 of ${object.contentUrl} does not match the file` });
      }
    } catch (error) {
      problems.push({ check: 'croissant', file: 'croissant.json', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { directory, ok: problems.length === 0, problems, manifest };
}
