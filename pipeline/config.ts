/**
 * The pipeline config: one JSON file (validated here, at the boundary) with a section per
 * stage. Every field has a default, so an empty file — or none — is a valid config. CLI flags
 * override it; secrets never live in it (they come from the environment).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ValactError } from './core/errors.ts';
import { describeZodError } from './core/jsonl.ts';
import { AuditConfigSchema } from './audit/config.ts';
import { EvaluateConfigSchema } from './evaluate/config.ts';
import { CollectConfigSchema } from './collect/config.ts';
import { FilterConfigSchema } from './filter/config.ts';
import { GenerateConfigSchema } from './generate/config.ts';
import { ReleaseConfigSchema } from './release/config.ts';
import { ValidateConfigSchema } from './validate/config.ts';

export const ConfigSchema = z.strictObject({
  collect: CollectConfigSchema.prefault({}),
  filter: FilterConfigSchema.prefault({}),
  generate: GenerateConfigSchema.prefault({}),
  validate: ValidateConfigSchema.prefault({}),
  release: ReleaseConfigSchema.prefault({}),
  audit: AuditConfigSchema.prefault({}),
  evaluate: EvaluateConfigSchema.prefault({}),
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

/** Names that look like secrets; a config file holding one is refused. */
const SECRET_KEY_PATTERN = /(api_?key|secret|password|token)$/i;

function findSecretKeys(value: unknown, path: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const here = [...path, key];
    return SECRET_KEY_PATTERN.test(key) ? [here.join('.')] : findSecretKeys(member, here);
  });
}

export function parseConfig(raw: unknown, origin: string): Config {
  const secrets = findSecretKeys(raw);
  if (secrets.length > 0) {
    throw new ValactError('config', `${origin}: secrets do not belong in the config file (${secrets.join(', ')})`, {
      hint: 'Set them in the environment instead (e.g. OPENAI_API_KEY, REDDIT_CLIENT_SECRET).',
    });
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ValactError('config', `${origin}: invalid config: ${describeZodError(result.error)}`, {
      hint: 'Run `valact <command> --help` to see every option and its default.',
    });
  }
  return result.data;
}

export async function loadConfig(file: string | null): Promise<Config> {
  if (file === null) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValactError('config', `cannot read config file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ValactError('config', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(raw, file);
}

/** Read a dotted path ("collect.limit") out of a config. */
export function getConfigValue(config: Config, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config);
}

/** A copy of `config` with the value at `path` replaced; re-validated by the caller. */
export function withConfigValue(config: Config, path: string, value: unknown): Config {
  const copy = structuredClone(config) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy as Config;
}
