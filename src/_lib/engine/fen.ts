/**
 * Exact arithmetic in whole fen. Amounts are integers of fen; a ratio is an integer fraction
 * num / den, den a power of ten. Products stay plain numbers while they are below 2^53 and
 * go through BigInt past it, so no result is ever a float's approximation.
 */
import { Dec } from '../decimal';
import { fenText, type RoundingMode } from '../money';
import { MadeOnce, stepLabel } from '../messages';
import { stepKind, type Recorder, type StepForm } from './context';

export const SAFE = Number.MAX_SAFE_INTEGER;

/** A ratio as an exact fraction num / den, den a power of ten. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
  /** As the policy writes it, e.g. `0.35`. */
  readonly text: string;
}

export function ratio(text: string): Ratio {
  const exact = new Dec(text);
  const den = 10 ** exact.decimalPlaces();
  return { num: exact.times(den).toNumber(), den, text };
}

/** Whole fen of a policy amount (two-decimal string). */
export const fen = (yuan: string): number => new Dec(yuan).times(100).toNumber();

/** n / d rounded to a whole number by the mode, for integers 0 ≤ n ≤ 2^53 and d > 0. */
function divideSafe(n: number, d: number, mode: RoundingMode): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // The float quotient may land one off; the remainder puts it right.
  if (r < 0) (q -= 1), (r += d);
  else if (r >= d) (q += 1), (r -= d);
  return q + roundUp(r, d, q % 2 === 1, mode);
}

/** 1 when a quotient with remainder r of d (q odd or not) rounds up by the mode, else 0. */
function roundUp(r: number, d: number, odd: boolean, mode: RoundingMode): number {
  if (r === 0 || mode === 'down') return 0;
  if (mode === 'up') return 1;
  if (2 * r > d) return 1;
  if (2 * r < d) return 0;
  return mode === 'halfUp' || odd ? 1 : 0;
}

/** n / d rounded by the mode, n ≥ 0 possibly a BigInt. */
export function divide(n: number | bigint, d: number, mode: RoundingMode): number {
  if (typeof n === 'number') return divideSafe(n, d, mode);
  const big = BigInt(d);
  const q = n / big;
  const r = Number(n % big);
  return Number(q) + roundUp(r, d, q % 2n === 1n, mode);
}

/** amount × num exactly: a number below 2^53, a BigInt past it. */
export function times(amount: number, num: number): number | bigint {
  return num === 0 || amount <= SAFE / num ? amount * num : BigInt(amount) * BigInt(num);
}

/** a + b exactly, either possibly a BigInt. */
export function plus(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number' && a <= SAFE - b) return a + b;
  return BigInt(a) + BigInt(b);
}

/** `n / den` fen, exact, rounded to `value`. */
const ROUNDING: StepForm<number, number | bigint, number> = { key: 'rounding', expression: (_, n, den) => exactYuan(n, den), value: fenText };
/** The rounding step's kinds, one per mode. */
const ROUNDING_KINDS = new MadeOnce((mode: RoundingMode) => stepKind(ROUNDING, stepLabel('rounding', { mode })));

/**
 * `n / den` fen rounded to the fen by the mode, with a rounding step (`333.00333 → 333.00`)
 * when rounding changed it: when `n / den` is not a whole number of fen.
 */
export function roundToFen(n: number | bigint, den: number, mode: RoundingMode, steps: Recorder | null): number {
  const rounded = divide(n, den, mode);
  if (steps !== null && (typeof n === 'number' ? n % den !== 0 : n % BigInt(den) !== 0n)) steps.record(ROUNDING_KINDS.of(mode), rounded, n, den);
  return rounded;
}

const ZERO_CODE = '0'.charCodeAt(0);

/**
 * `n / den` fen as exact yuan text: `1234.5675` for 12345675 / 1000 fen, with at least two
 * decimals. `den` is a power of ten, so this only moves the point: written as text, with no
 * Decimal and no float.
 */
export function exactYuan(n: number | bigint, den: number): string {
  // A number, the common case, by arithmetic: no regular expression, and few pieces of text.
  if (typeof n === 'number') {
    if (n % den === 0) return fenText(n / den);
    const unit = den * 100;
    const rest = n % unit;
    // A leading 1 keeps the fraction's leading zeros; its trailing ones go, down to two decimals.
    const digits = String(unit + rest);
    let end = digits.length;
    while (end > 3 && digits.charCodeAt(end - 1) === ZERO_CODE) end -= 1;
    return `${(n - rest) / unit}.${digits.slice(1, end)}`;
  }
  const places = String(den).length + 1;
  const digits = String(n).padStart(places + 1, '0');
  const point = digits.length - places;
  const fraction = digits.slice(point).replace(/0+$/, '');
  return `${digits.slice(0, point)}.${fraction.length < 2 ? fraction.padEnd(2, '0') : fraction}`;
}
