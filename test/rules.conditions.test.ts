/**
 * Conditions of the 0.4 rule model (docs/rule-model.md#conditions): a parameter's variants by
 * stay number, member attribute, flag, cause, claim attribute, discharge date, sex, age and
 * renewal; a benefit's `when`; and the attributes a policy must declare before a condition
 * reads them. Each test's arithmetic can be redone by hand.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, explain, type BenefitInput, type ClaimInput, type MemberInput, type PolicyInput } from '../src';
import { enrolledMember, firstIssue, made, stay, syntheticPolicy } from './_fixtures';


/** A parameter with variants, the first whose `when` holds giving the value. */
const varying = <T>(value: T, variants: { when: object; value: T }[]) => ({ ...made(value), variants }) as unknown as ReturnType<typeof made<T>>;

/** 50 % of self-paid cost, the ratio varying as a test says. */
const shareOf = (bands: ReturnType<typeof made<{ ratio: string }[]>>, extra: Partial<BenefitInput> = {}): BenefitInput => ({
  id: 'subsidy',
  label: { zh: '住院补助', en: 'Subsidy' },
  event: 'hospitalisation',
  formula: { kind: 'bands', base: 'selfPaid', method: 'progressive', bands },
  ...extra,
});

const attributes: PolicyInput['attributes'] = {
  member: {
    baseInsurance: {
      label: { zh: '基本医疗保险类别', en: 'Basic medical insurance' },
      values: { employee: { zh: '职工医保', en: 'Employee insurance' }, residents: { zh: '城乡居民医保', en: "Urban-rural residents' insurance" } },
    },
    hardship: { label: { zh: '困难职工', en: 'Hardship worker' } },
  },
  claim: {
    hospitalLevel: { label: { zh: '医院级别', en: 'Hospital level' }, values: { 1: { zh: '一级', en: 'Level 1' }, 2: { zh: '二级', en: 'Level 2' }, 3: { zh: '三级', en: 'Level 3' } } },
  },
};

const member = enrolledMember('test', 2024);
const thousand = (id: string, admission: string, discharge: string, extra: Partial<ClaimInput> = {}) => ({ ...stay(id, admission, discharge, { selfPaid: '1000.00' }), ...extra }) as ClaimInput;
const paid = (benefit: BenefitInput, claim: ClaimInput, who: MemberInput = member) => evaluateClaim(syntheticPolicy([benefit], { attributes }), who, claim).total.toFixed(2);

describe('variants by the stay\'s number in the year', () => {
  const policy = syntheticPolicy([
    shareOf(
      varying([{ ratio: '0.7' }], [
        { when: { stayNumber: { from: 2, to: 2 } }, value: [{ ratio: '0.6' }] },
        { when: { stayNumber: { from: 3 } }, value: [{ ratio: '0.5' }] },
      ]),
    ),
  ]);
  const year = () =>
    evaluateYear(policy, member, [
      thousand('s1', '2024-02-01', '2024-02-05'),
      thousand('s2', '2024-04-01', '2024-04-05'),
      thousand('s3', '2024-06-01', '2024-06-05'),
      thousand('s4', '2024-08-01', '2024-08-05'),
    ]);

  it('first 70 %, second 60 %, third and later 50 %: 1,000 each pays 700, 600, 500, 500', () => {
    expect(year().results.map((result) => result.total.toFixed(2))).toEqual(['700.00', '600.00', '500.00', '500.00']);
  });

  it('each line cites the variant it used, or the parameter itself for the first stay', () => {
    const cited = year().results.map((result) => result.lines[0]!.citations.map((citation) => citation.parameter));
    expect(cited).toEqual([
      ['benefits.subsidy.formula.bands'],
      ['benefits.subsidy.formula.bands.variants[0]'],
      ['benefits.subsidy.formula.bands.variants[1]'],
      ['benefits.subsidy.formula.bands.variants[1]'],
    ]);
    expect(year().results[1]!.lines[0]!.citations[0]!.value).toEqual([{ ratio: '0.6' }]);
  });

  it('counts stays across evaluateClaim calls through the ledger: the second call is stay 2, 600', () => {
    const one = evaluateClaim(policy, member, thousand('s1', '2024-02-01', '2024-02-05'));
    expect(evaluateClaim(policy, member, thousand('s2', '2024-04-01', '2024-04-05'), JSON.parse(JSON.stringify(one.ledger))).total.toFixed(2)).toBe('600.00');
  });

  it('explain names the variant in its sources, zh and en', () => {
    const second = year().results[1]!;
    expect(explain(second, { lang: 'en' })).toContain('(benefits.subsidy.formula.bands.variants[0])');
    expect(explain(second, { lang: 'en' })).toContain('1000.00 × 0.6 = 600.00 yuan');
    expect(explain(second)).toContain('[1] 测试参数※ = 一律 60%（benefits.subsidy.formula.bands.variants[0]）');
  });
});

describe('variants by member attribute and flag', () => {
  const byInsurance = shareOf(varying([{ ratio: '0.5' }], [{ when: { member: { baseInsurance: 'residents' } }, value: [{ ratio: '0.4' }] }]));
  const claim = thousand('s', '2024-03-01', '2024-03-05');

  it('residents 40 %, employees 50 %: 1,000 pays 400 and 500', () => {
    expect(paid(byInsurance, claim, { ...member, attributes: { baseInsurance: 'residents' } })).toBe('400.00');
    expect(paid(byInsurance, claim, { ...member, attributes: { baseInsurance: 'employee' } })).toBe('500.00');
  });

  it('a member without the attribute the policy reads is an error naming the field and the values', () => {
    const issue = firstIssue(() => paid(byInsurance, claim));
    expect(issue.path).toEqual(['member', 'attributes', 'baseInsurance']);
    expect(issue.message).toBe('this policy reads "baseInsurance": expected one of "employee", "residents"');
  });

  it('a value the policy does not declare is an error that says what was given', () => {
    const issue = firstIssue(() => paid(byInsurance, claim, { ...member, attributes: { baseInsurance: 'farmer' } }));
    expect(issue.path).toEqual(['member', 'attributes', 'baseInsurance']);
    expect(issue.message).toBe('this policy reads "baseInsurance": expected one of "employee", "residents"; got "farmer"');
  });

  it('a flag: hardship workers 80 %, others 50 % (an absent flag is no): 800 and 500', () => {
    const byFlag = shareOf(varying([{ ratio: '0.5' }], [{ when: { flags: { hardship: true } }, value: [{ ratio: '0.8' }] }]));
    expect(paid(byFlag, claim, { ...member, flags: { hardship: true } })).toBe('800.00');
    expect(paid(byFlag, claim, { ...member, flags: { hardship: false } })).toBe('500.00');
    expect(paid(byFlag, claim)).toBe('500.00');
  });
});

describe('variants by the claim: cause, hospital level, discharge date', () => {
  it('by cause: accidents 60 %, illness 50 %: 1,000 pays 600 and 500', () => {
    const byCause = shareOf(varying([{ ratio: '0.5' }], [{ when: { cause: 'accident' }, value: [{ ratio: '0.6' }] }]));
    expect(paid(byCause, { ...stay('s', '2024-03-01', '2024-03-05', { selfPaid: '1000.00' }, 'accident') })).toBe('600.00');
    expect(paid(byCause, thousand('s', '2024-03-01', '2024-03-05'))).toBe('500.00');
  });

  const byLevel = shareOf(varying([{ ratio: '0.6' }], [{ when: { claim: { hospitalLevel: ['2', '3'] } }, value: [{ ratio: '0.4' }] }]));

  it('by hospital level: levels 2 and 3 at 40 %, level 1 at 60 %: 1,000 pays 400, 400, 600', () => {
    const at = (level: string) => paid(byLevel, thousand('s', '2024-03-01', '2024-03-05', { attributes: { hospitalLevel: level } }));
    expect([at('3'), at('2'), at('1')]).toEqual(['400.00', '400.00', '600.00']);
  });

  it('a claim without the hospital level is an error at the claim\'s path', () => {
    const issue = firstIssue(() => paid(byLevel, thousand('s', '2024-03-01', '2024-03-05')));
    expect(issue.path).toEqual(['claim', 'attributes', 'hospitalLevel']);
    expect(issue.message).toBe('this policy reads "hospitalLevel": expected one of "1", "2", "3"');
  });

  it('in a year, the error names the claim\'s place in the list', () => {
    const policy = syntheticPolicy([byLevel], { attributes });
    const issue = firstIssue(() => evaluateYear(policy, member, [thousand('a', '2024-03-01', '2024-03-05', { attributes: { hospitalLevel: '1' } }), thousand('b', '2024-04-01', '2024-04-05')]));
    expect(issue.path).toEqual(['claims', 1, 'attributes', 'hospitalLevel']);
  });

  it('a rule change on 1 July: 500 a stay, 800 for discharges from 1 July; one yearly cap of 1,000 across both', () => {
    const policy = syntheticPolicy([
      {
        id: 'grant',
        label: { zh: '住院慰问', en: 'Stay grant' },
        event: 'hospitalisation',
        formula: { kind: 'lumpSum', amount: varying('500', [{ when: { discharge: { from: '2024-07-01' } }, value: '800' }]) },
        caps: { perYear: made('1000') },
      },
    ]);
    const year = evaluateYear(policy, member, [
      stay('june', '2024-06-20', '2024-06-30'), // discharged before 1 July: 500
      stay('july', '2024-06-25', '2024-07-01'), // discharged on 1 July: 800, cut to 1,000 − 500 = 500
    ]);
    expect(year.results.map((result) => result.lines[0]!.amountBeforeCaps.toFixed(2))).toEqual(['500.00', '800.00']);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['500.00', '500.00']);
    expect(year.results[1]!.lines[0]!.steps.at(-1)).toMatchObject({ key: 'perYear', expression: 'min(800.00, 1000.00 − 500.00)', value: '500.00' });
    expect(year.results[1]!.lines[0]!.citations[0]!.parameter).toBe('benefits.grant.formula.amount.variants[0]');
  });
});

describe('variants by sex, age and renewal', () => {
  const grant = (amount: ReturnType<typeof made<string>>): BenefitInput => ({ id: 'grant', label: { zh: '住院慰问', en: 'Stay grant' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount } });
  const claim = stay('s', '2024-03-01', '2024-03-05');

  it('by sex: women 600, men 500', () => {
    const bySex = grant(varying('500', [{ when: { sex: 'female' }, value: '600' }]));
    expect(paid(bySex, claim, { ...member, sex: 'female' })).toBe('600.00');
    expect(paid(bySex, claim, { ...member, sex: 'male' })).toBe('500.00');
    expect(firstIssue(() => paid(bySex, claim)).path).toEqual(['member', 'sex']);
  });

  const byAge = grant(varying('500', [{ when: { age: { from: 60 } }, value: '700' }]));

  it('by age on the admission date: born 1964-03-01 is 60 on 2024-03-01 (700); born 1964-03-02 is still 59 (500)', () => {
    expect(paid(byAge, claim, { ...member, birthDate: '1964-03-01' })).toBe('700.00');
    expect(paid(byAge, claim, { ...member, birthDate: '1964-03-02' })).toBe('500.00');
  });

  it('an age limit and no birth date is an error naming the field', () => {
    const issue = firstIssue(() => paid(byAge, claim));
    expect(issue.path).toEqual(['member', 'birthDate']);
    expect(issue.message).toContain('expected the member\'s birth date');
  });

  it('continuing: a member enrolled in 2023 too gets 600, a new member 500', () => {
    const byRenewal = grant(varying('500', [{ when: { continuing: true }, value: '600' }]));
    const renewed: MemberInput = { id: 'member-1', enrolments: [{ scheme: 'test', year: 2023, from: '2023-01-01', to: '2023-12-31' }, ...member.enrolments] };
    expect(paid(byRenewal, claim, renewed)).toBe('600.00');
    expect(paid(byRenewal, claim)).toBe('500.00');
  });
});

describe('a benefit\'s when', () => {
  const policy = syntheticPolicy([
    { id: 'grant', label: { zh: '住院慰问', en: 'Stay grant' }, event: 'hospitalisation', when: { days: { from: 3 } }, formula: { kind: 'lumpSum', amount: made('300') } },
    { id: 'base', label: { zh: '基本补助', en: 'Basic subsidy' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('100') } },
  ]);

  it('a minimum stay of 3 days: 3 days pays 300 + 100 = 400', () => {
    const result = evaluateClaim(policy, member, stay('s', '2024-03-01', '2024-03-04'));
    expect(result.total.toFixed(2)).toBe('400.00');
    expect(result.reasons).toEqual([]);
  });

  it('2 days leaves the grant out with CONDITION_NOT_MET and pays the other 100', () => {
    const result = evaluateClaim(policy, member, stay('s', '2024-03-01', '2024-03-03'));
    expect(result.lines.map((line) => line.benefit)).toEqual(['base']);
    expect(result.total.toFixed(2)).toBe('100.00');
    expect(result.reasons.map((reason) => [reason.code, reason.message.en, reason.message.zh])).toEqual([
      ['CONDITION_NOT_MET', 'Stay grant pays only when: days in hospital 3 days or more.', '住院慰问仅在以下条件下补助：住院天数3天及以上。'],
    ]);
  });

  it('explain gives the reason in both languages', () => {
    const result = evaluateClaim(policy, member, stay('s', '2024-03-01', '2024-03-03'));
    expect(explain(result, { lang: 'en' })).toContain('Stay grant pays only when: days in hospital 3 days or more.');
    expect(explain(result)).toContain('住院慰问仅在以下条件下补助：住院天数3天及以上。');
  });
});

describe('a condition in words', () => {
  const firstStayOnly = syntheticPolicy([
    { id: 'grant', label: { zh: '住院慰问', en: 'Stay grant' }, event: 'hospitalisation', when: { stayNumber: { from: 1, to: 1 } }, formula: { kind: 'lumpSum', amount: made('300') } },
    { id: 'base', label: { zh: '基本补助', en: 'Basic subsidy' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('100') } },
  ]);

  it('a range of one number reads as that number: "the first stay of the year only", not "1 to 1"', () => {
    const year = evaluateYear(firstStayOnly, member, [stay('s1', '2024-02-01', '2024-02-05'), stay('s2', '2024-04-01', '2024-04-05')]);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['400.00', '100.00']);
    expect(year.results[1]!.reasons.map((reason) => [reason.message.en, reason.message.zh])).toEqual([
      ['Stay grant pays only when: stay number in the year 1.', '住院慰问仅在以下条件下补助：本年度第1次。'],
    ]);
  });
});

describe('attributes a policy must declare', () => {
  const spec = (when: object, declared: PolicyInput['attributes'] = attributes) => () =>
    syntheticPolicy([shareOf(varying([{ ratio: '0.5' }], [{ when, value: [{ ratio: '0.4' }] }]))], { attributes: declared });
  const at = ['spec', 'benefits', 0, 'formula', 'bands', 'variants', 0, 'when'];

  it('a member attribute not declared: the path and what is declared', () => {
    const issue = firstIssue(spec({ member: { category: 'a' } }));
    expect(issue.path).toEqual([...at, 'member', 'category']);
    expect(issue.message).toBe('"category" is not a member attribute with values this policy declares (it declares "baseInsurance"); declare it in "attributes.member", see docs/rule-model.md#attributes');
  });

  it('a value not declared: the values allowed', () => {
    const issue = firstIssue(spec({ member: { baseInsurance: 'farmer' } }));
    expect(issue.path).toEqual([...at, 'member', 'baseInsurance']);
    expect(issue.message).toBe('"farmer" is not a value of member attribute "baseInsurance": expected one of "employee", "residents"');
  });

  it('a flag not declared, and a choice used as a flag: the flags declared', () => {
    expect(firstIssue(spec({ flags: { modelWorker: true } })).message).toBe(
      '"modelWorker" is not a member flag this policy declares (it declares "hardship"); declare it in "attributes.member", see docs/rule-model.md#attributes',
    );
    expect(firstIssue(spec({ flags: { baseInsurance: true } })).path).toEqual([...at, 'flags', 'baseInsurance']);
  });

  it('a claim attribute in a policy that declares none, inside anyOf', () => {
    const issue = firstIssue(spec({ anyOf: [{ cause: 'accident' }, { claim: { hospitalLevel: '3' } }] }, {}));
    expect(issue.path).toEqual([...at, 'anyOf', 1, 'claim', 'hospitalLevel']);
    expect(issue.message).toContain('(it declares none)');
  });
});
