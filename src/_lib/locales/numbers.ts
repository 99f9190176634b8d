import { Dec } from '../decimal';

/**
 * An amount of yuan as prose writes it: digits grouped by thousands, fen only when there are
 * any (`50000.00` → `50,000`, `22669.43` → `22,669.43`). Both languages group the same way.
 */
export function amountText(amount: string): string {
  const [whole, fen] = new Dec(amount).toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fen === '00' ? grouped : `${grouped}.${fen}`;
}

/** A ratio as the number of a percentage, exactly: `0.5` → `50`, `0.125` → `12.5`. */
export function percentNumber(ratio: string): string {
  return new Dec(ratio).times(100).toString();
}
