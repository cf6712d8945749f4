/**
 * Versioned prompt files (prompts/<id>.v<version>.md): YAML-like front matter with `id` and
 * `version`, then a `## system` and a `## user` section with {{placeholders}}. Value
 * definitions are injected from pipeline/values.ts at render time, never copied by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ValactError } from '../core/errors.ts';
import { sha256Hex } from '../core/fingerprint.ts';
import { VALUE_IDS, VALUES } from '../values.ts';

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface PromptTemplate {
  id: string;
  version: string;
  file: string;
  system: string;
  user: string;
  /** sha256 of the file's text, for the stage report. */
  fingerprint: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export function parsePrompt(text: string, file: string): PromptTemplate {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new ValactError('input', `${file}: expected front matter between --- lines at the top`);
  const meta = Object.fromEntries(
    match[1]!.split('\n').map((line) => {
      const [key, ...rest] = line.split(':');
      return [key!.trim(), rest.join(':').trim().replace(/^"(.*)"$/, '$1')];
    }),
  );
  const body = match[2]!.replace(/<!--[\s\S]*?-->\n?/g, '');
  const system = /## system\n([\s\S]*?)(?=\n## user\n)/.exec(body)?.[1]?.trim();
  const user = /## user\n([\s\S]*)$/.exec(body)?.[1]?.trim();
  if (!meta.id || !meta.version || !system || !user) {
    throw new ValactError('input', `${file}: a prompt needs id and version in its front matter and "## system" then "## user" sections`);
  }
  return { id: meta.id, version: meta.version, file, system, user, fingerprint: sha256Hex(text) };
}

export function loadPrompt(id: string, version: string, directory = PROMPTS_DIR): PromptTemplate {
  const file = join(directory, `${id}.v${version}.md`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValactError('input', `cannot read prompt ${file}: ${(error as Error).message}`);
  }
  const prompt = parsePrompt(text, file);
  if (prompt.id !== id || prompt.version !== version) {
    throw new ValactError('input', `${file}: front matter says ${prompt.id} v${prompt.version}, file name says ${id} v${version}`);
  }
  return prompt;
}

/** The ten definitions as a list, straight from the value module. */
export function valueDefinitionsText(): string {
  return VALUE_IDS.map((id) => `- ${id} (${VALUES[id].label}): ${VALUES[id].definition}`).join('\n');
}

function fill(template: string, variables: Record<string, string>, where: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new ValactError('internal', `${where}: no value for placeholder {{${name}}}`);
    return value;
  });
}

export function renderPrompt(prompt: PromptTemplate, variables: Record<string, string>): ChatMessage[] {
  const all = { value_definitions: valueDefinitionsText(), ...variables };
  return [
    { role: 'system', content: fill(prompt.system, all, prompt.file) },
    { role: 'user', content: fill(prompt.user, all, prompt.file) },
  ];
}
