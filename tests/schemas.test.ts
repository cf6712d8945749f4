import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS } from '../pipeline/records.ts';
import { renderSchema } from '../scripts/build-schemas.ts';

const schemaFiles = Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[];
const schemasDir = join(import.meta.dirname, '..', 'schemas');

describe('published JSON Schemas', () => {
  it.each(schemaFiles)('schemas/%s matches the zod source (run `npm run schemas` after changing pipeline/records.ts)', async (fileName) => {
    const committed = await readFile(join(schemasDir, fileName), 'utf8');
    expect(committed).toBe(renderSchema(fileName));
  });

  it.each(schemaFiles)('ajv compiles schemas/%s in strict mode', async (fileName) => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const schema = JSON.parse(await readFile(join(schemasDir, fileName), 'utf8'));
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('ajv and zod agree on a record that breaks the contract', async () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(schemasDir, 'raw-post.schema.json'), 'utf8')));
    const post = {
      id: 'abc123', subreddit: 'Advice', title: 't', selftext: 'b', author: 'someone', created_utc: 1700000000,
      score: 1, num_comments: 0, over_18: false, is_self: true, url: null, stickied: false, distinguished: null,
      crosspost_parent: null, permalink: '/r/Advice/comments/abc123/t/', removed: null,
      source: { kind: 'sample', file: 'RS_sample.zst', line: 1, query: null },
    };
    expect(validate(post)).toBe(true);
    expect(PUBLISHED_SCHEMAS['raw-post.schema.json'].safeParse(post).success).toBe(true);
    const broken = { ...post, id: 'NOT-base36', extra_field: 1 };
    expect(validate(broken)).toBe(false);
    expect(PUBLISHED_SCHEMAS['raw-post.schema.json'].safeParse(broken).success).toBe(false);
  });
});
