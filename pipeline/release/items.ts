/**
 * Expansion of a scenario into the five item types of DESIGN.md, with prompts rendered from
 * the versioned templates in prompts/items.v1.md and the key computed from the option values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValactError } from '../core/errors.ts';
import { sha256Hex } from '../core/fingerprint.ts';
import { ITEM_TYPES, type Item, type ItemType, type Scenario } from '../records.ts';
import { VALUES, type ValueId } from '../values.ts';

export const ITEM_PROMPTS_ID = 'items.v1';
export const ITEM_PROMPTS_FILE = join(import.meta.dirname, '..', '..', 'prompts', `${ITEM_PROMPTS_ID}.md`);

export interface ItemTemplates {
  id: string;
  /** sha256 of the template file's bytes. */
  fingerprint: string;
  templates: Record<ItemType, string>;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const KNOWN_PLACEHOLDERS = new Set(['situation', 'option_a', 'option_b', 'value_label', 'value_definition']);

export function parseItemTemplates(text: string, origin: string): ItemTemplates {
  const sections = text.split(/^## +(\S+)[ \t]*$/m);
  const templates: Partial<Record<ItemType, string>> = {};
  for (let index = 1; index < sections.length; index += 2) {
    const type = sections[index]! as ItemType;
    if (!(ITEM_TYPES as readonly string[]).includes(type)) {
      throw new ValactError('input', `${origin}: unknown item type section "## ${type}"; expected one of ${ITEM_TYPES.join(', ')}`);
    }
    const body = sections[index + 1]!.trim();
    for (const [, name] of body.matchAll(PLACEHOLDER)) {
      if (!KNOWN_PLACEHOLDERS.has(name!)) throw new ValactError('input', `${origin}: section ${type} uses unknown placeholder {{${name}}}`);
    }
    templates[type] = body;
  }
  const missing = ITEM_TYPES.filter((type) => !templates[type]);
  if (missing.length > 0) throw new ValactError('input', `${origin}: no template for item type(s) ${missing.join(', ')}`);
  return { id: ITEM_PROMPTS_ID, fingerprint: sha256Hex(text), templates: templates as Record<ItemType, string> };
}

let cachedTemplates: ItemTemplates | null = null;

export function loadItemTemplates(): ItemTemplates {
  cachedTemplates ??= parseItemTemplates(readFileSync(ITEM_PROMPTS_FILE, 'utf8'), ITEM_PROMPTS_FILE);
  return cachedTemplates;
}

function render(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/** Which value an item type asks about (select_value and hold_target: the target). */
function askedValue(type: ItemType, scenario: Scenario): ValueId {
  return type === 'hold_competing' ? scenario.competing_value : scenario.target_value;
}

export function expandScenario(scenario: Scenario, templates: ItemTemplates): Item[] {
  return ITEM_TYPES.map((type) => {
    // act_swapped is the position-bias control: the stored order reversed.
    const [first, second] = type === 'act_swapped' ? [scenario.options[1], scenario.options[0]] : scenario.options;
    const options: Item['options'] = [
      { label: 'A', text: first.text, value: first.value },
      { label: 'B', text: second.text, value: second.value },
    ];
    const labelOf = (value: ValueId) => (options[0].value === value ? 'A' : 'B');
    const asked = askedValue(type, scenario);
    const isActItem = type === 'act' || type === 'act_swapped';
    return {
      id: `${scenario.id}_${type}`,
      scenario_id: scenario.id,
      type,
      target_value: scenario.target_value,
      competing_value: scenario.competing_value,
      prompt: render(templates.templates[type], {
        situation: scenario.situation,
        option_a: options[0].text,
        option_b: options[1].text,
        value_label: VALUES[asked].label,
        value_definition: VALUES[asked].definition,
      }),
      options,
      key: {
        target_label: labelOf(scenario.target_value),
        correct_label: isActItem ? null : labelOf(asked),
      },
    };
  });
}

/** The key an item must carry, recomputed from its options (used by --verify). */
export function expectedKey(item: Item): Item['key'] {
  const labelOf = (value: ValueId) => (item.options[0].value === value ? 'A' : item.options[1].value === value ? 'B' : null);
  const target = labelOf(item.target_value);
  const asked = item.type === 'hold_competing' ? item.competing_value : item.target_value;
  const isActItem = item.type === 'act' || item.type === 'act_swapped';
  return { target_label: target ?? 'A', correct_label: isActItem ? null : (labelOf(asked) ?? 'A') };
}
