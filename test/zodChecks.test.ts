/**
 * huzhu's own checks (src/_lib/zodChecks.ts), which its schemas use in place of zod's to keep
 * zod's code for them out of a program's bundle: each must give what zod's gives, the value or
 * every issue (path, code, message). `int()` stands for `z.int()` on every number below, alone
 * and before the bounds huzhu puts after it; `refine()` and `superRefine()` for zod's, alone,
 * before and after other checks, and inside the unions that read whether an issue stops the parse.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidInputError, validate } from '../src/_lib/errors';
import { addIssue } from '../src/_lib/errors';
import { englishIssue } from '../src/_lib/locales/zodIssues';
import { int, readonly, refine, regex, superRefine } from '../src/_lib/zodChecks';
import { setUpZod } from '../src/_lib/zodSetup';

const ROOT = join(import.meta.dirname, '..');

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

/** What zod's own parse gives, finalized: the raw issues with their `params`, or the value. */
function raw(schema: z.ZodMiniType, value: unknown): unknown {
  const parsed = z.safeParse(schema, value, { error: englishIssue });
  return parsed.success ? { value: parsed.data } : parsed.error.issues;
}

/** Each schema made both ways: with zod's refinements (`zod`) and with huzhu's (`huzhu`). */
function range(by: 'zod' | 'huzhu') {
  const ordered = (r: { from: number; to: number }) => r.to >= r.from;
  const notSeven = (r: { from: number; to: number }) => r.from !== 7;
  const sum = (r: { from: number; to: number }, ctx: z.core.ParsePayload<{ from: number; to: number }>) => {
    if (r.from + r.to > 10) addIssue(ctx, 'too_much', 'expected at most 10 in all', ['to']);
    if (r.from < 0) addIssue(ctx, 'negative', 'expected a start of at least 0');
  };
  return z.strictObject({ from: z.number(), to: z.number() }).check(
    by === 'zod' ? z.refine(ordered, { path: ['to'], params: { code: 'ends_before_start' }, message: 'expected "to" at least "from"' }) : refine(ordered, 'ends_before_start', 'expected "to" at least "from"', ['to']),
    by === 'zod' ? z.superRefine((r, ctx) => sum(r, ctx)) : superRefine(sum),
    by === 'zod' ? z.refine(notSeven, { params: { code: 'seven' }, message: 'expected no 7' }) : refine(notSeven, 'seven', 'expected no 7'),
  );
}

const word = (by: 'zod' | 'huzhu') => z.string().check(
  z.maxLength(5),
  by === 'zod' ? z.refine((text: string) => text !== 'no', { params: { code: 'said_no' }, message: 'expected anything but "no"' }) : refine((text: string) => text !== 'no', 'said_no', 'expected anything but "no"'),
);

const schemas = {
  range,
  'range in a list': (by: 'zod' | 'huzhu') => z.array(range(by)),
  // A union returns the issues of its one branch that did not stop: a refinement's issue must not stop it.
  'word or number': (by: 'zod' | 'huzhu') => z.union([word(by), z.number()]),
  'range or word': (by: 'zod' | 'huzhu') => z.union([range(by), word(by)]),
};

const VALUES = [
  { from: 1, to: 2 }, { from: 2, to: 1 }, { from: 7, to: 1 }, { from: 9, to: 9 }, { from: -5, to: -9 }, { from: 7, to: 8 },
  { from: 1 }, { from: '1', to: 2 }, { from: 1, to: 2, extra: true }, null, 'no', 'yes', 'longer', 3, [],
];

describe('refine() and superRefine()', () => {
  const cases = (Object.keys(schemas) as (keyof typeof schemas)[]).flatMap((name) => VALUES.map((value) => [name, value] as const));
  it.each(cases)('%s: reads %j as zod does', (name, value) => {
    const make = schemas[name];
    const input = name === 'range in a list' ? [value, value] : value;
    expect(read(make('huzhu'), input)).toEqual(read(make('zod'), input));
    expect(raw(make('huzhu'), input)).toEqual(raw(make('zod'), input));
  });

  it('reports every failed check, with its path and code', () => {
    // One end of the comparison above, by hand, so that it cannot pass by both being wrong.
    expect(read(range('huzhu'), { from: 7, to: 5 })).toEqual([
      { path: ['n', 'to'], code: 'ends_before_start', message: 'expected "to" at least "from"' },
      { path: ['n', 'to'], code: 'too_much', message: 'expected at most 10 in all' },
      { path: ['n'], code: 'seven', message: 'expected no 7' },
    ]);
    expect(read(schemas['word or number']('huzhu'), 'no')).toEqual([{ path: ['n'], code: 'said_no', message: 'expected anything but "no"' }]);
    expect(read(range('huzhu'), { from: 1, to: 2 })).toEqual({ value: { from: 1, to: 2 } });
  });
});

describe('regex()', () => {
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // A check without a `when` after it, which runs only when the pattern's issue lets the checks go on.
  const noM = z.refine<string>((text) => !text.includes('M'), { message: 'expected no M' });
  const slug = (by: 'zod' | 'huzhu') => z.string().check(by === 'zod' ? z.regex(SLUG, { message: 'expected a slug' }) : regex(SLUG, 'expected a slug'), z.maxLength(8), noM);
  it.each(['guangxi', 'a-b', 'Guangxi', '-a', 'a--b', '', 'much-too-long', 'Much-too-long', 3, null])('reads %j as z.regex() does', (value) => {
    expect(read(slug('huzhu'), value)).toEqual(read(slug('zod'), value));
    expect(raw(slug('huzhu'), value)).toEqual(raw(slug('zod'), value));
    expect(read(z.array(slug('huzhu')), [value])).toEqual(read(z.array(slug('zod')), [value]));
  });

  it('refuses text off the pattern, and reads the checks after it', () => {
    expect(read(slug('huzhu'), 'Much-too-long')).toEqual([
      { path: ['n'], code: 'invalid_format', message: 'expected a slug' },
      { path: ['n'], code: 'too_big', message: 'Too big: expected string to have <=8 characters' },
      { path: ['n'], code: 'custom', message: 'expected no M' },
    ]);
  });
});

describe('one-value enums for tags', () => {
  const tagged = (tag: (value: 'a' | 'b') => z.ZodMiniType) => z.discriminatedUnion('kind', [z.strictObject({ kind: tag('a'), n: z.number() }), z.strictObject({ kind: tag('b') })]);
  it.each([{ kind: 'a', n: 1 }, { kind: 'a' }, { kind: 'b' }, { kind: 'c' }, { n: 1 }, 'a', null])('reads %j as z.literal does', (value) => {
    expect(read(tagged((tag) => z.enum([tag])), value)).toEqual(read(tagged((tag) => z.literal(tag)), value));
    expect(read(z.enum(['a']), value)).toEqual(read(z.literal('a'), value));
  });

  it('words a wrong value as zod words it for a literal', () => {
    expect(read(z.enum(['dayAfterEnrolment']), 'x')).toEqual([{ path: ['n'], code: 'invalid_value', message: 'Invalid input: expected "dayAfterEnrolment"' }]);
  });
});

// zod's code for each kind of schema names it, as a string esbuild keeps when it minifies. The
// settlement path leaves out every kind huzhu's own checks replace; the whole library too,
// but for zod's refinement, which a custom schema of simulateBook's options still brings.
describe('readonly()', () => {
  const list = (kind: 'huzhu' | 'zod') => {
    const items = z.array(z.number().check(z.gte(0))).check(z.minLength(1));
    return kind === 'huzhu' ? readonly(items) : z.readonly(items);
  };
  it.each([[[1, 2]], [[]], [[1, -1]], ['x'], [null]])('reads %j as zod does', (value) => {
    expect(read(list('huzhu'), value)).toEqual(read(list('zod'), value));
  });

  it('freezes the list it returns, never the input', () => {
    const input = [1, 2];
    const value = validate(list('huzhu'), input, 'n');
    expect(value).toEqual([1, 2]);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
  });
});

describe('zod kinds left out of the bundle', () => {
  async function kinds(code: string): Promise<string[]> {
    const result = await build({ stdin: { contents: code, resolveDir: ROOT, loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
    return [...new Set(result.outputFiles[0]!.text.match(/\$Zod[A-Za-z]+/g))];
  }
  const REPLACED = ['$ZodLiteral', '$ZodReadonly', '$ZodCustom', '$ZodCheckNumberFormat', '$ZodURL', '$ZodCheckRegex', '$ZodCheckStringFormat'];

  it.each([
    ['the settlement path', "export { createRegistry, evaluateClaim, selectPolicy } from './src/core'; export { guangxi } from './src/policies';", REPLACED],
    ['the whole library', "export * from './src';", REPLACED],
  ])('%s', async (_, code, absent) => {
    const present = await kinds(code);
    expect(present).toContain('$ZodObject');
    expect(present.filter((kind) => absent.includes(kind))).toEqual([]);
  });
});
