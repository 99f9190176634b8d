/**
 * The test oracle: the 0.4 rules (docs/rule-model.md) settled the plain way,
 * in decimal.js at a precision nothing here can exhaust, one claim after another. It is written
 * from the rule model and the policy schema, not from the engine, and kept short so that a
 * reader can check it line by line; test/properties.test.ts holds the engine to it.
 *
 * What the model leaves open, the oracle decides as follows (and the engine must agree):
 * - a refused claim changes nothing in the ledger: it takes no stay number and no claim id;
 * - a stay's number counts the year's stays that were not refused, this one included;
 * - a benefit whose cause or `when` does not hold has no line (a reason says why); every other
 *   benefit of the claim's kind has a line, 0 included; a claim left without lines is refused;
 * - caps cut in the order perClaim, perYear, maximumSubsidy, then the limit of paid claims
 *   (only a line still above 0), and `cappedBy` names the last that cut;
 * - a benefit's "paid claims" are its lines above 0; a paid stay is a stay whose total is above 0;
 * - the days a per-day line paid count against the year's limit when the line paid anything,
 *   however a cap cut its money; the deductible a stay took counts whatever the line paid.
 * A fact a condition reads that the member or claim lacks (a birth date, an attribute, an
 * enrolment's `enrolledOn` where cover starts the day after) is an input error of the engine's;
 * the oracle is only asked about members and claims that have every fact.
 * Both read the claims the caller gave: the oracle takes amounts as text, numbers or Decimals
 * by their decimal text, so it shares no input reading with the engine either.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import type { ClaimInput, LedgerInput, MemberInput, Policy } from '../../src';
import type { Condition } from '../../src/_lib/conditionSchema';

const D = DecimalJs.clone({ precision: 200 });
type D = InstanceType<typeof D>;
type Money = string | number | { toString(): string };

const ZERO = new D(0);
const money = (amount: Money | undefined): D => new D(amount === undefined ? 0 : amount.toString());
const ROUNDING = { halfUp: D.ROUND_HALF_UP, halfEven: D.ROUND_HALF_EVEN, down: D.ROUND_DOWN, up: D.ROUND_UP } as const;

/** Whole days from `a` to `b` (YYYY-MM-DD), by UTC calendar days. */
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface OracleLine {
  benefit: string;
  amount: string;
  amountBeforeCaps: string;
  cappedBy: string | null;
}
export interface OracleResult {
  claimId: string;
  eligible: boolean;
  /** Reason codes, sorted: the oracle says which reasons, not in which order they are told. */
  reasons: string[];
  total: string;
  lines: OracleLine[];
}
export interface OracleYear {
  results: OracleResult[];
  total: string;
}

interface Usage {
  claims: number;
  days: number;
  deductible: D;
}
interface Book {
  total: D;
  byBenefit: Map<string, D>;
  claimIds: Set<string>;
  stays: number;
  paidStays: number;
  usage: Map<string, Usage>;
}

/** What a condition can look at. */
interface Facts {
  member: MemberInput;
  claim: ClaimInput;
  date: string;
  stayNumber?: number;
  days?: number;
  continuing: boolean;
  /** A diagnosis's class in the policy's list, and whether it was first diagnosed before the member's unbroken cover began. */
  conditionClass?: string;
  preExisting?: boolean;
}

const oneOf = <T>(wanted: T | readonly T[], actual: T | undefined) => actual !== undefined && (Array.isArray(wanted) ? wanted : [wanted]).includes(actual);
const inRange = (range: { from?: number | string; to?: number | string }, value: number | string | undefined) =>
  value !== undefined && (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to);

function ageOn(birthDate: string | undefined, date: string): number | undefined {
  if (birthDate === undefined) return undefined;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function holds(condition: Condition, facts: Facts): boolean {
  const { member, claim } = facts;
  const stay = claim.kind === 'hospitalisation' ? claim : undefined;
  const checks: boolean[] = [
    ...Object.entries(condition.flags ?? {}).map(([name, wanted]) => (member.flags?.[name] === true) === wanted),
    ...Object.entries(condition.member ?? {}).map(([name, wanted]) => oneOf(wanted, member.attributes?.[name])),
    ...Object.entries(condition.claim ?? {}).map(([name, wanted]) => oneOf(wanted, claim.attributes?.[name])),
  ];
  if (condition.cause !== undefined) checks.push(oneOf(condition.cause, stay?.cause));
  if (condition.stayNumber !== undefined) checks.push(inRange(condition.stayNumber, facts.stayNumber));
  if (condition.days !== undefined) checks.push(inRange(condition.days, facts.days));
  if (condition.eventDate !== undefined) checks.push(inRange(condition.eventDate, facts.date));
  if (condition.discharge !== undefined) checks.push(inRange(condition.discharge, stay?.discharge));
  if (condition.sex !== undefined) checks.push(member.sex === condition.sex);
  if (condition.age !== undefined) checks.push(inRange(condition.age, ageOn(member.birthDate, facts.date)));
  if (condition.continuing !== undefined) checks.push(facts.continuing === condition.continuing);
  const diagnosis = claim.kind === 'diagnosis' ? claim : undefined;
  if (condition.conditionClass !== undefined) checks.push(oneOf(condition.conditionClass, facts.conditionClass));
  if (condition.patient !== undefined) checks.push(diagnosis !== undefined && (diagnosis.patient ?? 'member') === condition.patient);
  if (condition.preExisting !== undefined) checks.push(diagnosis !== undefined && facts.preExisting === condition.preExisting);
  if (condition.anyOf !== undefined) checks.push(condition.anyOf.some((inner) => holds(inner, facts)));
  return checks.every(Boolean);
}

/** A parameter's value: the first variant whose condition holds, else its own. */
function valueOf<T>(parameter: { value: T; variants?: readonly { when: Condition; value: T }[] }, facts: Facts): T {
  return parameter.variants?.find((variant) => holds(variant.when, facts))?.value ?? parameter.value;
}

type Benefit = Policy['benefits'][number];
type Formula = Benefit['formula'];

interface FormulaOutcome {
  amount: D;
  reasons: string[];
  days?: number;
  deductibleTaken?: D;
}

function runFormula(formula: Formula, facts: Facts, used: Usage, step: (amount: D) => D): FormulaOutcome {
  const { claim } = facts;
  const costs = claim.kind === 'hospitalisation' || claim.kind === 'outpatient' || claim.kind === 'diagnosis' ? claim.costs : undefined;
  const cost = (field: string) => money(costs?.[field as keyof typeof costs] as Money | undefined);
  switch (formula.kind) {
    case 'lumpSum':
      return { amount: new D(valueOf(formula.amount, facts)), reasons: [] };
    case 'byCondition': {
      const amount = valueOf(formula.amounts, facts)[facts.conditionClass!];
      if (amount === undefined) return { amount: ZERO, reasons: ['CONDITION_CLASS_NOT_COVERED'] };
      return { amount: step(new D(amount).times(formula.ratio ? valueOf(formula.ratio, facts) : 1)), reasons: [] };
    }
    case 'gradeSchedule': {
      const share = claim.kind === 'disability' ? valueOf(formula.shares, facts)[String(claim.grade) as '1'] : undefined;
      if (share === undefined) return { amount: ZERO, reasons: ['GRADE_NOT_COVERED'] };
      return { amount: step(new D(valueOf(formula.maximum, facts)).times(share)), reasons: [] };
    }
    case 'perDay': {
      const first = formula.firstPaidDay ? valueOf(formula.firstPaidDay, facts) : 1;
      let days = Math.max(0, facts.days! - first + 1);
      if (formula.maxDays) days = Math.min(days, valueOf(formula.maxDays, facts));
      if (formula.maxDaysPerYear) days = Math.min(days, Math.max(0, valueOf(formula.maxDaysPerYear, facts) - used.days));
      return { amount: step(new D(valueOf(formula.amount, facts)).times(days)), reasons: [], days };
    }
    case 'bracket': {
      const measured = cost(formula.measure);
      const brackets = valueOf(formula.brackets, facts);
      const inside = brackets.find(
        (b) => measured.gte(b.from) && (b.to === undefined || measured.lt(b.to) || (b.toIncluded === true && measured.eq(b.to))),
      );
      if (inside !== undefined) return { amount: new D(inside.amount ?? 0), reasons: [] };
      return { amount: ZERO, reasons: [measured.lt(brackets[0]!.from) ? 'BELOW_THRESHOLD' : 'ABOVE_TOP_BRACKET'] };
    }
    case 'bands': {
      const fields = typeof formula.base === 'string' ? [formula.base] : formula.base;
      const base = fields.reduce((sum, field) => sum.plus(cost(field)), ZERO);
      if (formula.threshold && base.lt(valueOf(formula.threshold, facts))) return { amount: ZERO, reasons: ['BELOW_THRESHOLD'] };
      const deductible = formula.deductible ? new D(valueOf(formula.deductible, facts)) : ZERO;
      const left = formula.deductibleScope === 'year' ? D.max(0, deductible.minus(used.deductible)) : deductible;
      const taken = D.min(base, left);
      // The bands read `measured`; of it, the part below `unpaidBelow` is not paid.
      const measured = formula.measure === 'afterDeductible' ? base.minus(taken) : base;
      const unpaidBelow = formula.measure === 'base' ? taken : ZERO;
      const bands = valueOf(formula.bands, facts);
      let amount = ZERO;
      if (formula.method === 'progressive') {
        let lower = ZERO;
        for (const band of bands) {
          const upper = band.upTo === undefined ? measured : D.min(measured, band.upTo);
          const part = D.max(0, upper.minus(D.max(lower, unpaidBelow)));
          amount = amount.plus(step(part.times(band.ratio)));
          if (band.upTo !== undefined) lower = new D(band.upTo);
        }
      } else {
        const band = bands.find((b) => b.upTo === undefined || measured.lt(b.upTo) || (b.upToIncluded !== false && measured.eq(b.upTo)))!;
        amount = step(measured.minus(unpaidBelow).times(band.ratio));
      }
      // Only a deductible shared by the year's stays is carried from one stay to the next.
      return { amount, reasons: [], deductibleTaken: formula.deductibleScope === 'year' ? taken : ZERO };
    }
  }
}

/** Why the member cannot claim at all; empty when they can. */
function refusals(policy: Policy, facts: Facts, book: Book): string[] {
  const { member, claim, date } = facts;
  const eligibility = policy.eligibility;
  const scheme = eligibility.enrolmentScheme ?? policy.scheme;
  const reasons: string[] = [];
  if (date < policy.validFrom || (policy.validTo !== undefined && date > policy.validTo)) reasons.push('OUTSIDE_POLICY_PERIOD');
  const enrolment = member.enrolments.find(
    (e) => e.scheme === scheme && (scheme !== policy.scheme || e.year === policy.year) && e.from <= date && date <= e.to,
  );
  if (enrolment === undefined) reasons.push('NOT_ENROLLED');
  for (const requirement of eligibility.requires ?? []) if (!holds(requirement.when, facts)) reasons.push('REQUIREMENT_NOT_MET');
  if (enrolment !== undefined && eligibility.coverStarts === 'dayAfterEnrolment' && enrolment.enrolledOn !== undefined && date <= enrolment.enrolledOn) {
    reasons.push('NOT_YET_COVERED');
  }
  const waiting = eligibility.waitingPeriod;
  if (enrolment !== undefined && waiting !== undefined) {
    const previousEnd = member.enrolments
      .filter((e) => e.scheme === scheme && e.to < enrolment.from)
      .reduce<string | undefined>((latest, e) => (latest === undefined || e.to > latest ? e.to : latest), undefined);
    // A renewal the day after the last cover ended is no first enrolment; a waiver of M days stretches that to M.
    const within = Math.max(1, waiting.waivedIfRenewedWithin ? valueOf(waiting.waivedIfRenewedWithin, facts) : 1);
    const waived = previousEnd !== undefined && daysBetween(previousEnd, enrolment.from) <= within;
    if (!waived && daysBetween(enrolment.from, date) < valueOf(waiting.days, facts)) reasons.push('WAITING_PERIOD');
  }
  const deadline = eligibility.filingDeadline;
  if (deadline !== undefined && claim.filedOn !== undefined) {
    const last =
      'daysAfter' in deadline
        ? addDays(deadline.from === 'discharge' && claim.kind === 'hospitalisation' ? claim.discharge : date, valueOf(deadline.daysAfter, facts))
        : `${policy.year + 1}-${valueOf(deadline.nextYearOn, facts)}`;
    if (claim.filedOn > last) reasons.push('FILED_LATE');
  }
  if (claim.kind === 'hospitalisation' && eligibility.maxPaidStays && book.paidStays >= valueOf(eligibility.maxPaidStays, facts)) reasons.push('MAX_PAID_STAYS');
  if (book.claimIds.has(claim.id)) reasons.push('DUPLICATE_CLAIM');
  return reasons;
}

function settleOne(policy: Policy, member: MemberInput, claim: ClaimInput, book: Book): OracleResult {
  const stay = claim.kind === 'hospitalisation' ? claim : undefined;
  const date = stay ? (policy.conventions.yearBy === 'admission' ? stay.admission : stay.discharge) : (claim as { date: string }).date;
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  const facts: Facts = {
    member,
    claim,
    date,
    stayNumber: stay ? book.stays + 1 : undefined,
    days: stay ? Math.max(1, daysBetween(stay.admission, stay.discharge) + (policy.conventions.dayCount === 'includeBothDays' ? 1 : 0)) : undefined,
    continuing: member.enrolments.some((e) => e.scheme === scheme && e.year === policy.year - 1),
  };
  const diagnosis = claim.kind === 'diagnosis' ? claim : undefined;
  if (diagnosis !== undefined) {
    facts.conditionClass = policy.conditions?.list[diagnosis.condition]?.class;
    // The cover's start: back from the cover holding the date, over covers that reach the day before it.
    let start = member.enrolments.filter((e) => e.scheme === scheme && e.from <= date && date <= e.to).reduce((first, e) => (e.from < first ? e.from : first), date);
    for (let earlier: string | undefined = start; earlier !== undefined; ) {
      earlier = member.enrolments.filter((e) => e.scheme === scheme && e.from < start && addDays(e.to, 1) >= start).reduce<string | undefined>((first, e) => (first === undefined || e.from < first ? e.from : first), undefined);
      if (earlier !== undefined) start = earlier;
    }
    facts.preExisting = diagnosis.firstDiagnosed !== undefined && diagnosis.firstDiagnosed < start;
  }
  const refused = (reasons: string[]): OracleResult => ({ claimId: claim.id, eligible: false, reasons: reasons.sort(), total: '0.00', lines: [] });

  const reasons = refusals(policy, facts, book);
  if (reasons.length > 0) return refused(reasons);
  const ofKind = policy.benefits.filter((b) => b.event === claim.kind);
  const covered = ofKind.filter((b) => b.causes === undefined || b.causes.includes(stay!.cause));
  reasons.push(...Array(ofKind.length - covered.length).fill('CAUSE_NOT_COVERED'));
  if (covered.length === 0) return refused([...reasons, 'NO_BENEFIT_FOR_EVENT']);
  if (diagnosis !== undefined && facts.conditionClass === undefined) return refused(['CONDITION_NOT_LISTED']);
  const onCosts = covered.filter((b) => (b.formula.kind === 'bands' || b.formula.kind === 'bracket') && (b.when === undefined || holds(b.when, facts)));
  if (diagnosis !== undefined && diagnosis.costs === undefined && onCosts.length > 0) return refused(onCosts.map(() => 'COSTS_REQUIRED'));

  const { mode, at } = policy.conventions.rounding;
  const round = (amount: D) => amount.toDecimalPlaces(2, ROUNDING[mode]);
  const lines: OracleLine[] = [];
  let paid = ZERO;
  for (const benefit of covered) {
    if (benefit.when !== undefined && !holds(benefit.when, facts)) {
      reasons.push('CONDITION_NOT_MET');
      continue;
    }
    const used = book.usage.get(benefit.id) ?? { claims: 0, days: 0, deductible: ZERO };
    const outcome = runFormula(benefit.formula, facts, used, at === 'eachStep' ? round : (amount) => amount);
    reasons.push(...outcome.reasons);
    const beforeCaps = round(outcome.amount);
    let amount = beforeCaps;
    let cappedBy: string | null = null;
    const caps = benefit.caps;
    const limits: [string, D | undefined][] = [
      ['perClaim', caps?.perClaim && new D(valueOf(caps.perClaim, facts))],
      ['perYear', caps?.perYear && D.max(0, new D(valueOf(caps.perYear, facts)).minus(book.byBenefit.get(benefit.id) ?? 0))],
      ['maximumSubsidy', policy.ceilings.maximumSubsidy && D.max(0, new D(valueOf(policy.ceilings.maximumSubsidy, facts)).minus(book.total).minus(paid))],
      // A line the money caps leave at 0 is not a paid claim, so the limit of paid claims does not cut it.
      ['claimsPerYear', caps?.claimsPerYear && used.claims >= valueOf(caps.claimsPerYear, facts) ? ZERO : undefined],
    ];
    for (const [kind, limit] of limits) {
      if (limit !== undefined && amount.gt(limit)) [amount, cappedBy] = [limit, kind];
    }
    if (cappedBy !== null) reasons.push(cappedBy === 'claimsPerYear' ? 'CLAIMS_PER_YEAR_REACHED' : 'CAP_REACHED');
    lines.push({ benefit: benefit.id, amount: amount.toFixed(2), amountBeforeCaps: beforeCaps.toFixed(2), cappedBy });
    paid = paid.plus(amount);
    book.byBenefit.set(benefit.id, (book.byBenefit.get(benefit.id) ?? ZERO).plus(amount));
    book.usage.set(benefit.id, {
      claims: used.claims + (amount.gt(0) ? 1 : 0),
      days: used.days + (amount.gt(0) ? (outcome.days ?? 0) : 0),
      deductible: used.deductible.plus(outcome.deductibleTaken ?? 0),
    });
  }
  if (lines.length === 0) return refused(reasons);
  book.total = book.total.plus(paid);
  book.claimIds.add(claim.id);
  if (stay) {
    book.stays += 1;
    if (paid.gt(0)) book.paidStays += 1;
  }
  return { claimId: claim.id, eligible: true, reasons: reasons.sort(), total: paid.toFixed(2), lines };
}

/** Settles a member's claims in event-date order (ties in the order given), from `ledger` or nothing. */
export function oracleYear(policy: Policy, member: MemberInput, claims: readonly ClaimInput[], ledger?: LedgerInput): OracleYear {
  const book: Book = {
    total: money(ledger?.total),
    byBenefit: new Map(Object.entries(ledger?.byBenefit ?? {}).map(([id, amount]) => [id, money(amount)])),
    claimIds: new Set(ledger?.claimIds ?? []),
    stays: ledger?.stays ?? 0,
    paidStays: ledger?.paidStays ?? 0,
    usage: new Map(Object.entries(ledger?.usage ?? {}).map(([id, u]) => [id, { claims: u.claims, days: u.days, deductible: money(u.deductible) }])),
  };
  const dated = claims.map((claim) => ({
    claim,
    date: claim.kind === 'hospitalisation' ? (policy.conventions.yearBy === 'admission' ? claim.admission : claim.discharge) : claim.date,
  }));
  const results = [...dated].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map(({ claim }) => settleOne(policy, member, claim, book));
  return { results, total: results.reduce((sum, r) => sum.plus(r.total), ZERO).toFixed(2) };
}
