/**
 * A member's history beyond one year's ledger (docs/rule-model.md#history): a benefit paid at
 * most once in N years (`caps.oncePerYears`), and disability and death for one event
 * (`sameEvent`: Shanghai class B 2017, "accidental total disability or accidental death
 * 30,000", sdju.edu.cn notice as summarised in shared/schemes.md). Every figure can be redone
 * by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  definePolicy,
  diffPolicies,
  evaluateClaim,
  evaluateYear,
  explain,
  historyEntries,
  policies,
  safeEvaluateClaim,
  safeEvaluateYear,
  type BenefitInput,
  type ClaimInput,
  type HistoryEntryInput,
  type Ledger,
} from '../src';
import { Decimal } from '../src';
import { PaymentLog, readHistory, type PastRef } from '../src/_lib/engine/history';
import { enrolledMember, firstIssue, made, stay, syntheticPolicy, syntheticSpec } from './_fixtures';

const member = enrolledMember('test', 2024);
const costs = { total: '100.00', insurancePaid: '0', inScopeCopay: '0', selfPaid: '100.00' };
const visit = (id: string, date: string): ClaimInput => ({ kind: 'outpatient', id, date, costs });

/** A lump sum of 2,000 on an outpatient claim, paid at most once in `years` years. */
const onceIn = (years: number) =>
  syntheticPolicy([
    { id: 'lump', label: { zh: '一次性补助', en: 'Lump sum' }, event: 'outpatient', formula: { kind: 'lumpSum', amount: made('2000.00') }, caps: { oncePerYears: made(years) } },
  ]);
const earlier = (date: string, extra: Partial<HistoryEntryInput> = {}): HistoryEntryInput => ({
  scheme: 'test',
  year: Number(date.slice(0, 4)),
  benefit: 'lump',
  claimId: `paid-${date}`,
  date,
  paid: '2000.00',
  ...extra,
});
const paidOn = (date: string, history: HistoryEntryInput[], years = 3) => evaluateClaim(onceIn(years), member, visit('c', date), undefined, { history }).total.toFixed(2);

describe('at most once in N years: the claim is refused less than N calendar years after the last paid one', () => {
  it('paid 2021-02-28, once in 3 years: refused up to 2024-02-27, paid again from 2024-02-28, the third anniversary', () => {
    const history = [earlier('2021-02-28')];
    expect(paidOn('2024-02-27', history)).toBe('0.00');
    expect(paidOn('2024-02-28', history)).toBe('2000.00');
  });

  it('names the earlier claim and its date, in both languages, and shows the step', () => {
    const result = evaluateClaim(onceIn(3), member, visit('c', '2024-01-10'), undefined, { history: [earlier('2021-02-28')] });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['PAID_WITHIN_YEARS']);
    expect(result.reasons[0]!.message.en).toBe('Lump sum pays at most once in 3 years, and paid claim paid-2021-02-28 of 2021-02-28: nothing is paid until 3 years after it.');
    expect(result.reasons[0]!.message.zh).toBe('一次性补助3 年内限给付一次，已于 2021-02-28 的申请 paid-2021-02-28 给付：该次给付后满 3 年前不再给付。');
    expect(result.lines[0]).toMatchObject({ cappedBy: 'oncePerYears' });
    expect(result.lines[0]!.amountBeforeCaps.toFixed(2)).toBe('2000.00');
    expect(result.lines[0]!.steps.map((step) => step.statement.en)).toEqual(['2000.00 yuan', '2000.00 → 0.00 yuan']);
    expect(explain(result, { lang: 'en' })).toContain('Lump sum※: 2000.00 yuan; claim paid-2021-02-28 of 2021-02-28 was paid less than 3 years before: nothing paid; pays 0.00 yuan');
  });

  it('29 February: once in a year from 2020-02-29 is paid again from 2021-02-28', () => {
    const history = [earlier('2020-02-29', { year: 2020 })];
    const policy = onceIn(1);
    const member2021 = enrolledMember('test', 2021);
    const spec = syntheticSpec(policy.benefits as BenefitInput[], { year: 2021, validFrom: '2021-01-01', validTo: '2021-12-31' });
    const policy2021 = definePolicy(spec);
    const on = (date: string) => evaluateClaim(policy2021, member2021, visit('c', date), undefined, { history }).total.toFixed(2);
    expect(on('2021-02-27')).toBe('0.00');
    expect(on('2021-02-28')).toBe('2000.00');
  });

  it('a payment dated after the claim counts too: a claim filed late is refused when the two are less than N years apart', () => {
    const history = [earlier('2027-06-01')];
    expect(paidOn('2024-06-02', history)).toBe('0.00');
    // Exactly three years before: not less than three years apart.
    expect(paidOn('2024-06-01', history)).toBe('2000.00');
  });

  it('counts only paid entries of the policy\'s scheme and of the same benefit', () => {
    expect(paidOn('2024-01-10', [earlier('2023-01-10', { scheme: 'other' })])).toBe('2000.00');
    expect(paidOn('2024-01-10', [earlier('2023-01-10', { benefit: 'other-benefit' })])).toBe('2000.00');
    expect(paidOn('2024-01-10', [earlier('2023-01-10', { paid: '0' })])).toBe('2000.00');
    expect(paidOn('2024-01-10', [earlier('2023-01-10')])).toBe('0.00');
  });

  it('the year\'s own claims feed the same rule: a second claim within a year of the first is refused, in evaluateYear and by chaining evaluateClaim alike', () => {
    const policy = onceIn(1);
    const claims = [visit('a', '2024-02-01'), visit('b', '2024-11-01')];
    const year = evaluateYear(policy, member, claims);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['2000.00', '0.00']);
    const first = evaluateClaim(policy, member, claims[0]!);
    expect(evaluateClaim(policy, member, claims[1]!, first.ledger).total.toFixed(2)).toBe('0.00');
    expect(year.results[1]!.reasons[0]!.params).toMatchObject({ claimId: 'a', date: '2024-02-01' });
  });

  it('a ledger written as JSON holds no dates: the year\'s earlier claims then come as history, made from the results by historyEntries', () => {
    const policy = onceIn(1);
    const first = evaluateClaim(policy, member, visit('a', '2024-02-01'));
    const json = JSON.parse(JSON.stringify(first));
    // Without the history, the JSON ledger cannot tell.
    expect(evaluateClaim(policy, member, visit('b', '2024-11-01'), json.ledger).total.toFixed(2)).toBe('2000.00');
    const history = historyEntries([json]);
    expect(history).toEqual([{ scheme: 'test', year: 2024, benefit: 'lump', claimId: 'a', date: '2024-02-01', paid: '2000.00' }]);
    expect(evaluateClaim(policy, member, visit('b', '2024-11-01'), json.ledger, { history }).total.toFixed(2)).toBe('0.00');
  });

  it('works on stays too: a lump sum for an accident stay, once in 2 years', () => {
    const policy = syntheticPolicy([
      { id: 'lump', label: { zh: '意外住院', en: 'Accident stay' }, event: 'hospitalisation', causes: ['accident'], formula: { kind: 'lumpSum', amount: made('500.00') }, caps: { oncePerYears: made(2) } },
    ]);
    const history = [earlier('2022-05-01', { paid: '500.00' })];
    const on = (admission: string) => evaluateClaim(policy, member, stay('s', admission, admission, {}, 'accident'), undefined, { history }).total.toFixed(2);
    expect(on('2024-04-30')).toBe('0.00');
    expect(on('2024-05-01')).toBe('500.00');
  });
});

describe('disability and death for one event, Shanghai class B 2017: "accidental total disability or accidental death 30,000", not both', () => {
  const shanghai = policies['shanghai-b'][2017];
  const shMember = enrolledMember('shanghai-b', 2017);
  const disability = (id: string, date: string, grade: number, event?: string): ClaimInput => ({ kind: 'disability', id, date, grade, attributes: { cause: 'accident' }, ...(event && { event }) });
  const death = (id: string, date: string, event?: string): ClaimInput => ({ kind: 'death', id, date, attributes: { cause: 'accident' }, ...(event && { event }) });
  const totals = (claims: ClaimInput[]) => evaluateYear(shanghai, shMember, claims).results.map((result) => result.total.toFixed(2));

  it('largerOf: the second claim of one accident pays the difference, whichever comes first (30,000 − 30,000 = 0)', () => {
    expect(totals([disability('d', '2017-03-01', 1, 'acc'), death('x', '2017-04-01', 'acc')])).toEqual(['30000.00', '0.00']);
    expect(totals([death('x', '2017-03-01', 'acc'), disability('d', '2017-04-01', 1, 'acc')])).toEqual(['30000.00', '0.00']);
  });

  it('different accidents are paid each', () => {
    expect(totals([disability('d', '2017-03-01', 1, 'acc-1'), death('x', '2017-04-01', 'acc-2')])).toEqual(['30000.00', '30000.00']);
  });

  it('a claim naming no event is paid in full, with a warning that nothing was deducted', () => {
    const year = evaluateYear(shanghai, shMember, [disability('d', '2017-03-01', 1, 'acc'), death('x', '2017-04-01')]);
    expect(year.results[1]!.total.toFixed(2)).toBe('30000.00');
    expect(year.results[1]!.warnings.map((warning) => warning.code)).toContain('EVENT_NOT_NAMED');
  });

  it('the disability paid in an earlier year (history) is deducted from the death', () => {
    const history = [{ scheme: 'shanghai-b', year: 2016, benefit: 'accident-disability', claimId: 'd16', date: '2016-12-01', paid: '30000.00', event: 'acc' }];
    const result = evaluateClaim(shanghai, shMember, death('x', '2017-01-15', 'acc'), undefined, { history });
    expect(result.total.toFixed(2)).toBe('0.00');
    expect(result.reasons[0]!.message.en).toBe('Accidental death benefit: 30000.00 yuan was already paid for the same event acc (claim d16) and is deducted.');
    expect(result.reasons[0]!.message.zh).toBe('意外身故补助：同一事件（acc）已给付 30000.00 元（申请 d16），予以扣除。');
  });

  it('a payment the ledger already holds and the history lists again is deducted once', () => {
    const synthetic = syntheticPolicy([
      { id: 'disability', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('30000.00'), shares: made({ 3: '0.5' }) } },
      { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('30000.00') }, sameEvent: { lessPaidFor: ['disability'] } },
    ]);
    const first = evaluateClaim(synthetic, member, { kind: 'disability', id: 'd', date: '2024-03-01', grade: 3, event: 'acc' });
    const history = historyEntries([first], [{ id: 'd', event: 'acc' }]);
    // 30,000 − 15,000 paid for grade 3 = 15,000, not 30,000 − 2 × 15,000 = 0.
    expect(evaluateClaim(synthetic, member, { kind: 'death', id: 'x', date: '2024-05-01', event: 'acc' }, first.ledger, { history }).total.toFixed(2)).toBe('15000.00');
  });

  it('lessPaidFor deducts one way only: a disability after the death is paid in full', () => {
    const synthetic = syntheticPolicy([
      { id: 'disability', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('20000.00'), shares: made({ 1: '1' }) } },
      { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('30000.00') }, sameEvent: { lessPaidFor: ['disability'] } },
    ]);
    const year = (claims: ClaimInput[]) => evaluateYear(synthetic, member, claims).results.map((result) => result.total.toFixed(2));
    // 30,000 − 20,000 = 10,000.
    expect(year([{ kind: 'disability', id: 'd', date: '2024-03-01', grade: 1, event: 'e' }, { kind: 'death', id: 'x', date: '2024-04-01', event: 'e' }])).toEqual(['20000.00', '10000.00']);
    expect(year([{ kind: 'death', id: 'x', date: '2024-03-01', event: 'e' }, { kind: 'disability', id: 'd', date: '2024-04-01', grade: 1, event: 'e' }])).toEqual(['30000.00', '20000.00']);
  });

  it('results read neither the history nor the claims again: lines made after the caller changed them are the same', () => {
    const history = [{ scheme: 'shanghai-b', year: 2016, benefit: 'accident-disability', claimId: 'd16', date: '2016-12-01', paid: '20000.00', event: 'acc' }];
    const claim = death('x', '2017-01-15', 'acc') as { event?: string };
    const result = evaluateClaim(shanghai, shMember, claim as ClaimInput, undefined, { history });
    history[0]!.paid = '1.00';
    claim.event = 'other';
    expect(result.lines[0]!.amount.toFixed(2)).toBe('10000.00');
    expect(result.lines[0]!.steps.at(-1)!.statement.en).toBe('max(0, 30000.00 − 20000.00) = 10000.00 yuan');
  });
});

describe('the year\'s log of payments, read back when results are read in any order', () => {
  it('each result read alone, last first, is what chaining evaluateClaim gives', () => {
    const policy = syntheticPolicy([
      { id: 'disability', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('1000.00'), shares: made({ 1: '1', 2: '0.5' }) } },
      { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('3000.00') }, sameEvent: { lessPaidFor: ['disability'] } },
    ]);
    // 40 claims, past two checkpoints of the tape: events e0…e3, a disability of grade 1 or 2 and a death each.
    const claims: ClaimInput[] = [];
    for (let at = 0; at < 40; at += 1) {
      const date = `2024-${String(1 + Math.floor(at / 4)).padStart(2, '0')}-${String(1 + (at % 4)).padStart(2, '0')}`;
      const event = `e${at % 4}`;
      claims.push(at % 3 === 0 ? { kind: 'death', id: `c${at}`, date, event } : { kind: 'disability', id: `c${at}`, date, grade: 1 + (at % 2), event });
    }
    const year = evaluateYear(policy, member, claims);
    let ledger: Ledger | undefined;
    const chained = claims.map((claim) => {
      const result = evaluateClaim(policy, member, claim, ledger);
      ledger = result.ledger;
      return result.lines.map((line) => line.amount.toFixed(2));
    });
    const read = [...year.results.keys()].reverse().map((at) => [at, year.results[at]!.lines.map((line) => line.amount.toFixed(2))] as const);
    for (const [at, lines] of read) expect(lines, `claim ${at}`).toEqual(chained[at]);
  });
});

describe('linear in the input', () => {
  // The engine's own structures, at sizes where a scan per query would take minutes
  // (100,000 × 100,000 = 10¹⁰ steps) and running sums, binary searches and one set take
  // milliseconds. vitest's 5 s timeout is the only clock.
  const N = 100_000;
  const payment = (at: number, event = 'e') => ({ benefit: 0, date: '2024-03-01', day: 19783, event, fen: 100, claimId: `c${at}` });

  it('what an event was paid, asked after each of 100,000 payments of it', () => {
    let past: PastRef | undefined;
    let sum = 0;
    for (let at = 0; at < N; at += 1) {
      past = PaymentLog.append(past, payment(at));
      sum += past.log.paidFor('e', 0, past.count)!.fen;
    }
    // 100 + 200 + … + 100,000 × 100 fen.
    expect(sum).toBe((100 * N * (N + 1)) / 2);
  });

  it('a history of 100,000 entries of the year, over a ledger that logged 100,000 payments, is read once each', () => {
    let past: PastRef | undefined;
    for (let at = 0; at < N; at += 1) past = PaymentLog.append(past, payment(at));
    const policy = syntheticPolicy([{ id: 'd', label: { zh: '伤残', en: 'D' }, event: 'death', formula: { kind: 'lumpSum', amount: made('1.00') } }]);
    const entries = Array.from({ length: N }, (_, at) => ({ scheme: 'test', year: 2024, benefit: 'd', claimId: `h${at}`, date: '2024-03-01', paid: new Decimal('1.00'), event: 'e' }));
    const history = readHistory(entries, policy, past, [], ['history']);
    expect(history.paidFor('e', 0)!.fen).toBe(100 * N);
  });
});

describe('invalid history and rules', () => {
  it('names the field of a bad entry', () => {
    const issue = firstIssue(() => evaluateClaim(onceIn(3), member, visit('c', '2024-01-10'), undefined, { history: [{ ...earlier('2021-02-28'), paid: '1.234' }] }));
    expect(issue.path).toEqual(['options', 'history', 0, 'paid']);
  });

  it('refuses an entry listed twice, and one of a claim this call settles', () => {
    expect(firstIssue(() => paidOn('2024-01-10', [earlier('2021-02-28'), earlier('2021-02-28')]))).toMatchObject({ path: ['options', 'history', 1, 'benefit'], code: 'duplicate_entry' });
    const issue = firstIssue(() => evaluateYear(onceIn(3), member, [visit('c', '2024-01-10')], undefined, { history: [earlier('2024-01-01', { claimId: 'c' })] }));
    expect(issue).toMatchObject({ path: ['options', 'history', 0, 'claimId'], code: 'settled_here' });
  });

  it('refuses unknown options', () => {
    expect(firstIssue(() => evaluateClaim(onceIn(3), member, visit('c', '2024-01-10'), undefined, { histroy: [] } as never)).path).toEqual(['options']);
  });

  it('safe variants return the error', () => {
    const bad = { history: [{ ...earlier('2021-02-28'), date: '2021-02-30' }] };
    expect(safeEvaluateClaim(onceIn(3), member, visit('c', '2024-01-10'), undefined, bad)).toMatchObject({ success: false });
    expect(safeEvaluateYear(onceIn(3), member, [visit('c', '2024-01-10')], undefined, bad)).toMatchObject({ success: false });
  });

  const deathWith = (sameEvent: unknown): BenefitInput[] => [
    { id: 'disability', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'lumpSum', amount: made('1.00') } },
    { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('1.00') }, sameEvent } as BenefitInput,
  ];
  it.each([
    ['an unknown benefit', { lessPaidFor: ['disabilty'] }, ['spec', 'benefits', 1, 'sameEvent', 'lessPaidFor', 0], 'unknown_benefit'],
    ['both kinds at once', { lessPaidFor: ['disability'], largerOf: ['disability'] }, ['spec', 'benefits', 1, 'sameEvent'], 'invalid_same_event'],
    ['neither', {}, ['spec', 'benefits', 1, 'sameEvent'], 'invalid_same_event'],
    ['itself in largerOf', { largerOf: ['death'] }, ['spec', 'benefits', 1, 'sameEvent', 'largerOf', 0], 'unknown_benefit'],
  ])('refuses a same-event rule with %s', (_name, sameEvent, path, code) => {
    expect(firstIssue(() => syntheticPolicy(deathWith(sameEvent)))).toMatchObject({ path, code });
  });

  it('diffPolicies lists a changed once-in-N-years limit and a changed same-event rule', () => {
    const older = syntheticPolicy([...deathWith({ lessPaidFor: ['disability'] }), { ...onceIn(3).benefits[0]! } as BenefitInput]);
    const newer = syntheticPolicy([...deathWith({ largerOf: ['disability'] }), { ...onceIn(5).benefits[0]! } as BenefitInput]);
    const diff = diffPolicies(older, newer);
    expect(diff.changes.map((change) => [change.parameter, change.before?.value, change.after?.value])).toEqual([['benefits.lump.caps.oncePerYears', 3, 5]]);
    expect(diff.settings).toHaveLength(2);
    expect(diff.settings).toEqual(
      expect.arrayContaining([
        { setting: 'benefits.death.sameEvent.lessPaidFor', label: { zh: '同一事件扣减已付的补助', en: 'Same event: less what these paid' }, before: ['disability'], after: null },
        { setting: 'benefits.death.sameEvent.largerOf', label: { zh: '同一事件只付其中较高者', en: 'Same event: only the larger of these' }, before: null, after: ['disability'] },
      ]),
    );
  });
});

describe('history entries carry the condition of a diagnosis claim', () => {
  const chongqing = policies['chongqing-critical-illness'][2020];
  const insured = enrolledMember('chongqing-critical-illness', 2020);
  const diagnosis = { kind: 'diagnosis', id: 'dx', date: '2020-05-10', condition: 'stroke-sequelae' } as const;

  it('historyEntries fills `condition` from the diagnosis claims, and `event` beside it', () => {
    const settled = evaluateClaim(chongqing, insured, diagnosis);
    // 12,000 for a listed disease of the member (cqgh.org, 2020).
    expect(historyEntries([settled], [diagnosis, { id: 'other', event: 'e' }])).toEqual([
      { scheme: 'chongqing-critical-illness', year: 2020, benefit: 'critical-illness', claimId: 'dx', date: '2020-05-10', paid: '12000.00', condition: 'stroke-sequelae' },
    ]);
  });

  it('an entry with a condition is read as history; a condition longer than a code is refused', () => {
    const history = historyEntries([evaluateClaim(chongqing, insured, diagnosis)], [diagnosis]);
    const later = { ...diagnosis, id: 'dy', date: '2020-09-01' };
    expect(evaluateClaim(chongqing, insured, later, undefined, { history }).total.toFixed(2)).toBe('12000.00');
    const bad = safeEvaluateClaim(chongqing, insured, later, undefined, { history: [{ ...history[0]!, condition: 'x'.repeat(65) }] });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'))).toEqual(['options.history.0.condition']);
  });
});
