// Contributions for shares, half years and several plans held (docs/rule-model.md#contributions).
import { describe, expect, it } from 'vitest';
import { assessContributions, assessEnrolment, bundledRegistry, createRegistry, safeAssessContributions } from '../src';
import { made, syntheticPolicy } from './_fixtures';

const flag = { label: { zh: '标识', en: 'Flag' } };
/** 24 a year, 12 for half a year (Shanghai 2019's figures), hardship members paid by public funds. */
const plan = (scheme: string, extra: Record<string, unknown> = {}) =>
  syntheticPolicy([], {
    scheme,
    attributes: { member: { hardship: flag } },
    contribution: { perMember: made('24'), halfYear: made('12'), payers: made([{ flag: 'hardship', payer: 'publicFunds' }]), defaultPayer: 'memberOrUnit' },
    ...extra,
  });

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('shares and half years on one policy', () => {
  it('charges each share held, up to maxShares; void shares are not charged and a warning says so', () => {
    const assessment = assessContributions(plan('a', { plan: { maxShares: made(2) } }), [
      { id: 'one', count: 10 },
      { id: 'two', shares: 2 },
      { id: 'half', shares: 0.5 },
      // 3 shares of which 1 is void: charged 2 × 24 each.
      { id: 'three', count: 4, shares: 3 },
    ]);
    // 10 × 24 + 48 + 12 + 4 × 48 = 492.
    expect([assessment.members, assessment.total.toFixed(2), assessment.shares, assessment.voidShares]).toEqual([16, '492.00', 20.5, 4]);
    const warning = assessment.warnings.find((w) => w.code === 'VOID_SHARES_NOT_CHARGED')!;
    expect(warning.message).toEqual({ en: "4 shares held past the plan's limit of 2 per member are void and not charged.", zh: '超出本办法每人 2 份上限的 4 份无效，不收取互助金。' });
    expect(assessment.citations.map((c) => c.parameter)).toEqual(['contribution.perMember', 'contribution.payers', 'plan.maxShares']);
  });

  it('prices half a year by the policy\'s halfYear, and refuses it where the policy has none', () => {
    const assessment = assessContributions(plan('a'), [{ id: 'year', count: 3 }, { id: 'half', count: 2, period: 'half', flags: { hardship: true } }]);
    expect(json(assessment.byPayer)).toEqual({ memberOrUnit: { members: 3, amount: '72.00' }, publicFunds: { members: 2, amount: '24.00' }, union: { members: 0, amount: '0.00' } });
    expect(assessment.citations.map((c) => [c.parameter, c.value])).toEqual([['contribution.perMember', '24.00'], ['contribution.halfYear', '12.00'], ['contribution.payers', [{ flag: 'hardship', payer: 'publicFunds' }]]]);
    const noHalf = syntheticPolicy([], { contribution: { perMember: made('24'), payers: made([]), defaultPayer: 'memberOrUnit' } });
    const outcome = safeAssessContributions(noHalf, [{ id: 'x' }, { id: 'y', period: 'half' }]);
    expect(outcome.success === false && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[['roster', 1, 'period'], 'no_half_year_price']]);
  });

  it('rounds half a share of an odd fen per member, by the policy\'s rounding mode', () => {
    const odd = (mode: 'halfUp' | 'down') =>
      syntheticPolicy([], {
        conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at: 'eachLine' } },
        contribution: { perMember: made('0.05'), payers: made([]), defaultPayer: 'memberOrUnit' },
      });
    // Each of 3 members pays ½ × 0.05 = 0.025: 0.03 rounded half-up, 0.02 down; 0.09 and 0.06 in all, not 0.075 rounded once.
    expect([odd('halfUp'), odd('down')].map((p) => assessContributions(p, [{ id: 'u', count: 3, shares: 0.5 }]).total.toFixed(2))).toEqual(['0.09', '0.06']);
  });

  it('keeps the assessment of an enrolling unit at one share a member', () => {
    const enrolling = plan('a', { enrolment: { minMembers: made(1) } });
    const assessment = assessEnrolment(enrolling, { id: 'u', date: '2024-01-01', staff: 2, members: [{ id: 'p' }, { id: 'q', flags: { hardship: true } }] });
    expect(assessment.members.map((m) => [m.contribution?.toFixed(2), m.payer])).toEqual([['24.00', 'memberOrUnit'], ['24.00', 'publicFunds']]);
  });

  it('refuses shares that are not halves, and plans without a registry', () => {
    const outcome = safeAssessContributions(plan('a'), [{ id: 'x', shares: 1.2 }]);
    expect(outcome.success === false && outcome.error.issues[0]!.path).toEqual(['roster', 0, 'shares']);
    const planned = safeAssessContributions(plan('a'), [{ id: 'x', plans: [{ scheme: 'a', year: 2024 }] }]);
    expect(planned.success === false && planned.error.issues.map((i) => [i.path, i.code])).toEqual([[['roster', 0, 'plans'], 'needs_registry']]);
  });
});

describe('several plans held, over a registry', () => {
  const registry = createRegistry([
    plan('inpatient', { contribution: { perMember: made('130'), payers: made([]), defaultPayer: 'memberOrUnit' } }),
    plan('accident', { contribution: { perMember: made('20'), payers: made([{ flag: 'hardship', payer: 'union' }]), defaultPayer: 'memberOrUnit' }, plan: { maxShares: made(1) } }),
  ]);

  it('adds up every plan and share by payer, each plan assessed on its own', () => {
    const assessment = assessContributions(registry, [
      { id: 'a', count: 2, plans: [{ scheme: 'inpatient', year: 2024, shares: 2 }, { scheme: 'accident', year: 2024 }] },
      // Two accident shares, one void; the union pays this member's accident plan, the member the inpatient one.
      { id: 'b', flags: { hardship: true }, plans: [{ scheme: 'accident', year: 2024, shares: 2 }, { scheme: 'inpatient', year: 2024, shares: 0.5 }] },
    ]);
    // Inpatient: 2 × 2 × 130 + 65 = 585; accident: 2 × 20 + 20 = 60.
    expect(assessment.plans.map((p) => [p.policy.scheme, p.members, p.total.toFixed(2), p.voidShares])).toEqual([
      ['accident', 3, '60.00', 1],
      ['inpatient', 3, '585.00', 0],
    ]);
    expect([assessment.members, assessment.total.toFixed(2)]).toEqual([3, '645.00']);
    // b counts for both payers: it pays its inpatient plan, the union its accident plan.
    expect(json(assessment.byPayer)).toEqual({ memberOrUnit: { members: 3, amount: '625.00' }, publicFunds: { members: 0, amount: '0.00' }, union: { members: 1, amount: '20.00' } });
    expect(assessment.warnings.map((w) => w.code)).toContain('VOID_SHARES_NOT_CHARGED');
  });

  it('names a plan the registry lacks, an entry without plans and a plan listed twice', () => {
    const outcome = safeAssessContributions(registry, [
      { id: 'a', plans: [{ scheme: 'inpatient', year: 2023 }] },
      { id: 'b' },
    ]);
    expect(outcome.success === false && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([
      [['roster', 0, 'plans', 0], 'unknown_plan'],
      [['roster', 1, 'plans'], 'missing_plans'],
    ]);
    const twice = safeAssessContributions(registry, [{ id: 'a', plans: [{ scheme: 'accident', year: 2024 }, { scheme: 'accident', year: 2024, shares: 2 }] }]);
    expect(twice.success === false && twice.error.issues.map((i) => [i.path, i.code])).toEqual([[['roster', 0, 'plans', 1], 'duplicate_plan']]);
    const beside = safeAssessContributions(registry, [{ id: 'a', shares: 2, plans: [{ scheme: 'accident', year: 2024 }] }]);
    expect(beside.success === false && beside.error.issues.map((i) => [i.path, i.code])).toEqual([[['roster', 0, 'shares'], 'conflicting_fields']]);
  });

  it('refuses a half year of a plan that prices none, at the plan\'s place', () => {
    const outcome = safeAssessContributions(registry, [{ id: 'a', plans: [{ scheme: 'accident', year: 2024 }, { scheme: 'inpatient', year: 2024, period: 'half' }] }]);
    expect(outcome.success === false && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[['roster', 0, 'plans', 1, 'period'], 'no_half_year_price']]);
  });

  it("refuses an entry holding both plans of Shanghai 2019's choose-one group (class A or class B), at the second plan", () => {
    const roster = (plans: string[]) => [{ id: 'a', plans: plans.map((scheme) => ({ scheme, year: 2019 })) }];
    const both = safeAssessContributions(bundledRegistry, roster(['shanghai-member', 'shanghai-member-b']));
    expect(both.success === false && both.error.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [['roster', 0, 'plans', 1], 'plan_group_conflict', '"shanghai-member-b" and "shanghai-member" are both of the choose-one group "shanghai-member-class": a member may hold one of its plans'],
    ]);
    // Either class alone is priced: 24 yuan a year, the plan's published contribution.
    for (const scheme of ['shanghai-member', 'shanghai-member-b']) expect(assessContributions(bundledRegistry, roster([scheme])).total.toFixed(2)).toBe('24.00');
  });
});
