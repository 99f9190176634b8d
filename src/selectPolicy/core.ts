import type { ClaimInput } from '../_lib/inputSchemas';
import type { Policy } from '../_lib/policySchema';
import type { PolicyRegistry } from '../createRegistry';
import { selectIn, type SelectOptions } from './select';

/**
 * `selectPolicy` of `huzhu/core`, which bundles no policies: the same choice as `huzhu`'s
 * {@link selectPolicy}, from the registry it must be given. Importing it leaves out every
 * bundled policy the program does not import itself (from `huzhu/policies`).
 *
 * @param scheme - the scheme id, e.g. `guangxi`
 * @param at - a date `YYYY-MM-DD`, or a claim
 * @param options - the registry, or `{ registry, member }`
 * @returns the policy version in force
 * @throws {InvalidInputError} when the registry is missing, or when the date, the claim, the
 *   member, the options or the registry is invalid
 * @throws {PolicyNotFoundError} when no version of the scheme applies then
 *
 * @example
 * import { createRegistry, selectPolicy } from 'huzhu/core';
 * import { guangxi } from 'huzhu/policies';
 * selectPolicy('guangxi', '2024-03-01', createRegistry(Object.values(guangxi))).year
 * //=> 2024
 */
export function selectPolicy(
  scheme: string,
  at: string | ClaimInput,
  options: PolicyRegistry | (SelectOptions & { readonly registry: PolicyRegistry }),
): Policy {
  return selectIn(undefined, scheme, at, options);
}
