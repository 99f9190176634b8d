/**
 * A claim settled under every plan a member holds (docs/rule-model.md#plans): the plans in
 * their order, each with its own ledger and caps, each told what the plans before it paid.
 * Shared by evaluateMemberClaim and evaluateMemberYear; every payout is still the one engine's.
 */
import type { PolicyRegistry } from '../createRegistry';
import type { Decimal } from './decimal';
import { InvalidInputError, readInput, type Issue } from './errors';
import { historyFor, type HistoryEntries } from './engine/history';
import { toLedger, type LedgerInFen } from './engine/ledgerInFen';
import { settle } from './engine/settle';
import type { Claim, LedgerInput, Member } from './inputSchemas';
import type { Ledger } from './ledger';
import { membershipMessage, type Message } from './messages';
import { moneyFromFen } from './money';
import type { PlainClaim } from './plainInput';
import type { Policy } from './policySchema';
import { readLedger } from './readInputs';
import { addUnique, eventDate, inspect, type ClaimResult } from './result';
import { registeredPolicies, versionFor } from './versions';

/** A claim settled under each plan the member holds. */
export interface MemberClaimResult {
  readonly memberId: string;
  readonly claimId: string;
  readonly kind: Claim['kind'];
  /** The claim's first day: a stay's admission, or the claim's date. */
  readonly date: string;
  /** True when at least one plan settled the claim (paid, or paid nothing under its rules). */
  readonly eligible: boolean;
  /** Why no plan settled the claim: a group of which the member holds two plans, or no plan held. */
  readonly reasons: readonly Message[];
  /** Each plan's result, in the order the plans settled: `plan.order`, ties by scheme id. */
  readonly plans: readonly ClaimResult[];
  /** What the plans paid together. */
  readonly total: Decimal;
  /** By scheme, the ledger after the claim of each plan that settled it. */
  readonly ledgers: Readonly<Record<string, Ledger>>;
  /** Every warning of every plan's result, once each. */
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
  /** Every field as plain data. */
  toJSON(): Omit<MemberClaimResult, 'toJSON'>;
}

/** The ledgers of a member's plans by scheme: each the `ledger` of an earlier result, or the same as JSON. */
export type MemberLedgersInput = Readonly<Record<string, LedgerInput>>;

/** A ledger carried from claim to claim, in the engine's form, with the protection year it is of. */
export interface Carried {
  readonly year: number;
  readonly ledger: Ledger | LedgerInFen;
}

/** A member's claim result. Total and ledgers are made on first read, as a claim result's are. */
export class SettledMemberClaim implements MemberClaimResult {
  #total: number | Decimal;
  #ledgers: Readonly<Record<string, Ledger>> | undefined;

  constructor(
    readonly memberId: string,
    readonly claimId: string,
    readonly kind: Claim['kind'],
    readonly date: string,
    readonly eligible: boolean,
    readonly reasons: readonly Message[],
    readonly plans: readonly ClaimResult[],
    totalFen: number,
    readonly warnings: readonly Message[],
    readonly illustrative: boolean,
  ) {
    this.#total = totalFen;
    Object.freeze(this);
  }

  static isSettled(value: unknown): value is SettledMemberClaim {
    return typeof value === 'object' && value !== null && #ledgers in value;
  }

  get total(): Decimal {
    const total = this.#total;
    return typeof total === 'number' ? (this.#total = moneyFromFen(total)) : total;
  }

  get ledgers(): Readonly<Record<string, Ledger>> {
    return (this.#ledgers ??= Object.freeze(Object.fromEntries(this.plans.map((plan) => [plan.policy.scheme, plan.ledger]))));
  }

  toJSON(): Omit<MemberClaimResult, 'toJSON'> {
    const { memberId, claimId, kind, date, eligible, reasons, plans, total, ledgers, warnings, illustrative } = this;
    return { memberId, claimId, kind, date, eligible, reasons, plans, total, ledgers, warnings, illustrative };
  }

  [inspect](): Omit<MemberClaimResult, 'toJSON'> {
    return this.toJSON();
  }
}

/** A copy of the caller's ledgers by scheme; each ledger is read when a plan first needs it. */
export function readLedgers(ledgers: MemberLedgersInput | undefined): ReadonlyMap<string, LedgerInput> {
  if (ledgers === undefined) return new Map();
  const copy = readInput(ledgers, ['ledgers'], () =>
    typeof ledgers === 'object' && ledgers !== null && !Array.isArray(ledgers) ? new Map(Object.entries(ledgers)) : undefined,
  );
  if (copy === undefined) throw new InvalidInputError([{ path: ['ledgers'], code: 'invalid_type', message: 'expected the ledgers by scheme id, e.g. { "guangxi": ledger }' }]);
  return copy;
}

/** A caller's ledger for a plan, checked, its errors named under `ledgers.<scheme>`. */
function readPlanLedger(ledger: LedgerInput, policy: Policy, memberId: string): Ledger {
  try {
    return readLedger(ledger, policy, memberId);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(error.issues.map((issue): Issue => ({ ...issue, path: ['ledgers', policy.scheme, ...issue.path.slice(1)] })));
  }
}

/** What the plans' settlement reads besides the claim: the registry's policies, the member, and the ledgers. */
export interface MemberBook {
  readonly policies: readonly Policy[];
  readonly member: Member;
  /** The caller's ledgers by scheme, read at a plan's first claim. */
  readonly given: ReadonlyMap<string, LedgerInput>;
  /** The ledgers the member's claims so far left, by scheme. */
  readonly carried: Map<string, Carried>;
}

export function memberBook(registry: PolicyRegistry, member: Member, ledgers: MemberLedgersInput | undefined): MemberBook {
  return { policies: registeredPolicies(registry), member, given: readLedgers(ledgers), carried: new Map() };
}

/** The ledger a plan's claim starts from: the one the member's last claim under it left, if of the same year; else the caller's; else empty. */
function startLedger(book: MemberBook, policy: Policy): Ledger | LedgerInFen | undefined {
  const carried = book.carried.get(policy.scheme);
  if (carried !== undefined) return carried.year === policy.year ? carried.ledger : undefined;
  const given = book.given.get(policy.scheme);
  return given === undefined ? undefined : readPlanLedger(given, policy, book.member.id);
}

/** The schemes of the member's enrolments whose days meet the claim's, once each in the order enrolled. */
function heldSchemes(member: Member, first: string, last: string): string[] {
  const schemes: string[] = [];
  for (const enrolment of member.enrolments) {
    if (enrolment.from <= last && enrolment.to >= first && !schemes.includes(enrolment.scheme)) schemes.push(enrolment.scheme);
  }
  return schemes;
}

/** Plans settle by `plan.order` (a plan without one after those with one), ties by scheme id. */
function byPlanOrder(a: Policy, b: Policy): number {
  const order = (a.plan?.order ?? Infinity) - (b.plan?.order ?? Infinity);
  return order !== 0 && !Number.isNaN(order) ? order : a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : 0;
}

/** A reason for each group of which the member holds more than one plan. */
function groupConflicts(plans: readonly Policy[]): Message[] {
  const reasons: Message[] = [];
  const seen = new Set<string>();
  for (const plan of plans) {
    const group = plan.plan?.group;
    if (group === undefined || seen.has(group.id)) continue;
    seen.add(group.id);
    const members = plans.filter((other) => other.plan?.group?.id === group.id);
    if (members.length < 2) continue;
    const names = { zh: members.map((p) => `“${p.name.zh}”`).join('、'), en: members.map((p) => `“${p.name.en}”`).join(' and ') };
    reasons.push(membershipMessage('PLAN_GROUP_CONFLICT', { group: group.label, plans: names }));
  }
  return reasons;
}

const NONE = Object.freeze([]) as readonly never[];

/**
 * Settles the checked copy of a claim under each plan the member holds on its days, in plan
 * order; each plan's claim carries what the plans before it paid. `path` names the claim in the
 * caller's input. The book's carried ledgers are updated.
 */
export function settleUnderPlans(book: MemberBook, claim: PlainClaim, path: readonly (string | number)[]): { result: SettledMemberClaim; paid: number } {
  const { member } = book;
  const first = claim.kind === 'hospitalisation' ? claim.admission : claim.date;
  const schemes = heldSchemes(member, first, claim.kind === 'hospitalisation' ? claim.discharge : claim.date);
  const plans = schemes.map((scheme) => versionFor(book.policies, scheme, (policy) => eventDate(policy, claim), member, first));
  return settlePlans(book, plans, claim, path);
}

/** How {@link settlePlans} settles each plan: as a what-if, and with the member's history. */
export interface PlanSettlement {
  /** Whether a plan is applied as a what-if (compareClaim): its period waived, the result saying so. */
  readonly whatIf?: (policy: Policy) => boolean;
  /** The caller's checked history, read for each plan. */
  readonly history?: HistoryEntries;
}

/**
 * Settles a claim under the given plans in plan order, each told what the plans before it
 * paid; refused, with the reasons, when they are none or two are of one group.
 */
export function settlePlans(book: MemberBook, versions: readonly Policy[], claim: PlainClaim, path: readonly (string | number)[], how: PlanSettlement = {}): { result: SettledMemberClaim; paid: number } {
  const { member } = book;
  const first = claim.kind === 'hospitalisation' ? claim.admission : claim.date;
  const plans = [...versions].sort(byPlanOrder);
  const refusal = plans.length === 0 ? [membershipMessage('NO_PLAN_HELD', { date: first })] : groupConflicts(plans);
  if (refusal.length > 0) {
    return { result: new SettledMemberClaim(member.id, claim.id, claim.kind, first, false, Object.freeze(refusal), NONE, 0, NONE, false), paid: 0 };
  }
  const results: ClaimResult[] = [];
  const warnings: Message[] = [];
  let paid = 0;
  let illustrative = false;
  for (const policy of plans) {
    const start = startLedger(book, policy) ?? emptyStart(policy, member);
    const copy = paid === 0 ? claim : { ...claim, paidByPlans: paid };
    const history = how.history === undefined ? undefined : historyFor(how.history, policy, start, [claim]);
    const settled = settle(policy, member, copy, start, path, how.whatIf?.(policy) ?? false, history);
    book.carried.set(policy.scheme, { year: policy.year, ledger: settled.after });
    results.push(settled.result);
    addUnique(warnings, settled.result.warnings);
    illustrative ||= settled.result.illustrative;
    paid += settled.paid;
  }
  const eligible = results.some((result) => result.eligible);
  const result = new SettledMemberClaim(member.id, claim.id, claim.kind, first, eligible, NONE, Object.freeze(results), paid, Object.freeze(warnings), illustrative);
  return { result, paid };
}

/** The member's empty ledger of a plan's year. */
function emptyStart(policy: Policy, member: Member): Ledger {
  return readLedger(undefined, policy, member.id);
}

/** The carried ledgers as the caller reads them, by scheme. */
export function carriedLedgers(carried: ReadonlyMap<string, Carried>): Readonly<Record<string, Ledger>> {
  return Object.freeze(Object.fromEntries([...carried].map(([scheme, { ledger }]) => [scheme, toLedger(ledger)])));
}
