/**
 * The fast path of settlement: the same rules as `settleClaim`, computed in whole fen with
 * plain integers wherever that is provably exact. What a line cites and warns of is fixed by
 * the policy, so it is worked out once per policy (`compile`). A claim keeps its lines as
 * figures in fen and its ledger as integers (`LedgerInFen`); their Decimals and frozen objects
 * are made when the result's `lines` or `ledger` is first read, and a line's steps, which cost
 * more to write than the settlement, by `settleBenefit`, the reference, when they are. A result
 * works from the checked copy of the claim (`PlainClaim`) and never reads the caller's objects
 * again: it answers the same whatever the caller does to them afterwards.
 * Whenever a claim is outside what this path does exactly (a refusal, a `bracket` formula, a
 * product past 2^53), it answers `undefined` and the caller takes the reference path.
 * Property tests check that both paths give the same JSON, byte for byte.
 */
import { Dec, type Decimal } from './decimal';
import type { Claim, Member } from './inputSchemas';
import { ClaimIdLog, claimIdLog, LoggedLedger, type Ledger } from './ledger';
import { fenText, moneyFromFen, toMoney, type RoundingMode } from './money';
import { message, type Message } from './messages';
import type { Benefit, Cause, EventKind, Parameter, Policy } from './policySchema';
import { benefitsFor, deepFreeze, eventDate, isEligible, Line, policyRef, SettledClaim, settleBenefit, type BenefitLine, type CapKind, type ClaimResult, type PolicyRef, type ResultDetails } from './settle';
import { illustrativeWarnings, type Citation } from './trace';
import { claimOf, type PlainClaim } from './plainInput';

/** A ratio as an exact fraction num / den, den a power of ten. */
interface Ratio {
  readonly num: number;
  readonly den: number;
}

type Compiled = (claim: PlainClaim, mode: RoundingMode, eachStep: boolean) => number | undefined;

const SAFE = Number.MAX_SAFE_INTEGER;

function ratio(value: string | number): Ratio {
  const exact = new Dec(value);
  const den = 10 ** exact.decimalPlaces();
  return { num: exact.times(den).toNumber(), den };
}

const fen = (yuan: string) => new Dec(yuan).times(100).toNumber();

/** n / d rounded to a whole number by the mode, for integers 0 ≤ n ≤ 2^53 and d > 0. */
function divide(n: number, d: number, mode: RoundingMode): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // The float quotient may land one off; the remainder puts it right.
  if (r < 0) (q -= 1), (r += d);
  else if (r >= d) (q += 1), (r -= d);
  if (r === 0 || mode === 'down') return q;
  if (mode === 'up') return q + 1;
  if (2 * r > d) return q + 1;
  if (2 * r < d) return q;
  return mode === 'halfUp' || q % 2 === 1 ? q + 1 : q;
}

/** `portion × ratio` exactly, in units of fen / den, or undefined past 2^53. */
function times(portion: number, { num }: Ratio): number | undefined {
  return num === 0 || portion <= SAFE / num ? portion * num : undefined;
}

function compileFormula(benefit: Benefit, dayCount: Policy['conventions']['dayCount']): Compiled | undefined {
  const formula = benefit.formula;
  switch (formula.kind) {
    case 'lumpSum': {
      const amount = fen(formula.amount.value);
      return () => amount;
    }
    case 'perDay': {
      const daily = fen(formula.amount.value);
      const firstPaidDay = formula.firstPaidDay?.value ?? 1;
      const maxDays = formula.maxDays?.value ?? Infinity;
      return ({ kind, nights }) => {
        if (kind !== 'hospitalisation') return undefined;
        const days = Math.max(1, dayCount === 'includeBothDays' ? nights + 1 : nights);
        const paidDays = Math.min(maxDays, Math.max(0, days - firstPaidDay + 1));
        return paidDays === 0 || daily <= SAFE / paidDays ? daily * paidDays : undefined;
      };
    }
    case 'gradeSchedule': {
      const maximum = fen(formula.maximum.value);
      const shares = new Map(Object.entries(formula.shares.value).map(([grade, share]) => [Number(grade), ratio(share!)]));
      return (claim, mode) => {
        if (claim.kind !== 'disability') return undefined;
        const share = shares.get(claim.grade);
        if (share === undefined) return 0;
        const exact = times(maximum, share);
        return exact === undefined ? undefined : divide(exact, share.den, mode);
      };
    }
    case 'copay': {
      const deductible = fen(formula.deductible.value);
      const tiers = formula.tiers.value.map((tier) => ({ upTo: tier.upTo === undefined ? undefined : fen(tier.upTo), ratio: ratio(tier.ratio) }));
      // A fold, not Math.max(...dens): spreading a long list overflows the call stack.
      const den = tiers.reduce((most, tier) => Math.max(most, tier.ratio.den), 1);
      const base = formula.base;
      return (claim, mode, eachStep) => {
        if (claim.kind !== 'hospitalisation') return undefined;
        const cost = claim[base];
        let lower = deductible;
        let sum = 0;
        for (const tier of tiers) {
          const portion = Math.max(0, (tier.upTo === undefined ? cost : Math.min(cost, tier.upTo)) - lower);
          if (portion > 0) {
            const exact = times(portion, tier.ratio);
            if (exact === undefined) return undefined;
            // Each step rounds each tier; otherwise tiers add up exactly in fen / den.
            const part = eachStep ? divide(exact, tier.ratio.den, mode) * den : exact * (den / tier.ratio.den);
            if (part > SAFE - sum) return undefined;
            sum += part;
          }
          if (tier.upTo !== undefined) lower = Math.max(lower, tier.upTo);
        }
        return divide(sum, den, mode);
      };
    }
    default:
      return undefined;
  }
}

/** What a line cites and warns of, fixed by the policy: the same on every claim it pays. */
interface LineSources {
  readonly citations: readonly Citation[];
  /** One warning per illustrative parameter among the citations. */
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

/** A benefit in fen. */
interface CompiledBenefit {
  readonly benefit: Benefit;
  /** Its place in the policy's benefits, and in a fen ledger's amounts. */
  readonly index: number;
  readonly formula: Compiled;
  /** In fen; Infinity when the benefit has no such cap. */
  readonly perClaim: number;
  readonly perYear: number;
  /** When it pays, and when a grade table leaves the claim's grade out. */
  readonly covered: LineSources;
  readonly uncovered: LineSources;
  /** For `gradeSchedule`: whether the table has the claim's grade. */
  readonly covers: (claim: PlainClaim) => boolean;
}

/** The benefits that pay on one kind of event (and cause), with what they say when all pay. */
interface Applicable {
  readonly benefits: readonly CompiledBenefit[];
  /** The benefits of the kind that the cause leaves out. */
  readonly reasons: readonly Message[];
  readonly warnings: readonly Message[];
}

interface CompiledPolicy {
  readonly ref: PolicyRef;
  readonly benefits: readonly CompiledBenefit[];
  /** A zero for each benefit: the amounts of an empty ledger. Not frozen: copying a frozen array is several times slower. */
  readonly nothingPaid: readonly number[];
  readonly death: Applicable;
  readonly disability: Applicable;
  readonly illness: Applicable;
  readonly accident: Applicable;
  readonly maximumSubsidy: { readonly limit: number; readonly citation: Citation } | undefined;
}

function cite(parameter: Parameter, path: string): Citation {
  return Object.freeze({ parameter: path, label: parameter.label, value: parameter.value, provenance: parameter.provenance });
}

/** The parameters a formula reads, in the order the reference evaluators read them. */
function formulaCitations(benefit: Benefit, covered: boolean): Citation[] {
  const path = `benefits.${benefit.id}.formula`;
  const formula = benefit.formula;
  const optional = (parameter: Parameter | undefined, name: string) => (parameter === undefined ? [] : [cite(parameter, `${path}.${name}`)]);
  switch (formula.kind) {
    case 'copay':
      return [cite(formula.deductible, `${path}.deductible`), cite(formula.tiers, `${path}.tiers`)];
    case 'perDay':
      return [cite(formula.amount, `${path}.amount`), ...optional(formula.firstPaidDay, 'firstPaidDay'), ...optional(formula.maxDays, 'maxDays')];
    case 'gradeSchedule':
      return [cite(formula.shares, `${path}.shares`), ...(covered ? [cite(formula.maximum, `${path}.maximum`)] : [])];
    case 'lumpSum':
      return [cite(formula.amount, `${path}.amount`)];
    default:
      // Brackets never reach the fast path: compile refuses them.
      return [];
  }
}

/** Each warning once, in first-seen order; warnings are one object per parameter (see compile). */
function addWarnings(into: Message[], warnings: readonly Message[]): void {
  for (const warning of warnings) if (!into.includes(warning)) into.push(warning);
}

const compiled = new WeakMap<Policy, CompiledPolicy | null>();

/** The policy in fen, once per policy object; null when a benefit has no exact fast form. */
export function compile(policy: Policy): CompiledPolicy | null {
  const known = compiled.get(policy);
  if (known !== undefined) return known;
  const result = compileUncached(policy);
  compiled.set(policy, result);
  return result;
}

function compileUncached(policy: Policy): CompiledPolicy | null {
  const maximum = policy.ceilings.maximumSubsidy;
  const maximumSubsidy = maximum && { limit: fen(maximum.value), citation: cite(maximum, 'ceilings.maximumSubsidy') };
  // One warning object per parameter, so that the warnings of a claim dedupe by identity.
  const warningOf = new Map<string, Message>();
  const sources = (citations: readonly Citation[]): LineSources => {
    const illustrative = citations.filter((citation) => citation.provenance.status === 'illustrative');
    for (const citation of illustrative) {
      if (!warningOf.has(citation.parameter)) warningOf.set(citation.parameter, deepFreeze(illustrativeWarnings([citation])[0]!));
    }
    return {
      citations: Object.freeze(citations),
      warnings: Object.freeze(illustrative.map((citation) => warningOf.get(citation.parameter)!)),
      illustrative: illustrative.length > 0,
    };
  };
  const benefits: CompiledBenefit[] = [];
  for (const [index, benefit] of policy.benefits.entries()) {
    const formula = compileFormula(benefit, policy.conventions.dayCount);
    if (formula === undefined) return null;
    const caps = benefit.caps ?? {};
    const capCitations = (['perClaim', 'perYear'] as const).flatMap((kind) => {
      const cap = caps[kind];
      return cap === undefined ? [] : [cite(cap, `benefits.${benefit.id}.caps.${kind}`)];
    });
    const after = [...capCitations, ...(maximumSubsidy ? [maximumSubsidy.citation] : [])];
    const shares = benefit.formula.kind === 'gradeSchedule' ? benefit.formula.shares.value : undefined;
    benefits.push({
      benefit,
      index,
      formula,
      perClaim: caps.perClaim === undefined ? Infinity : fen(caps.perClaim.value),
      perYear: caps.perYear === undefined ? Infinity : fen(caps.perYear.value),
      covered: sources([...formulaCitations(benefit, true), ...after]),
      uncovered: sources([...formulaCitations(benefit, false), ...after]),
      covers: (claim) => shares === undefined || (claim.kind === 'disability' && Object.hasOwn(shares, String(claim.grade))),
    });
  }
  const applicable = (kind: EventKind, cause?: Cause): Applicable => {
    const found = benefitsFor(policy, { kind, cause });
    const ofEvent = benefits.filter((compiledBenefit) => found.benefits.includes(compiledBenefit.benefit));
    const warnings: Message[] = [];
    for (const compiledBenefit of ofEvent) addWarnings(warnings, compiledBenefit.covered.warnings);
    return { benefits: ofEvent, reasons: deepFreeze(found.reasons), warnings: Object.freeze(warnings) };
  };
  return {
    ref: policyRef(policy),
    benefits,
    nothingPaid: benefits.map(() => 0),
    death: applicable('death'),
    disability: applicable('disability'),
    illness: applicable('hospitalisation', 'illness'),
    accident: applicable('hospitalisation', 'accident'),
    maximumSubsidy,
  };
}

/**
 * A member's ledger in whole fen, as the fast path carries it from claim to claim. The public
 * ledger, with its Decimals and frozen objects, is made from it only when read.
 */
export class LedgerInFen {
  #ledger: Ledger | undefined;

  constructor(
    readonly policy: CompiledPolicy,
    /** The ledger the fast path started from: the owner, and any amounts of benefits the policy lacks. */
    readonly base: Ledger,
    readonly total: number,
    /** What each benefit of the policy has paid, by its index. */
    readonly amounts: readonly number[],
    /** Benefits with a line since `base`, in the order of their first line: how `byBenefit` lists them. */
    readonly paidSinceBase: readonly number[],
    /** The claims settled: the first `claimCount` of the log. */
    readonly claimIds: ClaimIdLog,
    readonly claimCount: number,
  ) {}

  toLedger(): Ledger {
    return (this.#ledger ??= new FenBackedLedger(this));
  }
}

/**
 * A public ledger made from a ledger in fen, which it keeps privately, so that the next claim
 * given it reads the fen without converting Decimals back.
 */
class FenBackedLedger extends LoggedLedger {
  readonly #fen: LedgerInFen;

  constructor(fen: LedgerInFen) {
    // As the reference path writes it: the base's amounts in their order, then each new benefit.
    const byBenefit: Record<string, Decimal> = { ...fen.base.byBenefit };
    for (const index of fen.paidSinceBase) byBenefit[fen.policy.benefits[index]!.benefit.id] = moneyFromFen(fen.amounts[index]!);
    const { scheme, year, memberId } = fen.base;
    super(scheme, year, memberId, moneyFromFen(fen.total), Object.freeze(byBenefit), fen.claimIds, fen.claimCount);
    this.#fen = fen;
    Object.freeze(this);
  }

  static fenOf(ledger: unknown): LedgerInFen | undefined {
    return typeof ledger === 'object' && ledger !== null && #fen in ledger ? (ledger as FenBackedLedger).#fen : undefined;
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

/** The ledger in fen for this compiled policy: kept by the fast path, read from Decimals otherwise. */
function inFen(ledger: Ledger | LedgerInFen, policy: CompiledPolicy): LedgerInFen {
  const kept = ledger instanceof LedgerInFen ? ledger : FenBackedLedger.fenOf(ledger);
  if (kept !== undefined && kept.policy === policy) return kept;
  const base = toLedger(ledger);
  const paidFor = (id: string) => (Object.hasOwn(base.byBenefit, id) ? fenOf(base.byBenefit[id]!) : 0);
  // Most years start empty; amounts are never changed in place, so one list of zeros serves them all.
  const amounts = isEmpty(base.byBenefit) ? policy.nothingPaid : policy.benefits.map((compiledBenefit) => paidFor(compiledBenefit.benefit.id));
  const { log, count } = claimIdLog(base);
  return new LedgerInFen(policy, base, fenOf(base.total), amounts, NONE_PAID, log, count);
}

/** Not frozen, as `nothingPaid`: it is only ever copied. */
const NONE_PAID: readonly number[] = [];

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
 * A claim's lines in fen, three numbers a line in the order of its applicable benefits: what
 * it pays, what its formula gave, and which cap cut it (an index into CUT_BY). Plain numbers
 * in one array: a result keeps them until its lines are read, which most never are.
 */
type LineFigures = number[];
const FIGURES = 3;
const CUT_BY: readonly (CapKind | null)[] = [null, 'perClaim', 'perYear', 'maximumSubsidy'];

/** The ledger in fen after the claim's lines. */
function ledgerAfter(before: LedgerInFen, claimId: string, applicable: Applicable, figures: LineFigures, paidThisClaim: number): LedgerInFen {
  const amounts = before.amounts.slice();
  let paidSinceBase = before.paidSinceBase;
  for (let line = 0; line < applicable.benefits.length; line += 1) {
    const index = applicable.benefits[line]!.index;
    amounts[index]! += figures[line * FIGURES]!;
    // After a member's first claim the benefits are usually all listed, and the list is shared.
    if (!paidSinceBase.includes(index)) paidSinceBase = [...paidSinceBase, index];
  }
  const claimIds = before.claimIds.append(before.claimCount, claimId);
  return new LedgerInFen(before.policy, before.base, before.total + paidThisClaim, amounts, paidSinceBase, claimIds, before.claimCount + 1);
}

/** What a benefit's line on this claim cites and warns of. */
function sourcesFor(compiledBenefit: CompiledBenefit, claim: PlainClaim): LineSources {
  return compiledBenefit.covers(claim) ? compiledBenefit.covered : compiledBenefit.uncovered;
}

/** The benefits that pay on this claim. */
function applicableTo(policy: CompiledPolicy, claim: PlainClaim): Applicable {
  return claim.kind === 'hospitalisation' ? policy[claim.cause!] : policy[claim.kind];
}

/**
 * Settles the checked copy of a plain claim in fen, or answers undefined when the reference
 * path must do it. It answers the result and the ledger after the claim in fen, for the next claim.
 */
export function settleFast(policy: Policy, member: Member, claim: PlainClaim, ledger: Ledger | LedgerInFen): FastSettlement | undefined {
  const compiledPolicy = compile(policy);
  if (compiledPolicy === null) return undefined;
  const date = eventDate(policy, claim);
  const applicable = applicableTo(compiledPolicy, claim);
  if (!isEligible(policy, member, date) || applicable.benefits.length === 0) return undefined;
  const before = inFen(ledger, compiledPolicy);
  if (before.claimIds.has(claim.id, before.claimCount)) return undefined;

  const { mode, at } = policy.conventions.rounding;
  const maximum = compiledPolicy.maximumSubsidy;
  let allCovered = true;
  let illustrative = false;
  // Reasons a line adds (a grade left out, a cap), made only when there are some.
  let added: Message[] | undefined;
  // Sized up front: pushing onto [] would reserve 17 slots for a claim's one or two lines.
  const figures: LineFigures = new Array<number>(applicable.benefits.length * FIGURES);
  let paidThisClaim = 0;
  for (let line = 0; line < applicable.benefits.length; line += 1) {
    const compiledBenefit = applicable.benefits[line]!;
    const beforeCaps = compiledBenefit.formula(claim, mode, at === 'eachStep');
    if (beforeCaps === undefined) return undefined;
    const benefit = compiledBenefit.benefit;
    const covered = compiledBenefit.covers(claim);
    if (!covered) {
      (added ??= []).push(message('GRADE_NOT_COVERED', { benefit: benefit.label, grade: claim.grade }));
      allCovered = false;
    }
    let amount = beforeCaps;
    let cut = 0;
    let cutLimit = 0;
    if (amount > compiledBenefit.perClaim) (amount = compiledBenefit.perClaim), (cut = 1), (cutLimit = compiledBenefit.perClaim);
    const leftThisYear = Math.max(0, compiledBenefit.perYear - before.amounts[compiledBenefit.index]!);
    if (amount > leftThisYear) (amount = leftThisYear), (cut = 2), (cutLimit = compiledBenefit.perYear);
    if (maximum !== undefined) {
      const remaining = Math.max(0, maximum.limit - before.total - paidThisClaim);
      if (amount > remaining) (amount = remaining), (cut = 3), (cutLimit = maximum.limit);
    }
    if (cut !== 0) {
      (added ??= []).push(message('CAP_REACHED', { benefit: benefit.label, cap: CUT_BY[cut]!, cut: fenText(beforeCaps - amount), limit: fenText(cutLimit) }));
    }
    illustrative ||= (covered ? compiledBenefit.covered : compiledBenefit.uncovered).illustrative;
    figures[line * FIGURES] = amount;
    figures[line * FIGURES + 1] = beforeCaps;
    figures[line * FIGURES + 2] = cut;
    paidThisClaim += amount;
  }
  // Past 2^53 fen a ledger would no longer add up exactly: the reference path takes over.
  if (before.total + paidThisClaim > SAFE) return undefined;
  // A grade table that leaves the grade out cites less: then the warnings are the lines' own.
  let warnings = applicable.warnings;
  if (!allCovered) {
    const own: Message[] = [];
    for (const compiledBenefit of applicable.benefits) addWarnings(own, sourcesFor(compiledBenefit, claim).warnings);
    warnings = Object.freeze(own);
  }

  const after = ledgerAfter(before, claim.id, applicable, figures, paidThisClaim);
  const settlement = new FastSettlement(policy, claim, ledger, applicable, figures, after);
  settlement.result = new SettledClaim(
    claim.id,
    member.id,
    claim.kind,
    date,
    compiledPolicy.ref,
    true,
    added === undefined ? applicable.reasons : deepFreeze([...applicable.reasons, ...added]),
    moneyFromFen(paidThisClaim),
    warnings,
    illustrative,
    settlement,
  );
  return settlement;
}

/**
 * A claim the fast path settled: its result, the ledger after it in fen, and what the result's
 * lines and ledger are made from: the policy, the checked copy of the claim and huzhu's own
 * ledgers, nothing of the caller's.
 */
export class FastSettlement implements ResultDetails {
  declare result: ClaimResult;
  /** The copy as a Claim, made for the first line whose steps are read. */
  #claim: Claim | undefined;

  constructor(
    private readonly policy: Policy,
    private readonly claim: PlainClaim,
    private readonly before: Ledger | LedgerInFen,
    private readonly applicable: Applicable,
    private readonly figures: LineFigures,
    readonly after: LedgerInFen,
  ) {}

  lines(): readonly BenefitLine[] {
    let paidBefore = 0;
    return this.applicable.benefits.map((compiledBenefit, line) => {
      const fen = this.figures[line * FIGURES]!;
      const beforeCaps = this.figures[line * FIGURES + 1]!;
      const sources = sourcesFor(compiledBenefit, this.claim);
      const amount = moneyFromFen(fen);
      const paidThisClaim = paidBefore;
      paidBefore += fen;
      return new Line(
        {
          benefit: compiledBenefit.benefit.id,
          label: compiledBenefit.benefit.label,
          amount,
          amountBeforeCaps: beforeCaps === fen ? amount : moneyFromFen(beforeCaps),
          cappedBy: CUT_BY[this.figures[line * FIGURES + 2]!]!,
          citations: sources.citations,
          illustrative: sources.illustrative,
        },
        () => this.#steps(compiledBenefit.benefit, paidThisClaim),
      );
    });
  }

  ledger(): Ledger {
    return this.after.toLedger();
  }

  /** A line's steps, by the reference path, run only if something asks for them; `paidThisClaim` is what earlier lines took, in fen. */
  #steps(benefit: Benefit, paidThisClaim: number) {
    this.#claim ??= claimOf(this.claim);
    return settleBenefit(this.policy, benefit, this.#claim, toLedger(this.before), moneyFromFen(paidThisClaim)).line.steps;
  }
}
