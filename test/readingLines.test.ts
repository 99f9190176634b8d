/**
 * Reading a result's lines runs its claim again. Every read gathers the lines and steps in one
 * pair of collectors shared by all tapes, keeps the member it made and its run state with the
 * tape's cursor, and makes no ledger after the last claim. None of that may show: reads of
 * several years, interleaved and mixed with explanations, give what each year read alone gives,
 * and a ledger read after the lines is the one settling made.
 */
import { describe, expect, it } from 'vitest';
import { evaluateYear, explain, policies, type ClaimInput, type MemberInput } from '../src';

const member = (id: string): MemberInput => ({ id, enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] });

/** A stay (bands and allowance: several lines and steps), an outpatient claim Guangxi refuses and a death, with amounts that vary by member. */
function claims(n: number): ClaimInput[] {
  return [
    { kind: 'hospitalisation', id: 'a', admission: '2024-02-01', discharge: `2024-02-${10 + n}`, cause: 'illness', costs: { total: '90000.00', insurancePaid: '30000.00', inScopeCopay: `${40000 + n * 1111}.37`, selfPaid: '5000.00' } },
    { kind: 'outpatient', id: 'b', date: '2024-03-01', costs: { total: '300.00', insurancePaid: '100.00', inScopeCopay: '100.00', selfPaid: '100.00' } },
    { kind: 'hospitalisation', id: 'c', admission: '2024-05-01', discharge: '2024-05-04', cause: 'accident', costs: { total: '9000.00', insurancePaid: '3000.00', inScopeCopay: `${4000 + n}.05`, selfPaid: '500.00' } },
    { kind: 'death', id: 'd', date: '2024-09-01' },
  ];
}

const settle = (n: number) => evaluateYear(policies.guangxi[2024], member(`m${n}`), claims(n));

describe('reading lines shares its collectors and keeps nothing a read can see', () => {
  it('three years read claim by claim in turn, an explanation between reads, read as each read alone', () => {
    const alone = [0, 1, 2].map((n) => JSON.stringify(settle(n)));
    const years = [0, 1, 2].map(settle);
    for (let at = 0; at < 4; at += 1) {
      for (const year of years) {
        void year.results[at]!.lines;
        // An explanation of another year's claim reads its lines too, through the same collectors.
        void explain(years[(at + 1) % 3]!.results[3 - at]!);
      }
    }
    expect(years.map((year) => JSON.stringify(year))).toEqual(alone);
  });

  it('the last result’s ledger, read after its lines, is the ledger settling made: the refused claim b not in it', () => {
    const year = settle(1);
    for (const result of year.results) void result.lines;
    const last = year.results.at(-1)!.ledger;
    expect(last.claimIds).toEqual(['a', 'c', 'd']);
    // Checked against the year's ledger, which settling made and no read touched.
    expect(JSON.stringify(last)).toBe(JSON.stringify(year.ledger));
    expect(last.total.toFixed(2)).toBe(year.total.toFixed(2));
  });
});

describe('a result keeps what was read of it, lines or ledger first', () => {
  it('gives the same lines and ledger at every read, whichever was read first, and explains them as before', () => {
    const linesFirst = settle(2).results[0]!;
    const ledgerFirst = settle(2).results[0]!;
    const lines = linesFirst.lines;
    const ledger = ledgerFirst.ledger;
    // The other read comes second: the first is kept with it, not made again.
    expect(linesFirst.ledger).toBe(linesFirst.ledger);
    expect(linesFirst.lines).toBe(lines);
    expect(ledgerFirst.lines).toBe(ledgerFirst.lines);
    expect(ledgerFirst.ledger).toBe(ledger);
    expect(explain(linesFirst)).toBe(explain(ledgerFirst));
    expect(JSON.stringify(linesFirst)).toBe(JSON.stringify(ledgerFirst));
  });
});
