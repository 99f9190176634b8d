// The zod schemas of money, apart from money.ts so that toYuan, which needs none of zod, can be
// bundled without it.
import * as z from 'zod';
import { Dec, type Decimal } from './decimal';
import { addIssue } from './errors';
import { describe, readYuan, type YuanInput } from './money';

/**
 * A schema that reads any value, typed with the input callers should give it. A function, not
 * `as` around each schema: Stryker does not mutate code under `as` (stryker-js issue #6208).
 */
function withInput<Output, Input>(schema: z.ZodType<Output>): z.ZodType<Output, Input> {
  return schema as unknown as z.ZodType<Output, Input>;
}

/** Zod schema for an amount of yuan: validates, and yields a Decimal. */
export const yuanSchema = withInput<Decimal, YuanInput>(
  z.unknown().transform((value, ctx) => {
    const amount = readYuan(value);
    if (typeof amount === 'string') {
      addIssue(ctx, 'invalid_yuan', amount);
      return z.NEVER;
    }
    return amount;
  }),
);

/** Zod schema for an amount kept in policy data: canonical two-decimal string, so policies stay JSON. */
export const policyYuanSchema = withInput<string, YuanInput>(yuanSchema.transform((amount) => amount.toFixed(2)));

const PLAIN_RATIO = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;

/**
 * A share between 0 and 1 with at most six decimals, kept as a canonical decimal string. Any
 * value reaches the one check, so NaN or null is told what a ratio is, not "expected string".
 */
export const ratioSchema = withInput<string, string | number>(
  z.unknown().transform((value, ctx) => {
    // NaN and ±Infinity need no check of their own: as text they fail the pattern.
    const text = typeof value === 'number' ? String(value) : value;
    // The type check is needed: the pattern would read [0.5] as "0.5".
    if (typeof text !== 'string' || !PLAIN_RATIO.test(text)) {
      addIssue(ctx, 'invalid_ratio', `expected a ratio from 0 to 1 with at most six decimals, like "0.5"; got ${describe(value)}`);
      return z.NEVER;
    }
    return new Dec(text).toString();
  }),
);
