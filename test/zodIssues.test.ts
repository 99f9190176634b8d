/**
 * huzhu words the issues zod raises on its schemas itself, those without a message of their own, (src/_lib/locales/zodIssues.ts)
 * instead of setting zod's English locale for the whole program. Its wording must be zod's
 * English, word for word: on issues of every kind and shape its schemas raise, written out
 * below, and on every issue that huzhu's schemas raise on a list of wrong inputs. And zod's
 * locale is the program's: huzhu neither sets it nor reads it.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParse, string } from 'zod/mini';
import { config, globalConfig } from 'zod/v4/core';
import { evaluateClaim, policies } from '../src';
import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import { claimSchema, memberSchema } from '../src/_lib/inputSchemas';
import { englishIssue } from '../src/_lib/locales/zodIssues';
import { policySchema } from '../src/_lib/policySchema';
import { enrolledMember, firstIssue, syntheticSpec } from './_fixtures';

const zodEnglish = en().localeError;

class Money {}

const ISSUES = [
  ...['string', 'number', 'int', 'boolean', 'object', 'array', 'record', 'never'].flatMap((expected) =>
    [undefined, null, 'text', 3, NaN, Infinity, -Infinity, true, {}, [], new Money(), Object.create(null), () => 1].map((input) => ({ code: 'invalid_type', expected, input })),
  ),
  { code: 'invalid_value', values: ['published'], input: 'x' },
  { code: 'invalid_value', values: [2], input: 'x' },
  { code: 'invalid_value', values: ['stay', 'year'], input: 'x' },
  { code: 'invalid_value', values: ['1', '2', 3, true, null], input: 'x' },
  ...['too_big', 'too_small'].flatMap((code) =>
    ['string', 'array', 'number', 'int'].flatMap((origin) =>
      [{ inclusive: true }, { inclusive: false }].map((bound) => ({ code, origin, ...bound, maximum: 2000, minimum: 1, input: 'x' })),
    ),
  ),
  { code: 'too_big', origin: 'int', inclusive: true, maximum: Number.MAX_SAFE_INTEGER, input: 2 ** 60 },
  { code: 'unrecognized_keys', keys: ['ceiling'], input: {} },
  { code: 'unrecognized_keys', keys: ['ceiling', '11', 'a b'], input: {} },
  { code: 'invalid_key', origin: 'record', issues: [], input: 'x' },
  { code: 'invalid_union', errors: [], options: ['bands', 'perDay', 'lumpSum'], discriminator: 'kind', input: {} },
  { code: 'invalid_union', errors: [], options: [], input: {} },
  { code: 'invalid_union', errors: [], input: {} },
] as unknown as z.core.$ZodRawIssue[];

describe("huzhu's English of zod's issues", () => {
  it.each(ISSUES.map((issue, index) => [index, issue.code, issue] as const))('words issue %i (%s) as zod does', (_, __, issue) => {
    expect(englishIssue(issue)).toBe(zodEnglish(issue));
  });

  it('words every issue huzhu’s schemas raise on wrong inputs as zod does', () => {
    const seen: string[] = [];
    const error = (issue: z.core.$ZodRawIssue) => {
      expect(englishIssue(issue)).toBe(zodEnglish(issue));
      seen.push(issue.code);
      return englishIssue(issue);
    };
    const policy = syntheticSpec([{ id: 'a', label: { zh: '甲', en: 'A' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: { value: '1', label: { zh: '甲', en: 'A' }, provenance: { status: 'illustrative', note: 'x' } } } }]);
    const wrong: [z.core.$ZodType, unknown][] = [
      [policySchema, { ...policy, year: 1.5, extra: 1, conventions: { ...policy.conventions, yearBy: 'birthday' } }],
      [policySchema, { ...policy, scheme: 7, name: { zh: '', en: 'x'.repeat(501) }, benefits: [{ ...policy.benefits[0], formula: { kind: 'perWeek' } }] }],
      [policySchema, { ...policy, benefits: [{ ...policy.benefits[0], formula: { kind: 'gradeSchedule', maximum: policy.benefits[0]!.formula, shares: { value: { 11: '1' } } } }] }],
      [policySchema, { ...policy, year: 2 ** 60, contribution: { perMember: 5 } }],
      [policySchema, { ...policy, attributes: { member: { '9 lives': { label: { zh: '甲', en: 'A' } } } } }],
      [claimSchema, { kind: 'death', id: 7, date: null }],
      [claimSchema, { kind: 'stay', id: 'c' }],
      [claimSchema, 'a claim'],
      [memberSchema, { id: '', enrolments: [{ scheme: 'guangxi', year: NaN, shares: 0 }], extra: true }],
    ];
    // zod words a failed parse's issues when its error is first read.
    for (const [schema, value] of wrong) expect(safeParse(schema, value, { error }).error?.issues.length).toBeGreaterThan(0);
    // The inputs reach the kinds of issue that the schemas word with zod's English.
    expect(new Set(seen)).toEqual(new Set(['invalid_type', 'invalid_value', 'too_big', 'too_small', 'unrecognized_keys', 'invalid_union', 'invalid_key']));
  });

  it('words issues as zod does, by hand', () => {
    // The two ends of the comparisons above, written out, so that they cannot pass by both being wrong.
    expect(englishIssue({ code: 'invalid_type', expected: 'string', input: 3 } as z.core.$ZodRawIssue)).toBe('Invalid input: expected string, received number');
    expect(englishIssue({ code: 'unrecognized_keys', keys: ['ceiling'], input: {} } as unknown as z.core.$ZodRawIssue)).toBe('Unrecognized key: "ceiling"');
  });
});

describe("zod's locale", () => {
  const deathOfNumber = () => evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'death', id: 7, date: '2024-06-01' } as never);

  it("is the program's: huzhu's issues are English whatever locale the program gave zod", () => {
    const before = globalConfig.localeError;
    config({ localeError: () => 'en français' });
    try {
      expect(firstIssue(deathOfNumber)).toEqual({ path: ['claim', 'id'], code: 'invalid_type', message: 'Invalid input: expected string, received number' });
      // The program's own schemas keep the locale it set.
      expect(safeParse(string(), 7).error?.issues[0]?.message).toBe('en français');
    } finally {
      config({ localeError: before });
    }
  });

  it('is left unset by huzhu, as zod/mini leaves it', async () => {
    // Its own copy of zod, in a process of its own: zod keeps its settings on globalThis, which
    // this process's tests have set.
    const result = await build({
      stdin: {
        contents: `
          import { globalConfig } from 'zod/v4/core';
          import { evaluateClaim } from './src/core';
          import { guangxi } from './src/policies';
          let message;
          try {
            evaluateClaim(guangxi[2024], { id: 'm1', enrolments: [] }, { kind: 'death', id: 7, date: '2024-06-01' });
          } catch (error) {
            message = error.issues[0].message;
          }
          console.log(JSON.stringify({ message, locale: globalConfig.localeError === undefined }));`,
        resolveDir: join(import.meta.dirname, '..'),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    const output = execFileSync(process.execPath, ['--input-type=module', '-'], { input: result.outputFiles[0]!.text, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ message: 'Invalid input: expected string, received number', locale: true });
  });
});
