import { describe, expect, expectTypeOf, it } from 'vitest';
import { definePolicy, InvalidInputError, policies, type BenefitInput, type PolicyInput } from '../src';
import { made, syntheticPolicy } from './_fixtures';

function issuesOf(spec: unknown) {
  try {
    definePolicy(spec as PolicyInput);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => [issue.path.join('.'), issue.code, issue.message]);
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

  describe('ratios', () => {
    const withRatio = (ratio: unknown) =>
      ({ ...valid, benefits: [{ id: 'c', label: lump.label, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('0'), bands: made([{ ratio }]) } }] }) as PolicyInput;

    it.each([
      ['0', '0'],
      ['1.000000', '1'],
      ['0.123456', '0.123456'],
      [0.5, '0.5'],
      [1, '1'],
    ])('reads %j as %j', (ratio, kept) => {
      const formula = definePolicy(withRatio(ratio)).benefits[0]!.formula;
      expect(formula.kind === 'bands' && formula.bands.value[0]!.ratio).toBe(kept);
    });

    it.each<[unknown, string]>([
      ...['x0.5', '0.5x', '1.5', '1.01', '0.1234567', '-0.5', '.5'].map((text): [string, string] => [text, `"${text}"`]),
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-0.5, '-0.5'],
      [0.1234567, '0.1234567'],
      [null, 'null'],
      [true, 'boolean'],
      [[0.5], 'array'],
      [undefined, 'undefined'],
    ])('refuses %j, saying what a ratio is whatever the type', (ratio, shown) => {
      expect(issuesOf(withRatio(ratio))).toEqual([['spec.benefits.0.formula.bands.value.0.ratio', 'invalid_ratio', `expected a ratio from 0 to 1 with at most six decimals, like "0.5"; got ${shown}`]]);
    });
  });

  it('freezes the policy deeply', () => {
    expect(Object.isFrozen(valid) && Object.isFrozen(valid.benefits[0]!.formula)).toBe(true);
  });

  it.each([
    {
      name: 'a formula on an event it cannot pay on',
      spec: { ...valid, benefits: [{ ...lump, event: 'disability', formula: { kind: 'perDay', amount: made('1') } }] },
      issues: [['spec.benefits.0.formula.kind', 'formula_event_mismatch', 'a "perDay" formula cannot pay on a "disability" event']],
    },
    {
      name: 'a limit by cause on a benefit whose claims have no cause',
      spec: { ...valid, benefits: [{ ...lump, causes: ['accident'] }] },
      issues: [['spec.benefits.0.causes', 'causes_event_mismatch', 'only a "hospitalisation" benefit can be limited by cause; a "death" claim has none']],
    },
    {
      name: 'two benefits with one id',
      spec: { ...valid, benefits: [lump, lump] },
      issues: [['spec.benefits.1.id', 'duplicate_id', 'duplicate benefit id "death"']],
    },
    {
      name: 'a validity that ends before it starts',
      spec: { ...valid, validTo: '2023-12-31' },
      issues: [['spec.validTo', 'ends_before_start', 'expected "validTo" on or after "validFrom"']],
    },
    {
      name: 'an unknown key (a typo must not drop a rule silently)',
      spec: { ...valid, ceiling: {} },
      issues: [['spec', 'unrecognized_keys', 'Unrecognized key: "ceiling"']],
    },
    {
      name: 'a parameter without provenance',
      spec: { ...valid, ceilings: { maximumSubsidy: { value: '1', label: { zh: '最高', en: 'Max' } } } },
      issues: [['spec.ceilings.maximumSubsidy.provenance', 'invalid_type', 'Invalid input: expected object, received undefined']],
    },
    {
      name: 'an illustrative parameter without a note',
      spec: { ...valid, ceilings: { maximumSubsidy: { ...made('1'), provenance: { status: 'illustrative' } } } },
      // The note is { zh, en } (either may be left out), or plain text as in huzhu 0.2 rule files.
      issues: [['spec.ceilings.maximumSubsidy.provenance.note', 'invalid_type', 'Invalid input: expected object, received undefined']],
    },
    {
      name: 'bands out of order, and an open band that is not last',
      spec: { ...valid, benefits: [{ id: 'c', label: lump.label, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('0'), bands: made([{ upTo: '100', ratio: '0.5' }, { ratio: '0.6' }, { upTo: '50', ratio: '0.7' }]) } }] },
      issues: [
        ['spec.benefits.0.formula.bands.value.1.upTo', 'invalid_bands', 'expected "upTo" on every band but the last, which is open above; see docs/rule-model.md#bands'],
        ['spec.benefits.0.formula.bands.value.2.upTo', 'invalid_bands', 'expected "upTo" on every band but the last, which is open above; see docs/rule-model.md#bands'],
      ],
    },
    {
      name: 'a bracket with min above max, and overlapping brackets',
      spec: { ...valid, benefits: [{ id: 'b', label: lump.label, event: 'hospitalisation', formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '0', to: '200', amount: '1' }, { from: '100', min: '9', max: '8' }]) } }] },
      issues: [
        ['spec.benefits.0.formula.brackets.value.1.max', 'invalid_bracket', 'expected "max" to be at least "min"'],
        ['spec.benefits.0.formula.brackets.value.0.to', 'invalid_bracket', 'expected brackets in ascending order without overlap'],
      ],
    },
    {
      name: 'a ratio above 1',
      spec: { ...valid, benefits: [{ id: 'g', label: lump.label, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('100'), shares: made({ 1: '1.5' }) } }] },
      issues: [['spec.benefits.0.formula.shares.value.1', 'invalid_ratio', 'expected a ratio from 0 to 1 with at most six decimals, like "0.5"; got "1.5"']],
    },
    {
      name: 'a grade outside 1–10',
      spec: { ...valid, benefits: [{ id: 'g', label: lump.label, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('100'), shares: made({ 11: '0.5' }) } }] },
      issues: [['spec.benefits.0.formula.shares.value', 'unrecognized_keys', 'Unrecognized key: "11"']],
    },
  ])('refuses $name, naming the path', ({ spec, issues }) => {
    expect(issuesOf(spec)).toEqual(issues);
  });
});
