// The zod schemas of money, apart from money.ts so that toYuan, which needs none of zod, can be
// bundled without it.
import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { Dec, type Decimal } from './decimal';
import { describe, readYuan, type YuanInput } from './money';

setUpZod();

/**
 * A schema that reads any value, typed with the input callers should give it. A function, not
 * `as` around each schema: Stryker does not mutate code under `as` (stryker-js issue #6208).
 */
function withInput<Output, Input>(schema: z.ZodMiniType<Output>): z.ZodMiniType<Output, Input> {
  return schema as unknown as z.ZodMiniType<Output, Input>;
}

/**
 * Refuses the value a transform reads with one of huzhu's codes: the issue `addIssue` (errors.ts)
 * reports from a refinement, pushed by hand, since zod/mini gives a transform no `addIssue`.
 */
function refuse(payload: z.core.ParsePayload, code: string, message: string): never {
  payload.issues.push({ code: 'custom', path: [], params: { code }, message, input: payload.value });
  return z.NEVER;
}

/** Zod schema for an amount of yuan: validates, and yields a Decimal. */
export const yuanSchema = withInput<Decimal, YuanInput>(
  z.pipe(z.unknown(), z.transform((value, ctx) => {
    const amount = readYuan(value);
    if (typeof amount === 'string') {
      return refuse(ctx, 'invalid_yuan', amount);
    }
    return amount;
  })),
);

/** Zod schema for an amount kept in policy data: canonical two-decimal string, so policies stay JSON. */
export const policyYuanSchema = withInput<string, YuanInput>(z.pipe(yuanSchema, z.transform((amount) => amount.toFixed(2))));

const PLAIN_RATIO = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;

/**
 * A share between 0 and 1 with at most six decimals, kept as a canonical decimal string. Any
 * value reaches the one check, so NaN or null is told what a ratio is, not "expected string".
 */
export const ratioSchema = withInput<string, string | number>(
  z.pipe(z.unknown(), z.transform((value, ctx) => {
    // NaN and ±Infinity need no check of their own: as text they fail the pattern.
    const text = typeof value === 'number' ? String(value) : value;
    // The type check is needed: the pattern would read [0.5] as "0.5".
    if (typeof text !== 'string' || !PLAIN_RATIO.test(text)) {
      return refuse(ctx, 'invalid_ratio', `expected a ratio from 0 to 1 with at most six decimals, like "0.5"; got ${describe(value)}`);
    }
    return new Dec(text).toString();
  })),
);
