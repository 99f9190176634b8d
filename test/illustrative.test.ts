import { describe, expect, it } from 'vitest';
import { buildExplanation, evaluateClaim, illustrative } from '../src';
import { enrolledMember, stay, syntheticPolicy } from './_fixtures';

describe('illustrative', () => {
  it('writes the provenance a JSON rule file writes', () => {
    expect(illustrative({ zh: '示例', en: 'example' })).toStrictEqual({ status: 'illustrative', note: { zh: '示例', en: 'example' } });
  });

  it('is accepted by definePolicy, and a claim paid from the value is marked illustrative with the note', () => {
    const policy = syntheticPolicy([
      {
        id: 'allowance',
        label: { zh: '住院补贴', en: 'Allowance' },
        event: 'hospitalisation',
        formula: { kind: 'perDay', amount: { value: '40', label: { zh: '每天', en: 'per day' }, provenance: illustrative({ zh: '示例', en: 'example' }) } },
      },
    ]);
    const result = evaluateClaim(policy, enrolledMember('test', 2024), stay('s', '2024-03-01', '2024-03-03'));
    expect(result.illustrative).toBe(true);
    expect(buildExplanation(result, { lang: 'en' }).sources[0]?.text).toBe('illustrative: example');
  });
});
