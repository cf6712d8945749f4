import { describe, expect, it } from 'vitest';
import { HIGHER_ORDER_GROUPS, VALUES, VALUE_IDS, competingValuesFor, isOpposingPair, valuesInGroup } from '../pipeline/values.ts';

describe('value model', () => {
  it('has the ten Schwartz values, each defined and in at least one group', () => {
    expect(VALUE_IDS).toHaveLength(10);
    for (const id of VALUE_IDS) {
      expect(VALUES[id].id).toBe(id);
      expect(VALUES[id].definition.length).toBeGreaterThan(40);
      expect(VALUES[id].groups.length).toBeGreaterThan(0);
    }
  });

  it('puts every value in the group DESIGN.md names, hedonism in two', () => {
    expect(valuesInGroup('openness_to_change')).toEqual(['self_direction', 'stimulation', 'hedonism']);
    expect(valuesInGroup('self_enhancement')).toEqual(['hedonism', 'achievement', 'power']);
    expect(valuesInGroup('conservation')).toEqual(['security', 'conformity', 'tradition']);
    expect(valuesInGroup('self_transcendence')).toEqual(['benevolence', 'universalism']);
    expect(HIGHER_ORDER_GROUPS.flatMap(valuesInGroup)).toHaveLength(11);
  });

  it.each([
    ['self_direction', ['security', 'conformity', 'tradition']],
    ['power', ['benevolence', 'universalism']],
    ['tradition', ['self_direction', 'stimulation', 'hedonism']],
    ['benevolence', ['hedonism', 'achievement', 'power']],
    ['hedonism', ['security', 'conformity', 'tradition', 'benevolence', 'universalism']],
  ] as const)('competing values for %s come from the opposing group', (target, expected) => {
    expect(competingValuesFor(target)).toEqual(expected);
  });

  it('never lets a value compete with itself or with a neighbour', () => {
    for (const target of VALUE_IDS) {
      expect(isOpposingPair(target, target)).toBe(false);
      for (const competing of competingValuesFor(target)) {
        const sharesGroup = VALUES[target].groups.some((group) => VALUES[competing].groups.includes(group));
        expect(sharesGroup).toBe(false);
      }
    }
    expect(isOpposingPair('achievement', 'power')).toBe(false);
    expect(isOpposingPair('security', 'stimulation')).toBe(true);
  });
});
