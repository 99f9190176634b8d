/**
 * The fast path (src/_lib/fastSettle.ts) against the reference path (settleClaim): that it is
 * taken where it should be, that it rounds as every mode says, and that it steps aside where
 * plain numbers would no longer be exact. The public tests cannot tell the paths apart, since
 * both give the same results; these can.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateClaim, policies, type BenefitInput, type ClaimInput, type Policy } from '../src';
import { validate } from '../src/_lib/errors';
import { settleFast, isOwnLedger } from '../src/_lib/fastSettle';
import { claimSchema } from '../src/_lib/inputSchemas';
import { emptyLedger } from '../src/_lib/ledger';
import { plainClaim } from '../src/_lib/plainInput';
import { Dec } from '../src/_lib/decimal';
import { moneyFromFen, ROUNDING_MODES } from '../src/_lib/money';
import { settleClaim } from '../src/_lib/settle';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const member = enrolledMember('test', 2024);

function bothPaths(policy: Policy, claim: ClaimInput) {
  const valid = () => validate(claimSchema, claim, 'claim');
  const ledger = emptyLedger(policy, member.id);
  return { fast: settleFast(policy, member as never, plainClaim(claim)!, ledger)?.result, reference: settleClaim(policy, member as never, valid(), ledger) };
}

// Ratios with six decimals leave every kind of remainder: below, at and above one half.
const benefits: BenefitInput[] = [
  { id: 'copay', label: { zh: '补助', en: 'Copay' }, event: 'hospitalisation', formula: { kind: 'copay', base: 'selfPaid', deductible: made('0.07'), tiers: made([{ upTo: '333.33', ratio: '0.123457' }, { ratio: '0.5' }]) } },
  { id: 'days', label: { zh: '补贴', en: 'Days' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('0.99') } },
  { id: 'grade', label: { zh: '伤残', en: 'Grade' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('1234.57'), shares: made({ 1: '0.333333', 2: '0.5', 4: '0.000001' }) } },
  { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('0.01') } },
];
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const claimArb: fc.Arbitrary<ClaimInput> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 40 })).map(([fen, nights]) =>
    stay('s', '2024-03-01', `2024-${nights > 30 ? '04' : '03'}-${String(nights > 30 ? nights - 30 : nights + 1).padStart(2, '0')}`, { selfPaid: yuan(fen) }),
  ),
  fc.integer({ min: 1, max: 10 }).map((grade): ClaimInput => ({ kind: 'disability', id: 'd', date: '2024-05-01', grade })),
  fc.constant<ClaimInput>({ kind: 'death', id: 'x', date: '2024-06-01' }),
);

describe('the fast path', () => {
  const rounding = ROUNDING_MODES.flatMap((mode) => (['eachStep', 'eachLine'] as const).map((at) => ({ mode, at })));

  it.each(rounding)('settles every plain eligible claim, as the reference does, rounding $mode at $at', ({ mode, at }) => {
    const policy = syntheticPolicy(benefits, { conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at } } });
    fc.assert(
      fc.property(claimArb, (claim) => {
        const { fast, reference } = bothPaths(policy, claim);
        expect(fast).toBeDefined();
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
      }),
    );
  });

  it('rounds a tie, a remainder under one half and one over it, by each mode', () => {
    // Shares of 0.01 yuan (one fen): 0.5 fen, 0.123457 fen and 0.75 fen.
    const policy = (mode: (typeof ROUNDING_MODES)[number]) =>
      syntheticPolicy([{ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('0.01'), shares: made({ 1: '0.5', 2: '0.123457', 3: '0.75' }) } }], {
        conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode, at: 'eachLine' } },
      });
    const paid = (mode: (typeof ROUNDING_MODES)[number], grade: number) => bothPaths(policy(mode), { kind: 'disability', id: 'd', date: '2024-05-01', grade }).fast?.total.toFixed(2);
    expect(ROUNDING_MODES.map((mode) => [mode, paid(mode, 1), paid(mode, 2), paid(mode, 3)])).toEqual([
      ['halfUp', '0.01', '0.00', '0.01'],
      ['halfEven', '0.00', '0.00', '0.01'],
      ['down', '0.00', '0.00', '0.00'],
      ['up', '0.01', '0.01', '0.01'],
    ]);
  });

  it.each([
    { name: 'a copay product past 2^53', benefit: benefits[0]!, claim: stay('s', '2024-03-01', '2024-03-02', { selfPaid: '999999999999.99', total: '999999999999.99' }) },
    { name: 'a daily amount past 2^53 over a long stay', benefit: { ...benefits[1]!, formula: { kind: 'perDay', amount: made('999999999999.99') } } as BenefitInput, claim: stay('s', '2024-03-01', '2030-03-01') },
    { name: 'a grade share past 2^53', benefit: { ...benefits[2]!, formula: { kind: 'gradeSchedule', maximum: made('999999999999.99'), shares: made({ 1: '0.999999' }) } } as BenefitInput, claim: { kind: 'disability', id: 'd', date: '2024-05-01', grade: 1 } as ClaimInput },
  ])('steps aside for $name, and the reference stays exact', ({ benefit, claim }) => {
    const policy = syntheticPolicy([benefit]);
    const { fast, reference } = bothPaths(policy, claim);
    expect(fast).toBeUndefined();
    expect(JSON.stringify(evaluateClaim(policy, member, claim))).toBe(JSON.stringify(reference));
  });

  it('steps aside for a refusal, a duplicate, a claim with no benefit and a bracket', () => {
    const policy = syntheticPolicy(benefits);
    const late = bothPaths(policy, { kind: 'death', id: 'x', date: '2025-01-01' });
    expect(late.fast).toBeUndefined();
    const settled = evaluateClaim(policy, member, { kind: 'death', id: 'x', date: '2024-06-01' });
    expect(settleFast(policy, member as never, plainClaim({ kind: 'death', id: 'x', date: '2024-07-01' })!, settled.ledger)).toBeUndefined();
    const deathOnly = syntheticPolicy([benefits[3]!]);
    expect(bothPaths(deathOnly, stay('s', '2024-03-01', '2024-03-02')).fast).toBeUndefined();
    const condolenceMember = enrolledMember('guangxi', 2024, { flags: { cityFederationDirect: true } });
    const condolence = policies['guilin-condolence'][2023];
    const claim = stay('s', '2024-03-01', '2024-03-02', { selfPaid: '6000.00' });
    expect(settleFast(condolence, condolenceMember as never, plainClaim(claim)!, emptyLedger(condolence, condolenceMember.id))).toBeUndefined();
  });

  it("knows its own ledgers, and only those skip validation", () => {
    const policy = syntheticPolicy(benefits);
    const { ledger } = evaluateClaim(policy, member, { kind: 'death', id: 'x', date: '2024-06-01' });
    expect(isOwnLedger(ledger)).toBe(true);
    expect(isOwnLedger(JSON.parse(JSON.stringify(ledger)))).toBe(false);
    expect(isOwnLedger({ ...ledger })).toBe(false);
    expect(isOwnLedger(null)).toBe(false);
    expect(isOwnLedger('ledger')).toBe(false);
  });

  it("makes amounts from fen in decimal.js's own layout, which its arithmetic reads", () => {
    const sameAsDecimal = (fen: number) => {
      const amount = moneyFromFen(fen);
      const expected = new Dec(fen).div(100);
      expect({ s: amount.s, e: amount.e, d: amount.d }).toEqual({ s: expected.s, e: expected.e, d: expected.d });
      expect([amount.toFixed(2), amount.toFixed(), amount.toFixed(3), amount.plus('0.01').toFixed(2)]).toEqual([
        expected.toFixed(2),
        expected.toFixed(),
        expected.toFixed(3),
        expected.plus('0.01').toFixed(2),
      ]);
    };
    // Word boundaries of the yuan (10^7) and of the fen, zero words inside and at the end: every one, every run.
    [0, 1, 9, 10, 99, 100, 101, 1_000_000_000, 1_000_000_001, 1_000_000_100, 100_000_000_000_000, Number.MAX_SAFE_INTEGER].forEach(sameAsDecimal);
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeNat()), sameAsDecimal));
  });
});
