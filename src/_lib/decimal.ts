// The named export, not the default: decimal.js's declarations are CommonJS-shaped, so in a
// Node ESM project (`node16`, `nodenext`) a default import of them is the whole module, not
// the class, and huzhu's emitted declarations would name a namespace where a type belongs.
import { Decimal } from 'decimal.js';

/**
 * huzhu's private Decimal constructor. `Decimal.set` would change the global that every
 * other package shares, so the library works on a clone with its own settings.
 * 40 significant digits hold any yuan amount below 10^12 times any six-decimal ratio exactly.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

export { Decimal };

/** decimal.js's base: each word of a coefficient holds seven decimal digits. */
const WORD = 1e7;
/** decimal.js's widest exponent (its EXP_LIMIT). */
const EXP_LIMIT = 9e15;

/** Whether `word` is a whole number that fits one word of a coefficient. */
function isWord(word: unknown): word is number {
  return Number.isInteger(word) && (word as number) >= 0 && (word as number) < WORD;
}

/** Digits of a leading word, 1 to 7. */
function wordDigits(word: number): number {
  return word === 0 ? 1 : Math.floor(Math.log10(word)) + 1;
}

/**
 * Whether `value` is a Decimal from any copy of decimal.js: its ESM or CommonJS build, any
 * clone, any version. `Decimal.isDecimal` only asks for a `toStringTag` field, which any
 * object can have, and an instance made with `Object.create` has no value: so the test is the
 * value's own fields, as decimal.js lays them out and as its constructor copies them (sign
 * `s`, exponent `e`, coefficient words `d`, or `d: null` for NaN and ±Infinity). A value that
 * passes can be read with `new Dec(value)` without calling any of its methods. A coefficient
 * of more than `maxWords` words (seven digits each) is refused before any is read.
 */
export function isRealDecimal(value: unknown, maxWords = Infinity): value is Decimal {
  if (!Decimal.isDecimal(value)) return false;
  const { s, e, d } = value as { s: unknown; e: unknown; d: unknown };
  if (d === null) return (s === 1 || s === -1 || Number.isNaN(s)) && Number.isNaN(e);
  if ((s !== 1 && s !== -1) || !Number.isInteger(e) || Math.abs(e as number) > EXP_LIMIT) return false;
  if (!Array.isArray(d) || d.length === 0 || d.length > maxWords) return false;
  // A loop, not `every`, which skips the holes of a sparse array.
  for (let at = 0; at < d.length; at += 1) if (!isWord(d[at])) return false;
  // Zero is [0] alone; otherwise the first and last words are not zero, and the exponent
  // places the decimal point between words: the first word has (e mod 7) + 1 digits.
  if (d.length === 1 && d[0] === 0) return e === 0;
  const first = d[0] as number;
  const last = d[d.length - 1] as number;
  return first !== 0 && last !== 0 && wordDigits(first) === ((((e as number) % 7) + 7) % 7) + 1;
}
