import { Dec, Decimal, isRealDecimal } from './decimal';

/** What the library accepts as an amount of yuan. */
export type YuanInput = string | number | Decimal;

/** Largest accepted amount: anything above a trillion yuan is a data error, not a claim. */
export const MAX_YUAN = '999999999999.99';
const PLAIN_YUAN = /^\d+(\.\d+)?$/;
/** decimal.js keeps seven digits a word, aligned on the point: any amount up to MAX_YUAN fits in three. */
const MAX_YUAN_WORDS = 3;

/** A value as a refusal names it: short text quoted, anything else by its kind. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  // Only isRealDecimal refused it: its fields are not a Decimal's, or there are too many words to be an amount.
  if (Decimal.isDecimal(value)) return `an object posing as a Decimal, or a Decimal of more than ${MAX_YUAN_WORDS * 7} digits`;
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Reads one amount, or says in a sentence why it is not one. */
export function readYuan(value: unknown): Decimal | string {
  let text: string;
  if (typeof value === 'string') {
    if (!PLAIN_YUAN.test(value)) {
      return `expected a yuan amount as a plain decimal string, like "22669.43"; got ${describe(value)}`;
    }
    text = value;
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `expected a finite number of yuan; got ${describe(value)}`;
    // The shortest decimal form is what the author typed: 0.1 + 0.2 shows its binary error and is refused.
    text = String(value);
  } else if (isRealDecimal(value, MAX_YUAN_WORDS)) {
    // Read through huzhu's own constructor: the value's methods may be another copy's, or absent.
    // A longer Decimal is refused unread: it may be shared by every amount of a large input.
    const decimal = new Dec(value);
    if (!decimal.isFinite()) return `expected a finite yuan amount; got ${decimal.toString()}`;
    text = decimal.toString();
  } else {
    return `expected a yuan amount (a decimal string like "22669.43", a Decimal, or a number); got ${describe(value)}`;
  }
  const amount = new Dec(text);
  if (amount.isNegative()) return `expected an amount of at least 0 yuan; got ${text}`;
  if (amount.decimalPlaces() > 2) return `expected at most two decimals (whole fen); got ${text}`;
  if (amount.greaterThan(MAX_YUAN)) return `expected at most ${MAX_YUAN} yuan; got ${text}`;
  return amount;
}

/**
 * An output amount: a frozen Decimal (decimal.js's own fields `constructor`, `s`, `e`, on a
 * child of its prototype, which is shared with every other user) that writes two decimals as
 * JSON. When made from whole fen it keeps them, privately, so that `toFixed(2)`, which every
 * caller prints with, writes the digits without Decimal arithmetic.
 */
class Money {
  /** Whole fen, or -1 when the amount was made from a Decimal. */
  readonly #fen: number;
  /** The coefficient's words: private, since freezing the amount leaves an array field writable. */
  readonly #words: readonly number[];

  constructor(s: number, e: number, d: number[], fen: number) {
    const self = this as unknown as { constructor: unknown; s: number; e: number };
    // decimal.js reads the class from the instance: its prototype's `constructor` is Object.
    self.constructor = Dec;
    self.s = s;
    self.e = e;
    this.#words = d;
    this.#fen = fen;
    Object.freeze(this);
  }

  /** decimal.js's coefficient, as a copy: a caller writing into it must not change the amount. */
  get d(): number[] {
    return this.#words.slice();
  }

  toFixed(decimalPlaces?: number, rounding?: Decimal.Rounding): string {
    // Whole fen need no rounding at two places: the text is the fen's digits with a point.
    if (decimalPlaces === 2 && this.#fen >= 0) return fenText(this.#fen);
    return (Dec.prototype.toFixed as (this: unknown, dp?: number, rm?: Decimal.Rounding) => string).call(this, decimalPlaces, rounding);
  }

  toJSON(): string {
    return this.toFixed(2);
  }
}
Object.setPrototypeOf(Money.prototype, Dec.prototype);

/** A Money, typed as the Decimal it is at run time; a function for the reason of `withInput`. */
function money(s: number, e: number, d: number[], fen: number): Decimal {
  return new Money(s, e, d, fen) as unknown as Decimal;
}

/** `.00` to `.99`, made once: a step's text writes several amounts, and each piece made is a string to collect. */
const CENTS = Array.from({ length: 100 }, (_, cents) => `.${cents < 10 ? '0' : ''}${cents}`);

/** `123450` fen as `"1234.50"`, as `Decimal#toFixed(2)` writes 1234.5. */
export function fenText(fen: number): string {
  const cents = fen % 100;
  return `${(fen - cents) / 100}${CENTS[cents]!}`;
}

/** An output amount: a frozen Decimal whose JSON form is a string with two decimals. */
export function toMoney(amount: Decimal): Decimal {
  const finite = new Dec(amount);
  return money(finite.s, finite.e, finite.d, -1);
}

/** decimal.js's word: seven decimal digits of the coefficient (its LOG_BASE). */
const WORD = 10_000_000;
/** 10^0 … 10^14: enough to count the digits of any whole yuan under 2^53 fen. */
const POWERS = Array.from({ length: 15 }, (_, n) => 10 ** n);

/** A zero amount, for folds; also what every zero made from fen is (they are common: a cap used up). */
export const ZERO = money(1, 0, [0], 0);

/**
 * `fen / 100` as an output amount, for whole fen from 0 to 2^53, built without Decimal
 * arithmetic (the fast path makes millions). decimal.js keeps the coefficient in words of
 * seven digits aligned on the decimal point: the whole yuan in base 10^7, then the fen padded
 * on the right to seven digits; trailing zero words are dropped, and `e` is the exponent of
 * the leading digit.
 */
export function moneyFromFen(fen: number): Decimal {
  if (fen === 0) return ZERO;
  const cents = fen % 100;
  const yuan = (fen - cents) / 100;
  const fraction = cents * 100_000;
  if (yuan === 0) return money(1, cents < 10 ? -2 : -1, [fraction], fen);
  let digits = 1;
  while (digits < POWERS.length && POWERS[digits]! <= yuan) digits += 1;
  const low = yuan % WORD;
  const high = (yuan - low) / WORD;
  // Each case as a literal of its exact length: a push would grow the array to 17 slots.
  let words: number[];
  if (high === 0) words = cents === 0 ? [low] : [low, fraction];
  else if (cents !== 0) words = [high, low, fraction];
  else words = low === 0 ? [high] : [high, low];
  return money(1, digits - 1, words, fen);
}

/** The rounding modes a policy may name: half-up (四舍五入), half-even, towards zero, away from zero. */
export const ROUNDING_MODES = ['halfUp', 'halfEven', 'down', 'up'] as const;
/** @useDeclaredType */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/** Rounds to the fen by the policy's named mode. */
export function roundToFen(amount: Decimal, mode: RoundingMode): Decimal {
  return amount.toDecimalPlaces(2, DECIMAL_ROUNDING[mode]);
}

/** `12345.6` → `"12345.60"`: how amounts appear in computation steps. */
export function formatYuan(amount: Decimal): string {
  return amount.toFixed(2);
}
