/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): hostile provenance in a
 * policy. A source's `url` is what a UI turns into a link, so only http and https pass; every
 * other field is bounded and strict. Each must be refused with an InvalidInputError naming the
 * field.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, parsePolicy } from '../src';
import { syntheticSpec } from './_fixtures';

const SOURCE = { publisher: { zh: '桂林日报', en: 'Guilin Daily' }, date: '2023-11', title: '标题' };

function deathWith(provenance: unknown) {
  return syntheticSpec([
    { id: 'death', label: { zh: '身故津贴', en: 'Death benefit' }, event: 'death', formula: { kind: 'lumpSum', amount: { value: '1', label: { zh: '身故', en: 'Death' }, provenance } } } as never,
  ]);
}

const cases: { name: string; provenance: unknown; path: string; code: string }[] = [
  { name: 'a javascript: address', provenance: { status: 'published', source: { ...SOURCE, url: 'javascript:alert(1)' } }, path: 'source.url', code: 'invalid_format' },
  { name: 'a data: address', provenance: { status: 'published', source: { ...SOURCE, url: 'data:text/html,<script>alert(1)</script>' } }, path: 'source.url', code: 'invalid_format' },
  { name: 'an empty publisher name', provenance: { status: 'published', source: { ...SOURCE, publisher: { zh: '' } } }, path: 'source.publisher.zh', code: 'too_small' },
  { name: 'a title of a megabyte', provenance: { status: 'published', source: { ...SOURCE, title: 'x'.repeat(1024 * 1024) } }, path: 'source.title', code: 'too_big' },
  { name: 'a date in full-width digits', provenance: { status: 'published', source: { ...SOURCE, date: '２０２３-11' } }, path: 'source.date', code: 'invalid_date' },
  { name: 'a note in a third language', provenance: { status: 'illustrative', note: { zh: '示例', fr: 'exemple' } }, path: 'note', code: 'unrecognized_keys' },
  { name: 'a note of a megabyte', provenance: { status: 'illustrative', note: { en: 'x'.repeat(1024 * 1024) } }, path: 'note.en', code: 'too_big' },
  { name: 'an unknown source field', provenance: { status: 'published', source: { ...SOURCE, file: 'shared/sources/a.txt' } }, path: 'source', code: 'unrecognized_keys' },
];

describe('hostile provenance', () => {
  it.each(cases)('refuses $name, naming the field', ({ provenance, path, code }) => {
    let error: unknown;
    try {
      parsePolicy(deathWith(provenance));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const [first] = (error as InvalidInputError).issues;
    // policy.benefits.0.formula.amount.provenance.… : the part below the provenance.
    expect([first?.path.slice(6).join('.'), first?.code]).toEqual([path, code]);
  });
});
