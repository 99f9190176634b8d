import { safely, type SafeResult } from '../_lib/errors';
import type { RosterInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import { assessContributions, type ContributionAssessment, type PlansContributionAssessment } from '../assessContributions';
import type { PolicyRegistry } from '../createRegistry';

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
export function safeAssessContributions(policy: Policy, roster: RosterInput): SafeResult<ContributionAssessment>;
export function safeAssessContributions(registry: PolicyRegistry, roster: RosterInput): SafeResult<PlansContributionAssessment>;
export function safeAssessContributions(source: Policy | PolicyRegistry, roster: RosterInput): SafeResult<ContributionAssessment | PlansContributionAssessment> {
  return safely(() => assessContributions(source, roster));
}
