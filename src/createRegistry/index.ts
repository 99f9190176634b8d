import { parsedPolicy, policyList } from '../_lib/parsedPolicies';
import { InvalidInputError, type Issue } from '../_lib/errors';
import type { Policy } from '../_lib/policySchema';

/** A set of policy versions to pick from by scheme and date. */
export interface PolicyRegistry {
  /** Every version, sorted by scheme, then by the first day it applies. */
  readonly policies: readonly Policy[];
}

/**
 * Gather policy versions, yours or the bundled ones, to select from by date.
 *
 * Each policy is validated. Two versions of one scheme may not apply on the same day, so
 * that {@link selectPolicy} always has one answer.
 *
 * @category Policies
 *
 * @param policies - the versions
 * @returns a frozen registry
 * @throws {InvalidInputError} for a policy not from {@link parsePolicy}, {@link definePolicy}, {@link extendPolicy} or `policies` (`unparsed_policy`), or for versions of one scheme whose periods overlap
 *
 * @example
 * const registry = createRegistry([policies.guangxi[2023], policies.guangxi[2024]]);
 * selectPolicy('guangxi', '2023-12-28', registry).year
 * //=> 2023
 */
export function createRegistry(policies: readonly Policy[]): PolicyRegistry {
  // Read once into a copy of our own: a Proxy or getter that throws is reported, not rethrown.
  const accepted = policyList(policies, ['policies']).map((policy, index) => ({ policy: parsedPolicy(policy, ['policies', index]), index }));
  const sorted = [...accepted].sort(
    (a, b) => a.policy.scheme.localeCompare(b.policy.scheme) || a.policy.validFrom.localeCompare(b.policy.validFrom),
  );
  const issues: Issue[] = [];
  sorted.forEach((entry, position) => {
    const previous = sorted[position - 1];
    if (previous === undefined || previous.policy.scheme !== entry.policy.scheme) return;
    if (previous.policy.validTo === undefined || previous.policy.validTo >= entry.policy.validFrom) {
      issues.push({
        path: ['policies', entry.index, 'validFrom'],
        code: 'overlapping_versions',
        message: `"${entry.policy.scheme}" ${entry.policy.year} starts on ${entry.policy.validFrom}, while ${previous.policy.year} still applies`,
      });
    }
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return Object.freeze({ policies: Object.freeze(sorted.map((entry) => entry.policy)) });
}
