import { toSafe } from '../_lib/errors';
import { assessContributions } from '../assessContributions';

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
export const safeAssessContributions = toSafe(assessContributions);
