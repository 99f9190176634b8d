import { validate } from './errors';
import { MAX_POLICY_ITEMS, policySchema, type Policy } from './policySchema';
import { isParsedPolicy, registerPolicy } from './parsedPolicies';
import { deepFreeze } from './result';

/**
 * Validates, freezes, registers and compiles a policy, unless it is registered already. Only
 * the functions that parse a policy (parsePolicy, definePolicy, extendPolicy) import this
 * module, and with it the policy schema; the others take registered policies only.
 */
export function acceptPolicy(input: unknown, name: Parameters<typeof validate>[2] = 'policy'): Policy {
  if (isParsedPolicy(input)) return input;
  return registerPolicy(deepFreeze(validate(policySchema, input, name, MAX_POLICY_ITEMS)));
}
