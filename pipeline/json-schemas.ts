/**
 * ajv validators over the published JSON Schemas (strict mode, with formats). validate reads
 * the repo's schemas/; `release --verify` reads the copy a release ships, so a release is
 * checked against the contract it claims, not whatever the code says today.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ValactError } from './core/errors.ts';
import { PUBLISHED_SCHEMAS } from './records.ts';

export type SchemaFileName = keyof typeof PUBLISHED_SCHEMAS;

/** The repo's schemas/ folder, where `npm run schemas` writes the published schemas. */
export const REPO_SCHEMAS_DIR = join(import.meta.dirname, '..', 'schemas');

/** One schema violation: the JSON path in the record (JSON Pointer) and what was wrong. */
export interface SchemaViolation {
  path: string;
  message: string;
}

export interface SchemaValidator {
  fileName: SchemaFileName;
  /** Empty when the value conforms. */
  check(value: unknown): SchemaViolation[];
}

function describeAjvError(error: ErrorObject): SchemaViolation {
  let message = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') {
    message = `unexpected property "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
  } else if (error.keyword === 'enum') {
    message = `${message}: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  }
  return { path: error.instancePath === '' ? '/' : error.instancePath, message };
}

export async function loadSchemaValidator(fileName: SchemaFileName, directory = REPO_SCHEMAS_DIR): Promise<SchemaValidator> {
  const file = join(directory, fileName);
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ValactError('input', `cannot load JSON Schema ${file}: ${(error as Error).message}`, {
      hint: 'Run `npm run schemas` in the repo, or check that the release folder has its schemas/.',
    });
  }
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  addFormats.default(ajv);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema as object);
  } catch (error) {
    throw new ValactError('input', `${file} is not a valid strict JSON Schema: ${(error as Error).message}`);
  }
  return {
    fileName,
    check(value) {
      if (validate(value)) return [];
      return (validate.errors ?? []).map(describeAjvError);
    },
  };
}
