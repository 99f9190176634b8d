/**
 * Eligibility and limits of the 0.4 rule model (docs/rule-model.md#eligibility): requirements,
 * a waiting period and its waiver on renewal, cover from the day after enrolment, paid stays
 * and claims a year, filing deadlines, days a year, outpatient claims, the cost above the
 * insurance ceiling, and bracket edges. Dates and amounts are chosen so a reader can count them.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, explain, type BenefitInput, type ClaimInput, type MemberInput, type PolicyInput } from '../src';
import { enrolledMember, firstIssue, made, stay, syntheticPolicy } from './_fixtures';

const member = enrolledMember('test', 2024);
const grant: BenefitInput = { id: 'grant', label: { zh: '住院慰问', en: 'Stay grant' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made('500') } };
const withEligibility = (eligibility: PolicyInput['eligibility'], benefits: BenefitInput[] = [grant]) => syntheticPolicy(benefits, { eligibility });
/** The member enrolled in 2024 after an enrolment in 2023 that ended on `to`. */
const before = (to: string): MemberInput => ({ id: 'member-1', enrolments: [{ scheme: 'test', year: 2023, from: '2023-01-01', to }, ...member.enrolments] });
const reasonsOf = (result: { reasons: readonly { code: string }[] }) => result.reasons.map((reason) => reason.code);

describe('requires: Beijing 2011, women under 55 and men under 60', () => {
  const policy = withEligibility({
    requires: [
      {
        label: { zh: '女55岁以下、男60岁以下', en: 'Women under 55, men under 60' },
        when: { anyOf: [{ sex: 'female', age: { to: 54 } }, { sex: 'male', age: { to: 59 } }] },
      },
    ],
  });
  const claim = stay('s', '2024-03-01', '2024-03-05');
  const who = (sex: 'female' | 'male', birthDate: string): MemberInput => ({ ...member, sex, birthDate });

  it.each([
    { who: 'a woman of 54 (born 1969-03-02)', sex: 'female', birthDate: '1969-03-02', total: '500.00' },
    { who: 'a woman of 55 on the day (born 1969-03-01)', sex: 'female', birthDate: '1969-03-01', total: '0.00' },
    { who: 'a man of 59 (born 1964-03-02)', sex: 'male', birthDate: '1964-03-02', total: '500.00' },
    { who: 'a man of 60 on the day (born 1964-03-01)', sex: 'male', birthDate: '1964-03-01', total: '0.00' },
  ] as const)('$who on 2024-03-01 is paid $total', ({ sex, birthDate, total }) => {
    expect(evaluateClaim(policy, who(sex, birthDate), claim).total.toFixed(2)).toBe(total);
  });

  it('a refusal says the requirement in both languages', () => {
    const result = evaluateClaim(policy, who('female', '1969-03-01'), claim);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((reason) => [reason.code, reason.message.en, reason.message.zh])).toEqual([
      ['REQUIREMENT_NOT_MET', 'Only for: Women under 55, men under 60.', '仅限女55岁以下、男60岁以下。'],
    ]);
    expect(explain(result, { lang: 'en' })).toContain('Only for: Women under 55, men under 60.');
  });

  it('without a birth date, the age limit is an error naming the field', () => {
    expect(firstIssue(() => evaluateClaim(policy, { ...member, sex: 'female' }, claim)).path).toEqual(['member', 'birthDate']);
  });
});

describe('a waiting period of 30 days, waived on a renewal within 60 days', () => {
  const policy = withEligibility({ waitingPeriod: { days: made(30), waivedIfRenewedWithin: made(60) } });

  it('a first enrolment from 1 January: days 1–30 wait (30 January refused), 31 January is paid', () => {
    const refused = evaluateClaim(policy, member, stay('s', '2024-01-30', '2024-02-05'));
    expect(reasonsOf(refused)).toEqual(['WAITING_PERIOD']);
    expect(refused.reasons[0]!.message.en).toBe('The event on 2024-01-30 is within the 30-day waiting period of the enrolment from 2024-01-01.');
    expect(evaluateClaim(policy, member, stay('s', '2024-01-31', '2024-02-05')).total.toFixed(2)).toBe('500.00');
  });

  it('a renewal the day after the last cover ended (31 December): no wait', () => {
    expect(evaluateClaim(policy, before('2023-12-31'), stay('s', '2024-01-02', '2024-01-05')).total.toFixed(2)).toBe('500.00');
  });

  it('a renewal 60 days after the last cover ended (2 November → 1 January): still waived', () => {
    expect(evaluateClaim(policy, before('2023-11-02'), stay('s', '2024-01-02', '2024-01-05')).total.toFixed(2)).toBe('500.00');
  });

  it('a renewal 61 days after (1 November → 1 January): waits like a first enrolment', () => {
    expect(reasonsOf(evaluateClaim(policy, before('2023-11-01'), stay('s', '2024-01-02', '2024-01-05')))).toEqual(['WAITING_PERIOD']);
  });
});

describe('a waiting period of 30 days and no waiver clause', () => {
  const policy = withEligibility({ waitingPeriod: { days: made(30) } });

  it('a renewal the day after the last cover ended is no first enrolment: a stay on 5 January is paid', () => {
    expect(evaluateClaim(policy, before('2023-12-31'), stay('s', '2024-01-05', '2024-01-08')).total.toFixed(2)).toBe('500.00');
  });

  it('a renewal after a gap of one day (cover ended 30 December) waits: 5 January is refused', () => {
    expect(reasonsOf(evaluateClaim(policy, before('2023-12-30'), stay('s', '2024-01-05', '2024-01-08')))).toEqual(['WAITING_PERIOD']);
  });
});

describe('cover from the day after enrolment', () => {
  const policy = withEligibility({ coverStarts: 'dayAfterEnrolment' });
  const enrolled: MemberInput = { id: 'member-1', enrolments: [{ ...member.enrolments[0]!, enrolledOn: '2024-03-10' }] };

  it('enrolled on 10 March: a stay from 10 March is refused, one from 11 March is paid', () => {
    const refused = evaluateClaim(policy, enrolled, stay('s', '2024-03-10', '2024-03-15'));
    expect(reasonsOf(refused)).toEqual(['NOT_YET_COVERED']);
    expect(refused.reasons[0]!.message.zh).toBe('保障自参保次日（2024-03-10 之后）开始；2024-03-10 的事件在此之前。');
    expect(evaluateClaim(policy, enrolled, stay('s', '2024-03-11', '2024-03-15')).total.toFixed(2)).toBe('500.00');
  });

  it('an enrolment without enrolledOn is an error that says what is missing', () => {
    const issue = firstIssue(() => evaluateClaim(policy, member, stay('s', '2024-03-11', '2024-03-15')));
    expect(issue.path).toEqual(['member', 'enrolments', 0, 'enrolledOn']);
    expect(issue.message).toContain('"enrolledOn"');
  });
});

describe('at most 2 paid stays a year', () => {
  const policy = withEligibility({ maxPaidStays: made(2) }, [
    { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', base: 'selfPaid', method: 'progressive', threshold: made('100'), bands: made([{ ratio: '0.5' }]) } },
  ]);

  it('stays of 200, 50 (below the threshold, unpaid), 400 and 600: 100, 0, 200, then refused', () => {
    const year = evaluateYear(policy, member, [
      stay('s1', '2024-02-01', '2024-02-05', { selfPaid: '200.00' }),
      stay('s2', '2024-03-01', '2024-03-05', { selfPaid: '50.00' }),
      stay('s3', '2024-04-01', '2024-04-05', { selfPaid: '400.00' }),
      stay('s4', '2024-05-01', '2024-05-05', { selfPaid: '600.00' }),
    ]);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['100.00', '0.00', '200.00', '0.00']);
    expect(reasonsOf(year.results[3]!)).toEqual(['MAX_PAID_STAYS']);
    expect(year.results[3]!.reasons[0]!.message.en).toBe('The member already had 2 paid stays this protection year, the most the policy pays.');
    expect(year.results[3]!.ledger.paidStays).toBe(2);
  });
});

describe('a filing deadline', () => {
  const filed = (claim: ClaimInput, filedOn?: string) => ({ ...claim, ...(filedOn && { filedOn }) }) as ClaimInput;
  const discharged = stay('s', '2024-03-01', '2024-03-10');

  it('90 days after discharge on 10 March is 8 June (21 + 30 + 31 + 8): filed on 8 June is paid, on 9 June refused', () => {
    const policy = withEligibility({ filingDeadline: { daysAfter: made(90), from: 'discharge' } });
    expect(evaluateClaim(policy, member, filed(discharged, '2024-06-08')).total.toFixed(2)).toBe('500.00');
    const late = evaluateClaim(policy, member, filed(discharged, '2024-06-09'));
    expect(late.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([['FILED_LATE', 'The claim was filed on 2024-06-09, after the deadline of 2024-06-08.']]);
  });

  it('by 31 March of the next year: filed 2025-03-31 is paid, 2025-04-01 refused', () => {
    const policy = withEligibility({ filingDeadline: { nextYearOn: made('03-31') } });
    expect(evaluateClaim(policy, member, filed(discharged, '2025-03-31')).total.toFixed(2)).toBe('500.00');
    expect(reasonsOf(evaluateClaim(policy, member, filed(discharged, '2025-04-01')))).toEqual(['FILED_LATE']);
  });

  it('a claim without filedOn is settled as if on time, with FILING_DATE_UNKNOWN', () => {
    const policy = withEligibility({ filingDeadline: { daysAfter: made(90), from: 'discharge' } });
    const result = evaluateClaim(policy, member, discharged);
    expect(result.total.toFixed(2)).toBe('500.00');
    expect(result.warnings.map((warning) => warning.code)).toContain('FILING_DATE_UNKNOWN');
    expect(explain(result, { lang: 'en' })).toContain('it was settled as if on time');
  });
});

describe('limits of a benefit over the year', () => {
  it('once a year: the second stay\'s grant is 0, with CLAIMS_PER_YEAR_REACHED', () => {
    const policy = syntheticPolicy([{ ...grant, caps: { claimsPerYear: made(1) } }]);
    const year = evaluateYear(policy, member, [stay('s1', '2024-02-01', '2024-02-05'), stay('s2', '2024-04-01', '2024-04-05')]);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['500.00', '0.00']);
    const second = year.results[1]!;
    expect(second.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([['CLAIMS_PER_YEAR_REACHED', 'Stay grant pays at most 1 claims a protection year, and has paid them.']]);
    expect(second.lines[0]!.steps.at(-1)).toMatchObject({ key: 'claimsPerYear', value: '0.00' });
    expect(explain(second)).toContain('本保障年度已补助 1 次，已达该项补助次数上限');
  });

  it('at most 15 days a year at 50 a day: stays of 10 and 10 days pay 50 × 10 = 500, then 50 × 5 = 250', () => {
    const policy = syntheticPolicy([{ id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('50'), maxDaysPerYear: made(15) } }]);
    const one = evaluateClaim(policy, member, stay('s1', '2024-02-01', '2024-02-11'));
    const two = evaluateClaim(policy, member, stay('s2', '2024-04-01', '2024-04-11'), JSON.parse(JSON.stringify(one.ledger)));
    expect([one.total.toFixed(2), two.total.toFixed(2)]).toEqual(['500.00', '250.00']);
    expect(two.lines[0]!.steps.map((step) => [step.key, step.expression, step.value]).slice(1)).toEqual([
      ['paidDays', 'min(5, 10)', '5'],
      ['perDay', '50.00 × 5', '250.00'],
    ]);
    expect(two.ledger.usage.allowance?.days).toBe(15);
  });
});

describe('outpatient claims and the cost above the ceiling', () => {
  const outpatient = (inScopeCopay: string): ClaimInput => ({ kind: 'outpatient', id: 'o', date: '2024-05-01', costs: { total: inScopeCopay, insurancePaid: '0', inScopeCopay, selfPaid: '0' } });

  it('an outpatient benefit with its own deductible (Beijing 2012, 1,800): (3,000 − 1,800) × 0.5 = 600; the stay benefit does not pay on it', () => {
    const policy = syntheticPolicy([
      grant,
      { id: 'clinic', label: { zh: '门诊补助', en: 'Outpatient subsidy' }, event: 'outpatient', formula: { kind: 'bands', base: 'inScopeCopay', deductible: made('1800'), deductibleScope: 'year', measure: 'afterDeductible', method: 'progressive', bands: made([{ ratio: '0.5' }]) } },
    ]);
    const result = evaluateClaim(policy, member, outpatient('3000.00'));
    expect(result.lines.map((line) => [line.benefit, line.amount.toFixed(2)])).toEqual([['clinic', '600.00']]);
    expect(explain(result, { lang: 'en' })).toContain('Claim o (outpatient care, 2024-05-01)');
    // An outpatient claim is no stay: it neither counts as one nor is paid by a stay benefit.
    expect(result.ledger.stays).toBe(0);
  });

  it('a second benefit on the cost above the ceiling (Beijing 2012): 50,000 × 0.4 + 50,000 × 0.8 = 60,000 beside 50,000 × 0.5 = 25,000', () => {
    const policy = syntheticPolicy([
      { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', base: 'inScopeCopay', method: 'progressive', bands: made([{ ratio: '0.5' }]) } },
      { id: 'above', label: { zh: '封顶线以上补助', en: 'Above the ceiling' }, event: 'hospitalisation', formula: { kind: 'bands', base: 'aboveCeiling', method: 'progressive', bands: made([{ upTo: '50000', ratio: '0.4' }, { ratio: '0.8' }]) } },
    ]);
    const claim: ClaimInput = {
      ...stay('s', '2024-03-01', '2024-03-20'),
      costs: { total: '500000.00', insurancePaid: '300000.00', inScopeCopay: '50000.00', selfPaid: '20000.00', aboveCeiling: '100000.00' },
    };
    const result = evaluateClaim(policy, member, claim);
    expect(result.lines.map((line) => [line.benefit, line.amount.toFixed(2)])).toEqual([['subsidy', '25000.00'], ['above', '60000.00']]);
    expect(result.lines[1]!.steps[0]!.label).toEqual({ zh: '医保封顶线以上费用', en: 'cost above the insurance ceiling' });
  });
});

describe('bracket edges', () => {
  const policy = syntheticPolicy([
    { id: 'aid', label: { zh: '大病救助', en: 'Major illness aid' }, event: 'hospitalisation', formula: { kind: 'bracket', measure: 'selfPaid', brackets: made([{ from: '5000', to: '20000', toIncluded: true, amount: '1000' }]) } },
  ]);
  const on = (selfPaid: string) => evaluateClaim(policy, member, stay('s', '2024-03-01', '2024-03-05', { selfPaid }));

  it('"5,000 to 20,000 inclusive": 20,000 pays 1,000', () => {
    expect(on('20000.00').total.toFixed(2)).toBe('1000.00');
    expect(on('20000.00').lines[0]!.steps[0]!.expression).toBe('20000.00 ≥ 5000.00 ≤ 20000.00');
  });

  it('above the top bracket: 20,000.01 pays nothing with ABOVE_TOP_BRACKET, not the threshold message', () => {
    const result = on('20000.01');
    expect(result.total.toFixed(2)).toBe('0.00');
    expect(result.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([
      ['ABOVE_TOP_BRACKET', 'Major illness aid lists no bracket for self-paid cost outside insurance of 20000.01 yuan: the top bracket ends at 20000.00 yuan.'],
    ]);
  });

  it('below the first bracket: 4,999.99 is BELOW_THRESHOLD', () => {
    expect(reasonsOf(on('4999.99'))).toEqual(['BELOW_THRESHOLD']);
  });
});
