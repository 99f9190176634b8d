/** What a settlement returns: claim results and their benefit lines, made on first read. */
import { Decimal } from './decimal';
import type { Claim } from './inputSchemas';
import type { Ledger } from './ledger';
import type { Message } from './messages';
import { fenText, moneyFromFen } from './money';
import type { Label, Policy } from './policySchema';
import type { Citation, Step } from './trace';
import type { PlainClaim } from './plainInput';

/**
 * Which cap cut a line last: a money cap, the benefit's limit of paid claims a year, its limit
 * of one paid claim in N years, what was already paid for the same event, or what other plans
 * and funds paid for the claim.
 */
export type CapKind = 'perClaim' | 'perYear' | 'maximumSubsidy' | 'claimsPerYear' | 'oncePerYears' | 'sameEvent' | 'otherPayments';

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
 * A benefit line. Its steps are recorded by the run that makes the line and keep their
 * figures, not their text (see `Steps`); its amounts are kept in fen and made Decimals on
 * first read. To a reader and to JSON it is a plain line; `amount` and `amountBeforeCaps` are
 * accessors, so `Object.keys` and spread leave them out (`toJSON()` gives every field).
 */
export class Line implements BenefitLine {
  /** Only on a line whose amount is decided on application. */
  declare readonly range?: { readonly min: Decimal; readonly max: Decimal };
  /** Whole fen until first read, then the Decimal. */
  #amount: number | Decimal;
  /** The same, or null when no cap cut the line (the amount is then the same Decimal). */
  #beforeCaps: number | Decimal | null;

  /**
   * Every field given must be frozen already, the steps each and their list; they come one by
   * one, in {@link BenefitLine}'s order, as a result's do. The amounts come in fen: a line's
   * steps are often read and its amounts not, and a Decimal costs more to keep than the rest of
   * the line.
   */
  constructor(
    readonly benefit: string,
    readonly label: Label,
    amountFen: number,
    beforeCapsFen: number,
    readonly cappedBy: CapKind | null,
    range: { readonly min: Decimal; readonly max: Decimal } | undefined,
    readonly steps: readonly Step[],
    readonly citations: readonly Citation[],
    readonly illustrative: boolean,
  ) {
    this.#amount = amountFen;
    this.#beforeCaps = beforeCapsFen === amountFen ? null : beforeCapsFen;
    if (range !== undefined) this.range = range;
    Object.freeze(this);
  }

  get amount(): Decimal {
    const amount = this.#amount;
    return typeof amount === 'number' ? (this.#amount = moneyFromFen(amount)) : amount;
  }

  get amountBeforeCaps(): Decimal {
    const before = this.#beforeCaps;
    if (before === null) return this.amount;
    return typeof before === 'number' ? (this.#beforeCaps = moneyFromFen(before)) : before;
  }

  /** A line's amount as `amount.toFixed(2)` writes it; for a line the engine made, without making the Decimal (an explanation reads only the text). */
  static amountText(line: BenefitLine): string {
    if (!(#amount in line)) return line.amount.toFixed(2);
    const amount = line.#amount;
    return typeof amount === 'number' ? fenText(amount) : amount.toFixed(2);
  }

  /** The line as plain data, in the order of {@link BenefitLine}'s fields. */
  toJSON(): BenefitLine {
    const { benefit, label, amount, amountBeforeCaps, cappedBy, range, steps, citations, illustrative } = this;
    return { benefit, label, amount, amountBeforeCaps, cappedBy, ...(range && { range }), steps, citations, illustrative };
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
 * What the results of one call are read from; `at` is a result's place among them. What it
 * gives is frozen through and through (a list of lines is frozen by the result), and the same
 * at every read but for lines and the ledger, which it makes anew and the result keeps.
 */
export interface ResultDetails {
  readonly memberId: string;
  readonly policy: PolicyRef;
  claimId(at: number): string;
  kind(at: number): Claim['kind'];
  eventDate(at: number): string;
  eligible(at: number): boolean;
  reasons(at: number): readonly Message[];
  warnings(at: number): readonly Message[];
  illustrative(at: number): boolean;
  lines(at: number): readonly BenefitLine[];
  ledger(at: number): Ledger;
}

/** What a result made on first read of its ledger: the ledger, and its lines when read. */
interface Read {
  lines: readonly BenefitLine[] | undefined;
  ledger: Ledger | undefined;
}

/** Whether a result's `#read` holds its ledger, not its lines alone. */
const hasLedger = (read: readonly BenefitLine[] | Read): read is Read => !Array.isArray(read);

/**
 * A claim's result. It keeps its place on what the results of its call share (see
 * {@link ResultDetails}) and its total in fen, nothing else: a year's claims are kept there
 * compactly, and every field is read from it, the total, lines and ledger made on first read
 * (building Decimals and frozen objects is most of what a result costs). To a reader, to JSON
 * and to `explain` it is the plain {@link ClaimResult}; its fields are accessors, so
 * `Object.keys` and spread leave them out (`toJSON()` gives every field).
 */
export class SettledClaim implements ClaimResult {
  readonly #details: ResultDetails;
  readonly #at: number;
  /** Whole fen until first read, then the Decimal. */
  #total: number | Decimal;
  /**
   * One slot for both, most results are never read so far: the lines alone (a reader of steps
   * reads those), made a {@link Read} on the first read of the ledger.
   */
  #read: readonly BenefitLine[] | Read | undefined;

  constructor(details: ResultDetails, at: number, totalFen: number) {
    this.#details = details;
    this.#at = at;
    this.#total = totalFen;
    Object.freeze(this);
  }

  /** Whether `value` is a result the engine made: frozen, its private parts unforgeable, so it needs no checking. */
  static isSettled(value: unknown): value is SettledClaim {
    return typeof value === 'object' && value !== null && #details in value;
  }

  get claimId(): string {
    return this.#details.claimId(this.#at);
  }

  get memberId(): string {
    return this.#details.memberId;
  }

  get kind(): Claim['kind'] {
    return this.#details.kind(this.#at);
  }

  get eventDate(): string {
    return this.#details.eventDate(this.#at);
  }

  get policy(): PolicyRef {
    return this.#details.policy;
  }

  get eligible(): boolean {
    return this.#details.eligible(this.#at);
  }

  get reasons(): readonly Message[] {
    return this.#details.reasons(this.#at);
  }

  get total(): Decimal {
    const total = this.#total;
    return typeof total === 'number' ? (this.#total = moneyFromFen(total)) : total;
  }

  get lines(): readonly BenefitLine[] {
    const read = this.#read;
    if (read === undefined) return (this.#read = Object.freeze(this.#details.lines(this.#at)));
    if (!hasLedger(read)) return read;
    return (read.lines ??= Object.freeze(this.#details.lines(this.#at)));
  }

  /** The result's lines, made afresh when not read yet and then not kept: an explanation reads them once. */
  static linesOf(result: SettledClaim): readonly BenefitLine[] {
    const read = result.#read;
    return (read === undefined ? undefined : hasLedger(read) ? read.lines : read) ?? result.#details.lines(result.#at);
  }

  get ledger(): Ledger {
    let read = this.#read;
    if (read === undefined || !hasLedger(read)) this.#read = read = { lines: read, ledger: undefined };
    return (read.ledger ??= this.#details.ledger(this.#at));
  }

  get warnings(): readonly Message[] {
    return this.#details.warnings(this.#at);
  }

  get illustrative(): boolean {
    return this.#details.illustrative(this.#at);
  }

  /** A result's total as `total.toFixed(2)` writes it; for a result the engine made, without making the Decimal (see {@link Line.amountText}). */
  static totalText(result: ClaimResult): string {
    if (!(#total in result)) return result.total.toFixed(2);
    const total = result.#total;
    return typeof total === 'number' ? fenText(total) : total.toFixed(2);
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
 * Adds each message not yet in `unique` (the same object, or the same code and wording), in
 * first-seen order. Warnings are few (one per parameter at most), so a scan of `unique` beats
 * building keys to hash, and the cost stays linear in the messages added.
 */
export function addUnique(unique: Message[], messages: readonly Message[]): void {
  for (const m of messages) if (!unique.includes(m) && !hasSameMessage(unique, m)) unique.push(m);
}

/** Whether `list` has a message of `m`'s code and wording. A loop, not `some`: a closure per message costs more than the scan. */
function hasSameMessage(list: readonly Message[], m: Message): boolean {
  for (let at = 0; at < list.length; at += 1) if (list[at]!.code === m.code && list[at]!.message.en === m.message.en) return true;
  return false;
}

/** Messages with the same code and wording, once each, in first-seen order. */
export function uniqueMessages(messages: readonly Message[]): Message[] {
  const unique: Message[] = [];
  addUnique(unique, messages);
  return unique;
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
