import { isoDateSchema } from '../_lib/dates';
import { InvalidInputError, readInput, validate } from '../_lib/errors';
import { registeredPolicies, versionFor } from '../_lib/versions';
import { claimSchema, type ClaimInput, type Member, type MemberInput } from '../_lib/inputSchemas';
import { plainClaim } from '../_lib/plainInput';
import { readMember } from '../_lib/readInputs';
import type { Policy } from '../_lib/policySchema';
import { eventDate } from '../_lib/result';
import type { PolicyRegistry } from '../createRegistry';
import { bundledRegistry } from '../policies';

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

/** The registry and member of the third argument: a registry, or options naming them. */
function readOptions(options: PolicyRegistry | SelectOptions | undefined): { registry: PolicyRegistry; member: Member | undefined } {
  // Options name a registry or a member; anything else is read as a registry, and refused as one
  // when it has no policies. Read once into a copy: a getter or Proxy that throws is reported, not rethrown.
  const given = readInput(options, ['options'], () =>
    typeof options === 'object' && options !== null && !('policies' in options) && ('registry' in options || 'member' in options) ? { ...options } : undefined,
  );
  if (given === undefined) return { registry: options === undefined ? bundledRegistry : (options as PolicyRegistry), member: undefined };
  const { registry, member, ...unknown } = given;
  const extra = Object.keys(unknown);
  if (extra.length > 0) {
    throw new InvalidInputError(extra.map((key) => ({ path: ['options', key], code: 'unrecognized_keys', message: `unknown option "${key}": expected only "registry" and "member"` })));
  }
  return { registry: registry ?? bundledRegistry, member: member === undefined ? undefined : readMember(member) };
}

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
  // Read once, as the evaluate functions read them: the checked copy, or the schema's output.
  const claim = typeof at === 'string' ? undefined : (plainClaim(at) ?? validate(claimSchema, at, 'claim'));
  const date = typeof at === 'string' ? validate(isoDateSchema, at, 'date') : undefined;
  const { registry, member } = readOptions(options);
  const dateOf = (policy: Policy) => date ?? eventDate(policy, claim!);
  return versionFor(registeredPolicies(registry), scheme, dateOf, member, date ?? (claim!.kind === 'hospitalisation' ? claim!.admission : claim!.date));
}
