/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): the inputs of a claim
 * settled under several plans. Ledgers by scheme that are not an object, or whose reading
 * throws or changes between reads; other payments larger than the cost; a member listing the
 * same plan many times.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry, evaluateMemberClaim, type MemberInput, type PolicyInput } from '../src';
import { firstIssue, made, stay, syntheticPolicy } from './_fixtures';

const lumpSum = (scheme: string, amount: string, plan: PolicyInput['plan']) =>
  syntheticPolicy([{ id: 'stay', label: { zh: '住院', en: 'Stay' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made(amount) } }], {
    scheme,
    ...(plan && { plan }),
  });
const registry = createRegistry([
  lumpSum('first', '800.00', { order: 1 }),
  lumpSum('deducts', '500.00', { order: 2, otherPayments: { sources: ['earlierPlans', 'paidElsewhere'], rule: 'deduct' } }),
  lumpSum('caps', '500.00', { order: 3, otherPayments: { sources: ['earlierPlans', 'paidElsewhere'], rule: 'capAtUnpaid', cost: 'selfPaid' } }),
]);
const cover = (scheme: string) => ({ scheme, year: 2024, from: '2024-01-01', to: '2024-12-31' });
const member: MemberInput = { id: 'm1', enrolments: [cover('first'), cover('deducts'), cover('caps')] };
const claim = stay('s1', '2024-03-01', '2024-03-04', { selfPaid: '1000.00' });

describe('ledgers by scheme', () => {
  it('a ledgers argument whose reading throws is an input error, not the caller’s exception', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    const issue = firstIssue(() => evaluateMemberClaim(registry, member, claim, hostile));
    expect([issue.path, issue.code]).toEqual([['ledgers'], 'unreadable']);
  });

  it('a ledger is read once: a getter that answers differently later cannot change the settlement', () => {
    let reads = 0;
    const ledgers = {
      get first() {
        reads += 1;
        return { scheme: 'first', year: 2024, memberId: 'm1', total: reads === 1 ? '0.00' : '999999.00', byBenefit: {}, claimIds: [] };
      },
    };
    const result = evaluateMemberClaim(registry, member, claim, ledgers);
    expect([reads, result.plans[0]!.total.toFixed(2)]).toEqual([1, '800.00']);
  });

  it('a list is refused: ledgers are keyed by scheme id', () => {
    expect(firstIssue(() => evaluateMemberClaim(registry, member, claim, [] as never)).path).toEqual(['ledgers']);
  });
});

describe('other payments', () => {
  it('other payments larger than the cost leave nothing to pay, never less than nothing', () => {
    const result = evaluateMemberClaim(registry, member, { ...claim, paidElsewhere: '999999999.99' });
    expect(result.plans.map((plan) => plan.total.toFixed(2))).toEqual(['800.00', '0.00', '0.00']);
    expect(result.total.toFixed(2)).toBe('800.00');
  });

  it('a paidElsewhere that is not an amount is refused with its path', () => {
    const issue = firstIssue(() => evaluateMemberClaim(registry, member, { ...claim, paidElsewhere: '-1.00' }));
    expect(issue.path).toEqual(['claim', 'paidElsewhere']);
  });
});

it('a member listing the same plan a thousand times holds it once', () => {
  const many: MemberInput = { id: 'm1', enrolments: Array.from({ length: 1000 }, () => cover('first')) };
  expect(evaluateMemberClaim(registry, many, claim).plans.map((plan) => plan.policy.scheme)).toEqual(['first']);
});
