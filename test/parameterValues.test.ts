/**
 * Every kind of parameter value in words, in both languages (issue 13): the one formatter that
 * explanations and the README's parameter table share. Each case can be checked by eye.
 */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../src/_lib/parameterText';
import { policies } from '../src';

const cases: { kind: string; parameter: string; value: unknown; zh: string; en: string }[] = [
  { kind: 'an amount with fen', parameter: 'benefits.x.formula.amount', value: '22669.43', zh: '22,669.43 元', en: '22,669.43 yuan' },
  { kind: 'a whole amount', parameter: 'ceilings.maximumSubsidy', value: '1000000.00', zh: '1,000,000 元', en: '1,000,000 yuan' },
  { kind: 'less than a yuan', parameter: 'benefits.x.caps.perClaim', value: '0.50', zh: '0.50 元', en: '0.50 yuan' },
  { kind: 'a single tier', parameter: 'benefits.x.formula.bands', value: [{ ratio: '0.7' }], zh: '一律 70%', en: '70 % throughout' },
  {
    kind: 'three tiers',
    parameter: 'benefits.x.formula.bands',
    value: [{ upTo: '10000.00', ratio: '0.5' }, { upTo: '50000.00', ratio: '0.6' }, { ratio: '0.125' }],
    zh: '不超过 10,000 元的部分 50%，10,000 至 50,000 元的部分 60%，超过部分 12.5%',
    en: '50 % up to 10,000 yuan; 60 % from 10,000 to 50,000 yuan; 12.5 % above',
  },
  {
    kind: 'grade shares, some equal, some grades left out',
    parameter: 'benefits.x.formula.shares',
    value: { 1: '1', 2: '1', 3: '0.5', 5: '0.5' },
    zh: '1–2 级 100%，3 级 50%，5 级 50%，其他等级不予补助',
    en: 'grades 1–2: 100 %, grade 3: 50 %, grade 5: 50 %, other grades: nothing',
  },
  {
    kind: 'a fixed bracket, then a range decided on application',
    parameter: 'benefits.x.formula.brackets',
    value: [{ from: '1000.00', to: '5000.00', amount: '300.00' }, { from: '5000.00', min: '500.00', max: '5000.00' }],
    zh: '1,000 至 5,000 元（不含 5,000 元）：300 元；5,000 元及以上：500 至 5,000 元，经申请核定',
    en: '1,000 to under 5,000 yuan: 300 yuan; 5,000 yuan or more: 500 to 5,000 yuan, decided on application',
  },
  { kind: 'the first paid day', parameter: 'benefits.x.formula.firstPaidDay', value: 3, zh: '自住院第 3 天起', en: 'from day 3 in hospital' },
  { kind: 'the most days paid', parameter: 'benefits.x.formula.maxDays', value: 30, zh: '每次住院最多 30 天', en: 'at most 30 days a stay' },
  {
    kind: 'who pays for whom',
    parameter: 'contribution.payers',
    value: [{ flag: 'hardship', payer: 'publicFunds' }, { flag: 'gigWorker', payer: 'union' }],
    zh: 'hardship：财政资金代缴；gigWorker：工会代缴',
    en: 'hardship: public funds; gigWorker: the union',
  },
  { kind: 'no payer rules', parameter: 'contribution.payers', value: [], zh: '无', en: 'none' },
];

describe('parameter values in words', () => {
  it.each(cases)('$kind', ({ parameter, value, zh, en }) => {
    expect([describeValue(parameter, value, 'zh'), describeValue(parameter, value, 'en')]).toEqual([zh, en]);
  });

  it('names a payer rule\'s flag by the label its policy declares', () => {
    const xining = policies.xining[2024];
    const rules = xining.contribution!.payers.value;
    expect([describeValue('contribution.payers', rules, 'zh', xining.attributes), describeValue('contribution.payers', rules, 'en', xining.attributes)]).toEqual([
      '建档立卡困难职工：财政资金代缴；新就业形态劳动者：工会代缴',
      'Registered hardship worker: public funds; Gig or platform worker: the union',
    ]);
  });

  it('has a wording for every parameter key the policy schema defines, and refuses any other', () => {
    const sample: Record<string, unknown> = {
      deductible: '1.00', threshold: '1.00', bands: [{ ratio: '1' }], amount: '1.00', firstPaidDay: 1, maxDays: 1, maxDaysPerYear: 1, maximum: '1.00', shares: { 1: '1' },
      brackets: [{ from: '0.00', amount: '1.00' }], perClaim: '1.00', perYear: '1.00', claimsPerYear: 1, maximumSubsidy: '1.00', perMember: '1.00', payers: [],
      days: 1, waivedIfRenewedWithin: 1, maxPaidStays: 1, daysAfter: 1, nextYearOn: '03-31',
      amounts: { 'class-1': '6000.00' }, ratio: '0.5',
    };
    const keys = Object.keys(sample);
    for (const key of keys) expect(describeValue(`x.${key}`, sample[key], 'zh')).not.toMatch(/[[{]/);
    expect(() => describeValue('x.unknown', '1', 'en')).toThrow('no wording');
  });
});
