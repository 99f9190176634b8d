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
  /** Stays settled in the year: the next stay's number is one more. */
  readonly stays: number;
  /** Stays that paid something, for a policy's limit of paid stays. */
  readonly paidStays: number;
  /** What each benefit has used of its yearly limits other than money, by benefit id. */
  readonly usage: Readonly<Record<string, BenefitUsage>>;
}

/** What a benefit has used in the year besides money: paid claims, paid days, deductible. */
export interface BenefitUsage {
  /** Claims the benefit paid on. */
  readonly claims: number;
  /** Days of allowance paid. */
  readonly days: number;
  /** Deductible taken, for a deductible shared by the year's stays. */
  readonly deductible: Decimal;
}

/** The counts of a ledger besides money and claim ids. */
export interface LedgerCounts {
  readonly stays: number;
  readonly paidStays: number;
  readonly usage: Readonly<Record<string, BenefitUsage>>;
}

const NOTHING_PAID: Ledger['byBenefit'] = Object.freeze({});
const NOTHING_USED: Ledger['usage'] = Object.freeze({});
export const NO_COUNTS: LedgerCounts = Object.freeze({ stays: 0, paidStays: 0, usage: NOTHING_USED });

/**
 * The claim ids of a chain of ledgers, each claim appended once and shared by every ledger of
 * the chain, which sees its first `count`. A ledger that copied its list would make a member's
 * year cost the square of its claims; so would scanning the list for a duplicate.
 */
export class ClaimIdLog {
  readonly #ids: string[];
  /** Where each id first appears, for the first `#indexed` ids: made once the log is long. */
  #firstAt: Map<string, number> | undefined;
  #indexed = 0;

  constructor(ids: readonly string[]) {
    this.#ids = [...ids];
  }

  /** Whether one of the first `count` ids is `id`, in amortised constant time. */
  has(id: string, count: number): boolean {
    const ids = this.#ids;
    // A member's claims are usually few: a scan is faster than keeping a map.
    if (count <= 16) {
      for (let at = 0; at < count; at += 1) if (ids[at] === id) return true;
      return false;
    }
    const firstAt = (this.#firstAt ??= new Map());
    for (; this.#indexed < ids.length; this.#indexed += 1) {
      if (!firstAt.has(ids[this.#indexed]!)) firstAt.set(ids[this.#indexed]!, this.#indexed);
    }
    const at = firstAt.get(id);
    return at !== undefined && at < count;
  }

  /**
   * The log of the first `count` ids and then `id`: this one when nothing follows them yet or
   * `id` already does (a claim run again to make its result's lines), a copy otherwise.
   */
  append(count: number, id: string): ClaimIdLog {
    if (count === this.#ids.length) {
      this.#ids.push(id);
      return this;
    }
    if (this.#ids[count] === id) return this;
    const copy = new ClaimIdLog(this.#ids.slice(0, count));
    copy.#ids.push(id);
    return copy;
  }

  /** The first `count` ids as a frozen list. */
  list(count: number): readonly string[] {
    return Object.freeze(this.#ids.slice(0, count));
  }
}

/** Up to this many claim ids, a ledger copies its list when made: cheaper than an accessor, and still constant. */
const LISTED = 16;
const NO_CLAIMS: readonly string[] = Object.freeze([]);

/**
 * A ledger huzhu made: frozen and valid, its claim ids kept in a shared {@link ClaimIdLog}.
 * Past a few ids, `claimIds` is an own, enumerable accessor that makes the list on first read:
 * to JSON, spread and `Object.keys` the ledger is still the plain {@link Ledger}, and making
 * one costs nothing per claim already settled.
 */
export class LoggedLedger implements Ledger {
  declare readonly claimIds: readonly string[];
  // Declared, not initialised as fields: set after `claimIds`, so JSON lists them in the interface's order.
  declare readonly stays: number;
  declare readonly paidStays: number;
  declare readonly usage: Readonly<Record<string, BenefitUsage>>;
  readonly #log: ClaimIdLog;
  readonly #count: number;

  constructor(
    readonly scheme: string,
    readonly year: number,
    readonly memberId: string,
    readonly total: Decimal,
    readonly byBenefit: Readonly<Record<string, Decimal>>,
    log: ClaimIdLog,
    count: number,
    counts: LedgerCounts,
  ) {
    this.#log = log;
    this.#count = count;
    if (count <= LISTED) {
      (this as { claimIds: readonly string[] }).claimIds = count === 0 ? NO_CLAIMS : log.list(count);
    } else {
      let list: readonly string[] | undefined;
      Object.defineProperty(this, 'claimIds', { enumerable: true, get: () => (list ??= log.list(count)) });
    }
    const self = this as { -readonly [K in keyof LedgerCounts]: LedgerCounts[K] };
    self.stays = counts.stays;
    self.paidStays = counts.paidStays;
    self.usage = counts.usage;
    // A subclass freezes once it has set its own fields.
    if (new.target === LoggedLedger) Object.freeze(this);
  }

  /** The log and count of a ledger huzhu made; undefined for any other value. Reads no property of it. */
  static claimIdsOf(ledger: unknown): { readonly log: ClaimIdLog; readonly count: number } | undefined {
    return typeof ledger === 'object' && ledger !== null && #log in ledger ? { log: ledger.#log, count: ledger.#count } : undefined;
  }
}

/** The claim ids of any valid ledger as a log: its own, or one made from its list. */
export function claimIdLog(ledger: Ledger): { readonly log: ClaimIdLog; readonly count: number } {
  return LoggedLedger.claimIdsOf(ledger) ?? { log: new ClaimIdLog(ledger.claimIds), count: ledger.claimIds.length };
}

/** Whether the ledger already settled a claim with this id. */
export function hasSettled(ledger: Ledger, claimId: string): boolean {
  const { log, count } = claimIdLog(ledger);
  return log.has(claimId, count);
}

export function emptyLedger(policy: Policy, memberId: string): Ledger {
  return new LoggedLedger(policy.scheme, policy.year, memberId, ZERO, NOTHING_PAID, new ClaimIdLog([]), 0, NO_COUNTS);
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
  const byBenefit = Object.freeze(Object.fromEntries(Object.entries(ledger.byBenefit).map(([id, amount]) => [id, toMoney(amount)])));
  const usage = Object.freeze(
    Object.fromEntries(Object.entries(ledger.usage ?? {}).map(([id, used]) => [id, Object.freeze({ claims: used.claims, days: used.days, deductible: toMoney(used.deductible) })])),
  );
  const counts = { stays: ledger.stays ?? 0, paidStays: ledger.paidStays ?? 0, usage };
  return new LoggedLedger(policy.scheme, policy.year, memberId, toMoney(ledger.total), byBenefit, new ClaimIdLog(ledger.claimIds), ledger.claimIds.length, counts);
}
