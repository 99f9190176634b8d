import { describe, expect, it } from 'vitest';
import { evaluateCondolence, policies, safeEvaluateCondolence, type BenefitInput } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const member = enrolledMember('test', 2024);
const fixedBrackets: BenefitInput = {
  id: 'top-up',
  label: { zh: '慰问金', en: 'Top-up' },
  event: 'hospitalisation',
  formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '1000', amount: '300' }]) },
};

describe('evaluateCondolence', () => {
  it('returns the fixed amount of a policy that fixes one, and no range', () => {
    const result = evaluateCondolence(syntheticPolicy([fixedBrackets]), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '1000.00' }));
    expect([result.eligible, result.amount?.toFixed(2), result.range]).toEqual([true, '300.00', null]);
    expect(result.illustrative).toBe(true);
  });

  it('refuses an award where the policy fixes the amount', () => {
    const outcome = safeEvaluateCondolence(syntheticPolicy([fixedBrackets]), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '1000.00' }), { awarded: '200' });
    expect(outcome.success === false && outcome.error.issues).toEqual([
      { path: ['decision', 'awarded'], code: 'award_not_allowed', message: 'the policy fixes the amount at 300.00; got 200.00' },
    ]);
  });

  it('refuses an award for a stay that does not qualify', () => {
    const outcome = safeEvaluateCondolence(syntheticPolicy([fixedBrackets]), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '999.99' }), { awarded: '300' });
    expect(outcome.success === false && outcome.error.issues[0]?.message).toBe('no award: the stay does not qualify; got 300.00');
  });

  it('records an award inside the range', () => {
    const result = evaluateCondolence(
      policies['guilin-condolence'][2023],
      { ...enrolledMember('guangxi', 2023), flags: { cityFederationDirect: true } },
      stay('s', '2023-08-01', '2023-08-10', { selfPaid: '7000.00' }),
      { awarded: 1500 },
    );
    expect(JSON.parse(JSON.stringify([result.amount, result.range]))).toEqual(['1500.00', { min: '500.00', max: '5000.00' }]);
    expect(result.illustrative).toBe(false);
    expect(result.line?.citations[0]?.provenance.status).toBe('published');
  });

  it('refuses an award outside the range, saying the range', () => {
    const outcome = safeEvaluateCondolence(
      policies['guilin-condolence'][2023],
      { ...enrolledMember('guangxi', 2023), flags: { cityFederationDirect: true } },
      stay('s', '2023-08-01', '2023-08-10', { selfPaid: '7000.00' }),
      { awarded: '5000.01' },
    );
    expect(outcome.success === false && outcome.error.issues).toEqual([
      { path: ['decision', 'awarded'], code: 'award_not_allowed', message: 'expected an amount from 500.00 to 5000.00; got 5000.01' },
    ]);
  });

  describe('in a policy that pays other benefits on a stay too', () => {
    // 10 a day, at most 20 a stay: a 5-day stay's allowance is capped, which gives a reason.
    const allowance: BenefitInput = { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('10') }, caps: { perClaim: made('20') } };
    const policy = syntheticPolicy([allowance, { ...fixedBrackets, causes: ['illness'] }]);
    const condolence = (selfPaid: string, cause: 'illness' | 'accident' = 'illness') => {
      const result = evaluateCondolence(policy, member, stay('s', '2024-03-01', '2024-03-06', { selfPaid }, cause));
      return [result.eligible, result.amount?.toFixed(2) ?? null, result.reasons.map((reason) => reason.code)];
    };

    it('answers for its condolence benefit, whatever the others pay or why', () => {
      expect(condolence('1000.00')).toEqual([true, '300.00', ['CAP_REACHED']]);
      expect(condolence('999.99')).toEqual([false, null, ['CAP_REACHED', 'BELOW_THRESHOLD']]);
    });

    it('refuses a stay its condolence benefit does not cover, though another benefit pays on it', () => {
      expect(condolence('1000.00', 'accident')).toEqual([false, null, ['CAUSE_NOT_COVERED', 'CAP_REACHED']]);
    });
  });

  it('needs a policy with a bracket benefit', () => {
    const outcome = safeEvaluateCondolence(policies.guangxi[2024], member, stay('s', '2024-03-01', '2024-03-05'));
    expect(outcome.success === false && outcome.error.issues).toEqual([
      { path: ['policy', 'benefits'], code: 'not_condolence_policy', message: 'expected a policy with a "bracket" benefit on hospitalisation' },
    ]);
  });

  it('takes stays only', () => {
    const outcome = safeEvaluateCondolence(syntheticPolicy([fixedBrackets]), member, { kind: 'death', id: 'd', date: '2024-01-01' } as never);
    expect(outcome.success === false && outcome.error.issues[0]?.path).toEqual(['stay', 'kind']);
  });
});
