/**
 * Published Guilin condolence payment (慰问金) rules and cases.
 * - Range 500–5,000 yuan: Guilin Daily (桂林日报), November 2023, “我市2024年度职工医疗互助保障参保工作正在进行”
 *   ("符合条件的可向市总工会申请500—5000元慰问金").
 * - Huang, two qualifying stays, 5,000 each = 10,000: same article ("可分别获得每次5000元共计10000元的慰问金").
 * - Threshold 5,000 inclusive on one stay's self-paid cost, members of grassroots unions directly under the
 *   city federation, and Tang's 10,000 for two stays: Workers' Daily (工人日报), 9 August 2024.
 */
import { describe, expect, it } from 'vitest';
import { Decimal, evaluateCondolence, InvalidInputError, policies } from '../../src';
import { stay } from '../_fixtures';

const policy = policies['guilin-condolence'][2023];
const member = {
  id: 'huang',
  enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }],
  flags: { cityFederationDirect: true },
};

describe("the 5,000 yuan threshold on one stay's self-paid cost (Workers' Daily, 2024-08-09)", () => {
  it.each([
    { selfPaid: '5000.00', eligible: true },
    { selfPaid: '4999.99', eligible: false },
  ])('self-paid $selfPaid → eligible: $eligible', ({ selfPaid, eligible }) => {
    const result = evaluateCondolence(policy, member, stay('s', '2023-08-01', '2023-08-10', { selfPaid }));
    expect(result.eligible).toBe(eligible);
    expect(result.range && [result.range.min.toFixed(2), result.range.max.toFixed(2)]).toEqual(eligible ? ['500.00', '5000.00'] : null);
    expect(result.reasons.map((r) => r.code)).toEqual(eligible ? [] : ['BELOW_THRESHOLD']);
  });

  it('the refusal names the threshold and the amount in both languages', () => {
    const result = evaluateCondolence(policy, member, stay('s', '2023-08-01', '2023-08-10', { selfPaid: '4999.99' }));
    expect(result.reasons[0]?.message).toEqual({
      zh: '慰问金要求医保外自费费用不低于 5000.00 元；本次为 4999.99 元。',
      en: 'Condolence payment requires self-paid cost outside insurance of at least 5000.00 yuan; this stay has 4999.99 yuan.',
    });
  });
});

describe('published cases (Guilin Daily, Nov 2023; Workers\' Daily, 2024-08-09)', () => {
  // Neither article gives the stays' costs; any self-paid cost of 5,000 or more qualifies.
  const stays = [stay('huang-1', '2023-07-03', '2023-07-20', { selfPaid: '8000.00' }), stay('huang-2', '2023-10-09', '2023-10-30', { selfPaid: '15000.00' })];

  it("Huang's two qualifying stays, 5,000 + 5,000 = 10,000 yuan", () => {
    const results = stays.map((s) => evaluateCondolence(policy, member, s, { awarded: '5000.00' }));
    expect(results.map((r) => r.eligible)).toEqual([true, true]);
    const total = results.reduce((sum, r) => sum.plus(r.amount!), new Decimal(0));
    expect(total.toFixed(2)).toBe('10000.00');
  });

  it("Tang's 10,000 yuan for two stays is both stays at the 5,000 maximum", () => {
    const results = stays.map((s) => evaluateCondolence(policy, { ...member, id: 'tang' }, s));
    const most = results.reduce((sum, r) => sum.plus(r.range!.max), new Decimal(0));
    expect(most.toFixed(2)).toBe('10000.00');
    expect(results.every((r) => r.amount === null)).toBe(true); // decided on application
    expect(results[0]?.warnings.map((w) => w.code)).toEqual(['DECIDED_ON_APPLICATION']);
  });

  it('an award above 5,000 or below 500 is refused', () => {
    for (const awarded of ['5000.01', '499.99']) {
      expect(() => evaluateCondolence(policy, member, stays[0]!, { awarded })).toThrow(InvalidInputError);
    }
  });
});

describe('who may apply', () => {
  const qualifying = stay('s', '2023-08-01', '2023-08-10', { selfPaid: '6000.00' });

  it('a member not in a grassroots union directly under the city federation is refused', () => {
    const result = evaluateCondolence(policy, { ...member, flags: {} }, qualifying);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['MISSING_FLAG']);
  });

  it('a member not enrolled in the Guangxi plan for the stay is refused', () => {
    const result = evaluateCondolence(policy, { ...member, enrolments: [] }, qualifying);
    expect(result.reasons.map((r) => r.code)).toEqual(['NOT_ENROLLED']);
  });

  it('a stay admitted before the measures took effect (end of June 2023) is refused', () => {
    const result = evaluateCondolence(policy, member, stay('s', '2023-05-01', '2023-05-10', { selfPaid: '6000.00' }));
    expect(result.reasons.map((r) => r.code)).toEqual(['OUTSIDE_POLICY_PERIOD']);
  });
});
