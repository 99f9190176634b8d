/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): inputs that cannot be
 * read. A getter or Proxy trap that throws, or a revoked Proxy, anywhere in an argument of any
 * public function that takes the caller's objects: the function throws an InvalidInputError
 * whose issue has the code `unreadable`, the path of the field and the caller's message, and
 * its safe… form answers `{ success: false }` with that error. The caller's own exception
 * never comes through.
 */
import { describe, expect, it } from 'vitest';
import * as huzhu from '../src';
import { InvalidInputError, policies } from '../src';
import { enrolledMember, stay } from './_fixtures';

type Path = readonly (string | number)[];

const guangxi = policies.guangxi[2024];
const condolence = policies['guilin-condolence'][2023];
const member = enrolledMember('guangxi', 2024, { flags: { cityFederationDirect: true } });
const claim = stay('s', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00', selfPaid: '6000.00' });
const ledger = { scheme: 'guangxi', year: 2024, memberId: member.id, total: '0', byBenefit: {}, claimIds: [] };
// Plain data, not the bundled (already parsed) object: it is read and validated. Only the functions
// that parse a policy read one; the others refuse it unread (test/hostileInput.parsedPolicy.test.ts).
const policyData = () => JSON.parse(JSON.stringify(guangxi)) as huzhu.Policy;

/** One argument of one public function: a good value for it, where its paths start, and the call with a value in its place. */
interface Argument {
  readonly name: string;
  readonly root: Path;
  readonly good: () => object;
  readonly call: (value: never) => unknown;
}

const safe = (outcome: huzhu.SafeResult<unknown>) => {
  // The safe… forms must answer, never throw: their error is checked as the others' is.
  if (outcome.success) return outcome.data;
  throw outcome.error;
};

const args: Argument[] = [
  { name: 'evaluateClaim claim', root: ['claim'], good: () => ({ ...claim }), call: (v) => huzhu.evaluateClaim(guangxi, member, v) },
  { name: 'evaluateClaim member', root: ['member'], good: () => ({ ...member }), call: (v) => huzhu.evaluateClaim(guangxi, v, claim) },
  { name: 'evaluateClaim ledger', root: ['ledger'], good: () => ({ ...ledger }), call: (v) => huzhu.evaluateClaim(guangxi, member, claim, v) },
  { name: 'safeEvaluateClaim claim', root: ['claim'], good: () => ({ ...claim }), call: (v) => safe(huzhu.safeEvaluateClaim(guangxi, member, v)) },
  { name: 'evaluateYear claims', root: ['claims'], good: () => [claim], call: (v) => huzhu.evaluateYear(guangxi, member, v) },
  { name: 'evaluateYear a claim', root: ['claims', 0], good: () => ({ ...claim }), call: (v) => huzhu.evaluateYear(guangxi, member, [v]) },
  { name: 'evaluateYear member', root: ['member'], good: () => ({ ...member }), call: (v) => huzhu.evaluateYear(guangxi, v, [claim]) },
  { name: 'safeEvaluateYear member', root: ['member'], good: () => ({ ...member }), call: (v) => safe(huzhu.safeEvaluateYear(guangxi, v, [claim])) },
  { name: 'evaluateCondolence stay', root: ['stay'], good: () => ({ ...claim }), call: (v) => huzhu.evaluateCondolence(condolence, member, v) },
  { name: 'evaluateCondolence decision', root: ['decision'], good: () => ({ awarded: '500.00' }), call: (v) => huzhu.evaluateCondolence(condolence, member, claim, v) },
  { name: 'safeEvaluateCondolence member', root: ['member'], good: () => ({ ...member }), call: (v) => safe(huzhu.safeEvaluateCondolence(condolence, v, claim)) },
  { name: 'compareClaim claim', root: ['claim'], good: () => ({ ...claim }), call: (v) => huzhu.compareClaim(v, member, [guangxi]) },
  { name: 'compareClaim policies', root: ['policies'], good: () => [guangxi], call: (v) => huzhu.compareClaim(claim, member, v) },
  { name: 'assessContributions roster', root: ['roster'], good: () => [{ id: 'm' }], call: (v) => huzhu.assessContributions(guangxi, v) },
  { name: 'safeAssessContributions a roster entry', root: ['roster', 0], good: () => ({ id: 'm' }), call: (v) => safe(huzhu.safeAssessContributions(guangxi, [v])) },
  { name: 'parsePolicy', root: ['policy'], good: policyData, call: (v) => huzhu.parsePolicy(v) },
  { name: 'safeParsePolicy', root: ['policy'], good: policyData, call: (v) => safe(huzhu.safeParsePolicy(v)) },
  { name: 'definePolicy', root: ['spec'], good: policyData, call: (v) => huzhu.definePolicy(v) },
  { name: 'createRegistry policies', root: ['policies'], good: () => [guangxi], call: (v) => huzhu.createRegistry(v) },
];

/** Ways to make a good value unreadable, and where the issue must point below the argument. */
const unreadable: { name: string; make: (good: object) => object; below: (good: object) => Path; message: string | RegExp; arrays?: false }[] = [
  {
    name: 'a getter that throws an Error',
    make: (good) => Object.defineProperty(good, firstKey(good), { enumerable: true, get: () => { throw new Error('boom'); } }),
    below: (good) => [firstKey(good)],
    message: 'could not be read: boom',
  },
  {
    name: 'a getter that throws a string',
    make: (good) => Object.defineProperty(good, firstKey(good), { enumerable: true, get: () => { throw 'nope'; } }),
    below: (good) => [firstKey(good)],
    message: 'could not be read: nope',
  },
  {
    name: 'a Proxy whose get trap throws',
    make: (good) => new Proxy(good, { get: () => { throw new TypeError('trapped'); } }),
    below: (good) => [firstKey(good)],
    message: 'could not be read: trapped',
  },
  {
    name: 'a Proxy whose ownKeys trap throws',
    make: (good) => new Proxy(good, { ownKeys: () => { throw new RangeError('no keys'); } }),
    below: () => [],
    message: 'could not be read: no keys',
    // A list is read by its indexes, never by its keys: such a list can be read.
    arrays: false,
  },
  {
    name: 'a revoked Proxy',
    make: (good) => { const { proxy, revoke } = Proxy.revocable(good, {}); revoke(); return proxy; },
    below: () => [],
    // Node names the first operation tried on it.
    message: /^could not be read: Cannot perform '\w+' on a proxy that has been revoked$/,
  },
];

/** The key a reader meets first: an array's first index, an object's first key. */
function firstKey(value: object): string | number {
  return Array.isArray(value) ? 0 : Object.keys(value)[0]!;
}

describe('an argument that cannot be read gives an `unreadable` issue, never the caller’s exception', () => {
  const cases = args.flatMap((arg) =>
    unreadable.filter((how) => how.arrays !== false || !Array.isArray(arg.good())).map((how) => ({ label: `${arg.name}: ${how.name}`, arg, how })),
  );
  it.each(cases)('$label', ({ arg, how }) => {
    const good = arg.good();
    const below = how.below(good);
    let thrown: unknown;
    try {
      arg.call(how.make(good) as never);
    } catch (error) {
      thrown = error;
    }
    // Before the fix the caller's own Error, TypeError, RangeError or string came through.
    expect(thrown).toBeInstanceOf(InvalidInputError);
    const [issue] = (thrown as InvalidInputError).issues;
    expect(issue).toEqual({ path: [...arg.root, ...below], code: 'unreadable', message: typeof how.message === 'string' ? how.message : expect.stringMatching(how.message) });
  });

  it('safe… forms answer { success: false } with the error', () => {
    const bad = Object.defineProperty({ ...claim }, 'kind', { enumerable: true, get: () => { throw new Error('boom'); } });
    const outcome = huzhu.safeEvaluateClaim(guangxi, member, bad as never);
    expect(outcome.success).toBe(false);
    expect(!outcome.success && outcome.error.issues[0]).toEqual({ path: ['claim', 'kind'], code: 'unreadable', message: 'could not be read: boom' });
  });

  it('a getter that throws only once is read again by the schema, and its value checked', () => {
    // The hand-written check gives up on the throw; the schema reads the value again, and it is valid.
    let reads = 0;
    const once = Object.defineProperty({ ...claim }, 'id', { enumerable: true, get: () => { if (reads++ === 0) throw new Error('once'); return 's'; } });
    expect(JSON.stringify(huzhu.evaluateClaim(guangxi, member, once as never))).toBe(JSON.stringify(huzhu.evaluateClaim(guangxi, member, claim)));
  });
});
