/**
 * Published Xining 2024 contribution figures: Workers' Daily (工人日报), April 2025,
 * “西宁市总做实做优职工医疗互助品牌”:
 * "参保职工81614人,互保金总额达816.14万元" and "投入专项资金65.5万元,为全市6550名新就业形态劳动者赠送医疗互助保险".
 */
import { describe, expect, it } from 'vitest';
import { assessContributions, policies } from '../../src';

const policy = policies.xining[2024];

describe("Xining 2024 contributions (Workers' Daily, April 2025)", () => {
  it('81,614 members contribute 8,161,400 yuan', () => {
    const roster = Array.from({ length: 81_614 }, (_, i) => ({ id: `m${i}` }));
    const assessment = assessContributions(policy, roster);
    expect(assessment.members).toBe(81_614);
    expect(assessment.total.toFixed(2)).toBe('8161400.00');
  });

  it('6,550 gig workers enrolled free cost the union 655,000 yuan', () => {
    const assessment = assessContributions(policy, [{ id: 'gig', count: 6550, flags: { gigWorker: true } }]);
    expect(assessment.byPayer.union).toEqual({ members: 6550, amount: expect.anything() });
    expect(assessment.byPayer.union.amount.toFixed(2)).toBe('655000.00');
    expect(assessment.byPayer.memberOrUnit.members).toBe(0);
  });

  it('the 80 hardship workers are paid for by public funds (80 × 100 = 8,000, derived, not published)', () => {
    const assessment = assessContributions(policy, [
      { id: 'unit-a', count: 1000 },
      { id: 'hardship', count: 80, flags: { hardship: true } },
    ]);
    expect(assessment.byPayer.publicFunds.amount.toFixed(2)).toBe('8000.00');
    expect(assessment.byPayer.memberOrUnit.amount.toFixed(2)).toBe('100000.00');
    expect(assessment.total.toFixed(2)).toBe('108000.00');
    expect(assessment.illustrative).toBe(false);
  });
});
