/** Every reason and warning a result can carry, as a member reads it, in both languages. */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateCondolence, policies, type ClaimResult, type PolicyInput } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const subsidy = { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', causes: ['illness'], formula: { kind: 'lumpSum', amount: made('100') } } as const;
const allowance = { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('10') } } as const;
const grade = { id: 'grade', label: { zh: '伤残补助', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('1000'), shares: made({ 1: '1' }) } } as const;
const member = enrolledMember('test', 2024);
const said = (result: { reasons: ClaimResult['reasons'] }) => result.reasons.map((reason) => [reason.code, reason.message.zh, reason.message.en]);

describe('reasons and warnings', () => {
  it('an event after the policy period, when the member is no longer enrolled', () => {
    expect(said(evaluateClaim(syntheticPolicy([allowance]), member, { kind: 'death', id: 'x', date: '2025-01-02' }))).toEqual([
      ['OUTSIDE_POLICY_PERIOD', '事件日期 2025-01-02 不在本办法适用期间（2024-01-01 至 2024-12-31）内。', "The event date 2025-01-02 is outside this policy's period (2024-01-01 to 2024-12-31)."],
      ['NOT_ENROLLED', '该会员在 2025-01-02 没有有效的 test 参保记录。', 'The member has no test enrolment covering 2025-01-02.'],
    ]);
  });

  it('an event before the period of a policy that has no end', () => {
    const guilin = enrolledMember('guangxi', 2023, { flags: { cityFederationDirect: true } });
    const early = evaluateCondolence(policies['guilin-condolence'][2023], guilin, stay('s', '2023-05-01', '2023-05-10', { selfPaid: '6000.00' }));
    expect(said(early)).toEqual([
      ['OUTSIDE_POLICY_PERIOD', '事件日期 2023-05-01 不在本办法适用期间（2023-06-30 至 …）内。', "The event date 2023-05-01 is outside this policy's period (2023-06-30 to …)."],
    ]);
  });

  it('a member who does not meet a requirement', () => {
    const policy = syntheticPolicy([allowance], { attributes: { member: { hardship: { label: { zh: '建档立卡困难职工', en: 'registered hardship workers' } } } }, eligibility: { requires: [{ label: { zh: '建档立卡困难职工', en: 'registered hardship workers' }, when: { flags: { hardship: true } } }] } } as Partial<PolicyInput>);
    expect(said(evaluateClaim(policy, member, stay('s', '2024-03-01', '2024-03-02')))).toEqual([['REQUIREMENT_NOT_MET', '仅限建档立卡困难职工。', 'Only for: registered hardship workers.']]);
  });

  it('a claim settled twice', () => {
    const ledger = { scheme: 'test', year: 2024, memberId: member.id, total: '10.00', byBenefit: { allowance: '10.00' }, claimIds: ['s'] };
    expect(said(evaluateClaim(syntheticPolicy([allowance]), member, stay('s', '2024-03-01', '2024-03-02'), ledger))).toEqual([
      ['DUPLICATE_CLAIM', '申请 s 已在本保障年度内补助过。', 'Claim s was already settled in this protection year.'],
    ]);
  });

  it('a cause no benefit covers, and a cause one benefit leaves out', () => {
    const accident = stay('s', '2024-03-01', '2024-03-02', {}, 'accident');
    expect(said(evaluateClaim(syntheticPolicy([subsidy]), member, accident))).toEqual([
      ['CAUSE_NOT_COVERED', '住院补助不保障意外伤害所致住院。', 'Subsidy does not cover a stay caused by accident.'],
      ['NO_BENEFIT_FOR_EVENT', '本办法对意外伤害所致住院不予补助。', 'This policy pays no benefit for hospitalisation caused by accident.'],
    ]);
    const partly = evaluateClaim(syntheticPolicy([subsidy, allowance]), member, accident);
    expect(partly.total.toFixed(2)).toBe('10.00');
    expect(said(partly)).toEqual([['CAUSE_NOT_COVERED', '住院补助不保障意外伤害所致住院。', 'Subsidy does not cover a stay caused by accident.']]);
  });

  it('an event no benefit pays for, and a grade the table leaves out', () => {
    expect(said(evaluateClaim(syntheticPolicy([allowance]), member, { kind: 'death', id: 'x', date: '2024-05-01' }))).toEqual([
      ['NO_BENEFIT_FOR_EVENT', '本办法对身故不予补助。', 'This policy pays no benefit for death.'],
    ]);
    expect(said(evaluateClaim(syntheticPolicy([grade]), member, { kind: 'disability', id: 'd', date: '2024-05-01', grade: 5 }))).toEqual([
      ['GRADE_NOT_COVERED', '伤残补助对伤残等级 5 级不予补助。', 'Disability pays nothing for disability grade 5.'],
    ]);
  });

  it('a condolence below its threshold, and one decided on application', () => {
    const guilin = enrolledMember('guangxi', 2024, { flags: { cityFederationDirect: true } });
    const below = evaluateCondolence(policies['guilin-condolence'][2023], guilin, stay('s', '2024-03-01', '2024-03-02', { selfPaid: '4999.99' }));
    expect(said(below)).toEqual([
      ['BELOW_THRESHOLD', '慰问金要求医保外自费费用不低于 5000.00 元；本次为 4999.99 元。', 'Condolence payment requires self-paid cost outside insurance of at least 5000.00 yuan; this claim has 4999.99 yuan.'],
    ]);
    const decided = evaluateCondolence(policies['guilin-condolence'][2023], guilin, stay('s', '2024-03-01', '2024-03-02', { selfPaid: '5000.00' }));
    expect(decided.warnings.map((warning) => [warning.code, warning.message.en])).toEqual([
      ['DECIDED_ON_APPLICATION', 'Condolence payment: the amount is decided on application, between 500.00 and 5000.00 yuan.'],
    ]);
  });

  it('an illustrative parameter, once per parameter however many lines use it', () => {
    const result = evaluateClaim(syntheticPolicy([allowance, { ...allowance, id: 'again' }], { ceilings: { maximumSubsidy: made('5') } }), member, stay('s', '2024-03-01', '2024-03-02'));
    expect(result.warnings.map((warning) => [warning.code, warning.message.zh])).toEqual([
      ['ILLUSTRATIVE_PARAMETER', '使用了示例参数“测试参数”（benefits.allowance.formula.amount），该数值未经公布，并非官方标准。'],
      ['ILLUSTRATIVE_PARAMETER', '使用了示例参数“测试参数”（ceilings.maximumSubsidy），该数值未经公布，并非官方标准。'],
      ['ILLUSTRATIVE_PARAMETER', '使用了示例参数“测试参数”（benefits.again.formula.amount），该数值未经公布，并非官方标准。'],
    ]);
  });
});

describe('step wording', () => {
  // 100.00 × 0.333333 = 33.3333 yuan, which every rounding mode must round to the fen.
  const copay = { id: 'copay', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('0'), bands: made([{ ratio: '0.333333' }]) } } as const;
  it.each([
    { mode: 'halfUp', zh: '按分四舍五入', en: 'rounded half-up to the fen' },
    { mode: 'halfEven', zh: '按分四舍六入五成双', en: 'rounded half-even to the fen' },
    { mode: 'down', zh: '按分舍去', en: 'rounded down to the fen' },
    { mode: 'up', zh: '按分进一', en: 'rounded up to the fen' },
  ] as const)('names the rounding mode $mode in words', ({ mode, zh, en }) => {
    const policy = syntheticPolicy([copay], { conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at: 'eachLine' } } });
    const rounding = evaluateClaim(policy, member, stay('s', '2024-03-01', '2024-03-02', { inScopeCopay: '100.00' })).lines[0]?.steps.find((step) => step.key === 'rounding');
    expect(rounding?.label).toEqual({ zh, en });
  });
});
