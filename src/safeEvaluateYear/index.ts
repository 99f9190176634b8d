import { toSafe } from '../_lib/errors';
import { evaluateYear } from '../evaluateYear';

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
export const safeEvaluateYear = toSafe(evaluateYear);
