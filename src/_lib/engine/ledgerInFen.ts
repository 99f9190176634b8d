import type { Decimal } from '../decimal';
import { claimIdLog, ClaimIdLog, LoggedLedger, NO_COUNTS, type BenefitUsage, type Ledger } from '../ledger';
import { fenText, moneyFromFen, toMoney } from '../money';
import type { CompiledPolicy } from './compile';
import type { PastRef } from './history';

/**
 * A member's year in whole fen and counts, as the engine carries it from claim to claim. The
 * public ledger, with its Decimals and frozen objects, is made from it only when read. Never
 * changed once made, but for one a caller owns alone (see {@link LedgerInFen.owned}): a
 * result keeps the one its claim started from.
 */
export class LedgerInFen {
  #ledger: Ledger | undefined;

  constructor(
    readonly policy: CompiledPolicy,
    /** The ledger this one grew from: the owner, and any entries of benefits the policy lacks. */
    readonly base: LedgerBase,
    // The fields below change only while the ledger is owned, as settle.ts writes the claim after into it.
    public total: number,
    /** Each benefit's figures, {@link FIGURES} from its index times that: see {@link Figure}. One list, copied once a claim, or this ledger's own while owned. */
    public figures: readonly number[],
    public stays: number,
    public paidStays: number,
    /** Benefits with a line since `base`, in the order of their first line: how `byBenefit` lists them. */
    public touched: readonly number[],
    /** The claims settled: the first `claimCount` of the log. */
    public claimIds: ClaimIdLog,
    public claimCount: number,
    /** The year's payments that history rules read (engine/history.ts); undefined when the policy has none, or the ledger came from outside. */
    public past: PastRef | undefined = undefined,
    /**
     * Whether the claim after may write its figures into this ledger rather than a copy: only
     * for a caller that owns the ledger alone and drops it for the one after (a year that is
     * only counted, the CLI's ledger of a member). Never once its public form is made or a
     * result may keep it.
     */
    public owned = false,
  ) {}

  toLedger(): Ledger {
    // The public ledger keeps this one, for the claim after: it must not change under it.
    this.owned = false;
    return (this.#ledger ??= new FenBackedLedger(this));
  }

  /** What benefit `index` paid, in fen. */
  amount(index: number): number {
    return this.figures[index * FIGURES + Figure.Amount]!;
  }

  /** The claims benefit `index` paid. */
  claimsPaid(index: number): number {
    return this.figures[index * FIGURES + Figure.Claims]!;
  }

  /** The days benefit `index` paid. */
  daysPaid(index: number): number {
    return this.figures[index * FIGURES + Figure.Days]!;
  }

  /** The deductible benefit `index` used, in fen. */
  deductibleUsed(index: number): number {
    return this.figures[index * FIGURES + Figure.Deductible]!;
  }
}

/** Where each of a benefit's figures is among its {@link FIGURES} in a ledger's list. */
export const enum Figure {
  Amount = 0,
  Claims = 1,
  Days = 2,
  Deductible = 3,
}

/** How many figures a ledger keeps for each benefit. */
export const FIGURES = 4;

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
    listTouched(fen, byBenefit, usage);
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

/**
 * Adds each benefit with a line since the base, in the order of its first line, to `byBenefit`
 * (what it paid) and, when it used something, to `usage`.
 */
function listTouched(fen: LedgerInFen, byBenefit: Record<string, Decimal>, usage: Record<string, BenefitUsage>): void {
  for (const index of fen.touched) {
    const id = fen.policy.benefits[index]!.benefit.id;
    byBenefit[id] = moneyFromFen(fen.amount(index));
    const claims = fen.claimsPaid(index);
    const days = fen.daysPaid(index);
    const deductible = fen.deductibleUsed(index);
    if (claims > 0 || days > 0 || deductible > 0) usage[id] = Object.freeze({ claims, days, deductible: moneyFromFen(deductible) });
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
  return new LedgerInFen(
    policy,
    base,
    fenOf(base.total),
    isEmpty(base.byBenefit) && isEmpty(base.usage) ? policy.nothing : figuresOf(base, policy),
    base.stays,
    base.paidStays,
    NO_TOUCHED,
    log,
    count,
  );
}

/** Each benefit's figures in a ledger read from Decimals. */
function figuresOf(base: Ledger, policy: CompiledPolicy): number[] {
  const figures = policy.nothing.slice();
  policy.benefits.forEach(({ benefit }, index) => {
    const at = index * FIGURES;
    if (Object.hasOwn(base.byBenefit, benefit.id)) figures[at + Figure.Amount] = fenOf(base.byBenefit[benefit.id]!);
    if (!Object.hasOwn(base.usage, benefit.id)) return;
    const usage: BenefitUsage = base.usage[benefit.id]!;
    figures[at + Figure.Claims] = usage.claims;
    figures[at + Figure.Days] = usage.days;
    figures[at + Figure.Deductible] = fenOf(usage.deductible);
  });
  return figures;
}

/** The member's empty ledger in fen, made directly: most years start from it, and reading the Decimal one costs more than a claim. */
export function emptyInFen(policy: CompiledPolicy, memberId: string): LedgerInFen {
  const { scheme, year } = policy.policy;
  const nothing = policy.nothing;
  const base: LedgerBase = { scheme, year, memberId, byBenefit: NOTHING_PAID, usage: NO_COUNTS.usage };
  return new LedgerInFen(policy, base, 0, nothing, 0, 0, NO_TOUCHED, new ClaimIdLog(NO_IDS), 0);
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

/**
 * `JSON.stringify(toLedger(ledger))`, the same text, written from the fen for a year that grew
 * from the member's empty ledger (every year the CLI puts off to disk, but those read back from
 * it): making the public ledger, its Decimals and frozen records, to write it once cost more
 * than settling the claim, and so did records made only to be written. The text is written
 * piece by piece in the public ledger's order; a record lists a key that is an array index
 * first, so a ledger with a benefit whose id starts with a digit is written from its record.
 */
export function ledgerJson(ledger: Ledger | LedgerInFen): string {
  if (!(ledger instanceof LedgerInFen) || ledger.base.byBenefit !== NOTHING_PAID) return JSON.stringify(toLedger(ledger));
  // In listTouched's order.
  let byBenefit = '';
  let usage = '';
  for (const index of ledger.touched) {
    const id = ledger.policy.benefits[index]!.benefit.id;
    if (isDigit(id.charCodeAt(0))) return JSON.stringify(toLedger(ledger));
    const key = JSON.stringify(id);
    byBenefit += `${byBenefit === '' ? '' : ','}${key}:"${fenText(ledger.amount(index))}"`;
    const claims = ledger.claimsPaid(index);
    const days = ledger.daysPaid(index);
    const deductible = ledger.deductibleUsed(index);
    if (claims > 0 || days > 0 || deductible > 0) usage += `${usage === '' ? '' : ','}${key}:{"claims":${claims},"days":${days},"deductible":"${fenText(deductible)}"}`;
  }
  const { scheme, year, memberId } = ledger.base;
  const claimIds = JSON.stringify(ledger.claimIds.list(ledger.claimCount));
  return `{"scheme":${JSON.stringify(scheme)},"year":${year},"memberId":${JSON.stringify(memberId)},"total":"${fenText(ledger.total)}","byBenefit":{${byBenefit}},"claimIds":${claimIds},"stays":${ledger.stays},"paidStays":${ledger.paidStays},"usage":{${usage}}}`;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
