import type { PolicyRegistry } from '../createRegistry';
import { safely, type SafeResult } from '../_lib/errors';
import type { ClaimInput, MemberInput } from '../_lib/inputSchemas';
import type { MemberClaimResult, MemberLedgersInput } from '../_lib/memberPlans';
import { evaluateMemberClaim } from '../evaluateMemberClaim';

/**
 * {@link evaluateMemberClaim} that returns invalid input as a value instead of throwing.
 *
 * @category Evaluation
 *
 * @returns `{ success: true, data }` with the member's claim result, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * const outcome = safeEvaluateMemberClaim(bundledRegistry, { id: 'm1', enrolments: [] }, { kind: 'death', id: 'c1', date: '2025-02-30' });
 * outcome.success ? 'settled' : outcome.error.issues[0].path
 * //=> ['claim', 'date']
 */
export function safeEvaluateMemberClaim(registry: PolicyRegistry, member: MemberInput, claim: ClaimInput, ledgers?: MemberLedgersInput): SafeResult<MemberClaimResult> {
  return safely(() => evaluateMemberClaim(registry, member, claim, ledgers));
}
