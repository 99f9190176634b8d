/**
 * A claim settled under every plan a member holds (issue 15, "Several plans for one member"):
 * plan order, each plan's own ledger and caps, what earlier plans and other funds paid, and
 * choose-one groups. Real schemes: Hangzhou Dajiangdong 2018 (three stackable plans, caps
 * 30,200 / 15,000 / 20,000; shared/schemes.md) and Guangxi 2025 No. 1 beside No. 3 (Guilin
 * Evening News, 4 September 2024; No. 3's rules unpublished, so illustrative). Synthetic plans,
 * whose figures a reader checks by hand, for the rules no bundled scheme shows.
 */
import { describe, expect, it } from 'vitest';
import {
  bundledRegistry,
  buildExplanation,
  createRegistry,
  evaluateClaim,
  evaluateMemberClaim,
  evaluateMemberYear,
  explain,
  safeEvaluateMemberClaim,
  safeParsePolicy,
  type BenefitInput,
  type ClaimInput,
  type MemberInput,
  type PolicyInput,
} from '../src';
import { firstIssue, made, stay, syntheticPolicy, syntheticSpec } from './_fixtures';

const cover = (scheme: string, year: number) => ({ scheme, year, from: `${year}-01-01`, to: `${year}-12-31` });
const HANGZHOU = ['hangzhou-dajiangdong-a', 'hangzhou-dajiangdong-b', 'hangzhou-dajiangdong-women'];
const hangzhouMember: MemberInput = { id: 'w1', sex: 'female', enrolments: HANGZHOU.map((scheme) => cover(scheme, 2018)) };
const guangxiMember: MemberInput = { id: 'g1', enrolments: [cover('guangxi', 2025), cover('guangxi-mutual-aid-3', 2025)] };
const paid = (result: ReturnType<typeof evaluateMemberClaim>) => result.plans.map((plan) => [plan.policy.scheme, plan.total.toFixed(2)]);

/** A plan paying a fixed amount on a death, with the `plan` section given. */
function deathPlan(scheme: string, amount: string, plan: PolicyInput['plan'], extra: Partial<PolicyInput> = {}) {
  return syntheticPolicy([{ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made(amount) } }], {
    scheme,
    name: { zh: `方案 ${scheme}`, en: `Plan ${scheme}` },
    ...(plan && { plan }),
    ...extra,
  });
}
const death: ClaimInput = { kind: 'death', id: 'd1', date: '2024-06-01' };
const holding = (...schemes: string[]): MemberInput => ({ id: 'm1', enrolments: schemes.map((scheme) => cover(scheme, 2024)) });

describe('Hangzhou Dajiangdong 2018: three stackable plans, each with its own cap', () => {
  // Self-paid 10,000 (in-scope 6,000 + outside 4,000). The formulas below the caps are
  // illustrative: (10,000 − 500) × 50 % = 4,750; × 30 % = 2,850; × 20 % = 1,900; together
  // 9,500, less than the 10,000 the member paid, so no plan is cut by the cost left unpaid.
  const stay2018 = { ...stay('s1', '2018-05-01', '2018-05-11', { insurancePaid: '20000.00', inScopeCopay: '6000.00', selfPaid: '4000.00' }), filedOn: '2019-01-10' };

  it('settles the stay under the three plans in their order, and adds them up', () => {
    const result = evaluateMemberClaim(bundledRegistry, hangzhouMember, stay2018);
    expect(paid(result)).toEqual([
      ['hangzhou-dajiangdong-a', '4750.00'],
      ['hangzhou-dajiangdong-b', '2850.00'],
      ['hangzhou-dajiangdong-women', '1900.00'],
    ]);
    expect(result.total.toFixed(2)).toBe('9500.00');
    expect(Object.keys(result.ledgers)).toEqual(HANGZHOU);
    expect(result.ledgers['hangzhou-dajiangdong-b']!.total.toFixed(2)).toBe('2850.00');
  });

  it("each plan's cap holds on its own ledger: the 60-yuan plan stops at its 15,000", () => {
    const before = { scheme: 'hangzhou-dajiangdong-b', year: 2018, memberId: 'w1', total: '14000.00', byBenefit: { hospitalisation: '14000.00' }, claimIds: [] };
    const result = evaluateMemberClaim(bundledRegistry, hangzhouMember, stay2018, { 'hangzhou-dajiangdong-b': before });
    expect(paid(result)).toEqual([
      ['hangzhou-dajiangdong-a', '4750.00'],
      ['hangzhou-dajiangdong-b', '1000.00'],
      ['hangzhou-dajiangdong-women', '1900.00'],
    ]);
    expect(result.plans[1]!.lines[0]!.cappedBy).toBe('maximumSubsidy');
  });

  it('a later plan pays at most the self-paid cost the earlier ones left unpaid', () => {
    // Self-paid 1,500: A pays (1,500 − 500) × 50 % = 500 and leaves 1,000; B's 300 fits; the
    // women's plan's 200 would too: 1,500 − 800 = 700. With 1,000 from another fund the
    // plans do not count it: only earlier plans' payments are theirs to count.
    const small = stay('s2', '2018-06-01', '2018-06-03', { inScopeCopay: '1500.00' });
    expect(paid(evaluateMemberClaim(bundledRegistry, hangzhouMember, small))).toEqual([
      ['hangzhou-dajiangdong-a', '500.00'],
      ['hangzhou-dajiangdong-b', '300.00'],
      ['hangzhou-dajiangdong-women', '200.00'],
    ]);
  });

  it("the women's plan does not pay a man, and says why; the others still pay", () => {
    const man = { ...hangzhouMember, sex: 'male' as const };
    const result = evaluateMemberClaim(bundledRegistry, man, stay2018);
    expect(result.plans.map((plan) => plan.eligible)).toEqual([true, true, false]);
    expect(result.plans[2]!.reasons.map((reason) => reason.code)).toEqual(['REQUIREMENT_NOT_MET']);
    expect(result.total.toFixed(2)).toBe('7600.00');
  });

  it('a claim filed after 31 March of the next year is refused by every plan', () => {
    const late = { ...stay2018, filedOn: '2019-04-01' };
    const result = evaluateMemberClaim(bundledRegistry, hangzhouMember, late);
    expect(result.plans.map((plan) => plan.reasons.map((reason) => reason.code))).toEqual([['FILED_LATE'], ['FILED_LATE'], ['FILED_LATE']]);
    expect([result.eligible, result.total.toFixed(2)]).toEqual([false, '0.00']);
  });
});

describe('Guangxi 2025: No. 1 beside No. 3 (No. 3 illustrative)', () => {
  // No. 1 (published): base 4,000 + 6,000 = 10,000, less the 1,000 exemption, × 30 % = 2,700;
  // allowance 10 days × 50 = 500, capped at 200: 2,900. No. 3 (illustrative): (6,000 − 500) × 50 %
  // = 2,750, capped at the self-paid 6,000 less No. 1's 2,900 and another fund's 1,000: 2,100.
  const guangxiStay = {
    ...stay('s1', '2025-05-01', '2025-05-11', { insurancePaid: '20000.00', inScopeCopay: '4000.00', selfPaid: '6000.00' }),
    paidElsewhere: '1000.00',
  };

  it('No. 3 pays at most what No. 1 and the other fund left of the self-paid cost', () => {
    const result = evaluateMemberClaim(bundledRegistry, guangxiMember, guangxiStay);
    expect(paid(result)).toEqual([
      ['guangxi', '2900.00'],
      ['guangxi-mutual-aid-3', '2100.00'],
    ]);
    const line = result.plans[1]!.lines[0]!;
    expect([line.amountBeforeCaps.toFixed(2), line.amount.toFixed(2), line.cappedBy]).toEqual(['2750.00', '2100.00', 'otherPayments']);
    expect(line.steps.at(-1)!.statement.en).toBe('min(2750.00, 6000.00 − 3900.00) = 2100.00 yuan');
    expect(result.plans[1]!.reasons.map((reason) => reason.message.en)).toEqual([
      'Subsidy of self-paid costs was cut by 650.00 yuan: the plan pays at most the self-paid cost outside insurance (6000.00 yuan) left unpaid by the plans settled before it (2900.00 yuan) and another fund (1000.00 yuan).',
    ]);
    expect(result.illustrative).toBe(true);
  });

  it('the plan order is the policies’, not the order of the enrolments', () => {
    const reversed = { ...guangxiMember, enrolments: [...guangxiMember.enrolments].reverse() };
    expect(paid(evaluateMemberClaim(bundledRegistry, reversed, guangxiStay))).toEqual(paid(evaluateMemberClaim(bundledRegistry, guangxiMember, guangxiStay)));
  });

  it('tells the multi-plan story in zh and en, and each plan keeps its own explanation', () => {
    const result = evaluateMemberClaim(bundledRegistry, guangxiMember, guangxiStay);
    const en = explain(result, { lang: 'en' }).split('\n');
    expect(en.slice(0, 5)).toEqual([
      'Claim s1 (hospitalisation, 2025-05-01) of member g1, under each plan they hold',
      'Plans, in the order they settle: Guangxi employee medical mutual aid, protection year 2025 (guangxi 2025), Guangxi employee medical mutual aid No. 3 (self-paid costs), protection year 2025 (guangxi-mutual-aid-3 2025)',
      'Pays 5000.00 yuan in all※',
      '  1. Guangxi employee medical mutual aid, protection year 2025 (guangxi 2025): pays 2900.00 yuan',
      '  2. Guangxi employee medical mutual aid No. 3 (self-paid costs), protection year 2025※ (guangxi-mutual-aid-3 2025): pays 2100.00 yuan; cut by 650.00 yuan for what other plans and funds paid for this claim',
    ]);
    const zh = explain(result);
    expect(zh).toContain('合计支付 5000.00 元※');
    expect(zh).toContain('本方案以扣除排序在前的方案（2900.00 元）和其他资金（1000.00 元）已付金额后尚未支付的医保外自费费用（6000.00 元）为限，自费费用互助补助核减 650.00 元。');
    expect(zh).toContain('以尚未支付的费用为限：min(2750.00, 6000.00 − 3900.00) = 2100.00 元');
    expect(buildExplanation(result.plans[0]!, { lang: 'en' }).outcome).toBe('Pays 2900.00 yuan');
  });
});

describe('what earlier plans and other funds paid: deduct', () => {
  const first = deathPlan('first', '3000.00', { order: 1 });
  const second = deathPlan('second', '5000.00', { order: 2, otherPayments: { sources: ['earlierPlans'], rule: 'deduct' } });
  const registry = createRegistry([first, second]);

  it('the second plan pays 5,000 less the 3,000 the first paid', () => {
    const result = evaluateMemberClaim(registry, holding('second', 'first'), death);
    expect(paid(result)).toEqual([
      ['first', '3000.00'],
      ['second', '2000.00'],
    ]);
    expect(result.plans[1]!.lines[0]!.steps.at(-1)!.statement.en).toBe('5000.00 − 3000.00 = 2000.00 yuan');
    expect(result.plans[1]!.reasons[0]!.message.en).toBe('Death pays 3000.00 yuan less: what the plans settled before it (3000.00 yuan) already paid for this claim is deducted.');
  });

  it('a deduction larger than the payment leaves nothing, never less', () => {
    const big = deathPlan('first', '9000.00', { order: 1 });
    const result = evaluateMemberClaim(createRegistry([big, second]), holding('first', 'second'), death);
    expect(paid(result)).toEqual([
      ['first', '9000.00'],
      ['second', '0.00'],
    ]);
    expect(result.total.toFixed(2)).toBe('9000.00');
  });

  it("a single plan deducts the claim's paidElsewhere through evaluateClaim too", () => {
    const policy = syntheticPolicy(
      [{ id: 'stay', label: { zh: '住院', en: 'Stay' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('800.00') } }],
      { plan: { otherPayments: { sources: ['paidElsewhere'], rule: 'deduct' } } },
    );
    const claim = { ...stay('s1', '2024-03-01', '2024-03-04', { selfPaid: '900.00' }), paidElsewhere: '300.00' };
    expect(evaluateClaim(policy, holding('test'), claim).total.toFixed(2)).toBe('500.00');
    // A plan that does not count it pays in full.
    const plain = syntheticPolicy([{ id: 'stay', label: { zh: '住院', en: 'Stay' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('800.00') } }]);
    expect(evaluateClaim(plain, holding('test'), claim).total.toFixed(2)).toBe('800.00');
  });

  describe('from: the one benefit the rule cuts', () => {
    // Dalian's two cancers with the deduction on both lines' kinds: 2,000 fixed, and what the member paid, 1 for 1.
    const conditions = { classes: { c: { label: { zh: '两癌', en: 'two cancers' } } }, list: { 'breast-cancer': { label: { zh: '乳腺癌', en: 'breast cancer' }, class: 'c' } } };
    const benefits: BenefitInput[] = [
      { id: 'condolence', label: { zh: '慰问金', en: 'Condolence' }, event: 'diagnosis', formula: { kind: 'lumpSum', amount: made('2000.00') } },
      { id: 'treatment', label: { zh: '医疗补助', en: 'Treatment' }, event: 'diagnosis', formula: { kind: 'bands', base: 'selfPaid', method: 'progressive', bands: made([{ ratio: '1' }]) } },
    ];
    const withRule = (otherPayments: NonNullable<PolicyInput['plan']>['otherPayments']) => syntheticPolicy(benefits, { conditions, plan: { otherPayments } });
    const diagnosis = (paidElsewhere: string): ClaimInput => ({
      kind: 'diagnosis',
      id: 'dx',
      date: '2024-04-01',
      condition: 'breast-cancer',
      costs: { total: '5000.00', insurancePaid: '0', inScopeCopay: '0', selfPaid: '5000.00' },
      paidElsewhere,
    });
    const lines = (policy: ReturnType<typeof withRule>, claim: ClaimInput) => evaluateClaim(policy, holding('test'), claim).lines.map((line) => [line.benefit, line.amount.toFixed(2), line.cappedBy]);

    it('deduct takes only from the named line: 2,000 and 5,000 − 3,000 = 2,000', () => {
      expect(lines(withRule({ sources: ['paidElsewhere'], rule: 'deduct', from: 'treatment' }), diagnosis('3000.00'))).toEqual([
        ['condolence', '2000.00', null],
        ['treatment', '2000.00', 'otherPayments'],
      ]);
      // Without `from`, the first line bears the deduction first: 2,000 − 2,000 = 0, then 5,000 − 1,000.
      expect(lines(withRule({ sources: ['paidElsewhere'], rule: 'deduct' }), diagnosis('3000.00'))).toEqual([
        ['condolence', '0.00', 'otherPayments'],
        ['treatment', '4000.00', 'otherPayments'],
      ]);
    });

    it('capAtUnpaid on a diagnosis with costs caps the named line alone at the cost left unpaid: min(5,000, 5,000 − 4,000) = 1,000', () => {
      const policy = withRule({ sources: ['paidElsewhere'], rule: 'capAtUnpaid', cost: 'selfPaid', from: 'treatment' });
      expect(lines(policy, diagnosis('4000.00'))).toEqual([
        ['condolence', '2000.00', null],
        ['treatment', '1000.00', 'otherPayments'],
      ]);
      expect(evaluateClaim(policy, holding('test'), diagnosis('4000.00')).lines[1]!.steps.at(-1)!.statement.en).toBe('min(5000.00, 5000.00 − 4000.00) = 1000.00 yuan');
    });

    it('a benefit the policy lacks is refused at plan.otherPayments.from', () => {
      const parsed = safeParsePolicy(syntheticSpec(benefits, { conditions, plan: { otherPayments: { sources: ['paidElsewhere'], rule: 'deduct', from: 'nope' } } }));
      expect(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['policy.plan.otherPayments.from', 'unknown_benefit']]);
    });
  });

  it('plans without an order settle after those with one, ties by scheme id', () => {
    const a = deathPlan('a', '100.00', undefined);
    const b = deathPlan('b', '100.00', { order: 5 });
    const c = deathPlan('c', '100.00', { order: 5 });
    const result = evaluateMemberClaim(createRegistry([a, b, c]), holding('a', 'c', 'b'), death);
    expect(result.plans.map((plan) => plan.policy.scheme)).toEqual(['b', 'c', 'a']);
  });
});

describe('choose-one groups', () => {
  const group = { id: 'shanghai-class', label: { zh: '甲类或乙类', en: 'class A or class B' } };
  const classA = deathPlan('class-a', '10000.00', { group });
  const classB = deathPlan('class-b', '20000.00', { group });
  const other = deathPlan('other', '500.00', { order: 1 });
  const registry = createRegistry([classA, classB, other]);

  it('a member holding two plans of one group is refused: no plan pays, and the reason names them', () => {
    const result = evaluateMemberClaim(registry, holding('class-a', 'class-b', 'other'), death);
    expect([result.eligible, result.plans, result.total.toFixed(2), result.ledgers]).toEqual([false, [], '0.00', {}]);
    expect(result.reasons.map((reason) => reason.message)).toEqual([
      {
        zh: '会员同时持有“方案 class-a”、“方案 class-b”，同属“甲类或乙类”，每人只能持有其中一个方案：各方案均不支付本申请。',
        en: 'The member holds “Plan class-a” and “Plan class-b”, all of the group “class A or class B”, of which a member may hold only one: no plan pays this claim.',
      },
    ]);
  });

  it('one plan of the group is fine', () => {
    expect(evaluateMemberClaim(registry, holding('class-b', 'other'), death).total.toFixed(2)).toBe('20500.00');
  });
});

describe('Shanghai 2019: the members\' plan is class A or class B, never both (gench.edu.cn notice)', () => {
  const shanghai = (...schemes: string[]): MemberInput => ({ id: 's1', enrolments: schemes.map((scheme) => cover(scheme, 2019)) });
  const died: ClaimInput = { kind: 'death', id: 'd1', date: '2019-06-01' };

  it('a member holding both classes is refused, the reason naming both and the group', () => {
    const result = evaluateMemberClaim(bundledRegistry, shanghai('shanghai-member', 'shanghai-member-b'), died);
    expect([result.eligible, result.plans.length, result.total.toFixed(2)]).toEqual([false, 0, '0.00']);
    expect(result.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([
      [
        'PLAN_GROUP_CONFLICT',
        "The member holds “Shanghai union members' exclusive plan, class A, protection year 2019” and “Shanghai union members' exclusive plan, class B, protection year 2019”, all of the group “members' plan class A or class B (one per union)”, of which a member may hold only one: no plan pays this claim.",
      ],
    ]);
  });

  it('either class alone pays its (illustrative) 10,000 death benefit', () => {
    for (const scheme of ['shanghai-member', 'shanghai-member-b']) {
      const result = evaluateMemberClaim(bundledRegistry, shanghai(scheme), died);
      expect([result.total.toFixed(2), result.illustrative]).toEqual(['10000.00', true]);
    }
  });
});

describe('which plans settle the claim', () => {
  const registry = createRegistry([deathPlan('life', '1000.00', { order: 1 }), syntheticPolicy([], { scheme: 'empty', name: { zh: '无给付', en: 'Pays nothing' } })]);

  it('a plan that pays nothing on the kind of claim is listed as not paying, with the reason', () => {
    const result = evaluateMemberClaim(registry, holding('life', 'empty'), death);
    expect(result.plans.map((plan) => [plan.policy.scheme, plan.eligible, plan.reasons.map((reason) => reason.code)])).toEqual([
      ['life', true, []],
      ['empty', false, ['NO_BENEFIT_FOR_EVENT']],
    ]);
  });

  it('an enrolment that does not cover the claim names no plan for it', () => {
    const member = { id: 'm1', enrolments: [cover('life', 2023)] };
    const result = evaluateMemberClaim(registry, member, death);
    expect([result.eligible, result.reasons.map((reason) => reason.message.en)]).toEqual([false, ['The member holds no plan covering 2024-06-01.']]);
  });

  it('a plan held that the registry lacks is an error naming it', () => {
    expect(() => evaluateMemberClaim(registry, holding('life', 'unknown'), death)).toThrow('No "unknown" policy is in force on 2024-06-01');
  });
});

describe('input and results', () => {
  const registry = createRegistry([deathPlan('life', '1000.00', { order: 1 })]);

  it('a ledger of another year is refused under ledgers.<scheme>', () => {
    const ledger = { scheme: 'life', year: 2023, memberId: 'm1', total: '0.00', byBenefit: {}, claimIds: [] };
    expect(firstIssue(() => evaluateMemberClaim(registry, holding('life'), death, { life: ledger })).path).toEqual(['ledgers', 'life', 'year']);
  });

  it('ledgers must be an object by scheme', () => {
    const outcome = safeEvaluateMemberClaim(registry, holding('life'), death, [] as never);
    expect(outcome.success ? undefined : outcome.error.issues[0]!.path).toEqual(['ledgers']);
  });

  it('the claim already settled under a plan is not paid twice', () => {
    const first = evaluateMemberClaim(registry, holding('life'), death);
    const again = evaluateMemberClaim(registry, holding('life'), death, first.ledgers);
    expect(again.plans[0]!.reasons.map((reason) => reason.code)).toEqual(['DUPLICATE_CLAIM']);
  });

  it('the result is frozen, owns its data and reads as JSON', () => {
    const claim = { ...stay('s1', '2025-05-01', '2025-05-11', { inScopeCopay: '4000.00', selfPaid: '6000.00' }), paidElsewhere: '1000.00' };
    const result = evaluateMemberClaim(bundledRegistry, guangxiMember, claim);
    const json = JSON.stringify(result);
    claim.costs.selfPaid = '1.00';
    expect(Object.isFrozen(result) && Object.isFrozen(result.plans) && Object.isFrozen(result.ledgers)).toBe(true);
    expect(JSON.stringify(result)).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ memberId: 'g1', claimId: 's1', total: '5000.00', ledgers: { guangxi: { total: '2900.00' } } });
  });
});

describe('evaluateMemberYear', () => {
  const first = deathPlan('first', '3000.00', { order: 1 });
  const capped = syntheticPolicy(
    [{ id: 'stay', label: { zh: '住院', en: 'Stay' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('400.00') } }],
    { scheme: 'capped', ceilings: { maximumSubsidy: made('1000.00') } },
  );
  const registry = createRegistry([first, capped]);
  const member = holding('first', 'capped');
  const stays = [1, 2, 3].map((month) => stay(`s${month}`, `2024-0${4 - month}-01`, `2024-0${4 - month}-05`));

  it('is what chaining evaluateMemberClaim gives, claims in date order, ledgers carried', () => {
    const year = evaluateMemberYear(registry, member, stays);
    expect(year.results.map((result) => [result.claimId, result.total.toFixed(2)])).toEqual([
      ['s3', '400.00'],
      ['s2', '400.00'],
      ['s1', '200.00'],
    ]);
    let ledgers = {};
    const chained = [stays[2]!, stays[1]!, stays[0]!].map((claim) => {
      const result = evaluateMemberClaim(registry, member, claim, ledgers);
      ledgers = { ...ledgers, ...result.ledgers };
      return result.total.toFixed(2);
    });
    expect(chained).toEqual(['400.00', '400.00', '200.00']);
    expect([year.total.toFixed(2), year.ledgers.capped!.total.toFixed(2)]).toEqual(['1000.00', '1000.00']);
  });

  it('a plan starts a later protection year from an empty ledger', () => {
    const next = syntheticPolicy(
      [{ id: 'stay', label: { zh: '住院', en: 'Stay' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('400.00') } }],
      { scheme: 'capped', year: 2025, validFrom: '2025-01-01', validTo: '2025-12-31', ceilings: { maximumSubsidy: made('1000.00') } },
    );
    const twoYears = { id: 'm1', enrolments: [cover('capped', 2024), cover('capped', 2025)] };
    const claims = [...stays, stay('n1', '2025-02-01', '2025-02-03')];
    const year = evaluateMemberYear(createRegistry([capped, next]), twoYears, claims);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['400.00', '400.00', '200.00', '400.00']);
    expect(year.ledgers.capped!.year).toBe(2025);
  });

  it('explains each claim under each plan', () => {
    const text = explain(evaluateMemberYear(registry, member, stays.slice(0, 1)), { lang: 'en' });
    expect(text.split('\n').slice(0, 2)).toEqual(['Claims of member m1 under each plan they hold (1 claims)', 'Pays 400.00 yuan in all※']);
  });

  it('settles ten thousand claims under two plans: linear, not quadratic (the 5 s timeout is the only clock)', () => {
    // Quadratic work in the claims (copying ledgers or results per claim) would be 10^8 steps here.
    const many = Array.from({ length: 10_000 }, (_, at) => ({ kind: 'death' as const, id: `d${at}`, date: '2024-06-01' }));
    const year = evaluateMemberYear(registry, member, many);
    expect(year.results.length).toBe(10_000);
    expect(year.total.toFixed(2)).toBe('30000000.00');
  });
});

describe('the plan section', () => {
  it('capAtUnpaid needs the cost it caps at, and deduct takes none', () => {
    const refused = (otherPayments: unknown) => {
      const outcome = safeParsePolicy(syntheticSpec([], { plan: { otherPayments } as never }));
      return outcome.success ? undefined : outcome.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(refused({ sources: ['earlierPlans'], rule: 'capAtUnpaid' })).toEqual(['policy.plan.otherPayments.cost']);
    expect(refused({ sources: ['earlierPlans'], rule: 'deduct', cost: 'selfPaid' })).toEqual(['policy.plan.otherPayments.cost']);
    expect(refused({ sources: ['earlierPlans', 'earlierPlans'], rule: 'deduct' })).toEqual(['policy.plan.otherPayments.sources']);
  });

  it('an unknown key is refused with the keys it allows', () => {
    const outcome = safeParsePolicy(syntheticSpec([], { plan: { orders: 1 } as never }));
    expect(outcome.success ? undefined : outcome.error.issues[0]!.message).toBe('unknown key "orders": expected only "order", "maxShares", "group", "otherPayments"; see docs/rule-model.md#plans');
  });
});
