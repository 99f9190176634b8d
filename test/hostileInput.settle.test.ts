/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): callers that write into
 * what a settlement returned. A returned amount is a frozen Decimal, but decimal.js keeps its
 * digits in an array (`d`), which freezing the amount leaves writable: writing into it must not
 * change what the result, its lines or its ledger say.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, policies, type Decimal } from '../src';
import { enrolledMember, stay } from './_fixtures';

const guangxi = policies.guangxi[2024];
const member = enrolledMember('guangxi', 2024);
const death = { kind: 'death' as const, id: 'c1', date: '2024-03-01' };

/** Writes over every digit word decimal.js reads of `amount`. */
function scribble(amount: Decimal): void {
  const words = (amount as unknown as { d: number[] }).d;
  for (let at = 0; at < words.length; at += 1) words[at] = 9_999_999;
}

describe('writing into a returned amount’s digits', () => {
  it('leaves a claim’s total as settled: 10,000.00 for a death', () => {
    const result = evaluateClaim(guangxi, member, death);
    scribble(result.total);
    expect(result.total.toString()).toBe('10000');
    expect(result.total.plus(0).toFixed(2)).toBe('10000.00');
    expect(JSON.stringify(result.total)).toBe('"10000.00"');
  });

  it('leaves a line’s amount, the ledger’s total and a year’s total as settled', () => {
    const year = evaluateYear(guangxi, member, [stay('s1', '2024-03-01', '2024-03-11', { inScopeCopay: '800.00' }), death]);
    const [first, second] = year.results;
    const read = () => [...first!.lines.map((line) => line.amount), first!.total, first!.ledger.total, second!.ledger.total, year.total, year.ledger.total];
    // The stay's lines: no subsidy below the deductible, 10 days at 50.00; then 10,000.00 for the death.
    const settled = ['0', '500', '500', '500', '10500', '10500', '10500'];
    expect(read().map(String)).toEqual(settled);
    for (const amount of read()) scribble(amount);
    expect(read().map((amount) => amount.plus(0).toString())).toEqual(settled);
  });
});
