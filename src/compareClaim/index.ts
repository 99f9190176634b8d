import * as z from 'zod/mini';
import { setUpZod } from '../_lib/zodSetup';
import { acceptPolicy } from '../_lib/acceptPolicy';
import type { Decimal } from '../_lib/decimal';
import { validate } from '../_lib/errors';
import { governs } from '../_lib/engine/eligibility';
import { settle } from '../_lib/engine/settle';
import { claimSchema, memberSchema, type ClaimInput, type MemberInput } from '../_lib/inputSchemas';
import { emptyLedger } from '../_lib/ledger';
import { toMoney } from '../_lib/money';
import { plainOf } from '../_lib/plainInput';
import type { Policy } from '../_lib/policySchema';
import { deepFreeze, eventDate, type ClaimResult } from '../_lib/result';

setUpZod();

/** One claim's settlement under one of the compared versions. */
export interface ComparedResult {
  readonly result: ClaimResult;
  /** True when the version does not govern the claim's date and was applied as a what-if. */
  readonly whatIf: boolean;
  /** This total minus the first version's total. */
  readonly difference: Decimal;
}

/** One claim settled under several policy versions, side by side. */
export interface ClaimComparison {
  readonly claimId: string;
  readonly memberId: string;
  /** One per version, in the order given. */
  readonly results: readonly ComparedResult[];
}

const policiesSchema = z.array(z.unknown()).check(z.minLength(1), z.maxLength(50));

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
 * @category Evaluation
 *
 * @param claim - the claim
 * @param member - the member
 * @param policies - the versions to compare; the first is the baseline of `difference`
 * @returns one result per version with its difference from the first
 * @throws {InvalidInputError} naming the path of every invalid field (`policies[1].benefits`, …)
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const death = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
 * const comparison = compareClaim(death, member, [policies.guangxi[2024], policies.guangxi[2023]]);
 * comparison.results.map((r) => [r.result.total.toFixed(2), r.whatIf, r.difference.toFixed(2)])
 * //=> [['10000.00', false, '0.00'], ['5000.00', true, '-5000.00']]
 */
export function compareClaim(claim: ClaimInput, member: MemberInput, policies: readonly Policy[]): ClaimComparison {
  const validClaim = plainOf(validate(claimSchema, claim, 'claim'));
  const validMember = validate(memberSchema, member, 'member');
  const versions = validate(policiesSchema, policies, 'policies').map((policy, index) => acceptPolicy(policy, ['policies', index]));
  const settled = versions.map((policy) => {
    const whatIf = !governs(policy, validMember, eventDate(policy, validClaim));
    return { result: settle(policy, validMember, validClaim, emptyLedger(policy, validMember.id), ['claim'], whatIf).result, whatIf };
  });
  const baseline = settled[0]!.result.total;
  return deepFreeze({
    claimId: validClaim.id,
    memberId: validMember.id,
    results: settled.map(({ result, whatIf }) => ({ result, whatIf, difference: toMoney(result.total.minus(baseline)) })),
  });
}
