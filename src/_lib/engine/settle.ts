/**
 * Settles claims with the compiled policy: eligibility, each benefit's formula, condition
 * and caps, the ledger after. The results of one call share a tape (see {@link Tape}) of the
 * checked copies of the member and the claims and the ledger they started from, never the
 * caller's objects; a result's lines, ledger and steps are made when first read, by running
 * the same compiled rules again from the tape, the steps with a recorder.
 */
import { dayNumber, isoDate } from '../dates';
import { InvalidInputError } from '../errors';
import type { Member } from '../inputSchemas';
import type { Ledger } from '../ledger';
import { fixedLabel, message, stepLabel, type Message } from '../messages';
import { fenText, moneyFromFen } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import { eventDate, Line, SettledClaim, type BenefitLine, type CapKind, type PolicyRef, type ResultDetails } from '../result';
import { compile, filingDeadlineDay, type CompiledBenefit, type CompiledPolicy, type LineSources, type WarningsNode } from './compile';
import { joined, type ClaimContext, type Recorder } from './context';
import { SAFE } from './fen';
import { eligibilityReasons } from './eligibility';
import { valueFor } from './parameters';
import { emptyInFen, inFen, LedgerInFen, toLedger } from './ledgerInFen';
import type { Outcome } from './formulas/types';

/** An empty list, for results that have no lines, reasons or warnings. */
const NONE = Object.freeze([]) as readonly never[];

/** One line as settled, in fen: made only when a result's lines are read. */
interface LineRecord {
  readonly benefit: CompiledBenefit;
  readonly outcome: Outcome;
  readonly amount: number;
  readonly cut: CapKind | null;
  readonly sources: LineSources;
  /** What earlier lines of the claim took, for the maximum subsidy's step. */
  readonly paidBefore: number;
}

/** What running one claim gave; one object per tape, written by each run. */
class Run {
  eventDate = '';
  eligible = false;
  reasons: readonly Message[] = NONE;
  fen = 0;
  warnings: readonly Message[] = NONE;
  illustrative = false;
  /** The ledger after the claim: in fen, or the one given when nothing changed. */
  after: Ledger | LedgerInFen | undefined = undefined;
  /** What a line's steps are made from. */
  context: ClaimContext | undefined = undefined;
  maximum: number | undefined = undefined;
  /** Where a claim of a list is in the caller's input: see Tape's `#pathOf`. */
  path: (string | number)[] | undefined = undefined;
}

/**
 * Runs the checked copy of a claim and writes what it gave into `out`; with `records`, also
 * the lines. `whatIf` applies the policy to an event outside its period, asking only for an
 * enrolment in the scheme on the date, and says so in a warning. `path` is where the claim
 * sits in the caller's input, for an error about a fact it lacks.
 */
function run(compiled: CompiledPolicy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen, path: readonly (string | number)[], whatIf: boolean, out: Run, records: LineRecord[] | null): void {
  const policy = compiled.policy;
  const date = eventDate(policy, claim);
  const before = inFen(ledger, compiled);
  const { mode, at } = policy.conventions.rounding;
  const stay = claim.kind === 'hospitalisation';
  const context: ClaimContext = {
    claim,
    member,
    eventDay: stay && policy.conventions.yearBy === 'discharge' ? claim.day + claim.nights : claim.day,
    days: stay ? Math.max(1, policy.conventions.dayCount === 'includeBothDays' ? claim.nights + 1 : claim.nights) : 0,
    stayNumber: stay ? before.stays + 1 : 0,
    ledger: before,
    mode,
    eachStep: at === 'eachStep',
    path,
  };
  out.eventDate = date;
  out.context = context;

  const reasons = eligibilityReasons(compiled, context, date, whatIf);
  if (before.claimIds.has(claim.id, before.claimCount)) reasons.push(message('DUPLICATE_CLAIM', { claimId: claim.id }));
  // The claim's own warnings and its lines' reasons, made only when there are some: most claims have none.
  let warnings: Message[] | undefined = whatIf ? [message('WHAT_IF', { scheme: policy.scheme, year: policy.year, date })] : undefined;
  const deadline = filingDeadlineDay(compiled, context);
  if (deadline !== undefined) {
    if (claim.filedOn === '') (warnings ??= []).push(message('FILING_DATE_UNKNOWN', {}));
    else if (dayNumber(claim.filedOn) > deadline) reasons.push(message('FILED_LATE', { filedOn: claim.filedOn, deadline: isoDate(deadline) }));
  }
  if (stay && compiled.maxPaidStays !== undefined) {
    const most = valueFor(compiled.maxPaidStays, context);
    if (before.paidStays >= most) reasons.push(message('MAX_PAID_STAYS', { count: most }));
  }
  const applicable = compiled.applicable[stay ? claim.cause! : claim.kind]!;
  if (reasons.length === 0 && applicable.benefits.length === 0) {
    reasons.push(...applicable.reasons, message('NO_BENEFIT_FOR_EVENT', { event: claim.kind, ...(stay && { cause: claim.cause! }) }));
  }
  if (reasons.length > 0) return refuse(out, Object.freeze(reasons), ledger);

  // Reasons the lines add (a cap, a condition); the cause's exclusions come first.
  let lineReasons: Message[] | undefined;
  const maximum = compiled.maximumSubsidy && valueFor(compiled.maximumSubsidy, context);
  // The ledger after, built line by line; its lists are copied only when a line changes them.
  let amounts = before.amounts;
  let claims = before.claims;
  let days = before.days;
  let deductible = before.deductible;
  let touched = before.touched;
  let paidThisClaim = 0;
  let lines = 0;
  let illustrative = false;
  // The claim's illustrative warnings, shared by every claim whose lines cite the same values.
  let node = compiled.warnings;
  for (const compiledBenefit of applicable.benefits) {
    const { benefit, index } = compiledBenefit;
    if (compiledBenefit.when !== undefined && !compiledBenefit.when(context)) {
      (lineReasons ??= []).push(message('CONDITION_NOT_MET', { benefit: benefit.label, condition: compiledBenefit.whenText! }));
      continue;
    }
    const outcome = compiledBenefit.op(context, null);
    if (outcome.reason !== undefined) (lineReasons ??= []).push(outcome.reason);
    if (outcome.warning !== undefined) (warnings ??= []).push(outcome.warning);
    let amount = outcome.fen;
    let cut: CapKind | null = null;
    let limit = 0;
    const perClaim = compiledBenefit.perClaim && valueFor(compiledBenefit.perClaim, context);
    if (perClaim !== undefined && amount > perClaim) (amount = perClaim), (cut = 'perClaim'), (limit = perClaim);
    const perYear = compiledBenefit.perYear && valueFor(compiledBenefit.perYear, context);
    if (perYear !== undefined && amount > Math.max(0, perYear - before.amounts[index]!)) {
      (amount = Math.max(0, perYear - before.amounts[index]!)), (cut = 'perYear'), (limit = perYear);
    }
    if (maximum !== undefined && amount > Math.max(0, maximum - before.total - paidThisClaim)) {
      (amount = Math.max(0, maximum - before.total - paidThisClaim)), (cut = 'maximumSubsidy'), (limit = maximum);
    }
    const claimsLimit = compiledBenefit.claimsPerYear && valueFor(compiledBenefit.claimsPerYear, context);
    if (claimsLimit !== undefined && amount > 0 && before.claims[index]! >= claimsLimit) {
      (lineReasons ??= []).push(message('CLAIMS_PER_YEAR_REACHED', { benefit: benefit.label, count: claimsLimit }));
      (amount = 0), (cut = 'claimsPerYear');
    } else if (cut !== null) {
      (lineReasons ??= []).push(message('CAP_REACHED', { benefit: benefit.label, cap: cut, cut: fenText(outcome.fen - amount), limit: fenText(limit) }));
    }
    const sources = compiledBenefit.sources(context);
    illustrative ||= sources.illustrative;
    node = warningsAfter(node, sources);
    if (records !== null) records.push({ benefit: compiledBenefit, outcome, amount, cut, sources, paidBefore: paidThisClaim });

    if (amounts === before.amounts) (amounts = amounts.slice()), (claims = claims.slice());
    (amounts as number[])[index]! += amount;
    if (amount > 0) (claims as number[])[index]! += 1;
    if (outcome.daysPaid > 0 && amount > 0) {
      if (days === before.days) days = days.slice();
      (days as number[])[index]! += outcome.daysPaid;
    }
    if (outcome.deductibleUsed > 0) {
      if (deductible === before.deductible) deductible = deductible.slice();
      (deductible as number[])[index]! += outcome.deductibleUsed;
    }
    if (!touched.includes(index)) touched = touchedWith(touched, index);
    paidThisClaim += amount;
    lines += 1;
  }
  if (lines === 0) return refuse(out, Object.freeze([...applicable.reasons, ...(lineReasons ?? NONE)]), ledger);
  if (before.total + paidThisClaim > SAFE) {
    throw new InvalidInputError([{ path: [...path], code: 'too_big', message: 'expected a protection year that pays less than 90,071,992,547,409.91 yuan in all' }]);
  }

  out.eligible = true;
  out.reasons = lineReasons === undefined ? applicable.reasons : Object.freeze([...applicable.reasons, ...lineReasons]);
  out.fen = paidThisClaim;
  out.warnings = warnings === undefined ? (node.list ?? NONE) : withWarnings(warnings, node);
  out.illustrative = illustrative;
  out.maximum = maximum;
  out.after = new LedgerInFen(
    before.policy,
    before.base,
    before.total + paidThisClaim,
    amounts,
    claims,
    days,
    deductible,
    before.stays + (stay ? 1 : 0),
    before.paidStays + (stay && paidThisClaim > 0 ? 1 : 0),
    touched,
    before.claimIds.append(before.claimCount, claim.id),
    before.claimCount + 1,
  );
}

/** Each list of benefits with a line, and the lists one more benefit makes of it: a cache. */
const touchedLists = new WeakMap<readonly number[], (readonly number[] | undefined)[]>();

/**
 * `touched` and then `index`, shared by every ledger that lists those benefits in that order:
 * a member's claims usually list the same few, and copying the list for each cost more than
 * the rest of the ledger.
 */
function touchedWith(touched: readonly number[], index: number): readonly number[] {
  let next = touchedLists.get(touched);
  if (next === undefined) touchedLists.set(touched, (next = []));
  return (next[index] ??= Object.freeze([...touched, index]));
}

/** A refusal: no lines, no warnings, the ledger as it was. */
function refuse(out: Run, reasons: readonly Message[], ledger: Ledger | LedgerInFen): void {
  out.eligible = false;
  out.reasons = reasons;
  out.fen = 0;
  out.warnings = NONE;
  out.illustrative = false;
  out.after = ledger;
}

/**
 * The node of the warnings tree for the lines so far and one more citing `sources`: each node
 * keeps the frozen list of its lines' illustrative warnings, once each in the order of the lines.
 */
function warningsAfter(node: WarningsNode, sources: LineSources): WarningsNode {
  let next = node.next.get(sources);
  if (next === undefined) {
    const list = [...(node.list ?? NONE)];
    for (const warning of sources.warnings) if (!list.includes(warning)) list.push(warning);
    next = { next: new Map(), list: list.length === 0 ? NONE : Object.freeze(list) };
    node.next.set(sources, next);
  }
  return next;
}

/** A claim's own warnings (a what-if, a filing date), then its lines' illustrative ones not among them. */
function withWarnings(own: Message[], node: WarningsNode): readonly Message[] {
  for (const warning of node.list ?? NONE) if (!own.includes(warning)) own.push(warning);
  return Object.freeze(own);
}

/** How many claims a tape runs between the ledgers it keeps: reading a result runs at most this many again. */
const CHECKPOINT_EVERY = 16;

/**
 * A claim on a tape: `Slot.Count` entries of one array, at these offsets. The figures are
 * small integers (fen below 21 million yuan), which an array of mixed values holds unboxed,
 * and the strings are the ones the claim's copy had; one array a tape, not an object a claim,
 * is most of what makes a kept result small. The dates stay the copy's strings: writing them
 * again from day numbers on every read cost more than keeping them.
 */
const enum Slot {
  Id,
  Reasons,
  Warnings,
  /** The claim's kind, cause and grade, whether it was eligible and illustrative: see {@link shapeOf}. */
  Shape,
  /** A stay's admission or another claim's date; a claim kept whole (RARE) is here instead. */
  Date,
  /** A stay's discharge; empty for other claims. */
  Discharge,
  Total,
  InsurancePaid,
  InScopeCopay,
  SelfPaid,
  AboveCeiling,
  Count,
}

const KINDS = ['hospitalisation', 'outpatient', 'disability', 'death'] as const;
const CAUSES = [undefined, 'illness', 'accident'] as const;
const ELIGIBLE = 1 << 8;
const ILLUSTRATIVE = 1 << 9;
/** The claim is kept whole, at Slot.Date: one with attributes or a filing date, or of a shape the tape does not make again. */
const RARE = 1 << 10;

/**
 * The kind (bits 0–1), cause (2–3) and grade (4–7) of a claim that the tape makes again
 * from its slots exactly, or RARE. What it does not know (a kind or field added later) is kept whole.
 */
function shapeOf(claim: PlainClaim): number {
  const kind = KINDS.indexOf(claim.kind as (typeof KINDS)[number]);
  const cause = CAUSES.indexOf(claim.cause as (typeof CAUSES)[number]);
  const stay = kind === 0;
  const plain =
    kind >= 0 &&
    cause >= 0 &&
    claim.grade >= 0 &&
    claim.grade <= 15 &&
    claim.attributes === undefined &&
    claim.filedOn === '' &&
    (stay ? claim.date === '' : claim.admission === '' && claim.discharge === '' && claim.nights === 0);
  return plain ? kind | (cause << 2) | (claim.grade << 4) : RARE;
}

/**
 * A member of the plain shape (an id and enrolments of scheme, year and dates, nothing else)
 * on a tape, after its claims: the id, then each enrolment's scheme, year and dates; undefined for any other member, which the tape keeps whole. Keys are listed, not
 * assumed, so that a field added later keeps its member whole rather than being dropped.
 */
function memberSlots(member: Member): unknown[] | undefined {
  for (const key in member) if (key !== 'id' && key !== 'enrolments') return undefined;
  const { enrolments } = member;
  const slots: unknown[] = new Array(1 + enrolments.length * 4);
  slots[0] = member.id;
  for (let at = 0; at < enrolments.length; at += 1) {
    const enrolment = enrolments[at]!;
    for (const key in enrolment) if (key !== 'scheme' && key !== 'year' && key !== 'from' && key !== 'to') return undefined;
    slots[1 + at * 4] = enrolment.scheme;
    slots[2 + at * 4] = enrolment.year;
    slots[3 + at * 4] = enrolment.from;
    slots[4 + at * 4] = enrolment.to;
  }
  return slots;
}

/** How a tape's claims are run: where the caller's input has them, and whether as a what-if. */
interface Running {
  /** The caller's name for the claims: `['claims']`, each claim then at its index, or the one claim's path. */
  readonly path: readonly (string | number)[];
  readonly indexed: boolean;
  readonly whatIf: boolean;
  /** Each claim's place in the caller's list, in the order settled; undefined when the same. */
  readonly order: readonly number[] | undefined;
}

/** What reading a tape keeps: ledgers to run claims again from. */
interface Kept {
  /** The ledger before the first claim; undefined for the member's empty ledger, made again when needed rather than kept. */
  readonly start: Ledger | LedgerInFen | undefined;
  /** The ledger before claim k · CHECKPOINT_EVERY, at k − 1; made once there are that many claims. */
  checkpoints: (Ledger | LedgerInFen)[] | undefined;
  last: Ledger | LedgerInFen | undefined;
  /** Where the last read got to: results read in order then run each claim once more, not every claim before it. */
  cursorAt: number;
  cursor: Ledger | LedgerInFen | undefined;
}

/**
 * What the results of one call are read from, shared by all of them: the compiled policy, the
 * checked copy of the member, a compact copy of the claims in the order settled with what each
 * gave, the ledger the first claim started from, every CHECKPOINT_EVERY-th ledger after it and
 * the last one. Nothing in it is the caller's but strings, and nothing in it changes but a
 * cursor, a cache of where the last read got to.
 */
export class Tape implements ResultDetails {
  readonly #compiled: CompiledPolicy;
  /** Kept whole only when it is not of the plain shape (see {@link memberSlots}); otherwise on the slots, after the claims. */
  #member: Member | undefined;
  readonly #running: Running;
  #slots: readonly unknown[] = NONE;
  /** How many claims the tape holds. */
  #count = 0;
  /** Undefined while there is nothing to keep: a year from the empty ledger, fewer than CHECKPOINT_EVERY claims, never read. */
  #kept: Kept | undefined;

  constructor(compiled: CompiledPolicy, member: Member, running: Running, start: Ledger | LedgerInFen | undefined) {
    this.#compiled = compiled;
    this.#member = member;
    this.#running = running;
    this.#kept = start === undefined ? undefined : { start, checkpoints: undefined, last: undefined, cursorAt: -1, cursor: undefined };
  }

  get memberId(): string {
    return this.#member?.id ?? (this.#slots[this.#count * Slot.Count] as string);
  }

  get policy(): PolicyRef {
    return this.#compiled.ref;
  }

  #keep(): Kept {
    return (this.#kept ??= { start: undefined, checkpoints: undefined, last: undefined, cursorAt: -1, cursor: undefined });
  }

  #startLedger(): Ledger | LedgerInFen {
    return this.#kept?.start ?? emptyInFen(this.#compiled, this.memberId);
  }

  /** The member as the rules read it: the one kept, or a copy made again from the slots. */
  #memberCopy(): Member {
    if (this.#member !== undefined) return this.#member;
    const slots = this.#slots;
    const first = this.#count * Slot.Count;
    const enrolments = new Array<Member['enrolments'][number]>((slots.length - first - 1) / 4);
    for (let at = 0; at < enrolments.length; at += 1) {
      const i = first + 1 + at * 4;
      enrolments[at] = { scheme: slots[i] as string, year: slots[i + 1] as number, from: slots[i + 2] as string, to: slots[i + 3] as string };
    }
    return { id: slots[first] as string, enrolments };
  }

  /** The claim settled at `at`, made again from its figures. */
  #claim(at: number): PlainClaim {
    const slots = this.#slots;
    const i = at * Slot.Count;
    const shape = slots[i + Slot.Shape] as number;
    if ((shape & RARE) !== 0) return slots[i + Slot.Date] as PlainClaim;
    const kind = KINDS[shape & 3]!;
    const date = slots[i + Slot.Date] as string;
    const discharge = slots[i + Slot.Discharge] as string;
    const stay = kind === 'hospitalisation';
    const day = dayNumber(date);
    return {
      kind,
      id: slots[i + Slot.Id] as string,
      date: stay ? '' : date,
      admission: stay ? date : '',
      discharge,
      cause: CAUSES[(shape >> 2) & 3],
      grade: (shape >> 4) & 15,
      day,
      nights: stay ? dayNumber(discharge) - day : 0,
      total: slots[i + Slot.Total] as number,
      insurancePaid: slots[i + Slot.InsurancePaid] as number,
      inScopeCopay: slots[i + Slot.InScopeCopay] as number,
      selfPaid: slots[i + Slot.SelfPaid] as number,
      aboveCeiling: slots[i + Slot.AboveCeiling] as number,
      attributes: undefined,
      filedOn: '',
    };
  }

  /**
   * Where claim `at` is in the caller's input. A claim of a list is at `[...path, index]`: one
   * array per run of the tape, its last item set for each claim, since only an error about
   * the claim reads it, and copies it.
   */
  #pathOf(at: number, out: Run): readonly (string | number)[] {
    const { path, indexed, order } = this.#running;
    if (!indexed) return path;
    const full = (out.path ??= [...path, 0]);
    full[full.length - 1] = order === undefined ? at : order[at]!;
    return full;
  }

  /**
   * Settles `claims` (the caller's list: in the order `running.order` gives), each with the
   * ledger the one before left, into results that read this tape; also the ledger after them
   * and what they paid, in fen. Called once.
   */
  settleAll(claims: readonly PlainClaim[]): Settled {
    const { order, whatIf } = this.#running;
    const out = new Run();
    const count = claims.length;
    const member = this.#member!;
    const memberTail = memberSlots(member);
    // Exactly sized: a year's result keeps both.
    const results: SettledClaim[] = new Array(count);
    const slots: unknown[] = new Array(count * Slot.Count + (memberTail?.length ?? 0));
    this.#slots = slots;
    this.#count = count;
    let ledger = this.#startLedger();
    let paid = 0;
    for (let at = 0; at < count; at += 1) {
      if (at > 0 && at % CHECKPOINT_EVERY === 0) (this.#keep().checkpoints ??= []).push(ledger);
      const claim = claims[order === undefined ? at : order[at]!]!;
      run(this.#compiled, member, claim, ledger, this.#pathOf(at, out), whatIf, out, null);
      const i = at * Slot.Count;
      const shape = shapeOf(claim);
      slots[i + Slot.Id] = claim.id;
      slots[i + Slot.Reasons] = out.reasons;
      slots[i + Slot.Warnings] = out.warnings;
      slots[i + Slot.Shape] = shape | (out.eligible ? ELIGIBLE : 0) | (out.illustrative ? ILLUSTRATIVE : 0);
      if ((shape & RARE) !== 0) slots[i + Slot.Date] = claim;
      else {
        slots[i + Slot.Date] = (shape & 3) === 0 ? claim.admission : claim.date;
        slots[i + Slot.Discharge] = claim.discharge;
        slots[i + Slot.Total] = claim.total;
        slots[i + Slot.InsurancePaid] = claim.insurancePaid;
        slots[i + Slot.InScopeCopay] = claim.inScopeCopay;
        slots[i + Slot.SelfPaid] = claim.selfPaid;
        slots[i + Slot.AboveCeiling] = claim.aboveCeiling;
      }
      results[at] = new SettledClaim(this, at, out.fen);
      ledger = out.after!;
      paid += out.fen;
    }
    if (memberTail !== undefined) {
      for (let at = 0; at < memberTail.length; at += 1) slots[count * Slot.Count + at] = memberTail[at];
      this.#member = undefined;
    }
    // One claim's result keeps the ledger after it, which the next call takes (a caller
    // chaining evaluateClaim reads each); a year's results leave it to the year's result.
    if (!this.#running.indexed) this.#keep().last = ledger;
    return { results, after: ledger, paid };
  }

  claimId(at: number): string {
    return this.#slots[at * Slot.Count + Slot.Id] as string;
  }

  kind(at: number): PlainClaim['kind'] {
    const shape = this.#slots[at * Slot.Count + Slot.Shape] as number;
    return (shape & RARE) !== 0 ? this.#claim(at).kind : KINDS[shape & 3]!;
  }

  eventDate(at: number): string {
    const shape = this.#slots[at * Slot.Count + Slot.Shape] as number;
    if ((shape & RARE) !== 0) return eventDate(this.#compiled.policy, this.#claim(at));
    const discharge = (shape & 3) === 0 && this.#compiled.policy.conventions.yearBy === 'discharge';
    return this.#slots[at * Slot.Count + (discharge ? Slot.Discharge : Slot.Date)] as string;
  }

  eligible(at: number): boolean {
    return ((this.#slots[at * Slot.Count + Slot.Shape] as number) & ELIGIBLE) !== 0;
  }

  reasons(at: number): readonly Message[] {
    return this.#slots[at * Slot.Count + Slot.Reasons] as readonly Message[];
  }

  warnings(at: number): readonly Message[] {
    return this.#slots[at * Slot.Count + Slot.Warnings] as readonly Message[];
  }

  illustrative(at: number): boolean {
    return ((this.#slots[at * Slot.Count + Slot.Shape] as number) & ILLUSTRATIVE) !== 0;
  }

  /** The ledger before claim `at`: claims run again from the nearest kept ledger or the cursor. */
  #ledgerBefore(at: number, member: Member, out: Run): Ledger | LedgerInFen {
    const kept = this.#kept;
    let from = at - (at % CHECKPOINT_EVERY);
    // No ledger is kept after the last claim (the year's result holds it): run the last stretch again.
    if (from === this.#count && from > 0) from -= CHECKPOINT_EVERY;
    let ledger = from === 0 ? this.#startLedger() : kept!.checkpoints![from / CHECKPOINT_EVERY - 1]!;
    if (kept !== undefined && kept.cursorAt >= from && kept.cursorAt <= at) (from = kept.cursorAt), (ledger = kept.cursor!);
    for (; from < at; from += 1) {
      run(this.#compiled, member, this.#claim(from), ledger, this.#pathOf(from, out), this.#running.whatIf, out, null);
      ledger = out.after!;
    }
    return ledger;
  }

  /** Remembers where a read got to: the ledger before claim `at`. */
  #moveCursor(at: number, ledger: Ledger | LedgerInFen | undefined): void {
    const kept = this.#keep();
    (kept.cursorAt = at), (kept.cursor = ledger);
  }

  lines(at: number): readonly BenefitLine[] {
    const out = new Run();
    const records: LineRecord[] = [];
    const member = this.#memberCopy();
    run(this.#compiled, member, this.#claim(at), this.#ledgerBefore(at, member, out), this.#pathOf(at, out), this.#running.whatIf, out, records);
    this.#moveCursor(at + 1, out.after);
    const context = out.context!;
    const maximum = out.maximum;
    return records.map((record) => {
      const { benefit, outcome, amount, cut, sources } = record;
      const money = moneyFromFen(amount);
      const range = outcome.range && Object.freeze({ min: moneyFromFen(outcome.range.min), max: moneyFromFen(outcome.range.max) });
      return new Line(
        {
          benefit: benefit.benefit.id,
          label: benefit.benefit.label,
          amount: money,
          amountBeforeCaps: amount === outcome.fen ? money : moneyFromFen(outcome.fen),
          cappedBy: cut,
          ...(range && { range }),
          citations: sources.citations,
          illustrative: sources.illustrative,
        },
        (recorder) => stepsOf(context, record, maximum, recorder),
      );
    });
  }

  ledger(at: number): Ledger {
    const last = this.#kept?.last;
    if (at === this.#count - 1 && last !== undefined) return toLedger(last);
    const after = this.#ledgerBefore(at + 1, this.#memberCopy(), new Run());
    this.#moveCursor(at + 1, after);
    return toLedger(after);
  }

  /**
   * Keeps the ledger after the last claim, which the year's result holds: its last result's
   * ledger is then that one, made without running a claim again.
   */
  keepLast(after: Ledger | LedgerInFen): void {
    this.#keep().last ??= after;
  }
}

/** A line's steps: its formula run again with a recorder, then the caps that cut it. */
function stepsOf(context: ClaimContext, { benefit, outcome, amount, cut, paidBefore }: LineRecord, maximum: number | undefined, steps: Recorder): void {
  benefit.op(context, steps);
  if (cut === null) return;
  const index = benefit.index;
  const before = context.ledger;
  let current = outcome.fen;
  const capStep = (kind: CapKind, expression: string, remaining: number) => {
    if (current <= remaining) return;
    steps.add(kind, fixedLabel(kind), joined('min(', fenText(current), ', ', expression, ')'), fenText(remaining));
    current = remaining;
  };
  const perClaim = benefit.perClaim && valueFor(benefit.perClaim, context);
  if (perClaim !== undefined) capStep('perClaim', fenText(perClaim), perClaim);
  const perYear = benefit.perYear && valueFor(benefit.perYear, context);
  if (perYear !== undefined) capStep('perYear', `${fenText(perYear)} − ${fenText(before.amounts[index]!)}`, Math.max(0, perYear - before.amounts[index]!));
  if (maximum !== undefined) {
    const paid = before.total + paidBefore;
    capStep('maximumSubsidy', `${fenText(maximum)} − ${fenText(paid)}`, Math.max(0, maximum - paid));
  }
  if (cut === 'claimsPerYear') steps.add('claimsPerYear', stepLabel('claimsPerYear', { count: before.claims[index]! }), `${before.claims[index]!}`, fenText(amount));
}

/** A member's claims settled: their results, the ledger after them and what they paid together, in fen. */
interface Settled {
  readonly results: SettledClaim[];
  readonly after: Ledger | LedgerInFen;
  readonly paid: number;
}

/** The result of a settled claim and the ledger after it. */
export interface Settlement {
  readonly result: SettledClaim;
  /** The ledger after the claim: in fen, for the next claim, or the one given when nothing changed. */
  readonly after: Ledger | LedgerInFen;
}

/** Settles the checked copy of one claim; see {@link run} for `whatIf` and `path`. */
export function settle(policy: Policy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen, path: readonly (string | number)[], whatIf = false): Settlement {
  const tape = new Tape(compile(policy), member, { path, indexed: false, whatIf, order: undefined }, ledger);
  const { results, after } = tape.settleAll([claim]);
  return { result: results[0]!, after };
}

/**
 * Settles the checked copies of a member's claims in the order given by `order` (their own
 * when undefined), each with the ledger the one before left, from `start` or, when undefined,
 * the member's empty ledger; claim i is at `claims[i]` of the input.
 */
export function settleYear(
  policy: Policy,
  member: Member,
  claims: readonly PlainClaim[],
  order: readonly number[] | undefined,
  start: Ledger | undefined,
): { readonly settled: Settled; readonly tape: Tape } {
  const tape = new Tape(compile(policy), member, order === undefined ? IN_A_YEAR : { ...IN_A_YEAR, order }, start);
  return { settled: tape.settleAll(claims), tape };
}

const IN_A_YEAR: Running = Object.freeze({ path: Object.freeze(['claims']), indexed: true, whatIf: false, order: undefined });
