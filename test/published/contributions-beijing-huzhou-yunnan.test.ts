/**
 * Contributions of Beijing's 2011 allowance plan (1168.tv news 23946), Huzhou 2012
 * (zjol.com.cn, 15 June 2012) and Yunnan 2012, as reported: what a case file cannot check,
 * since it settles claims and these are assessed with assessContributions. The worked
 * examples of their benefits are in src/policies/<scheme>/<year>.cases.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessContributions, parsePolicy } from '../../src';

// Read from the rule file, through the same validation as a user's file.
const ruleFile = (path: string) => parsePolicy(JSON.parse(readFileSync(new URL(`../../src/policies/${path}`, import.meta.url), 'utf8')));

describe('contributions as reported', () => {
  it('Beijing 2011: 60 yuan a member, so a unit of 250 pays 250 × 60 = 15,000', () => {
    const assessment = assessContributions(ruleFile('beijing-allowance/2011.json'), [{ id: 'unit', count: 250 }]);
    expect(assessment.total.toFixed(2)).toBe('15000.00');
    expect(assessment.illustrative).toBe(false);
  });

  it('Huzhou 2012: 50 yuan a member, so a unit of 250 pays 250 × 50 = 12,500', () => {
    const assessment = assessContributions(ruleFile('huzhou/2012.json'), [{ id: 'unit', count: 250 }]);
    expect(assessment.total.toFixed(2)).toBe('12500.00');
    expect(assessment.illustrative).toBe(false);
  });

  it('Yunnan 2012: 100 yuan for a new member and 80 for a continuing one, so 3 new and 2 continuing pay 3 × 100 + 2 × 80 = 460', () => {
    const assessment = assessContributions(ruleFile('yunnan/2012.json'), [
      { id: 'new', count: 3 },
      { id: 'renewing', count: 2, continuing: true },
    ]);
    expect(assessment.members).toBe(5);
    expect(assessment.total.toFixed(2)).toBe('460.00');
  });
});
