/**
 * Steps and explanations, byte for byte as before: 2,400 generated member-years under policies
 * that use every formula, cap, rounding mode and day count, each year's JSON (its lines' steps
 * included), its explanation in Chinese and in English and its explanation as data, hashed year
 * by year and held to test/fixtures/stepsText.json. The fixture was written by the engine as it
 * was before steps kept their figures instead of their text (0.4 before issue 14's step work),
 * so a step written differently from its figures fails here, naming the year.
 *
 * A change of wording that is meant: HUZHU_WRITE_STEPS_FIXTURE=1 npx vitest run test/stepsText.test.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExplanation, evaluateYear, explain, policies, type BenefitInput, type ClaimInput, type MemberInput, type Policy, type PolicyInput } from '../src';
import { random } from './bench/workload';
import { made, syntheticPolicy } from './_fixtures';

const FIXTURE = new URL('./fixtures/stepsText.json', import.meta.url);
const YEARS = 600;

/** Caps that bind often, a yearly deductible, a threshold, edges included and not, parameters by stay number. */
const progressive: BenefitInput[] = [
  {
    id: 'subsidy',
    label: { zh: '住院补助', en: 'Subsidy' },
    event: 'hospitalisation',
    formula: {
      kind: 'bands',
      base: ['inScopeCopay', 'selfPaid'],
      threshold: made('200'),
      deductible: made('800'),
      deductibleScope: 'year',
      measure: 'afterDeductible',
      method: 'progressive',
      bands: {
        ...made([{ upTo: '10000', upToIncluded: false, ratio: '0.333' }, { upTo: '50000', ratio: '0.655' }, { ratio: '0.8125' }]),
        variants: [{ when: { stayNumber: { from: 3 } }, value: [{ upTo: '10000', ratio: '0.5' }, { ratio: '0.7' }] }],
      },
    },
    caps: { perClaim: made('30000'), perYear: made('60000') },
  },
  {
    id: 'allowance',
    label: { zh: '住院补贴', en: 'Allowance' },
    event: 'hospitalisation',
    formula: { kind: 'perDay', amount: made('33.33'), firstPaidDay: made(4), maxDays: made(20), maxDaysPerYear: made(30) },
    caps: { claimsPerYear: made(2) },
  },
  { id: 'disability', label: { zh: '伤残补助', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('12345.67'), shares: made({ 1: '1', 3: '0.333', 5: '0.125', 10: '0.05' }) } },
  { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('8000') } },
];

/** Whole bands, brackets with a gap and a closed top, outpatient bands and a cost above the insurance's ceiling. */
const whole: BenefitInput[] = [
  {
    id: 'subsidy',
    label: { zh: '住院补助', en: 'Subsidy' },
    event: 'hospitalisation',
    formula: {
      kind: 'bands',
      base: 'inScopeCopay',
      deductible: made('500'),
      deductibleScope: 'stay',
      measure: 'base',
      method: 'whole',
      bands: made([{ upTo: '5000', ratio: '0.5' }, { upTo: '20000', upToIncluded: false, ratio: '0.6' }, { ratio: '0.75' }]),
    },
    caps: { perClaim: made('12000') },
  },
  {
    id: 'bracket',
    label: { zh: '自费补助', en: 'Self-paid aid' },
    event: 'hospitalisation',
    formula: {
      kind: 'bracket',
      measure: 'selfPaid',
      brackets: made([
        { from: '1000', to: '5000', amount: '300' },
        { from: '5000', to: '20000', toIncluded: true, min: '500', max: '2000' },
        { from: '30000', to: '100000', amount: '5000' },
      ]),
    },
  },
  { id: 'ceiling', label: { zh: '封顶线以上', en: 'Above the ceiling' }, event: 'hospitalisation', formula: { kind: 'bands', base: 'aboveCeiling', method: 'progressive', bands: made([{ ratio: '0.4' }]) }, caps: { claimsPerYear: made(1) } },
  {
    id: 'outpatient',
    label: { zh: '门诊补助', en: 'Outpatient' },
    event: 'outpatient',
    formula: { kind: 'bands', base: 'total', deductible: made('1800'), deductibleScope: 'year', measure: 'afterDeductible', method: 'progressive', bands: made([{ upTo: '3000', ratio: '0.25' }, { ratio: '0.45' }]) },
    caps: { perYear: made('2500') },
  },
  { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('20000') } },
];

const conventions = (mode: 'halfUp' | 'halfEven' | 'down' | 'up', at: 'eachStep' | 'eachLine', dayCount: 'excludeDischargeDay' | 'includeBothDays', yearBy: 'admission' | 'discharge') =>
  ({ conventions: { yearBy, dayCount, rounding: { mode, at } } }) satisfies Partial<PolicyInput>;

const cases: { name: string; policy: Policy }[] = [
  { name: 'progressive bands, half-even at each step', policy: syntheticPolicy(progressive, { ceilings: { maximumSubsidy: made('90000') }, ...conventions('halfEven', 'eachStep', 'includeBothDays', 'discharge') }) },
  { name: 'progressive bands, down at each line', policy: syntheticPolicy(progressive, conventions('down', 'eachLine', 'excludeDischargeDay', 'admission')) },
  { name: 'whole bands and brackets, up at each line', policy: syntheticPolicy(whole, { ceilings: { maximumSubsidy: made('30000') }, ...conventions('up', 'eachLine', 'excludeDischargeDay', 'admission') }) },
  { name: 'guangxi 2024', policy: policies.guangxi[2024] },
];

/** Whole fen as yuan text. */
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const isoDay = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
/** Amounts the policies above name as edges, in fen: on them, a fen either side. */
const EDGES = [0, 1, 20_000, 80_000, 99_999, 100_000, 100_001, 500_000, 1_000_000, 2_000_000, 2_000_001, 3_000_000, 5_000_000, 10_000_000];

/** Member-year `index` of a policy's scheme: one to six claims, a repeated id now and then, costs on edges now and then. */
function memberYear(scheme: string, index: number): { member: MemberInput; claims: ClaimInput[] } {
  const next = random(0x57e9 + index);
  const cost = () => (next() < 0.15 ? EDGES[Math.floor(next() * EDGES.length)]! : Math.floor(Math.exp(6 + 2.2 * next() * next() * 4) * (1 + next())));
  const member: MemberInput = { id: `m${index}`, enrolments: [{ scheme, year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
  const count = 1 + Math.floor(next() * 6);
  const days = Array.from({ length: count }, () => Math.floor(next() * 380)).sort((a, b) => a - b);
  const claims = days.map((day, at): ClaimInput => {
    const id = next() < 0.05 ? 'c0' : `c${at}`;
    const roll = next();
    if (roll < 0.08) return { kind: 'disability', id, date: isoDay(day), grade: 1 + Math.floor(next() * 10) };
    if (roll < 0.12) return { kind: 'death', id, date: isoDay(day) };
    const costs = { insurancePaid: yuan(cost()), inScopeCopay: yuan(cost()), selfPaid: yuan(cost()), ...(next() < 0.3 && { aboveCeiling: yuan(cost()) }) };
    const total = yuan(Object.values(costs).reduce((sum, amount) => sum + Math.round(Number(amount) * 100), 0) + Math.floor(next() * 1000));
    if (roll < 0.25) return { kind: 'outpatient', id, date: isoDay(day), costs: { ...costs, total } };
    const nights = next() < 0.1 ? 0 : Math.floor(next() * next() * 45);
    return { kind: 'hospitalisation', id, admission: isoDay(day), discharge: isoDay(day + nights), cause: next() < 0.8 ? 'illness' : 'accident', costs: { ...costs, total } };
  });
  return { member, claims };
}

/** Everything a year's steps are read into: its JSON and its explanations in both languages, text and data. */
function written(policy: Policy, index: number): string {
  const { member, claims } = memberYear(policy.scheme, index);
  const year = evaluateYear(policy, member, claims);
  return [JSON.stringify(year), explain(year), explain(year, { lang: 'en' }), JSON.stringify(buildExplanation(year, { lang: 'zh' }))].join('\n');
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('steps and explanations are written as before, byte for byte', () => {
  const fixture = process.env.HUZHU_WRITE_STEPS_FIXTURE ? {} : (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>);
  const byCase: Record<string, string[]> = {};

  it.each(cases)('on every year of $name', ({ name, policy }) => {
    const digests = Array.from({ length: YEARS }, (_, index) => digest(written(policy, index)));
    byCase[name] = digests;
    if (process.env.HUZHU_WRITE_STEPS_FIXTURE) return;
    expect(digests.findIndex((value, index) => value !== fixture[name]![index]), 'the first year written differently').toBe(-1);
    expect(digests).toEqual(fixture[name]);
  }, 60_000);

  it.runIf(process.env.HUZHU_WRITE_STEPS_FIXTURE)('writes the fixture', () => {
    writeFileSync(FIXTURE, `${JSON.stringify(byCase, null, 1)}\n`);
    expect(Object.keys(byCase)).toEqual(cases.map(({ name }) => name));
  });
});
