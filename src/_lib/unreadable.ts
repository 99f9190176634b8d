/**
 * Inputs that cannot be read: a getter or Proxy trap that throws, a revoked Proxy. The
 * caller's exception never leaves a public function; it becomes an issue with the code
 * `unreadable` at the path of the field that threw.
 */
import type { Issue } from './errors';

/** Deeper than any valid input; the walk stops there rather than exhaust the stack. */
const MAX_DEPTH = 64;

/** The message of anything thrown, without trusting it: reading that may throw too. */
function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? String(thrown.message) : String(thrown);
  } catch {
    return 'the value threw an exception';
  }
}

/**
 * The path of the first field, walking keys in order, whose keys, prototype or value cannot be
 * read; undefined when every read succeeds now. Each object is visited once, so the walk is
 * linear in the input, shared references and cycles included.
 */
function unreadablePath(value: unknown, path: (string | number)[], seen: Set<object>): (string | number)[] | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || path.length > MAX_DEPTH) return undefined;
  seen.add(value);
  let keys: string[];
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
    Object.getPrototypeOf(value);
    keys = Object.keys(value);
  } catch {
    return path;
  }
  for (const key of keys) {
    const at = isArray && /^\d+$/.test(key) ? Number(key) : key;
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[key];
    } catch {
      return [...path, at];
    }
    const found = unreadablePath(child, [...path, at], seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The issue for an exception thrown while reading `value`, the argument at `root`: at the
 * field that throws when read again, or at the argument itself when none does.
 */
export function unreadableIssue(thrown: unknown, value: unknown, root: readonly (string | number)[]): Issue {
  let path: (string | number)[];
  try {
    path = unreadablePath(value, [...root], new Set()) ?? [...root];
  } catch {
    path = [...root];
  }
  return { path, code: 'unreadable', message: `could not be read: ${describeThrown(thrown)}` };
}
