import type { Decimal } from '../_lib/decimal';
import { InvalidInputError } from '../_lib/errors';
import { readYuan, toMoney, type YuanInput } from '../_lib/money';

/**
 * Read an amount of yuan, exactly, to the fen.
 *
 * Accepts what every huzhu function accepts as money: a plain decimal string (`"22669.43"`),
 * a Decimal, or a finite number with at most two decimals (read through its shortest decimal
 * form, so `0.1 + 0.2` is refused rather than silently rounded). Amounts are never negative
 * and never above 999,999,999,999.99. A Decimal may come from any copy of decimal.js (its ESM
 * or CommonJS build, any clone); an object that only looks like one is refused.
 *
 * @category Money
 *
 * @param value - the amount
 * @returns a frozen Decimal whose JSON form is a string with two decimals
 * @throws {InvalidInputError} when `value` is not such an amount (`"12,000"`, `NaN`, `1.005`, …)
 *
 * @example
 * JSON.stringify({ paid: toYuan(5000) })
 * //=> '{"paid":"5000.00"}'
 */
export function toYuan(value: YuanInput): Decimal {
  const amount = readYuan(value);
  if (typeof amount === 'string') throw new InvalidInputError([{ path: ['value'], code: 'invalid_yuan', message: amount }]);
  return toMoney(amount);
}
