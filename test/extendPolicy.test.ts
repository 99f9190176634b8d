import { describe, expect, it } from 'vitest';
import { extendPolicy, InvalidInputError, policies, type BenefitInput } from '../src';
import { made, syntheticPolicy } from './_fixtures';

const lump = (amount: string): Omit<BenefitInput, 'id'> => ({ label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made(amount) } });
const base = syntheticPolicy([{ id: 'death', ...lump('100') }, { id: 'gone', ...lump('1') }]);

describe('extendPolicy', () => {
  it('moves the year, the validity and the year in the name together', () => {
    const next = extendPolicy(base, { year: 2025 });
    expect([next.year, next.validFrom, next.validTo, next.name]).toEqual([2025, '2025-01-01', '2025-12-31', { zh: '测试办法 2025', en: 'Test scheme 2025' }]);
  });

  it('replaces, removes and adds benefits by id, keeping the order of those it keeps', () => {
    const next = extendPolicy(base, { year: 2025, benefits: { gone: null, death: lump('200'), added: lump('5') } });
    expect(next.benefits.map((b) => [b.id, b.formula.kind === 'lumpSum' && b.formula.amount.value])).toEqual([['death', '200.00'], ['added', '5.00']]);
  });

  it('leaves the base as it was', () => {
    const before = JSON.stringify(base);
    extendPolicy(base, { year: 2025, benefits: { gone: null } });
    expect(JSON.stringify(base)).toBe(before);
  });

  it('sets and removes ceilings and makes a version open-ended', () => {
    const capped = extendPolicy(base, { ceilings: { maximumSubsidy: made('1000') }, validTo: null });
    expect([capped.ceilings.maximumSubsidy?.value, capped.validTo]).toEqual(['1000.00', undefined]);
    expect(extendPolicy(capped, { ceilings: { maximumSubsidy: null } }).ceilings).toEqual({});
  });

  it('builds the bundled 2024 Guangxi rules from 2023 with the four published changes', () => {
    const [before, after] = [policies.guangxi[2023], policies.guangxi[2024]];
    expect(before.benefits.map((b) => b.id)).toEqual(['hospitalisation', 'death']);
    expect(after.benefits.map((b) => b.id)).toEqual(['hospitalisation', 'death', 'hospital-allowance', 'disability']);
    expect(after.benefits[0]).toEqual(before.benefits[0]);
  });

  it('names the fields of the new policy when the merge is invalid', () => {
    expect(() => extendPolicy(base, { benefits: { death: { ...lump('1'), formula: { kind: 'perDay', amount: made('1') } } } })).toThrow(InvalidInputError);
    try {
      extendPolicy(base, { year: 2025, validFrom: '2026-01-01' });
    } catch (error) {
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([['extended', 'validTo']]);
    }
    expect.assertions(2);
  });

  it('refuses malformed changes by their own path', () => {
    try {
      extendPolicy(base, { year: '2025' as never });
    } catch (error) {
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([['changes', 'year']]);
    }
    expect.assertions(1);
  });
});

describe('extendPolicy and attributes', () => {
  it('declares the attributes a new version reads, and null removes them', () => {
    const xining = policies.xining[2024];
    const priced = extendPolicy(policies.guangxi[2024], { attributes: xining.attributes!, contribution: xining.contribution! });
    expect(Object.keys(priced.attributes!.member!)).toEqual(['hardship', 'gigWorker']);
    // Without the declarations, payer rules on the flags are refused; removing both is fine.
    expect(() => extendPolicy(priced, { attributes: null })).toThrow(/"hardship" is not a member flag this policy declares/);
    expect(extendPolicy(priced, { attributes: null, contribution: null }).attributes).toBeUndefined();
  });
});
