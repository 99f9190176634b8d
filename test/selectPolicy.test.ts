import { describe, expect, it } from 'vitest';
import { bundledRegistry, createRegistry, extendPolicy, InvalidInputError, policies, PolicyNotFoundError, selectPolicy } from '../src';

describe('selectPolicy', () => {
  it.each([
    { date: '2023-01-01', year: 2023 },
    { date: '2023-12-31', year: 2023 },
    { date: '2024-01-01', year: 2024 },
    { date: '2024-12-31', year: 2024 },
  ])('picks the Guangxi $year rules on $date', ({ date, year }) => {
    expect(selectPolicy('guangxi', date).year).toBe(year);
  });

  it('says which versions exist when none applies', () => {
    // The versions come from the registry and the date is the day before the first one, so
    // that a bundled version added later needs no change here.
    const guangxi = bundledRegistry.policies.filter((policy) => policy.scheme === 'guangxi');
    const known = guangxi.map((policy) => `${policy.year} (${policy.validFrom} to ${policy.validTo})`).join(', ');
    expect(known).toContain('2023 (2023-01-01 to 2023-12-31), 2024 (2024-01-01 to 2024-12-31)');
    const dayBefore = new Date(Date.parse(guangxi[0]!.validFrom) - 86_400_000).toISOString().slice(0, 10);
    expect(() => selectPolicy('guangxi', dayBefore)).toThrow(`No "guangxi" policy is in force on ${dayBefore}; known versions: ${known}`);
    expect(() => selectPolicy('guangxi', dayBefore)).toThrow(PolicyNotFoundError);
    expect(() => selectPolicy('nowhere', '2024-01-01')).toThrow('known versions: none');
  });

  it('keeps an open-ended version in force', () => {
    expect(selectPolicy('guilin-condolence', '2031-05-01').year).toBe(2023);
  });

  it('refuses an impossible date', () => {
    expect(() => selectPolicy('guangxi', '2024-02-30')).toThrow(InvalidInputError);
  });
});

describe('createRegistry', () => {
  const guangxi2025 = extendPolicy(policies.guangxi[2024], { year: 2025 });

  it('selects from your own policies', () => {
    const registry = createRegistry([policies.guangxi[2024], guangxi2025]);
    expect(selectPolicy('guangxi', '2025-06-01', registry)).toBe(guangxi2025);
    expect(() => selectPolicy('guangxi', '2023-06-01', registry)).toThrow(PolicyNotFoundError);
  });

  it('refuses two versions of one scheme on the same day', () => {
    const overlapping = extendPolicy(guangxi2025, { validFrom: '2024-12-01' });
    try {
      createRegistry([policies.guangxi[2024], overlapping]);
    } catch (error) {
      expect((error as InvalidInputError).issues).toEqual([
        { path: ['policies', 1, 'validFrom'], code: 'overlapping_versions', message: '"guangxi" 2025 starts on 2024-12-01, while 2024 still applies' },
      ]);
    }
    expect.assertions(1);
  });
});
