/**
 * Published Guangxi figures, 2023 vs 2024, through real claims.
 * Source for every figure here: Guilin Daily (桂林日报), November 2023, “我市2024年度职工医疗互助保障参保工作正在进行”:
 * "增加了每天50元的住院补贴和最高达2万元的伤残补助，以及将身故津贴从5000元提高到1万元和最高补助从50万元提高到100万元".
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, policies, selectPolicy } from '../../src';
import { enrolledMember, stay } from '../_fixtures';

const SOURCE = 'Guilin Daily, Nov 2023';

// The worked examples of this table (each year's death benefit, daily allowance, disability
// subsidy and maximum subsidy) are data: src/policies/guangxi/2023.cases.json and 2024.cases.json.
// What stays here is what a case file cannot check: citations, warnings, properties over grades.
describe(`the published 2023 vs 2024 table (${SOURCE})`, () => {
  it('the death benefit line cites its published source and is not illustrative', () => {
    const result = evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'death', id: 'd', date: '2024-06-01' });
    expect(result.illustrative).toBe(false);
    expect(result.warnings).toEqual([]);
    expect(result.lines[0]?.citations.map((c) => [c.parameter, c.provenance.status])).toEqual([
      ['benefits.death.formula.amount', 'published'],
      ['ceilings.maximumSubsidy', 'published'],
    ]);
  });

  it('a disability in 2024 is paid, never above 20,000 yuan whatever the grade', () => {
    const amounts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
      (grade) => evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'disability', id: `g${grade}`, date: '2024-05-01', grade }).total,
    );
    expect(amounts.every((amount) => amount.gt(0) && amount.lte(20000))).toBe(true);
  });

  it('a disability result says that the grade table it used is illustrative', () => {
    const result = evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'disability', id: 'x', date: '2024-05-01', grade: 7 });
    expect(result.total.toFixed(2)).toBe('8000.00'); // 20,000 × 0.4
    expect(result.illustrative).toBe(true);
    expect(result.warnings.map((w) => w.params.parameter)).toEqual(['benefits.disability.formula.shares']);
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
