import { describe, expect, it } from 'vitest';
import { buildExplanation, evaluateClaim, evaluateCondolence, evaluateYear, InvalidInputError, policies, type ClaimResult } from '../src';
import { enrolledMember, stay, syntheticPolicy } from './_fixtures';

const GAZETTE = { publisher: { zh: '测试公报', en: 'Test Gazette' }, date: '2024-01-15', title: '住院补贴每天四十元' };

// A published-only policy keeps these explanations free of illustrative marks, so each
// figure can be checked by hand: 40 yuan a day, a 300-yuan cap per claim, 1,000 a year.
// Gazettes 2 and 3 are named by plain text, as huzhu 0.2 rule files name their sources.
const policy = syntheticPolicy(
  [
    {
      id: 'allowance',
      label: { zh: '住院补贴', en: 'Daily allowance' },
      event: 'hospitalisation',
      formula: { kind: 'perDay', amount: { value: '40', label: { zh: '每天', en: 'per day' }, provenance: { status: 'published', source: GAZETTE, quote: '每天40元' } } },
      caps: { perClaim: { value: '300', label: { zh: '单次上限', en: 'per claim' }, provenance: { status: 'published', source: 'Test gazette 2' } } },
    },
  ],
  { ceilings: { maximumSubsidy: { value: '1000', label: { zh: '最高补助', en: 'maximum' }, provenance: { status: 'published', source: 'Test gazette 3' } } } },
);
const member = enrolledMember('test', 2024);

describe('buildExplanation', () => {
  it('writes a line as its arithmetic with units, in both languages', () => {
    const result = evaluateClaim(policy, member, stay('c1', '2024-03-01', '2024-03-06'));
    expect(buildExplanation(result).lines[0]?.summary).toBe('住院补贴：40.00 元/天 × 5 天 = 200.00 元');
    expect(buildExplanation(result, { lang: 'en' }).lines[0]?.summary).toBe('Daily allowance: 40.00 yuan/day × 5 days = 200.00 yuan');
  });

  it('says which ceiling cut a line and by how much: 40 × 10 = 400, cut by 100 to the 300 cap', () => {
    const result = evaluateClaim(policy, member, stay('c1', '2024-03-01', '2024-03-11'));
    const explanation = buildExplanation(result);
    expect(explanation.outcome).toBe('应付 300.00 元');
    expect(explanation.lines[0]).toMatchObject({
      amount: '300.00',
      cut: '受单次补助上限（300.00 元）限制，核减 100.00 元',
      summary: '住院补贴：40.00 元/天 × 10 天 = 400.00 元；受单次补助上限（300.00 元）限制，核减 100.00 元；实付 300.00 元',
    });
    // The cut is told on the line, not again among the reasons.
    expect(explanation.reasons).toEqual([]);
  });

  it('numbers each source once and lets lines refer to it', () => {
    const result = evaluateClaim(policy, member, stay('c1', '2024-03-01', '2024-03-03'));
    const { lines, sources } = buildExplanation(result, { lang: 'en' });
    expect(lines[0]?.sources).toEqual([1, 2, 3]);
    expect(sources.map((s) => [s.ref, s.parameter, s.value, s.status, s.text])).toEqual([
      [1, 'benefits.allowance.formula.amount', '40 yuan', 'published', 'Test Gazette, 15 January 2024, “住院补贴每天四十元”; quote: “每天40元”'],
      [2, 'benefits.allowance.caps.perClaim', '300 yuan', 'published', 'Test gazette 2'],
      [3, 'ceilings.maximumSubsidy', '1,000 yuan', 'published', 'Test gazette 3'],
    ]);
  });

  it('marks every figure that rests on an illustrative parameter, and nothing else', () => {
    const result = evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00' }));
    const explanation = buildExplanation(result);
    expect(explanation.illustrative).toBe(true);
    expect(explanation.outcome).toBe('应付 1500.00 元※');
    expect(explanation.lines.map((line) => [line.label, line.illustrative])).toEqual([
      ['住院医疗互助补助※', true],
      ['住院补贴', false],
    ]);
    expect(explanation.sources.filter((s) => s.label.endsWith('※')).map((s) => s.status)).toEqual(['illustrative', 'illustrative']);
    expect(explanation.sources.filter((s) => s.status === 'published').every((s) => !s.label.includes('※'))).toBe(true);
  });

  it('gives a refused claim its reasons as sentences', () => {
    const result = evaluateClaim(policy, enrolledMember('test', 2023), stay('c1', '2024-03-01', '2024-03-03'));
    expect(buildExplanation(result, { lang: 'en' })).toMatchObject({
      outcome: 'Not paid',
      lines: [],
      reasons: ['The member has no test enrolment covering 2024-03-01.'],
    });
  });

  it('explains a year claim by claim, in settlement order', () => {
    const year = evaluateYear(policy, member, [stay('late', '2024-09-01', '2024-09-11'), stay('early', '2024-02-01', '2024-02-03')]);
    const explanation = buildExplanation(year, { lang: 'en' });
    expect(explanation.kind).toBe('year');
    expect(explanation.outcome).toBe('Pays 380.00 yuan');
    expect(explanation.parts.map((part) => [part.title, part.outcome])).toEqual([
      ['Claim early (hospitalisation, 2024-02-01)', 'Pays 80.00 yuan'],
      ['Claim late (hospitalisation, 2024-09-01)', 'Pays 300.00 yuan'],
    ]);
  });

  it('states the range of a condolence payment still to be decided', () => {
    const guilinMember = enrolledMember('guangxi', 2023, { flags: { cityFederationDirect: true } });
    const result = evaluateCondolence(policies['guilin-condolence'][2023], guilinMember, stay('s1', '2023-08-01', '2023-08-20', { selfPaid: '6000.00' }));
    const explanation = buildExplanation(result);
    expect(explanation.outcome).toBe('可发放 500.00 至 5000.00 元，金额经申请核定');
    expect(explanation.warnings).toEqual([]);
  });

  it('refuses what is not a result, naming the path', () => {
    expect(() => buildExplanation({ claimId: 'c1' } as unknown as ClaimResult)).toThrow(InvalidInputError);
    const result = evaluateClaim(policy, member, stay('c1', '2024-03-01', '2024-03-03'));
    try {
      buildExplanation(result, { lang: 'fr' as 'en' });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInputError).issues[0]?.path).toEqual(['options', 'lang']);
    }
  });

  it('gives the same explanation every time and leaves the result as it was', () => {
    const result = evaluateClaim(policy, member, stay('c1', '2024-03-01', '2024-03-03'));
    const before = JSON.stringify(result);
    expect(JSON.stringify(buildExplanation(result))).toBe(JSON.stringify(buildExplanation(result)));
    expect(JSON.stringify(result)).toBe(before);
  });
});
