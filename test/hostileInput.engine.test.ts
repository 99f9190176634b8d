/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): amounts given as
 * Decimals whose fields are getters. The hand check of an amount reads a Decimal's sign,
 * exponent and words once and sums what it checked; it used to check them, then read them
 * again to write the amount out, so a getter could show the check one value and the
 * settlement another.
 */
import { describe, expect, it } from 'vitest';
import { Decimal, evaluateClaim } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const policy = syntheticPolicy([
  { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('100'), bands: made([{ ratio: '0.5' }]) } },
]);

/** `new Decimal(first)`, whose coefficient words answer those of `later` on every read after the first. */
function changingDecimal(first: string, later: string): Decimal {
  const decimal = new Decimal(first);
  const words = [(decimal as unknown as { d: number[] }).d, (new Decimal(later) as unknown as { d: number[] }).d];
  let reads = 0;
  Object.defineProperty(decimal, 'd', { get: () => words[Math.min(reads++, 1)] });
  return decimal;
}

describe('a Decimal amount is read once', () => {
  it('settles the value it checked, whatever its words answer later', () => {
    const claim = stay('s1', '2024-03-01', '2024-03-02', { inScopeCopay: '300.00' });
    (claim.costs as { inScopeCopay: unknown }).inScopeCopay = changingDecimal('300', '900');
    // (300 − 100) × 0.5. Before the fix the words read a second time, 900, were the amount
    // settled: here an error that the parts exceed the total of 300.
    expect(evaluateClaim(policy, enrolledMember('test', 2024), claim).total.toFixed(2)).toBe('100.00');
  });
});
