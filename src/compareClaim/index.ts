import { setUpZod } from '../_lib/zodSetup';
import { parsedPolicy, policyList } from '../_lib/parsedPolicies';
import type { Decimal } from '../_lib/decimal';
import { InvalidInputError, validate } from '../_lib/errors';
import { historyEntriesOf, historyFor, type EvaluateOptions } from '../_lib/engine/history';
import { governs } from '../_lib/engine/eligibility';
import { settle } from '../_lib/engine/settle';
import { claimSchema, memberSchema, type ClaimInput, type MemberInput } from '../_lib/inputSchemas';
import { emptyLedger } from '../_lib/ledger';
import { toMoney } from '../_lib/money';
import { settlePlans, type MemberClaimResult } from '../_lib/memberPlans';
import { plainOf } from '../_lib/plainInput';
import type { Policy } from '../_lib/policySchema';
import { deepFreeze, eventDate, type ClaimResult } from '../_lib/result';

setUpZod();

/** One claim's settlement under one of the compared versions. */
export interface ComparedResult {
  readonly result: ClaimResult;
  /** True when the version does not govern the claim's date and was applied as a what-if. */
  readonly whatIf: boolean;
  /** This total minus the first entry's total. */
  readonly difference: Decimal;
}

/** One claim's settlement under a set of plans held together, as {@link evaluateMemberClaim} settles it. */
export interface ComparedPlans {
  /** Each plan's result in settlement order, and the total. */
  readonly plans: MemberClaimResult;
  /** True when any plan of the set does not govern the claim's date and was applied as a what-if. */
  readonly whatIf: boolean;
  /** This total minus the first entry's total. */
  readonly difference: Decimal;
}

/** One claim settled under several policy versions (or sets of plans), side by side. */
export interface ClaimComparison<Compared = ComparedResult> {
  readonly claimId: string;
  readonly memberId: string;
  /** One per entry, in the order given. */
  readonly results: readonly Compared[];
}

const MAX_ENTRIES = 50;

/** An entry of `policies`: one version, or a set of plans, each accepted with its path. */
function acceptEntry(entry: unknown, index: number): Policy | Policy[] {
  if (!Array.isArray(entry)) return parsedPolicy(entry, ['policies', index]);
  const set = policyList(entry, ['policies', index], 1, MAX_ENTRIES).map((policy, at) => parsedPolicy(policy, ['policies', index, at]));
  const schemes = new Set<string>();
  set.forEach((policy, at) => {
    // A member's ledger is kept by scheme: two versions of one scheme are two compared entries, not one set.
    if (schemes.has(policy.scheme)) {
      throw new InvalidInputError([{ path: ['policies', index, at, 'scheme'], code: 'duplicate_scheme', message: `"${policy.scheme}" is in this set twice: a set holds one version of each plan` }]);
    }
    schemes.add(policy.scheme);
  });
  return set;
}

/**
 * Settle one claim under several policy versions side by side: "what would I have got last year?"
 *
 * Each version settles the claim as the member's first of the protection year (an empty
 * ledger). A version that does not govern the claim (its period does not include the claim's
 * date or, where protection periods are the members' own, the start of the member's cover that
 * holds the date) is applied as a what-if:
 * its period is waived, any enrolment of the member in the scheme on that date counts, and the
 * result carries a `WHAT_IF` warning so it is never mistaken for a real settlement. Every other
 * rule (benefits, caps, flags, rounding) is the version's own.
 *
 * An entry may be a set of plans the member holds together (last year's three plans beside this
 * year's): they settle the claim as {@link evaluateMemberClaim} does, in plan order, each told
 * what the plans before it paid, a set holding two plans of one group refused; the entry is a
 * {@link ComparedPlans}. `options.history` is read by every version, as by {@link evaluateClaim}.
 *
 * @category Evaluation
 *
 * @param claim - the claim
 * @param member - the member
 * @param policies - the versions to compare, each a policy or a set of plans (an array of
 *   policies, one version of each scheme); the first is the baseline of `difference`
 * @param options - `history`: the member's earlier payments, for once-in-N-years and same-event rules
 * @returns one result per entry with its difference from the first
 * @throws {InvalidInputError} naming the path of every invalid field (`policies[1].benefits`, …)
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const death = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
 * const comparison = compareClaim(death, member, [policies.guangxi[2024], policies.guangxi[2023]]);
 * comparison.results.map((r) => [r.result.total.toFixed(2), r.whatIf, r.difference.toFixed(2)])
 * //=> [['10000.00', false, '0.00'], ['5000.00', true, '-5000.00']]
 */
export function compareClaim(claim: ClaimInput, member: MemberInput, policies: readonly Policy[], options?: EvaluateOptions): ClaimComparison;
export function compareClaim(claim: ClaimInput, member: MemberInput, policies: readonly (Policy | readonly Policy[])[], options?: EvaluateOptions): ClaimComparison<ComparedResult | ComparedPlans>;
export function compareClaim(claim: ClaimInput, member: MemberInput, policies: readonly (Policy | readonly Policy[])[], options?: EvaluateOptions): ClaimComparison<ComparedResult | ComparedPlans> {
  const validClaim = plainOf(validate(claimSchema, claim, 'claim'));
  const validMember = validate(memberSchema, member, 'member');
  const entries = policyList(policies, ['policies'], 1, MAX_ENTRIES).map(acceptEntry);
  const history = historyEntriesOf(options);
  const whatIf = (policy: Policy) => !governs(policy, validMember, eventDate(policy, validClaim));
  const settled = entries.map((entry) => {
    if (Array.isArray(entry)) {
      const book = { policies: entry, member: validMember, given: new Map(), carried: new Map() };
      const { result } = settlePlans(book, entry, validClaim, ['claim'], { whatIf, history });
      return { plans: result, whatIf: entry.some(whatIf), total: result.total };
    }
    const start = emptyLedger(entry, validMember.id);
    const read = history === undefined ? undefined : historyFor(history, entry, start, [validClaim]);
    const { result } = settle(entry, validMember, validClaim, start, ['claim'], whatIf(entry), read);
    return { result, whatIf: whatIf(entry), total: result.total };
  });
  const baseline = settled[0]!.total;
  return deepFreeze({
    claimId: validClaim.id,
    memberId: validMember.id,
    results: settled.map(({ total, ...compared }) => ({ ...compared, difference: toMoney(total.minus(baseline)) })),
  });
}
