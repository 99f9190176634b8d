import { safely, type SafeResult } from '../_lib/errors';
import type { RosterInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import { assessContributions, type ContributionAssessment } from '../assessContributions';

/**
 * {@link assessContributions} that returns invalid input as a value instead of throwing.
 *
 * @category Evaluation
 *
 * @returns `{ success: true, data }` with the assessment, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * const outcome = safeAssessContributions(policies.xining[2024], [{ id: 'unit-1', count: 0 }]);
 * outcome.success ? 'ok' : outcome.error.issues[0].path
 * //=> ['roster', 0, 'count']
 */
export function safeAssessContributions(policy: Policy, roster: RosterInput): SafeResult<ContributionAssessment> {
  return safely(() => assessContributions(policy, roster));
}
