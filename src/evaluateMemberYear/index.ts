import * as z from 'zod/mini';
import { setUpZod } from '../_lib/zodSetup';
import { readonly } from '../_lib/zodChecks';
import type { PolicyRegistry } from '../createRegistry';
import type { Decimal } from '../_lib/decimal';
import { validate } from '../_lib/errors';
import { claimSchema, type ClaimInput, type MemberInput } from '../_lib/inputSchemas';
import type { Ledger } from '../_lib/ledger';
import { carriedLedgers, memberBook, settleUnderPlans, type MemberClaimResult, type MemberLedgersInput } from '../_lib/memberPlans';
import type { Message } from '../_lib/messages';
import { moneyFromFen } from '../_lib/money';
import { allPlainClaims, plainOf, type PlainClaim } from '../_lib/plainInput';
import { readMember } from '../_lib/readInputs';
import { addUnique, inspect } from '../_lib/result';

setUpZod();

/** A member's claims settled in date order under each plan they hold. */
export interface MemberYearResult {
  readonly memberId: string;
  /** One result per claim, in the order settled (by first day; claims of one day in the order given). */
  readonly results: readonly MemberClaimResult[];
  /** What every plan paid on the claims together. */
  readonly total: Decimal;
  /** By scheme, the ledger after the last claim each plan settled. */
  readonly ledgers: Readonly<Record<string, Ledger>>;
  /** Every warning of every result, once each. */
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
  toJSON(): Omit<MemberYearResult, 'toJSON'>;
}

/** The most claims one call settles, as for {@link evaluateYear}. */
const MAX_CLAIMS = 100_000;
const claimsSchema = readonly(z.array(claimSchema).check(z.maxLength(MAX_CLAIMS)));

/** A claim's first day as a number: a stay's admission, else its date. */
const firstDay = (claim: PlainClaim) => claim.day;

/**
 * Settle a member's claims under each plan they hold, carrying each plan's ledger from one
 * claim to the next.
 *
 * Claims are settled in the order of their first day (a stay's admission; claims of one day
 * keep the order given), each as {@link evaluateMemberClaim} settles it, with the ledgers the
 * claims before it left: the answer is what chaining evaluateMemberClaim by hand gives. A plan's
 * ledger is of its protection year: a claim in a later year of the plan starts from that year's
 * empty ledger. A ledger given is read at the first claim its plan settles, and must be of that
 * claim's year.
 *
 * @category Evaluation
 *
 * @param registry - the versions to pick each plan's from
 * @param member - the member with their enrolments
 * @param claims - the claims, in any order
 * @param ledgers - by scheme id, what each plan paid before these claims
 * @returns the results in settlement order, the total and, by scheme, the ledgers after
 * @throws {InvalidInputError} naming the path of every invalid field (`claims[3].admission`, …)
 *   of the first invalid argument: registry, member, claims, then `ledgers.<scheme>`
 * @throws {PolicyNotFoundError} when the member holds a plan on a claim's days that has no
 *   version in the registry
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2025, from: '2025-01-01', to: '2025-12-31' }] };
 * const year = evaluateMemberYear(bundledRegistry, member, [
 *   { kind: 'death', id: 'c2', date: '2025-09-01' },
 *   { kind: 'death', id: 'c1', date: '2025-03-01' },
 * ]);
 * [year.results.map((result) => result.claimId), year.total.toFixed(2)]
 * //=> [['c1', 'c2'], '20000.00']
 */
export function evaluateMemberYear(registry: PolicyRegistry, member: MemberInput, claims: readonly ClaimInput[], ledgers?: MemberLedgersInput): MemberYearResult {
  const validMember = readMember(member);
  const copies: readonly PlainClaim[] = allPlainClaims(claims, MAX_CLAIMS) ?? validate(claimsSchema, claims, 'claims', MAX_CLAIMS).map(plainOf);
  const book = memberBook(registry, validMember, ledgers);
  // Stable: claims of one day keep the order given.
  const order = copies.map((_, index) => index).sort((a, b) => firstDay(copies[a]!) - firstDay(copies[b]!));
  const results: MemberClaimResult[] = new Array(copies.length);
  const warnings: Message[] = [];
  const path: (string | number)[] = ['claims', 0];
  let paid = 0;
  let illustrative = false;
  order.forEach((index, at) => {
    path[1] = index;
    const settled = settleUnderPlans(book, copies[index]!, [...path]);
    results[at] = settled.result;
    paid += settled.paid;
    illustrative ||= settled.result.illustrative;
    addUnique(warnings, settled.result.warnings);
  });
  return new SettledMemberYear(validMember.id, Object.freeze(results), paid, carriedLedgers(book.carried), Object.freeze(warnings), illustrative);
}

/** A member's year. Its total is made on first read. */
export class SettledMemberYear implements MemberYearResult {
  #total: number | Decimal;

  constructor(
    readonly memberId: string,
    readonly results: readonly MemberClaimResult[],
    totalFen: number,
    readonly ledgers: Readonly<Record<string, Ledger>>,
    readonly warnings: readonly Message[],
    readonly illustrative: boolean,
  ) {
    this.#total = totalFen;
    Object.freeze(this);
  }

  static isSettled(value: unknown): value is SettledMemberYear {
    return typeof value === 'object' && value !== null && #total in value;
  }

  get total(): Decimal {
    const total = this.#total;
    return typeof total === 'number' ? (this.#total = moneyFromFen(total)) : total;
  }

  toJSON(): Omit<MemberYearResult, 'toJSON'> {
    const { memberId, results, total, ledgers, warnings, illustrative } = this;
    return { memberId, results, total, ledgers, warnings, illustrative };
  }

  [inspect](): Omit<MemberYearResult, 'toJSON'> {
    return this.toJSON();
  }
}
