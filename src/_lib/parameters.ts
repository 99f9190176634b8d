import type { Parameter, Policy } from './policySchema';

function isParameter(value: unknown): value is Parameter {
  return typeof value === 'object' && value !== null && 'value' in value && 'label' in value && 'provenance' in value;
}

/**
 * Every parameter of a policy by path, in the policy's order; benefits are named by id, as
 * results cite them, so reordering them changes no path. Used by `diffPolicies` and by the
 * generated parameter tables (`npm run tables`).
 */
export function parametersOf(policy: Policy): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  const walk = (value: unknown, path: string): void => {
    if (isParameter(value)) {
      found.set(path, value);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    }
  };
  for (const benefit of policy.benefits) walk(benefit, `benefits.${benefit.id}`);
  walk(policy.ceilings, 'ceilings');
  walk(policy.contribution, 'contribution');
  return found;
}
