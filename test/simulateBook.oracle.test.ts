/**
 * simulateBook counts in fen straight from the engine, without making results. This checks its
 * figures against an oracle that reads them the long way, from `evaluateYear`'s public results
 * (totals, ledgers, reasons, warnings), on books with refusals, caps, what-ifs and illustrative
 * parameters: a second reading of the same settlements, kept in test/ as an oracle.
 */
import { describe, expect, it } from 'vitest';
import { evaluateYear, extendPolicy, policies, simulateBook, type BookEntry, type ClaimInput, type Policy } from '../src';
import { memberYear } from './bench/workload';

/** The version's figures read from evaluateYear's results, in simulateBook's shape. */
function oracle(book: readonly BookEntry[], version: Policy, governing: (claims: readonly ClaimInput[]) => Policy) {
  let total = 0n;
  const byBenefit = new Map<string, bigint>();
  const refused = new Map<string, number>();
  const cut = new Map<string, number>();
  const illustrative = new Set<string>();
  let paid = 0;
  let unpaid = 0;
  let refusedClaims = 0;
  let whatIf = 0;
  for (const { member, claims } of book) {
    const policy = governing(claims);
    if (claims.length > 0 && policy !== version) whatIf += 1;
    const year = evaluateYear(policy, member, claims);
    const fen = (amount: { toFixed(n: number): string }) => BigInt(amount.toFixed(2).replace('.', ''));
    total += fen(year.total);
    if (!year.total.isZero()) for (const [benefit, amount] of Object.entries(year.ledger.byBenefit)) byBenefit.set(benefit, (byBenefit.get(benefit) ?? 0n) + fen(amount));
    for (const result of year.results) {
      const codes = new Set(result.reasons.map((reason) => reason.code));
      if (!result.eligible) {
        refusedClaims += 1;
        for (const code of codes) refused.set(code, (refused.get(code) ?? 0) + 1);
        continue;
      }
      if (result.total.isZero()) unpaid += 1;
      else paid += 1;
      const caps = new Set(result.reasons.filter((reason) => reason.code === 'CAP_REACHED').map((reason) => String(reason.params.cap)));
      for (const cap of caps) cut.set(cap, (cut.get(cap) ?? 0) + 1);
    }
    for (const warning of year.warnings) if (warning.code === 'ILLUSTRATIVE_PARAMETER') illustrative.add(String(warning.params.parameter));
  }
  const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
  return {
    total: yuan(total),
    byBenefit: version.benefits.map(({ id }) => yuan(byBenefit.get(id) ?? 0n)),
    claimsPaid: paid,
    claimsUnpaid: unpaid,
    claimsRefused: refusedClaims,
    refusedByReason: [...refused].sort(([a], [b]) => (a < b ? -1 : 1)),
    cutByCap: [...cut].sort(([a], [b]) => (a < b ? -1 : 1)),
    illustrativeParameters: [...illustrative].sort(),
    whatIfMembers: whatIf,
  };
}

/** The workload's members, with claims twice (duplicates), outside the cover, in the year before (what-ifs), and past the maximum subsidy. */
function book(members: number): BookEntry[] {
  return Array.from({ length: members }, (_, index): BookEntry => {
    const { member, claims } = memberYear(index, 1 + (index % 4));
    if (index % 7 === 1) return { member, claims: [...claims, claims[0]!] };
    if (index % 7 === 2) return { member: { ...member, enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-03-31' }] }, claims };
    if (index % 7 === 3) {
      const earlier = claims.map((claim) => JSON.parse(JSON.stringify(claim).replaceAll('2024-', '2023-')) as ClaimInput);
      return { member: { ...member, enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }] }, claims: earlier };
    }
    if (index % 7 === 4) {
      // Five stays of 400,000 yuan: the maximum subsidy cuts the later ones under either version.
      const costs = { total: '500000.00', insurancePaid: '100000.00', inScopeCopay: '400000.00', selfPaid: '0.00' };
      const stays = [1, 3, 5, 7, 9].map((month): ClaimInput => ({ kind: 'hospitalisation', id: `${member.id}-big${month}`, admission: `2024-0${month}-01`, discharge: `2024-0${month}-11`, cause: 'illness', costs }));
      return { member, claims: stays };
    }
    return { member, claims: index % 11 === 0 ? [] : claims };
  });
}

describe('simulateBook against evaluateYear', () => {
  const entries = book(700);
  const [baseline, next] = [policies.guangxi[2024], policies.guangxi[2023]];
  const simulation = simulateBook(entries, [baseline, next]);
  // Each version governs its own year; the other year's claims are a what-if under a moved copy.
  const movedBaseline = extendPolicy(baseline, { year: 2023, name: baseline.name, validFrom: '2023-01-01', validTo: '2023-12-31' });
  const movedNext = extendPolicy(next, { year: 2024, name: next.name, validFrom: '2024-01-01', validTo: '2024-12-31' });
  const in2023 = (claims: readonly ClaimInput[]) => JSON.stringify(claims[0] ?? {}).includes('"2023-');

  it.each([
    [0, baseline, (claims: readonly ClaimInput[]) => (in2023(claims) ? movedBaseline : baseline)],
    [1, next, (claims: readonly ClaimInput[]) => (in2023(claims) ? next : movedNext)],
  ] as const)('gives version %i the figures evaluateYear gives, claim by claim', (at, version, governing) => {
    const expected = oracle(entries, version, governing);
    const got = simulation.versions[at]!;
    expect({
      total: got.total.toFixed(2),
      byBenefit: got.byBenefit.map((row) => row.amount.toFixed(2)),
      claimsPaid: got.claimsPaid,
      claimsUnpaid: got.claimsUnpaid,
      claimsRefused: got.claimsRefused,
      refusedByReason: got.refusedByReason.map(({ code, claims }) => [code, claims]),
      cutByCap: got.cutByCap.filter(({ claims }) => claims > 0).map(({ cap, claims }) => [cap, claims]),
      illustrativeParameters: got.illustrativeParameters.map(({ parameter }) => parameter),
      whatIfMembers: got.whatIfMembers,
    }).toEqual(expected);
    // The book exercises what is counted: refusals of two kinds, caps and what-ifs.
    expect(expected.refusedByReason.map(([code]) => code)).toEqual(expect.arrayContaining(['DUPLICATE_CLAIM', 'NOT_ENROLLED']));
    expect(expected.cutByCap.length).toBeGreaterThan(0);
    expect(expected.whatIfMembers).toBeGreaterThan(0);
  });
});
