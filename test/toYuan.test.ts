import { describe, expect, it } from 'vitest';
import { Decimal, InvalidInputError, toYuan } from '../src';

describe('toYuan', () => {
  it.each([
    { value: '22669.43', yuan: '22669.43' },
    { value: '0', yuan: '0.00' },
    { value: '5000.5', yuan: '5000.50' },
    { value: 12.5, yuan: '12.50' },
    { value: 0.1, yuan: '0.10' },
    { value: new Decimal('3.10'), yuan: '3.10' },
    { value: '999999999999.99', yuan: '999999999999.99' },
  ])('reads $value as $yuan', ({ value, yuan }) => {
    expect(JSON.stringify(toYuan(value))).toBe(`"${yuan}"`);
  });

  it.each([
    { value: NaN, message: 'expected a finite number of yuan; got NaN' },
    { value: Infinity, message: 'expected a finite number of yuan; got Infinity' },
    { value: -1, message: 'expected an amount of at least 0 yuan; got -1' },
    { value: '1.005', message: 'expected at most two decimals (whole fen); got 1.005' },
    { value: 0.1 + 0.2, message: 'expected at most two decimals (whole fen); got 0.30000000000000004' },
    { value: '12,000', message: 'expected a yuan amount as a plain decimal string, like "22669.43"; got "12,000"' },
    { value: 'abc', message: 'expected a yuan amount as a plain decimal string, like "22669.43"; got "abc"' },
    { value: '1e3', message: 'expected a yuan amount as a plain decimal string, like "22669.43"; got "1e3"' },
    { value: '1000000000000', message: 'expected at most 999999999999.99 yuan; got 1000000000000' },
    { value: new Decimal(NaN), message: 'expected a finite yuan amount; got NaN' },
    { value: null, message: 'expected a yuan amount (a decimal string like "22669.43", a Decimal, or a number); got null' },
    { value: [1], message: 'expected a yuan amount (a decimal string like "22669.43", a Decimal, or a number); got array' },
    { value: {}, message: 'expected a yuan amount (a decimal string like "22669.43", a Decimal, or a number); got object' },
    // An error quotes at most 40 characters of the text, however long it is.
    { value: 'x'.repeat(40), message: `got "${'x'.repeat(40)}"` },
    { value: 'x'.repeat(1_000_000), message: `got "${'x'.repeat(40)}…"` },
  ])('refuses $value', ({ value, message }) => {
    expect(() => toYuan(value as never)).toThrow(InvalidInputError);
    expect(() => toYuan(value as never)).toThrow(message);
  });

  it('sums a long run of fen exactly: 100,000 × 0.01 = 1,000.00', () => {
    const fen = toYuan('0.01');
    let sum = toYuan(0);
    for (let i = 0; i < 100_000; i += 1) sum = sum.plus(fen);
    expect(sum.toFixed(2)).toBe('1000.00');
  });
});
