/**
 * A source's `url` is checked by huzhu's own schema, not zod's `z.url()` (whose code weighs
 * 0.4 KB of gzip in every bundle that reads a policy; docs/benchmarks.md, "Bundle sizes").
 * It must accept, give and refuse exactly as zod's did: each address below goes through a
 * policy and through zod's schema as huzhu wrote it before, and the two must agree on the
 * value kept or on every issue (path, code, message).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { safeParsePolicy, type PolicyInput } from '../src';
import { validate, InvalidInputError } from '../src/_lib/errors';
import { syntheticSpec } from './_fixtures';

const GAZETTE = { publisher: { zh: '测试公报', en: 'Test Gazette' }, date: '2024-01-15' };

/** huzhu's schema of a source's address until 0.4, zod's URL schema. */
const zodUrl = z.strictObject({ url: z.optional(z.url({ protocol: /^https?$/, error: 'expected an http or https address' }).check(z.maxLength(2000))) });

function byZod(url: unknown): unknown {
  try {
    return { url: validate(zodUrl, { url }, []).url };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return error.issues;
  }
}

function byHuzhu(url: unknown): unknown {
  const provenance = { status: 'published', source: { ...GAZETTE, url } };
  const result = safeParsePolicy(
    syntheticSpec([
      { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: { value: '40', label: { zh: '每天', en: 'per day' }, provenance } } } as PolicyInput['benefits'][number],
    ]),
  );
  if (result.success) {
    const formula = result.data.benefits[0]!.formula as { amount: { provenance: { source: { url?: string } } } };
    return { url: formula.amount.provenance.source.url };
  }
  // The path below the source, as zod's schema above gives it.
  return result.error.issues.map(({ path, code, message }) => ({ path: path.slice(path.indexOf('source') + 1), code, message }));
}

describe("a source's address", () => {
  it.each([
    'https://example.org/gazette/1',
    'http://example.org',
    'HTTPS://Example.ORG/A?b=c#d',
    '  https://example.org/padded  ',
    'https://exa\nmple.org/line\tbreaks\r',
    '\thttps://example.org\n',
    'https://例子.测试/路径',
    'http://[::1]:8080/',
    'https://user:pass@example.org',
    'http:example.org',
    'https:/example.org',
    'https://',
    'https://exa mple.org',
    'https://%zz',
    'ftp://example.org',
    'file:///work/shared/sources/a.txt',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'example.org',
    '',
    '   ',
    `https://example.org/${'a'.repeat(2000)}`,
    `  https://example.org/${'a'.repeat(1975)}  `,
    'x'.repeat(2001),
    5,
    null,
    true,
    {},
    ['https://example.org'],
  ])('%j: as zod read it', (url) => {
    expect(byHuzhu(url)).toEqual(byZod(url));
  });

  it('keeps an address that zod keeps, trimmed, and refuses one that is not http, as zod does', () => {
    // The two ends of the comparison above, by hand, so that it cannot pass by both being wrong.
    expect(byHuzhu(' https://example.org/a ')).toEqual({ url: 'https://example.org/a' });
    expect(byHuzhu('ftp://example.org')).toEqual([{ path: ['url'], code: 'invalid_format', message: 'expected an http or https address' }]);
  });
});
