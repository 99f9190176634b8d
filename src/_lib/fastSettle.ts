/**
 * The fast path of settlement: the same rules as `settleClaim`, computed in whole fen with
 * plain integers wherever that is provably exact. What a line cites and warns of is fixed by
 * the policy, so it is worked out once per policy (`compile`); the steps, which cost more to
 * write than the settlement, are left to `settleClaim` itself, the reference, on first read.
 * Whenever a claim is outside what this path does exactly (a refusal, a `bracket` formula, a
 * product past 2^53), it answers `undefined` and the caller takes the reference path.
 * Property tests check that both paths give the same JSON, byte for byte.
 */
import { Dec, type Decimal } from './decimal';
import type { Claim, ClaimInput, Member } from './inputSchemas';
import type { Ledger } from './ledger';
import { moneyFromFen, type RoundingMode } from './money';
import { message, type Message } from './messages';
import type { Benefit, Parameter, Policy } from './policySchema';
import { benefitsFor, deepFreeze, eligibilityReasons, eventDate, Line, policyRef, settleClaim, type CapKind, type ClaimResult } from './settle';
import { illustrativeWarnings, type Citation } from './trace';
import { dayNumber, fenOfPlain } from './plainInput';

/** The part of a ledger the fast path needs, in fen. */
interface FenLedger {
  readonly total: number;
  readonly byBenefit: ReadonlyMap<string, number>;
}

/** A ratio as an exact fraction num / den, den a power of ten. */
interface Ratio {
  readonly num: number;
  readonly den: number;
}

type Compiled = (claim: ClaimInput, mode: RoundingMode, eachStep: boolean) => number | undefined;

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
      return (claim) => {
        if (claim.kind !== 'hospitalisation') return undefined;
        const nights = dayNumber(claim.discharge) - dayNumber(claim.admission);
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
      const den = Math.max(...tiers.map((tier) => tier.ratio.den));
      const base = formula.base;
      return (claim, mode, eachStep) => {
        if (claim.kind !== 'hospitalisation') return undefined;
        const cost = fenOfPlain(claim.costs[base] as string);
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

/** A benefit in fen, with what its line cites and warns of: fixed by the policy, not the claim. */
interface CompiledBenefit {
  readonly formula: Compiled;
  readonly caps: readonly { readonly kind: 'perClaim' | 'perYear'; readonly limit: number }[];
  /** The citations when the formula pays, and when a grade table leaves the grade out. */
  readonly citations: readonly Citation[];
  readonly citationsUncovered: readonly Citation[];
  /** One warning per illustrative parameter among those citations. */
  readonly warnings: readonly Message[];
  readonly warningsUncovered: readonly Message[];
  /** For `gradeSchedule`: whether the table has the claim's grade. */
  readonly covers: (claim: ClaimInput) => boolean;
}

interface CompiledPolicy {
  readonly benefits: ReadonlyMap<Benefit, CompiledBenefit>;
  /** `benefitsFor` by claim kind and cause: a policy has few, and every claim asks. */
  readonly applicable: Map<string, { readonly benefits: Benefit[]; readonly reasons: readonly Message[] }>;
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

const compiled = new WeakMap<Policy, CompiledPolicy | null>();

/** The policy in fen, once per policy object; null when a benefit has no exact fast form. */
function compile(policy: Policy): CompiledPolicy | null {
  const known = compiled.get(policy);
  if (known !== undefined) return known;
  const maximum = policy.ceilings.maximumSubsidy;
  const maximumSubsidy = maximum && { limit: fen(maximum.value), citation: cite(maximum, 'ceilings.maximumSubsidy') };
  const benefits = new Map<Benefit, CompiledBenefit>();
  let result: CompiledPolicy | null = { benefits, maximumSubsidy, applicable: new Map() };
  // One warning object per parameter, so that the warnings of a claim dedupe by identity.
  const warningOf = new Map<string, Message>();
  const warningsFor = (citations: readonly Citation[]) =>
    Object.freeze(
      citations
        .filter((citation) => citation.provenance.status === 'illustrative')
        .map((citation) => {
          if (!warningOf.has(citation.parameter)) warningOf.set(citation.parameter, deepFreeze(illustrativeWarnings([citation])[0]!));
          return warningOf.get(citation.parameter)!;
        }),
    );
  for (const benefit of policy.benefits) {
    const formula = compileFormula(benefit, policy.conventions.dayCount);
    if (formula === undefined) {
      result = null;
      break;
    }
    const caps: CompiledBenefit['caps'][number][] = [];
    const capCitations: Citation[] = [];
    for (const kind of ['perClaim', 'perYear'] as const) {
      const cap = benefit.caps?.[kind];
      if (cap === undefined) continue;
      caps.push({ kind, limit: fen(cap.value) });
      capCitations.push(cite(cap, `benefits.${benefit.id}.caps.${kind}`));
    }
    const after = [...capCitations, ...(maximumSubsidy ? [maximumSubsidy.citation] : [])];
    const shares = benefit.formula.kind === 'gradeSchedule' ? benefit.formula.shares.value : undefined;
    const citations = Object.freeze([...formulaCitations(benefit, true), ...after]);
    const citationsUncovered = Object.freeze([...formulaCitations(benefit, false), ...after]);
    benefits.set(benefit, {
      formula,
      caps,
      citations,
      citationsUncovered,
      warnings: warningsFor(citations),
      warningsUncovered: warningsFor(citationsUncovered),
      covers: (claim) => shares === undefined || (claim.kind === 'disability' && Object.hasOwn(shares, String(claim.grade))),
    });
  }
  compiled.set(policy, result);
  return result;
}

/**
 * A ledger the fast path made: plain fields as any ledger, plus its amounts in fen in a
 * private field, so the next claim reads them without converting Decimals back.
 */
class FenBackedLedger implements Ledger {
  declare readonly scheme: string;
  declare readonly year: number;
  declare readonly memberId: string;
  declare readonly total: Decimal;
  declare readonly byBenefit: Readonly<Record<string, Decimal>>;
  declare readonly claimIds: readonly string[];
  readonly #fen: FenLedger;

  constructor(fields: Ledger, fen: FenLedger) {
    const self = this as { -readonly [K in keyof Ledger]: Ledger[K] };
    self.scheme = fields.scheme;
    self.year = fields.year;
    self.memberId = fields.memberId;
    self.total = fields.total;
    self.byBenefit = fields.byBenefit;
    self.claimIds = fields.claimIds;
    this.#fen = fen;
    Object.freeze(this);
  }

  static fenOf(ledger: unknown): FenLedger | undefined {
    return typeof ledger === 'object' && ledger !== null && #fen in ledger ? (ledger as FenBackedLedger).#fen : undefined;
  }
}

/** A ledger in fen: kept by the ledgers this path made, read from Decimals otherwise. */
function inFen(ledger: Ledger): FenLedger {
  return (
    FenBackedLedger.fenOf(ledger) ?? {
      total: ledger.total.times(100).toNumber(),
      byBenefit: new Map(Object.entries(ledger.byBenefit).map(([id, amount]) => [id, amount.times(100).toNumber()])),
    }
  );
}

/** Whether huzhu's fast path made this ledger: then it is frozen and valid, and need not be validated again. */
export function isOwnLedger(value: unknown): value is Ledger {
  return FenBackedLedger.fenOf(value) !== undefined;
}

/** `1234.5` yuan in fen (123450) as formatYuan writes it: `"1234.50"`. */
function fenText(amountInFen: number): string {
  return `${Math.floor(amountInFen / 100)}.${String(amountInFen % 100).padStart(2, '0')}`;
}

function ledgerAfter(ledger: Ledger, before: FenLedger, claimId: string, paid: readonly { benefit: Benefit; fen: number }[]): Ledger {
  const byBenefit = new Map(before.byBenefit);
  let total = before.total;
  for (const line of paid) {
    byBenefit.set(line.benefit.id, (byBenefit.get(line.benefit.id) ?? 0) + line.fen);
    total += line.fen;
  }
  // Amounts of benefits this claim did not pay are the previous ledger's, unchanged.
  const amounts: Record<string, Decimal> = { ...ledger.byBenefit };
  for (const line of paid) amounts[line.benefit.id] = moneyFromFen(byBenefit.get(line.benefit.id)!);
  return new FenBackedLedger(
    {
      scheme: ledger.scheme,
      year: ledger.year,
      memberId: ledger.memberId,
      total: moneyFromFen(total),
      byBenefit: Object.freeze(amounts),
      claimIds: Object.freeze([...ledger.claimIds, claimId]),
    },
    { total, byBenefit },
  );
}

/**
 * Settles a plain, validated claim in fen, or answers undefined when the reference path must
 * do it. `validClaim` gives the schema-parsed claim the reference path needs for explanations.
 */
export function settleFast(policy: Policy, member: Member, claim: ClaimInput, validClaim: () => Claim, ledger: Ledger): ClaimResult | undefined {
  const compiledPolicy = compile(policy);
  if (compiledPolicy === null) return undefined;
  const plain = claim as Claim;
  const date = eventDate(policy, plain);
  if (eligibilityReasons(policy, member, date).length > 0 || ledger.claimIds.includes(claim.id)) return undefined;
  const key = plain.kind === 'hospitalisation' ? `${plain.kind} ${plain.cause}` : plain.kind;
  let applicable = compiledPolicy.applicable.get(key);
  if (applicable === undefined) {
    const found = benefitsFor(policy, plain);
    applicable = { benefits: found.benefits, reasons: deepFreeze(found.reasons) };
    compiledPolicy.applicable.set(key, applicable);
  }
  if (applicable.benefits.length === 0) return undefined;

  const { mode, at } = policy.conventions.rounding;
  const before = inFen(ledger);
  const reasons: Message[] = [...applicable.reasons];
  const warnings: Message[] = [];
  const paid: { benefit: Benefit; fen: number; beforeCaps: number; cappedBy: CapKind | null; citations: readonly Citation[] }[] = [];
  let paidThisClaim = 0;
  for (const benefit of applicable.benefits) {
    const compiledBenefit = compiledPolicy.benefits.get(benefit)!;
    const beforeCaps = compiledBenefit.formula(claim, mode, at === 'eachStep');
    if (beforeCaps === undefined) return undefined;
    const covered = compiledBenefit.covers(claim);
    if (!covered) reasons.push(message('GRADE_NOT_COVERED', { benefit: benefit.label, grade: (claim as { grade: number }).grade }));
    let amount = beforeCaps;
    let cappedBy: CapKind | null = null;
    let cappedLimit = 0;
    for (const cap of compiledBenefit.caps) {
      const remaining = cap.kind === 'perClaim' ? cap.limit : Math.max(0, cap.limit - (before.byBenefit.get(benefit.id) ?? 0));
      if (amount > remaining) (amount = remaining), (cappedBy = cap.kind), (cappedLimit = cap.limit);
    }
    const maximum = compiledPolicy.maximumSubsidy;
    if (maximum !== undefined) {
      const remaining = Math.max(0, maximum.limit - before.total - paidThisClaim);
      if (amount > remaining) (amount = remaining), (cappedBy = 'maximumSubsidy'), (cappedLimit = maximum.limit);
    }
    if (cappedBy !== null) {
      reasons.push(message('CAP_REACHED', { benefit: benefit.label, cap: cappedBy, cut: fenText(beforeCaps - amount), limit: fenText(cappedLimit) }));
    }
    const citations = covered ? compiledBenefit.citations : compiledBenefit.citationsUncovered;
    // Warnings are one object per parameter (see compile), so identity finds the repeats.
    for (const warning of covered ? compiledBenefit.warnings : compiledBenefit.warningsUncovered) {
      if (!warnings.includes(warning)) warnings.push(warning);
    }
    paid.push({ benefit, fen: amount, beforeCaps, cappedBy, citations });
    paidThisClaim += amount;
  }

  // The reference settlement, run only if something asks for the steps.
  let reference: ClaimResult | undefined;
  const explained = () => (reference ??= settleClaim(policy, member, validClaim(), ledger));
  const lines = paid.map((line, index) => {
    const amount = moneyFromFen(line.fen);
    return new Line(
      {
        benefit: line.benefit.id,
        label: line.benefit.label,
        amount,
        amountBeforeCaps: line.beforeCaps === line.fen ? amount : moneyFromFen(line.beforeCaps),
        cappedBy: line.cappedBy,
        citations: line.citations,
        illustrative: line.citations.some((citation) => citation.provenance.status === 'illustrative'),
      },
      () => explained().lines[index]!.steps,
    );
  });
  return Object.freeze({
    claimId: claim.id,
    memberId: member.id,
    kind: claim.kind,
    eventDate: date,
    policy: policyRef(policy),
    eligible: true,
    reasons: deepFreeze(reasons),
    total: moneyFromFen(paidThisClaim),
    lines: Object.freeze(lines),
    ledger: ledgerAfter(ledger, before, claim.id, paid),
    warnings: Object.freeze(warnings),
    illustrative: lines.some((line) => line.illustrative),
  });
}
