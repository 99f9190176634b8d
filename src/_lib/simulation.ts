// What simulateBook adds up and mergeSimulations combines: the running tally in whole fen, and
// its conversion to and from the public result. Both directions live here so that a merged
// result is made by the very code that makes a whole one, and the two cannot drift apart.
import { Dec, Decimal } from './decimal';
import { InvalidInputError } from './errors';
import type { Language } from './messages';
import { toMoney } from './money';
import type { Label, Payer } from './policySchema';
import type { CapKind, PolicyRef } from './result';

/** What one version paid on the book. */
export interface VersionOutcome {
  readonly policy: PolicyRef;
  /** Members whose claims this version does not govern, so it was applied as a what-if (re-dated to their protection year). */
  readonly whatIfMembers: number;
  readonly total: Decimal;
  /** Paid by each benefit of the version, in the policy's order, unpaid benefits included. */
  readonly byBenefit: readonly { readonly benefit: string; readonly label: Label; readonly amount: Decimal }[];
  /** Claims that paid something. */
  readonly claimsPaid: number;
  /** Claims accepted that paid nothing (a cap used up, an amount decided on application, …). */
  readonly claimsUnpaid: number;
  readonly claimsRefused: number;
  /** Refused claims by reason code, codes in code-point order; a claim refused for two reasons counts under each. */
  readonly refusedByReason: readonly { readonly code: string; readonly claims: number }[];
  /** Claims cut by each cap (per claim, per year, maximum subsidy); a claim cut by two counts under each. */
  readonly cutByCap: readonly { readonly cap: CapKind; readonly claims: number }[];
  /** With a roster, and when the version has a contribution section: the income from `assessContributions`. */
  readonly contributions: ContributionTotals | null;
  /** Contributions minus payouts; null without contributions. */
  readonly balance: Decimal | null;
  /** Payouts ÷ contributions, to four decimals (half up); null without contributions or when they are 0. */
  readonly lossRatio: Decimal | null;
  /** Every illustrative (unpublished) parameter any figure of this version rests on, by parameter path. */
  readonly illustrativeParameters: readonly { readonly parameter: string; readonly label: Label }[];
}

/** Contribution income, in total and by payer. */
export interface ContributionTotals {
  readonly members: number;
  readonly total: Decimal;
  readonly byPayer: Readonly<Record<Payer, { readonly members: number; readonly amount: Decimal }>>;
}

/** One member among the largest changes. */
export interface SimulatedChange {
  readonly memberId: string;
  /** This version's total minus the baseline's. */
  readonly difference: Decimal;
  /** The baseline's total, then this version's. */
  readonly totals: readonly [Decimal, Decimal];
  /** The member and the claims as given (amounts as JSON writes them). */
  readonly member: unknown;
  readonly claims: readonly unknown[];
  /** The settlement of the year explained (`explain`), under the baseline and under this version. */
  readonly explanations: readonly [string, string];
}

/** One bin of the histogram: members whose difference lies in `from` … `to`, both included. */
export interface DifferenceBin {
  readonly from: Decimal;
  readonly to: Decimal;
  readonly members: number;
}

/** A quantile of the per-member difference: its exact value lies in `from` … `to`, both included. */
export interface DifferenceQuantile {
  readonly q: number;
  readonly from: Decimal;
  readonly to: Decimal;
}

/** One version against the baseline, member by member. */
export interface VersionComparison {
  readonly policy: PolicyRef;
  /** This version's total minus the baseline's. */
  readonly difference: Decimal;
  readonly better: number;
  readonly worse: number;
  readonly unchanged: number;
  /** The smallest and largest per-member difference, exact; null for an empty book. */
  readonly smallest: Decimal | null;
  readonly largest: Decimal | null;
  /** Members whose difference is not zero, in bins of `settings.binWidth`, lowest first; empty bins are left out. */
  readonly histogram: readonly DifferenceBin[];
  readonly quantiles: readonly DifferenceQuantile[];
  /** The members whose totals changed most (largest absolute difference first, ties by member id). */
  readonly largestChanges: readonly SimulatedChange[];
}

/** What a claims book costs under each policy version, and who gains or loses. */
export interface Simulation {
  readonly settings: {
    readonly binWidth: Decimal;
    readonly largest: number;
    readonly lang: Language;
  };
  readonly members: number;
  readonly claims: number;
  /** One per version, in the order given; the first is the baseline. */
  readonly versions: readonly VersionOutcome[];
  /** One per version after the first, against the first. */
  readonly comparisons: readonly VersionComparison[];
  /** True when any figure rests on an illustrative parameter. */
  readonly illustrative: boolean;
}

export const QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;
const CAPS: readonly CapKind[] = ['perClaim', 'perYear', 'maximumSubsidy'];
const PAYERS: readonly Payer[] = ['memberOrUnit', 'publicFunds', 'union'];

/** Whole fen of an amount with at most two decimals. */
export const fenOf = (amount: Decimal): number => Number(amount.toFixed(2).replace('.', ''));
const money = (fen: number): Decimal => toMoney(new Dec(fen).dividedBy(100));

/** Sums in whole fen stay exact only below 2^53 fen (90 trillion yuan): past that, refuse rather than round. */
function add(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('a simulated total exceeds 2^53 fen and cannot be kept exact');
  return sum;
}

const addTo = <K>(map: Map<K, number>, key: K, count: number) => map.set(key, add(map.get(key) ?? 0, count));

export interface ContributionTally {
  members: number;
  totalFen: number;
  readonly byPayer: Record<Payer, { members: number; fen: number }>;
}

export interface VersionTally {
  readonly policy: PolicyRef;
  readonly benefits: readonly { readonly benefit: string; readonly label: Label }[];
  whatIfMembers: number;
  totalFen: number;
  readonly byBenefitFen: Map<string, number>;
  claimsPaid: number;
  claimsUnpaid: number;
  claimsRefused: number;
  readonly refused: Map<string, number>;
  readonly cut: Map<CapKind, number>;
  readonly illustrative: Map<string, Label>;
  contributions: ContributionTally | null;
}

/** A member kept among the largest changes; its input as JSON text, so the tally owns it. */
export interface Candidate {
  readonly memberId: string;
  readonly differenceFen: number;
  readonly totalsFen: readonly [number, number];
  readonly input: string;
  /** Filled when the result is made, for the members still kept then. */
  explanations?: readonly [string, string];
}

export interface ComparisonTally {
  readonly policy: PolicyRef;
  differenceFen: number;
  better: number;
  worse: number;
  unchanged: number;
  smallestFen: number | null;
  largestFen: number | null;
  /** Members by bin index: bin k holds differences from k × width to (k + 1) × width − 1 fen. */
  readonly bins: Map<number, number>;
  /** At most `largest`, in {@link byChange} order. */
  readonly kept: Candidate[];
}

export interface Tally {
  readonly binWidthFen: number;
  readonly largest: number;
  readonly lang: Language;
  members: number;
  claims: number;
  readonly versions: VersionTally[];
  readonly comparisons: ComparisonTally[];
}

export function emptyVersion(policy: PolicyRef, benefits: VersionTally['benefits']): VersionTally {
  return {
    policy,
    benefits,
    whatIfMembers: 0,
    totalFen: 0,
    byBenefitFen: new Map(),
    claimsPaid: 0,
    claimsUnpaid: 0,
    claimsRefused: 0,
    refused: new Map(),
    cut: new Map(),
    illustrative: new Map(),
    contributions: null,
  };
}

export function emptyComparison(policy: PolicyRef): ComparisonTally {
  return { policy, differenceFen: 0, better: 0, worse: 0, unchanged: 0, smallestFen: null, largestFen: null, bins: new Map(), kept: [] };
}

/**
 * The order of the largest changes: larger absolute difference first, then member id, then the
 * input's text, so that the same members are kept in the same order however the book was split.
 */
export function byChange(a: Candidate, b: Candidate): number {
  return Math.abs(b.differenceFen) - Math.abs(a.differenceFen) || compareText(a.memberId, b.memberId) || compareText(a.input, b.input);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps `candidate` if it is among the `limit` first in {@link byChange} order; a bounded, sorted list. */
export function keep(kept: Candidate[], candidate: Candidate, limit: number): void {
  if (kept.length >= limit && (limit === 0 || byChange(candidate, kept[kept.length - 1]!) >= 0)) return;
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byChange(kept[middle]!, candidate) <= 0) low = middle + 1;
    else high = middle;
  }
  kept.splice(low, 0, candidate);
  if (kept.length > limit) kept.pop();
}

/** Whether the member's difference would be kept: asked before its input is copied. */
export function wouldKeep(comparison: ComparisonTally, differenceFen: number, memberId: string, limit: number): boolean {
  if (limit === 0) return false;
  const last = comparison.kept[limit - 1];
  if (last === undefined) return true;
  const order = Math.abs(last.differenceFen) - Math.abs(differenceFen) || compareText(memberId, last.memberId);
  return order <= 0;
}

export function countDifference(comparison: ComparisonTally, differenceFen: number, binWidthFen: number): void {
  comparison.differenceFen = add(comparison.differenceFen, differenceFen);
  if (differenceFen > 0) comparison.better += 1;
  else if (differenceFen < 0) comparison.worse += 1;
  else comparison.unchanged += 1;
  comparison.smallestFen = comparison.smallestFen === null ? differenceFen : Math.min(comparison.smallestFen, differenceFen);
  comparison.largestFen = comparison.largestFen === null ? differenceFen : Math.max(comparison.largestFen, differenceFen);
  if (differenceFen !== 0) addTo(comparison.bins, Math.floor(differenceFen / binWidthFen), 1);
}

/**
 * The nearest-rank quantile (the ⌈q·n⌉-th smallest difference) located in the histogram: the
 * unchanged members are exactly 0, any other falls in its bin, narrowed to the exact smallest
 * and largest differences. So each quantile is exact to within one bin.
 */
function quantile(comparison: ComparisonTally, q: number, binWidthFen: number): DifferenceQuantile {
  const members = comparison.better + comparison.worse + comparison.unchanged;
  const rank = Math.max(1, Math.ceil(q * members));
  const bins = [...comparison.bins].sort(([a], [b]) => a - b);
  const within = (from: number, to: number): DifferenceQuantile => ({
    q,
    from: money(Math.max(from, comparison.smallestFen!)),
    to: money(Math.min(to, comparison.largestFen!)),
  });
  // In order: the bins below zero, the unchanged members, the bins above.
  let seen = 0;
  let zeros = false;
  for (const [bin, count] of bins) {
    if (bin >= 0 && !zeros) {
      zeros = true;
      seen += comparison.unchanged;
      if (seen >= rank) return within(0, 0);
    }
    seen += count;
    if (seen >= rank) return within(bin === 0 ? 1 : bin * binWidthFen, (bin + 1) * binWidthFen - 1);
  }
  return within(0, 0);
}

function contributionsOut(tally: ContributionTally | null): ContributionTotals | null {
  if (tally === null) return null;
  const byPayer = {} as Record<Payer, { members: number; amount: Decimal }>;
  for (const payer of PAYERS) byPayer[payer] = { members: tally.byPayer[payer].members, amount: money(tally.byPayer[payer].fen) };
  return { members: tally.members, total: money(tally.totalFen), byPayer };
}

function versionOut(tally: VersionTally): VersionOutcome {
  const contributions = tally.contributions;
  return {
    policy: tally.policy,
    whatIfMembers: tally.whatIfMembers,
    total: money(tally.totalFen),
    byBenefit: tally.benefits.map(({ benefit, label }) => ({ benefit, label, amount: money(tally.byBenefitFen.get(benefit) ?? 0) })),
    claimsPaid: tally.claimsPaid,
    claimsUnpaid: tally.claimsUnpaid,
    claimsRefused: tally.claimsRefused,
    refusedByReason: [...tally.refused].sort(([a], [b]) => compareText(a, b)).map(([code, claims]) => ({ code, claims })),
    cutByCap: CAPS.map((cap) => ({ cap, claims: tally.cut.get(cap) ?? 0 })),
    contributions: contributionsOut(contributions),
    balance: contributions === null ? null : money(contributions.totalFen - tally.totalFen),
    lossRatio: contributions === null || contributions.totalFen === 0 ? null : new Dec(tally.totalFen).dividedBy(contributions.totalFen).toDecimalPlaces(4, Dec.ROUND_HALF_UP),
    illustrativeParameters: [...tally.illustrative].sort(([a], [b]) => compareText(a, b)).map(([parameter, label]) => ({ parameter, label })),
  };
}

function comparisonOut(tally: ComparisonTally, binWidthFen: number): VersionComparison {
  const empty = tally.smallestFen === null;
  return {
    policy: tally.policy,
    difference: money(tally.differenceFen),
    better: tally.better,
    worse: tally.worse,
    unchanged: tally.unchanged,
    smallest: empty ? null : money(tally.smallestFen!),
    largest: empty ? null : money(tally.largestFen!),
    histogram: [...tally.bins]
      .sort(([a], [b]) => a - b)
      .map(([bin, members]) => ({ from: money(bin === 0 ? 1 : bin * binWidthFen), to: money((bin + 1) * binWidthFen - 1), members })),
    quantiles: empty ? [] : QUANTILES.map((q) => quantile(tally, q, binWidthFen)),
    largestChanges: tally.kept.map((candidate) => {
      const { member, claims } = JSON.parse(candidate.input) as { member: unknown; claims: unknown[] };
      return {
        memberId: candidate.memberId,
        difference: money(candidate.differenceFen),
        totals: [money(candidate.totalsFen[0]), money(candidate.totalsFen[1])],
        member,
        claims,
        explanations: candidate.explanations!,
      };
    }),
  };
}

/** The public result of a tally whose kept candidates all carry their explanations. */
export function resultOf(tally: Tally): Simulation {
  const versions = tally.versions.map(versionOut);
  return {
    settings: { binWidth: money(tally.binWidthFen), largest: tally.largest, lang: tally.lang },
    members: tally.members,
    claims: tally.claims,
    versions,
    comparisons: tally.comparisons.map((comparison) => comparisonOut(comparison, tally.binWidthFen)),
    illustrative: versions.some((version) => version.illustrativeParameters.length > 0),
  };
}

/** Whole fen of a result's amount: a Decimal, or its JSON text (`"-12.50"`) when the result was read back. */
function fenIn(amount: Decimal | string): number {
  const text = typeof amount === 'string' ? amount : Decimal.isDecimal(amount) ? amount.toFixed(2) : undefined;
  if (text === undefined || !/^-?\d{1,16}\.\d\d$/.test(text)) throw new TypeError(`expected an amount with two decimals; got ${JSON.stringify(String(amount))}`);
  return Number(text.replace('.', ''));
}

/** The tally a result (or its JSON read back) was made from; `path` names the argument in errors. */
export function tallyOf(result: Simulation, path: string): Tally {
  const fenOf = fenIn;
  try {
    const binWidthFen = fenOf(result.settings.binWidth);
    return {
      binWidthFen,
      largest: result.settings.largest,
      lang: result.settings.lang,
      members: result.members,
      claims: result.claims,
      versions: result.versions.map((version) => ({
        policy: version.policy,
        benefits: version.byBenefit.map(({ benefit, label }) => ({ benefit, label })),
        whatIfMembers: version.whatIfMembers,
        totalFen: fenOf(version.total),
        byBenefitFen: new Map(version.byBenefit.map(({ benefit, amount }) => [benefit, fenOf(amount)])),
        claimsPaid: version.claimsPaid,
        claimsUnpaid: version.claimsUnpaid,
        claimsRefused: version.claimsRefused,
        refused: new Map(version.refusedByReason.map(({ code, claims }) => [code, claims])),
        cut: new Map(version.cutByCap.map(({ cap, claims }) => [cap, claims])),
        illustrative: new Map(version.illustrativeParameters.map(({ parameter, label }) => [parameter, label])),
        contributions:
          version.contributions === null
            ? null
            : {
                members: version.contributions.members,
                totalFen: fenOf(version.contributions.total),
                byPayer: Object.fromEntries(
                  PAYERS.map((payer) => [payer, { members: version.contributions!.byPayer[payer].members, fen: fenOf(version.contributions!.byPayer[payer].amount) }]),
                ) as ContributionTally['byPayer'],
              },
      })),
      comparisons: result.comparisons.map((comparison) => ({
        policy: comparison.policy,
        differenceFen: fenOf(comparison.difference),
        better: comparison.better,
        worse: comparison.worse,
        unchanged: comparison.unchanged,
        smallestFen: comparison.smallest === null ? null : fenOf(comparison.smallest),
        largestFen: comparison.largest === null ? null : fenOf(comparison.largest),
        bins: new Map(comparison.histogram.map(({ from, members }) => [Math.floor(fenOf(from) / binWidthFen), members])),
        kept: comparison.largestChanges.map((change) => ({
          memberId: change.memberId,
          differenceFen: fenOf(change.difference),
          totalsFen: [fenOf(change.totals[0]), fenOf(change.totals[1])] as const,
          input: JSON.stringify({ member: change.member, claims: change.claims }),
          explanations: [change.explanations[0], change.explanations[1]] as const,
        })),
      })),
    };
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError([{ path: [path], code: 'not_a_simulation', message: `expected a result of simulateBook or mergeSimulations: ${(error as Error).message}` }]);
  }
}

const sameText = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Adds `b` into `a`: both must be of the same versions and settings. */
export function mergeInto(a: Tally, b: Tally): void {
  const shape = (tally: Tally) => [tally.binWidthFen, tally.largest, tally.lang, tally.versions.map((v) => [v.policy, v.benefits]), tally.comparisons.map((c) => c.policy)];
  if (!sameText(shape(a), shape(b))) {
    throw new InvalidInputError([
      { path: ['b'], code: 'different_simulations', message: 'expected simulations of the same policy versions, in the same order, with the same settings (binWidth, largest, lang)' },
    ]);
  }
  a.members = add(a.members, b.members);
  a.claims = add(a.claims, b.claims);
  a.versions.forEach((version, index) => {
    const other = b.versions[index]!;
    version.whatIfMembers = add(version.whatIfMembers, other.whatIfMembers);
    version.totalFen = add(version.totalFen, other.totalFen);
    for (const [benefit, fen] of other.byBenefitFen) addTo(version.byBenefitFen, benefit, fen);
    version.claimsPaid = add(version.claimsPaid, other.claimsPaid);
    version.claimsUnpaid = add(version.claimsUnpaid, other.claimsUnpaid);
    version.claimsRefused = add(version.claimsRefused, other.claimsRefused);
    for (const [code, claims] of other.refused) addTo(version.refused, code, claims);
    for (const [cap, claims] of other.cut) addTo(version.cut, cap, claims);
    for (const [parameter, label] of other.illustrative) version.illustrative.set(parameter, label);
    version.contributions = mergeContributions(version.contributions, other.contributions);
  });
  a.comparisons.forEach((comparison, index) => {
    const other = b.comparisons[index]!;
    comparison.differenceFen = add(comparison.differenceFen, other.differenceFen);
    comparison.better = add(comparison.better, other.better);
    comparison.worse = add(comparison.worse, other.worse);
    comparison.unchanged = add(comparison.unchanged, other.unchanged);
    const pick = (x: number | null, y: number | null, choose: (p: number, q: number) => number) => (x === null ? y : y === null ? x : choose(x, y));
    comparison.smallestFen = pick(comparison.smallestFen, other.smallestFen, Math.min);
    comparison.largestFen = pick(comparison.largestFen, other.largestFen, Math.max);
    for (const [bin, members] of other.bins) addTo(comparison.bins, bin, members);
    for (const candidate of other.kept) keep(comparison.kept, candidate, a.largest);
  });
}

/** Contributions add up: each roster entry is assessed in exactly one part. */
export function mergeContributions(a: ContributionTally | null, b: ContributionTally | null): ContributionTally | null {
  if (a === null || b === null) return a ?? b;
  const byPayer = {} as ContributionTally['byPayer'];
  for (const payer of PAYERS) byPayer[payer] = { members: add(a.byPayer[payer].members, b.byPayer[payer].members), fen: add(a.byPayer[payer].fen, b.byPayer[payer].fen) };
  return { members: add(a.members, b.members), totalFen: add(a.totalFen, b.totalFen), byPayer };
}
