/** Picking a scheme's version from a registry: what selectPolicy does, for the functions that settle under several plans too. */
import { acceptPolicy } from './acceptPolicy';
import { isWithin } from './dates';
import { byEnrolment, governs } from './engine/eligibility';
import { InvalidInputError, PolicyNotFoundError } from './errors';
import type { Member } from './inputSchemas';
import type { Policy } from './policySchema';
import type { PolicyRegistry } from '../createRegistry';

/** The registry's policies, each validated unless it already was (as every one from createRegistry was). */
export function registeredPolicies(registry: PolicyRegistry): readonly Policy[] {
  const policies: unknown = typeof registry === 'object' && registry !== null ? registry.policies : undefined;
  if (!Array.isArray(policies)) {
    throw new InvalidInputError([
      { path: ['registry', 'policies'], code: 'invalid_type', message: 'expected a registry made by createRegistry, with an array of policies' },
    ]);
  }
  return policies.map((policy: unknown, index) => acceptPolicy(policy, ['registry', 'policies', index]));
}

/**
 * The version of `scheme` among `policies` for an event: with the member, the version that
 * governs their cover holding the event's date (per-member periods); else the one in force on
 * it. `dateOf` gives the event's date as a version counts it; `reported` is the date an error names.
 * @throws {PolicyNotFoundError} when none applies
 */
export function versionFor(policies: readonly Policy[], scheme: string, dateOf: (policy: Policy) => string, member: Member | undefined, reported: string): Policy {
  const versions = policies.filter((policy) => policy.scheme === scheme);
  const found =
    (member !== undefined ? versions.find((policy) => byEnrolment(policy) && governs(policy, member, dateOf(policy))) : undefined) ??
    versions.find((policy) => isWithin(dateOf(policy), policy.validFrom, policy.validTo));
  if (found) return found;
  throw new PolicyNotFoundError(scheme, reported, versions);
}
