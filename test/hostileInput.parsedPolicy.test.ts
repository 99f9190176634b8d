/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): values that look like a
 * policy but were not parsed by huzhu. A policy is validated once, where it enters
 * (parsePolicy, safeParsePolicy, definePolicy, extendPolicy, huzhu/policies); every other
 * function takes only a policy from there, and refuses anything else at the argument's path
 * with `unparsed_policy`, however much it looks like one: a copy, a Proxy, a frozen copy.
 */
import { describe, expect, it } from 'vitest';
import {
  assessContributions,
  assessEnrolment,
  compareClaim,
  createRegistry,
  diffPolicies,
  evaluateClaim,
  evaluateCondolence,
  evaluateMemberClaim,
  evaluateMemberYear,
  evaluateYear,
  parsePolicy,
  policies,
  safeAssessContributions,
  safeAssessEnrolment,
  safeEvaluateClaim,
  safeEvaluateCondolence,
  safeEvaluateMemberClaim,
  safeEvaluateYear,
  selectPolicy,
  simulateBook,
  type Issue,
  type Policy,
  type PolicyRegistry,
  type SafeResult,
} from '../src';
import { selectPolicy as selectFromCore } from '../src/core';
import { enrolledMember, firstIssue, made, stay, syntheticPolicy } from './_fixtures';

const guangxi = policies.guangxi[2024];
const member = enrolledMember('guangxi', 2024);
const death = { kind: 'death', id: 'd1', date: '2024-06-01' } as const;
const guilin = policies['guilin-condolence'][2023];
const guilinMember = enrolledMember('guilin-condolence', 2023);
const guilinStay = stay('s1', '2023-08-01', '2023-08-20', { insurancePaid: '20000.00', inScopeCopay: '8000.00', selfPaid: '12000.00' });
const xining = policies.xining[2024];
const gigWorkers = [{ id: 'gig-workers', count: 10, flags: { gigWorker: true } }];
// No bundled plan has enrolment rules simple enough for a unit of two: assessEnrolment's own example's.
const withEnrolment = syntheticPolicy([], { enrolment: { minMembers: made(10) } });
const unit = { id: 'unit-1', date: '2023-11-01', staff: 9, members: [{ id: 'a' }, { id: 'b' }] };
/** A registry written by hand, as a caller may: its policies are checked as createRegistry's are. */
const byHand = (policy: unknown) => ({ policies: [policy] }) as unknown as PolicyRegistry;

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFrozen(child);
    Object.freeze(value);
  }
  return value;
}

/** What looks like `policy` without being one huzhu parsed. */
const lookAlikes = (policy: Policy): [string, unknown][] => [
  ['a structuredClone of it', structuredClone(policy)],
  ['a Proxy around it', new Proxy(policy, {})],
  ['a Proxy around it whose every trap throws', new Proxy(policy, Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'].map((trap) => [trap, () => { throw new Error('trap'); }])))],
  ['a deep-frozen copy of it', deepFrozen(JSON.parse(JSON.stringify(policy)))],
  ['{}', {}],
  ['null', null],
];

interface Row {
  /** A registered policy the call settles under. */
  readonly policy: Policy;
  /** Calls the function with `policy` in the place under test. */
  readonly call: (policy: Policy) => unknown;
  readonly path: readonly (string | number)[];
  /** Whether the function returns a SafeResult instead of throwing. */
  readonly safe?: boolean;
}

const rows: Record<string, Row> = {
  evaluateClaim: { policy: guangxi, call: (policy) => evaluateClaim(policy, member, death), path: ['policy'] },
  safeEvaluateClaim: { policy: guangxi, call: (policy) => safeEvaluateClaim(policy, member, death), path: ['policy'], safe: true },
  evaluateYear: { policy: guangxi, call: (policy) => evaluateYear(policy, member, [death]), path: ['policy'] },
  safeEvaluateYear: { policy: guangxi, call: (policy) => safeEvaluateYear(policy, member, [death]), path: ['policy'], safe: true },
  evaluateCondolence: { policy: guilin, call: (policy) => evaluateCondolence(policy, guilinMember, guilinStay), path: ['policy'] },
  safeEvaluateCondolence: { policy: guilin, call: (policy) => safeEvaluateCondolence(policy, guilinMember, guilinStay), path: ['policy'], safe: true },
  assessContributions: { policy: xining, call: (policy) => assessContributions(policy, gigWorkers), path: ['policy'] },
  safeAssessContributions: { policy: xining, call: (policy) => safeAssessContributions(policy, gigWorkers), path: ['policy'], safe: true },
  'assessContributions, by registry': {
    policy: xining,
    call: (policy) => assessContributions(byHand(policy), [{ id: 'gig-workers', count: 10, flags: { gigWorker: true }, plans: [{ scheme: 'xining', year: 2024 }] }]),
    path: ['registry', 'policies', 0],
  },
  assessEnrolment: { policy: withEnrolment, call: (policy) => assessEnrolment(policy, unit), path: ['policy'] },
  safeAssessEnrolment: { policy: withEnrolment, call: (policy) => safeAssessEnrolment(policy, unit), path: ['policy'], safe: true },
  compareClaim: { policy: guangxi, call: (policy) => compareClaim(death, member, [guangxi, policy]), path: ['policies', 1] },
  'compareClaim, in a set of plans': { policy: guangxi, call: (policy) => compareClaim(death, member, [[policy]]), path: ['policies', 0, 0] },
  createRegistry: { policy: guangxi, call: (policy) => createRegistry([policies.guangxi[2023], policy]), path: ['policies', 1] },
  selectPolicy: { policy: guangxi, call: (policy) => selectPolicy('guangxi', '2024-06-01', byHand(policy)), path: ['registry', 'policies', 0] },
  "huzhu/core's selectPolicy": { policy: guangxi, call: (policy) => selectFromCore('guangxi', '2024-06-01', byHand(policy)), path: ['registry', 'policies', 0] },
  evaluateMemberClaim: { policy: guangxi, call: (policy) => evaluateMemberClaim(byHand(policy), member, death), path: ['registry', 'policies', 0] },
  safeEvaluateMemberClaim: { policy: guangxi, call: (policy) => safeEvaluateMemberClaim(byHand(policy), member, death), path: ['registry', 'policies', 0], safe: true },
  evaluateMemberYear: { policy: guangxi, call: (policy) => evaluateMemberYear(byHand(policy), member, [death]), path: ['registry', 'policies', 0] },
  'diffPolicies, from': { policy: guangxi, call: (policy) => diffPolicies(policy, guangxi), path: ['from'] },
  'diffPolicies, to': { policy: guangxi, call: (policy) => diffPolicies(guangxi, policy), path: ['to'] },
  simulateBook: { policy: guangxi, call: (policy) => simulateBook([{ member, claims: [death] }], [policy]), path: ['policies', 0] },
};

const expected = (path: readonly (string | number)[]): Issue => ({
  path,
  code: 'unparsed_policy',
  message: 'expected a policy from parsePolicy, definePolicy, extendPolicy or huzhu/policies; parse a rule file with parsePolicy first',
});

/** The first issue the call reports: thrown, or returned by a safe* function. */
function issueOf({ call, safe }: Row, policy: unknown): Issue {
  if (!safe) return firstIssue(() => call(policy as Policy));
  const result = call(policy as Policy) as SafeResult<unknown>;
  expect(result.success).toBe(false);
  return (result as { error: { issues: readonly Issue[] } }).error.issues[0]!;
}

describe.each(Object.entries(rows))('%s', (_, row) => {
  it.each(lookAlikes(row.policy))('refuses %s at the argument, as unparsed', (_, lookAlike) => {
    expect(issueOf(row, lookAlike)).toEqual(expected(row.path));
  });

  it('accepts the policy, and the same parsed again from its JSON', () => {
    for (const policy of [row.policy, parsePolicy(JSON.stringify(row.policy))]) {
      const result = row.call(policy);
      expect(result).toBeDefined();
      if (row.safe) expect((result as SafeResult<unknown>).success).toBe(true);
    }
  });
});

describe('the functions that parse a policy', () => {
  it('accept a look-alike as the data it holds, and return a policy every function takes', () => {
    const parsed = parsePolicy(structuredClone(guangxi));
    expect(parsed).not.toBe(guangxi);
    expect(parsed).toStrictEqual(guangxi);
    expect(evaluateClaim(parsed, member, death).total.toFixed(2)).toBe(evaluateClaim(guangxi, member, death).total.toFixed(2));
  });
});
