// Shares (份) of a plan: amounts and money caps scale with the shares a member's enrolment
// holds; shares past the plan's maxShares are void (Shanghai 2019 union member plan,
// gench.edu.cn notice via /work/shared/schemes.md: "one share per member, extra shares void").
import { describe, expect, it } from 'vitest';
import { diffPolicies, evaluateClaim, evaluateYear, explain, policies, safeParsePolicy, type MemberInput } from '../src';
import { memberSchema } from '../src/_lib/inputSchemas';
import { plainMember } from '../src/_lib/plainInput';
import { scaledFen } from '../src/_lib/engine/shares';
import { made, stay, syntheticPolicy } from './_fixtures';

const death = (id: string, date = '2024-06-01') => ({ kind: 'death' as const, id, date });
const disability = (id: string, grade: number) => ({ kind: 'disability' as const, id, date: '2024-06-01', grade });

/** A member enrolled in `test` 2024 holding `shares` (none written when undefined). */
const holding = (shares: number | undefined): MemberInput => ({
  id: 'm',
  enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31', ...(shares !== undefined && { shares }) }],
});

// Every money amount of the plan, each a figure easy to double or halve by hand.
const plan = (maxShares?: number, mode: 'halfUp' | 'halfEven' | 'down' = 'halfUp') =>
  syntheticPolicy(
    [
      { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('10000') } },
      {
        id: 'allowance',
        label: { zh: '津贴', en: 'Allowance' },
        event: 'hospitalisation',
        formula: { kind: 'perDay', amount: made('50'), maxDays: made(10) },
        caps: { perClaim: made('300'), perYear: made('400') },
      },
      {
        id: 'disability',
        label: { zh: '伤残', en: 'Disability' },
        event: 'disability',
        formula: { kind: 'gradeSchedule', maximum: made('20000'), shares: made({ '1': '1', '10': '0.1' }) },
      },
      {
        id: 'subsidy',
        label: { zh: '补助', en: 'Subsidy' },
        event: 'hospitalisation',
        formula: { kind: 'bands', base: 'selfPaid', deductible: made('1000'), deductibleScope: 'stay', measure: 'afterDeductible', method: 'progressive', bands: made([{ ratio: '0.5' }]) },
      },
      {
        id: 'token',
        label: { zh: '慰问', en: 'Token' },
        event: 'outpatient',
        formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '0', amount: '0.05' }]) },
      },
    ],
    {
      conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at: 'eachLine' } },
      ceilings: { maximumSubsidy: made('30000') },
      ...(maxShares !== undefined && { plan: { maxShares: made(maxShares) } }),
    },
  );

const amount = (policy: ReturnType<typeof plan>, member: MemberInput, claim: Parameters<typeof evaluateClaim>[2]) =>
  evaluateClaim(policy, member, claim).total.toFixed(2);

describe('shares scale what a plan pays', () => {
  it('pays a lump sum, a schedule maximum and a daily amount per share held', () => {
    const policy = plan();
    // 10,000 × 2 shares; 20,000 × 0.1 × ½ share; 50 × 3 days × 2 shares.
    expect(amount(policy, holding(2), death('d'))).toBe('20000.00');
    expect(amount(policy, holding(0.5), disability('g', 10))).toBe('1000.00');
    expect(amount(policy, holding(2), stay('s', '2024-03-01', '2024-03-04'))).toBe('300.00');
    // Absent and 1 are the same: the policy's own figures.
    expect([amount(policy, holding(undefined), death('d')), amount(policy, holding(1), death('d'))]).toEqual(['10000.00', '10000.00']);
  });

  it('scales the caps and the maximum subsidy, not the ratios or the deductible', () => {
    const policy = plan();
    // 10 days × 50 × 2 = 1,000, cut by the per-claim cap 300 × 2 = 600.
    const long = evaluateClaim(policy, holding(2), stay('s', '2024-03-01', '2024-03-11'));
    expect(long.lines.map((line) => [line.benefit, line.amount.toFixed(2), line.cappedBy])).toEqual([['allowance', '600.00', 'perClaim'], ['subsidy', '0.00', null]]);
    // (3,000 − 1,000 deductible, not 2,000) × 0.5 = 1,000, whatever the shares.
    const subsidy = (shares: number) => amount(policy, holding(shares), stay('s', '2024-03-01', '2024-03-01', { selfPaid: '3000' }));
    expect([subsidy(1), subsidy(2), subsidy(0.5)]).toEqual(['1050.00', '1100.00', '1025.00']);
    // The year: 30,000 × 2 = 60,000 of maximum subsidy; the allowance's 400 × 2 = 800 a year.
    const year = evaluateYear(policy, holding(2), [
      death('d1', '2024-02-01'),
      stay('s1', '2024-03-01', '2024-03-11'),
      stay('s2', '2024-04-01', '2024-04-11', { selfPaid: '90000' }),
    ]);
    // 20,000; 600 (per claim); min(600, 800 − 600) = 200 + 44,500 cut to 60,000 − 20,800 = 39,200.
    expect(year.results.map((r) => r.total.toFixed(2))).toEqual(['20000.00', '600.00', '39400.00']);
    expect(year.ledger.total.toFixed(2)).toBe('60000.00');
  });

  it('cites the values paid on, labelled with the shares', () => {
    const line = evaluateClaim(plan(), holding(2), death('d')).lines[0]!;
    expect(line.citations.map((c) => [c.parameter, c.value, c.label.en])).toEqual([
      ['benefits.death.formula.amount', '20000.00', 'test parameter (2 shares)'],
      ['ceilings.maximumSubsidy', '60000.00', 'test parameter (2 shares)'],
    ]);
    expect(explain(evaluateClaim(plan(), holding(2), death('d')), { lang: 'zh' })).toContain('20000.00');
  });

  it('leaves a top-up resting on the plan\'s enrolment unscaled: the shares are of the plan, not the top-up', () => {
    const topUp = syntheticPolicy([{ id: 'token', label: { zh: '慰问', en: 'Token' }, event: 'death', formula: { kind: 'lumpSum', amount: made('500') } }], {
      scheme: 'top-up',
      eligibility: { enrolmentScheme: 'test' },
    });
    expect(amount(topUp, holding(2), death('d'))).toBe('500.00');
  });

  it('rounds half a share of an odd fen by the policy\'s rounding mode', () => {
    // ½ × 0.05 = 0.025 yuan: up to 0.03 with halfUp, to the even 0.02 with halfEven, 0.02 down.
    const token = { kind: 'outpatient' as const, id: 'o', date: '2024-05-01', costs: { total: '1', insurancePaid: '0', inScopeCopay: '0', selfPaid: '1' } };
    expect(['halfUp', 'halfEven', 'down'].map((mode) => amount(plan(undefined, mode as 'halfUp'), holding(0.5), token))).toEqual(['0.03', '0.02', '0.02']);
    expect([scaledFen('0.05', 1, 'halfUp'), scaledFen('0.07', 1, 'halfEven'), scaledFen('0.05', 3, 'halfEven')]).toEqual([3, 4, 8]);
  });
});

describe('shares past the plan\'s maxShares are void', () => {
  it('settles on maxShares and says so in both languages', () => {
    const result = evaluateClaim(plan(1), holding(3), death('d'));
    expect(result.total.toFixed(2)).toBe('10000.00');
    const warning = result.warnings.find((w) => w.code === 'SHARES_VOID')!;
    expect(warning.message.en).toBe('The member holds 3 shares; the plan allows at most 1, and the shares past it are void: settled on 1.');
    expect(warning.message.zh).toBe('该会员持有 3 份；本办法每人最多 1 份，超出部分无效，按 1 份核算。');
    // Within the limit nothing is void.
    const within = evaluateClaim(plan(2), holding(2), death('d'));
    expect([within.total.toFixed(2), within.warnings.some((w) => w.code === 'SHARES_VOID')]).toEqual(['20000.00', false]);
  });

  it('explains the void shares, and diffPolicies lists a changed limit', () => {
    expect(explain(evaluateClaim(plan(1), holding(3), death('d')), { lang: 'en' })).toContain('the shares past it are void: settled on 1.');
    expect(diffPolicies(plan(1), plan(2)).changes.map((c) => [c.change, c.parameter, c.before?.value, c.after?.value])).toEqual([['changed', 'plan.maxShares', 1, 2]]);
  });

  it('refuses a maxShares under 1', () => {
    const outcome = safeParsePolicy(JSON.parse(JSON.stringify({ ...plan(), plan: { maxShares: made(0.5) } })));
    expect(outcome.success === false && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[['policy', 'plan', 'maxShares', 'value'], 'invalid_shares']]);
  });

  it('refuses a maxShares that varies by condition', () => {
    expect(() =>
      syntheticPolicy([], { plan: { maxShares: { ...made(1), variants: [{ when: { age: { from: 60 } }, value: 2 }] } } }),
    ).toThrow(/maxShares[\s\S]*one value/);
  });
});

describe('an enrolment\'s shares are read and checked', () => {
  it('accepts halves up to 100, refuses anything else at the shares\' path', () => {
    for (const shares of [0, -1, 0.3, 1.25, 100.5, Number.NaN, '2']) {
      const parsed = memberSchema.safeParse(holding(shares as number));
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(['enrolments', 0, 'shares']);
      expect(plainMember(holding(shares as number))).toBeUndefined();
    }
    for (const shares of [0.5, 1, 1.5, 100]) expect(plainMember(holding(shares))).toEqual(memberSchema.parse(holding(shares)));
  });
});

describe('shares of a plan paying by condition', () => {
  // Nanping 2012 women's plan (China Women's Network, 10 July 2012): class 1 pays 6,000 a share.
  const member = (shares: number): MemberInput => ({
    id: 'w',
    sex: 'female',
    enrolments: [{ scheme: 'nanping-women', year: 2012, from: '2012-03-01', to: '2013-02-28', shares }],
  });
  const diagnosis = { kind: 'diagnosis' as const, id: 'd', date: '2012-08-01', condition: 'breast-cancer' };

  it('scales each class amount: 2 shares pay 12,000, half a share 3,000', () => {
    expect(evaluateClaim(policies['nanping-women'][2012], member(2), diagnosis).total.toFixed(2)).toBe('12000.00');
    expect(evaluateClaim(policies['nanping-women'][2012], member(0.5), diagnosis).total.toFixed(2)).toBe('3000.00');
  });
});
