/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): case files
 * (docs/published-cases.md) as `JSON.parse` gives them to `huzhu test` and the test suite.
 * Each is refused with the path of the offending field, whether the part is read by the
 * case-file schema or handed on to the library, and leaves Object.prototype as it was.
 */
import { afterAll, expect, it } from 'vitest';
import { bundledRegistry, InvalidInputError } from '../src';
import { readCaseFile, runCase } from '../src/cli/cases';

const source = { publisher: { en: 'Guilin Daily' }, date: '2023-11' };
const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
const death = { kind: 'death', id: 'd', date: '2024-06-01' };
const file = (entry: object) => JSON.stringify({ scheme: 'guangxi', source, cases: [{ name: 'n', quote: 'q', member, claims: [death], expect: { total: '0.00' }, ...entry }] });

/** The first issue of reading the file and running its case, as `path code`. */
function firstIssue(text: string): string {
  try {
    const cases = readCaseFile(JSON.parse(text));
    runCase(cases, 0, bundledRegistry);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const [issue] = error.issues;
    return `${issue!.path.join('.')} ${issue!.code}`;
  }
  return 'accepted';
}

afterAll(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});

it.each([
  // JSON.parse makes "__proto__" an own key; copying it anywhere would reach Object.prototype.
  ['a "__proto__" key in an expectation', file({ expect: JSON.parse('{"total": "0.00", "__proto__": {"polluted": true}}') }), 'cases.0.expect.__proto__ forbidden_key'],
  ['a "__proto__" key in a member, which the library reads', file({ member: JSON.parse('{"id": "m1", "enrolments": [], "__proto__": {"polluted": true}}') }), 'cases.0.member.__proto__ forbidden_key'],
  ['a "constructor" benefit id', file({ expect: { claims: [{ lines: { constructor: '1.00' } }] } }), 'cases.0.expect.claims.0.lines.constructor forbidden_key'],
  ['a claim nested past any real input', file({ claims: [JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`)] }), 'cases.0.claims.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 too_deep'],
  ['an amount of a megabyte of digits', file({ expect: { total: '9'.repeat(1 << 20) } }), 'cases.0.expect.total invalid_yuan'],
  ['a case name of a megabyte', file({ name: 'x'.repeat(1 << 20) }), 'cases.0.name too_big'],
  ['a claim id that is no string, in a claim the library checks', file({ claims: [{ ...death, id: { toString: 1 } }] }), 'cases.0.claims.0.id invalid_type'],
])('%s', (_, text, issue) => {
  expect(firstIssue(text)).toBe(issue);
});
