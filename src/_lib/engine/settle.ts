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
import { emptyLedger, type Ledger } from '../ledger';
import { fixedLabel, message, stepLabel, type Message } from '../messages';
import { fenText, moneyFromFen } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import { eventDate, Line, SettledClaim, type BenefitLine, type CapKind, type ClaimResult, type ResultDetails } from '../result';
import { compile, filingDeadlineDay, type CompiledBenefit, type CompiledPolicy, type LineSources, type WarningsNode } from './compile';
import { joined, type ClaimContext, type Recorder } from './context';
import { SAFE } from './fen';
import { eligibilityReasons } from './eligibility';
import { conditionClassOf, conditionSteps, diagnosisReasons } from './diagnosis';
import { valueFor } from './parameters';
import { sharesChooser } from './shares';
import { inFen, LedgerInFen, toLedger } from './ledgerInFen';
import type { Outcome } from './formulas/types';
import { applyHistory, logPayment, type History, type HistoryCut } from './history';
import { OtherPaymentsCut } from './otherPayments';

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
  /** What the member's history did to the line, before its caps. */
  readonly history: HistoryCut | undefined;
  /** What other plans' and funds' payments took from the line, after its caps. */
  readonly others: OtherPaymentsCut | undefined;
}

/** What settling one claim gave, in fen: what a caller that counts rather than keeps results reads. */
export interface ClaimOutcome extends Pick<ClaimResult, 'eventDate' | 'eligible' | 'reasons' | 'warnings' | 'illustrative'> {
  readonly fen: number;
}

/** What running one claim gave; one object per tape, written by each run. */
class Run implements ClaimOutcome {
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
function run(compiled: CompiledPolicy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen, path: readonly (string | number)[], whatIf: boolean, history: History | undefined, out: Run, records: LineRecord[] | null): void {
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
    conditionClass: claim.diagnosis === undefined ? '' : conditionClassOf(policy, claim),
    ledger: before,
    mode,
    eachStep: at === 'eachStep',
    path,
    history,
  };
  out.eventDate = date;
  out.context = context;

  const reasons = eligibilityReasons(compiled, context, date, whatIf);
  if (before.claimIds.has(claim.id, before.claimCount)) reasons.push(message('DUPLICATE_CLAIM', { claimId: claim.id }));
  // The claim's own warnings and its lines' reasons, made only when there are some: most claims have none.
  let warnings: Message[] | undefined = whatIf ? [message('WHAT_IF', { scheme: policy.scheme, year: policy.year, date })] : undefined;
  if (compiled.notice !== undefined) (warnings ??= []).push(compiled.notice);
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
  } else if (reasons.length === 0 && claim.diagnosis !== undefined) reasons.push(...diagnosisReasons(policy, context, applicable.benefits));
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
  let logged = before.past;
  let paidThisClaim = 0;
  let lines = 0;
  let illustrative = false;
  // The claim's illustrative warnings, shared by every claim whose lines cite the same values.
  let node = compiled.warnings;
  const others = OtherPaymentsCut.of(compiled.otherPayments, claim);
  for (const compiledBenefit of applicable.benefits) {
    const { benefit, index } = compiledBenefit;
    if (compiledBenefit.when !== undefined && !compiledBenefit.when(context)) {
      (lineReasons ??= []).push(message('CONDITION_NOT_MET', { benefit: benefit.label, condition: compiledBenefit.whenText! }));
      continue;
    }
    const outcome = compiledBenefit.op(context, null);
    if (outcome.reason !== undefined) (lineReasons ??= []).push(outcome.reason);
    if (outcome.warning !== undefined) (warnings ??= []).push(outcome.warning);
    // Once in N years, or less what the same event was paid: before the caps.
    const past = compiledBenefit.history && outcome.fen > 0 ? applyHistory(compiledBenefit.history, context, history, date, outcome.fen) : undefined;
    if (past?.reason !== undefined) (lineReasons ??= []).push(past.reason);
    if (past?.warning !== undefined) (warnings ??= []).push(past.warning);
    const owed = past === undefined ? outcome.fen : past.fen;
    let amount = owed;
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
      (lineReasons ??= []).push(message('CAP_REACHED', { benefit: benefit.label, cap: cut, cut: fenText(owed - amount), limit: fenText(limit) }));
    }
    cut ??= past?.kind ?? null;
    if (others !== undefined && amount > 0) {
      const kept = others.keep(amount, paidThisClaim, index);
      if (kept < amount) (lineReasons ??= []).push(others.reason(benefit.label, amount - kept)), (amount = kept), (cut = 'otherPayments');
    }
    const sources = compiledBenefit.sources(context);
    illustrative ||= sources.illustrative;
    node = warningsAfter(node, sources);
    if (records !== null) records.push({ benefit: compiledBenefit, outcome, amount, cut, sources, paidBefore: paidThisClaim, history: past, others });

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
    if (compiledBenefit.history !== undefined && amount > 0) logged = logPayment(logged, index, claim, date, context.eventDay, amount);
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
    logged,
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
 * What the results of one call are made from when read, shared by all of them: the compiled
 * policy, the checked copies of the member and of the claims, the ledger the first claim
 * started from, every CHECKPOINT_EVERY-th ledger after it and the last one. Nothing in it is
 * the caller's, and nothing in it changes but a cursor, a cache of where the last read got to
 * (results read in order then run each claim once more, not every claim before it).
 */
export class Tape implements ResultDetails {
  readonly #compiled: CompiledPolicy;
  readonly #member: Member;
  /** In the caller's order; `#order` lists them in the order settled, when that differs. */
  readonly #claims: readonly PlainClaim[];
  readonly #order: readonly number[] | undefined;
  /** The caller's name for the claims: `['claims']`, each claim then at its index, or the one claim's path. */
  readonly #path: readonly (string | number)[];
  readonly #indexed: boolean;
  readonly #whatIf: boolean;
  readonly #history: History | undefined;
  /** The ledger before the first claim; undefined for the member's empty ledger, made again when needed rather than kept. */
  readonly #start: Ledger | LedgerInFen | undefined;
  /** The ledger before claim k · CHECKPOINT_EVERY, at k − 1; made once there are that many claims. */
  #checkpoints: (Ledger | LedgerInFen)[] | undefined;
  #last: Ledger | LedgerInFen | undefined;
  #cursorAt = -1;
  #cursor: Ledger | LedgerInFen | undefined;
  /** The policy compiled for a claim's shares, for a member who holds other than 1; undefined for the others. */
  readonly #forShares: ((claim: PlainClaim) => CompiledPolicy) | undefined;

  constructor(
    compiled: CompiledPolicy,
    member: Member,
    claims: readonly PlainClaim[],
    order: readonly number[] | undefined,
    path: readonly (string | number)[],
    indexed: boolean,
    start: Ledger | LedgerInFen | undefined,
    whatIf: boolean,
    history: History | undefined,
  ) {
    this.#compiled = compiled;
    this.#member = member;
    this.#claims = claims;
    this.#order = order;
    this.#path = path;
    this.#indexed = indexed;
    this.#whatIf = whatIf;
    this.#start = start;
    this.#history = history;
    this.#forShares = sharesChooser(compiled, member, whatIf);
  }

  /** The policy compiled for the shares the member holds on the claim's date. */
  #compiledFor(claim: PlainClaim): CompiledPolicy {
    return this.#forShares === undefined ? this.#compiled : this.#forShares(claim);
  }

  #startLedger(): Ledger | LedgerInFen {
    return this.#start ?? emptyLedger(this.#compiled.policy, this.#member.id);
  }

  /** The claim settled at `at`. */
  #claim(at: number): PlainClaim {
    return this.#claims[this.#order === undefined ? at : this.#order[at]!]!;
  }

  /**
   * Where claim `at` is in the caller's input. A claim of a list is at `[...path, index]`: one
   * array per run of the tape, its last item set for each claim, since only an error about
   * the claim reads it, and copies it.
   */
  #pathOf(at: number, out: Run): readonly (string | number)[] {
    if (!this.#indexed) return this.#path;
    const path = (out.path ??= [...this.#path, 0]);
    path[path.length - 1] = this.#order === undefined ? at : this.#order[at]!;
    return path;
  }

  /** Settles every claim, in order, into results that read this tape; also the ledger after them and what they paid, in fen. */
  settleAll(): Settled {
    const { ref } = this.#compiled;
    const memberId = this.#member.id;
    // Exactly sized: a year's result keeps it.
    const results: SettledClaim[] = new Array(this.#claims.length);
    const { after, paid } = this.tally((out, at, claim) => {
      results[at] = new SettledClaim(claim.id, memberId, claim.kind, out.eventDate, ref, out.eligible, out.reasons, out.fen, out.warnings, out.illustrative, this, at);
    });
    // One claim's result keeps the ledger after it, which the next call takes (a caller
    // chaining evaluateClaim reads each); a year's results leave it to the year's result.
    if (!this.#indexed) this.#last = after;
    return { results, after, paid };
  }

  /** Settles every claim, in order, handing `each` what it gave; the ledger after them and what they paid, in fen. */
  tally(each: (out: ClaimOutcome, at: number, claim: PlainClaim) => void): { readonly after: Ledger | LedgerInFen; readonly paid: number } {
    const out = new Run();
    const count = this.#claims.length;
    let ledger = this.#startLedger();
    let paid = 0;
    for (let at = 0; at < count; at += 1) {
      if (at > 0 && at % CHECKPOINT_EVERY === 0) (this.#checkpoints ??= []).push(ledger);
      const claim = this.#claim(at);
      run(this.#compiledFor(claim), this.#member, claim, ledger, this.#pathOf(at, out), this.#whatIf, this.#history, out, null);
      each(out, at, claim);
      ledger = out.after!;
      paid += out.fen;
    }
    return { after: ledger, paid };
  }

  /** The ledger before claim `at`: claims run again from the nearest kept ledger or the cursor. */
  #ledgerBefore(at: number, out: Run): Ledger | LedgerInFen {
    let from = at - (at % CHECKPOINT_EVERY);
    let ledger = from === 0 ? this.#startLedger() : this.#checkpoints![from / CHECKPOINT_EVERY - 1]!;
    if (this.#cursorAt >= from && this.#cursorAt <= at) (from = this.#cursorAt), (ledger = this.#cursor!);
    for (; from < at; from += 1) {
      const claim = this.#claim(from);
      run(this.#compiledFor(claim), this.#member, claim, ledger, this.#pathOf(from, out), this.#whatIf, this.#history, out, null);
      ledger = out.after!;
    }
    return ledger;
  }

  lines(at: number): readonly BenefitLine[] {
    const out = new Run();
    const records: LineRecord[] = [];
    const claim = this.#claim(at);
    run(this.#compiledFor(claim), this.#member, claim, this.#ledgerBefore(at, out), this.#pathOf(at, out), this.#whatIf, this.#history, out, records);
    (this.#cursorAt = at + 1), (this.#cursor = out.after);
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
        (recorder) => stepsOf(this.#compiled.policy, context, record, maximum, recorder),
      );
    });
  }

  ledger(at: number): Ledger {
    if (at === this.#claims.length - 1 && this.#last !== undefined) return toLedger(this.#last);
    const after = this.#ledgerBefore(at + 1, new Run());
    (this.#cursorAt = at + 1), (this.#cursor = after);
    return toLedger(after);
  }

  /**
   * Keeps the ledger after the last claim, which the year's result holds: its last result's
   * ledger is then that one, made without running a claim again.
   */
  keepLast(after: Ledger | LedgerInFen): void {
    this.#last ??= after;
  }
}

/** A line's steps: its formula run again with a recorder, then the caps that cut it. */
function stepsOf(policy: Policy, context: ClaimContext, { benefit, outcome, amount, cut, paidBefore, history, others }: LineRecord, maximum: number | undefined, steps: Recorder): void {
  if (context.claim.diagnosis !== undefined) conditionSteps(policy, context, steps);
  benefit.op(context, steps);
  history?.step?.(steps);
  if (cut === null) return;
  const index = benefit.index;
  const before = context.ledger;
  let current = history === undefined ? outcome.fen : history.fen;
  const capStep = (kind: 'perClaim' | 'perYear' | 'maximumSubsidy', expression: string, remaining: number) => {
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
  if (cut === 'otherPayments') others!.step(current, amount, paidBefore, steps);
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
  /** What the claim paid, in fen. */
  readonly paid: number;
}

/** Settles the checked copy of one claim; see {@link run} for `whatIf` and `path`. */
export function settle(policy: Policy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen, path: readonly (string | number)[], whatIf = false, history?: History): Settlement {
  const tape = new Tape(compile(policy), member, [claim], undefined, path, false, ledger, whatIf, history);
  const { results, after, paid } = tape.settleAll();
  return { result: results[0]!, after, paid };
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
  history?: History,
): { readonly settled: Settled; readonly tape: Tape } {
  const tape = new Tape(compile(policy), member, claims, order, CLAIMS, true, start, false, history);
  return { settled: tape.settleAll(), tape };
}

/**
 * Settles as {@link settleYear} does, without making results: `each` gets what each claim gave,
 * in the order settled, for a caller that only counts (simulateBook).
 */
export function tallyYear(
  policy: Policy,
  member: Member,
  claims: readonly PlainClaim[],
  order: readonly number[] | undefined,
  each: (outcome: ClaimOutcome) => void,
): { readonly after: Ledger | LedgerInFen; readonly paid: number } {
  return new Tape(compile(policy), member, claims, order, CLAIMS, true, undefined, false, undefined).tally(each);
}

const CLAIMS = Object.freeze(['claims']);
