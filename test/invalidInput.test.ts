import { describe, expect, it } from 'vitest';
import {
  evaluateClaim,
  InvalidInputError,
  policies,
  safeAssessContributions,
  safeEvaluateClaim,
  safeEvaluateCondolence,
  safeEvaluateYear,
  safeParsePolicy,
  type ClaimInput,
} from '../src';
import { enrolledMember, stay } from './_fixtures';

const policy = policies.guangxi[2024];
const member = enrolledMember('guangxi', 2024);
const good = stay('s', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00', selfPaid: '500.00' });
const withCost = (field: string, value: unknown) => ({ ...good, costs: { ...good.costs, total: '99999.00', [field]: value } }) as ClaimInput;

function firstIssue(outcome: { success: boolean; error?: InvalidInputError }) {
  expect(outcome.success).toBe(false);
  const issue = outcome.error!.issues[0]!;
  return [issue.path, issue.code];
}

describe('every rejected value is an InvalidInputError naming the field path', () => {
  it.each([
    { name: 'NaN', claim: withCost('selfPaid', NaN), path: ['claim', 'costs', 'selfPaid'], code: 'invalid_yuan' },
    { name: 'Infinity', claim: withCost('inScopeCopay', Infinity), path: ['claim', 'costs', 'inScopeCopay'], code: 'invalid_yuan' },
    { name: '-Infinity', claim: withCost('insurancePaid', -Infinity), path: ['claim', 'costs', 'insurancePaid'], code: 'invalid_yuan' },
    { name: 'a negative cost', claim: withCost('selfPaid', -0.01), path: ['claim', 'costs', 'selfPaid'], code: 'invalid_yuan' },
    { name: 'three decimals', claim: withCost('selfPaid', '10.001'), path: ['claim', 'costs', 'selfPaid'], code: 'invalid_yuan' },
    { name: 'a thousands separator', claim: withCost('total', '12,000'), path: ['claim', 'costs', 'total'], code: 'invalid_yuan' },
    { name: 'a word', claim: withCost('selfPaid', 'abc'), path: ['claim', 'costs', 'selfPaid'], code: 'invalid_yuan' },
    { name: 'a missing cost', claim: { ...good, costs: { total: '1', insurancePaid: '0', inScopeCopay: '0' } } as ClaimInput, path: ['claim', 'costs', 'selfPaid'], code: 'invalid_yuan' },
    { name: 'parts above the total', claim: { ...good, costs: { ...good.costs, total: '100.00' } }, path: ['claim', 'costs', 'total'], code: 'parts_exceed_total' },
    { name: 'an impossible date', claim: { ...good, admission: '2024-02-30' }, path: ['claim', 'admission'], code: 'invalid_date' },
    { name: 'a date in another format', claim: { ...good, discharge: '11/03/2024' }, path: ['claim', 'discharge'], code: 'invalid_date' },
    { name: 'discharge before admission', claim: { ...good, discharge: '2024-02-29' }, path: ['claim', 'discharge'], code: 'ends_before_start' },
    { name: 'a stay of 10,000 days', claim: { ...good, discharge: '2051-07-18' }, path: ['claim', 'discharge'], code: 'stay_too_long' },
    { name: 'an unknown cause', claim: { ...good, cause: 'boredom' } as never, path: ['claim', 'cause'], code: 'invalid_value' },
    { name: 'grade 0', claim: { kind: 'disability', id: 'x', date: '2024-05-01', grade: 0 }, path: ['claim', 'grade'], code: 'too_small' },
    { name: 'grade 11', claim: { kind: 'disability', id: 'x', date: '2024-05-01', grade: 11 }, path: ['claim', 'grade'], code: 'too_big' },
    { name: 'grade 2.5', claim: { kind: 'disability', id: 'x', date: '2024-05-01', grade: 2.5 }, path: ['claim', 'grade'], code: 'invalid_type' },
    { name: 'an unknown claim kind', claim: { kind: 'holiday', id: 'x', date: '2024-05-01' } as never, path: ['claim', 'kind'], code: 'invalid_union' },
    { name: 'an extra field', claim: { ...good, note: 'hi' } as never, path: ['claim'], code: 'unrecognized_keys' },
    { name: 'a __proto__ key', claim: JSON.parse(`{"__proto__":{"x":1},"kind":"death","id":"d","date":"2024-01-01"}`), path: ['claim', '__proto__'], code: 'forbidden_key' },
  ])('claim with $name', ({ claim, path, code }) => {
    expect(firstIssue(safeEvaluateClaim(policy, member, claim))).toEqual([path, code]);
  });

  it.each([
    { name: 'no id', member: { enrolments: [] }, path: ['member', 'id'], code: 'invalid_type' },
    { name: 'an enrolment ending before it starts', member: { id: 'm', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-05-01', to: '2024-01-01' }] }, path: ['member', 'enrolments', 0, 'to'], code: 'ends_before_start' },
    { name: 'a flag whose name is not a name', member: { id: 'm', enrolments: [], flags: { 'vip member': true } }, path: ['member', 'flags', 'vip member'], code: 'invalid_key' },
    { name: 'a string for a flag', member: { id: 'm', enrolments: [], flags: { hardship: 'yes' } }, path: ['member', 'flags', 'hardship'], code: 'invalid_type' },
  ])('member with $name', ({ member: bad, path, code }) => {
    expect(firstIssue(safeEvaluateClaim(policy, bad as never, good))).toEqual([path, code]);
  });

  it('a ledger with a bad amount', () => {
    const ledger = { scheme: 'guangxi', year: 2024, memberId: 'member-1', total: '1.234', byBenefit: {}, claimIds: [] };
    expect(firstIssue(safeEvaluateClaim(policy, member, good, ledger))).toEqual([['ledger', 'total'], 'invalid_yuan']);
  });

  it('a claims list that is not a list', () => {
    expect(firstIssue(safeEvaluateYear(policy, member, 'claims' as never))).toEqual([['claims'], 'invalid_type']);
  });

  it('a condolence award with three decimals', () => {
    const outcome = safeEvaluateCondolence(policies['guilin-condolence'][2023], member, good, { awarded: '600.005' });
    expect(firstIssue(outcome)).toEqual([['decision', 'awarded'], 'invalid_yuan']);
  });

  it('a roster entry without an id', () => {
    expect(firstIssue(safeAssessContributions(policies.xining[2024], [{ count: 3 }] as never))).toEqual([['roster', 0, 'id'], 'invalid_type']);
  });

  it('a policy that is not a policy', () => {
    expect(firstIssue(safeEvaluateClaim({ scheme: 'x' } as never, member, good))).toEqual([['policy'], 'unparsed_policy']);
    expect(firstIssue(safeParsePolicy({ scheme: 'x' }))).toEqual([['policy', 'year'], 'invalid_type']);
  });

  it('collects every issue of an input, and words them for a person', () => {
    const bad = { ...good, admission: '2024-02-30', costs: { ...good.costs, selfPaid: '12,000' } };
    expect(() => evaluateClaim(policy, member, bad)).toThrow(
      [
        'Invalid input (2 issues):',
        '  - claim.admission: expected a real calendar date written YYYY-MM-DD, like "2024-01-05"',
        '  - claim.costs.selfPaid: expected a yuan amount as a plain decimal string, like "22669.43"; got "12,000"',
      ].join('\n'),
    );
  });
});
