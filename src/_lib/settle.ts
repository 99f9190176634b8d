import { Dec, Decimal } from './decimal';
import { runFormula } from './formulas';
import type { Claim, Member } from './inputSchemas';
import { hasSettled, paidFor, recordPayment, type Ledger } from './ledger';
import { formatYuan, roundToFen, toMoney, ZERO } from './money';
import { message, type Message } from './messages';
import type { Benefit, Cause, EventKind, Label, Policy } from './policySchema';
import { illustrativeWarnings, Trace, type Citation, type Step } from './trace';
import { isWithin } from './dates';
import type { PlainClaim } from './plainInput';

/** Which cap cut a line. */
export type CapKind = 'perClaim' | 'perYear' | 'maximumSubsidy';

/** What one benefit paid on a claim, and how. */
export interface BenefitLine {
  /** The benefit id in the policy. */
  readonly benefit: string;
  readonly label: Label;
  /** What is paid, after every cap. */
  readonly amount: Decimal;
  /** What the formula gave, rounded, before caps. */
  readonly amountBeforeCaps: Decimal;
  /** The cap that set the amount, or null when none did. */
  readonly cappedBy: CapKind | null;
  /** Set when the amount is decided on application inside this range (the line then pays 0). */
  readonly range?: { readonly min: Decimal; readonly max: Decimal };
  readonly steps: readonly Step[];
  /** Every parameter the line depended on, with its provenance. */
  readonly citations: readonly Citation[];
  /** True when any parameter the line used is illustrative, not published. */
  readonly illustrative: boolean;
}

/** Node's console shows what JSON would, accessors included. */
export const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * A benefit line whose steps may be worked out on first read: the fast path settles the
 * amounts and leaves the steps, which cost more to write than the settlement itself, to the
 * reference path. To a reader and to JSON it is a plain line; `steps` is an accessor.
 */
export class Line implements BenefitLine {
  declare readonly benefit: string;
  declare readonly label: Label;
  declare readonly amount: Decimal;
  declare readonly amountBeforeCaps: Decimal;
  declare readonly cappedBy: CapKind | null;
  declare readonly range?: { readonly min: Decimal; readonly max: Decimal };
  declare readonly citations: readonly Citation[];
  declare readonly illustrative: boolean;
  #steps: readonly Step[] | (() => readonly Step[]);

  constructor(fields: Omit<BenefitLine, 'steps'>, steps: readonly Step[] | (() => readonly Step[])) {
    // Field by field rather than Object.assign: lines are made by the million, and this is faster.
    const self = this as { -readonly [K in keyof BenefitLine]: BenefitLine[K] };
    self.benefit = fields.benefit;
    self.label = fields.label;
    self.amount = fields.amount;
    self.amountBeforeCaps = fields.amountBeforeCaps;
    self.cappedBy = fields.cappedBy;
    if (fields.range !== undefined) self.range = fields.range;
    self.citations = fields.citations;
    self.illustrative = fields.illustrative;
    this.#steps = typeof steps === 'function' ? steps : deepFreeze(steps);
    Object.freeze(this);
  }

  get steps(): readonly Step[] {
    if (typeof this.#steps === 'function') this.#steps = deepFreeze(this.#steps());
    return this.#steps;
  }

  /** The line as plain data, in the order of {@link BenefitLine}'s fields. */
  toJSON(): BenefitLine {
    const { benefit, label, amount, amountBeforeCaps, cappedBy, range, citations, illustrative } = this;
    return { benefit, label, amount, amountBeforeCaps, cappedBy, ...(range && { range }), steps: this.steps, citations, illustrative };
  }

  [inspect](): BenefitLine {
    return this.toJSON();
  }
}

/** The policy version a result was computed by. */
export interface PolicyRef {
  readonly scheme: string;
  readonly year: number;
  readonly name: Label;
}

/** The settlement of one claim. Refusal is a result with reasons, never an exception. */
export interface ClaimResult {
  readonly claimId: string;
  readonly memberId: string;
  readonly kind: Claim['kind'];
  /** The date that placed the event in the protection year. */
  readonly eventDate: string;
  readonly policy: PolicyRef;
  readonly eligible: boolean;
  /** Why the claim was refused, or which parts were refused or cut. */
  readonly reasons: readonly Message[];
  readonly total: Decimal;
  readonly lines: readonly BenefitLine[];
  /** The member's ledger after this claim. */
  readonly ledger: Ledger;
  readonly warnings: readonly Message[];
  /** True when any figure in the result rests on an illustrative parameter. */
  readonly illustrative: boolean;
  /** Every field as plain data, lines and ledger included (they are accessors made on first read). */
  toJSON(): Omit<ClaimResult, 'toJSON'>;
}

/**
 * What a result's lines and ledger are made from, on first read. Each line and the ledger come
 * frozen through and through; the list of lines is frozen here.
 */
export interface ResultDetails {
  lines(): readonly BenefitLine[];
  ledger(): Ledger;
}

/**
 * A claim's result. Its lines and ledger are made on first read: the fast path settles in
 * whole fen and builds their Decimals and frozen objects only when asked, which is most of
 * what a result costs. To a reader, to JSON and to `explain` it is the plain
 * {@link ClaimResult}; `lines` and `ledger` are accessors, so `Object.keys` and spread leave
 * them out (`toJSON()` gives every field).
 */
export class SettledClaim implements ClaimResult {
  readonly #details: ResultDetails;
  #lines: readonly BenefitLine[] | undefined;
  #ledger: Ledger | undefined;

  /**
   * Every field given must be frozen already, as must what `details` makes (see
   * {@link ResultDetails}). The fields come one by one, in {@link ClaimResult}'s order: the
   * fast path makes a result per claim, and an object to carry them would double what it
   * allocates.
   */
  constructor(
    readonly claimId: string,
    readonly memberId: string,
    readonly kind: Claim['kind'],
    readonly eventDate: string,
    readonly policy: PolicyRef,
    readonly eligible: boolean,
    readonly reasons: readonly Message[],
    readonly total: Decimal,
    readonly warnings: readonly Message[],
    readonly illustrative: boolean,
    details: ResultDetails,
  ) {
    this.#details = details;
    Object.freeze(this);
  }

  get lines(): readonly BenefitLine[] {
    return (this.#lines ??= Object.freeze(this.#details.lines()));
  }

  get ledger(): Ledger {
    return (this.#ledger ??= this.#details.ledger());
  }

  /** The result as plain data, in the order of {@link ClaimResult}'s fields. */
  toJSON(): Omit<ClaimResult, 'toJSON'> {
    const { claimId, memberId, kind, eventDate, policy, eligible, reasons, total, lines, ledger, warnings, illustrative } = this;
    return { claimId, memberId, kind, eventDate, policy, eligible, reasons, total, lines, ledger, warnings, illustrative };
  }

  [inspect](): Omit<ClaimResult, 'toJSON'> {
    return this.toJSON();
  }
}

/** Details already made, as the reference path makes them. */
const madeDetails = (lines: readonly BenefitLine[], ledger: Ledger): ResultDetails => ({ lines: () => lines, ledger: () => ledger });

/** The date that picks the protection year: a stay's admission or discharge, by the policy. */
export function eventDate(policy: Pick<Policy, 'conventions'>, claim: Claim | PlainClaim): string {
  if (claim.kind !== 'hospitalisation') return claim.date;
  return policy.conventions.yearBy === 'admission' ? claim.admission : claim.discharge;
}

const policyRefs = new WeakMap<Policy, PolicyRef>();

/** The frozen reference to a policy version; one object per policy, shared by its results. */
export function policyRef(policy: Policy): PolicyRef {
  let ref = policyRefs.get(policy);
  if (ref === undefined) {
    ref = Object.freeze({ scheme: policy.scheme, year: policy.year, name: policy.name });
    policyRefs.set(policy, ref);
  }
  return ref;
}

/**
 * Every reason the member cannot claim under this policy on this date; empty when they can.
 * A what-if waives the policy's period and asks only for an enrolment in the scheme on the date,
 * whatever its year: it applies one version's rules to an event another version governs.
 */
export function eligibilityReasons(policy: Policy, member: Member, date: string, whatIf = false): Message[] {
  const reasons: Message[] = [];
  if (!whatIf && !isWithin(date, policy.validFrom, policy.validTo)) {
    reasons.push(message('OUTSIDE_POLICY_PERIOD', { date, validFrom: policy.validFrom, validTo: policy.validTo ?? '…' }));
  }
  const scheme = enrolmentScheme(policy);
  if (!isEnrolled(policy, member, date, whatIf)) reasons.push(message('NOT_ENROLLED', { scheme, date }));
  for (const flag of policy.eligibility.requiredFlags) {
    if (member.flags?.[flag] !== true) reasons.push(message('MISSING_FLAG', { flag }));
  }
  return reasons;
}

/**
 * Whether {@link eligibilityReasons} would find none. Asked of every claim, so it makes no
 * messages, and it counts through the lists: iterating a frozen array (a policy's, or a
 * deep-frozen member's) is several times slower in Node 20 than indexing it.
 */
export function isEligible(policy: Policy, member: Member, date: string): boolean {
  if (!isWithin(date, policy.validFrom, policy.validTo) || !isEnrolled(policy, member, date, false)) return false;
  const flags = policy.eligibility.requiredFlags;
  for (let i = 0; i < flags.length; i += 1) if (member.flags?.[flags[i]!] !== true) return false;
  return true;
}

const enrolmentScheme = (policy: Policy): string => policy.eligibility.enrolmentScheme ?? policy.scheme;

function isEnrolled(policy: Policy, member: Member, date: string, whatIf: boolean): boolean {
  const scheme = enrolmentScheme(policy);
  const enrolments = member.enrolments;
  for (let i = 0; i < enrolments.length; i += 1) {
    const enrolment = enrolments[i]!;
    const ofThisYear = whatIf || scheme !== policy.scheme || enrolment.year === policy.year;
    if (enrolment.scheme === scheme && ofThisYear && isWithin(date, enrolment.from, enrolment.to)) return true;
  }
  return false;
}

/** The benefits that pay on an event of this kind and, for a stay, this cause. */
export function benefitsFor(policy: Policy, event: { readonly kind: EventKind; readonly cause?: Cause }): { benefits: Benefit[]; reasons: Message[] } {
  const ofKind = policy.benefits.filter((benefit) => benefit.event === event.kind);
  const cause = event.cause;
  if (cause === undefined) return { benefits: ofKind, reasons: [] };
  const benefits = ofKind.filter((benefit) => benefit.causes === undefined || benefit.causes.includes(cause));
  const reasons = ofKind
    .filter((benefit) => !benefits.includes(benefit))
    .map((benefit) => message('CAUSE_NOT_COVERED', { benefit: benefit.label, cause }));
  return { benefits, reasons };
}

interface CapCheck {
  readonly kind: CapKind;
  /** What the cap still allows. */
  readonly remaining: Decimal;
  readonly limit: Decimal;
  readonly expression: string;
}

/** Runs one benefit and its caps; `paidThisClaim` is what earlier lines of the claim already took. */
export function settleBenefit(
  policy: Policy,
  benefit: Benefit,
  claim: Claim,
  ledger: Ledger,
  paidThisClaim: Decimal,
): { line: BenefitLine; reasons: Message[]; warnings: Message[] } {
  const trace = new Trace();
  const { mode, at } = policy.conventions.rounding;
  const round = (amount: Decimal) => roundToFen(amount, mode);
  const path = `benefits.${benefit.id}`;
  const outcome = runFormula(benefit.formula, {
    claim,
    benefit,
    path: `${path}.formula`,
    trace,
    roundStep: at === 'eachStep' ? round : (amount) => amount,
    conventions: policy.conventions,
  });
  const amountBeforeCaps = round(outcome.amount);
  if (!amountBeforeCaps.equals(outcome.amount)) {
    trace.step('rounding', { mode }, outcome.amount.toString(), amountBeforeCaps);
  }

  const caps: CapCheck[] = [];
  if (benefit.caps?.perClaim) {
    const limit = new Dec(trace.use(benefit.caps.perClaim, `${path}.caps.perClaim`));
    caps.push({ kind: 'perClaim', remaining: limit, limit, expression: formatYuan(limit) });
  }
  if (benefit.caps?.perYear) {
    const limit = new Dec(trace.use(benefit.caps.perYear, `${path}.caps.perYear`));
    const paid = paidFor(ledger, benefit.id);
    caps.push({ kind: 'perYear', remaining: Dec.max(0, limit.minus(paid)), limit, expression: `${formatYuan(limit)} − ${formatYuan(paid)}` });
  }
  if (policy.ceilings.maximumSubsidy) {
    const limit = new Dec(trace.use(policy.ceilings.maximumSubsidy, 'ceilings.maximumSubsidy'));
    const paid = ledger.total.plus(paidThisClaim);
    caps.push({ kind: 'maximumSubsidy', remaining: Dec.max(0, limit.minus(paid)), limit, expression: `${formatYuan(limit)} − ${formatYuan(paid)}` });
  }

  let amount = amountBeforeCaps;
  let cappedBy: CapKind | null = null;
  for (const cap of caps) {
    if (amount.lte(cap.remaining)) continue;
    trace.step(cap.kind, {}, `min(${formatYuan(amount)}, ${cap.expression})`, cap.remaining);
    amount = cap.remaining;
    cappedBy = cap.kind;
  }
  if (cappedBy !== null) {
    const limit = caps.find((cap) => cap.kind === cappedBy)!.limit;
    trace.reason('CAP_REACHED', { benefit: benefit.label, cap: cappedBy, cut: formatYuan(amountBeforeCaps.minus(amount)), limit: formatYuan(limit) });
  }

  const line = new Line(
    {
      benefit: benefit.id,
      label: benefit.label,
      amount: toMoney(amount),
      amountBeforeCaps: toMoney(amountBeforeCaps),
      cappedBy,
      ...(outcome.range && { range: { min: toMoney(outcome.range.min), max: toMoney(outcome.range.max) } }),
      citations: trace.citations,
      illustrative: trace.illustrative,
    },
    trace.steps,
  );
  return { line, reasons: trace.reasons, warnings: [...trace.warnings, ...illustrativeWarnings(trace.citations)] };
}

/**
 * Adds each message not yet in `unique` (the same object, or the same code and wording), in
 * first-seen order. Warnings are few (one per parameter at most), so a scan of `unique` beats
 * building keys to hash, and the cost stays linear in the messages added.
 */
export function addUnique(unique: Message[], messages: readonly Message[]): void {
  for (const m of messages) {
    if (!unique.includes(m) && !unique.some((seen) => seen.code === m.code && seen.message.en === m.message.en)) unique.push(m);
  }
}

/** Messages with the same code and wording, once each, in first-seen order. */
export function uniqueMessages(messages: readonly Message[]): Message[] {
  const unique: Message[] = [];
  addUnique(unique, messages);
  return unique;
}

/** An empty list, for results that have no lines or warnings. */
const NONE = Object.freeze([]);

/**
 * Settles one validated claim against one validated policy and ledger. `whatIf` applies the
 * policy to an event outside its period (see {@link eligibilityReasons}) and says so in a warning.
 */
export function settleClaim(policy: Policy, member: Member, claim: Claim, ledger: Ledger, whatIf = false): ClaimResult {
  const date = eventDate(policy, claim);
  const reasons = eligibilityReasons(policy, member, date, whatIf);
  if (hasSettled(ledger, claim.id)) reasons.push(message('DUPLICATE_CLAIM', { claimId: claim.id }));
  const applicable = benefitsFor(policy, claim);
  if (reasons.length === 0 && applicable.benefits.length === 0) {
    reasons.push(...applicable.reasons, message('NO_BENEFIT_FOR_EVENT', { event: claim.kind, ...(claim.kind === 'hospitalisation' && { cause: claim.cause }) }));
  }
  // Claim id, member id, kind, event date and policy: the fields every result starts with.
  const base = [claim.id, member.id, claim.kind, date, policyRef(policy)] as const;
  if (reasons.length > 0) {
    return new SettledClaim(...base, false, deepFreeze(reasons), ZERO, NONE, false, madeDetails(NONE, ledger));
  }

  const lines: BenefitLine[] = [];
  const lineReasons: Message[] = [...applicable.reasons];
  const warnings: Message[] = whatIf ? [message('WHAT_IF', { scheme: policy.scheme, year: policy.year, date })] : [];
  let paid: Decimal = ZERO;
  for (const benefit of applicable.benefits) {
    const settled = settleBenefit(policy, benefit, claim, ledger, paid);
    lines.push(settled.line);
    lineReasons.push(...settled.reasons);
    warnings.push(...settled.warnings);
    paid = paid.plus(settled.line.amount);
  }
  return new SettledClaim(
    ...base,
    true,
    deepFreeze(lineReasons),
    toMoney(paid),
    deepFreeze(uniqueMessages(warnings)),
    lines.some((line) => line.illustrative),
    madeDetails(deepFreeze(lines), recordPayment(ledger, claim.id, lines)),
  );
}

/** Freezes a result tree. Decimals are left as they are: output amounts are frozen by `toMoney`. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Decimal.isDecimal(value)) {
    Object.freeze(value);
    // An already frozen node may still hold unfrozen children (zod freezes readonly arrays shallowly).
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
