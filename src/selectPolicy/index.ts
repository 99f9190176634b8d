import type { ClaimInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import type { PolicyRegistry } from '../createRegistry';
import { bundledRegistry } from '../policies';
import { selectIn, type SelectOptions } from './select';

export type { SelectOptions } from './select';

/**
 * Find the version of a scheme that applies on a date, or to a claim.
 *
 * Given a claim, each version's own convention says which of the claim's dates counts (for
 * the bundled Guangxi rules, a stay belongs to the year of its admission): a stay admitted
 * 2023-12-28 and discharged 2024-01-05 is judged by the 2023 rules.
 *
 * Where a version's protection year is each member's own cover
 * (`conventions.protectionPeriod: 'enrolment'`, see docs/rule-model.md#conventions), pass the
 * member: the version whose period holds the start of the member's cover that holds the date
 * governs the claim, so a stay in the last days of a cover from 2024-01-10 to 2025-01-09 is
 * judged by the version in force on 2024-01-10. Without the member, or when no such version
 * governs the member's cover, the version in force on the date is chosen, as for every other.
 *
 * @category Policies
 *
 * @param scheme - the scheme id, e.g. `guangxi`
 * @param at - a date `YYYY-MM-DD`, or a claim
 * @param options - where to look (a registry, the bundled policies by default), or
 *   `{ registry, member }`
 * @returns the policy version in force
 * @throws {InvalidInputError} when the date, the claim, the member, the options or the registry is invalid
 * @throws {PolicyNotFoundError} when no version of the scheme applies then
 *
 * @example
 * selectPolicy('guangxi', '2024-03-01').year
 * //=> 2024
 */
export function selectPolicy(scheme: string, at: string | ClaimInput, options?: PolicyRegistry | SelectOptions): Policy {
  return selectIn(bundledRegistry, scheme, at, options);
}
