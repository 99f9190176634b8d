import { describe, expect, it } from 'vitest';
import { buildExplanation, evaluateClaim, published } from '../src';
import { enrolledMember, stay, syntheticPolicy } from './_fixtures';

const GAZETTE = { publisher: { zh: '测试公报', en: 'Test Gazette' }, date: '2024-01-15', title: '住院补贴每天四十元' };

const allowanceCitedAs = (provenance: ReturnType<typeof published>) =>
  syntheticPolicy([
    { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: { value: '40', label: { zh: '每天', en: 'per day' }, provenance } } },
  ]);

describe('published', () => {
  it('writes the provenance a JSON rule file writes, with no note key when no note is given', () => {
    expect(published(GAZETTE, '每天40元')).toStrictEqual({ status: 'published', source: GAZETTE, quote: '每天40元' });
    expect(published(GAZETTE, '每天40元', { en: 'per day of stay' })).toStrictEqual({ status: 'published', source: GAZETTE, quote: '每天40元', note: { en: 'per day of stay' } });
  });

  it('is accepted by definePolicy, and a claim paid from the value cites the source and is not marked illustrative', () => {
    const result = evaluateClaim(allowanceCitedAs(published(GAZETTE, '每天40元')), enrolledMember('test', 2024), stay('s', '2024-03-01', '2024-03-03'));
    expect(result.illustrative).toBe(false);
    expect(buildExplanation(result, { lang: 'en' }).sources[0]).toMatchObject({ status: 'published', quote: '每天40元' });
  });
});
