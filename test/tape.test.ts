/**
 * A year's results keep their claims and member compactly (in one array of figures and
 * strings) and make every field again from that when read; a claim or member of another shape
 * is kept whole. Both must read the same: a book settled as given (kept compactly) and the same
 * book with a filing date on every claim and empty flags on the member (kept whole; no policy
 * here has a filing deadline or reads a flag) give the same JSON, byte for byte, whatever order
 * the results are read in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, explain, policies, type ClaimInput, type MemberInput, type Policy } from '../src';
import { made, syntheticPolicy } from './_fixtures';

// Mutation testing lowers the number of generated cases (vitest.mutation.config.ts).
if (process.env.HUZHU_PROPERTY_RUNS) fc.configureGlobal({ numRuns: Number(process.env.HUZHU_PROPERTY_RUNS) });

/** Protection years by discharge, an outpatient benefit and a cap on the cost above the ceiling: what the bundled ones lack. */
const byDischarge = syntheticPolicy(
  [
    { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'year', measure: 'base', method: 'progressive', base: ['inScopeCopay', 'aboveCeiling'], deductible: made('800'), bands: made([{ upTo: '20000', ratio: '0.5' }, { ratio: '0.7' }]) }, caps: { perYear: made('30000') } },
    { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('20'), firstPaidDay: made(4), maxDays: made(20) } },
    { id: 'clinic', label: { zh: '门诊补助', en: 'Outpatient' }, event: 'outpatient', formula: { kind: 'bands', method: 'progressive', base: 'selfPaid', bands: made([{ ratio: '0.4' }]) } },
    { id: 'disability', label: { zh: '伤残补助', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('10000'), shares: made({ 1: '1', 5: '0.5', 10: '0.1' }) } },
    { id: 'death', label: { zh: '身故津贴', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('8000') } },
  ],
  { ceilings: { maximumSubsidy: made('40000') }, conventions: { yearBy: 'discharge', dayCount: 'includeBothDays', rounding: { mode: 'halfUp', at: 'eachStep' } } },
);

const cases: { name: string; policy: Policy; year: number }[] = [
  { name: 'guangxi 2024', policy: policies.guangxi[2024], year: 2024 },
  { name: 'beijing-warm 2012', policy: policies['beijing-warm'][2012], year: 2012 },
  { name: 'a synthetic policy by discharge, with outpatient claims', policy: byDischarge, year: 2024 },
];

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const fen = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 400_000_000 }), fc.constant(0));
const dateIn = (year: number) => fc.integer({ min: -20, max: 380 }).map((n) => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10));
const later = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function claimArb(year: number, id: string): fc.Arbitrary<ClaimInput> {
  const costs = fc.tuple(fen, fen, fen, fen, fc.boolean()).map(([insurancePaid, inScopeCopay, selfPaid, aboveCeiling, above]) => ({
    total: yuan(insurancePaid + inScopeCopay + selfPaid + (above ? aboveCeiling : 0) + 1234),
    insurancePaid: yuan(insurancePaid),
    inScopeCopay: yuan(inScopeCopay),
    selfPaid: yuan(selfPaid),
    ...(above && { aboveCeiling: yuan(aboveCeiling) }),
  }));
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(dateIn(year), fc.integer({ min: 0, max: 70 }), costs, fc.constantFrom('illness', 'accident') as fc.Arbitrary<'illness' | 'accident'>).map(([admission, nights, c, cause]): ClaimInput => ({ kind: 'hospitalisation', id, admission, discharge: later(admission, nights), cause, costs: c })) },
    { weight: 2, arbitrary: fc.tuple(dateIn(year), costs).map(([date, c]): ClaimInput => ({ kind: 'outpatient', id, date, costs: c })) },
    { weight: 1, arbitrary: fc.tuple(dateIn(year), fc.integer({ min: 1, max: 10 })).map(([date, grade]): ClaimInput => ({ kind: 'disability', id, date, grade })) },
    { weight: 1, arbitrary: dateIn(year).map((date): ClaimInput => ({ kind: 'death', id, date })) },
  );
}

/** Up to 34 claims (a tape keeps a ledger every 16), in any order, some ids repeated. */
const bookArb = (year: number) =>
  fc.integer({ min: 1, max: 34 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, at) => fc.nat(count + 2).chain((n) => claimArb(year, `c${n === 0 ? 1 : at}`)))));

const memberArb = (policy: Policy, year: number) =>
  fc.boolean().map((twice): MemberInput => ({
    id: 'm-1',
    enrolments: [
      { scheme: policy.scheme, year, from: `${year}-01-01`, to: twice ? `${year}-06-30` : `${year}-12-31` },
      ...(twice ? [{ scheme: policy.scheme, year, from: `${year}-07-02`, to: `${year}-12-31` }] : []),
    ],
  }));

/** The same book, each claim given a filing date and the member empty flags: kept whole, not compactly. */
function keptWhole(member: MemberInput, claims: readonly ClaimInput[]) {
  return { member: { ...member, flags: {} }, claims: claims.map((claim) => ({ ...claim, filedOn: claim.kind === 'hospitalisation' ? claim.discharge : claim.date })) };
}

describe.each(cases)('results read from a compact tape equal those kept whole, under $name', ({ policy, year }) => {
  it('every result of a year, as JSON, read in order or last to first', () => {
    fc.assert(
      fc.property(memberArb(policy, year), bookArb(year), fc.boolean(), (member, claims, backwards) => {
        const whole = keptWhole(member, claims);
        const compact = evaluateYear(policy, member, claims);
        const kept = evaluateYear(policy, whole.member, whole.claims);
        if (backwards) for (const result of [...kept.results].reverse()) void result.ledger;
        expect(JSON.stringify(compact)).toBe(JSON.stringify(kept));
        expect(compact.results.map((result) => result.eventDate)).toEqual(kept.results.map((result) => result.eventDate));
      }),
      // Up to 68 claims settled, read and written as JSON (about 6 kB each) a run: fewer runs than the default, to stay well within the timeout on a loaded machine.
      { numRuns: 25 },
    );
  });

  it('one claim at a time, and its explanation', () => {
    fc.assert(
      fc.property(memberArb(policy, year), claimArb(year, 'c1'), (member, claim) => {
        const whole = keptWhole(member, [claim]);
        const compact = evaluateClaim(policy, member, claim);
        const kept = evaluateClaim(policy, whole.member, whole.claims[0]!);
        expect(JSON.stringify(compact)).toBe(JSON.stringify(kept));
        expect(explain(compact, { lang: 'en' })).toBe(explain(kept, { lang: 'en' }));
      }),
      { numRuns: 50 },
    );
  });
});

describe('a tape keeps a ledger every 16 claims', () => {
  it.each([15, 16, 17, 32, 33])('a year of %i deaths, the last result’s ledger read before any other: it lists every claim', (count) => {
    const member: MemberInput = { id: 'm', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    const claims = Array.from({ length: count }, (_, at): ClaimInput => ({ kind: 'death', id: `c${at}`, date: '2024-03-01' }));
    const { results } = evaluateYear(policies.guangxi[2024], member, claims);
    // Guangxi 2024 pays 10,000 yuan a death, and the schema does not ask whether a member died twice.
    expect(results.at(-1)!.ledger.claimIds).toHaveLength(count);
    expect(results.at(-1)!.ledger.total.toFixed(2)).toBe(`${count * 10_000}.00`);
  });
});

describe('a claim the rules read more of than the tape keeps in figures is kept whole', () => {
  it('a death naming the event of a disability paid that year: its lines, read after settling, show the same cut as its total', () => {
    // Disability and death for one accident: the death pays 30,000 less the 15,000 the disability paid (rules.history.test.ts).
    const policy = syntheticPolicy([
      { id: 'disability', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('30000.00'), shares: made({ 3: '0.5' }) } },
      { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('30000.00') }, sameEvent: { lessPaidFor: ['disability'] } },
    ]);
    const member: MemberInput = { id: 'm', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    const { results } = evaluateYear(policy, member, [
      { kind: 'disability', id: 'd', date: '2024-03-01', grade: 3, event: 'acc' },
      { kind: 'death', id: 'x', date: '2024-05-01', event: 'acc' },
    ]);
    expect(results[1]!.total.toFixed(2)).toBe('15000.00');
    // Made again without its event, the death would pay the whole 30,000 on its line.
    expect(results[1]!.lines.map((line) => [line.amount.toFixed(2), line.cappedBy])).toEqual([['15000.00', 'sameEvent']]);
  });
});
