/**
 * Writes the published JSON Schemas in schemas/ from the zod record contracts.
 * Run `npm run schemas` after changing pipeline/records.ts; tests/schemas.test.ts fails until you do.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PUBLISHED_SCHEMAS, jsonSchemaFor } from '../pipeline/records.ts';

export function renderSchema(fileName: keyof typeof PUBLISHED_SCHEMAS): string {
  return JSON.stringify(jsonSchemaFor(fileName), null, 2) + '\n';
}

const isMain = process.argv[1]?.endsWith('build-schemas.ts');
if (isMain) {
  const directory = join(import.meta.dirname, '..', 'schemas');
  for (const fileName of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[]) {
    await writeFile(join(directory, fileName), renderSchema(fileName));
    console.log(`wrote schemas/${fileName}`);
  }
}
