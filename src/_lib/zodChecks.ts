// zod's own checks that weigh more in a program's bundle than what huzhu needs of them,
// written out with the same issues (docs/benchmarks.md, "Bundle sizes").
import * as z from 'zod/mini';

/**
 * A safe integer, as `z.int()` checks a number, with the same issues: `invalid_type`
 * (expected `int`) for a fraction, which stops the checks after it, and `too_big` or
 * `too_small` past ±(2^53 − 1). zod's number formats bring 0.3 KB of gzip into every bundle of
 * a schema that uses one. test/zodChecks.test.ts holds it to zod's.
 */
// @__NO_SIDE_EFFECTS__
export function int(): z.core.$ZodCheck<number> {
  return z.check<number>((payload) => {
    const input = payload.value;
    if (!Number.isInteger(input)) {
      payload.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', continue: false, input });
    } else if (!Number.isSafeInteger(input)) {
      const bound = { input, origin: 'int', inclusive: true, note: 'Integers must be within the safe integer range.', continue: true } as const;
      payload.issues.push(input > 0 ? { ...bound, code: 'too_big', maximum: Number.MAX_SAFE_INTEGER } : { ...bound, code: 'too_small', minimum: Number.MIN_SAFE_INTEGER });
    }
  });
}
