import { toSafe } from '../_lib/errors';
import { parsePolicy } from '../parsePolicy';

/**
 * {@link parsePolicy} that returns its error instead of throwing it.
 *
 * @category Policies
 *
 * @returns `{ success: true, data }` with the policy, or `{ success: false, error }` with the {@link InvalidInputError}
 *
 * @example
 * const parsed = safeParsePolicy('{"scheme":"demo"}');
 * parsed.success ? 'ok' : parsed.error.issues[0].path
 * //=> ['policy', 'year']
 */
export const safeParsePolicy = toSafe(parsePolicy);
