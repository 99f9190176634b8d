import { acceptPolicy } from '../_lib/acceptPolicy';
import { InvalidInputError } from '../_lib/errors';
import type { Policy } from '../_lib/policySchema';

/**
 * Read a policy kept as a JSON rule file.
 *
 * Takes the JSON text, or the value `JSON.parse` made of it, and validates it exactly as
 * {@link definePolicy} does. Unknown keys are refused (a typo must not silently drop a
 * rule), and so are `__proto__`, `constructor` and `prototype` anywhere in the data. The
 * limits of {@link definePolicy} apply: at most 1,000 items in any list, 32 levels of
 * nesting, no cycles.
 *
 * @category Policies
 *
 * @param json - JSON text, or an already parsed value
 * @returns the validated, deeply frozen policy
 * @throws {InvalidInputError} for text that is not JSON (path `json`) or for each wrong field (path `policy.…`)
 *
 * @example
 * const again = parsePolicy(JSON.stringify(policies.guangxi[2024]));
 * again.ceilings.maximumSubsidy?.value
 * //=> '1000000.00'
 */
export function parsePolicy(json: string | unknown): Policy {
  if (typeof json !== 'string') return acceptPolicy(json);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InvalidInputError([{ path: ['json'], code: 'invalid_json', message: `expected JSON text: ${(error as Error).message}` }]);
  }
  return acceptPolicy(data);
}
