import type { Decimal } from '../decimal';
import { claimIdLog, ClaimIdLog, LoggedLedger, NO_COUNTS, type BenefitUsage, type Ledger } from '../ledger';
import { moneyFromFen, toMoney } from '../money';
import type { CompiledPolicy } from './compile';
import type { PastRef } from './history';

/**
 * A member's year in whole fen and counts, as the engine carries it from claim to claim. The
 * public ledger, with its Decimals and frozen objects, is made from it only when read. Never
 * changed once made: a result keeps the one its claim started from.
 */
export class LedgerInFen {
  #ledger: Ledger | undefined;

  constructor(
    readonly policy: CompiledPolicy,
    /** The ledger this one grew from: the owner, and any entries of benefits the policy lacks. */
    readonly base: LedgerBase,
    readonly total: number,
    /** By benefit index: amounts paid, claims paid, days paid, deductible used. */
    readonly amounts: readonly number[],
    readonly claims: readonly number[],
    readonly days: readonly number[],
    readonly deductible: readonly number[],
    readonly stays: number,
    readonly paidStays: number,
    /** Benefits with a line since `base`, in the order of their first line: how `byBenefit` lists them. */
    readonly touched: readonly number[],
    /** The claims settled: the first `claimCount` of the log. */
    readonly claimIds: ClaimIdLog,
    readonly claimCount: number,
    /** The year's payments that history rules read (engine/history.ts); undefined when the policy has none, or the ledger came from outside. */
    readonly past?: PastRef,
  ) {}

  toLedger(): Ledger {
    return (this.#ledger ??= new FenBackedLedger(this));
  }
}

/**
 * What a ledger in fen reads of the ledger it grew from. A year from the member's empty ledger
 * has a plain object of these fields: making the public empty ledger (frozen, with its log)
 * for every member cost a sixth of what a year with no claims costs.
 */
export type LedgerBase = Pick<Ledger, 'scheme' | 'year' | 'memberId' | 'byBenefit' | 'usage'>;

/** A public ledger made from a ledger in fen, which it keeps privately for the next claim. */
class FenBackedLedger extends LoggedLedger {
  readonly #fen: LedgerInFen;

  constructor(fen: LedgerInFen) {
    // As written before: the base's entries in their order, then each benefit new since.
    const byBenefit: Record<string, Decimal> = { ...fen.base.byBenefit };
    const usage: Record<string, BenefitUsage> = { ...fen.base.usage };
    for (const index of fen.touched) {
      const id = fen.policy.benefits[index]!.benefit.id;
      byBenefit[id] = moneyFromFen(fen.amounts[index]!);
      if (fen.claims[index]! > 0 || fen.days[index]! > 0 || fen.deductible[index]! > 0) {
        usage[id] = Object.freeze({ claims: fen.claims[index]!, days: fen.days[index]!, deductible: moneyFromFen(fen.deductible[index]!) });
      }
    }
    const { scheme, year, memberId } = fen.base;
    const counts = { stays: fen.stays, paidStays: fen.paidStays, usage: Object.freeze(usage) };
    super(scheme, year, memberId, moneyFromFen(fen.total), Object.freeze(byBenefit), fen.claimIds, fen.claimCount, counts);
    this.#fen = fen;
    Object.freeze(this);
  }

  static fenOf(ledger: unknown): LedgerInFen | undefined {
    return typeof ledger === 'object' && ledger !== null && #fen in ledger ? (ledger as FenBackedLedger).#fen : undefined;
  }
}

/** The public ledger: made now from a ledger in fen. */
export function toLedger(ledger: Ledger | LedgerInFen): Ledger {
  return ledger instanceof LedgerInFen ? ledger.toLedger() : ledger;
}

/** Whole fen of a validated amount: at most two decimals and 14 digits, so exact. */
const fenOf = (amount: Decimal): number => (amount.isZero() ? 0 : amount.times(100).toNumber());

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

/** The ledger in fen for this compiled policy: kept by the engine, read from Decimals otherwise. */
export function inFen(ledger: Ledger | LedgerInFen, policy: CompiledPolicy): LedgerInFen {
  const kept = ledger instanceof LedgerInFen ? ledger : FenBackedLedger.fenOf(ledger);
  if (kept !== undefined && kept.policy === policy) return kept;
  const base = toLedger(ledger);
  const { log, count } = claimIdLog(base);
  // Most years start empty; the lists are never changed in place, so one list of zeros serves them all.
  const nothing = policy.nothing;
  const paid = isEmpty(base.byBenefit) ? nothing : policy.benefits.map(({ benefit }) => (Object.hasOwn(base.byBenefit, benefit.id) ? fenOf(base.byBenefit[benefit.id]!) : 0));
  const used = (read: (usage: BenefitUsage) => number) =>
    isEmpty(base.usage) ? nothing : policy.benefits.map(({ benefit }) => (Object.hasOwn(base.usage, benefit.id) ? read(base.usage[benefit.id]!) : 0));
  return new LedgerInFen(
    policy,
    base,
    fenOf(base.total),
    paid,
    used((usage) => usage.claims),
    used((usage) => usage.days),
    used((usage) => fenOf(usage.deductible)),
    base.stays,
    base.paidStays,
    NO_TOUCHED,
    log,
    count,
  );
}

/** The member's empty ledger in fen, made directly: most years start from it, and reading the Decimal one costs more than a claim. */
export function emptyInFen(policy: CompiledPolicy, memberId: string): LedgerInFen {
  const { scheme, year } = policy.policy;
  const nothing = policy.nothing;
  const base: LedgerBase = { scheme, year, memberId, byBenefit: NOTHING_PAID, usage: NO_COUNTS.usage };
  return new LedgerInFen(policy, base, 0, nothing, nothing, nothing, nothing, 0, 0, NO_TOUCHED, new ClaimIdLog(NO_IDS), 0);
}

const NOTHING_PAID: Ledger['byBenefit'] = Object.freeze({});
const NO_IDS: readonly string[] = Object.freeze([]);

/** Not frozen: it is only ever copied. */
const NO_TOUCHED: readonly number[] = [];

/** Whether huzhu made this ledger: then it is frozen and valid, and need not be validated again. */
export function isOwnLedger(value: unknown): value is Ledger {
  return LoggedLedger.claimIdsOf(value) !== undefined;
}

/** What was paid between two ledgers of the same year, `from` before `to`. */
export function paidBetween(from: Ledger, to: Ledger | LedgerInFen): Decimal {
  const end = to instanceof LedgerInFen ? to : (FenBackedLedger.fenOf(to) ?? to);
  return end instanceof LedgerInFen ? moneyFromFen(end.total - fenOf(from.total)) : toMoney(end.total.minus(from.total));
}

