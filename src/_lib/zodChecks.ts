// zod's own checks that weigh more in a program's bundle than what huzhu needs of them,
// written out with the same issues (docs/benchmarks.md, "Bundle sizes").
import * as z from 'zod/mini';
import { addIssue } from './errors';

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

/**
 * `z.refine(test, { path, params: { code }, message })` as a plain check, with the same issue:
 * the one `addIssue` (errors.ts) reports. zod's refinement is a schema of a kind of its own,
 * which with `superRefine` weighs 0.2 KB of gzip in every bundle of huzhu's schemas.
 * test/zodChecks.test.ts holds both to zod's.
 */
// @__NO_SIDE_EFFECTS__
export function refine<T>(test: (value: T) => boolean, code: string, message: string, path?: readonly (string | number)[]): z.core.$ZodCheck<T> {
  return z.check<T>((payload) => {
    if (!test(payload.value)) addIssue(payload, code, message, path);
  });
}

/** `z.superRefine(check)` as a plain check: `check` reports its issues with `addIssue`. */
// @__NO_SIDE_EFFECTS__
export function superRefine<T>(check: (value: T, payload: z.core.ParsePayload<T>) => void): z.core.$ZodCheck<T> {
  return z.check<T>((payload) => check(payload.value, payload));
}

/**
 * `z.regex(pattern, { message })` for a pattern without the `g` or `y` flag, with the same
 * issue: `invalid_format`, the checks after it still run. zod's string-format checks weigh
 * 0.1 KB of gzip in every bundle. test/zodChecks.test.ts holds it to zod's.
 */
// @__NO_SIDE_EFFECTS__
export function regex(pattern: RegExp, message: string): z.core.$ZodCheck<string> {
  return z.check<string>((payload) => {
    if (!pattern.test(payload.value)) {
      payload.issues.push({ origin: 'string', code: 'invalid_format', format: 'regex', input: payload.value, pattern: String(pattern), message, continue: true });
    }
  });
}

/**
 * `z.readonly(list)`: the list's schema, whose parsed array is frozen by a last check.
 */
// @__NO_SIDE_EFFECTS__
export function readonly<S extends z.ZodMiniArray>(list: S): z.ZodMiniReadonly<S> {
  return list.check(z.overwrite(Object.freeze)) as never;
}
