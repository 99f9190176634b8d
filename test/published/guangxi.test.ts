/**
 * Published Guangxi figures, 2023 vs 2024, through real claims.
 * Source for every figure here: Guilin Daily (桂林日报), November 2023, “我市2024年度职工医疗互助保障参保工作正在进行”:
 * "增加了每天50元的住院补贴和最高达2万元的伤残补助，以及将身故津贴从5000元提高到1万元和最高补助从50万元提高到100万元".
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, policies, selectPolicy, type ClaimInput } from '../../src';
import { enrolledMember, stay } from '../_fixtures';

const SOURCE = 'Guilin Daily, Nov 2023';

describe(`the published 2023 vs 2024 table (${SOURCE})`, () => {
  const cases: { name: string; year: 2023 | 2024; claim: ClaimInput; benefit: string; amount: string | null }[] = [
    { name: 'a death in 2023 pays 5,000 yuan', year: 2023, claim: { kind: 'death', id: 'd', date: '2023-06-01' }, benefit: 'death', amount: '5000.00' },
    { name: 'a death in 2024 pays 10,000 yuan', year: 2024, claim: { kind: 'death', id: 'd', date: '2024-06-01' }, benefit: 'death', amount: '10000.00' },
    { name: 'a 10-day stay in 2024 earns 50 yuan × 10 days = 500 yuan of daily allowance', year: 2024, claim: stay('s', '2024-03-01', '2024-03-11'), benefit: 'hospital-allowance', amount: '500.00' },
    { name: 'a 10-day stay in 2023 earns no daily allowance', year: 2023, claim: stay('s', '2023-03-01', '2023-03-11'), benefit: 'hospital-allowance', amount: null },
  ];

  it.each(cases)('$name', ({ year, claim, benefit, amount }) => {
    const result = evaluateClaim(policies.guangxi[year], enrolledMember('guangxi', year), claim);
    expect(result.eligible).toBe(true);
    const line = result.lines.find((l) => l.benefit === benefit);
    expect(line?.amount.toFixed(2) ?? null).toBe(amount);
  });

  it('the death benefit line cites its published source and is not illustrative', () => {
    const result = evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'death', id: 'd', date: '2024-06-01' });
    expect(result.illustrative).toBe(false);
    expect(result.warnings).toEqual([]);
    expect(result.lines[0]?.citations.map((c) => [c.parameter, c.provenance.status])).toEqual([
      ['benefits.death.formula.amount', 'published'],
      ['ceilings.maximumSubsidy', 'published'],
    ]);
  });

  it('a disability in 2023 pays nothing: the 2023 rules have no disability subsidy', () => {
    const result = evaluateClaim(policies.guangxi[2023], enrolledMember('guangxi', 2023), { kind: 'disability', id: 'x', date: '2023-05-01', grade: 1 });
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['NO_BENEFIT_FOR_EVENT']);
    expect(result.total.toFixed(2)).toBe('0.00');
  });

  it('a disability in 2024 is paid, never above 20,000 yuan whatever the grade', () => {
    const amounts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
      (grade) => evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'disability', id: `g${grade}`, date: '2024-05-01', grade }).total,
    );
    expect(amounts.every((amount) => amount.gt(0) && amount.lte(20000))).toBe(true);
    // Grade 1 reaches the published maximum; the share table below it is illustrative.
    expect(amounts[0]?.toFixed(2)).toBe('20000.00');
  });

  it('a disability result says that the grade table it used is illustrative', () => {
    const result = evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'disability', id: 'x', date: '2024-05-01', grade: 7 });
    expect(result.total.toFixed(2)).toBe('8000.00'); // 20,000 × 0.4
    expect(result.illustrative).toBe(true);
    expect(result.warnings.map((w) => w.params.parameter)).toEqual(['benefits.disability.formula.shares']);
  });
});

describe(`the maximum subsidy caps a member's protection year (${SOURCE}: 500,000 in 2023, 1,000,000 in 2024)`, () => {
  it.each([
    { year: 2023 as const, alreadyPaid: '499000.00', paid: '1000.00' },
    { year: 2024 as const, alreadyPaid: '995000.00', paid: '5000.00' },
  ])('in $year, after $alreadyPaid yuan already paid, a death pays only $paid', ({ year, alreadyPaid, paid }) => {
    const ledger = { scheme: 'guangxi', year, memberId: 'member-1', total: alreadyPaid, byBenefit: {}, claimIds: [] };
    const result = evaluateClaim(policies.guangxi[year], enrolledMember('guangxi', year), { kind: 'death', id: 'd', date: `${year}-11-01` }, ledger);
    expect(result.total.toFixed(2)).toBe(paid);
    expect(result.lines[0]?.cappedBy).toBe('maximumSubsidy');
    expect(result.ledger.total.toFixed(2)).toBe(year === 2023 ? '500000.00' : '1000000.00');
    expect(result.reasons.map((r) => r.code)).toEqual(['CAP_REACHED']);
  });

  // Each stay has 600,000 yuan of in-scope co-payment. Under the illustrative tiers
  // (above a 1,000 deductible: 50 % up to 50,000, 60 % above) it is worth
  // 49,000 × 0.5 + 550,000 × 0.6 = 24,500 + 330,000 = 354,500 yuan.
  const bigStay = (id: string, year: number, month: string) => stay(id, `${year}-${month}-01`, `${year}-${month}-11`, { inScopeCopay: '600000.00' });

  it('in 2023, two big stays and a death total exactly 500,000', () => {
    const year = evaluateYear(policies.guangxi[2023], enrolledMember('guangxi', 2023), [
      bigStay('a', 2023, '02'),
      bigStay('b', 2023, '05'),
      { kind: 'death', id: 'c', date: '2023-09-01' },
    ]);
    expect(year.results.map((r) => r.total.toFixed(2))).toEqual(['354500.00', '145500.00', '0.00']);
    expect(year.total.toFixed(2)).toBe('500000.00');
    expect(year.results[2]?.lines[0]?.cappedBy).toBe('maximumSubsidy');
  });

  it('in 2024, three big stays total exactly 1,000,000 (354,500 + 500 allowance each, until the ceiling)', () => {
    const year = evaluateYear(policies.guangxi[2024], enrolledMember('guangxi', 2024), [
      bigStay('a', 2024, '02'),
      bigStay('b', 2024, '05'),
      bigStay('c', 2024, '08'),
    ]);
    expect(year.results.map((r) => r.total.toFixed(2))).toEqual(['355000.00', '355000.00', '290000.00']);
    expect(year.total.toFixed(2)).toBe('1000000.00');
    expect(year.results[2]?.lines.map((l) => [l.benefit, l.amount.toFixed(2), l.cappedBy])).toEqual([
      ['hospitalisation', '290000.00', 'maximumSubsidy'],
      ['hospital-allowance', '0.00', 'maximumSubsidy'],
    ]);
  });
});

describe('which year judges an event', () => {
  const member = { id: 'member-1', enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }] };
  const crossing = stay('x', '2023-12-28', '2024-01-05');

  it('a stay admitted 2023-12-28 and discharged 2024-01-05 is judged by the 2023 rules', () => {
    const policy = selectPolicy('guangxi', crossing);
    expect(policy.year).toBe(2023);
    const result = evaluateClaim(policy, member, crossing);
    expect(result.eligible).toBe(true);
    expect(result.eventDate).toBe('2023-12-28');
    expect(result.lines.map((l) => l.benefit)).toEqual(['hospitalisation']);
  });

  it('the same stay put to the 2024 rules is refused, with the reasons', () => {
    const result = evaluateClaim(policies.guangxi[2024], member, crossing);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['OUTSIDE_POLICY_PERIOD', 'NOT_ENROLLED']);
  });

  it('an event outside any enrolment is not eligible, and says so in both languages', () => {
    const result = evaluateClaim(policies.guangxi[2023], { id: 'member-1', enrolments: [] }, { kind: 'death', id: 'd', date: '2023-03-01' });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      {
        code: 'NOT_ENROLLED',
        params: { scheme: 'guangxi', date: '2023-03-01' },
        message: {
          zh: '该会员在 2023-03-01 没有有效的 guangxi 参保记录。',
          en: 'The member has no guangxi enrolment covering 2023-03-01.',
        },
      },
    ]);
  });
});
