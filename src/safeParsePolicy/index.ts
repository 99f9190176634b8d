import { safely, type SafeResult } from '../_lib/errors';
import type { Policy } from '../_lib/policySchema';
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
export function safeParsePolicy(json: string | unknown): SafeResult<Policy> {
  return safely(() => parsePolicy(json));
}
