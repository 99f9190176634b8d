import { isoDateSchema } from '../_lib/dates';
import { InvalidInputError, readInput, validate } from '../_lib/errors';
import { registeredPolicies, versionFor, versionForClaim } from '../_lib/versions';
import { claimSchema, type ClaimInput, type Member, type MemberInput } from '../_lib/inputSchemas';
import { plainClaim, plainOf } from '../_lib/plainInput';
import { readMember } from '../_lib/readInputs';
import type { Policy } from '../_lib/policySchema';
import type { PolicyRegistry } from '../createRegistry';

/** Where {@link selectPolicy} looks, and whose claim it is. */
export interface SelectOptions {
  /** The versions to pick from; the bundled policies by default. */
  readonly registry?: PolicyRegistry;
  /**
   * The member whose claim it is. A version whose protection periods are the members' own
   * (`conventions.protectionPeriod: 'enrolment'`) governs the member's cover that holds the
   * date, even after the version's own period has ended.
   */
  readonly member?: MemberInput;
}

/**
 * The registry and member of the third argument: a registry, or options naming them. The
 * registry is `fallback` when they name none; with no fallback (`huzhu/core` bundles no
 * policies) it must be given.
 */
function readOptions(
  options: PolicyRegistry | SelectOptions | undefined,
  fallback: PolicyRegistry | undefined,
): { registry: PolicyRegistry; member: Member | undefined } {
  // Options name a registry or a member; anything else is read as a registry, and refused as one
  // when it has no policies. Read once into a copy: a getter or Proxy that throws is reported, not rethrown.
  const given = readInput(options, ['options'], () =>
    typeof options === 'object' && options !== null && !('policies' in options) && ('registry' in options || 'member' in options) ? { ...options } : undefined,
  );
  if (given === undefined) return { registry: options === undefined ? required(fallback, ['options']) : (options as PolicyRegistry), member: undefined };
  const { registry, member, ...unknown } = given;
  const extra = Object.keys(unknown);
  if (extra.length > 0) {
    throw new InvalidInputError(extra.map((key) => ({ path: ['options', key], code: 'unrecognized_keys', message: `unknown option "${key}": expected only "registry" and "member"` })));
  }
  return { registry: registry ?? required(fallback, ['options', 'registry']), member: member === undefined ? undefined : readMember(member) };
}

function required(registry: PolicyRegistry | undefined, path: readonly string[]): PolicyRegistry {
  if (registry !== undefined) return registry;
  throw new InvalidInputError([
    { path, code: 'invalid_type', message: 'expected a registry made by createRegistry: huzhu/core bundles no policies' },
  ]);
}

/** What `selectPolicy` does, from `fallback` when the options name no registry. */
export function selectIn(
  fallback: PolicyRegistry | undefined,
  scheme: string,
  at: string | ClaimInput,
  options: PolicyRegistry | SelectOptions | undefined,
): Policy {
  // Read once, as the evaluate functions read them: the checked plain copy, or the date.
  const claim = typeof at === 'string' ? undefined : (plainClaim(at) ?? plainOf(validate(claimSchema, at, 'claim')));
  const date = typeof at === 'string' ? validate(isoDateSchema, at, 'date') : undefined;
  const { registry, member } = readOptions(options, fallback);
  if (claim !== undefined) return versionForClaim(registry, scheme, claim, member);
  return versionFor(registeredPolicies(registry), scheme, () => date!, member, date!);
}
