/**
 * The Guangxi 2023 → 2024 case is published: Guilin Daily, November 2023,
 * shared/sources/guilin-daily-2023-11-mutual-aid-2024.txt: "增加了每天50元的住院补贴和最高达2万元的伤残补助，
 * 以及将身故津贴从5000元提高到1万元和最高补助从50万元提高到100万元" — two additions, two increases.
 */
import { describe, expect, it } from 'vitest';
import { diffPolicies, extendPolicy, InvalidInputError, policies } from '../src';
import { made } from './_fixtures';

describe('diffPolicies', () => {
  it('shows the published Guangxi 2023 → 2024 changes: two additions, two increases, and nothing else published', () => {
    const diff = diffPolicies(policies.guangxi[2023], policies.guangxi[2024]);
    const published = diff.changes.filter((c) => c.after?.provenance.status === 'published' || c.before?.provenance.status === 'published');
    expect(published.map((c) => [c.change, c.parameter, c.before?.value ?? null, c.after?.value ?? null, c.direction])).toEqual([
      ['changed', 'benefits.death.formula.amount', '5000.00', '10000.00', 'increase'],
      ['added', 'benefits.hospital-allowance.formula.amount', null, '50.00', null],
      ['added', 'benefits.disability.formula.maximum', null, '20000.00', null],
      ['changed', 'ceilings.maximumSubsidy', '500000.00', '1000000.00', 'increase'],
    ]);
    // The only other change is the disability grade shares, which nobody published.
    expect(diff.changes.filter((c) => !published.includes(c)).map((c) => [c.parameter, c.after?.provenance.status])).toEqual([
      ['benefits.disability.formula.shares', 'illustrative'],
    ]);
    expect(diff.settings).toEqual([]);
    expect([diff.from.year, diff.to.year]).toEqual([2023, 2024]);
  });

  it('finds nothing between a policy and itself', () => {
    expect(diffPolicies(policies.guangxi[2024], policies.guangxi[2024]).changes).toEqual([]);
  });

  it('lists removed parameters, decreases and changed settings', () => {
    const next = extendPolicy(policies.guangxi[2024], {
      year: 2025,
      benefits: { 'hospital-allowance': null },
      ceilings: { maximumSubsidy: made('800000') },
      conventions: { dayCount: 'includeBothDays' },
    });
    const diff = diffPolicies(policies.guangxi[2024], next);
    expect(diff.changes.map((c) => [c.change, c.parameter, c.direction])).toEqual([
      ['changed', 'ceilings.maximumSubsidy', 'decrease'],
      ['removed', 'benefits.hospital-allowance.formula.amount', null],
    ]);
    expect(diff.settings).toEqual([{ setting: 'conventions.dayCount', before: 'excludeDischargeDay', after: 'includeBothDays' }]);
  });

  it('refuses an invalid policy, naming which side', () => {
    try {
      diffPolicies(policies.guangxi[2023], { ...policies.guangxi[2024], year: 'next' } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]?.path).toEqual(['to', 'year']);
    }
  });
});
