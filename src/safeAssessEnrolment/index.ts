import { safely, type SafeResult } from '../_lib/errors';
import type { UnitInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import { assessEnrolment, type EnrolmentAssessment } from '../assessEnrolment';

/**
 * {@link assessEnrolment} that returns invalid input as a value instead of throwing.
 *
 * @category Evaluation
 *
 * @returns `{ success: true, data }` with the assessment, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * const outcome = safeAssessEnrolment(policies.guangxi[2024], { id: 'unit-1', date: '2023-11-01', staff: 10, members: [] });
 * outcome.success ? 'ok' : outcome.error.issues[0].path
 * //=> ['policy', 'enrolment']
 */
export function safeAssessEnrolment(policy: Policy, unit: UnitInput): SafeResult<EnrolmentAssessment> {
  return safely(() => assessEnrolment(policy, unit));
}
