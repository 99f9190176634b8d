import type { Parameter, Policy } from './policySchema';

function isParameter(value: unknown): value is Parameter {
  return typeof value === 'object' && value !== null && 'value' in value && 'label' in value && 'provenance' in value;
}

/**
 * Every parameter of a policy by path, in the policy's order, each variant as a parameter of
 * its own (`…deductible.variants[0]`); benefits are named by id, as results cite them, so
 * reordering them changes no path. Used by `diffPolicies` and by the generated parameter
 * tables (`npm run tables`).
 */
export function parametersOf(policy: Policy): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  walkPolicy(policy, (path, parameter) => {
    found.set(path, parameter);
    parameter.variants?.forEach((variant, index) => {
      found.set(`${path}.variants[${index}]`, { value: variant.value, label: parameter.label, provenance: variant.provenance ?? parameter.provenance });
    });
  });
  return found;
}

/** Labels and notes are words about the rules, not rules: a diff of rules leaves them out. */
const WORDS = new Set(['label', 'name', 'notes', 'scheme', 'year', 'validFrom', 'validTo', 'id', 'zh', 'en']);

/** Calls `onParameter` for each parameter, and `onSetting` for each other value that is not words. */
export function walkPolicy(policy: Policy, onParameter: (path: string, parameter: Parameter) => void, onSetting?: (path: string, value: unknown) => void): void {
  const walk = (value: unknown, path: string): void => {
    if (isParameter(value)) onParameter(path, value);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) if (!WORDS.has(key)) walk(child, path === '' ? key : `${path}.${key}`);
    } else onSetting?.(path, value);
  };
  for (const benefit of policy.benefits) walk(benefit, `benefits.${benefit.id}`);
  const { benefits: _benefits, ...rest } = policy;
  walk(rest, '');
}

