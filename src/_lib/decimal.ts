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
