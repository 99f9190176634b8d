import { isoDateSchema, isWithin } from '../_lib/dates';
import { acceptPolicy } from '../_lib/acceptPolicy';
import { InvalidInputError, PolicyNotFoundError, validate } from '../_lib/errors';
import { claimSchema, type ClaimInput } from '../_lib/inputSchemas';
import { plainClaim } from '../_lib/plainInput';
import type { Policy } from '../_lib/policySchema';
import { eventDate } from '../_lib/result';
import type { PolicyRegistry } from '../createRegistry';
import { bundledRegistry } from '../policies';

/** The registry's policies, each validated unless it already was (as every one from createRegistry was). */
function registeredPolicies(registry: PolicyRegistry): readonly Policy[] {
  const policies: unknown = typeof registry === 'object' && registry !== null ? registry.policies : undefined;
  if (!Array.isArray(policies)) {
    throw new InvalidInputError([
      { path: ['registry', 'policies'], code: 'invalid_type', message: 'expected a registry made by createRegistry, with an array of policies' },
    ]);
  }
  return policies.map((policy: unknown, index) => acceptPolicy(policy, ['registry', 'policies', index]));
}

/**
 * Find the version of a scheme that applies on a date, or to a claim.
 *
 * Given a claim, each version's own convention says which of the claim's dates counts (for
 * the bundled Guangxi rules, a stay belongs to the year of its admission): a stay admitted
 * 2023-12-28 and discharged 2024-01-05 is judged by the 2023 rules.
 *
 * @category Policies
 *
 * @param scheme - the scheme id, e.g. `guangxi`
 * @param at - a date `YYYY-MM-DD`, or a claim
 * @param registry - where to look; the bundled policies by default
 * @returns the policy version in force
 * @throws {InvalidInputError} when the date, the claim or the registry is invalid
 * @throws {PolicyNotFoundError} when no version of the scheme applies then
 *
 * @example
 * selectPolicy('guangxi', '2024-03-01').year
 * //=> 2024
 */
export function selectPolicy(scheme: string, at: string | ClaimInput, registry: PolicyRegistry = bundledRegistry): Policy {
  const versions = registeredPolicies(registry).filter((policy) => policy.scheme === scheme);
  if (typeof at === 'string') {
    const date = validate(isoDateSchema, at, 'date');
    const found = versions.find((policy) => isWithin(date, policy.validFrom, policy.validTo));
    if (found) return found;
    throw new PolicyNotFoundError(scheme, date, versions);
  }
  // Read once, as the evaluate functions read it: the checked copy, or the schema's output.
  const claim = plainClaim(at) ?? validate(claimSchema, at, 'claim');
  const found = versions.find((policy) => isWithin(eventDate(policy, claim), policy.validFrom, policy.validTo));
  if (found) return found;
  throw new PolicyNotFoundError(scheme, claim.kind === 'hospitalisation' ? claim.admission : claim.date, versions);
}
