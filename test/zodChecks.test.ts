/**
 * huzhu's own `int()` check (src/_lib/zodChecks.ts), which its schemas use in place of zod's
 * `z.int()` to keep zod's number formats out of a program's bundle: on every number below,
 * alone and before the bounds huzhu puts after it, it must give what `z.int()` gives, the
 * value or every issue (path, code, message).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidInputError, validate } from '../src/_lib/errors';
import { int } from '../src/_lib/zodChecks';
import { setUpZod } from '../src/_lib/zodSetup';

// zod's English messages, as every module of huzhu that makes schemas sets them up.
setUpZod();

function read(schema: z.ZodMiniType, value: unknown): unknown {
  try {
    return { value: validate(schema, value, 'n') };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return error.issues;
  }
}

const NUMBERS = [0, -0, 1, -1, 7, 100_000, 100_001, 1.5, -0.5, 0.1 + 0.2, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, -1e21, Number.MAX_VALUE, Number.EPSILON, NaN, Infinity, -Infinity, '1', null];

describe('int()', () => {
  it.each(NUMBERS)('reads %s as z.int() does', (value) => {
    expect(read(z.number().check(int()), value)).toEqual(read(z.number().check(z.int()), value));
    expect(read(z.number().check(int(), z.gte(1), z.lte(100_000)), value)).toEqual(read(z.number().check(z.int(), z.gte(1), z.lte(100_000)), value));
  });

  it('refuses a fraction and an unsafe integer, as zod words it', () => {
    // The two ends of the comparison above, by hand, so that it cannot pass by both being wrong.
    expect(read(z.number().check(int(), z.gte(1)), 0.5)).toEqual([{ path: ['n'], code: 'invalid_type', message: 'Invalid input: expected int, received number' }]);
    expect(read(z.number().check(int()), 2 ** 53)).toEqual([{ path: ['n'], code: 'too_big', message: 'Too big: expected int to be <=9007199254740991' }]);
    expect(read(z.number().check(int()), 3)).toEqual({ value: 3 });
  });
});
