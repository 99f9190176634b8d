/**
 * Guangxi 2025 figures a case file cannot check (src/policies/guangxi/2025.cases.json has the
 * worked examples): contributions by product, and which parameter a stay's subsidy rests on.
 * Source: Guilin Evening News (桂林晚报), 4 September 2024, “2025年度职工医疗互助保障”, as
 * summarised in ../shared/schemes.md: "互助1号 … 100 yuan per member per year; 互助2号 … 130 yuan".
 */
import { describe, expect, it } from 'vitest';
import { assessContributions, evaluateYear, parsePolicy } from '../../src';
import file from '../../src/policies/guangxi/2025.json';

const policy = parsePolicy(file);
const member = { id: 'm', attributes: { product: '1' }, enrolments: [{ scheme: 'guangxi', year: 2025, from: '2025-01-01', to: '2025-12-31' }] };
const stay = (id: string, admission: string, discharge: string) => ({
  kind: 'hospitalisation' as const,
  id,
  admission,
  discharge,
  cause: 'illness' as const,
  costs: { total: '12000.00', insurancePaid: '7000.00', inScopeCopay: '4000.00', selfPaid: '1000.00' },
});

describe('Guangxi 2025 contributions (Guilin Evening News, 4 September 2024)', () => {
  it('10 members in 互助1号 and 5 in 互助2号 contribute 10 × 100 + 5 × 130 = 1,650 yuan', () => {
    const assessment = assessContributions(policy, [
      { id: 'unit-1', count: 10, attributes: { product: '1' } },
      { id: 'unit-2', count: 5, attributes: { product: '2' } },
    ]);
    expect(assessment.total.toFixed(2)).toBe('1650.00');
    expect(assessment.byPayer.memberOrUnit.amount.toFixed(2)).toBe('1650.00');
    expect(assessment.illustrative).toBe(true); // nobody is published to pay for others: the payer rules are illustrative
  });
});

describe('what a Guangxi 2025 stay subsidy rests on', () => {
  it('a first stay takes the published exemption; a second, its per-stay reading, marked illustrative', () => {
    const result = evaluateYear(policy, member, [stay('first', '2025-04-01', '2025-04-04'), stay('second', '2025-09-01', '2025-09-04')]);
    const cited = result.results.map((claim) =>
      claim.lines[0]!.citations.filter((c) => c.parameter.includes('deductible')).map((c) => [c.parameter, c.provenance.status]),
    );
    expect(cited).toEqual([
      [['benefits.hospitalisation.formula.deductible', 'published']],
      [['benefits.hospitalisation.formula.deductible.variants[0]', 'illustrative']],
    ]);
  });

  it('a first stay rests on published figures only: the first hospitalisation subsidy huzhu ships that is not illustrative', () => {
    // The edges are read after the exemption, the usual reading, said in the bands' note; only a second stay's exemption is a reading marked illustrative.
    const result = evaluateYear(policy, member, [stay('s', '2025-04-01', '2025-04-04'), { kind: 'death', id: 'd', date: '2025-10-01' }]);
    const statuses = Object.fromEntries(result.results.flatMap((claim) => claim.lines.flatMap((line) => line.citations.map((c) => [c.parameter, c.provenance.status]))));
    expect(statuses['benefits.hospitalisation.formula.bands']).toBe('published');
    expect(statuses['benefits.death.formula.amount']).toBe('published');
    expect(result.results.map((claim) => claim.illustrative)).toEqual([false, false]);
  });
});
