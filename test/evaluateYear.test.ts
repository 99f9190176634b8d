import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, safeEvaluateYear, type BenefitInput, type ClaimInput, type LedgerInput } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const member = enrolledMember('test', 2024);
const benefits: BenefitInput[] = [
  { id: 'stay', label: { zh: '住院', en: 'Stay' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('100') }, caps: { perYear: made('1500') } },
  { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('1000') } },
];
const policy = syntheticPolicy(benefits, { ceilings: { maximumSubsidy: made('2000') } });
const claims: ClaimInput[] = [
  { kind: 'death', id: 'd', date: '2024-09-01' },
  stay('a', '2024-02-01', '2024-02-11'), // 10 days: 1,000
  stay('b', '2024-05-01', '2024-05-11'), // 10 days: 1,000, but only 500 left of the yearly 1,500
];

describe('evaluateYear', () => {
  it('settles claims in date order and carries the ledger: 1,000 + 500 + 500 (maximum subsidy 2,000)', () => {
    const year = evaluateYear(policy, member, claims);
    expect(year.results.map((r) => [r.claimId, r.total.toFixed(2)])).toEqual([['a', '1000.00'], ['b', '500.00'], ['d', '500.00']]);
    expect(year.results.map((r) => r.lines[0]?.cappedBy)).toEqual([null, 'perYear', 'maximumSubsidy']);
    expect(year.total.toFixed(2)).toBe('2000.00');
    expect(year.ledger.claimIds).toEqual(['a', 'b', 'd']);
  });

  it('equals chaining evaluateClaim by hand', () => {
    let ledger: LedgerInput | undefined;
    const chained = [claims[1]!, claims[2]!, claims[0]!].map((claim) => {
      const result = evaluateClaim(policy, member, claim, ledger);
      ledger = result.ledger;
      return result;
    });
    expect(JSON.stringify(evaluateYear(policy, member, claims).results)).toBe(JSON.stringify(chained));
  });

  it('gives the same answer whatever order claims with distinct dates come in', () => {
    const once = JSON.stringify(evaluateYear(policy, member, claims));
    expect(JSON.stringify(evaluateYear(policy, member, [...claims].reverse()))).toBe(once);
  });

  it('keeps the given order for claims on the same date', () => {
    const twins = [stay('second', '2024-02-01', '2024-02-03'), stay('first', '2024-02-01', '2024-02-03')];
    expect(evaluateYear(policy, member, twins).results.map((r) => r.claimId)).toEqual(['second', 'first']);
  });

  it('keeps date order, and the given order on a date, in a list long enough to be merge-sorted', () => {
    // 200 one-day stays on 28 dates, given out of order: sorting this many merges runs, and
    // compares claims the other way round from the insertion sort of a short list.
    const day = (i: number) => `2024-03-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
    const many = Array.from({ length: 200 }, (_, i) => stay(`c${i}`, day(i), day(i)));
    const expected = many.map((claim, i) => ({ id: claim.id, date: day(i) })).sort((a, b) => a.date.localeCompare(b.date));
    expect(evaluateYear(policy, member, many).results.map((r) => r.claimId)).toEqual(expected.map((claim) => claim.id));
  });

  it('refuses more than 100,000 claims, plain ones too', () => {
    const outcome = safeEvaluateYear(policy, member, Array.from({ length: 100_001 }, () => claims[1]!));
    expect(outcome.success === false && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[['claims'], 'too_big']]);
  });

  it('starts from a given ledger, and its total is what these claims added', () => {
    const ledger = { scheme: 'test', year: 2024, memberId: 'member-1', total: '1900.00', byBenefit: {}, claimIds: [] };
    const year = evaluateYear(policy, member, [claims[0]!], ledger);
    expect([year.total.toFixed(2), year.ledger.total.toFixed(2)]).toEqual(['100.00', '2000.00']);
  });

  it('refuses a claim id seen earlier in the same year, whichever path settled the first', () => {
    const year = evaluateYear(policy, member, [stay('a', '2024-02-01', '2024-02-03'), stay('b', '2024-03-01', '2024-03-03'), stay('a', '2024-04-01', '2024-04-03')]);
    expect(year.results.map((r) => [r.claimId, r.eligible, r.reasons.map((reason) => reason.code)])).toEqual([
      ['a', true, []],
      ['b', true, []],
      ['a', false, ['DUPLICATE_CLAIM']],
    ]);
  });

  it('settles a plain claim the fast path leaves to the reference path, among others it settles', () => {
    // A bracket formula has no fast form: every claim of this policy takes the reference path.
    const bracket: BenefitInput = { id: 'bracket', label: { zh: '档次', en: 'Bracket' }, event: 'hospitalisation', formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '0', amount: '300' }]) } };
    const year = evaluateYear(syntheticPolicy([bracket]), member, [stay('a', '2024-02-01', '2024-02-03', { selfPaid: '10.00' })]);
    expect(year.results.map((r) => r.total.toFixed(2))).toEqual(['300.00']);
  });

  it('makes its ledger on first read, the same object after, and lists every field as JSON', () => {
    const year = evaluateYear(policy, member, claims);
    expect(year.ledger).toBe(year.results.at(-1)!.ledger);
    expect(Object.keys(year.toJSON())).toEqual(['memberId', 'policy', 'results', 'total', 'ledger', 'warnings', 'illustrative']);
    expect(JSON.parse(JSON.stringify(year)).ledger.claimIds).toEqual(['a', 'b', 'd']);
    expect(inspect(year).includes('ledger: ')).toBe(true);
  });

  it('keeps a claim of another year in the results, refused', () => {
    const year = evaluateYear(policy, member, [...claims, { kind: 'death', id: 'late', date: '2025-01-02' }]);
    expect(year.results.at(-1)).toMatchObject({ claimId: 'late', eligible: false });
    expect(year.results).toHaveLength(4);
  });

  it('gathers the warnings of its results once each', () => {
    const year = evaluateYear(policy, member, claims);
    expect(year.illustrative).toBe(true);
    expect(year.warnings.map((w) => w.params.parameter)).toEqual([
      'benefits.stay.formula.amount',
      'benefits.stay.caps.perYear',
      'ceilings.maximumSubsidy',
      'benefits.death.formula.amount',
    ]);
  });

  it('lists the warnings once each when every result cites the same values, and none when no result has any', () => {
    // Both stays cite the same three illustrative values: the year's list is made once for them.
    const stays = evaluateYear(policy, member, [claims[1]!, claims[2]!]);
    expect(stays.warnings.map((w) => w.params.parameter)).toEqual(['benefits.stay.formula.amount', 'benefits.stay.caps.perYear', 'ceilings.maximumSubsidy']);
    expect(Object.isFrozen(stays.warnings)).toBe(true);
    expect(evaluateYear(policy, { ...member, id: 'm2' }, [stay('c', '2024-03-01', '2024-03-02')]).warnings).toEqual(stays.warnings);
    expect(evaluateYear(policy, member, [{ kind: 'death', id: 'late', date: '2025-01-02' }]).warnings).toEqual([]);
  });

  it('checks its arguments in order: invalid claims are named before an invalid ledger', () => {
    const outcome = safeEvaluateYear(policy, member, [{ kind: 'death', id: 'x', date: '2024-02-30' }], { scheme: 'test' } as never);
    expect(outcome.success === false && outcome.error.issues.map((i) => i.path)).toEqual([['claims', 0, 'date']]);
  });

  it('names the claim an invalid field belongs to', () => {
    const outcome = safeEvaluateYear(policy, member, [claims[0]!, { ...stay('x', '2024-03-05', '2024-03-01') }]);
    expect(outcome.success === false && outcome.error.issues.map((i) => i.path)).toEqual([['claims', 1, 'discharge']]);
  });
});
