import { acceptPolicy } from '../_lib/acceptPolicy';
import type { Decimal } from '../_lib/decimal';
import { Dec } from '../_lib/decimal';
import { InvalidInputError, validate } from '../_lib/errors';
import { MAX_ROSTER_ENTRIES, rosterSchema, type RosterEntry, type RosterInput, type UnitMember } from '../_lib/inputSchemas';
import { toMoney } from '../_lib/money';
import type { Message } from '../_lib/messages';
import type { Parameter, Payer, Policy } from '../_lib/policySchema';
import { dayNumber } from '../_lib/dates';
import { plainOf } from '../_lib/plainInput';
import { deepFreeze, policyRef, type PolicyRef } from '../_lib/result';
import { compile } from '../_lib/engine/compile';
import type { ClaimContext } from '../_lib/engine/context';
import { illustrativeWarnings, type Citation } from '../_lib/trace';

/** What one payer owes for the members it pays for. */
export interface PayerShare {
  readonly members: number;
  readonly amount: Decimal;
}

/** The contributions (互助金) due for a roster, in total and by payer. */
export interface ContributionAssessment {
  readonly policy: PolicyRef;
  /** Members counted, every entry's `count` added up. */
  readonly members: number;
  /** The contribution of one member to whom no variant of the policy applies. */
  readonly perMember: Decimal;
  /** Every member at their own contribution: a variant (a product, a renewal) may set it. */
  readonly total: Decimal;
  /** `memberOrUnit`: the member or their unit; `publicFunds`: public funds (财政); `union`: the union itself. */
  readonly byPayer: Readonly<Record<Payer, PayerShare>>;
  readonly citations: readonly Citation[];
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

const PAYERS: readonly Payer[] = ['memberOrUnit', 'publicFunds', 'union'];

/**
 * Work out the yearly contributions for a roster, and who pays them.
 *
 * Each roster entry is one member, or `count` members alike (a unit's headcount), under an id
 * of its own: an id listed twice would count its members twice, so it is refused
 * (`duplicate_member`, at the second entry). A roster holds at most 10,000,000 entries; a
 * longer one is refused before any entry is read. A member's
 * contribution is paid by the payer of the first payer rule whose flag the member has
 * (Xining 2024: hardship workers by public funds, gig workers by the union), else by the
 * policy's default payer.
 *
 * @category Evaluation
 *
 * @param policy - a policy with a `contribution` section, e.g. `policies.xining[2024]`
 * @param roster - the members enrolled
 * @returns the total and the share of each payer, with citations
 * @throws {InvalidInputError} for an invalid roster (a duplicate id, more than 10,000,000 entries, …), or a policy without a contribution
 *
 * @example
 * const assessment = assessContributions(policies.xining[2024], [{ id: 'gig-workers', count: 6550, flags: { gigWorker: true } }]);
 * assessment.byPayer.union.amount.toFixed(2)
 * //=> '655000.00'
 */
export function assessContributions(policy: Policy, roster: RosterInput): ContributionAssessment {
  const accepted = acceptPolicy(policy);
  const entries = validate(rosterSchema, roster, 'roster', MAX_ROSTER_ENTRIES);
  const contribution = accepted.contribution;
  if (contribution === undefined) {
    throw new InvalidInputError([
      { path: ['policy', 'contribution'], code: 'no_contribution', message: 'expected a policy with a "contribution" section' },
    ]);
  }
  const rate = compile(accepted).contribution!;
  const price = pricer(accepted);

  const counts: Record<Payer, number> = { memberOrUnit: 0, publicFunds: 0, union: 0 };
  // Members by payer and by the contribution they pay (its index among the values): multiplied out once at the end.
  const byRate: Record<Payer, number[]> = { memberOrUnit: [], publicFunds: [], union: [] };
  for (const entry of entries) {
    const { payer, index: chosen } = price(entry);
    const count = entry.count ?? 1;
    counts[payer] += count;
    byRate[payer][chosen] = (byRate[payer][chosen] ?? 0) + count;
  }
  // The values the roster used; an empty roster cites the plain one.
  const used = new Set<number>();
  const amounts = {} as Record<Payer, Decimal>;
  for (const payer of PAYERS) {
    let amount = new Dec(0);
    byRate[payer].forEach((members, index) => {
      used.add(index);
      amount = amount.plus(new Dec(rate.values[index]!).times(members));
    });
    amounts[payer] = amount;
  }
  if (used.size === 0) used.add(0);
  const members = PAYERS.reduce((sum, payer) => sum + counts[payer], 0);
  // Filled in a loop rather than cast from Object.fromEntries: Stryker does not mutate code
  // under `as` (stryker-js issue #6208), and this is where the amounts are worked out.
  const byPayer = {} as Record<Payer, PayerShare>;
  for (const payer of PAYERS) byPayer[payer] = { members: counts[payer], amount: toMoney(amounts[payer]) };
  // The values used, the plain one first, then the payer rules.
  const citations = [...[...used].sort((a, b) => a - b).map((index) => rate.citations[index]!), cite(contribution.payers, 'contribution.payers')];
  const total = PAYERS.reduce((sum, payer) => sum.plus(amounts[payer]), new Dec(0));

  return deepFreeze({
    policy: policyRef(accepted),
    members,
    perMember: toMoney(new Dec(contribution.perMember.value)),
    total: toMoney(total),
    byPayer,
    citations,
    warnings: illustrativeWarnings(citations),
    illustrative: citations.some((citation) => citation.provenance.status === 'illustrative'),
  });
}

/**
 * For a policy with a contribution section: who pays an entry's contribution (the first payer
 * rule whose flag it has, else the default payer), and which of the contribution's values it
 * pays, by index (a variant may set it).
 */
export function pricer(policy: Policy): (entry: RosterEntry) => { readonly payer: Payer; readonly index: number } {
  const contribution = policy.contribution!;
  const rate = compile(policy).contribution!;
  return (entry) => ({
    payer: contribution.payers.value.find((rule) => entry.flags?.[rule.flag] === true)?.payer ?? contribution.defaultPayer,
    index: rate.varies ? rate.pick(rosterContext(policy, entry)) : 0,
  });
}

/** A parameter cited by its path, at its own value (no variant). */
export const cite = (parameter: Parameter, path: string): Citation => ({ parameter: path, label: parameter.label, value: parameter.value, provenance: parameter.provenance });

/**
 * A roster entry, or a member a unit enrols, as conditions read it on a date (the first day of
 * the policy by default): its flags, attributes, birth date and sex, and whether it renews last
 * year's enrolment. There is no claim: a variant that reads one is refused.
 */
export function rosterContext(policy: Policy, entry: RosterEntry | UnitMember, date = policy.validFrom): ClaimContext {
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  const renewal = entry.continuing === true ? [{ scheme, year: policy.year - 1, from: policy.validFrom, to: policy.validFrom }] : [];
  const { flags, attributes } = entry;
  const { birthDate, sex } = entry as UnitMember;
  const member = { id: entry.id, enrolments: renewal, ...(flags && { flags }), ...(attributes && { attributes }), ...(birthDate && { birthDate }), ...(sex && { sex }) };
  const claim = plainOf({ kind: 'death', id: entry.id, date });
  return { claim, member, eventDay: dayNumber(date), days: 0, stayNumber: 0, conditionClass: '', ledger: undefined as never, mode: 'halfUp', eachStep: false, path: ['roster'] };
}
