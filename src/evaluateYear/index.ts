import { parsedPolicy } from '../_lib/parsedPolicies';
import type { Decimal } from '../_lib/decimal';
import { toLedger, type LedgerInFen } from '../_lib/engine/ledgerInFen';
import { moneyFromFen } from '../_lib/money';
import { historyOption, type EvaluateOptions } from '../_lib/engine/history';
import { settleYear, type Tape } from '../_lib/engine/settle';
import type { ClaimInput, LedgerInput, MemberInput } from '../_lib/inputSchemas';
import type { Ledger } from '../_lib/ledger';
import { readLedger } from '../_lib/readInputs';
import { readYear, settlementOrder } from '../_lib/yearInput';
import type { Message } from '../_lib/messages';
import type { Policy } from '../_lib/policySchema';
import { addUnique, inspect, type ClaimResult, type PolicyRef } from '../_lib/result';

/** A member's claims settled in date order under one policy version. */
export interface YearResult {
  readonly memberId: string;
  readonly policy: PolicyRef;
  /** One result per claim, in the order they were settled (by event date). */
  readonly results: readonly ClaimResult[];
  /** What the claims given here paid together. */
  readonly total: Decimal;
  /** The ledger after the last claim. */
  readonly ledger: Ledger;
  /** Every warning of every result, once each. */
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
  /** Every field as plain data, the ledger included (an accessor made on first read). */
  toJSON(): Omit<YearResult, 'toJSON'>;
}

/**
 * A year's result. Its total and ledger are made on first read, as a claim result's are (see
 * SettledClaim): to a reader, to JSON and to `explain` it is the plain {@link YearResult}.
 */
export class SettledYear implements YearResult {
  readonly #ledger: Ledger | LedgerInFen;
  readonly #tape: Tape;
  /** Whole fen until first read, then the Decimal. */
  #total: number | Decimal;

  constructor(
    readonly memberId: string,
    readonly policy: PolicyRef,
    readonly results: readonly ClaimResult[],
    totalFen: number,
    ledger: Ledger | LedgerInFen,
    tape: Tape,
    readonly warnings: readonly Message[],
    readonly illustrative: boolean,
  ) {
    this.#total = totalFen;
    this.#ledger = ledger;
    this.#tape = tape;
    Object.freeze(this);
  }

  /** Whether `value` is a year the engine made: frozen, of results it made, so it needs no checking. */
  static isSettled(value: unknown): value is SettledYear {
    return typeof value === 'object' && value !== null && #ledger in value;
  }

  get total(): Decimal {
    const total = this.#total;
    return typeof total === 'number' ? (this.#total = moneyFromFen(total)) : total;
  }

  /** The last result's ledger, the same object; the tape is given it so that none is made again. */
  get ledger(): Ledger {
    this.#tape.keepLast(this.#ledger);
    return this.results.at(-1)?.ledger ?? toLedger(this.#ledger);
  }

  /** The result as plain data, in the order of {@link YearResult}'s fields. */
  toJSON(): Omit<YearResult, 'toJSON'> {
    const { memberId, policy, results, total, ledger, warnings, illustrative } = this;
    return { memberId, policy, results, total, ledger, warnings, illustrative };
  }

  [inspect](): Omit<YearResult, 'toJSON'> {
    return this.toJSON();
  }
}

/**
 * Settle a member's claims of a protection year, carrying the ledger from one to the next.
 *
 * Claims are settled in the order of their event dates (claims on the same date keep the order
 * given), each with the ledger the previous one left, so yearly caps and the maximum subsidy
 * hold across the year. The answer is exactly what chaining {@link evaluateClaim} by hand
 * gives. A claim outside the policy's period (or, where protection years are the members' own,
 * outside the member's cover) is in the results as refused.
 *
 * @category Evaluation
 *
 * @param policy - the policy version
 * @param member - the member
 * @param claims - the claims, in any order
 * @param ledger - what was paid before these claims; empty when absent
 * @param options - `history`: the member's payments before the year (and, with a ledger written
 *   as JSON, before these claims); the year's own claims feed the same rules as they are settled
 * @returns the results in settlement order, the total and the final ledger
 * @throws {InvalidInputError} naming the path of every invalid field (`claims[3].admission`, …)
 *   of the first invalid argument; they are checked in order: policy, member, claims, ledger, options
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }] };
 * const year = evaluateYear(policies.guangxi[2023], member, [
 *   { kind: 'death', id: 'c2', date: '2023-09-01' },
 * ], { scheme: 'guangxi', year: 2023, memberId: 'm1', total: '498000.00', byBenefit: {}, claimIds: [] });
 * year.total.toFixed(2)
 * //=> '2000.00'
 */
export function evaluateYear(policy: Policy, member: MemberInput, claims: readonly ClaimInput[], ledger?: LedgerInput, options?: EvaluateOptions): YearResult {
  const accepted = parsedPolicy(policy);
  const year = readYear(member, claims);
  // No ledger is the member's empty one, which the results make again rather than keep.
  const start = ledger === undefined ? undefined : readLedger(ledger, accepted, year.member.id);
  const order = settlementOrder(accepted, year.claims);
  const history = historyOption(options, accepted, start, year.claims);
  const { settled, tape } = settleYear(accepted, year.member, year.claims, order, start, history);
  const { results, after, paid } = settled;
  let illustrative = false;
  // Most years' results share one list of warnings (the engine keeps one per set of cited
  // values) or have none: then the year's list is made once for that list, not per member.
  let only: readonly Message[] = NONE;
  let mixed = false;
  for (let at = 0; at < results.length; at += 1) {
    const result = results[at]!;
    illustrative ||= result.illustrative;
    const warnings = result.warnings;
    if (warnings.length > 0 && warnings !== only) (mixed ||= only.length > 0), (only = warnings);
  }
  const warnings = mixed ? uniqueWarnings(results) : onceEach(only);
  return new SettledYear(year.member.id, tape.policy, Object.freeze(results), paid, after, tape, warnings, illustrative);
}

const NONE: readonly Message[] = Object.freeze([]);

/** Each list of warnings once each (see {@link uniqueWarnings}), kept for as long as the list. */
const madeOnceEach = new WeakMap<readonly Message[], readonly Message[]>();

function onceEach(warnings: readonly Message[]): readonly Message[] {
  if (warnings.length === 0) return NONE;
  let unique = madeOnceEach.get(warnings);
  if (unique === undefined) madeOnceEach.set(warnings, (unique = uniqueWarnings([{ warnings }])));
  return unique;
}

/** Every warning of the results, once each, in first-seen order. */
function uniqueWarnings(results: readonly Pick<ClaimResult, 'warnings'>[]): readonly Message[] {
  const warnings: Message[] = [];
  let seen: readonly Message[] | undefined;
  for (const result of results) {
    // The engine makes one object per warning of a parameter, so most repeats are an object
    // already kept. Only unique warnings are kept: keeping each would make every later check
    // cost as much as the claims before it.
    if (result.warnings !== seen) addUnique(warnings, result.warnings);
    seen = result.warnings;
  }
  return Object.freeze(warnings);
}
