import { Dec } from '../decimal';

const TWO_DECIMALS = /^\d+\.\d\d$/;
const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * An amount of yuan as prose writes it: digits grouped by thousands, fen only when there are
 * any (`50000.00` → `50,000`, `22669.43` → `22,669.43`). Both languages group the same way.
 * Amounts come as two-decimal text (policies and figures in fen are written so), read as
 * text; anything else is read as a Decimal first.
 */
export function amountText(amount: string): string {
  const fixed = TWO_DECIMALS.test(amount) ? amount : new Dec(amount).toFixed(2);
  const point = fixed.length - 3;
  const whole = fixed.slice(0, point);
  const grouped = point > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  return fixed.endsWith('.00') ? grouped : `${grouped}${fixed.slice(point)}`;
}

/**
 * A ratio as the number of a percentage, exactly: `0.5` → `50`, `0.125` → `12.5`. A plain
 * decimal (as policies write ratios) has its point moved two places as text; anything else is
 * multiplied as a Decimal.
 */
export function percentNumber(ratio: string): string {
  const plain = PLAIN.exec(ratio);
  if (plain === null) return new Dec(ratio).times(100).toString();
  const fraction = plain[2] ?? '';
  const whole = `${plain[1]}${fraction.slice(0, 2).padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}
