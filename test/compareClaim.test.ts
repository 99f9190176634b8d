import { describe, expect, it } from 'vitest';
import { bundledRegistry, compareClaim, evaluateClaim, evaluateMemberClaim, InvalidInputError, policies } from '../src';
import { enrolledMember, firstIssue, stay } from './_fixtures';

describe('compareClaim', () => {
  const member = enrolledMember('guangxi', 2024);

  it('answers "what would I have got last year?" for a 2024 death: 10,000 now, 5,000 under the 2023 rules', () => {
    const comparison = compareClaim({ kind: 'death', id: 'd1', date: '2024-06-01' }, member, [policies.guangxi[2024], policies.guangxi[2023]]);
    expect(comparison.results.map((r) => [r.result.policy.year, r.result.total.toFixed(2), r.whatIf, r.difference.toFixed(2)])).toEqual([
      [2024, '10000.00', false, '0.00'],
      [2023, '5000.00', true, '-5000.00'],
    ]);
    const whatIf = comparison.results[1]!.result;
    expect(whatIf.warnings.map((w) => w.code)).toContain('WHAT_IF');
    expect(whatIf.warnings.find((w) => w.code === 'WHAT_IF')?.message.en).toBe(
      'What-if: the guangxi 2023 rules applied to an event on 2024-06-01, which that version does not actually govern.',
    );
  });

  it('gives the version that governs the date exactly what evaluateClaim gives', () => {
    const claim = stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00' });
    const comparison = compareClaim(claim, member, [policies.guangxi[2024]]);
    expect(JSON.stringify(comparison.results[0]?.result)).toBe(JSON.stringify(evaluateClaim(policies.guangxi[2024], member, claim)));
  });

  it('shows a benefit the older version lacked as no line at all', () => {
    const claim = stay('c1', '2024-03-01', '2024-03-11');
    const [now, before] = compareClaim(claim, member, [policies.guangxi[2024], policies.guangxi[2023]]).results;
    expect(now?.result.lines.map((l) => [l.benefit, l.amount.toFixed(2)])).toContainEqual(['hospital-allowance', '500.00']);
    expect(before?.result.lines.map((l) => l.benefit)).not.toContain('hospital-allowance');
  });

  it('still needs the member enrolled in the scheme on the date', () => {
    const comparison = compareClaim({ kind: 'death', id: 'd1', date: '2024-06-01' }, enrolledMember('guangxi', 2022), [policies.guangxi[2023]]);
    expect(comparison.results[0]?.result.reasons.map((r) => r.code)).toEqual(['NOT_ENROLLED']);
  });

  it('refuses an empty list of versions', () => {
    try {
      compareClaim({ kind: 'death', id: 'd1', date: '2024-06-01' }, member, []);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]).toMatchObject({ path: ['policies'], code: 'too_small' });
    }
  });
});

describe('compareClaim with sets of plans and a history', () => {
  const cover = (scheme: string, year: number) => ({ scheme, year, from: `${year}-01-01`, to: `${year}-12-31` });
  const HANGZHOU = ['hangzhou-dajiangdong-a', 'hangzhou-dajiangdong-b', 'hangzhou-dajiangdong-women'] as const;
  const woman = { id: 'w1', sex: 'female' as const, enrolments: HANGZHOU.map((scheme) => cover(scheme, 2018)) };
  // Self-paid 10,000: (10,000 − 500) × 50 % / 30 % / 20 % = 4,750 / 2,850 / 1,900 (formulas illustrative).
  const claim = { ...stay('s1', '2018-05-01', '2018-05-11', { insurancePaid: '20000.00', inScopeCopay: '6000.00', selfPaid: '4000.00' }), filedOn: '2019-01-10' };

  it('settles a set of plans as evaluateMemberClaim does, beside one plan alone, the difference on the totals', () => {
    const set = HANGZHOU.map((scheme) => policies[scheme][2018]);
    const comparison = compareClaim(claim, woman, [policies['hangzhou-dajiangdong-a'][2018], set]);
    const [alone, together] = comparison.results;
    expect(alone && 'result' in alone ? [alone.result.total.toFixed(2), alone.difference.toFixed(2)] : undefined).toEqual(['4750.00', '0.00']);
    expect(together && 'plans' in together ? [together.plans.plans.map((plan) => plan.total.toFixed(2)), together.plans.total.toFixed(2), together.difference.toFixed(2), together.whatIf] : undefined).toEqual([
      ['4750.00', '2850.00', '1900.00'],
      '9500.00',
      '4750.00',
      false,
    ]);
    expect(JSON.stringify(together && 'plans' in together ? together.plans : undefined)).toBe(JSON.stringify(evaluateMemberClaim(bundledRegistry, woman, claim)));
  });

  it('a set holding both Shanghai 2019 classes is refused, the reason naming the group', () => {
    const member = { id: 's1', enrolments: [cover('shanghai-member', 2019), cover('shanghai-member-b', 2019)] };
    const [entry] = compareClaim({ kind: 'death', id: 'd', date: '2019-06-01' }, member, [[policies['shanghai-member'][2019], policies['shanghai-member-b'][2019]]]).results;
    expect(entry && 'plans' in entry ? [entry.plans.eligible, entry.plans.reasons.map((reason) => reason.code)] : undefined).toEqual([false, ['PLAN_GROUP_CONFLICT']]);
  });

  it('a set naming one scheme twice is refused at its path', () => {
    const set = [policies.guangxi[2024], policies.guangxi[2023]];
    const issue = firstIssue(() => compareClaim({ kind: 'death', id: 'd', date: '2024-06-01' }, enrolledMember('guangxi', 2024), [set]));
    expect([issue.path, issue.code]).toEqual([['policies', 0, 1, 'scheme'], 'duplicate_scheme']);
  });

  it('reads the history under every version: a death after the accident’s disability paid 30,000 pays nothing (Shanghai class B 2017, sdju.edu.cn)', () => {
    const member = enrolledMember('shanghai-b', 2017);
    const death = { kind: 'death', id: 'x', date: '2017-01-15', attributes: { cause: 'accident' }, event: 'acc' } as const;
    const history = [{ scheme: 'shanghai-b', year: 2016, benefit: 'accident-disability', claimId: 'd16', date: '2016-12-01', paid: '30000.00', event: 'acc' }];
    const totals = (options?: { history: typeof history }) => compareClaim(death, member, [policies['shanghai-b'][2017], [policies['shanghai-b'][2017]]], options).results.map((entry) => ('result' in entry ? entry.result.total : entry.plans.total).toFixed(2));
    expect(totals()).toEqual(['30000.00', '30000.00']);
    expect(totals({ history })).toEqual(['0.00', '0.00']);
  });
});
