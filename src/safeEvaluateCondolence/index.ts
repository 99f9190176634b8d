import { safely, type SafeResult } from '../_lib/errors';
import type { CondolenceDecisionInput, HospitalisationInput, MemberInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import { evaluateCondolence, type CondolenceResult } from '../evaluateCondolence';

/**
 * {@link evaluateCondolence} that returns invalid input as a value instead of throwing.
 *
 * @category Evaluation
 *
 * @returns `{ success: true, data }` with the condolence result, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * const outcome = safeEvaluateCondolence(policies['guilin-condolence'][2023], { id: 'm1', enrolments: [] }, {
 *   kind: 'hospitalisation', id: 's1', admission: '2023-08-01', discharge: '2023-08-20', cause: 'illness',
 *   costs: { total: '12,000', insurancePaid: 0, inScopeCopay: 0, selfPaid: 0 },
 * });
 * outcome.success ? 'ok' : outcome.error.issues[0].path
 * //=> ['stay', 'costs', 'total']
 */
export function safeEvaluateCondolence(
  policy: Policy,
  member: MemberInput,
  stay: HospitalisationInput,
  decision?: CondolenceDecisionInput,
): SafeResult<CondolenceResult> {
  return safely(() => evaluateCondolence(policy, member, stay, decision));
}
