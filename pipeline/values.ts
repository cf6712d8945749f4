/**
 * The ten basic human values of Schwartz's theory, as this project uses them.
 *
 * This module is the one source of truth for value ids, definitions, higher-order groups and
 * which values conflict. Prompts, validation, release cards and reports all read it; nothing
 * else spells a definition out by hand.
 */

/** In their order around Schwartz's circle (CIRCLE_ORDER relies on it). */
export const VALUE_IDS = [
  'self_direction',
  'stimulation',
  'hedonism',
  'achievement',
  'power',
  'security',
  'conformity',
  'tradition',
  'benevolence',
  'universalism',
] as const;

export type ValueId = (typeof VALUE_IDS)[number];

export const HIGHER_ORDER_GROUPS = [
  'openness_to_change',
  'self_enhancement',
  'conservation',
  'self_transcendence',
] as const;

export type HigherOrderGroup = (typeof HIGHER_ORDER_GROUPS)[number];

export interface ValueDefinition {
  id: ValueId;
  /** Human-readable name, as printed in prompts and dataset cards. */
  label: string;
  /** One-sentence definition in our own words. */
  definition: string;
  /**
   * The higher-order groups the value belongs to. Hedonism sits on the border between
   * openness to change and self-enhancement, so it belongs to both.
   */
  groups: readonly HigherOrderGroup[];
}

export const VALUES: Readonly<Record<ValueId, ValueDefinition>> = {
  self_direction: {
    id: 'self_direction',
    label: 'Self-direction',
    definition:
      'Thinking and acting for yourself: choosing your own goals and path, valuing independence, curiosity and the freedom to create and explore.',
    groups: ['openness_to_change'],
  },
  stimulation: {
    id: 'stimulation',
    label: 'Stimulation',
    definition:
      'Seeking excitement, novelty and challenge: a varied life, new experiences and the thrill of taking on the unknown.',
    groups: ['openness_to_change'],
  },
  hedonism: {
    id: 'hedonism',
    label: 'Hedonism',
    definition:
      'Pursuing pleasure and enjoyment for yourself: treating yourself, savouring life and doing what feels good.',
    groups: ['openness_to_change', 'self_enhancement'],
  },
  achievement: {
    id: 'achievement',
    label: 'Achievement',
    definition:
      'Personal success by showing competence against recognised standards: ambition, accomplishment and earning others\u2019 recognition.',
    groups: ['self_enhancement'],
  },
  power: {
    id: 'power',
    label: 'Power',
    definition:
      'Social status and prestige, and control or dominance over people and resources: authority, wealth and keeping a strong public image.',
    groups: ['self_enhancement'],
  },
  security: {
    id: 'security',
    label: 'Security',
    definition:
      'Safety, stability and order for yourself, your family and your society: health, financial safety, and protecting against threats.',
    groups: ['conservation'],
  },
  conformity: {
    id: 'conformity',
    label: 'Conformity',
    definition:
      'Holding back actions and impulses that could upset or harm others or break social expectations: politeness, obedience and self-discipline.',
    groups: ['conservation'],
  },
  tradition: {
    id: 'tradition',
    label: 'Tradition',
    definition:
      'Respecting and committing to the customs and ideas that your culture, religion or family hand down: humility, devotion and accepting your part in them.',
    groups: ['conservation'],
  },
  benevolence: {
    id: 'benevolence',
    label: 'Benevolence',
    definition:
      'Caring for the welfare of the people close to you: being helpful, honest, loyal and forgiving towards family, friends and partners.',
    groups: ['self_transcendence'],
  },
  universalism: {
    id: 'universalism',
    label: 'Universalism',
    definition:
      'Understanding, tolerance and protection for the welfare of all people and of nature: fairness, equality, social justice and care for the environment.',
    groups: ['self_transcendence'],
  },
};

/** Each higher-order group faces one other across Schwartz's circle. */
export const OPPOSING_GROUP: Readonly<Record<HigherOrderGroup, HigherOrderGroup>> = {
  openness_to_change: 'conservation',
  conservation: 'openness_to_change',
  self_enhancement: 'self_transcendence',
  self_transcendence: 'self_enhancement',
};

export const GROUP_LABELS: Readonly<Record<HigherOrderGroup, string>> = {
  openness_to_change: 'Openness to change',
  self_enhancement: 'Self-enhancement',
  conservation: 'Conservation',
  self_transcendence: 'Self-transcendence',
};

export function isValueId(candidate: unknown): candidate is ValueId {
  return typeof candidate === 'string' && (VALUE_IDS as readonly string[]).includes(candidate);
}

/** Values in a group, in canonical order. */
export function valuesInGroup(group: HigherOrderGroup): ValueId[] {
  return VALUE_IDS.filter((id) => VALUES[id].groups.includes(group));
}

/**
 * The values that may serve as the competing value for `target`: every value in a group
 * opposite one of the target's groups, never the target itself. For hedonism (in two groups)
 * that is the union of conservation and self-transcendence.
 */
export function competingValuesFor(target: ValueId): ValueId[] {
  const opposite = new Set(VALUES[target].groups.map((group) => OPPOSING_GROUP[group]));
  return VALUE_IDS.filter(
    (id) => id !== target && VALUES[id].groups.some((group) => opposite.has(group)),
  );
}

/** True when `competing` is a legitimate competing value for `target`. */
export function isOpposingPair(target: ValueId, competing: ValueId): boolean {
  return competingValuesFor(target).includes(competing);
}

/**
 * The ten values in their order around Schwartz's circle: VALUE_IDS is listed in that order, so
 * it is the same list. Neighbours on the circle are compatible motivations; conformity and
 * tradition share one wedge, so they are neighbours too.
 */
export const CIRCLE_ORDER: readonly ValueId[] = VALUE_IDS;

/** Steps between two values around the circle (0 for the same value, at most 5). */
export function circleDistance(a: ValueId, b: ValueId): number {
  const steps = Math.abs(CIRCLE_ORDER.indexOf(a) - CIRCLE_ORDER.indexOf(b));
  return Math.min(steps, CIRCLE_ORDER.length - steps);
}

/** True when two different values sit side by side on the circle. */
export function areNeighbours(a: ValueId, b: ValueId): boolean {
  return circleDistance(a, b) === 1;
}
