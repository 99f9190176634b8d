import { describe, expect, expectTypeOf, it } from 'vitest';
import { definePolicy, InvalidInputError, policies, type BenefitInput, type PolicyInput } from '../src';
import { made, syntheticPolicy } from './_fixtures';

function issuesOf(spec: unknown) {
  try {
    definePolicy(spec as PolicyInput);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    throw error;
  }
  throw new Error('expected the policy to be refused');
}

const lump: BenefitInput = { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made(5000) } };
const valid = syntheticPolicy([lump]);

describe('definePolicy', () => {
  it('keeps amounts as two-decimal strings, so a policy is plain JSON', () => {
    const formula = valid.benefits[0]!.formula;
    expect(formula.kind === 'lumpSum' && formula.amount.value).toBe('5000.00');
    expect(JSON.parse(JSON.stringify(valid))).toEqual(valid);
  });

  it('keeps the literal scheme id and year in the type', () => {
    expectTypeOf(policies.xining[2024].scheme).toEqualTypeOf<'xining'>();
    expectTypeOf(policies.xining[2024].year).toEqualTypeOf<2024>();
    expect([policies.xining[2024].scheme, policies.xining[2024].year]).toEqual(['xining', 2024]);
  });

  it('freezes the policy deeply', () => {
    expect(Object.isFrozen(valid) && Object.isFrozen(valid.benefits[0]!.formula)).toBe(true);
  });

  it.each([
    {
      name: 'a formula on an event it cannot pay on',
      spec: { ...valid, benefits: [{ ...lump, event: 'disability', formula: { kind: 'perDay', amount: made('1') } }] },
      issues: [['spec.benefits.0.formula.kind', 'a "perDay" formula cannot pay on a "disability" event']],
    },
    {
      name: 'a limit by cause on a benefit whose claims have no cause',
      spec: { ...valid, benefits: [{ ...lump, causes: ['accident'] }] },
      issues: [['spec.benefits.0.causes', 'only a "hospitalisation" benefit can be limited by cause; a "death" claim has none']],
    },
    {
      name: 'two benefits with one id',
      spec: { ...valid, benefits: [lump, lump] },
      issues: [['spec.benefits.1.id', 'duplicate benefit id "death"']],
    },
    {
      name: 'a validity that ends before it starts',
      spec: { ...valid, validTo: '2023-12-31' },
      issues: [['spec.validTo', 'expected "validTo" on or after "validFrom"']],
    },
    {
      name: 'an unknown key (a typo must not drop a rule silently)',
      spec: { ...valid, ceiling: {} },
      issues: [['spec', 'Unrecognized key: "ceiling"']],
    },
    {
      name: 'a parameter without provenance',
      spec: { ...valid, ceilings: { maximumSubsidy: { value: '1', label: { zh: '最高', en: 'Max' } } } },
      issues: [['spec.ceilings.maximumSubsidy.provenance', 'Invalid input: expected object, received undefined']],
    },
    {
      name: 'an illustrative parameter without a note',
      spec: { ...valid, ceilings: { maximumSubsidy: { ...made('1'), provenance: { status: 'illustrative' } } } },
      issues: [['spec.ceilings.maximumSubsidy.provenance.note', 'Invalid input: expected string, received undefined']],
    },
    {
      name: 'tiers out of order, and an open tier that is not last',
      spec: { ...valid, benefits: [{ id: 'c', label: lump.label, event: 'hospitalisation', formula: { kind: 'copay', base: 'inScopeCopay', deductible: made('0'), tiers: made([{ upTo: '100', ratio: '0.5' }, { ratio: '0.6' }, { upTo: '50', ratio: '0.7' }]) } }] },
      issues: [
        ['spec.benefits.0.formula.tiers.value.1.upTo', 'expected "upTo" on every tier but the last'],
        ['spec.benefits.0.formula.tiers.value.2.upTo', 'expected "upTo" on every tier but the last'],
      ],
    },
    {
      name: 'a bracket with min above max, and overlapping brackets',
      spec: { ...valid, benefits: [{ id: 'b', label: lump.label, event: 'hospitalisation', formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '0', to: '200', amount: '1' }, { from: '100', min: '9', max: '8' }]) } }] },
      issues: [
        ['spec.benefits.0.formula.brackets.value.1.max', 'expected "max" to be at least "min"'],
        ['spec.benefits.0.formula.brackets.value.0.to', 'expected brackets in ascending order without overlap'],
      ],
    },
    {
      name: 'a ratio above 1',
      spec: { ...valid, benefits: [{ id: 'g', label: lump.label, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('100'), shares: made({ 1: '1.5' }) } }] },
      issues: [['spec.benefits.0.formula.shares.value.1', 'expected a ratio from 0 to 1 with at most six decimals, like "0.5"; got "1.5"']],
    },
    {
      name: 'a grade outside 1–10',
      spec: { ...valid, benefits: [{ id: 'g', label: lump.label, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('100'), shares: made({ 11: '0.5' }) } }] },
      issues: [['spec.benefits.0.formula.shares.value', 'Unrecognized key: "11"']],
    },
  ])('refuses $name, naming the path', ({ spec, issues }) => {
    expect(issuesOf(spec)).toEqual(issues);
  });
});
