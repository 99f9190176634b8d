import type { EvaluateOptions } from '../_lib/engine/history';
import { safely, type SafeResult } from '../_lib/errors';
import type { ClaimInput, LedgerInput, MemberInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import { evaluateYear, type YearResult } from '../evaluateYear';

/**
 * {@link evaluateYear} that returns invalid input as a value instead of throwing.
 *
 * @category Evaluation
 *
 * @returns `{ success: true, data }` with the year result, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * safeEvaluateYear(policies.guangxi[2024], { id: 'm1', enrolments: [] }, []).success
 * //=> true
 */
export function safeEvaluateYear(policy: Policy, member: MemberInput, claims: readonly ClaimInput[], ledger?: LedgerInput, options?: EvaluateOptions): SafeResult<YearResult> {
  return safely(() => evaluateYear(policy, member, claims, ledger, options));
}
