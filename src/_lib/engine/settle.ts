/**
 * Settles a claim with the compiled policy: eligibility, each benefit's formula, condition
 * and caps, the ledger after. A result keeps the checked copy of the claim and member and the
 * ledger it started from, never the caller's objects; its lines, ledger and steps are made
 * when first read, the steps by running the same compiled rules again with a recorder.
 */
import { dayNumber, isoDate } from '../dates';
import { InvalidInputError } from '../errors';
import type { Member } from '../inputSchemas';
import type { Ledger } from '../ledger';
import { fixedLabel, message, stepLabel, type Message } from '../messages';
import { fenText, moneyFromFen } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import { eventDate, Line, SettledClaim, type BenefitLine, type CapKind, type ClaimResult, type ResultDetails } from '../result';
import { compile, filingDeadlineDay, type CompiledBenefit, type CompiledPolicy, type LineSources } from './compile';
import { joined, type ClaimContext, type Recorder } from './context';
import { SAFE } from './fen';
import { eligibilityReasons } from './eligibility';
import { valueFor } from './parameters';
import { inFen, LedgerInFen } from './ledgerInFen';
import type { Outcome } from './formulas/types';

/** An empty list, for results that have no lines, reasons or warnings. */
const NONE = Object.freeze([]) as readonly never[];

/** One line as settled, in fen, kept until the result's lines are read. */
interface LineRecord {
  readonly benefit: CompiledBenefit;
  readonly outcome: Outcome;
  readonly amount: number;
  readonly cut: CapKind | null;
  readonly sources: LineSources;
  /** What earlier lines of the claim took, for the maximum subsidy's step. */
  readonly paidBefore: number;
}

/** The result of a settled claim and the ledger after it. */
export interface Settlement {
  readonly result: ClaimResult;
  /** The ledger after the claim: in fen, for the next claim, or the one given when nothing changed. */
  readonly after: Ledger | LedgerInFen;
}

/**
 * Settles the checked copy of a claim. `whatIf` applies the policy to an event outside its
 * period, asking only for an enrolment in the scheme on the date, and says so in a warning.
 * `path` is where the claim sits in the caller's input, for an error about a fact it lacks.
 */
export function settle(policy: Policy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen, path: readonly (string | number)[], whatIf = false): Settlement {
  const compiled = compile(policy);
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
  const refuse = (reasons: Message[]): Settlement => ({
    result: new SettledClaim(claim.id, member.id, claim.kind, date, compiled.ref, false, Object.freeze(reasons), moneyFromFen(0), NONE, false, made(NONE, ledger)),
    after: ledger,
  });

  const reasons = eligibilityReasons(compiled, context, date, whatIf);
  if (before.claimIds.has(claim.id, before.claimCount)) reasons.push(message('DUPLICATE_CLAIM', { claimId: claim.id }));
  const warnings: Message[] = whatIf ? [message('WHAT_IF', { scheme: policy.scheme, year: policy.year, date })] : [];
  const deadline = filingDeadlineDay(compiled, context);
  if (deadline !== undefined) {
    if (claim.filedOn === '') warnings.push(message('FILING_DATE_UNKNOWN', {}));
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
  if (reasons.length > 0) return refuse(reasons);

  // Reasons the lines add (a cap, a condition); the cause's exclusions come first.
  const lineReasons: Message[] = [];
  const records: LineRecord[] = [];
  const maximum = compiled.maximumSubsidy && valueFor(compiled.maximumSubsidy, context);
  let paidThisClaim = 0;
  for (const compiledBenefit of applicable.benefits) {
    const { benefit, index } = compiledBenefit;
    if (compiledBenefit.when !== undefined && !compiledBenefit.when(context)) {
      lineReasons.push(message('CONDITION_NOT_MET', { benefit: benefit.label, condition: compiledBenefit.whenText! }));
      continue;
    }
    const outcome = compiledBenefit.op(context, null);
    if (outcome.reason !== undefined) lineReasons.push(outcome.reason);
    if (outcome.warning !== undefined) warnings.push(outcome.warning);
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
      lineReasons.push(message('CLAIMS_PER_YEAR_REACHED', { benefit: benefit.label, count: claimsLimit }));
      (amount = 0), (cut = 'claimsPerYear');
    } else if (cut !== null) {
      lineReasons.push(message('CAP_REACHED', { benefit: benefit.label, cap: cut, cut: fenText(outcome.fen - amount), limit: fenText(limit) }));
    }
    records.push({ benefit: compiledBenefit, outcome, amount, cut, sources: compiledBenefit.sources(context), paidBefore: paidThisClaim });
    paidThisClaim += amount;
  }
  if (records.length === 0) return refuse([...applicable.reasons, ...lineReasons]);
  if (before.total + paidThisClaim > SAFE) {
    throw new InvalidInputError([{ path: [...path], code: 'too_big', message: 'expected a protection year that pays less than 90,071,992,547,409.91 yuan in all' }]);
  }

  let illustrative = false;
  for (const record of records) illustrative ||= record.sources.illustrative;
  const after = ledgerAfter(before, claim, records, paidThisClaim);
  const details = new SettledDetails(context, before, records, after, maximum);
  const result = new SettledClaim(claim.id, member.id, claim.kind, date, compiled.ref, true, lineReasons.length === 0 ? applicable.reasons : Object.freeze([...applicable.reasons, ...lineReasons]), moneyFromFen(paidThisClaim), warningsOf(compiled, records, warnings), illustrative, details);
  return { result, after };
}

/**
 * The claim's warnings: its own (a what-if, a filing date), then each line's illustrative
 * parameters once. Without warnings of its own, a claim shares the frozen list of every claim
 * whose lines cite the same values.
 */
function warningsOf(compiled: CompiledPolicy, records: readonly LineRecord[], own: Message[]): readonly Message[] {
  const shared = own.length === 0;
  // A path through a small tree of the lines' sources, one level a line.
  let node = compiled.warnings;
  if (shared) {
    for (let at = 0; at < records.length; at += 1) {
      const sources = records[at]!.sources;
      let next = node.next.get(sources);
      if (next === undefined) node.next.set(sources, (next = { next: new Map(), list: undefined }));
      node = next;
    }
    if (node.list !== undefined) return node.list;
  }
  for (const record of records) for (const warning of record.sources.warnings) if (!own.includes(warning)) own.push(warning);
  const frozen = own.length === 0 ? NONE : Object.freeze(own);
  if (shared) node.list = frozen;
  return frozen;
}

/** The ledger in fen after the claim's lines. */
function ledgerAfter(before: LedgerInFen, claim: PlainClaim, records: readonly LineRecord[], paidThisClaim: number): LedgerInFen {
  const amounts = before.amounts.slice();
  const claims = before.claims.slice();
  // Days and deductibles are copied only by a claim that adds to them: most never do.
  let days = before.days;
  let deductible = before.deductible;
  let touched = before.touched;
  for (let at = 0; at < records.length; at += 1) {
    const { benefit, amount, outcome } = records[at]!;
    const index = benefit.index;
    amounts[index]! += amount;
    if (amount > 0) claims[index]! += 1;
    if (outcome.daysPaid > 0 && amount > 0) {
      if (days === before.days) days = days.slice();
      (days as number[])[index]! += outcome.daysPaid;
    }
    if (outcome.deductibleUsed > 0) {
      if (deductible === before.deductible) deductible = deductible.slice();
      (deductible as number[])[index]! += outcome.deductibleUsed;
    }
    // After a member's first claim the benefits are usually all listed, and the list is shared.
    if (!touched.includes(index)) touched = [...touched, index];
  }
  const stay = claim.kind === 'hospitalisation';
  return new LedgerInFen(
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

/** Details already made. */
const made = (lines: readonly BenefitLine[], ledger: Ledger | LedgerInFen): ResultDetails => ({ lines: () => lines, ledger: () => (ledger instanceof LedgerInFen ? ledger.toLedger() : ledger) });

/** What a settled claim's lines and ledger are made from, on first read. */
class SettledDetails implements ResultDetails {
  constructor(
    private readonly context: ClaimContext,
    private readonly before: LedgerInFen,
    private readonly records: readonly LineRecord[],
    private readonly after: LedgerInFen,
    private readonly maximum: number | undefined,
  ) {}

  lines(): readonly BenefitLine[] {
    return this.records.map((record) => {
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
        (recorder) => this.steps(record, recorder),
      );
    });
  }

  ledger(): Ledger {
    return this.after.toLedger();
  }

  /** A line's steps: its formula run again with a recorder, then the caps that cut it. */
  private steps({ benefit, outcome, amount, cut, paidBefore }: LineRecord, steps: Recorder): void {
    benefit.op(this.context, steps);
    if (cut === null) return;
    const index = benefit.index;
    const context = this.context;
    let current = outcome.fen;
    const capStep = (kind: CapKind, expression: string, remaining: number) => {
      if (current <= remaining) return;
      steps.add(kind, fixedLabel(kind), joined('min(', fenText(current), ', ', expression, ')'), fenText(remaining));
      current = remaining;
    };
    const perClaim = benefit.perClaim && valueFor(benefit.perClaim, context);
    if (perClaim !== undefined) capStep('perClaim', fenText(perClaim), perClaim);
    const perYear = benefit.perYear && valueFor(benefit.perYear, context);
    if (perYear !== undefined) capStep('perYear', `${fenText(perYear)} − ${fenText(this.before.amounts[index]!)}`, Math.max(0, perYear - this.before.amounts[index]!));
    if (this.maximum !== undefined) {
      const paid = this.before.total + paidBefore;
      capStep('maximumSubsidy', `${fenText(this.maximum)} − ${fenText(paid)}`, Math.max(0, this.maximum - paid));
    }
    if (cut === 'claimsPerYear') steps.add('claimsPerYear', stepLabel('claimsPerYear', { count: this.before.claims[index]! }), `${this.before.claims[index]!}`, fenText(amount));
  }
}
