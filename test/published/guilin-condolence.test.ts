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

// The worked examples (the threshold on either side, Huang's and Tang's two stays, who may apply)
// are data: src/policies/guilin-condolence/2023.cases.json. What stays here is what a case file
// cannot check: the wording of a refusal, and an award decided on application, which only
// evaluateCondolence takes.
describe("the 5,000 yuan threshold on one stay's self-paid cost (Workers' Daily, 2024-08-09)", () => {
  it('the refusal names the threshold and the amount in both languages', () => {
    const result = evaluateCondolence(policy, member, stay('s', '2023-08-01', '2023-08-10', { selfPaid: '4999.99' }));
    expect(result.reasons[0]?.message).toEqual({
      zh: '慰问金要求医保外自费费用不低于 5000.00 元；本次为 4999.99 元。',
      en: 'Condolence payment requires self-paid cost outside insurance of at least 5000.00 yuan; this claim has 4999.99 yuan.',
    });
  });
});

describe('published cases (Guilin Daily, Nov 2023; Workers\' Daily, 2024-08-09)', () => {
  // Neither article gives the stays' costs; any self-paid cost of 5,000 or more qualifies.
  const stays = [stay('huang-1', '2023-07-03', '2023-07-20', { selfPaid: '8000.00' }), stay('huang-2', '2023-10-09', '2023-10-30', { selfPaid: '15000.00' })];

  it("Huang's two qualifying stays, awarded 5,000 each on application: 5,000 + 5,000 = 10,000 yuan", () => {
    const results = stays.map((s) => evaluateCondolence(policy, member, s, { awarded: '5000.00' }));
    expect(results.map((r) => r.eligible)).toEqual([true, true]);
    const total = results.reduce((sum, r) => sum.plus(r.amount!), new Decimal(0));
    expect(total.toFixed(2)).toBe('10000.00');
  });

  it('until an amount is awarded, the result has none and says it is decided on application', () => {
    const result = evaluateCondolence(policy, member, stays[0]!);
    expect(result.amount).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['DECIDED_ON_APPLICATION']);
  });

  it('an award above 5,000 or below 500 is refused', () => {
    for (const awarded of ['5000.01', '499.99']) {
      expect(() => evaluateCondolence(policy, member, stays[0]!, { awarded })).toThrow(InvalidInputError);
    }
  });
});
