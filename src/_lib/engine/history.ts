/**
 * A member's history beyond one year's ledger (docs/rule-model.md#history): the payments of
 * earlier years the caller gives, and the payments of the year so far, which ledgers carry.
 * Two rules read it: a benefit paid at most once in N years (`caps.oncePerYears`) and a
 * benefit that shares an event with others (`sameEvent`). A policy without them never reaches
 * this file: its benefits have no `history` rule and its ledgers log nothing.
 */
import { dayNumber, shiftYears } from '../dates';
import * as z from 'zod/mini';
import { setUpZod } from '../zodSetup';
import { InvalidInputError, validate } from '../errors';
import { historySchema, MAX_HISTORY_ENTRIES, type HistoryInput } from '../inputSchemas';
import type { Ledger } from '../ledger';
import { message, stepLabel, type Message } from '../messages';
import { fenText } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Benefit, Label, Policy } from '../policySchema';
import type { ClaimContext, Recorder } from './context';
import { valueFor, type CompiledParameter } from './parameters';
import { compile } from './compile';
import { inFen, type LedgerInFen } from './ledgerInFen';

setUpZod();

/** One payment a rule reads: a benefit line of this policy's scheme that paid. */
export interface Payment {
  /** The benefit's index in the policy. */
  readonly benefit: number;
  /** The date that placed the claim in its protection year, and its day number. */
  readonly date: string;
  readonly day: number;
  /** The event the claim named; empty when none. */
  readonly event: string;
  readonly fen: number;
  readonly claimId: string;
}

/** A benefit's rules that read the member's history; a benefit another's `sameEvent` names has one with neither, so that its payments are logged. */
export interface HistoryRule {
  /** The benefit's index in the policy. */
  readonly index: number;
  readonly label: Label;
  readonly oncePerYears: CompiledParameter<number> | undefined;
  /** The benefits whose payments for the same event this one pays less by. */
  readonly deducts: readonly number[] | undefined;
  /** The warning of a claim that names no event, made once: results share it. */
  readonly eventNotNamed: Message;
}

/** Each benefit's history rule, by index; undefined for a benefit no such rule concerns. */
export function historyRules(benefits: readonly Benefit[], oncePerYears: (index: number) => CompiledParameter<number> | undefined): (HistoryRule | undefined)[] {
  const indexOf = new Map(benefits.map((benefit, index) => [benefit.id, index]));
  const deducts: Set<number>[] = benefits.map(() => new Set());
  benefits.forEach((benefit, index) => {
    const rule = benefit.sameEvent;
    if (rule?.lessPaidFor !== undefined) for (const id of rule.lessPaidFor) deducts[index]!.add(indexOf.get(id)!);
    if (rule?.largerOf !== undefined) {
      // Only the largest in total, whichever comes first: every benefit of the group pays less by what the group paid.
      const group = [index, ...rule.largerOf.map((id) => indexOf.get(id)!)];
      for (const member of group) for (const other of group) deducts[member]!.add(other);
    }
  });
  const named = new Set(deducts.flatMap((set) => [...set]));
  return benefits.map((benefit, index) => {
    const once = oncePerYears(index);
    const own = deducts[index]!.size > 0 ? Object.freeze([...deducts[index]!]) : undefined;
    if (once === undefined && own === undefined && !named.has(index)) return undefined;
    return { index, label: benefit.label, oncePerYears: once, deducts: own, eventNotNamed: message('EVENT_NOT_NAMED', { benefit: benefit.label }) };
  });
}

/** Index of the last of ascending `positions` below `count`, or -1. */
function lastBelow(positions: readonly number[], count: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < count) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

const eventKey = (event: string, benefit: number) => `${benefit}\u0000${event}`;
const paymentKey = (claimId: string, benefit: number) => `${benefit}\u0000${claimId}`;

/**
 * The year's payments of logged benefits, appended once and shared by a chain of ledgers, each
 * seeing its first `count` (as {@link ClaimIdLog} shares claim ids): a ledger that copied them
 * would make a member's year cost the square of its claims. Indexed as it grows, so that what
 * an event was paid costs a binary search, not a scan.
 */
export class PaymentLog {
  readonly #payments: Payment[] = [];
  /** Positions of each benefit's payments. */
  readonly #byBenefit = new Map<number, number[]>();
  /** By event and benefit: positions, and the running sum of fen up to each. */
  readonly #byEvent = new Map<string, { positions: number[]; sums: number[] }>();

  #push(payment: Payment): void {
    const at = this.#payments.length;
    this.#payments.push(payment);
    let positions = this.#byBenefit.get(payment.benefit);
    if (positions === undefined) this.#byBenefit.set(payment.benefit, (positions = []));
    positions.push(at);
    if (payment.event === '') return;
    const key = eventKey(payment.event, payment.benefit);
    let paid = this.#byEvent.get(key);
    if (paid === undefined) this.#byEvent.set(key, (paid = { positions: [], sums: [] }));
    paid.sums.push((paid.sums.at(-1) ?? 0) + payment.fen);
    paid.positions.push(at);
  }

  /** The log of the first `count` payments and then `payment`: this one when nothing follows them yet or the same payment does (a claim run again), a copy otherwise. */
  static append(past: PastRef | undefined, payment: Payment): PastRef {
    if (past === undefined) {
      const log = new PaymentLog();
      log.#push(payment);
      return { log, count: 1 };
    }
    const { log, count } = past;
    const next = log.#payments[count];
    if (next === undefined) log.#push(payment);
    else if (!(next.benefit === payment.benefit && next.claimId === payment.claimId && next.fen === payment.fen && next.day === payment.day && next.event === payment.event)) {
      const copy = new PaymentLog();
      for (let at = 0; at < count; at += 1) copy.#push(log.#payments[at]!);
      copy.#push(payment);
      return { log: copy, count: count + 1 };
    }
    return { log, count: count + 1 };
  }

  /** Fen paid by `benefit` for `event` among the first `count`, and the last claim that did. */
  paidFor(event: string, benefit: number, count: number): { fen: number; claimId: string } | undefined {
    const paid = this.#byEvent.get(eventKey(event, benefit));
    if (paid === undefined) return undefined;
    const at = lastBelow(paid.positions, count);
    return at < 0 ? undefined : { fen: paid.sums[at]!, claimId: this.#payments[paid.positions[at]!]!.claimId };
  }

  /**
   * The payments of `benefit` among the first `count`. Only a benefit paid at most once in N
   * years asks, and the engine paid those at least a year apart: a protection year holds few.
   */
  *of(benefit: number, count: number): Generator<Payment> {
    const positions = this.#byBenefit.get(benefit) ?? [];
    for (let at = lastBelow(positions, count); at >= 0; at -= 1) yield this.#payments[positions[at]!]!;
  }

  /** The first `count` payments. */
  first(count: number): readonly Payment[] {
    return this.#payments.slice(0, count);
  }
}

/** A ledger's view of the year's payments: the log and how many of them are before it. */
export interface PastRef {
  readonly log: PaymentLog;
  readonly count: number;
}

/** The payments the caller gave, of this policy's scheme and benefits, indexed for the rules. */
export class History {
  /** By benefit, in date order. */
  readonly #byBenefit: Payment[][];
  /** By event and benefit: fen paid and the latest claim that paid. */
  readonly #byEvent = new Map<string, { fen: number; claimId: string; day: number }>();

  constructor(payments: readonly Payment[], benefits: number) {
    this.#byBenefit = Array.from({ length: benefits }, () => []);
    for (const payment of payments) {
      this.#byBenefit[payment.benefit]!.push(payment);
      if (payment.event === '') continue;
      const key = eventKey(payment.event, payment.benefit);
      const known = this.#byEvent.get(key);
      if (known === undefined) this.#byEvent.set(key, { fen: payment.fen, claimId: payment.claimId, day: payment.day });
      else {
        known.fen += payment.fen;
        if (payment.day >= known.day) (known.claimId = payment.claimId), (known.day = payment.day);
      }
    }
    for (const list of this.#byBenefit) list.sort((a, b) => a.day - b.day);
  }

  paidFor(event: string, benefit: number): { fen: number; claimId: string } | undefined {
    return this.#byEvent.get(eventKey(event, benefit));
  }

  /** The payments of `benefit` nearest `day`: the last on or before it and the first after it. */
  around(benefit: number, day: number): [Payment | undefined, Payment | undefined] {
    const list = this.#byBenefit[benefit]!;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.day <= day) low = middle + 1;
      else high = middle;
    }
    return [list[low - 1], list[low]];
  }
}

/** Options of the evaluate functions. */
export interface EvaluateOptions {
  /**
   * The member's earlier settled payments that the ledger does not hold: those of earlier
   * years, and of this year when the ledger was written as JSON. Read by a benefit paid at most
   * once in N years and by one that shares an event with others; {@link historyEntries} makes
   * them from earlier results.
   */
  readonly history?: HistoryInput;
}

const optionsSchema = z.strictObject({ history: z.optional(historySchema) });

/** The history of the options, checked and read for this policy; undefined when none is given. */
export function historyOption(options: EvaluateOptions | undefined, policy: Policy, start: Ledger | undefined, claims: readonly PlainClaim[]): History | undefined {
  const entries = historyEntriesOf(options);
  return entries === undefined ? undefined : historyFor(entries, policy, start, claims);
}

/** The checked entries of the options' history, for reading under several policies; undefined when none is given. */
export function historyEntriesOf(options: EvaluateOptions | undefined): HistoryEntries | undefined {
  // A longer history is refused before its entries are read.
  return options === undefined ? undefined : validate(optionsSchema, options, 'options', MAX_HISTORY_ENTRIES).history;
}

export type HistoryEntries = z.output<typeof historySchema>;

/** Checked history entries read for one policy, past what its start ledger logged. */
export function historyFor(entries: HistoryEntries, policy: Policy, start: Ledger | LedgerInFen | undefined, claims: readonly PlainClaim[]): History {
  const past = start === undefined ? undefined : inFen(start, compile(policy)).past;
  return readHistory(entries, policy, past, claims, ['options', 'history']);
}

/**
 * The caller's history read for one policy: entries of its scheme and of benefits it has,
 * that paid. An entry the start ledger's own log already holds is not counted twice; one of a
 * claim settled by this very call is refused, since the call settles it.
 */
export function readHistory(
  entries: HistoryEntries,
  policy: { readonly scheme: string; readonly year: number; readonly benefits: readonly Benefit[] },
  past: PastRef | undefined,
  claims: readonly PlainClaim[],
  path: readonly (string | number)[],
): History {
  const indexOf = new Map(policy.benefits.map((benefit, index) => [benefit.id, index]));
  const settledNow = new Set(claims.map((claim) => claim.id));
  // The year's payments the start ledger logged, by claim and benefit: made once, not searched for each entry.
  let logged: Set<string> | undefined;
  const payments: Payment[] = [];
  entries.forEach((entry, at) => {
    const benefit = indexOf.get(entry.benefit);
    if (entry.scheme !== policy.scheme || benefit === undefined || entry.paid.isZero()) return;
    const thisYear = entry.year === policy.year;
    if (thisYear && settledNow.has(entry.claimId)) {
      throw new InvalidInputError([
        { path: [...path, at, 'claimId'], code: 'settled_here', message: `claim "${entry.claimId}" is settled by this call: history lists only earlier settlements` },
      ]);
    }
    if (thisYear && past !== undefined) {
      logged ??= new Set(past.log.first(past.count).map((payment) => paymentKey(payment.claimId, payment.benefit)));
      if (logged.has(paymentKey(entry.claimId, benefit))) return;
    }
    const day = dayNumber(entry.date);
    // Validated: at most two decimals and 14 digits, so exact in fen.
    payments.push({ benefit, date: entry.date, day, event: entry.event ?? '', fen: entry.paid.times(100).toNumber(), claimId: entry.claimId });
  });
  return new History(payments, policy.benefits.length);
}

/** What a history rule did to a line. */
export interface HistoryCut {
  readonly kind: 'oncePerYears' | 'sameEvent' | null;
  /** The amount the line owes after the rule, before caps. */
  readonly fen: number;
  readonly reason: Message | undefined;
  readonly warning: Message | undefined;
  /** Writes the rule's step. */
  readonly step: ((recorder: Recorder) => void) | undefined;
}

/** Whether two days are less than `years` calendar years apart (29 February counts to 28 February). */
function within(a: Payment, day: number, date: string, years: number): boolean {
  return a.day <= day ? dayNumber(shiftYears(a.date, years)) > day : dayNumber(shiftYears(date, years)) > a.day;
}

/**
 * Applies a benefit's history rules to the `fen` its formula gave on a claim: refuses it when
 * the benefit paid within N years of the claim's date, or pays it less what was already paid
 * for the claim's event. `history` is the caller's, the ledger's log the year's.
 */
export function applyHistory(rule: HistoryRule, context: ClaimContext, history: History | undefined, date: string, fen: number): HistoryCut | undefined {
  const { claim, eventDay: day } = context;
  const past = context.ledger.past;
  const index = rule.index;
  if (rule.oncePerYears !== undefined) {
    const years = valueFor(rule.oncePerYears, context);
    // The earlier payment it conflicts with, the latest on or before the claim's date first.
    let found: Payment | undefined;
    const consider = (payment: Payment | undefined) => {
      if (payment === undefined || !within(payment, day, date, years)) return;
      const better = found === undefined || (payment.day <= day ? found.day > day || payment.day > found.day : found.day > day && payment.day < found.day);
      if (better) found = payment;
    };
    if (past !== undefined) for (const payment of past.log.of(index, past.count)) consider(payment);
    if (history !== undefined) for (const payment of history.around(index, day)) consider(payment);
    if (found !== undefined) {
      const earlier = found;
      const params = { benefit: rule.label, years, claimId: earlier.claimId, date: earlier.date };
      return {
        kind: 'oncePerYears',
        fen: 0,
        reason: message('PAID_WITHIN_YEARS', params),
        warning: undefined,
        step: (steps) => steps.add('oncePerYears', stepLabel('oncePerYears', params), fenText(fen), fenText(0)),
      };
    }
  }
  if (rule.deducts === undefined) return undefined;
  if (claim.event === '') {
    return { kind: null, fen, reason: undefined, warning: rule.eventNotNamed, step: undefined };
  }
  let paid = 0;
  let latest = '';
  for (const other of rule.deducts) {
    const inYear = past?.log.paidFor(claim.event, other, past.count);
    const before = history?.paidFor(claim.event, other);
    paid += (inYear?.fen ?? 0) + (before?.fen ?? 0);
    latest = inYear?.claimId ?? before?.claimId ?? latest;
  }
  if (paid === 0) return undefined;
  const owed = Math.max(0, fen - paid);
  const params = { benefit: rule.label, event: claim.event, paid: fenText(paid), claimId: latest };
  return {
    kind: 'sameEvent',
    fen: owed,
    reason: message('SAME_EVENT_PAID', params),
    warning: undefined,
    step: (steps) => steps.add('sameEvent', stepLabel('sameEvent', params), `max(0, ${fenText(fen)} − ${fenText(paid)})`, fenText(owed)),
  };
}

/** The year's log after a line of a logged benefit paid `fen` on the claim. */
export function logPayment(past: PastRef | undefined, benefit: number, claim: PlainClaim, date: string, day: number, fen: number): PastRef {
  return PaymentLog.append(past, { benefit, date, day, event: claim.event, fen, claimId: claim.id });
}
