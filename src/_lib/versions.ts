/** Picking a scheme's version from a registry: what selectPolicy does, for the functions that settle under several plans too. */
import { parsedPolicy } from './parsedPolicies';
import { isWithin } from './dates';
import { byEnrolment, governs } from './engine/eligibility';
import { InvalidInputError, PolicyNotFoundError, readInput } from './errors';
import type { Member } from './inputSchemas';
import type { PlainClaim } from './plainInput';
import type { Policy } from './policySchema';
import { eventDate } from './result';
import type { PolicyRegistry } from '../createRegistry';

// Frozen lists of registered policies, already checked. A cache only: a frozen array's
// elements cannot change, so checking again would give the same answer. A list that is not
// frozen (a registry made by hand) is checked on every call.
const checked = new WeakMap<readonly unknown[], readonly Policy[]>();

/** The registry's policies, each of them one huzhu parsed (as every one from createRegistry is). */
export function registeredPolicies(registry: PolicyRegistry): readonly Policy[] {
  // Read inside readInput: a Proxy for the registry or its list whose traps throw is reported, not rethrown.
  return readInput(registry, ['registry'], () => {
    const policies: unknown = typeof registry === 'object' && registry !== null ? registry.policies : undefined;
    if (!Array.isArray(policies)) {
      throw new InvalidInputError([
        { path: ['registry', 'policies'], code: 'invalid_type', message: 'expected a registry made by createRegistry, with an array of policies' },
      ]);
    }
    const known = checked.get(policies);
    if (known !== undefined) return known;
    const registered = policies.map((policy: unknown, index) => parsedPolicy(policy, ['registry', 'policies', index]));
    if (Object.isFrozen(policies) && !hasAccessors(policies)) checked.set(policies, Object.freeze(registered));
    return registered;
  });
}

/** Whether a list has an element read by a getter, which may give another policy on each read. */
function hasAccessors(list: readonly unknown[]): boolean {
  for (let index = 0; index < list.length; index += 1) if (Object.getOwnPropertyDescriptor(list, index)?.get !== undefined) return true;
  return false;
}

/**
 * The version of `scheme` among `policies` for an event: with the member, the version that
 * governs their cover holding the event's date (per-member periods); else the one in force on
 * it. `dateOf` gives the event's date as a version counts it; `reported` is the date an error names.
 * @throws {PolicyNotFoundError} when none applies
 */
export function versionFor(policies: readonly Policy[], scheme: string, dateOf: (policy: Policy) => string, member: Member | undefined, reported: string): Policy {
  const versions = versionsOf(policies, scheme);
  // Loops, not find: a claim a row makes no closures here.
  if (member !== undefined) {
    for (let at = 0; at < versions.length; at += 1) {
      const policy = versions[at]!;
      if (byEnrolment(policy) && governs(policy, member, dateOf(policy))) return policy;
    }
  }
  for (let at = 0; at < versions.length; at += 1) {
    const policy = versions[at]!;
    if (isWithin(dateOf(policy), policy.validFrom, policy.validTo)) return policy;
  }
  throw new PolicyNotFoundError(scheme, reported, versions);
}

/**
 * The version of a registry's `scheme` that governs a checked claim (of `member`, when given):
 * what `selectPolicy` picks for a claim, and what the CLI settles a row under.
 * @throws {InvalidInputError} when the registry is not one
 * @throws {PolicyNotFoundError} when none applies
 */
export function versionForClaim(registry: PolicyRegistry, scheme: string, claim: PlainClaim, member: Member | undefined): Policy {
  return versionFor(registeredPolicies(registry), scheme, (policy) => eventDate(policy, claim), member, claim.kind === 'hospitalisation' ? claim.admission : claim.date);
}

// A frozen list's versions by scheme, found once: the registry's list is searched on every claim.
const bySchemeOf = new WeakMap<readonly Policy[], Map<string, readonly Policy[]>>();

/** The versions of `scheme` among `policies`, in their order. */
function versionsOf(policies: readonly Policy[], scheme: string): readonly Policy[] {
  if (!Object.isFrozen(policies)) return policies.filter((policy) => policy.scheme === scheme);
  let byScheme = bySchemeOf.get(policies);
  if (byScheme === undefined) bySchemeOf.set(policies, (byScheme = new Map()));
  const known = byScheme.get(scheme);
  if (known !== undefined) return known;
  const versions = Object.freeze(policies.filter((policy) => policy.scheme === scheme));
  // Only schemes the list has: an input naming a million unknown ones must not fill the cache.
  if (versions.length > 0) byScheme.set(scheme, versions);
  return versions;
}
