/**
 * The policies huzhu has parsed: a policy is validated once, where it enters (parsePolicy,
 * definePolicy, extendPolicy, huzhu/policies), and every other function takes only one of
 * these. This module holds no schema, so a program that only settles claims under bundled or
 * already parsed policies bundles none (docs/benchmarks.md, "Bundle sizes").
 */
import { compile } from './engine/compile';
import { InvalidInputError, readInput } from './errors';
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

/**
 * A list of policies (or of sets of them) as an argument gives it, copied once and shallowly:
 * its items are checked by {@link parsedPolicy}, by identity, so neither a policy nor a Proxy
 * in its place is walked. `min` and `max` bound its length, read before its items.
 */
export function policyList(value: unknown, path: readonly (string | number)[], min = 0, max = Infinity): unknown[] {
  return readInput(value, path, () => {
    if (!Array.isArray(value)) throw new InvalidInputError([{ path, code: 'invalid_type', message: 'expected an array of policies' }]);
    const { length } = value;
    if (length < min) throw new InvalidInputError([{ path, code: 'too_small', message: `expected at least ${min} ${min === 1 ? 'policy' : 'policies'}` }]);
    if (length > max) throw new InvalidInputError([{ path, code: 'too_big', message: `expected at most ${max} policies; got ${length}` }]);
    return [...value];
  });
}
