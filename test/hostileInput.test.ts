/**
 * The hostile-input catalogue: every public entry point against wrong types, missing and
 * extra fields, non-finite and out-of-range numbers, impossible dates, huge strings, deep
 * nesting and prototype keys. Each must throw an InvalidInputError whose first issue names the
 * field, never crash otherwise and never return a partial result, and must leave
 * Object.prototype as it was.
 *
 * The catalogue goes on, a file per area, in `hostileInput.<area>.test.ts`: `lib-inputs`
 * (shared references, cycles, sizes past the limits, fake Decimals, reserved ids, time zones),
 * `lib-results` (getters and Proxies that throw or change, inputs changed after the call),
 * `explain-prose` (hostile provenance), and the CLI's `cli-input` (damaged CSV and JSON files),
 * `cli-manners` (closed pipes, paths that are no files, malformed arguments, broken policy
 * files) and `cli-memory` (values that must cross the disk path unchanged).
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as huzhu from '../src';
import { policies } from '../src';
import { enrolledMember, firstIssue, made, stay, syntheticSpec } from './_fixtures';

type Path = readonly (string | number)[];
interface Hostile {
  readonly name: string;
  readonly value: unknown;
  /** The path of the first issue below the argument, and its code. */
  readonly path: Path;
  readonly code: string;
}

const MB = 'x'.repeat(1024 * 1024);
const DIGITS = '9'.repeat(1024 * 1024);
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

const member = enrolledMember('guangxi', 2024, { flags: { cityFederationDirect: true } });
const good = stay('s', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00', selfPaid: '6000.00' });
const withCost = (field: string, value: unknown) => ({ ...good, costs: { ...good.costs, total: '99999.00', [field]: value } });
const disability = { kind: 'disability', id: 'd', date: '2024-05-01', grade: 3 };

/** Hostile values in the place of a hospitalisation claim. */
const hostileStays: Hostile[] = [
  { name: 'a number for the claim', value: 42, path: [], code: 'invalid_type' },
  { name: 'null for the claim', value: null, path: [], code: 'invalid_type' },
  { name: 'an array for the claim', value: [good], path: [], code: 'invalid_type' },
  { name: 'a missing discharge', value: { ...good, discharge: undefined }, path: ['discharge'], code: 'invalid_type' },
  { name: 'a missing costs object', value: { ...good, costs: undefined }, path: ['costs'], code: 'invalid_type' },
  { name: 'an extra field', value: { ...good, note: 'hi' }, path: [], code: 'unrecognized_keys' },
  { name: 'NaN', value: withCost('selfPaid', NaN), path: ['costs', 'selfPaid'], code: 'invalid_yuan' },
  { name: 'Infinity', value: withCost('selfPaid', Infinity), path: ['costs', 'selfPaid'], code: 'invalid_yuan' },
  { name: '-Infinity', value: withCost('inScopeCopay', -Infinity), path: ['costs', 'inScopeCopay'], code: 'invalid_yuan' },
  { name: 'the number 1e400', value: withCost('insurancePaid', 1e400), path: ['costs', 'insurancePaid'], code: 'invalid_yuan' },
  { name: 'the text "1e400"', value: withCost('insurancePaid', '1e400'), path: ['costs', 'insurancePaid'], code: 'invalid_yuan' },
  { name: 'a negative cost', value: withCost('selfPaid', '-5.00'), path: ['costs', 'selfPaid'], code: 'invalid_yuan' },
  { name: 'three decimals', value: withCost('selfPaid', '10.005'), path: ['costs', 'selfPaid'], code: 'invalid_yuan' },
  { name: 'a number with three decimals', value: withCost('selfPaid', 10.005), path: ['costs', 'selfPaid'], code: 'invalid_yuan' },
  { name: 'a million digits', value: withCost('total', DIGITS), path: ['costs', 'total'], code: 'invalid_yuan' },
  { name: 'a cost object', value: withCost('total', { valueOf: () => 5 }), path: ['costs', 'total'], code: 'invalid_yuan' },
  { name: 'the date 2024-02-30', value: { ...good, admission: '2024-02-30' }, path: ['admission'], code: 'invalid_date' },
  { name: 'a date as a Date object', value: { ...good, admission: new Date('2024-03-01') }, path: ['admission'], code: 'invalid_type' },
  { name: 'discharge before admission', value: { ...good, discharge: '2024-02-28' }, path: ['discharge'], code: 'ends_before_start' },
  { name: 'a stay of 10,000 days', value: { ...good, discharge: '2051-07-18' }, path: ['discharge'], code: 'stay_too_long' },
  { name: 'a 1 MB id', value: { ...good, id: MB }, path: ['id'], code: 'too_big' },
  { name: 'a 1 MB date', value: { ...good, admission: MB }, path: ['admission'], code: 'invalid_date' },
  { name: 'JSON nested 10,000 deep', value: { ...good, costs: nested(10_000) }, path: ['costs', 'a', 'a'], code: 'too_deep' },
  { name: 'a __proto__ key', value: JSON.parse(`{"__proto__":{"polluted":true},"kind":"hospitalisation"}`), path: ['__proto__'], code: 'forbidden_key' },
  { name: 'a constructor key', value: { ...good, constructor: { prototype: { polluted: true } } }, path: ['constructor'], code: 'forbidden_key' },
  { name: 'a nested __proto__ key', value: { ...good, costs: JSON.parse(`{"__proto__":{"polluted":true}}`) }, path: ['costs', '__proto__'], code: 'forbidden_key' },
];

/** Hostile claims that are not stays. */
const hostileOtherClaims: Hostile[] = [
  { name: 'grade 0', value: { ...disability, grade: 0 }, path: ['grade'], code: 'too_small' },
  { name: 'grade 11', value: { ...disability, grade: 11 }, path: ['grade'], code: 'too_big' },
  { name: 'grade NaN', value: { ...disability, grade: NaN }, path: ['grade'], code: 'invalid_type' },
  { name: 'grade "3"', value: { ...disability, grade: '3' }, path: ['grade'], code: 'invalid_type' },
  { name: 'an unknown kind', value: { ...disability, kind: 'holiday' }, path: ['kind'], code: 'invalid_union' },
  { name: 'a death without a date', value: { kind: 'death', id: 'x' }, path: ['date'], code: 'invalid_type' },
];

const hostileMembers: Hostile[] = [
  { name: 'a string for the member', value: 'member-1', path: [], code: 'invalid_type' },
  { name: 'no id', value: { enrolments: [] }, path: ['id'], code: 'invalid_type' },
  { name: 'an extra field', value: { ...member, age: 40 }, path: [], code: 'unrecognized_keys' },
  { name: 'a 1 MB id', value: { ...member, id: MB }, path: ['id'], code: 'too_big' },
  { name: 'an enrolment year of NaN', value: { id: 'm', enrolments: [{ scheme: 'guangxi', year: NaN, from: '2024-01-01', to: '2024-12-31' }] }, path: ['enrolments', 0, 'year'], code: 'invalid_type' },
  { name: 'a __proto__ flag', value: JSON.parse('{"id":"m","enrolments":[],"flags":{"__proto__":{"polluted":true}}}'), path: ['flags', '__proto__'], code: 'forbidden_key' },
];

// A one-benefit policy, so a hostile value sits at a path a reader can check.
const basePolicy = syntheticSpec([{ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('5000') } }]);
const withAmount = (value: unknown) => ({ ...basePolicy, benefits: [{ ...basePolicy.benefits[0]!, formula: { kind: 'lumpSum', amount: { ...made('0'), value } } }] });
const AMOUNT = ['benefits', 0, 'formula', 'amount', 'value'];

const hostilePolicies: Hostile[] = [
  { name: 'a number for the policy', value: 2024, path: [], code: 'invalid_type' },
  { name: 'no conventions', value: { ...basePolicy, conventions: undefined }, path: ['conventions'], code: 'invalid_type' },
  { name: 'an extra field', value: { ...basePolicy, owner: 'me' }, path: [], code: 'unrecognized_keys' },
  { name: 'an amount of NaN', value: withAmount(NaN), path: AMOUNT, code: 'invalid_yuan' },
  { name: 'an amount of Infinity', value: withAmount(Infinity), path: AMOUNT, code: 'invalid_yuan' },
  { name: 'an amount of "1e400"', value: withAmount('1e400'), path: AMOUNT, code: 'invalid_yuan' },
  { name: 'a negative amount', value: withAmount('-1'), path: AMOUNT, code: 'invalid_yuan' },
  { name: 'an amount with three decimals', value: withAmount('1.001'), path: AMOUNT, code: 'invalid_yuan' },
  { name: 'a year of 1e400', value: { ...basePolicy, year: 1e400 }, path: ['year'], code: 'invalid_type' },
  { name: 'validFrom 2024-02-30', value: { ...basePolicy, validFrom: '2024-02-30' }, path: ['validFrom'], code: 'invalid_date' },
  { name: 'validTo before validFrom', value: { ...basePolicy, validTo: '2023-12-31' }, path: ['validTo'], code: 'ends_before_start' },
  { name: 'a 1 MB label', value: { ...basePolicy, name: { zh: MB, en: 'x' } }, path: ['name', 'zh'], code: 'too_big' },
  { name: 'JSON nested 10,000 deep', value: { ...basePolicy, notes: nested(10_000) }, path: ['notes', 'a', 'a'], code: 'too_deep' },
  { name: 'a __proto__ key', value: JSON.parse(`{"__proto__":{"polluted":true},"scheme":"test"}`), path: ['__proto__'], code: 'forbidden_key' },
  { name: 'a constructor key in a benefit', value: { ...basePolicy, benefits: [{ ...basePolicy.benefits[0]!, constructor: {} }] }, path: ['benefits', 0, 'constructor'], code: 'forbidden_key' },
  { name: 'a prototype key in eligibility', value: { ...basePolicy, eligibility: { prototype: {} } }, path: ['eligibility', 'prototype'], code: 'forbidden_key' },
];

/** An entry point given one hostile argument: where its path starts, and how to call it. */
interface Entry {
  readonly name: string;
  readonly root: Path;
  readonly call: (value: never) => unknown;
}

const guangxi = policies.guangxi[2024];
const condolence = policies['guilin-condolence'][2023];
const stayEntries: Entry[] = [
  { name: 'evaluateClaim', root: ['claim'], call: (v) => huzhu.evaluateClaim(guangxi, member, v) },
  { name: 'evaluateYear', root: ['claims', 0], call: (v) => huzhu.evaluateYear(guangxi, member, [v]) },
  { name: 'evaluateCondolence', root: ['stay'], call: (v) => huzhu.evaluateCondolence(condolence, member, v) },
  { name: 'compareClaim', root: ['claim'], call: (v) => huzhu.compareClaim(v, member, [guangxi]) },
  { name: 'selectPolicy', root: ['claim'], call: (v) => huzhu.selectPolicy('guangxi', v) },
  { name: 'safeEvaluateClaim', root: ['claim'], call: (v) => unwrap(huzhu.safeEvaluateClaim(guangxi, member, v)) },
  { name: 'safeEvaluateYear', root: ['claims', 0], call: (v) => unwrap(huzhu.safeEvaluateYear(guangxi, member, [v])) },
  { name: 'safeEvaluateCondolence', root: ['stay'], call: (v) => unwrap(huzhu.safeEvaluateCondolence(condolence, member, v)) },
];
const claimEntries = stayEntries.filter((entry) => !entry.name.includes('Condolence'));
const memberEntries: Entry[] = [
  { name: 'evaluateClaim', root: ['member'], call: (v) => huzhu.evaluateClaim(guangxi, v, good) },
  { name: 'evaluateYear', root: ['member'], call: (v) => huzhu.evaluateYear(guangxi, v, [good]) },
  { name: 'evaluateCondolence', root: ['member'], call: (v) => huzhu.evaluateCondolence(condolence, v, good) },
  { name: 'compareClaim', root: ['member'], call: (v) => huzhu.compareClaim(good, v, [guangxi]) },
];
const policyEntries: Entry[] = [
  { name: 'definePolicy', root: ['spec'], call: (v) => huzhu.definePolicy(v) },
  { name: 'parsePolicy', root: ['policy'], call: (v) => huzhu.parsePolicy(v) },
  { name: 'parsePolicy (JSON text)', root: ['policy'], call: (v) => huzhu.parsePolicy(JSON.stringify(v) ?? 'null') },
  { name: 'safeParsePolicy', root: ['policy'], call: (v) => unwrap(huzhu.safeParsePolicy(v)) },
  { name: 'extendPolicy', root: ['base'], call: (v) => huzhu.extendPolicy(v, {}) },
];
// The other functions take only parsed policies: each hostile one is refused unread, at the argument.
const parsedPolicyEntries: Entry[] = [
  { name: 'createRegistry', root: ['policies', 0], call: (v) => huzhu.createRegistry([v]) },
  { name: 'evaluateClaim', root: ['policy'], call: (v) => huzhu.evaluateClaim(v, member, good) },
  { name: 'evaluateYear', root: ['policy'], call: (v) => huzhu.evaluateYear(v, member, [good]) },
  { name: 'evaluateCondolence', root: ['policy'], call: (v) => huzhu.evaluateCondolence(v, member, good) },
  { name: 'assessContributions', root: ['policy'], call: (v) => huzhu.assessContributions(v, [{ id: 'm' }]) },
  { name: 'diffPolicies', root: ['from'], call: (v) => huzhu.diffPolicies(v, guangxi) },
  { name: 'compareClaim', root: ['policies', 0], call: (v) => huzhu.compareClaim(good, member, [v]) },
];

function unwrap(outcome: { success: boolean; error?: unknown; data?: unknown }): unknown {
  if (outcome.success) return outcome.data;
  throw outcome.error;
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function matrix(title: string, entries: Entry[], values: Hostile[]) {
  describe(title, () => {
    const cases = entries.flatMap((entry) => values.map((hostile) => ({ label: `${entry.name}: ${hostile.name}`, entry, hostile })));
    it.each(cases)('$label', ({ entry, hostile }) => {
      const issue = firstIssue(() => entry.call(hostile.value as never));
      // A path 10,000 levels deep is cut where the nesting limit stops it; the start names the field.
      const path = hostile.code === 'too_deep' ? issue.path.slice(0, entry.root.length + hostile.path.length) : issue.path;
      expect({ path, code: issue.code }).toEqual({ path: [...entry.root, ...hostile.path], code: hostile.code });
    });
  });
}

// JSON text cannot hold NaN, ±Infinity, undefined fields or a Date, so the JSON-text entry
// takes the hostile policies that survive JSON.stringify.
const JSON_TEXT_CASES = new Set([
  'a number for the policy',
  'an extra field',
  'an amount of "1e400"',
  'a negative amount',
  'an amount with three decimals',
  'validFrom 2024-02-30',
  'validTo before validFrom',
  'a 1 MB label',
  'a __proto__ key',
  'a constructor key in a benefit',
  'a prototype key in eligibility',
]);

matrix('hostile stays', stayEntries, hostileStays);
matrix('hostile disability and death claims', claimEntries, hostileOtherClaims);
matrix('hostile members', memberEntries, hostileMembers);
matrix('hostile policies', policyEntries.filter((e) => !e.name.includes('JSON text')), hostilePolicies);
matrix(
  'hostile policies, to a function that takes parsed ones',
  parsedPolicyEntries,
  hostilePolicies.map((hostile) => ({ ...hostile, path: [], code: 'unparsed_policy' })),
);
matrix(
  'hostile policies as JSON text',
  policyEntries.filter((e) => e.name.includes('JSON text')),
  hostilePolicies.filter((hostile) => JSON_TEXT_CASES.has(hostile.name)),
);

describe('hostile values elsewhere', () => {
  it.each([
    { name: 'toYuan(NaN)', call: () => huzhu.toYuan(NaN), path: ['value'], code: 'invalid_yuan' },
    { name: 'toYuan(-Infinity)', call: () => huzhu.toYuan(-Infinity), path: ['value'], code: 'invalid_yuan' },
    { name: 'toYuan("1e400")', call: () => huzhu.toYuan('1e400'), path: ['value'], code: 'invalid_yuan' },
    { name: 'toYuan of a million digits', call: () => huzhu.toYuan(DIGITS), path: ['value'], code: 'invalid_yuan' },
    { name: 'toYuan(null)', call: () => huzhu.toYuan(null as never), path: ['value'], code: 'invalid_yuan' },
    { name: 'a ledger total of NaN', call: () => huzhu.evaluateClaim(guangxi, member, good, { scheme: 'guangxi', year: 2024, memberId: 'member-1', total: NaN, byBenefit: {}, claimIds: [] }), path: ['ledger', 'total'], code: 'invalid_yuan' },
    { name: 'a ledger with a __proto__ benefit', call: () => huzhu.evaluateClaim(guangxi, member, good, JSON.parse('{"scheme":"guangxi","year":2024,"memberId":"member-1","total":"0","byBenefit":{"__proto__":"1"},"claimIds":[]}')), path: ['ledger', 'byBenefit', '__proto__'], code: 'forbidden_key' },
    { name: 'a roster count of -1', call: () => huzhu.assessContributions(policies.xining[2024], [{ id: 'u', count: -1 }]), path: ['roster', 0, 'count'], code: 'too_small' },
    { name: 'a roster of a string', call: () => huzhu.assessContributions(policies.xining[2024], 'everyone' as never), path: ['roster'], code: 'invalid_type' },
    { name: 'an award of NaN', call: () => huzhu.evaluateCondolence(condolence, member, good, { awarded: NaN }), path: ['decision', 'awarded'], code: 'invalid_yuan' },
    { name: 'selectPolicy on 2024-02-30', call: () => huzhu.selectPolicy('guangxi', '2024-02-30'), path: ['date'], code: 'invalid_date' },
    { name: 'explain(42)', call: () => huzhu.explain(42 as never), path: ['result'], code: 'invalid_type' },
    { name: 'buildExplanation of a __proto__ result', call: () => huzhu.buildExplanation(JSON.parse('{"__proto__":{"polluted":true},"claimId":"c"}')), path: ['result', '__proto__'], code: 'forbidden_key' },
    { name: 'explain in French', call: () => huzhu.explain(huzhu.evaluateClaim(guangxi, member, good), { lang: 'fr' as never }), path: ['options', 'lang'], code: 'invalid_value' },
    { name: 'compareClaim with no versions', call: () => huzhu.compareClaim(good, member, []), path: ['policies'], code: 'too_small' },
    { name: 'extendPolicy with a 1 MB year', call: () => huzhu.extendPolicy(guangxi, { year: MB as never }), path: ['changes', 'year'], code: 'invalid_type' },
    { name: 'parsePolicy of text that is not JSON', call: () => huzhu.parsePolicy('{"scheme":'), path: ['json'], code: 'invalid_json' },
  ])('$name', ({ call, path, code }) => {
    const issue = firstIssue(call);
    expect({ path: issue.path, code: issue.code }).toEqual({ path, code });
  });
});

afterAll(() => {
  // Nothing above reached Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});
