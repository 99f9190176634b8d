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
import { MadeOnce, message, stepLabel, type Message } from '../messages';
import { fenText, moneyFromFen, type RoundingMode } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import type { Step } from '../trace';
import { eventDate, Line, SettledClaim, type BenefitLine, type CapKind, type ClaimResult, type PolicyRef, type ResultDetails } from '../result';
import { compile, filingDeadlineDay, type CompiledBenefit, type CompiledPolicy, type LineSources, type WarningsNode } from './compile';
import { Collector, fixedKind, Steps, type ClaimContext, type Recorder, type StepForm } from './context';
import { SAFE } from './fen';
import { eligibilityReasons } from './eligibility';
import { conditionClassOf, conditionSteps, diagnosisReasons } from './diagnosis';
import { valueFor } from './parameters';
import { sharesChooser } from './shares';
import { emptyInFen, Figure, FIGURES, inFen, LedgerInFen, toLedger } from './ledgerInFen';
import type { Outcome } from './formulas/types';
import { applyHistory, logPayment, type History } from './history';
import { OtherPaymentsCut } from './otherPayments';

/** An empty list, for results that have no lines, reasons or warnings. */
const NONE = Object.freeze([]) as readonly never[];

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
  /** Whether the ledger after a paid claim is made: a read of the last claim's lines has no use for it (and its Run is not kept for another read). */
  wantsAfter = true;
  /** Where a claim of a list is in the caller's input (see Tape's `#pathOf`), and the list's path it was made for. */
  path: (string | number)[] | undefined = undefined;
  pathOf: readonly (string | number)[] | undefined = undefined;
  /** The cap that cut the last line, and its limit: see {@link applyCaps}. */
  cut: CapKind | null = null;
  limit = 0;
  /** What the rules read about the claim being run, written afresh for each: runs are never nested, and no rule keeps it. */
  readonly context = new RunContext();
  /**
   * When a caller asks for them, each line's benefit id then fen amount, as the claim ran, its
   * first `2 × lines` items (a list written again by each claim): the CLI writes a row from
   * them without running the claim again.
   */
  lineFigures: (string | number)[] | undefined = undefined;
  /** The first `2 × lines` of `lineFigures`, copied: set by {@link settleFigures} alone. */
  paidLines: readonly (string | number)[] = NONE;
  /** The lines of the last claim run; 0 for a refusal. */
  lines = 0;
  /** A list the next claim writes the figures after into, when its ledger is owned: the one the last such claim left. */
  spare: number[] = [];

  constructor(
    /**
     * Whether the ledger after a paid claim is one the caller owns alone (see
     * {@link LedgerInFen.owned}): made once, then written in place by the claims after, its
     * figures swapped with `spare`. For callers that drop each ledger for the one after.
     */
    readonly inPlace = false,
  ) {}
}

/** A {@link ClaimContext} written for each claim: making one a claim cost more than writing its fields. */
class RunContext implements ClaimContext {
  claim: PlainClaim = undefined!;
  member: Member = undefined!;
  eventDay = 0;
  days = 0;
  stayNumber = 0;
  conditionClass = '';
  ledger: LedgerInFen = undefined!;
  mode: RoundingMode = 'halfUp';
  eachStep = false;
  path: readonly (string | number)[] = NONE;
  history: History | undefined = undefined;
}

/** A money cap: what is left of it (`cap` less what was used), the amount cut being more. */
const capForm = (key: 'perYear' | 'maximumSubsidy'): StepForm<number, number, number, number> => ({
  key,
  expression: (_, amount, cap, used) => `min(${fenText(amount)}, ${fenText(cap)} − ${fenText(used)})`,
  value: fenText,
});
const PER_YEAR = capForm('perYear');
const MAXIMUM_SUBSIDY = capForm('maximumSubsidy');
const PER_CLAIM: StepForm<number, number> = { key: 'perClaim', expression: (cap, amount) => `min(${fenText(amount)}, ${fenText(cap)})`, value: fenText };
/** The limit of paid claims a year: the label names how many the member had. */
const CLAIMS_PER_YEAR_LABELS = new MadeOnce((count: number) => stepLabel('claimsPerYear', { count }));

/** Which cap set a line's amount, and that cap's limit (for the limit of paid claims a year, the count). */
interface CapOutcome {
  cut: CapKind | null;
  limit: number;
}

/**
 * A line's caps, in their order: per claim, per year, the maximum subsidy, then the benefit's
 * limit of paid claims a year. Gives the amount they leave of `fen` and writes which cap set
 * it into `out`; with a recorder, also a step for each cap that cut. `paidBefore` is what the
 * claim's earlier lines paid. Settling and the steps both run this, so a cap is written once.
 */
function applyCaps(benefit: CompiledBenefit, context: ClaimContext, fen: number, maximum: number | undefined, paidBefore: number, out: CapOutcome, steps: Recorder | null): number {
  const index = benefit.index;
  const before = context.ledger;
  let amount = fen;
  let cut: CapKind | null = null;
  let limit = 0;
  const perClaim = benefit.perClaim && valueFor(benefit.perClaim, context);
  if (perClaim !== undefined && amount > perClaim) {
    steps?.record(fixedKind(PER_CLAIM), perClaim, amount);
    (amount = perClaim), (cut = 'perClaim'), (limit = perClaim);
  }
  const perYear = benefit.perYear && valueFor(benefit.perYear, context);
  const left = perYear === undefined ? 0 : Math.max(0, perYear - before.amount(index));
  if (perYear !== undefined && amount > left) {
    steps?.record(fixedKind(PER_YEAR), left, amount, perYear, before.amount(index));
    (amount = left), (cut = 'perYear'), (limit = perYear);
  }
  const paid = before.total + paidBefore;
  if (maximum !== undefined && amount > Math.max(0, maximum - paid)) {
    steps?.record(fixedKind(MAXIMUM_SUBSIDY), Math.max(0, maximum - paid), amount, maximum, paid);
    (amount = Math.max(0, maximum - paid)), (cut = 'maximumSubsidy'), (limit = maximum);
  }
  const claimsLimit = benefit.claimsPerYear && valueFor(benefit.claimsPerYear, context);
  if (claimsLimit !== undefined && amount > 0 && before.claimsPaid(index) >= claimsLimit) {
    steps?.add('claimsPerYear', CLAIMS_PER_YEAR_LABELS.of(before.claimsPaid(index)), `${before.claimsPaid(index)}`, '0.00');
    (amount = 0), (cut = 'claimsPerYear'), (limit = claimsLimit);
  }
  out.cut = cut;
  out.limit = limit;
  return amount;
}

/** What settling writes each claim's outcome to: one for every tape, since runs are never nested and a tape's loop keeps none. */
const SETTLING = new Run();
/** What counting a year (tallyYear) and figuring a claim (settleFigures) write to: their callers own the ledgers after. */
const TALLYING = new Run(true);
const FIGURING = new Run(true);
FIGURING.lineFigures = [];

/** What reading a result's lines gathers them and their steps in: one of each for every read (runs are never nested). */
const LINES = new Collector<Line>();
const STEPS = new Steps();

/**
 * Runs the checked copy of a claim and writes what it gave into `out`; with `made`, also
 * makes its lines, their steps recorded. `whatIf` applies the policy to an event outside its period, asking only for an
 * enrolment in the scheme on the date, and says so in a warning. `path` is where the claim
 * sits in the caller's input, for an error about a fact it lacks.
 */
function run(compiled: CompiledPolicy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen, path: readonly (string | number)[], whatIf: boolean, history: History | undefined, out: Run, made: Collector<Line> | null): void {
  const policy = compiled.policy;
  const date = eventDate(policy, claim);
  const before = inFen(ledger, compiled);
  const { mode, at } = policy.conventions.rounding;
  const stay = claim.kind === 'hospitalisation';
  const context = out.context;
  context.claim = claim;
  context.member = member;
  context.eventDay = stay && policy.conventions.yearBy === 'discharge' ? claim.day + claim.nights : claim.day;
  context.days = stay ? Math.max(1, policy.conventions.dayCount === 'includeBothDays' ? claim.nights + 1 : claim.nights) : 0;
  context.stayNumber = stay ? before.stays + 1 : 0;
  context.conditionClass = claim.diagnosis === undefined ? '' : conditionClassOf(policy, claim);
  context.ledger = before;
  context.mode = mode;
  context.eachStep = at === 'eachStep';
  context.path = path;
  context.history = history;
  out.eventDate = date;
  out.lines = 0;

  // Reasons and the claim's own warnings (but a what-if's, made at the end), made only when there are some: most claims have none.
  let reasons = eligibilityReasons(compiled, context, date, whatIf);
  if (before.claimIds.has(claim.id, before.claimCount)) (reasons ??= []).push(message('DUPLICATE_CLAIM', { claimId: claim.id }));
  let warnings: Message[] | undefined = compiled.notice === undefined ? undefined : [compiled.notice];
  const deadline = filingDeadlineDay(compiled, context);
  if (deadline !== undefined) {
    if (claim.filedOn === '') (warnings ??= []).push(message('FILING_DATE_UNKNOWN', {}));
    else if (dayNumber(claim.filedOn) > deadline) (reasons ??= []).push(message('FILED_LATE', { filedOn: claim.filedOn, deadline: isoDate(deadline) }));
  }
  if (stay && compiled.maxPaidStays !== undefined) {
    const most = valueFor(compiled.maxPaidStays, context);
    if (before.paidStays >= most) (reasons ??= []).push(message('MAX_PAID_STAYS', { count: most }));
  }
  const applicable = compiled.applicable[stay ? claim.cause! : claim.kind]!;
  if (reasons === undefined && applicable.benefits.length === 0) {
    reasons = [...applicable.reasons, message('NO_BENEFIT_FOR_EVENT', { event: claim.kind, ...(stay && { cause: claim.cause! }) })];
  } else if (reasons === undefined && claim.diagnosis !== undefined) {
    const unmet = diagnosisReasons(policy, context, applicable.benefits);
    if (unmet.length > 0) reasons = unmet;
  }
  if (reasons !== undefined) return refuse(out, Object.freeze(reasons), ledger);

  // Reasons the lines add (a cap, a condition); the cause's exclusions come first.
  let lineReasons: Message[] | undefined;
  const maximum = compiled.maximumSubsidy && valueFor(compiled.maximumSubsidy, context);
  // The ledger after, built line by line; its figures are copied when the first line changes them.
  let figures = before.figures;
  let touched = before.touched;
  let logged = before.past;
  let paidThisClaim = 0;
  let lines = 0;
  let illustrative = false;
  // The claim's illustrative warnings, shared by every claim whose lines cite the same values.
  let node = compiled.warnings;
  const others = OtherPaymentsCut.of(compiled.otherPayments, claim);
  const steps = made === null ? null : STEPS;
  // By index, here and in the rules a run calls: iterating a frozen array allocates on Node 20.
  for (let at = 0; at < applicable.benefits.length; at += 1) {
    const compiledBenefit = applicable.benefits[at]!;
    const { benefit, index } = compiledBenefit;
    if (compiledBenefit.when !== undefined && !compiledBenefit.when(context)) {
      (lineReasons ??= []).push(message('CONDITION_NOT_MET', { benefit: benefit.label, condition: compiledBenefit.whenText! }));
      continue;
    }
    if (steps !== null && claim.diagnosis !== undefined) conditionSteps(policy, context, steps);
    const outcome = compiledBenefit.op(context, steps);
    if (outcome.reason !== undefined) (lineReasons ??= []).push(outcome.reason);
    if (outcome.warning !== undefined) (warnings ??= []).push(outcome.warning);
    // Once in N years, or less what the same event was paid: before the caps.
    const past = compiledBenefit.history && outcome.fen > 0 ? applyHistory(compiledBenefit.history, context, history, date, outcome.fen) : undefined;
    if (past?.reason !== undefined) (lineReasons ??= []).push(past.reason);
    if (past?.warning !== undefined) (warnings ??= []).push(past.warning);
    if (steps !== null) past?.step?.(steps);
    const owed = past === undefined ? outcome.fen : past.fen;
    let amount = applyCaps(compiledBenefit, context, owed, maximum, paidThisClaim, out, steps);
    let cut = out.cut;
    if (cut === 'claimsPerYear') (lineReasons ??= []).push(message('CLAIMS_PER_YEAR_REACHED', { benefit: benefit.label, count: out.limit }));
    else if (cut !== null) (lineReasons ??= []).push(message('CAP_REACHED', { benefit: benefit.label, cap: cut, cut: fenText(owed - amount), limit: fenText(out.limit) }));
    cut ??= past?.kind ?? null;
    if (others !== undefined && amount > 0) {
      const kept = others.keep(amount, paidThisClaim, index);
      if (kept < amount) {
        (lineReasons ??= []).push(others.reason(benefit.label, amount - kept));
        if (steps !== null) others.step(amount, kept, paidThisClaim, steps);
        (amount = kept), (cut = 'otherPayments');
      }
    }
    const sources = compiledBenefit.sources(context);
    illustrative ||= sources.illustrative;
    node = warningsAfter(node, sources);
    if (made !== null) made.push(lineOf(compiledBenefit, outcome, amount, cut, sources, steps!.take()));
    const paid = out.lineFigures;
    if (paid !== undefined) (paid[2 * lines] = benefit.id), (paid[2 * lines + 1] = amount);

    if (figures === before.figures) figures = copyFigures(before, out);
    const at4 = index * FIGURES;
    (figures as number[])[at4 + Figure.Amount]! += amount;
    if (amount > 0) (figures as number[])[at4 + Figure.Claims]! += 1;
    if (outcome.daysPaid > 0 && amount > 0) (figures as number[])[at4 + Figure.Days]! += outcome.daysPaid;
    if (outcome.deductibleUsed > 0) (figures as number[])[at4 + Figure.Deductible]! += outcome.deductibleUsed;
    if (!holds(touched, index)) touched = touchedWith(touched, index);
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
  out.lines = lines;
  if (whatIf) out.warnings = whatIfWarnings(compiled, date, warnings, node);
  else out.warnings = warnings === undefined ? (node.list ?? NONE) : withWarnings(warnings, node);
  out.illustrative = illustrative;
  if (!out.wantsAfter) {
    out.after = undefined;
    return;
  }
  const total = before.total + paidThisClaim;
  const stays = before.stays + (stay ? 1 : 0);
  const paidStays = before.paidStays + (stay && paidThisClaim > 0 ? 1 : 0);
  const claimIds = before.claimIds.append(before.claimCount, claim.id);
  // Written only now, the claim settled: a claim that throws leaves an owned ledger as it was.
  if (out.inPlace && before.owned) {
    // `figures` becomes the ledger's own; the list it had is the next claim's spare.
    out.spare = before.figures as number[];
    before.total = total;
    before.figures = figures;
    before.stays = stays;
    before.paidStays = paidStays;
    before.touched = touched;
    before.claimIds = claimIds;
    before.claimCount += 1;
    before.past = logged;
    out.after = before;
    return;
  }
  out.after = new LedgerInFen(before.policy, before.base, total, figures, stays, paidStays, touched, claimIds, before.claimCount + 1, logged, out.inPlace);
}

/**
 * The figures of `before`, to write a claim's lines into: a copy, or for an owned ledger the
 * run's spare list (the figures it swaps out are the next claim's spare), so that a member's
 * claims after the first allocate no list.
 */
function copyFigures(before: LedgerInFen, out: Run): number[] {
  const from = before.figures;
  if (!(out.inPlace && before.owned)) return from.slice();
  const to = out.spare;
  // Setting the length costs more than the copy: only a list of another policy's is longer.
  if (to.length > from.length) to.length = from.length;
  for (let at = 0; at < from.length; at += 1) to[at] = from[at]!;
  return to;
}

/** A line as the run settled it, in fen, its steps recorded. */
function lineOf(benefit: CompiledBenefit, outcome: Outcome, amount: number, cut: CapKind | null, sources: LineSources, steps: readonly Step[]): Line {
  const range = outcome.range && Object.freeze({ min: moneyFromFen(outcome.range.min), max: moneyFromFen(outcome.range.max) });
  return new Line(benefit.benefit.id, benefit.benefit.label, amount, outcome.fen, cut, range, steps, sources.citations, sources.illustrative);
}

/** Whether `touched` lists `index`: a loop, since `includes` on these few items cost as much as the ledger's copies. */
function holds(touched: readonly number[], index: number): boolean {
  for (let at = 0; at < touched.length; at += 1) if (touched[at] === index) return true;
  return false;
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

/** A what-if's warning, by compiled policy and event date, and each list that starts with it, by the node of the lines' warnings. */
interface WhatIf {
  readonly warning: Message;
  readonly lists: Map<WarningsNode, readonly Message[]>;
}

const WHAT_IFS = new WeakMap<CompiledPolicy, Map<string, WhatIf>>();
/** What-if dates kept a policy: a year's, and more. Past that, each claim writes its warning again. */
const WHAT_IF_DATES = 1024;

/**
 * A what-if claim's warnings: the what-if's, its own (`own`), then its lines' illustrative
 * ones. A book settled as a what-if has the same few dates over and over: the warning is
 * written once a date and, when the claim has no warning of its own, the list made once too.
 */
function whatIfWarnings(compiled: CompiledPolicy, date: string, own: Message[] | undefined, node: WarningsNode): readonly Message[] {
  let dates = WHAT_IFS.get(compiled);
  if (dates === undefined) WHAT_IFS.set(compiled, (dates = new Map()));
  let whatIf = dates.get(date);
  if (whatIf === undefined) {
    const { scheme, year } = compiled.policy;
    whatIf = { warning: message('WHAT_IF', { scheme, year, date }), lists: new Map() };
    if (dates.size < WHAT_IF_DATES) dates.set(date, whatIf);
  }
  if (own !== undefined) return withWarnings([whatIf.warning, ...own], node);
  let list = whatIf.lists.get(node);
  if (list === undefined) whatIf.lists.set(node, (list = withWarnings([whatIf.warning], node)));
  return list;
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
/**
 * The claim is kept whole, at Slot.Date: one with attributes, a filing date, a diagnosis, an
 * event or another payment, or of a shape the tape does not make again.
 */
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
    claim.diagnosis === undefined &&
    claim.event === '' &&
    claim.paidElsewhere === 0 &&
    claim.paidByPlans === 0 &&
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
  /** The member's history before the year (`options.history`), which history rules read. */
  readonly history: History | undefined;
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
  /** The member made again from the slots, kept with the cursor: results read in order then make it once. */
  member: Member | undefined;
  /** What the reads write each run into, kept with the cursor too, its path with it. */
  out: Run | undefined;
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
  /** The policy compiled for a claim's shares, for a member who holds other than 1 (kept whole then); undefined for the others. */
  readonly #forShares: ((claim: PlainClaim) => CompiledPolicy) | undefined;

  constructor(compiled: CompiledPolicy, member: Member, running: Running, start: Ledger | LedgerInFen | undefined) {
    this.#compiled = compiled;
    this.#member = member;
    this.#running = running;
    this.#kept = start === undefined ? undefined : { start, checkpoints: undefined, last: undefined, cursorAt: -1, cursor: undefined, member: undefined, out: undefined };
    // Results read claims again from it: the caller may no longer change it in place.
    if (start instanceof LedgerInFen) start.owned = false;
    this.#forShares = sharesChooser(compiled, member, running.whatIf);
  }

  /** The policy compiled for the shares the member holds on the claim's date. */
  #compiledFor(claim: PlainClaim): CompiledPolicy {
    return this.#forShares === undefined ? this.#compiled : this.#forShares(claim);
  }

  get memberId(): string {
    return this.#member?.id ?? (this.#slots[this.#count * Slot.Count] as string);
  }

  get policy(): PolicyRef {
    return this.#compiled.ref;
  }

  #keep(): Kept {
    return (this.#kept ??= { start: undefined, checkpoints: undefined, last: undefined, cursorAt: -1, cursor: undefined, member: undefined, out: undefined });
  }

  #startLedger(): Ledger | LedgerInFen {
    return this.#kept?.start ?? emptyInFen(this.#compiled, this.memberId);
  }

  /** The member as the rules read it: the one kept, or a copy made again from the slots. */
  #memberCopy(): Member {
    const kept = this.#member ?? this.#kept?.member;
    if (kept !== undefined) return kept;
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
      diagnosis: undefined,
      event: '',
      paidElsewhere: 0,
      paidByPlans: 0,
    };
  }

  /**
   * Where claim `at` is in the caller's input. A claim of a list is at `[...path, index]`: one
   * array a Run keeps for each list's path, its last item set for each claim, since only an
   * error about the claim reads it, and copies it.
   */
  #pathOf(at: number, out: Run): readonly (string | number)[] {
    const { path, indexed, order } = this.#running;
    if (!indexed) return path;
    if (out.pathOf !== path) (out.path = [...path, 0]), (out.pathOf = path);
    const full = out.path!;
    full[full.length - 1] = order === undefined ? at : order[at]!;
    return full;
  }

  /**
   * Settles `claims` (see {@link tally}) into results that read this tape; also the ledger
   * after them and what they paid, in fen. Called once.
   */
  settleAll(claims: readonly PlainClaim[]): Settled {
    const count = claims.length;
    const memberTail = memberSlots(this.#member!);
    // Exactly sized: a year's result keeps both.
    const results: SettledClaim[] = new Array(count);
    this.#slots = new Array(count * Slot.Count + (memberTail?.length ?? 0));
    this.#count = count;
    const { after, paid } = this.#runAll(claims, results, null, SETTLING);
    if (memberTail !== undefined) {
      const slots = this.#slots as unknown[];
      for (let at = 0; at < memberTail.length; at += 1) slots[count * Slot.Count + at] = memberTail[at];
      this.#member = undefined;
    }
    // One claim's result keeps the ledger after it, which the next call takes (a caller
    // chaining evaluateClaim reads each); a year's results leave it to the year's result.
    if (!this.#running.indexed) this.#keep().last = after;
    return { results, after, paid };
  }

  /** Keeps what claim `at` gave on the tape, and its result in `results`. */
  #keepClaim(out: Run, at: number, claim: PlainClaim, results: SettledClaim[]): void {
    const slots = this.#slots as unknown[];
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
  }

  /**
   * Settles `claims` (the caller's list: in the order `running.order` gives), each with the
   * ledger the one before left, handing `each` what it gave; the ledger after them and what
   * they paid, in fen. {@link settleAll} keeps what it gave on the tape; a caller that only
   * counts (simulateBook) keeps nothing.
   */
  tally(claims: readonly PlainClaim[], each: (out: ClaimOutcome, at: number, claim: PlainClaim) => void): { readonly after: Ledger | LedgerInFen; readonly paid: number } {
    return this.#runAll(claims, null, each, TALLYING);
  }

  /**
   * The loop of settleAll (`results`) and tally (`each`): one loop, and no closure made per
   * member to keep what each claim gave.
   */
  #runAll(
    claims: readonly PlainClaim[],
    results: SettledClaim[] | null,
    each: ((out: ClaimOutcome, at: number, claim: PlainClaim) => void) | null,
    out: Run,
  ): { readonly after: Ledger | LedgerInFen; readonly paid: number } {
    const { order, whatIf, history } = this.#running;
    const count = claims.length;
    const member = this.#member!;
    let ledger = this.#startLedger();
    let paid = 0;
    for (let at = 0; at < count; at += 1) {
      // Only results read claims again; a count's ledgers may be written in place.
      if (results !== null && at > 0 && at % CHECKPOINT_EVERY === 0) (this.#keep().checkpoints ??= []).push(ledger);
      const claim = claims[order === undefined ? at : order[at]!]!;
      run(this.#compiledFor(claim), member, claim, ledger, this.#pathOf(at, out), whatIf, history, out, null);
      if (results !== null) this.#keepClaim(out, at, claim, results);
      else each!(out, at, claim);
      ledger = out.after!;
      paid += out.fen;
    }
    return { after: ledger, paid };
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
    let ledger: Ledger | LedgerInFen;
    // The cursor first: results read in order find it there, and the empty ledger is made afresh at each call.
    if (kept !== undefined && kept.cursorAt >= from && kept.cursorAt <= at) (from = kept.cursorAt), (ledger = kept.cursor!);
    else ledger = from === 0 ? this.#startLedger() : kept!.checkpoints![from / CHECKPOINT_EVERY - 1]!;
    const { whatIf, history } = this.#running;
    for (; from < at; from += 1) {
      const claim = this.#claim(from);
      run(this.#compiledFor(claim), member, claim, ledger, this.#pathOf(from, out), whatIf, history, out, null);
      ledger = out.after!;
    }
    return ledger;
  }

  /** Remembers where a read got to: the ledger before claim `at`, and the member and the Run it used. */
  #moveCursor(at: number, ledger: Ledger | LedgerInFen | undefined, member: Member, out: Run): void {
    const kept = this.#keep();
    (kept.cursorAt = at), (kept.cursor = ledger);
    // Past the last claim nothing reads them again: they are not kept for a ledger that is.
    const more = at < this.#count;
    kept.member = more && this.#member === undefined ? member : undefined;
    kept.out = more ? out : undefined;
  }

  /** Drops the cursor, and what reading kept when nothing else is in it. */
  #forgetCursor(): void {
    const kept = this.#kept;
    if (kept === undefined) return;
    if (kept.start === undefined && kept.checkpoints === undefined && kept.last === undefined) this.#kept = undefined;
    else (kept.cursorAt = -1), (kept.cursor = undefined), (kept.member = undefined), (kept.out = undefined);
  }

  lines(at: number): readonly BenefitLine[] {
    const out = this.#kept?.out ?? new Run();
    const member = this.#memberCopy();
    const claim = this.#claim(at);
    const before = this.#ledgerBefore(at, member, out);
    // A read that threw (a fact the rules need is missing) may have left some behind.
    LINES.clear();
    STEPS.clear();
    out.wantsAfter = at + 1 < this.#count;
    run(this.#compiledFor(claim), member, claim, before, this.#pathOf(at, out), this.#running.whatIf, this.#running.history, out, LINES);
    // No claim after the last needs the cursor: a result whose lines were read then keeps no ledger for it.
    if (at + 1 < this.#count) this.#moveCursor(at + 1, out.after, member, out);
    else this.#forgetCursor();
    // A list of its exact length, frozen: a result keeps it.
    return LINES.take();
  }

  ledger(at: number): Ledger {
    const last = this.#kept?.last;
    if (at === this.#count - 1 && last !== undefined) return toLedger(last);
    const member = this.#memberCopy();
    const out = this.#kept?.out ?? new Run();
    const after = this.#ledgerBefore(at + 1, member, out);
    this.#moveCursor(at + 1, after, member, out);
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
  const tape = new Tape(compile(policy), member, { path, indexed: false, whatIf, order: undefined, history }, ledger);
  const { results, after, paid } = tape.settleAll([claim]);
  return { result: results[0]!, after, paid };
}

/** What settling one claim gave, in fen, with the ledger after it and each line's benefit id then fen amount, in the order of the lines. */
export interface ClaimFigures extends ClaimOutcome {
  readonly after: Ledger | LedgerInFen;
  readonly paidLines: readonly (string | number)[];
}

/**
 * Settles one claim as {@link settle} does (its path `claim`), giving its figures and no result:
 * for a caller that writes a line of them and drops them (the CLI). The figures are one object
 * written again by the next call, all but `paidLines`; the ledger after is the caller's alone,
 * and the next call given it may change it in place (see {@link LedgerInFen.owned}).
 */
export function settleFigures(policy: Policy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen): ClaimFigures {
  const compiled = compile(policy);
  const forShares = sharesChooser(compiled, member, false);
  const out = FIGURING;
  run(forShares === undefined ? compiled : forShares(claim), member, claim, ledger, ONE_CLAIM, false, undefined, out, null);
  // The row keeps its own list, of its exact length.
  out.paidLines = out.lineFigures!.slice(0, 2 * out.lines);
  return out as ClaimFigures;
}

const ONE_CLAIM = Object.freeze(['claim']);

/** How the claims of a year are run, in their order and with the member's history. */
function inAYear(order: readonly number[] | undefined, history: History | undefined): Running {
  return order === undefined && history === undefined ? IN_A_YEAR : { ...IN_A_YEAR, order, history };
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
  const tape = new Tape(compile(policy), member, inAYear(order, history), start);
  return { settled: tape.settleAll(claims), tape };
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
  return new Tape(compile(policy), member, inAYear(order, undefined), undefined).tally(claims, each);
}

const IN_A_YEAR: Running = Object.freeze({ path: Object.freeze(['claims']), indexed: true, whatIf: false, order: undefined, history: undefined });
