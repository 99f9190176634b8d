import { toSafe } from '../_lib/errors';
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
export const safeEvaluateClaim = toSafe(evaluateClaim);
