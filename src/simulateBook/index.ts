import * as z from 'zod/mini';
import { setUpZod } from '../_lib/zodSetup';
import { int, refine } from '../_lib/zodChecks';
import { InvalidInputError, validate, type Issue } from '../_lib/errors';
import type { ClaimInput, Member, MemberInput, RosterInput } from '../_lib/inputSchemas';
import { LANGUAGES, type Language, type Message } from '../_lib/messages';
import type { YuanInput } from '../_lib/money';
import { yuanSchema } from '../_lib/moneySchemas';
import type { Label, Payer, Policy } from '../_lib/policySchema';
import { eventDate, type CapKind, type PolicyRef } from '../_lib/result';
import {
  countDifference,
  emptyComparison,
  emptyVersion,
  fenOf,
  keep,
  resultOf,
  wouldKeep,
  type Simulation,
  type Tally,
  type VersionTally,
} from '../_lib/simulation';
import { assessContributions } from '../assessContributions';
import { evaluateYear, type YearResult } from '../evaluateYear';
import { byEnrolment, enrolmentOn } from '../_lib/engine/eligibility';
import { LedgerInFen } from '../_lib/engine/ledgerInFen';
import { tallyYear, type ClaimOutcome } from '../_lib/engine/settle';
import { readYear, settlementOrder, type YearInput } from '../_lib/yearInput';
import { explain } from '../explain';
import { extendPolicy } from '../extendPolicy';
import { parsedPolicy, policyList } from '../_lib/parsedPolicies';

setUpZod();

/** One member of a claims book: the member and their claims of the year, as `evaluateYear` takes them. */
export interface BookEntry {
  readonly member: MemberInput;
  readonly claims: readonly ClaimInput[];
}

/** How a simulation is summed up. */
export interface SimulationOptions {
  /** How many of the largest changes to keep for each compared version, 0 to 1,000 (default 10). */
  readonly largest?: number;
  /** Width of the histogram's bins of per-member differences, in yuan (default 100). */
  readonly binWidth?: YuanInput;
  /** The language of the largest changes' explanations (default `zh`). */
  readonly lang?: Language;
  /**
   * The members enrolled, for the contribution income of each version that has a contribution
   * section. Contributions add up when results are merged: give each roster entry to one part only.
   */
  readonly roster?: RosterInput;
  /**
   * Called with the error of an invalid entry, which is then left out of every figure; without
   * it, the first invalid entry throws. What a batch that reports each bad record needs.
   */
  readonly onInvalid?: (error: InvalidInputError, index: number) => void;
}

const optionsSchema = z.optional(z
  .strictObject({
    largest: z.optional(z.number().check(int(), z.gte(0), z.lte(1000))),
    binWidth: z.optional(yuanSchema.check(refine((width) => width.gte('0.01'), 'custom', 'expected a bin width of at least 0.01 yuan'))),
    lang: z.optional(z.enum(LANGUAGES)),
    roster: z.optional(z.unknown()),
    // huzhu's check on `z.unknown()` rather than `z.custom`: the same issue, a smaller bundle.
    onInvalid: z.optional(z.unknown().check(refine((value) => typeof value === 'function', 'custom', 'expected a function')) as z.ZodMiniType<(error: InvalidInputError, index: number) => void>),
  }));

/** The entry's member and claims, or issues at `book[index]`: checked by hand, as it is asked of every member. */
function readEntry(entry: unknown, index: number): BookEntry {
  const at = (code: string, message: string, ...path: string[]): never => {
    throw new InvalidInputError([{ path: ['book', index, ...path], code, message }]);
  };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return at('invalid_type', 'expected { member, claims }');
  const extra = Object.keys(entry).filter((key) => key !== 'member' && key !== 'claims');
  if (extra.length > 0) at('unrecognized_keys', `unrecognized keys: ${extra.map((key) => JSON.stringify(key)).join(', ')}`);
  const { member, claims } = entry as BookEntry;
  if (!Array.isArray(claims)) at('invalid_type', 'expected the claims: an array', 'claims');
  return { member, claims };
}

/** Issues re-pointed from an argument of a library call to where it sits in this call's arguments. */
function under(error: unknown, prefix: readonly (string | number)[], skip: number): unknown {
  if (!(error instanceof InvalidInputError)) return error;
  return new InvalidInputError(error.issues.map((issue: Issue) => ({ ...issue, path: [...prefix, ...issue.path.slice(skip)] })));
}

const nextYearStart = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/**
 * One version as the book meets it. A member's claims are settled under the version when it
 * governs the date of their first event; otherwise under a copy moved by whole years to the
 * protection year holding that date (the what-if of `compareClaim`: the version's rules on an
 * event another version governs). Copies are made once per year, through `extendPolicy`.
 */
class Version {
  readonly ref: PolicyRef;
  readonly #policy: Policy;
  readonly #moved = new Map<number, Policy>();

  constructor(policy: Policy) {
    this.#policy = policy;
    this.ref = { scheme: policy.scheme, year: policy.year, name: policy.name };
  }

  get policy(): Policy {
    return this.#policy;
  }

  /** The version itself, or its copy for the protection year holding `date`. */
  #governing(date: string): Policy {
    const { validFrom, validTo } = this.#policy;
    if (date >= validFrom && (validTo === undefined || date <= validTo)) return this.#policy;
    let years = Number(date.slice(0, 4)) - Number(validFrom.slice(0, 4));
    if (date < nextYearStart(validFrom, years)) years -= 1;
    let moved = this.#moved.get(years);
    if (moved === undefined) {
      // An open-ended version moved back must end before it starts, or it would govern both years.
      const end = validTo === undefined ? { validTo: dayBefore(nextYearStart(validFrom, years + 1)) } : {};
      moved = extendPolicy(this.#policy, { year: this.#policy.year + years, name: this.#policy.name, ...end });
      this.#moved.set(years, moved);
    }
    return moved;
  }

  /**
   * The date that picks the protection year of an event: the event's own, or, where each
   * member's cover is their protection year, the start of the cover holding the event.
   */
  #datePicking(member: Member, date: string): string {
    if (!byEnrolment(this.#policy)) return date;
    return enrolmentOn(this.#policy, member, date, true)?.from ?? date;
  }

  /**
   * The policy the member's year is settled under: the one governing their first event. Copies
   * of one version share its conventions, so the claims settle in the same order under each.
   */
  #settling({ member, claims }: YearInput, order: readonly number[] | undefined): Policy {
    const first = claims[order?.[0] ?? 0];
    return first === undefined ? this.#policy : this.#governing(this.#datePicking(member, eventDate(this.#policy, first)));
  }

  /** Counts the member's year under this version into `tally`; what it paid in all, in fen. */
  count(tally: VersionTally, year: YearInput): number {
    const order = settlementOrder(this.#policy, year.claims);
    const policy = this.#settling(year, order);
    if (year.claims.length > 0 && policy !== this.#policy) tally.whatIfMembers += 1;
    let seen: readonly Message[] | undefined;
    const { after, paid } = tallyYear(policy, year.member, year.claims, order, (outcome) => {
      countClaim(tally, outcome);
      // Claims citing the same values share one list of warnings.
      if (outcome.warnings !== seen) countWarnings(tally, (seen = outcome.warnings));
    });
    tally.totalFen += paid;
    if (paid !== 0 && after instanceof LedgerInFen) {
      for (const index of after.touched) {
        const benefit = after.policy.benefits[index]!.benefit.id;
        tally.byBenefitFen.set(benefit, (tally.byBenefitFen.get(benefit) ?? 0) + after.amount(index));
      }
    }
    return paid;
  }

  /** The member's year under this version, as `evaluateYear` gives it: what a kept change explains. */
  year(member: MemberInput, claims: readonly ClaimInput[]): YearResult {
    const year = readYear(member, claims);
    return evaluateYear(this.#settling(year, settlementOrder(this.#policy, year.claims)), member, claims);
  }
}

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Adds what one claim gave. */
function countClaim(tally: VersionTally, { eligible, reasons, fen }: ClaimOutcome): void {
  if (!eligible) {
    tally.claimsRefused += 1;
    // A code given twice for one claim counts once.
    reasons.forEach((reason, at) => {
      if (reasons.findIndex((other) => other.code === reason.code) === at) tally.refused.set(reason.code, (tally.refused.get(reason.code) ?? 0) + 1);
    });
    return;
  }
  if (fen === 0) tally.claimsUnpaid += 1;
  else tally.claimsPaid += 1;
  // Most claims have no reason at all: nothing is allocated for them.
  for (let at = 0; at < reasons.length; at += 1) {
    const reason = reasons[at]!;
    if (reason.code !== 'CAP_REACHED') continue;
    const cap = reason.params.cap as CapKind;
    if (reasons.findIndex((other) => other.code === 'CAP_REACHED' && other.params.cap === cap) === at) tally.cut.set(cap, (tally.cut.get(cap) ?? 0) + 1);
  }
}

/** Notes the illustrative parameters a claim's warnings name. */
function countWarnings(tally: VersionTally, warnings: readonly Message[]): void {
  for (const warning of warnings) {
    if (warning.code === 'ILLUSTRATIVE_PARAMETER' && !tally.illustrative.has(String(warning.params.parameter))) {
      tally.illustrative.set(String(warning.params.parameter), warning.params.label as Label);
    }
  }
}

/** A simulation fed one entry at a time: what {@link simulateBook} runs, and what the CLI feeds as it reads, without an async step per member. */
export interface Simulator {
  add(entry: unknown, index: number): void;
  finish(): Simulation;
}

/** The simulator {@link simulateBook} feeds (not exported by the package); throws as it does for bad policies or options. */
export function simulator(policies: readonly Policy[], options: SimulationOptions | undefined): Simulator {
  const list = policyList(policies, ['policies'], 1, 50);
  const versions = list.map((policy, index) => {
    try {
      return new Version(parsedPolicy(policy));
    } catch (error) {
      throw under(error, ['policies', index], 1);
    }
  });
  const settings = validate(optionsSchema, options, 'options') ?? {};
  const largest = settings.largest ?? 10;
  const lang = settings.lang ?? 'zh';
  const tally: Tally = {
    binWidthFen: settings.binWidth === undefined ? 10_000 : fenOf(settings.binWidth),
    largest,
    lang,
    members: 0,
    claims: 0,
    versions: versions.map((version) => emptyVersion(version.ref, version.policy.benefits.map(({ id, label }) => ({ benefit: id, label })))),
    comparisons: versions.slice(1).map((version) => emptyComparison(version.ref)),
  };
  if (settings.roster !== undefined) {
    versions.forEach((version, index) => {
      if (version.policy.contribution === undefined) return;
      try {
        const assessed = assessContributions(version.policy, settings.roster as RosterInput);
        const byPayer = Object.fromEntries(
          Object.entries(assessed.byPayer).map(([payer, share]) => [payer, { members: share.members, fen: fenOf(share.amount) }]),
        ) as Record<Payer, { members: number; fen: number }>;
        tally.versions[index]!.contributions = { members: assessed.members, totalFen: fenOf(assessed.total), byPayer };
        for (const warning of assessed.warnings) {
          if (warning.code === 'ILLUSTRATIVE_PARAMETER') tally.versions[index]!.illustrative.set(String(warning.params.parameter), warning.params.label as Label);
        }
      } catch (error) {
        throw under(error, ['options', 'roster'], 1);
      }
    });
  }

  return {
    add(entry, index) {
      let year: YearInput;
      let member: MemberInput;
      let claims: readonly ClaimInput[];
      const totals: number[] = [];
      try {
        ({ member, claims } = readEntry(entry, index));
        try {
          // Read once for every version: evaluateYear names its arguments `member` and `claims`, as the entry does.
          year = readYear(member, claims);
          versions.forEach((version, at) => totals.push(version.count(tally.versions[at]!, year)));
        } catch (error) {
          throw under(error, ['book', index], 0);
        }
      } catch (error) {
        if (settings.onInvalid === undefined || !(error instanceof InvalidInputError)) throw error;
        return settings.onInvalid(error, index);
      }
      tally.members += 1;
      tally.claims += claims.length;
      const memberId = year.member.id;
      let input: string | undefined;
      tally.comparisons.forEach((comparison, at) => {
        const difference = totals[at + 1]! - totals[0]!;
        countDifference(comparison, difference, tally.binWidthFen);
        if (!wouldKeep(comparison, difference, memberId, largest)) return;
        // Copied as JSON only when kept: the result must not read the caller's objects again.
        input ??= JSON.stringify({ member, claims });
        keep(comparison.kept, { memberId, differenceFen: difference, totalsFen: [totals[0]!, totals[at + 1]!], input }, largest);
      });
    },
    finish() {
      // Explained only now, for the members still kept: a book in ascending order of change
      // would otherwise explain every member on its way through the list.
      tally.comparisons.forEach((comparison, at) => {
        for (const candidate of comparison.kept) {
          const { member, claims } = JSON.parse(candidate.input) as BookEntry;
          candidate.explanations = [
            explain(versions[0]!.year(member, claims), { lang }),
            explain(versions[at + 1]!.year(member, claims), { lang }),
          ];
        }
      });
      return resultOf(tally);
    },
  };
}

function isAsync(book: unknown): book is AsyncIterable<unknown> {
  return typeof book === 'object' && book !== null && typeof (book as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * Settle a claims book under several policy versions and sum up what each would cost, who
 * gains and who loses: "what would next year's rules have cost on this year's claims?"
 *
 * Each member's claims are settled as one year with `evaluateYear` under every version; a
 * version that does not govern the member's first event date is applied as a what-if, moved by
 * whole years to the protection year holding it (its rules unchanged). The result holds, for
 * each version, the total paid, by benefit, the claims paid, refused (by reason code) and cut
 * by each cap, the illustrative parameters the figures rest on and, with a roster, the
 * contribution income, balance and loss ratio; and for each version after the first, against
 * the first: members better off, worse off and unchanged, the histogram and quantiles of the
 * per-member difference, and the largest changes with both settlements explained.
 *
 * Every amount is exact to the fen. The book streams: memory holds one member at a time, the
 * largest changes (at most `largest` per version) and one count per histogram bin, whatever
 * the book's size. Quantiles are read from the histogram: each is exact to within one bin
 * (`from` … `to`), exactly 0 when it falls among unchanged members. Results of parts of a
 * book merge with {@link mergeSimulations} into the result of the whole, byte for byte.
 *
 * @category Simulation
 *
 * @param book - the members with their claims, an iterable (the result is returned) or an async iterable (a promise of it)
 * @param policies - the versions, the first being the baseline; at most 50
 * @param options - `largest`, `binWidth`, `lang`, `roster`, `onInvalid`
 * @returns the simulation
 * @throws {InvalidInputError} naming the path of every invalid field: `policies[1]…`, `book[17].claims[3].admission`, `options.roster…`
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }] };
 * const book = [{ member, claims: [{ kind: 'death', id: 'c1', date: '2023-06-01' } as const] }];
 * const simulation = simulateBook(book, [policies.guangxi[2023], policies.guangxi[2024]]);
 * [simulation.versions.map((v) => v.total.toFixed(2)), simulation.comparisons[0].better]
 * //=> [['5000.00', '10000.00'], 1]
 */
export function simulateBook(book: Iterable<BookEntry>, policies: readonly Policy[], options?: SimulationOptions): Simulation;
export function simulateBook(book: AsyncIterable<BookEntry>, policies: readonly Policy[], options?: SimulationOptions): Promise<Simulation>;
export function simulateBook(book: Iterable<BookEntry> | AsyncIterable<BookEntry>, policies: readonly Policy[], options?: SimulationOptions): Simulation | Promise<Simulation> {
  const run = simulator(policies, options);
  if (isAsync(book)) {
    return (async () => {
      let index = 0;
      for await (const entry of book) run.add(entry, index++);
      return run.finish();
    })();
  }
  if (typeof book !== 'object' || book === null || typeof (book as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new InvalidInputError([{ path: ['book'], code: 'invalid_type', message: 'expected an iterable or async iterable of { member, claims }' }]);
  }
  let index = 0;
  for (const entry of book) run.add(entry, index++);
  return run.finish();
}
