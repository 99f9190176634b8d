/**
 * Zhangjiajie 2014's contribution, which a case file cannot check (the worked examples are in
 * src/policies/zhangjiajie/2014.cases.json). Source: cn-zhangjiajie.cn, as summarised in
 * ../shared/schemes.md: "Zhangjiajie 2014 (cn-zhangjiajie.cn): 50 yuan".
 */
import { expect, it } from 'vitest';
import { assessContributions, parsePolicy } from '../../src';
import file from '../../src/policies/zhangjiajie/2014.json';

it('a unit of 20 members contributes 20 × 50 = 1,000 yuan in 2014', () => {
  const assessment = assessContributions(parsePolicy(file), [{ id: 'unit', count: 20 }]);
  expect(assessment.total.toFixed(2)).toBe('1000.00');
  expect(assessment.byPayer.memberOrUnit.members).toBe(20);
});
