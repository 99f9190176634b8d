/**
 * Properties that must hold for every claim, checked on generated ones (fast-check). The
 * policies are the bundled Guangxi 2024 and a synthetic one whose caps are small enough to
 * bind often, with two bands, odd daily amount and every-step rounding; and, held to the
 * Decimal oracle of test/oracle/, generated policies of every rule the model has.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  evaluateClaim,
  evaluateYear,
  parsePolicy,
  policies,
  type ClaimInput,
  type HospitalisationInput,
  type LedgerInput,
  type MemberInput,
  type Policy,
  type YearResult,
} from '../src';
import { oracleYear, type OracleYear } from './oracle';
import { scenarioArb } from './oracle/arbitraries';
import { made, syntheticPolicy } from './_fixtures';

// Mutation testing lowers the number of generated cases (vitest.mutation.config.ts).
if (process.env.HUZHU_PROPERTY_RUNS) fc.configureGlobal({ numRuns: Number(process.env.HUZHU_PROPERTY_RUNS) });

const capped = syntheticPolicy(
  [
    {
      id: 'subsidy',
      label: { zh: '住院补助', en: 'Subsidy' },
      event: 'hospitalisation',
      formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('500'), bands: made([{ upTo: '20000', ratio: '0.55' }, { ratio: '0.705' }]) },
      caps: { perClaim: made('4000'), perYear: made('9000') },
    },
    { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('33.33'), firstPaidDay: made(2), maxDays: made(30) } },
    { id: 'disability', label: { zh: '伤残补助', en: 'Disability' }, event: 'disability', formula: { kind: 'gradeSchedule', maximum: made('12345.67'), shares: made({ 1: '1', 5: '0.333', 10: '0.05' }) } },
    { id: 'death', label: { zh: '身故津贴', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('8000') } },
  ],
  { ceilings: { maximumSubsidy: made('15000') }, conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachStep' } } },
);
const cases: { name: string; policy: Policy; scheme: string }[] = [
  { name: 'guangxi 2024', policy: policies.guangxi[2024], scheme: 'guangxi' },
  { name: 'a synthetic policy with binding caps', policy: capped, scheme: 'test' },
];

const member = (scheme: string): MemberInput => ({ id: 'm', enrolments: [{ scheme, year: 2024, from: '2024-01-01', to: '2024-12-31' }] });

/** An amount in yuan from whole fen, written without ever passing through a float. */
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const fen = fc.integer({ min: 0, max: 30_000_000 });
const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));

const costsArb = fc.record({ insurancePaid: fen, inScopeCopay: fen, selfPaid: fen, extra: fc.integer({ min: 0, max: 100_000 }) });
type Costs = typeof costsArb extends fc.Arbitrary<infer T> ? T : never;

function stayOf(id: string, admission: string, nights: number, costs: Costs, cause: 'illness' | 'accident' = 'illness'): HospitalisationInput {
  const end = new Date(`${admission}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + nights);
  const total = costs.insurancePaid + costs.inScopeCopay + costs.selfPaid + costs.extra;
  return {
    kind: 'hospitalisation',
    id,
    admission,
    discharge: end.toISOString().slice(0, 10),
    cause,
    costs: { total: yuan(total), insurancePaid: yuan(costs.insurancePaid), inScopeCopay: yuan(costs.inScopeCopay), selfPaid: yuan(costs.selfPaid) },
  };
}

const claimArb = (id: string): fc.Arbitrary<ClaimInput> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(day, fc.integer({ min: 0, max: 90 }), costsArb, fc.constantFrom('illness', 'accident') as fc.Arbitrary<'illness' | 'accident'>).map(([a, n, c, cause]) => stayOf(id, a, n, c, cause)) },
    { weight: 1, arbitrary: fc.tuple(day, fc.integer({ min: 1, max: 10 })).map(([date, grade]): ClaimInput => ({ kind: 'disability', id, date, grade })) },
    { weight: 1, arbitrary: day.map((date): ClaimInput => ({ kind: 'death', id, date })) },
  );
const claimsArb = fc.integer({ min: 1, max: 8 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => claimArb(`c${i}`))));

/** What the member was already paid: anything from nothing to past the maximum subsidy. */
const ledgerArb = (scheme: string): fc.Arbitrary<LedgerInput> =>
  fc.integer({ min: 0, max: 120_000_000 }).map((paid) => ({ scheme, year: 2024, memberId: 'm', total: yuan(paid), byBenefit: {}, claimIds: [] }));

const sum = (amounts: readonly Decimal[]) => amounts.reduce((a, b) => a.plus(b), new Decimal(0));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe.each(cases)('properties under $name', ({ policy, scheme }) => {
  it('more of any cost never pays less', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), costsArb, fc.constantFrom('insurancePaid', 'inScopeCopay', 'selfPaid') as fc.Arbitrary<'insurancePaid' | 'inScopeCopay' | 'selfPaid'>, fen, ledgerArb(scheme), (admission, nights, costs, field, more, ledger) => {
        const before = evaluateClaim(policy, member(scheme), stayOf('s', admission, nights, costs), ledger);
        const after = evaluateClaim(policy, member(scheme), stayOf('s', admission, nights, { ...costs, [field]: costs[field] + more }), ledger);
        expect(after.total.gte(before.total)).toBe(true);
      }),
    );
  });

  it('a longer stay never pays less', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), costsArb, (admission, nights, more, costs) => {
        const shorter = evaluateClaim(policy, member(scheme), stayOf('s', admission, nights, costs));
        const longer = evaluateClaim(policy, member(scheme), stayOf('s', admission, nights + more, costs));
        expect(longer.total.gte(shorter.total)).toBe(true);
      }),
    );
  });

  it('pays nothing negative, no line past its caps, and no year past the maximum subsidy', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const year = evaluateYear(policy, member(scheme), claims);
        const maximum = policy.ceilings.maximumSubsidy?.value;
        for (const result of year.results) {
          expect(result.total.gte(0)).toBe(true);
          for (const line of result.lines) {
            expect(line.amount.gte(0)).toBe(true);
            expect(line.amount.lte(line.amountBeforeCaps)).toBe(true);
            const caps = policy.benefits.find((b) => b.id === line.benefit)?.caps;
            if (caps?.perClaim) expect(line.amount.lte(caps.perClaim.value)).toBe(true);
          }
        }
        for (const benefit of policy.benefits) {
          const perYear = benefit.caps?.perYear?.value;
          if (perYear !== undefined) expect(new Decimal(year.ledger.byBenefit[benefit.id] ?? 0).lte(perYear)).toBe(true);
        }
        if (maximum !== undefined) expect(year.ledger.total.lte(maximum)).toBe(true);
      }),
    );
  });

  it('a total is the sum of its lines, to the fen, and every amount is whole fen', () => {
    fc.assert(
      fc.property(claimsArb, ledgerArb(scheme), (claims, ledger) => {
        const year = evaluateYear(policy, member(scheme), claims, ledger);
        for (const result of year.results) {
          expect(result.total.equals(sum(result.lines.map((line) => line.amount)))).toBe(true);
          for (const line of result.lines) expect(line.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        expect(year.total.equals(sum(year.results.map((result) => result.total)))).toBe(true);
        expect(year.ledger.total.equals(year.total.plus(ledger.total as string))).toBe(true);
      }),
    );
  });

  it('evaluateYear equals chaining evaluateClaim in date order', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const year = evaluateYear(policy, member(scheme), claims);
        let ledger: LedgerInput | undefined;
        const chained = year.results.map((settled) => {
          const result = evaluateClaim(policy, member(scheme), claims.find((claim) => claim.id === settled.claimId)!, ledger);
          ledger = result.ledger;
          return result;
        });
        expect(JSON.stringify(chained)).toBe(JSON.stringify(year.results));
      }),
    );
  });

  it('settles in event-date order, claims on the same date in the order given', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const year = evaluateYear(policy, member(scheme), claims);
        const given = (id: string) => claims.findIndex((claim) => claim.id === id);
        year.results.forEach((result, i) => {
          const previous = year.results[i - 1];
          if (previous === undefined) return;
          expect(previous.eventDate <= result.eventDate).toBe(true);
          if (previous.eventDate === result.eventDate) expect(given(previous.claimId)).toBeLessThan(given(result.claimId));
        });
        expect(year.illustrative).toBe(year.results.some((result) => result.illustrative));
      }),
    );
  });

  it('the order claims with distinct dates are given in does not change the year', () => {
    const distinct = claimsArb.filter((claims) => new Set(claims.map((c) => (c.kind === 'hospitalisation' ? c.admission : c.date))).size === claims.length);
    fc.assert(
      fc.property(distinct, fc.infiniteStream(fc.nat()), (claims, randomness) => {
        const keys = claims.map(() => randomness.next().value as number);
        const shuffled = claims.map((claim, i) => ({ claim, key: keys[i]! })).sort((a, b) => a.key - b.key).map(({ claim }) => claim);
        expect(JSON.stringify(evaluateYear(policy, member(scheme), shuffled))).toBe(JSON.stringify(evaluateYear(policy, member(scheme), claims)));
      }),
    );
  });

  it('is deterministic, works on deep-frozen inputs and never mutates them', () => {
    fc.assert(
      fc.property(claimsArb, ledgerArb(scheme), (claims, ledger) => {
        const input = { member: member(scheme), claims, ledger };
        const snapshot = JSON.stringify(input);
        const first = JSON.stringify(evaluateYear(policy, input.member, input.claims, input.ledger));
        deepFreeze(input);
        expect(JSON.stringify(evaluateYear(policy, input.member, input.claims, input.ledger))).toBe(first);
        expect(JSON.stringify(input)).toBe(snapshot);
      }),
    );
  });
});

/** Overwrites every field of `value`, at every depth, with `junk`: what a caller might do to its objects once a call returned. */
function vandalise(value: unknown, junk: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    vandalise((value as Record<string, unknown>)[key], junk);
    (value as Record<string, unknown>)[key] = junk;
  }
}

describe('results own their data', () => {
  const junk = fc.oneof(fc.constantFrom<unknown>('', 'x', '2024-02-30', '-1', '1e9', 0, -1, 11, null, undefined, [], {}), fc.anything());

  it.each(cases)('whatever the caller does to every field of every input afterwards, a result’s JSON stays the same, under $name', ({ policy, scheme }) => {
    fc.assert(
      fc.property(claimsArb, ledgerArb(scheme), junk, (claims, ledger, value) => {
        const input = { member: member(scheme), claims, ledger };
        const pristine = structuredClone(input);
        const year = evaluateYear(policy, input.member, input.claims, input.ledger);
        const first = evaluateClaim(policy, input.member, input.claims[0]!, input.ledger);
        vandalise(input, value);
        expect(JSON.stringify(year)).toBe(JSON.stringify(evaluateYear(policy, pristine.member, pristine.claims, pristine.ledger)));
        expect(JSON.stringify(first)).toBe(JSON.stringify(evaluateClaim(policy, pristine.member, pristine.claims[0]!, pristine.ledger)));
      }),
      // Four settlements a run, every step written out: half the usual runs keep it inside the timeout.
      { numRuns: Math.ceil((Number(process.env.HUZHU_PROPERTY_RUNS) || 100) / 2) },
    );
  });
});

describe('policies as JSON', () => {
  const bundled = Object.entries(policies).flatMap(([scheme, years]) => Object.entries(years).map(([year, policy]) => ({ name: `${scheme} ${year}`, policy })));

  it.each(bundled)('$name round-trips through JSON and parsePolicy', ({ policy }) => {
    expect(parsePolicy(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
  });
});

describe('the engine agrees with the oracle', () => {
  /** What the oracle says of a year, read off the engine's result. */
  const asOracle = (year: Pick<YearResult, 'results' | 'total'>): OracleYear => ({
    results: year.results.map((result) => ({
      claimId: result.claimId,
      eligible: result.eligible,
      reasons: result.reasons.map((reason) => reason.code).sort(),
      total: result.total.toFixed(2),
      lines: result.lines.map(({ benefit, amount, amountBeforeCaps, cappedBy }) => ({ benefit, amount: amount.toFixed(2), amountBeforeCaps: amountBeforeCaps.toFixed(2), cappedBy })),
    })),
    total: year.total.toFixed(2),
  });

  it('on generated policies, members, claims and ledgers: every amount, cut cap and reason', () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, member, claims, ledger }) => {
        const year = evaluateYear(policy, member, claims, ledger);
        expect(asOracle(year)).toEqual(oracleYear(policy, member, claims, ledger));
        expect(isDeeplyFrozen(year)).toBe(true);
      }),
      { numRuns: 2 * (Number(process.env.HUZHU_PROPERTY_RUNS) || 100) },
    );
    // Each run settles a year twice; 200 runs take a few seconds alone, longer on a shared machine.
  }, 60_000);

  it('claim by claim too, each given the ledger the last one returned, as JSON', () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, member, claims, ledger }) => {
        const dateOf = (claim: ClaimInput) => (claim.kind !== 'hospitalisation' ? claim.date : policy.conventions.yearBy === 'admission' ? claim.admission : claim.discharge);
        const inOrder = claims.map((claim, index) => ({ claim, index })).sort((a, b) => dateOf(a.claim).localeCompare(dateOf(b.claim)) || a.index - b.index);
        let carried: LedgerInput | undefined = ledger;
        const results = inOrder.map(({ claim }) => {
          const result = evaluateClaim(policy, member, claim, carried);
          carried = JSON.parse(JSON.stringify(result.ledger)) as LedgerInput;
          return result;
        });
        const total = results.reduce((sum, result) => sum.plus(result.total), new Decimal(0));
        expect(asOracle({ results, total })).toEqual(oracleYear(policy, member, claims, ledger));
      }),
    );
  }, 60_000);

  // The bundled versions of 2024, the year the claims are generated in, and the synthetic policy.
  const bundled2024 = Object.entries(policies).flatMap(([scheme, years]) => Object.values(years).filter((policy) => policy.year === 2024).map((policy) => ({ name: `${scheme} 2024`, policy })));

  it.each([...bundled2024, cases[1]!])('on $name with generated claims, for a member with every flag and the first value of every attribute it declares', ({ policy }) => {
    const declared = Object.entries<{ values?: Record<string, unknown> }>(policy.attributes?.member ?? {});
    const enrolled: MemberInput = {
      ...member(policy.eligibility.enrolmentScheme ?? policy.scheme),
      flags: Object.fromEntries(declared.filter(([, d]) => d.values === undefined).map(([name]) => [name, true])),
      attributes: Object.fromEntries(declared.flatMap(([name, d]) => (d.values === undefined ? [] : [[name, Object.keys(d.values)[0]!]]))),
    };
    fc.assert(
      fc.property(claimsArb, ledgerArb(policy.scheme), (claims, ledger) => {
        expect(asOracle(evaluateYear(policy, enrolled, claims, ledger))).toEqual(oracleYear(policy, enrolled, claims, ledger));
      }),
    );
  });
});

/** Frozen all the way down; a Decimal counts as a value, frozen itself, as the library freezes it. */
function isDeeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Decimal.isDecimal(value)) return Object.isFrozen(value);
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}
