import { validate } from './errors';
import { compile } from './engine/compile';
import { MAX_POLICY_ITEMS, policySchema, type Policy } from './policySchema';
import { deepFreeze } from './result';

// Policies this module validated and froze; they are not validated again on every claim.
// A cache only: whether a policy is in it never changes a result.
const accepted = new WeakSet<object>();

/**
 * Validates, freezes and compiles a policy, unless it is one that was already accepted.
 * Compiling here, where a policy is defined or parsed, rather than on its first claim keeps
 * that claim as fast as the rest, and runs the compiler where the tests of a policy reach it.
 */
export function acceptPolicy(input: unknown, name: Parameters<typeof validate>[2] = 'policy'): Policy {
  if (typeof input === 'object' && input !== null && accepted.has(input)) return input as Policy;
  const policy = deepFreeze(validate(policySchema, input, name, MAX_POLICY_ITEMS));
  accepted.add(policy);
  compile(policy);
  return policy;
}
