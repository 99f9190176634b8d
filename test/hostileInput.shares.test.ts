// Part of the hostile-input catalogue, see test/hostileInput.test.ts: shares (份) on
// enrolments and roster entries, and rosters holding several plans.
import { describe, expect, it } from 'vitest';
import { assessContributions, createRegistry, evaluateYear, InvalidInputError, safeAssessContributions, safeEvaluateClaim, type MemberInput } from '../src';
import { made, syntheticPolicy } from './_fixtures';

const death = (id: string, date = '2024-06-01') => ({ kind: 'death' as const, id, date });
const lumpSum = (amount: string) =>
  syntheticPolicy([{ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made(amount) } }], {
    contribution: { perMember: made('10'), payers: made([]), defaultPayer: 'memberOrUnit' },
  });
const holding = (shares: unknown): MemberInput => ({ id: 'm', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31', shares } as never] });

describe('shares that are not a number of halves', () => {
  it('are refused at their path, on a claim and on a roster', () => {
    for (const shares of [Number.NaN, Infinity, -0.5, 0, 0.1, 1e300, '1', null, [2], { valueOf: () => 2 }]) {
      const claim = safeEvaluateClaim(lumpSum('100'), holding(shares), death('d'));
      expect(claim.success === false && claim.error.issues[0]!.path).toEqual(['member', 'enrolments', 0, 'shares']);
      const roster = safeAssessContributions(lumpSum('100'), [{ id: 'u', shares: shares as number }]);
      expect(roster.success === false && roster.error.issues[0]!.path).toEqual(['roster', 0, 'shares']);
    }
  });

  it('a getter that throws is reported as unreadable, never rethrown', () => {
    const enrolment = { scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31' };
    Object.defineProperty(enrolment, 'shares', { enumerable: true, get: () => { throw new Error('boom'); } });
    const outcome = safeEvaluateClaim(lumpSum('100'), { id: 'm', enrolments: [enrolment] }, death('d'));
    expect(outcome.success === false && outcome.error).toBeInstanceOf(InvalidInputError);
  });
});

describe('shares that scale an amount past what huzhu counts exactly', () => {
  it('refuse the claim with the shares\' path, rather than pay an inexact amount', () => {
    const outcome = safeEvaluateClaim(lumpSum('999999999999.99'), holding(100), death('d'));
    expect(outcome.success === false && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[['member', 'enrolments', 0, 'shares'], 'too_big']]);
    // Half the largest amount, doubled, is still exact: 499,999,999,999.99 × 2.
    expect(safeEvaluateClaim(lumpSum('499999999999.99'), holding(2), death('d'))).toMatchObject({ success: true });
  });
});

describe('many share counts', () => {
  it('compiles one policy per share count held, whatever the number of claims', () => {
    // 200 enrolments of one day each, every count of halves from ½ to 100, one claim on each day:
    // settled in one pass; a compile per claim would be 200 compiles, one per count is the same
    // here, so the check is that each claim got its own count's amount.
    const enrolments = Array.from({ length: 200 }, (_, at) => {
      const day = new Date(Date.UTC(2024, 0, 1 + at)).toISOString().slice(0, 10);
      return { scheme: 'test', year: 2024, from: day, to: day, shares: (at + 1) / 2 };
    });
    const claims = enrolments.map((enrolment, at) => ({ kind: 'death' as const, id: `d${at}`, date: enrolment.from }));
    const year = evaluateYear(lumpSum('0.01'), { id: 'm', enrolments }, claims);
    // ½ share of 0.01 rounds half-up to 0.01; n halves of 1 fen pay round(n / 2) fen.
    expect(year.results.slice(0, 4).map((r) => r.total.toFixed(2))).toEqual(['0.01', '0.01', '0.02', '0.02']);
    expect(year.results[199]!.total.toFixed(2)).toBe('1.00');
  });

  it('a roster entry may hold at most 100 plans, each once', () => {
    const registry = createRegistry([lumpSum('1')]);
    const plans = Array.from({ length: 101 }, () => ({ scheme: 'test', year: 2024 }));
    const outcome = safeAssessContributions(registry, [{ id: 'u', plans }]);
    expect(outcome.success === false && outcome.error.issues[0]!.path).toEqual(['roster', 0, 'plans']);
    // A roster of 20,000 entries each holding the plan: linear, well inside vitest's 5 s (quadratic would be 4 × 10^8 steps).
    const roster = Array.from({ length: 20_000 }, (_, at) => ({ id: `u${at}`, plans: [{ scheme: 'test', year: 2024, shares: 2 }] }));
    expect(assessContributions(registry, roster).total.toFixed(2)).toBe('400000.00');
  });
});
