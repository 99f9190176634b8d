/**
 * Contributions as published for Shanghai's 2019 union member plan (a union notice on
 * gench.edu.cn: 24 yuan a year, 12 for half a year, one share per member, extra shares void),
 * Shiyan's separate plans (inpatient 130 yuan a share, critical illness 35, women's 25,
 * accident 20, +5 for high-risk jobs: reported, but with no recorded source, so marked
 * illustrative) and Guangxi 2025's products (Guilin Evening News,
 * 4 September 2024: No. 1 100 yuan, No. 2 130), via /work/shared/schemes.md. Case files settle
 * claims; these are assessed with assessContributions, as in contributions-beijing-huzhou-yunnan.
 */
import { describe, expect, it } from 'vitest';
import { assessContributions, createRegistry, evaluateClaim, policies } from '../../src';

describe('Shanghai 2019 union member plan', () => {
  const shanghai = policies['shanghai-member'][2019];

  it('charges 24 yuan a year and 12 for half a year, the published figures: 3 × 24 + 2 × 12 = 96', () => {
    const assessment = assessContributions(shanghai, [{ id: 'year', count: 3 }, { id: 'half', count: 2, period: 'half' }]);
    expect(assessment.total.toFixed(2)).toBe('96.00');
    expect(assessment.citations.filter((c) => c.parameter !== 'contribution.payers').map((c) => [c.parameter, c.value, c.provenance.status])).toEqual([
      ['contribution.perMember', '24.00', 'published'],
      ['contribution.halfYear', '12.00', 'published'],
    ]);
  });

  it('charges one share per member: a member holding 3 pays 24, and the 2 void shares are not charged', () => {
    const assessment = assessContributions(shanghai, [{ id: 'keen', shares: 3 }]);
    expect([assessment.total.toFixed(2), assessment.shares, assessment.voidShares]).toEqual(['24.00', 1, 2]);
    expect(assessment.citations.find((c) => c.parameter === 'plan.maxShares')?.provenance.status).toBe('published');
  });

  it('settles a member holding 2 shares on one, and says the extra one is void', () => {
    const member = { id: 'm', enrolments: [{ scheme: 'shanghai-member', year: 2019, from: '2019-01-01', to: '2019-12-31', shares: 2 }] };
    const result = evaluateClaim(shanghai, member, { kind: 'death', id: 'd', date: '2019-05-01' });
    // The benefit is illustrative (the notice lists none); what is checked is the one share.
    expect(result.total.toFixed(2)).toBe('10000.00');
    expect(result.warnings.find((w) => w.code === 'SHARES_VOID')?.message.en).toBe('The member holds 2 shares; the plan allows at most 1, and the shares past it are void: settled on 1.');
  });
});

describe('Shiyan\'s separate plans', () => {
  const registry = createRegistry([
    policies['shiyan-inpatient'][2024],
    policies['shiyan-critical-illness'][2024],
    policies['shiyan-women'][2024],
    policies['shiyan-accident'][2024],
  ]);
  const all = (shares: number) => [
    { scheme: 'shiyan-inpatient', year: 2024, shares },
    { scheme: 'shiyan-critical-illness', year: 2024 },
    { scheme: 'shiyan-women', year: 2024 },
    { scheme: 'shiyan-accident', year: 2024 },
  ];

  it('adds up a member\'s plans: 130 + 35 + 25 + 20 = 210, and 2 inpatient shares make 340', () => {
    expect(assessContributions(registry, [{ id: 'a', plans: all(1) }]).total.toFixed(2)).toBe('210.00');
    expect(assessContributions(registry, [{ id: 'a', plans: all(2) }]).total.toFixed(2)).toBe('340.00');
  });

  it('charges a high-risk job 5 more for the accident plan: 20 + 5 = 25', () => {
    const assessment = assessContributions(policies['shiyan-accident'][2024], [{ id: 'office', count: 2 }, { id: 'mine', flags: { highRiskJob: true } }]);
    // 2 × 20 + 25 = 65.
    expect(assessment.total.toFixed(2)).toBe('65.00');
  });

  it('marks every contribution illustrative: the report they come from was not recorded, so it cannot be cited', () => {
    const assessment = assessContributions(registry, [{ id: 'a', plans: all(1) }]);
    // In the registry's order: accident, critical illness, inpatient, women's.
    expect(assessment.citations.filter((c) => c.parameter === 'contribution.perMember').map((c) => [c.value, c.provenance.status])).toEqual([
      ['20.00', 'illustrative'],
      ['35.00', 'illustrative'],
      ['130.00', 'illustrative'],
      ['25.00', 'illustrative'],
    ]);
    expect(assessment.illustrative).toBe(true);
  });
});

describe('Guangxi 2025 products', () => {
  it('charges 100 yuan for No. 1 and 130 for No. 2: 3 × 100 + 2 × 130 = 560', () => {
    const assessment = assessContributions(policies.guangxi[2025], [
      { id: 'urban', count: 3, attributes: { product: '1' } },
      { id: 'rural', count: 2, attributes: { product: '2' } },
    ]);
    expect(assessment.total.toFixed(2)).toBe('560.00');
  });
});
