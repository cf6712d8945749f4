import { describe, expect, it } from 'vitest';
import { ValactError } from '../pipeline/core/errors.ts';
import { StageAccounting } from '../pipeline/core/report.ts';

describe('stage accounting', () => {
  it('balances when every record ends in one place', () => {
    const accounting = new StageAccounting();
    accounting.received(5);
    accounting.passed(2);
    accounting.rejected('lang:fra');
    accounting.rejected('too_short', 1);
    accounting.quarantined('schema');
    expect(() => accounting.assertBalanced('test')).not.toThrow();
    expect(accounting.snapshot()).toEqual({
      in: 5, out: 2, rejected: 2, quarantined: 1,
      per_reason: { 'lang:fra': 1, schema: 1, too_short: 1 },
    });
  });

  it.each([
    ['a record was lost', (a: StageAccounting) => { a.received(3); a.passed(2); }],
    ['a record was counted twice', (a: StageAccounting) => { a.received(1); a.passed(1); a.rejected('x'); }],
  ])('refuses to balance when %s', (_label, scenario) => {
    const accounting = new StageAccounting();
    scenario(accounting);
    expect(() => accounting.assertBalanced('test')).toThrow(ValactError);
  });
});
