import type { Decimal } from './decimal';
import { InvalidInputError } from './errors';
import type { ledgerSchema } from './inputSchemas';
import { toMoney, ZERO } from './money';
import type { Policy } from './policySchema';
import type { z } from 'zod';

/**
 * What a member was paid in one protection year of one scheme. Pass the ledger a result
 * returns to the next claim so that yearly ceilings hold across claims.
 */
export interface Ledger {
  readonly scheme: string;
  readonly year: number;
  readonly memberId: string;
  /** Everything paid in the protection year. */
  readonly total: Decimal;
  /** Paid so far, by benefit id. */
  readonly byBenefit: Readonly<Record<string, Decimal>>;
  /** Claims already settled. */
  readonly claimIds: readonly string[];
}

const NOTHING_PAID: Ledger['byBenefit'] = Object.freeze({});
const NO_CLAIMS: Ledger['claimIds'] = Object.freeze([]);

export function emptyLedger(policy: Policy, memberId: string): Ledger {
  return Object.freeze({ scheme: policy.scheme, year: policy.year, memberId, total: ZERO, byBenefit: NOTHING_PAID, claimIds: NO_CLAIMS });
}

/** Refuses a ledger of another scheme, year or member: it would silently reset the caps. */
export function checkLedgerOwner(ledger: Pick<Ledger, 'scheme' | 'year' | 'memberId'>, policy: Policy, memberId: string): void {
  const expected = { scheme: policy.scheme, year: policy.year, memberId } as const;
  const issues = (Object.keys(expected) as (keyof typeof expected)[])
    .filter((key) => ledger[key] !== expected[key])
    .map((key) => ({
      path: ['ledger', key],
      code: 'ledger_mismatch',
      message: `expected the ledger of ${key} ${JSON.stringify(expected[key])}; got ${JSON.stringify(ledger[key])}`,
    }));
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/** Checks that a caller's ledger belongs to this scheme, year and member. */
export function acceptLedger(ledger: z.output<typeof ledgerSchema> | undefined, policy: Policy, memberId: string): Ledger {
  if (ledger === undefined) return emptyLedger(policy, memberId);
  checkLedgerOwner(ledger, policy, memberId);
  return Object.freeze({
    scheme: policy.scheme,
    year: policy.year,
    memberId,
    total: toMoney(ledger.total),
    byBenefit: Object.freeze(Object.fromEntries(Object.entries(ledger.byBenefit).map(([id, amount]) => [id, toMoney(amount)]))),
    claimIds: Object.freeze([...ledger.claimIds]),
  });
}

export function paidFor(ledger: Ledger, benefitId: string): Decimal {
  return Object.hasOwn(ledger.byBenefit, benefitId) ? ledger.byBenefit[benefitId]! : ZERO;
}

/** The ledger after a claim's lines were paid; the given one is left as it was. */
export function recordPayment(ledger: Ledger, claimId: string, lines: readonly { benefit: string; amount: Decimal }[]): Ledger {
  const byBenefit: Record<string, Decimal> = { ...ledger.byBenefit };
  for (const line of lines) byBenefit[line.benefit] = toMoney(paidFor(ledger, line.benefit).plus(line.amount));
  return Object.freeze({
    ...ledger,
    total: toMoney(lines.reduce<Decimal>((sum, line) => sum.plus(line.amount), ledger.total)),
    byBenefit: Object.freeze(byBenefit),
    claimIds: Object.freeze([...ledger.claimIds, claimId]),
  });
}
