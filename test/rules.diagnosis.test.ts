/**
 * Lump sums for listed conditions (docs/rule-model.md#conditions-list): diagnosis claims, a
 * policy's list of conditions with classes, the `byCondition` formula, the conditions that read
 * a diagnosis (`conditionClass`, `patient`, `preExisting`), and a lump sum made of parts. The
 * figures are those of /work/shared/schemes.md ("Critical-illness and women's plans"): Nanping
 * 2012 women's plan 6,000 / 3,000 / 2,000 / 1,000 by four classes; Chongqing 2020 12,000 for a
 * listed disease, 2,000 for a family member's; Dalian two cancers 2,000 condolence plus up to
 * 8,000 capped at the self-paid cost. Each test's arithmetic can be redone by hand.
 */
import { describe, expect, it } from 'vitest';
import { diffPolicies, evaluateClaim, evaluateYear, explain, type BenefitInput, type ClaimInput, type MemberInput, type PolicyInput } from '../src';
import { enrolledMember, firstIssue, made, syntheticPolicy } from './_fixtures';

const label = (zh: string, en: string) => ({ zh, en });

/** Four classes, two conditions in the first and one in each other. */
const conditions: NonNullable<PolicyInput['conditions']> = {
  classes: { 'class-1': { label: label('一类', 'class 1') }, 'class-2': { label: label('二类', 'class 2') }, 'class-3': { label: label('三类', 'class 3') }, 'class-4': { label: label('四类', 'class 4') } },
  list: {
    'breast-cancer': { label: label('乳腺癌', 'breast cancer'), class: 'class-1' },
    'cervical-cancer': { label: label('宫颈癌', 'cervical cancer'), class: 'class-1' },
    'ovarian-cyst': { label: label('卵巢囊肿', 'ovarian cyst'), class: 'class-2' },
    'uterine-fibroid': { label: label('子宫肌瘤', 'uterine fibroid'), class: 'class-3' },
    mastitis: { label: label('乳腺炎', 'mastitis'), class: 'class-4' },
  },
};

const byClass = (extra: Partial<Extract<BenefitInput['formula'], { kind: 'byCondition' }>> = {}, benefit: Partial<BenefitInput> = {}): BenefitInput => ({
  id: 'women',
  label: label('女职工特殊疾病补助', "Women's special diseases"),
  event: 'diagnosis',
  formula: { kind: 'byCondition', amounts: made({ 'class-1': '6000', 'class-2': '3000', 'class-3': '2000', 'class-4': '1000' }), ...extra },
  ...benefit,
});

const policyOf = (benefits: BenefitInput[], overrides: Partial<PolicyInput> = {}) => syntheticPolicy(benefits, { conditions, ...overrides });
const member = enrolledMember('test', 2024);
const diagnosis = (condition: string, extra: Partial<Extract<ClaimInput, { kind: 'diagnosis' }>> = {}): ClaimInput => ({ kind: 'diagnosis', id: `d-${condition}`, date: '2024-05-10', condition, ...extra });
const total = (policy: ReturnType<typeof policyOf>, claim: ClaimInput, who: MemberInput = member) => evaluateClaim(policy, who, claim).total.toFixed(2);
const codes = (policy: ReturnType<typeof policyOf>, claim: ClaimInput, who: MemberInput = member) => evaluateClaim(policy, who, claim).reasons.map((reason) => reason.code);

describe('the byCondition formula (Nanping 2012 women\'s plan: 6,000 / 3,000 / 2,000 / 1,000 by class)', () => {
  const policy = policyOf([byClass()]);

  it('pays the amount of the condition\'s class', () => {
    expect(['breast-cancer', 'cervical-cancer', 'ovarian-cyst', 'uterine-fibroid', 'mastitis'].map((code) => total(policy, diagnosis(code)))).toEqual([
      '6000.00', '6000.00', '3000.00', '2000.00', '1000.00',
    ]);
  });

  it('refuses a condition the policy does not list, with a reason naming the code, not an error', () => {
    const result = evaluateClaim(policy, member, diagnosis('influenza'));
    expect([result.eligible, result.total.toFixed(2), result.reasons.map((reason) => reason.code)]).toEqual([false, '0.00', ['CONDITION_NOT_LISTED']]);
    expect(result.reasons[0]!.message.en).toContain('"influenza"');
    expect(result.reasons[0]!.message.zh).toContain('“influenza”');
  });

  it('pays nothing for a class its table leaves out, and says so', () => {
    const partial = policyOf([byClass({ amounts: made({ 'class-1': '6000' }) })]);
    const result = evaluateClaim(partial, member, diagnosis('mastitis'));
    expect([result.total.toFixed(2), result.reasons.map((reason) => reason.code)]).toEqual(['0.00', ['CONDITION_CLASS_NOT_COVERED']]);
    expect(result.reasons[0]!.message.en).toBe("Women's special diseases pays nothing for a condition of class 4.");
  });

  it('refuses a diagnosis under a policy with no diagnosis benefit, as for any kind of claim it does not pay', () => {
    expect(codes(syntheticPolicy([{ id: 'death', label: label('身故', 'Death'), event: 'death', formula: { kind: 'lumpSum', amount: made('100') } }]), diagnosis('breast-cancer'))).toEqual(['NO_BENEFIT_FOR_EVENT']);
  });

  it('still asks for an enrolment covering the date of diagnosis', () => {
    expect(codes(policy, diagnosis('breast-cancer', { date: '2025-01-10' }), { id: 'm', enrolments: [] })).toEqual(['OUTSIDE_POLICY_PERIOD', 'NOT_ENROLLED']);
  });
});

describe('a family member\'s condition (Chongqing 2020: 12,000 for a listed disease, 2,000 for a family member\'s)', () => {
  const chongqing = policyOf([
    {
      id: 'critical',
      label: label('重大疾病', 'Critical illness'),
      event: 'diagnosis',
      formula: { kind: 'lumpSum', amount: { ...made('12000'), variants: [{ when: { patient: 'family' }, value: '2000' }] } },
    },
  ]);

  it('pays 12,000 for the member\'s own condition and 2,000 for a family member\'s', () => {
    expect([total(chongqing, diagnosis('breast-cancer')), total(chongqing, diagnosis('breast-cancer', { patient: 'family' })), total(chongqing, diagnosis('breast-cancer', { patient: 'member' }))]).toEqual([
      '12000.00', '2000.00', '12000.00',
    ]);
  });

  it('cites the variant the claim got', () => {
    const line = evaluateClaim(chongqing, member, diagnosis('breast-cancer', { patient: 'family' })).lines[0]!;
    expect(line.citations.map((citation) => citation.parameter)).toEqual(['benefits.critical.formula.amount.variants[0]']);
  });

  it('a benefit can pay only for the member\'s own condition, by its `when`', () => {
    const own = policyOf([byClass({}, { when: { patient: 'member' } })]);
    expect([total(own, diagnosis('ovarian-cyst')), codes(own, diagnosis('ovarian-cyst', { patient: 'family' }))]).toEqual(['3000.00', ['CONDITION_NOT_MET']]);
  });
});

describe('a condition diagnosed before the cover started', () => {
  // Illustrative: half the amount for a pre-existing condition (the sources give no figure).
  const halved = policyOf([byClass({ ratio: { ...made('1'), variants: [{ when: { preExisting: true }, value: '0.5' }] } })]);
  const lower = policyOf([byClass({ amounts: { ...made({ 'class-1': '6000', 'class-2': '3000', 'class-3': '2000', 'class-4': '1000' }), variants: [{ when: { preExisting: true }, value: { 'class-1': '1000', 'class-2': '500', 'class-3': '300', 'class-4': '100' } }] } })]);

  it('pays the ratio the policy states: first diagnosed 2023-11-02, cover from 2024-01-01, 6,000 × 0.5 = 3,000', () => {
    expect([total(halved, diagnosis('breast-cancer', { firstDiagnosed: '2023-11-02' })), total(halved, diagnosis('breast-cancer', { firstDiagnosed: '2024-01-01' })), total(halved, diagnosis('breast-cancer'))]).toEqual([
      '3000.00', '6000.00', '6000.00',
    ]);
  });

  it('or the lower amount the policy states', () => {
    expect([total(lower, diagnosis('ovarian-cyst', { firstDiagnosed: '2023-12-31' })), total(lower, diagnosis('ovarian-cyst', { firstDiagnosed: '2024-03-01' }))]).toEqual(['500.00', '3000.00']);
  });

  it('counts the cover from the start of an unbroken run of renewals: enrolled 2023 and 2024, diagnosed in 2023, is no pre-existing condition', () => {
    const renewed: MemberInput = { id: 'm', enrolments: [{ scheme: 'test', year: 2023, from: '2023-01-01', to: '2023-12-31' }, { scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    const gap: MemberInput = { id: 'm', enrolments: [{ scheme: 'test', year: 2023, from: '2023-01-01', to: '2023-12-30' }, { scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    const claim = diagnosis('breast-cancer', { firstDiagnosed: '2023-06-01' });
    expect([total(halved, claim, renewed), total(halved, claim, gap), total(halved, diagnosis('breast-cancer', { firstDiagnosed: '2022-12-31' }), renewed)]).toEqual([
      '6000.00', '3000.00', '3000.00',
    ]);
  });

  it('says on the line whether the first diagnosis came before the cover started, in both languages', () => {
    const steps = (firstDiagnosed: string) => evaluateClaim(halved, member, diagnosis('breast-cancer', { firstDiagnosed })).lines[0]!.steps.map((step) => [step.key, step.label.zh, step.label.en, step.expression]);
    expect(steps('2023-11-02').slice(1, 2)).toEqual([['preExisting', '保障开始（2024-01-01）前已确诊：参保前已患疾病', 'first diagnosed before the cover started (2024-01-01): a pre-existing condition', '2023-11-02 < 2024-01-01']]);
    expect(steps('2024-02-01').slice(1, 2)).toEqual([['notPreExisting', '保障开始（2024-01-01）后确诊', 'first diagnosed once the cover had started (2024-01-01)', '2024-02-01 ≥ 2024-01-01']]);
  });

  it('rounds the share to the fen by the policy\'s mode: 1,000.01 × 0.5 = 500.005 → 500.01 half up', () => {
    const odd = policyOf([byClass({ amounts: made({ 'class-1': '1000.01' }), ratio: { ...made('1'), variants: [{ when: { preExisting: true }, value: '0.5' }] } })]);
    expect(total(odd, diagnosis('breast-cancer', { firstDiagnosed: '2020-01-01' }))).toBe('500.01');
  });

  it('refuses a first diagnosis after the claim\'s own date', () => {
    expect(firstIssue(() => evaluateClaim(halved, member, diagnosis('breast-cancer', { firstDiagnosed: '2024-05-11' })))).toMatchObject({ path: ['claim', 'firstDiagnosed'], code: 'ends_before_start' });
  });
});

describe('conditions read the condition\'s class', () => {
  it('a benefit for class 1 only, by its `when`', () => {
    const policy = policyOf([{ id: 'cancer', label: label('癌症', 'Cancer'), event: 'diagnosis', when: { conditionClass: 'class-1' }, formula: { kind: 'lumpSum', amount: made('500') } }]);
    const refused = evaluateClaim(policy, member, diagnosis('mastitis'));
    expect([total(policy, diagnosis('cervical-cancer')), refused.reasons.map((reason) => reason.code)]).toEqual(['500.00', ['CONDITION_NOT_MET']]);
    expect(refused.reasons[0]!.message).toEqual({ zh: '癌症仅在以下条件下补助：病种类别：一类。', en: 'Cancer pays only when: condition of class class 1.' });
  });
});

describe('a lump sum made of parts (Dalian two cancers: 2,000 condolence plus up to 8,000 capped at the self-paid cost)', () => {
  // Two benefits on one diagnosis: a lumpSum, and bands at ratio 1 on the self-paid cost capped at 8,000 a claim.
  const dalian = policyOf([
    { id: 'condolence', label: label('慰问金', 'Condolence'), event: 'diagnosis', formula: { kind: 'lumpSum', amount: made('2000') } },
    {
      id: 'treatment',
      label: label('医疗补助', 'Treatment subsidy'),
      event: 'diagnosis',
      formula: { kind: 'bands', base: 'selfPaid', method: 'progressive', bands: made([{ ratio: '1' }]) },
      caps: { perClaim: made('8000') },
    },
  ]);
  const withCosts = (selfPaid: string) => diagnosis('breast-cancer', { costs: { total: selfPaid, insurancePaid: '0', inScopeCopay: '0', selfPaid } });

  it('pays 2,000 plus the self-paid cost up to 8,000: 5,000 self-paid pays 7,000; 12,000 pays 10,000', () => {
    expect([total(dalian, withCosts('5000')), total(dalian, withCosts('12000')), total(dalian, withCosts('8000'))]).toEqual(['7000.00', '10000.00', '10000.00']);
  });

  it('explains each part, the cap that cut the second, and the condition', () => {
    const text = explain(evaluateClaim(dalian, member, withCosts('12000')), { lang: 'en' });
    expect(text).toContain('condition: breast cancer (class 1): breast-cancer → class-1');
    expect(text).toContain('Condolence');
    expect(text).toContain('min(12000.00, 8000.00) = 8000.00 yuan');
  });

  it('refuses a claim without costs, naming the benefit that needs them', () => {
    const result = evaluateClaim(dalian, member, diagnosis('breast-cancer'));
    expect([result.eligible, result.reasons.map((reason) => reason.message.en)]).toEqual([false, ['Treatment subsidy pays on the costs of the condition, and the claim gives none (costs).']]);
  });

  it('a lump sum alone needs no costs', () => {
    expect(total(policyOf([byClass()]), diagnosis('breast-cancer'))).toBe('6000.00');
  });
});

describe('explanations name the condition and its class', () => {
  const result = evaluateClaim(policyOf([byClass()]), member, diagnosis('ovarian-cyst'));

  it('in Chinese and in English', () => {
    expect(result.lines[0]!.steps.map((step) => [step.key, step.label.zh, step.label.en, step.expression, step.value])).toEqual([
      ['condition', '确诊病种：卵巢囊肿（二类）', 'condition: ovarian cyst (class 2)', 'ovarian-cyst', 'class-2'],
      ['classAmount', '二类病种补助额', 'amount for class 2', 'class-2', '3000.00'],
    ]);
    expect(explain(result, { lang: 'zh' })).toContain('申请 d-ovarian-cyst（确诊病种，2024-05-10）');
  });
});

describe('the policy schema', () => {
  const spec = (benefits: BenefitInput[], overrides: Partial<PolicyInput> = {}) => () => policyOf(benefits, overrides);

  it('refuses a diagnosis benefit without a list of conditions', () => {
    expect(firstIssue(spec([byClass()], { conditions: undefined }))).toMatchObject({ path: ['spec', 'benefits', 0, 'event'], code: 'missing_setting' });
  });

  it('refuses a condition of a class the list does not declare', () => {
    const list = { ...conditions.list, flu: { label: label('流感', 'influenza'), class: 'class-9' } };
    expect(firstIssue(spec([byClass()], { conditions: { ...conditions, list } }))).toMatchObject({ path: ['spec', 'conditions', 'list', 'flu', 'class'], code: 'undeclared_class' });
  });

  it('refuses an amount for a class the list does not declare, in the value or a variant', () => {
    expect(firstIssue(spec([byClass({ amounts: made({ 'class-9': '1' }) })]))).toMatchObject({ path: ['spec', 'benefits', 0, 'formula', 'amounts', 'value', 'class-9'], code: 'undeclared_class' });
    const variant = { ...made({ 'class-1': '1' }), variants: [{ when: { patient: 'family' as const }, value: { 'class-0': '1' } }] };
    expect(firstIssue(spec([byClass({ amounts: variant })]))).toMatchObject({ path: ['spec', 'benefits', 0, 'formula', 'amounts', 'variants', 0, 'value', 'class-0'], code: 'undeclared_class' });
  });

  it('refuses a condition on a class the list does not declare', () => {
    expect(firstIssue(spec([byClass({}, { when: { conditionClass: ['class-1', 'cancer'] } })]))).toMatchObject({ path: ['spec', 'benefits', 0, 'when', 'conditionClass'], code: 'undeclared_class' });
  });

  it('refuses a diagnosis\'s condition on another kind of claim, and a stay\'s on a diagnosis', () => {
    const death: BenefitInput = { id: 'death', label: label('身故', 'Death'), event: 'death', when: { patient: 'family' }, formula: { kind: 'lumpSum', amount: made('1') } };
    expect(firstIssue(spec([death]))).toMatchObject({ path: ['spec', 'benefits', 0, 'when', 'patient'], code: 'condition_event_mismatch' });
    expect(firstIssue(spec([byClass({}, { when: { days: { from: 3 } } })]))).toMatchObject({ path: ['spec', 'benefits', 0, 'when', 'days'], code: 'condition_event_mismatch' });
  });

  it('refuses a byCondition formula on another kind of claim', () => {
    expect(firstIssue(spec([byClass({}, { event: 'death' })]))).toMatchObject({ path: ['spec', 'benefits', 0, 'formula', 'kind'], code: 'formula_event_mismatch' });
  });
});

describe('diffPolicies', () => {
  it('lists a changed class amount as a parameter, and a condition added to the list as a setting', () => {
    const before = policyOf([byClass()]);
    const after = policyOf([byClass({ amounts: made({ 'class-1': '8000', 'class-2': '3000', 'class-3': '2000', 'class-4': '1000' }) })], {
      conditions: { ...conditions, list: { ...conditions.list, 'ovarian-cancer': { label: label('卵巢癌', 'ovarian cancer'), class: 'class-1' } } },
    });
    const diff = diffPolicies(before, after);
    expect(diff.changes.map((change) => [change.parameter, change.change])).toEqual([['benefits.women.formula.amounts', 'changed']]);
    expect(diff.settings).toEqual([{ setting: 'conditions.list.ovarian-cancer.class', label: { zh: '病种分类', en: 'Class of a listed condition' }, before: null, after: 'class-1' }]);
  });
});

describe('the year', () => {
  it('counts a diagnosis against the benefit\'s yearly cap like any claim', () => {
    const capped = policyOf([byClass({}, { caps: { perYear: made('7000') } })]);
    const year = evaluateYear(capped, member, [diagnosis('breast-cancer'), diagnosis('ovarian-cyst')]);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['6000.00', '1000.00']);
  });
});
