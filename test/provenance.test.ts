/**
 * Provenance in explanations (issue 13): a note in one language is shown marked in the other,
 * a source is named by publisher, date and title, and huzhu 0.2 rule files, whose `source`
 * and `note` are plain text, are still read.
 */
import { describe, expect, it } from 'vitest';
import { buildExplanation, evaluateClaim, parsePolicy, policies, safeParsePolicy, type PolicyInput } from '../src';
import { parametersOf } from '../src/_lib/parameters';
import { enrolledMember, stay, syntheticSpec } from './_fixtures';

const GAZETTE = { publisher: { zh: '测试公报', en: 'Test Gazette' }, date: '2024-01-15', title: '住院补贴每天四十元', url: 'https://example.org/gazette/1' };

function allowanceWith(provenance: unknown): PolicyInput {
  return syntheticSpec([
    { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: { value: '40', label: { zh: '每天', en: 'per day' }, provenance } } } as PolicyInput['benefits'][number],
  ]);
}

const explainWith = (provenance: unknown, lang: 'zh' | 'en') =>
  buildExplanation(evaluateClaim(parsePolicy(allowanceWith(provenance)), enrolledMember('test', 2024), stay('s', '2024-03-01', '2024-03-03')), { lang }).sources[0]!;

describe('provenance notes', () => {
  it('shows a note in the chosen language when the policy gives both', () => {
    const provenance = { status: 'illustrative', note: { zh: '示例数值', en: 'example value' } };
    expect(explainWith(provenance, 'zh').text).toBe('示例参数：示例数值');
    expect(explainWith(provenance, 'en').text).toBe('illustrative: example value');
  });

  it('shows a note given only in English, marked, in a Chinese explanation, and unmarked in an English one', () => {
    const provenance = { status: 'illustrative', note: { en: 'example value' } };
    expect(explainWith(provenance, 'zh')).toMatchObject({ text: '示例参数：example value（仅有英文说明）', note: { text: 'example value', lang: 'en' } });
    expect(explainWith(provenance, 'en').text).toBe('illustrative: example value');
  });

  it('shows a note given only in Chinese, marked, in an English explanation', () => {
    const provenance = { status: 'published', source: GAZETTE, note: { zh: '按公报推算' } };
    expect(explainWith(provenance, 'en')).toMatchObject({ note: { text: '按公报推算', lang: 'zh' } });
    expect(explainWith(provenance, 'en').text).toMatch(/; note: 按公报推算 \(note in Chinese only\)$/);
    expect(explainWith(provenance, 'zh').text).toMatch(/；说明：按公报推算$/);
  });

  it('reads a plain-text note (huzhu 0.2) as the language most of its letters are in', () => {
    expect(explainWith({ status: 'illustrative', note: 'not published; 2024 figure (not 2023)' }, 'zh').text).toBe('示例参数：not published; 2024 figure (not 2023)（仅有英文说明）');
    expect(explainWith({ status: 'illustrative', note: '未公布，参照 2023 年 Guilin 标准' }, 'en').text).toBe('illustrative: 未公布，参照 2023 年 Guilin 标准 (note in Chinese only)');
  });
});

describe('published sources', () => {
  it('names a source by publisher, date and title, and gives its parts to a UI', () => {
    const zh = explainWith({ status: 'published', source: GAZETTE, quote: '每天40元' }, 'zh');
    expect(zh).toMatchObject({
      value: '40 元',
      publication: { publisher: '测试公报', date: '2024-01-15', title: '住院补贴每天四十元', url: 'https://example.org/gazette/1', citation: '《测试公报》2024年1月15日，“住院补贴每天四十元”' },
      quote: '每天40元',
      note: null,
      text: '《测试公报》2024年1月15日，“住院补贴每天四十元”；原文：“每天40元”',
    });
    expect(explainWith({ status: 'published', source: GAZETTE, quote: '每天40元' }, 'en').text).toBe('Test Gazette, 15 January 2024, “住院补贴每天四十元”; quote: “每天40元”');
  });

  it('cites a source known only by publisher and month, and a publisher named in one language', () => {
    const source = { publisher: { zh: '工人日报' }, date: '2024-08' };
    expect(explainWith({ status: 'published', source }, 'zh').text).toBe('《工人日报》2024年8月');
    expect(explainWith({ status: 'published', source: { ...source, date: '2024' } }, 'en').text).toBe('工人日报, 2024');
  });

  it('reads a huzhu 0.2 rule file: a plain-text source is shown as written', () => {
    const old = JSON.stringify(allowanceWith({ status: 'published', source: 'Test gazette, 2024', quote: '每天40元', note: 'derived' }));
    const policy = parsePolicy(old);
    const source = buildExplanation(evaluateClaim(policy, enrolledMember('test', 2024), stay('s', '2024-03-01', '2024-03-03')), { lang: 'en' }).sources[0]!;
    expect(source).toMatchObject({ publication: { publisher: null, date: null, title: null, url: null, citation: 'Test gazette, 2024' }, text: 'Test gazette, 2024; quote: “每天40元”; note: derived' });
  });

  it.each([
    { name: 'a note in no language', provenance: { status: 'illustrative', note: {} }, path: 'note', code: 'missing_language' },
    { name: 'a publisher in no language', provenance: { status: 'published', source: { ...GAZETTE, publisher: {} } }, path: 'source.publisher', code: 'missing_language' },
    { name: 'a month 13', provenance: { status: 'published', source: { ...GAZETTE, date: '2023-13' } }, path: 'source.date', code: 'invalid_date' },
    { name: '30 February', provenance: { status: 'published', source: { ...GAZETTE, date: '2024-02-30' } }, path: 'source.date', code: 'invalid_date' },
    { name: 'an address that is not http', provenance: { status: 'published', source: { ...GAZETTE, url: 'file:///work/shared/sources/a.txt' } }, path: 'source.url', code: 'invalid_format' },
  ])('refuses $name, naming the path', ({ provenance, path, code }) => {
    const result = safeParsePolicy(allowanceWith(provenance));
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues.map((issue) => [issue.path.slice(6).join('.'), issue.code])).toEqual([[path, code]]);
  });
});

describe('the bundled policies', () => {
  it('give every provenance note in both languages, and name every source by publisher and date', () => {
    const provenances = Object.values(policies).flatMap((versions) => Object.values(versions).flatMap((policy) => [...parametersOf(policy).values()].map((p) => p.provenance)));
    expect(provenances.filter((p) => p.note !== undefined && (typeof p.note === 'string' || p.note.zh === undefined || p.note.en === undefined))).toEqual([]);
    expect(provenances.filter((p) => p.status === 'published' && (typeof p.source === 'string' || p.source.publisher.zh === undefined || p.source.publisher.en === undefined))).toEqual([]);
  });
});
