import { describe, expect, it } from 'vitest';
import { evaluateClaim, explain, policies } from '../src';
import { enrolledMember, stay } from './_fixtures';

describe('explain', () => {
  const member = enrolledMember('guangxi', 2024);

  it('prints a death claim in full, with its published source', () => {
    const result = evaluateClaim(policies.guangxi[2024], member, { kind: 'death', id: 'd1', date: '2024-06-01' });
    const text = explain(result, { lang: 'en' }).split('\n');
    expect(text.slice(0, 5)).toEqual([
      'Claim d1 (death, 2024-06-01)',
      'Policy: Guangxi employee medical mutual aid, protection year 2024 (guangxi 2024)',
      'Pays 10000.00 yuan',
      '  1. Death benefit: 10000.00 yuan [1][2]',
      '     · fixed amount: 10000.00 yuan',
    ]);
    expect(text[5]).toBe('Sources:');
    expect(text[6]).toMatch(/^ {2}\[1\] Death benefit = 10000\.00 \(benefits\.death\.formula\.amount\): .*Guilin Daily.*“.*身故津贴从5000元提高到1万元/);
    // Nothing illustrative was used, so there is no legend.
    expect(text.some((line) => line.includes('※'))).toBe(false);
  });

  it('ends with the legend when an illustrative figure was used, and marks it', () => {
    const result = evaluateClaim(policies.guangxi[2024], member, stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00' }));
    const text = explain(result);
    expect(text).toContain('  1. 住院医疗互助补助※：2000.00 × 0.5 = 1000.00 元');
    expect(text).toContain('  2. 住院补贴：50.00 元/天 × 10 天 = 500.00 元');
    expect(text.split('\n').at(-1)).toBe('※ 示例参数：该数值未经公布，仅作演示，并非官方标准。');
  });

  it('writes refusal reasons as a person would', () => {
    const result = evaluateClaim(policies.guangxi[2023], member, { kind: 'death', id: 'd1', date: '2024-06-01' });
    expect(explain(result).split('\n').slice(2)).toEqual([
      '不予补助',
      '原因：',
      '  - 事件日期 2024-06-01 不在本办法适用期间（2023-01-01 至 2023-12-31）内。',
      '  - 该会员在 2024-06-01 没有有效的 guangxi 参保记录。',
    ]);
  });
});
