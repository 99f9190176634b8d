import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateClaim, InvalidInputError, safeEvaluateClaim, type BenefitInput, type ClaimInput } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const member = enrolledMember('test', 2024);

function lineOf(benefit: BenefitInput, claim: ClaimInput, overrides = {}) {
  const result = evaluateClaim(syntheticPolicy([benefit], overrides), member, claim);
  expect(result.eligible).toBe(true);
  return { result, line: result.lines[0]! };
}

const copay = (extra: Partial<BenefitInput> = {}): BenefitInput => ({
  id: 'copay',
  label: { zh: '住院补助', en: 'Stay subsidy' },
  event: 'hospitalisation',
  // Above a 100 deductible: 50 % of the part up to 1,000, 80 % of the part above.
  formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('100'), bands: made([{ upTo: '1000', ratio: '0.5' }, { ratio: '0.8' }]) },
  ...extra,
});

describe('copay', () => {
  it.each([
    { inScopeCopay: '100.00', amount: '0.00' }, // at the deductible
    { inScopeCopay: '600.00', amount: '250.00' }, // 500 × 0.5
    { inScopeCopay: '1000.00', amount: '450.00' }, // 900 × 0.5
    { inScopeCopay: '1500.00', amount: '850.00' }, // 900 × 0.5 + 500 × 0.8
  ])('$inScopeCopay of in-scope co-payment pays $amount', ({ inScopeCopay, amount }) => {
    const { line } = lineOf(copay(), stay('s', '2024-03-01', '2024-03-05', { inScopeCopay }));
    expect(line.amount.toFixed(2)).toBe(amount);
  });

  it('takes the share of the cost field the formula names, not another', () => {
    const benefit = copay({ formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'selfPaid', deductible: made('0'), bands: made([{ ratio: '0.1' }]) } });
    const { line } = lineOf(benefit, stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '999.00', selfPaid: '200.00' }));
    expect(line.amount.toFixed(2)).toBe('20.00');
  });

  it('shows its arithmetic step by step', () => {
    const { line } = lineOf(copay(), stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '1500.00' }));
    expect(line.steps.map((s) => [s.key, s.expression, s.value])).toEqual([
      ['base', 'costs.inScopeCopay', '1500.00'],
      ['deductible', 'max(0, 1500.00 − 100.00)', '1400.00'],
      ['band', '900.00 × 0.5', '450.00'],
      ['band', '500.00 × 0.8', '400.00'],
      ['sum', '450.00 + 400.00', '850.00'],
    ]);
    expect(line.steps.map((s) => s.statement.zh)).toEqual([
      '1500.00 元',
      'max(0, 1500.00 − 100.00) = 1400.00 元',
      '900.00 × 0.5 = 450.00 元',
      '500.00 × 0.8 = 400.00 元',
      '450.00 + 400.00 = 850.00 元',
    ]);
    expect(line.steps[2]?.label).toEqual({ zh: '第 1 段：100 至 1,000 元的部分按 50%', en: 'band 1: 100 to 1,000 yuan at 50 %' });
  });
});

describe('perDay', () => {
  const perDay = (formula: Partial<Extract<BenefitInput['formula'], { kind: 'perDay' }>> = {}): BenefitInput => ({
    id: 'allowance',
    label: { zh: '住院补贴', en: 'Allowance' },
    event: 'hospitalisation',
    formula: { kind: 'perDay', amount: made('30'), ...formula },
  });

  it.each([
    { name: '10 nights, discharge day not counted: 30 × 10', admission: '2024-03-01', discharge: '2024-03-11', formula: {}, amount: '300.00' },
    { name: 'a same-day stay counts as one day', admission: '2024-03-01', discharge: '2024-03-01', formula: {}, amount: '30.00' },
    { name: 'paid from day 3: 30 × 8', admission: '2024-03-01', discharge: '2024-03-11', formula: { firstPaidDay: made(3) }, amount: '240.00' },
    { name: 'at most 5 days: 30 × 5', admission: '2024-03-01', discharge: '2024-03-11', formula: { maxDays: made(5) }, amount: '150.00' },
    { name: 'a stay shorter than the first paid day pays nothing', admission: '2024-03-01', discharge: '2024-03-02', formula: { firstPaidDay: made(3) }, amount: '0.00' },
    { name: 'crossing February of a leap year: 28 Feb to 1 Mar is 2 days', admission: '2024-02-28', discharge: '2024-03-01', formula: {}, amount: '60.00' },
  ])('$name', ({ admission, discharge, formula, amount }) => {
    const { line } = lineOf(perDay(formula), stay('s', admission, discharge));
    expect(line.amount.toFixed(2)).toBe(amount);
  });

  it('counts both days when the policy says so: 30 × 11', () => {
    const conventions = { yearBy: 'admission', dayCount: 'includeBothDays', rounding: { mode: 'halfUp', at: 'eachLine' } } as const;
    const { line } = lineOf(perDay(), stay('s', '2024-03-01', '2024-03-11'), { conventions });
    expect(line.amount.toFixed(2)).toBe('330.00');
    expect(line.steps[0]).toMatchObject({ key: 'days', expression: 'max(1, 2024-03-11 − 2024-03-01 + 1)', value: '11' });
    expect(line.steps[0]?.label).toEqual({ zh: '住院天数（入院、出院当日均计，至少 1 天）', en: 'days in hospital (admission and discharge day both counted, at least 1)' });
    expect(line.steps.at(-1)?.statement).toEqual({ zh: '30.00 元/天 × 11 天 = 330.00 元', en: '30.00 yuan/day × 11 days = 330.00 yuan' });
  });
});

describe('lumpSum and gradeSchedule', () => {
  it('a lump sum pays its amount on its event', () => {
    const { line } = lineOf({ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('1234.56') } }, { kind: 'death', id: 'd', date: '2024-04-01' });
    expect(line.amount.toFixed(2)).toBe('1234.56');
  });

  const disability: BenefitInput = {
    id: 'disability',
    label: { zh: '伤残补助', en: 'Disability' },
    event: 'disability',
    formula: { kind: 'gradeSchedule', maximum: made('10000'), shares: made({ 1: '1', 5: '0.35' }) },
  };

  it('a grade pays its share of the maximum: 10,000 × 0.35', () => {
    const { line } = lineOf(disability, { kind: 'disability', id: 'x', date: '2024-04-01', grade: 5 });
    expect(line.amount.toFixed(2)).toBe('3500.00');
  });

  it('a grade the table leaves out pays nothing, with a reason', () => {
    const { result, line } = lineOf(disability, { kind: 'disability', id: 'x', date: '2024-04-01', grade: 6 });
    expect(line.amount.toFixed(2)).toBe('0.00');
    expect(result.reasons.map((r) => r.code)).toEqual(['GRADE_NOT_COVERED']);
  });
});

describe('bracket', () => {
  const benefit: BenefitInput = {
    id: 'top-up',
    label: { zh: '补助', en: 'Top-up' },
    event: 'hospitalisation',
    formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '1000', to: '5000', amount: '200' }, { from: '5000', amount: '800' }]) },
  };

  it.each([
    { selfPaid: '999.99', amount: '0.00', reasons: ['BELOW_THRESHOLD'] },
    { selfPaid: '1000.00', amount: '200.00', reasons: [] },
    { selfPaid: '4999.99', amount: '200.00', reasons: [] },
    { selfPaid: '5000.00', amount: '800.00', reasons: [] },
  ])('self-paid $selfPaid pays $amount (from inclusive, to exclusive)', ({ selfPaid, amount, reasons }) => {
    const { result, line } = lineOf(benefit, stay('s', '2024-03-01', '2024-03-05', { selfPaid }));
    expect(line.amount.toFixed(2)).toBe(amount);
    expect(result.reasons.map((r) => r.code)).toEqual(reasons);
  });

  it('shows the bracket a cost fell in, bounded or open, and the lowest bracket a cost fell short of', () => {
    const bracketStep = (selfPaid: string) => lineOf(benefit, stay('s', '2024-03-01', '2024-03-05', { selfPaid })).line.steps[0];
    expect(bracketStep('1000.00')).toMatchObject({ key: 'bracket', expression: '1000.00 ≥ 1000.00 < 5000.00', value: '200.00' });
    expect(bracketStep('6000.00')).toMatchObject({ key: 'bracket', expression: '6000.00 ≥ 5000.00', value: '800.00' });
    expect(bracketStep('6000.00')?.label).toEqual({ zh: '医保外自费费用所在档次（5,000 元起）', en: 'self-paid cost outside insurance in the bracket from 5,000 yuan' });
    const { line, result } = lineOf(benefit, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '10.00' }));
    expect(line.citations.map((c) => c.parameter)).toEqual(['benefits.top-up.formula.brackets']);
    expect(result.reasons[0]?.message.en).toBe('Top-up requires self-paid cost outside insurance of at least 1000.00 yuan; this claim has 10.00 yuan.');
  });

  it('measures a cost between two brackets against the next one up', () => {
    const gapped: BenefitInput = { ...benefit, formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '1000', to: '2000', amount: '200' }, { from: '5000', amount: '800' }]) } };
    const { result } = lineOf(gapped, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '3000.00' }));
    expect(result.reasons.map((r) => r.message.en)).toEqual(['Top-up requires self-paid cost outside insurance of at least 5000.00 yuan; this claim has 3000.00 yuan.']);
  });

  it('gives a line a range only when its amount is decided on application, as data and on the console', () => {
    const ranged: BenefitInput = { ...benefit, formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '100', min: '10', max: '90' }]) } };
    const { line } = lineOf(ranged, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '150.00' }));
    const fields = ['benefit', 'label', 'amount', 'amountBeforeCaps', 'cappedBy', 'range', 'steps', 'citations', 'illustrative'];
    const json = JSON.parse(JSON.stringify(line));
    expect([Object.keys(json), json.range]).toEqual([fields, { min: '10.00', max: '90.00' }]);
    const fixed = lineOf(benefit, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '1000.00' })).line;
    expect(['range' in fixed, inspect(fixed).includes('range'), Object.keys(JSON.parse(JSON.stringify(fixed)))]).toEqual([false, false, fields.filter((field) => field !== 'range')]);
    // The console shows the line as data, steps included, not the class with its hidden fields.
    expect(inspect(line, { depth: 0 })).toMatch(/^\{\n  benefit: 'top-up',[^]*\n  range: \[Object\],\n  steps: \[Array\],/);
  });

  it('shows a range decided on application as its step', () => {
    const ranged: BenefitInput = { ...benefit, formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '100', min: '10', max: '90' }]) } };
    const { line, result } = lineOf(ranged, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '150.00' }));
    expect(line.steps[0]).toMatchObject({ key: 'bracket', expression: '150.00 ≥ 100.00', value: '10.00–90.00' });
    expect(line.steps[0]?.label.en).toBe('self-paid cost outside insurance in the bracket from 100 yuan');
    expect(result.warnings.map((w) => [w.code, w.params])).toContainEqual(['DECIDED_ON_APPLICATION', { benefit: ranged.label, min: '10.00', max: '90.00' }]);
  });
});

describe('caps', () => {
  const stay1500 = stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '1500.00' }); // 850.00 before caps

  it('a per-claim cap cuts the line and says by how much', () => {
    const { result, line } = lineOf(copay({ caps: { perClaim: made('600') } }), stay1500);
    expect([line.amountBeforeCaps.toFixed(2), line.amount.toFixed(2), line.cappedBy]).toEqual(['850.00', '600.00', 'perClaim']);
    expect(result.reasons[0]?.message.en).toBe('Stay subsidy was cut by 250.00 yuan by the per-claim cap (600.00 yuan).');
  });

  it('a line exactly at its cap is not cut: 850 under a cap of 850', () => {
    const { result, line } = lineOf(copay({ caps: { perClaim: made('850') } }), stay1500);
    expect([line.amount.toFixed(2), line.cappedBy, result.reasons]).toEqual(['850.00', null, []]);
  });

  it('a yearly cap counts what the ledger already paid for the benefit: 1,000 − 700 leaves 300', () => {
    const policy = syntheticPolicy([copay({ caps: { perYear: made('1000') } })]);
    const ledger = { scheme: 'test', year: 2024, memberId: 'member-1', total: '700.00', byBenefit: { copay: '700.00' }, claimIds: ['earlier'] };
    const result = evaluateClaim(policy, member, stay1500, ledger);
    expect([result.total.toFixed(2), result.lines[0]?.cappedBy]).toEqual(['300.00', 'perYear']);
    expect(result.ledger).toMatchObject({ claimIds: ['earlier', 's'] });
    expect(result.ledger.byBenefit.copay?.toFixed(2)).toBe('1000.00');
  });

  it('a ledger keeps what earlier claims paid for other benefits', () => {
    const death: BenefitInput = { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('100') } };
    const ledger = { scheme: 'test', year: 2024, memberId: 'member-1', total: '700.00', byBenefit: { copay: '700.00' }, claimIds: ['earlier'] };
    const result = evaluateClaim(syntheticPolicy([copay(), death]), member, { kind: 'death', id: 'd', date: '2024-04-01' }, ledger);
    expect(JSON.parse(JSON.stringify(result.ledger)).byBenefit).toEqual({ copay: '700.00', death: '100.00' });
  });

  it('a ledger made under one policy is read afresh under another of the same year', () => {
    // The same benefits in another order: what was paid is found by benefit id, not by position.
    const lump: BenefitInput = { id: 'lump', label: { zh: '一次性', en: 'Lump' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('50') } };
    const capped = copay({ caps: { perYear: made('1000') } });
    const first = evaluateClaim(syntheticPolicy([capped, lump]), member, stay('a', '2024-03-01', '2024-03-05', { inScopeCopay: '1100.00' })); // 450 + 80 = 530
    const second = evaluateClaim(syntheticPolicy([lump, capped]), member, stay1500, first.ledger); // 850, cut to 1,000 − 530
    expect(second.lines.map((l) => [l.benefit, l.amount.toFixed(2), l.cappedBy])).toEqual([['lump', '50.00', null], ['copay', '470.00', 'perYear']]);
    expect(JSON.parse(JSON.stringify(second.ledger.byBenefit))).toEqual({ copay: '1000.00', lump: '100.00' });
  });

  it('the maximum subsidy is shared by the lines of one claim: 300, then 500 − 300 = 200', () => {
    const lump = (id: string, amount: string): BenefitInput => ({ id, label: { zh: id, en: id }, event: 'death', formula: { kind: 'lumpSum', amount: made(amount) } });
    const policy = syntheticPolicy([lump('first', '300'), lump('second', '400')], { ceilings: { maximumSubsidy: made('500') } });
    const result = evaluateClaim(policy, member, { kind: 'death', id: 'd', date: '2024-04-01' });
    expect(result.lines.map((l) => [l.amount.toFixed(2), l.cappedBy])).toEqual([['300.00', null], ['200.00', 'maximumSubsidy']]);
    expect(result.total.toFixed(2)).toBe('500.00');
  });
});

describe('rounding, as the policy states it', () => {
  // 0.05 × 0.5 = 0.025: the half fen shows each mode.
  const halfFen: BenefitInput = { id: 'd', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('0.05'), shares: made({ 1: '0.5' }) } };

  it.each([
    { mode: 'halfUp', amount: '0.03' },
    { mode: 'halfEven', amount: '0.02' },
    { mode: 'down', amount: '0.02' },
    { mode: 'up', amount: '0.03' },
  ] as const)('$mode rounds 0.025 to $amount', ({ mode, amount }) => {
    const conventions = { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at: 'eachLine' } } as const;
    const { line } = lineOf(halfFen, { kind: 'disability', id: 'x', date: '2024-04-01', grade: 1 }, { conventions });
    expect(line.amount.toFixed(2)).toBe(amount);
  });

  // Two tiers of 0.01 yuan each at 50 %: 0.005 + 0.005.
  const twoHalfFens: BenefitInput = copay({ formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('0'), bands: made([{ upTo: '0.01', ratio: '0.5' }, { ratio: '0.5' }]) } });

  it.each([
    { at: 'eachStep', amount: '0.02' }, // 0.01 + 0.01
    { at: 'eachLine', amount: '0.01' }, // round(0.005 + 0.005)
  ] as const)('rounding at $at gives $amount', ({ at, amount }) => {
    const conventions = { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at } } as const;
    const { line } = lineOf(twoHalfFens, stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '0.02' }), { conventions });
    expect(line.amount.toFixed(2)).toBe(amount);
  });
});

describe('eligibility', () => {
  const death: BenefitInput = { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('100') } };

  it('collects every reason, not only the first', () => {
    const policy = syntheticPolicy([death], { attributes: { member: { cityFederationDirect: { label: { zh: '市总工会本级基层工会会员', en: 'members directly under the city federation' } } } }, eligibility: { requires: [{ label: { zh: '市总工会本级基层工会会员', en: 'members directly under the city federation' }, when: { flags: { cityFederationDirect: true } } }] } });
    const result = evaluateClaim(policy, { id: 'member-1', enrolments: [] }, { kind: 'death', id: 'd', date: '2025-01-01' });
    expect(result.reasons.map((r) => r.code)).toEqual(['OUTSIDE_POLICY_PERIOD', 'NOT_ENROLLED', 'REQUIREMENT_NOT_MET']);
    expect(result.lines).toEqual([]);
    expect(result.ledger.claimIds).toEqual([]);
  });

  it('an enrolment of another year does not count', () => {
    const result = evaluateClaim(syntheticPolicy([death]), enrolledMember('test', 2023), { kind: 'death', id: 'd', date: '2024-01-01' });
    expect(result.reasons.map((r) => r.code)).toEqual(['NOT_ENROLLED']);
  });

  it('an enrolment in another scheme does not count', () => {
    const result = evaluateClaim(syntheticPolicy([death]), enrolledMember('other', 2024), { kind: 'death', id: 'd', date: '2024-04-01' });
    expect(result.reasons.map((r) => r.code)).toEqual(['NOT_ENROLLED']);
  });

  it('an enrolment counts for its own protection year only, whatever dates it spans', () => {
    const spanning = { id: 'member-1', enrolments: [{ scheme: 'test', year: 2023, from: '2023-07-01', to: '2024-06-30' }] };
    const result = evaluateClaim(syntheticPolicy([death]), spanning, { kind: 'death', id: 'd', date: '2024-04-01' });
    expect(result.reasons.map((r) => r.code)).toEqual(['NOT_ENROLLED']);
  });

  it.each([
    { flags: {}, eligible: false },
    { flags: { hardship: false }, eligible: false },
    { flags: { hardship: true }, eligible: true },
  ])('a required flag must be true: $flags', ({ flags, eligible }) => {
    const policy = syntheticPolicy([death], { attributes: { member: { hardship: { label: { zh: '建档立卡困难职工', en: 'registered hardship workers' } } } }, eligibility: { requires: [{ label: { zh: '建档立卡困难职工', en: 'registered hardship workers' }, when: { flags: { hardship: true } } }] } });
    const result = evaluateClaim(policy, enrolledMember("test", 2024, { flags: flags as Record<string, boolean> }), { kind: 'death', id: 'd', date: '2024-04-01' });
    expect([result.eligible, result.reasons.map((r) => r.code)]).toEqual([eligible, eligible ? [] : ['REQUIREMENT_NOT_MET']]);
  });

  it('a policy that picks the year by discharge judges a stay over new year by its discharge', () => {
    const overNewYear = stay('s', '2023-12-30', '2024-01-04', { inScopeCopay: '600.00' });
    const byDischarge = { conventions: { yearBy: 'discharge', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachLine' } } } as const;
    const result = evaluateClaim(syntheticPolicy([copay()], byDischarge), member, overNewYear);
    expect([result.eventDate, result.total.toFixed(2)]).toEqual(['2024-01-04', '250.00']);
    const byAdmission = evaluateClaim(syntheticPolicy([copay()]), member, overNewYear);
    expect([byAdmission.eventDate, byAdmission.reasons.map((r) => r.code)]).toEqual(['2023-12-30', ['OUTSIDE_POLICY_PERIOD', 'NOT_ENROLLED']]);
  });

  it('names only the event of a claim without a cause when no benefit pays on it', () => {
    const result = evaluateClaim(syntheticPolicy([copay()]), member, { kind: 'death', id: 'd', date: '2024-04-01' });
    expect(result.reasons.map((r) => [r.code, r.params])).toStrictEqual([['NO_BENEFIT_FOR_EVENT', { event: 'death' }]]);
  });

  it('a claim already in the ledger is not paid twice', () => {
    const policy = syntheticPolicy([death]);
    const first = evaluateClaim(policy, member, { kind: 'death', id: 'd', date: '2024-04-01' });
    const again = evaluateClaim(policy, member, { kind: 'death', id: 'd', date: '2024-04-01' }, first.ledger);
    expect([again.eligible, again.reasons.map((r) => r.code), again.ledger.total.toFixed(2)]).toEqual([false, ['DUPLICATE_CLAIM'], '100.00']);
  });

  it('a benefit limited to accidents does not pay for illness', () => {
    const accidentOnly = { ...copay(), causes: ['accident'] } as BenefitInput;
    const result = evaluateClaim(syntheticPolicy([accidentOnly]), member, stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '500' }, 'illness'));
    expect(result.reasons.map((r) => r.code)).toEqual(['CAUSE_NOT_COVERED', 'NO_BENEFIT_FOR_EVENT']);
    const accident = evaluateClaim(syntheticPolicy([accidentOnly]), member, stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '500' }, 'accident'));
    expect(accident.total.toFixed(2)).toBe('200.00');
  });

  it('a ledger of another year is invalid input, not a silent reset', () => {
    const ledger = { scheme: 'test', year: 2023, memberId: 'member-1', total: '0', byBenefit: {}, claimIds: [] };
    const outcome = safeEvaluateClaim(syntheticPolicy([death]), member, { kind: 'death', id: 'd', date: '2024-04-01' }, ledger);
    expect(outcome.success === false && outcome.error.issues).toEqual([
      { path: ['ledger', 'year'], code: 'ledger_mismatch', message: 'expected the ledger of year 2024; got 2023' },
    ]);
  });
});

describe('exact money', () => {
  it('0.10 + 0.20 is 0.30, not 0.30000000000000004', () => {
    const lump = (id: string, amount: string): BenefitInput => ({ id, label: { zh: id, en: id }, event: 'death', formula: { kind: 'lumpSum', amount: made(amount) } });
    const result = evaluateClaim(syntheticPolicy([lump('a', '0.10'), lump('b', '0.20')]), member, { kind: 'death', id: 'd', date: '2024-04-01' });
    expect(result.total.toFixed(2)).toBe('0.30');
    expect(result.total.equals('0.3')).toBe(true);
  });

  it('results serialise amounts as strings with two decimals', () => {
    const { result } = lineOf(copay(), stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '600' }));
    const json = JSON.parse(JSON.stringify(result));
    expect([json.total, json.lines[0].amount, json.lines[0].amountBeforeCaps, json.ledger.total]).toEqual(['250.00', '250.00', '250.00', '250.00']);
  });
});

describe('purity', () => {
  const policy = syntheticPolicy([copay({ caps: { perYear: made('10000') } })]);
  const claim = stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '1500.00' });
  const ledger = { scheme: 'test', year: 2024, memberId: 'member-1', total: '10.00', byBenefit: { copay: '10.00' }, claimIds: ['x'] };

  it('leaves its inputs as they were, and works on frozen ones', () => {
    const inputs = [member, claim, ledger].map((value) => structuredClone(value));
    const frozen = inputs.map(deepFreeze);
    evaluateClaim(policy, frozen[0] as typeof member, frozen[1] as ClaimInput, frozen[2] as typeof ledger);
    expect(inputs).toEqual([member, claim, ledger]);
  });

  it('gives the same result, byte for byte, every time', () => {
    const once = JSON.stringify(evaluateClaim(policy, member, claim, ledger));
    expect(JSON.stringify(evaluateClaim(policy, member, claim, ledger))).toBe(once);
  });

  // A number amount takes the reference path, a string the fast one: both freeze everything.
  it.each([claim, { ...claim, costs: { ...claim.costs, inScopeCopay: 1500 } }])('returns a frozen result', (input) => {
    const result = evaluateClaim(policy, member, input, ledger);
    const [line] = result.lines;
    const parts = [result, result.lines, line, line?.citations, line?.citations[0], line?.steps, result.total, result.ledger, result.ledger.byBenefit, result.ledger.claimIds, result.ledger.total];
    expect(parts.map((part) => Object.isFrozen(part))).toEqual(parts.map(() => true));
  });

  it('makes its lines and ledger on first read, the same objects after, and lists every field as data', () => {
    const result = evaluateClaim(policy, member, claim, ledger);
    expect([result.lines === result.lines, result.ledger === result.ledger]).toEqual([true, true]);
    // Accessors: JSON, toJSON and the console see them; Object.keys and spread do not.
    expect(Object.keys(result)).not.toContain('lines');
    expect(Object.keys(result.toJSON())).toEqual(['claimId', 'memberId', 'kind', 'eventDate', 'policy', 'eligible', 'reasons', 'total', 'lines', 'ledger', 'warnings', 'illustrative']);
    expect(JSON.parse(JSON.stringify(result)).ledger.claimIds).toEqual(['x', 's']);
    expect([inspect(result).includes('lines: ['), inspect(result).includes('ledger: ')]).toEqual([true, true]);
  });

  it('throws InvalidInputError for bad input and the safe twin returns it', () => {
    const bad = { ...claim, admission: '2024-13-01' };
    expect(() => evaluateClaim(policy, member, bad)).toThrow(InvalidInputError);
    const outcome = safeEvaluateClaim(policy, member, bad);
    expect(outcome.success).toBe(false);
  });

  it('checks its arguments in order: an invalid claim is named before an invalid ledger', () => {
    const outcome = safeEvaluateClaim(policy, member, { kind: 'death', id: 'x', date: '2024-02-30' }, { scheme: 'test' } as never);
    expect(outcome.success === false && outcome.error.issues.map((i) => i.path)).toEqual([['claim', 'date']]);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
