/**
 * The steps every line shows, written out in full for a year a reader can check by hand:
 * what an explanation prints must be the arithmetic that was done.
 *
 * The policy: copay on in-scope co-payment above 100 yuan, 33.3 % up to 1,000 and 80 % above,
 * at most 700 a claim; 30 yuan a day from the third day, at most 5 days, at most 200 a year;
 * grade 3 disability 33.3 % of 1,000.01; death 800; at most 1,500 a year in all.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, type ClaimResult } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const policy = syntheticPolicy(
  [
    { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('100'), bands: made([{ upTo: '1000', ratio: '0.333' }, { ratio: '0.8' }]) }, caps: { perClaim: made('700') } },
    { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('30'), firstPaidDay: made(3), maxDays: made(5) }, caps: { perYear: made('200') } },
    { id: 'grade', label: { zh: '伤残补助', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('1000.01'), shares: made({ 3: '0.333' }) } },
    { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('800') } },
  ],
  { ceilings: { maximumSubsidy: made('1500') } },
);
const member = enrolledMember('test', 2024);
const allowanceOf = (maxDays: ReturnType<typeof made<number>> | undefined) =>
  ({ label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('30'), ...(maxDays && { maxDays }) } }) as const;
const steps = (result: ClaimResult | undefined, benefit: string) =>
  result?.lines.find((line) => line.benefit === benefit)?.steps.map((step) => [step.key, step.expression, step.value]);

// Settled inside each test, so that mutation testing sees which test ran which code.
const settleYear = () =>
  evaluateYear(policy, member, [
    stay('s1', '2024-03-01', '2024-03-11', { inScopeCopay: '1500.00' }),
    stay('s2', '2024-04-01', '2024-04-11', { inScopeCopay: '150.00' }),
    { kind: 'disability', id: 'd', date: '2024-05-01', grade: 3 },
    { kind: 'death', id: 'x', date: '2024-06-01' },
  ]);

describe('the steps of a year, checked by hand', () => {

  it('labels every step in both languages', () => {
    const labels = settleYear().results.flatMap((result) => result.lines.flatMap((line) => line.steps.map((step) => [step.key, step.label.en, step.label.zh])));
    expect(labels).toEqual([
      ['base', 'in-scope co-payment', '政策范围内个人自付'],
      ['deductible', 'amount above the deductible', '超过起付线的部分'],
      ['band', 'band 1: 100 to 1,000 yuan at 33.3 %', '第 1 段：100 至 1,000 元的部分按 33.3%'],
      ['band', 'band 2: above 1,000 yuan at 80 %', '第 2 段：超过 1,000 元的部分按 80%'],
      ['sum', 'sum of the bands', '各段合计'],
      ['days', 'days in hospital (discharge day not counted, at least 1)', '住院天数（算入不算出，至少 1 天）'],
      ['paidDays', 'days paid', '补贴天数'],
      ['perDay', 'daily allowance × days paid', '住院补贴 × 补贴天数'],
      ['base', 'in-scope co-payment', '政策范围内个人自付'],
      ['deductible', 'amount above the deductible', '超过起付线的部分'],
      ['band', 'band 1: 100 to 1,000 yuan at 33.3 %', '第 1 段：100 至 1,000 元的部分按 33.3%'],
      ['days', 'days in hospital (discharge day not counted, at least 1)', '住院天数（算入不算出，至少 1 天）'],
      ['paidDays', 'days paid', '补贴天数'],
      ['perDay', 'daily allowance × days paid', '住院补贴 × 补贴天数'],
      ['perYear', 'capped by what remains of the yearly cap of the benefit', '受该项补助年度上限剩余额度限制'],
      ['gradeShare', 'grade 3: maximum × share', '3 级伤残：最高额 × 比例'],
      ['rounding', 'rounded half-up to the fen', '按分四舍五入'],
      ['lumpSum', 'fixed amount', '定额'],
      ['maximumSubsidy', 'capped by what remains of the maximum subsidy of the protection year', '受保障年度最高补助剩余额度限制'],
    ]);
  });

  it('a copay over two bands: 900 × 0.333 + 500 × 0.8 = 699.70, under the 700 cap', () => {
    const [s1] = settleYear().results;
    expect(steps(s1, 'subsidy')).toEqual([
      ['base', 'costs.inScopeCopay', '1500.00'],
      ['deductible', 'max(0, 1500.00 − 100.00)', '1400.00'],
      ['band', '900.00 × 0.333', '299.70'],
      ['band', '500.00 × 0.8', '400.00'],
      ['sum', '299.70 + 400.00', '699.70'],
    ]);
    expect(s1?.lines[0]?.steps[3]?.label).toEqual({ zh: '第 2 段：超过 1,000 元的部分按 80%', en: 'band 2: above 1,000 yuan at 80 %' });
  });

  it('days from the third, at most five: 10 days → 5 paid → 30 × 5 = 150', () => {
    const [s1] = settleYear().results;
    expect(steps(s1, 'allowance')).toEqual([
      ['days', 'max(1, 2024-03-11 − 2024-03-01)', '10'],
      ['paidDays', 'min(5, max(0, 10 − 3 + 1))', '5'],
      ['perDay', '30.00 × 5', '150.00'],
    ]);
    expect(s1?.lines[1]?.steps.map((step) => step.statement.zh)).toEqual([
      'max(1, 2024-03-11 − 2024-03-01) = 10 天',
      'min(5, max(0, 10 − 3 + 1)) = 5 天',
      '30.00 元/天 × 5 天 = 150.00 元',
    ]);
  });

  it('a single tier shows no sum; the yearly cap leaves 200 − 150 = 50 of the second allowance', () => {
    const [, s2] = settleYear().results;
    expect(steps(s2, 'subsidy')).toEqual([
      ['base', 'costs.inScopeCopay', '150.00'],
      ['deductible', 'max(0, 150.00 − 100.00)', '50.00'],
      ['band', '50.00 × 0.333', '16.65'],
    ]);
    expect(steps(s2, 'allowance')?.at(-1)).toEqual(['perYear', 'min(150.00, 200.00 − 150.00)', '50.00']);
    expect(s2?.reasons.map((reason) => reason.message.en)).toEqual(['Allowance was cut by 100.00 yuan by the yearly cap of the benefit (200.00 yuan).']);
  });

  it('a grade share is rounded to the fen once: 1000.01 × 0.333 = 333.00333 → 333.00', () => {
    const [, , disability] = settleYear().results;
    expect(steps(disability, 'grade')).toEqual([
      ['gradeShare', '1000.01 × 0.333', '333.00333'],
      ['rounding', '333.00333', '333.00'],
    ]);
    expect(disability?.lines[0]?.steps[1]?.statement).toEqual({ zh: '333.00333 → 333.00 元', en: '333.00333 → 333.00 yuan' });
  });

  it('the maximum subsidy leaves 1500 − 1249.35 = 250.65 of the death benefit', () => {
    const year = settleYear();
    const death = year.results[3];
    expect(steps(death, 'death')).toEqual([
      ['lumpSum', '800.00', '800.00'],
      ['maximumSubsidy', 'min(800.00, 1500.00 − 1249.35)', '250.65'],
    ]);
    expect(death?.reasons.map((reason) => reason.message.zh)).toEqual(['身故受保障年度最高补助（1500.00 元）限制，核减 549.35 元。']);
    expect(year.total.toFixed(2)).toBe('1500.00');
  });

  it('at most five days, from the first: min(5, 10) = 5, and no paid-days step when every day is paid', () => {
    const capped = syntheticPolicy([{ ...allowanceOf(made(5)), id: 'a' }]);
    expect(steps(evaluateClaim(capped, member, stay('s', '2024-03-01', '2024-03-11')), 'a')?.slice(1)).toEqual([
      ['paidDays', 'min(5, 10)', '5'],
      ['perDay', '30.00 × 5', '150.00'],
    ]);
    const uncapped = syntheticPolicy([{ ...allowanceOf(undefined), id: 'a' }]);
    expect(steps(evaluateClaim(uncapped, member, stay('s', '2024-03-01', '2024-03-11')), 'a')?.map(([key]) => key)).toEqual(['days', 'perDay']);
  });

  it('the per-claim cap: 299.70 + 4,000 × 0.8 = 3,499.70, cut to 700', () => {
    const result = evaluateClaim(policy, member, stay('s3', '2024-03-01', '2024-03-02', { inScopeCopay: '5000.00' }));
    expect(steps(result, 'subsidy')?.slice(-2)).toEqual([
      ['sum', '299.70 + 3200.00', '3499.70'],
      ['perClaim', 'min(3499.70, 700.00)', '700.00'],
    ]);
    expect(result.lines[0]).toMatchObject({ cappedBy: 'perClaim' });
    expect(result.lines[0]?.amountBeforeCaps.toFixed(2)).toBe('3499.70');
  });

  it('rounding at each step rounds each tier: 33.33 × 0.5 = 16.665 → 16.67, and 0.01 × 0.5 = 0.005 → 0.01', () => {
    const eachStep = syntheticPolicy(
      [{ id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'selfPaid', deductible: made('0'), bands: made([{ upTo: '33.33', ratio: '0.5' }, { ratio: '0.5' }]) } }],
      { conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachStep' } } },
    );
    const result = evaluateClaim(eachStep, member, stay('s', '2024-03-01', '2024-03-02', { selfPaid: '33.34' }));
    expect(steps(result, 'subsidy')?.slice(2)).toEqual([
      ['band', '33.33 × 0.5', '16.67'],
      ['band', '0.01 × 0.5', '0.01'],
      ['sum', '16.67 + 0.01', '16.68'],
    ]);
    // Rounded once for the line, the same stay would pay 33.34 × 0.5 = 16.67.
    expect(result.total.toFixed(2)).toBe('16.68');
  });
});
