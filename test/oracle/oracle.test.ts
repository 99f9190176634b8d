/**
 * Cases a reader can check by hand, each settled by the oracle and by the engine: the oracle is
 * trusted because it gives these figures, and the engine is held to them too. The generated
 * cases of test/properties.test.ts then hold the engine to the oracle everywhere else; these
 * are the edges random values seldom land on.
 */
import { describe, expect, it } from 'vitest';
import { Decimal, evaluateYear, type BenefitInput, type ClaimInput, type LedgerInput, type MemberInput, type PolicyInput } from '../../src';
import { enrolledMember, made, stay, syntheticPolicy } from '../_fixtures';
import { oracleYear } from '.';

type Expected = { total: string; reasons?: string[]; cappedBy?: (string | null)[]; eligible?: boolean };

/** The year settled by both, each claim's total, reasons and cut caps. */
function settleBoth(benefits: BenefitInput[], claims: ClaimInput[], overrides: Partial<PolicyInput> = {}, member: MemberInput = enrolledMember('test', 2024, { id: 'm' }), ledger?: LedgerInput) {
  const policy = syntheticPolicy(benefits, overrides);
  const engine = evaluateYear(policy, member, claims, ledger).results.map((r) => ({
    eligible: r.eligible,
    total: r.total.toFixed(2),
    reasons: r.reasons.map((m) => m.code).sort(),
    cappedBy: r.lines.map((l) => l.cappedBy),
  }));
  const oracle = oracleYear(policy, member, claims, ledger).results.map((r) => ({ eligible: r.eligible, total: r.total, reasons: r.reasons, cappedBy: r.lines.map((l) => l.cappedBy) }));
  return { engine, oracle };
}

function expectBoth(settled: ReturnType<typeof settleBoth>, expected: Expected[]) {
  const wanted = expected.map((e) => expect.objectContaining({ total: e.total, ...(e.reasons && { reasons: e.reasons }), ...(e.cappedBy && { cappedBy: e.cappedBy }), ...(e.eligible !== undefined && { eligible: e.eligible }) }));
  expect(settled.oracle).toEqual(wanted);
  expect(settled.engine).toEqual(wanted);
}

const label = { zh: '补助', en: 'Subsidy' };
const bands = (formula: Record<string, unknown>, extra: Partial<BenefitInput> = {}): BenefitInput =>
  ({ id: 'subsidy', label, event: 'hospitalisation', formula: { kind: 'bands', base: 'selfPaid', method: 'progressive', ...formula }, ...extra }) as BenefitInput;
const tiers = made([{ upTo: '10000', ratio: '0.3' }, { upTo: '30000', ratio: '0.4' }, { ratio: '0.6' }]);
const paying = (selfPaid: string, id = 's', admission = '2024-03-01', discharge = '2024-03-11') => stay(id, admission, discharge, { selfPaid });

describe('bands', () => {
  it('progressive after a deductible of 1,000: 41,000 pays 10,000 × 0.3 + 20,000 × 0.4 + 10,000 × 0.6 = 17,000', () => {
    expectBoth(settleBoth([bands({ deductible: made('1000'), deductibleScope: 'stay', measure: 'afterDeductible', bands: tiers })], [paying('41000')]), [{ total: '17000.00' }]);
  });

  it('progressive on the base, the first 1,000 unpaid: 41,000 pays 9,000 × 0.3 + 20,000 × 0.4 + 11,000 × 0.6 = 17,300', () => {
    expectBoth(settleBoth([bands({ deductible: made('1000'), deductibleScope: 'stay', measure: 'base', bands: tiers })], [paying('41000')]), [{ total: '17300.00' }]);
  });

  it.each([
    ['10000.00', '3000.00'], // on an inclusive edge: the lower band, 0.3
    ['19999.99', '9999.99'], // 19,999.99 × 0.5 = 9,999.995, rounded down by the policy
    ['20000.00', '16000.00'], // on an exclusive edge: the band above, 0.8
  ])('whole bands, "1万元(含)以内" and "below 20,000": %s pays %s', (selfPaid, total) => {
    const whole = bands({ method: 'whole', bands: made([{ upTo: '10000', ratio: '0.3' }, { upTo: '20000', upToIncluded: false, ratio: '0.5' }, { ratio: '0.8' }]) });
    const overrides = { conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'down', at: 'eachLine' } } } as const;
    expectBoth(settleBoth([whole], [paying(selfPaid)], overrides), [{ total }]);
  });

  it('a base that sums two costs, with a threshold of 500 on it: 300 + 199.99 pays nothing, 300 + 200 pays half', () => {
    const benefit = bands({ base: ['inScopeCopay', 'selfPaid'], threshold: made('500'), bands: made([{ ratio: '0.5' }]) });
    const claims = [stay('a', '2024-03-01', '2024-03-02', { inScopeCopay: '300', selfPaid: '199.99' }), stay('b', '2024-04-01', '2024-04-02', { inScopeCopay: '300', selfPaid: '200' })];
    expectBoth(settleBoth([benefit], claims), [{ total: '0.00', reasons: ['BELOW_THRESHOLD'] }, { total: '250.00', reasons: [] }]);
  });

  // 3.00 in two bands at 0.005: 1.00 × 0.005 = 0.005 and 2.00 × 0.005 = 0.01, or 0.015 at once.
  it.each([
    ['halfUp', 'eachStep', '0.02'],
    ['halfEven', 'eachStep', '0.01'],
    ['down', 'eachStep', '0.01'],
    ['up', 'eachStep', '0.02'],
    ['halfUp', 'eachLine', '0.02'],
    ['halfEven', 'eachLine', '0.02'],
    ['down', 'eachLine', '0.01'],
    ['up', 'eachLine', '0.02'],
  ] as const)('rounding %s at %s: 3.00 pays %s', (mode, at, total) => {
    const benefit = bands({ bands: made([{ upTo: '1', ratio: '0.005' }, { ratio: '0.005' }]) });
    expectBoth(settleBoth([benefit], [paying('3')], { conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at } } }), [{ total }]);
  });

  it('a deductible of 1,300 for the first stay and 650 for each later one (Beijing 2012): 2,000 twice pays 350, then 675', () => {
    const deductible = { ...made('1300'), variants: [{ when: { stayNumber: { from: 2 } }, value: '650' }] };
    const benefit = bands({ deductible, deductibleScope: 'stay', measure: 'afterDeductible', bands: made([{ ratio: '0.5' }]) });
    expectBoth(settleBoth([benefit], [paying('2000', 'a'), paying('2000', 'b', '2024-05-01', '2024-05-05')]), [{ total: '350.00' }, { total: '675.00' }]);
  });

  it('one deductible of 1,000 for the year: 600 uses 600 of it and pays nothing, then 1,000 pays half of 600', () => {
    const benefit = bands({ deductible: made('1000'), deductibleScope: 'year', measure: 'afterDeductible', bands: made([{ ratio: '0.5' }]) });
    expectBoth(settleBoth([benefit], [paying('600', 'a'), paying('1000', 'b', '2024-05-01', '2024-05-05')]), [{ total: '0.00' }, { total: '300.00' }]);
  });

  // 999,999,999,999.99 × 0.999999 = 999,998,999,999.99000001: past 2^53 in fen times millionths.
  it.each([
    ['0.999999', 'halfUp', '999998999999.99'],
    ['0.999999', 'up', '999999000000.00'],
    ['0.333333', 'halfUp', '333333000000.00'],
    ['0.333333', 'down', '333332999999.99'],
  ] as const)('the largest cost times %s, rounded %s, pays %s exactly, given as text, a number or a Decimal', (ratio, mode, total) => {
    const benefit = bands({ bands: made([{ ratio }]) });
    const conventions = { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at: 'eachLine' } } as const;
    for (const largest of ['999999999999.99', 999_999_999_999.99, new Decimal('999999999999.99')]) {
      const claim: ClaimInput = { kind: 'hospitalisation', id: 's', admission: '2024-03-01', discharge: '2024-03-02', cause: 'illness', costs: { total: largest, insurancePaid: 0, inScopeCopay: 0, selfPaid: largest } };
      expectBoth(settleBoth([benefit], [claim], { conventions }), [{ total }]);
    }
  });
});

describe('per day, lump sums, grades and brackets', () => {
  it('50 a day from the 4th day, at most 10 days a stay and 12 a year: 20 days pay 500, then 8 days pay the 2 days left, 100', () => {
    const allowance: BenefitInput = {
      id: 'allowance',
      label,
      event: 'hospitalisation',
      formula: { kind: 'perDay', amount: made('50'), firstPaidDay: made(4), maxDays: made(10), maxDaysPerYear: made(12) },
    };
    expectBoth(settleBoth([allowance], [stay('a', '2024-03-01', '2024-03-21'), stay('b', '2024-05-01', '2024-05-09')]), [{ total: '500.00' }, { total: '100.00' }]);
  });

  it('a flat 300 for a stay of 3 days or more, at most twice a year: 2 days pay nothing, then 300, 300 and nothing', () => {
    const flat: BenefitInput = { id: 'flat', label, event: 'hospitalisation', when: { days: { from: 3 } }, formula: { kind: 'lumpSum', amount: made('300') }, caps: { claimsPerYear: made(2) } };
    const other = bands({ bands: made([{ ratio: '0' }]) });
    const claims = [stay('a', '2024-01-10', '2024-01-12'), stay('b', '2024-02-10', '2024-02-13'), stay('c', '2024-03-10', '2024-03-13'), stay('d', '2024-04-10', '2024-04-13')];
    expectBoth(settleBoth([other, flat], claims), [
      { total: '0.00', reasons: ['CONDITION_NOT_MET'], cappedBy: [null] },
      { total: '300.00', reasons: [], cappedBy: [null, null] },
      { total: '300.00', reasons: [], cappedBy: [null, null] },
      { total: '0.00', reasons: ['CLAIMS_PER_YEAR_REACHED'], cappedBy: [null, 'claimsPerYear'] },
    ]);
  });

  it('1,000 a stay, at most 1,500 a year and 2,200 in all with 100 paid before: 1,000, then 500 (yearly cap), then 0', () => {
    const flat: BenefitInput = { id: 'flat', label, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('1000') }, caps: { perYear: made('1500') } };
    const ledger = { scheme: 'test', year: 2024, memberId: 'm', total: '100', byBenefit: {}, claimIds: [] };
    const claims = [stay('a', '2024-01-10', '2024-01-12'), stay('b', '2024-02-10', '2024-02-13'), stay('c', '2024-03-10', '2024-03-13')];
    expectBoth(settleBoth([flat], claims, { ceilings: { maximumSubsidy: made('2200') } }, undefined, ledger), [
      { total: '1000.00', cappedBy: [null] },
      { total: '500.00', reasons: ['CAP_REACHED'], cappedBy: ['perYear'] },
      { total: '0.00', reasons: ['CAP_REACHED'], cappedBy: ['perYear'] },
    ]);
  });

  it('grade 5 gets 0.35 of 20,000; grade 6, not listed, nothing', () => {
    const disability: BenefitInput = { id: 'disability', label, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('20000'), shares: made({ 5: '0.35' }) } };
    const claims: ClaimInput[] = [{ kind: 'disability', id: 'a', date: '2024-03-01', grade: 5 }, { kind: 'disability', id: 'b', date: '2024-04-01', grade: 6 }];
    expectBoth(settleBoth([disability], claims), [{ total: '7000.00' }, { total: '0.00', reasons: ['GRADE_NOT_COVERED'] }]);
  });

  it.each([
    ['4999.99', '0.00', ['BELOW_THRESHOLD']],
    ['20000.00', '500.00', []],
    ['20000.01', '0.00', ['ABOVE_TOP_BRACKET']],
  ])('a bracket from 5,000 to 20,000 inclusive: self-paid %s pays %s', (selfPaid, total, reasons) => {
    const bracket: BenefitInput = { id: 'top-up', label, event: 'hospitalisation', formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '5000', to: '20000', toIncluded: true, amount: '500' }]) } };
    expectBoth(settleBoth([bracket], [paying(selfPaid)]), [{ total, reasons }]);
  });
});

describe('eligibility', () => {
  const flat: BenefitInput = { id: 'flat', label, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('100') } };
  const onDay = (date: string, id = date) => stay(id, date, date);

  it.each([
    ['2024-02-29', '100.00', []], // 54 the day before her 55th birthday
    ['2024-03-01', '0.00', ['REQUIREMENT_NOT_MET']], // 55
  ])('women under 55 (born 1969-03-01): a stay on %s pays %s', (date, total, reasons) => {
    const requires = [{ label, when: { anyOf: [{ sex: 'female' as const, age: { to: 54 } }, { sex: 'male' as const, age: { to: 59 } }] } }];
    const member = enrolledMember('test', 2024, { id: 'm', sex: 'female', birthDate: '1969-03-01' });
    expectBoth(settleBoth([flat], [onDay(date)], { eligibility: { requires } }, member), [{ total, reasons }]);
  });

  it('30 days of waiting from 1 January: the 30th day is refused, the 31st pays; a renewal the day after the last cover waits not at all', () => {
    const waitingPeriod = { days: made(30), waivedIfRenewedWithin: made(1) };
    const first = enrolledMember('test', 2024, { id: 'm' });
    expectBoth(settleBoth([flat], [onDay('2024-01-30'), onDay('2024-01-31')], { eligibility: { waitingPeriod } }, first), [
      { total: '0.00', reasons: ['WAITING_PERIOD'] },
      { total: '100.00', reasons: [] },
    ]);
    const renewed = { id: 'm', enrolments: [{ scheme: 'test', year: 2023, from: '2023-01-01', to: '2023-12-31' }, ...first.enrolments] };
    expectBoth(settleBoth([flat], [onDay('2024-01-02')], { eligibility: { waitingPeriod } }, renewed), [{ total: '100.00', reasons: [] }]);
  });

  it('cover from the day after enrolment on 10 January: a stay on the 10th is refused, on the 11th pays', () => {
    const member = { id: 'm', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31', enrolledOn: '2024-01-10' }] };
    expectBoth(settleBoth([flat], [onDay('2024-01-10'), onDay('2024-01-11')], { eligibility: { coverStarts: 'dayAfterEnrolment' } }, member), [
      { total: '0.00', reasons: ['NOT_YET_COVERED'] },
      { total: '100.00', reasons: [] },
    ]);
  });

  it('filed within 30 days of discharge on 1 March: on 31 March it pays, on 1 April it is late; by 31 March of the next year likewise', () => {
    const filed = (filedOn: string, id: string): ClaimInput => ({ ...stay(id, '2024-02-20', '2024-03-01'), filedOn });
    const late = [{ total: '100.00', reasons: [] }, { total: '0.00', reasons: ['FILED_LATE'] }];
    expectBoth(settleBoth([flat], [filed('2024-03-31', 'a'), filed('2024-04-01', 'b')], { eligibility: { filingDeadline: { daysAfter: made(30), from: 'discharge' } } }), late);
    expectBoth(settleBoth([flat], [filed('2025-03-31', 'a'), filed('2025-04-01', 'b')], { eligibility: { filingDeadline: { nextYearOn: made('03-31') } } }), late);
  });

  it('at most 2 paid stays a year: the third is refused', () => {
    const claims = [onDay('2024-02-01'), onDay('2024-03-01'), onDay('2024-04-01')];
    expectBoth(settleBoth([flat], claims, { eligibility: { maxPaidStays: made(2) } }), [{ total: '100.00' }, { total: '100.00' }, { total: '0.00', reasons: ['MAX_PAID_STAYS'], eligible: false }]);
  });
});
