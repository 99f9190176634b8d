/**
 * The policies huzhu has parsed: a policy is validated once, where it enters (parsePolicy,
 * definePolicy, extendPolicy, huzhu/policies), and every other function takes only one of
 * these. This module holds no schema, so a program that only settles claims under bundled or
 * already parsed policies bundles none (docs/benchmarks.md, "Bundle sizes").
 */
import { compile } from './engine/compile';
import { InvalidInputError } from './errors';
import type { Policy } from './policySchema';

// Parsed policies, deep-frozen: membership is what makes a value a policy to every function.
const parsed = new WeakSet<object>();

/**
 * Registers a deep-frozen, valid policy and compiles it. Compiling here, where a policy is
 * parsed or bundled, rather than on its first claim keeps that claim as fast as the rest, and
 * runs the compiler where the tests of a policy reach it.
 */
export function registerPolicy<P extends Policy>(policy: P): P {
  parsed.add(policy);
  compile(policy);
  return policy;
}

/** Whether `input` is a registered policy. A WeakSet lookup: it reads nothing of `input`, so a Proxy's traps never run. */
export function isParsedPolicy(input: unknown): input is Policy {
  return typeof input === 'object' && input !== null && parsed.has(input);
}

/** `input` if it is a registered policy; else an InvalidInputError (`unparsed_policy`) at `path`. */
export function parsedPolicy(input: unknown, path: string | readonly (string | number)[] = 'policy'): Policy {
  if (isParsedPolicy(input)) return input;
  throw new InvalidInputError([
    {
      path: typeof path === 'string' ? [path] : path,
      code: 'unparsed_policy',
      message: 'expected a policy from parsePolicy, definePolicy, extendPolicy or huzhu/policies; parse a rule file with parsePolicy first',
    },
  ]);
}
