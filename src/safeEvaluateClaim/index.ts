import type { EvaluateOptions } from '../_lib/engine/history';
import { safely, type SafeResult } from '../_lib/errors';
import type { ClaimInput, LedgerInput, MemberInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import type { ClaimResult } from '../_lib/result';
import { evaluateClaim } from '../evaluateClaim';

/**
 * {@link evaluateClaim} that returns invalid input as a value instead of throwing.
 *
 * @category Evaluation
 *
 * @returns `{ success: true, data }` with the claim result, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * const outcome = safeEvaluateClaim(policies.guangxi[2024], { id: 'm1', enrolments: [] }, { kind: 'death', id: 'c1', date: '2024-02-30' });
 * outcome.success ? 'settled' : outcome.error.issues[0].path
 * //=> ['claim', 'date']
 */
export function safeEvaluateClaim(policy: Policy, member: MemberInput, claim: ClaimInput, ledger?: LedgerInput, options?: EvaluateOptions): SafeResult<ClaimResult> {
  return safely(() => evaluateClaim(policy, member, claim, ledger, options));
}
