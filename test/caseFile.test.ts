/** The case-file format (docs/published-cases.md): what it refuses, and what each expectation checks. */
import { describe, expect, it } from 'vitest';
import { bundledRegistry, InvalidInputError } from '../src';
import { readCaseFile, runCase } from '../src/cli/cases';
import { enrolledMember, stay } from './_fixtures';

const source = { publisher: { en: 'Guilin Daily' }, date: '2023-11' };
const member = enrolledMember('guangxi', 2024);
const death = { kind: 'death', id: 'd', date: '2024-06-01' };
const aCase = { name: 'a death pays 10,000', quote: '将身故津贴从5000元提高到1万元', member, claims: [death], expect: { total: '10000.00' } };

/** The issues `readCaseFile` reports, as `path: message`. */
function refusal(content: unknown): string[] {
  try {
    readCaseFile(content);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
    throw error;
  }
  return [];
}

describe('readCaseFile refuses, with the path of each error', () => {
  it.each([
    ['a case without a source, in a file without one', { scheme: 'guangxi', cases: [aCase] }, ['cases.0.source: missing_source']],
    ['two cases of one name: each names a test', { scheme: 'guangxi', source, cases: [aCase, aCase] }, ['cases.1.name: duplicate_name']],
    ['a claim id used twice in a case', { scheme: 'guangxi', source, cases: [{ ...aCase, claims: [death, death] }] }, ['cases.0.claims.1.id: duplicate_claim']],
    ['fewer claim expectations than claims', { scheme: 'guangxi', source, cases: [{ ...aCase, expect: { claims: [], total: '1.00' } }] }, ['cases.0.expect.claims: wrong_count']],
    ['a case that expects no amount', { scheme: 'guangxi', source, cases: [{ ...aCase, expect: { claims: [{ eligible: true }] } }] }, ['cases.0.expect: no_amount']],
    ['a line amount as a number', { scheme: 'guangxi', source, cases: [{ ...aCase, expect: { claims: [{ lines: { death: 10000 } }] } }] }, ['cases.0.expect.claims.0.lines.death: invalid_yuan']],
    ['an amount with three decimals', { scheme: 'guangxi', source, cases: [{ ...aCase, expect: { total: '1.005' } }] }, ['cases.0.expect.total: invalid_yuan']],
    ['a file with no case', { scheme: 'guangxi', source, cases: [] }, ['cases: too_small']],
  ])('%s', (_, content, issues) => {
    expect(refusal(content)).toEqual(issues);
  });

  it('an unknown key, saying which keys are allowed and where they are explained', () => {
    expect(() => readCaseFile({ scheme: 'guangxi', source, cases: [{ ...aCase, expected: {} }] })).toThrow(
      'cases[0]: unknown key "expected"; a case has name, quote, source, year, member, ledger, history, claims, expect (see docs/published-cases.md)',
    );
  });
});

describe('runCase', () => {
  const run = (entry: object) => runCase(readCaseFile({ scheme: 'guangxi', source, cases: [{ ...aCase, ...entry }] }), 0, bundledRegistry);

  it('passes a case whose every expectation holds', () => {
    const outcome = run({ expect: { claims: [{ eligible: true, total: '10000.00', lines: { death: { amount: '10000.00', cappedBy: null } }, reasons: [], illustrative: false }], total: '10000.00' } });
    expect(outcome.mismatches).toEqual([]);
  });

  // Each expectation wrong on its own gives exactly the one difference it checks.
  it.each([
    [{ eligible: false }, 'claim d, eligible', 'false', 'true'],
    [{ total: '5000.00' }, 'claim d, total', '5000.00', '10000.00'],
    [{ lines: { death: '1.00' } }, 'claim d, line death', '1.00', '10000.00'],
    [{ lines: { death: { cappedBy: 'maximumSubsidy' } } }, 'claim d, line death, capped by', 'maximumSubsidy', 'null'],
    [{ lines: { death: { range: { min: '1.00', max: '2.00' } } } }, 'claim d, line death, range', '1.00–2.00', '(none)'],
    [{ reasons: ['CAP_REACHED'] }, 'claim d, reasons', 'CAP_REACHED', '(none)'],
    [{ illustrative: true }, 'claim d, illustrative', 'true', 'false'],
  ])('%j', (claim, what, expected, actual) => {
    // The right total beside it, unless the total is the one wrong: a case must expect an amount.
    expect(run({ expect: { claims: [{ total: '10000.00', ...claim }] } }).mismatches).toEqual([{ what, expected, actual }]);
  });

  it("a benefit the result has no line for counts as 0.00: the 2024 rules' death claim has no daily allowance", () => {
    expect(run({ expect: { claims: [{ lines: { 'hospital-allowance': '0.00' } }] } }).mismatches).toEqual([]);
  });

  it('matches results to claims by id, whatever order they were settled in', () => {
    const outcome = run({
      claims: [death, stay('s', '2024-03-01', '2024-03-11')],
      expect: { claims: [{ total: '10000.00' }, { lines: { 'hospital-allowance': '500.00' } }] },
    });
    expect(outcome.year.results.map((result) => result.claimId)).toEqual(['s', 'd']);
    expect(outcome.mismatches).toEqual([]);
  });

  it("compares the claims' total", () => {
    expect(run({ expect: { total: '1.00' } }).mismatches).toEqual([{ what: "the claims' total", expected: '1.00', actual: '10000.00' }]);
  });

  it('picks the version in force for the first claim when the case names no year', () => {
    expect(run({ member: enrolledMember('guangxi', 2023), claims: [{ ...death, date: '2023-06-01' }], expect: { total: '5000.00' } }).mismatches).toEqual([]);
  });

  it("reports the library's issues about a case's input with paths from the file's root", () => {
    expect(() => run({ member: { id: '', enrolments: [] } })).toThrow('cases[0].member.id');
    expect(() => run({ claims: [{ ...death, date: '2031-01-01' }] })).toThrow(/cases\[0\]\.claims\[0\]: No "guangxi" policy is in force on 2031-01-01/);
  });
});
