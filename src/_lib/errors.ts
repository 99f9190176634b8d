import type { z } from 'zod';
import { safeParse } from 'zod/mini';
import { Decimal } from './decimal';
import { englishIssue } from './locales/zodIssues';
import { unreadableIssue } from './unreadable';

/** One problem with an input: where it is, what kind it is, and what was expected. */
export interface Issue {
  /** Path from the argument name to the offending field, e.g. `["claim", "costs", "selfPaid"]`. */
  readonly path: readonly (string | number)[];
  /** Machine-readable kind, e.g. `invalid_type`, `invalid_yuan`, `unrecognized_keys`. */
  readonly code: string;
  /** What was expected, in English. */
  readonly message: string;
}

/** `claims[3].costs.selfPaid`: the path as a developer writes it in code. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`),
    '',
  );
}

/**
 * Thrown by every public function when an argument fails validation. The issues are data;
 * `message` is the same issues in prose, one per line.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(
      `Invalid input (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):\n` +
        issues.map((issue) => `  - ${formatPath(issue.path) || '(root)'}: ${issue.message}`).join('\n'),
    );
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })));
  }
}

/** The period of one policy version, as {@link PolicyNotFoundError} lists them. */
export interface VersionPeriod {
  readonly year: number;
  readonly validFrom: string;
  readonly validTo?: string | undefined;
}

/** Thrown by `selectPolicy` when no version of a scheme is in force on the date asked for. */
export class PolicyNotFoundError extends Error {
  override readonly name = 'PolicyNotFoundError';
  /** The versions of the scheme that exist, none of which applies. */
  readonly versions: readonly VersionPeriod[];

  constructor(
    readonly scheme: string,
    readonly date: string,
    versions: readonly VersionPeriod[],
  ) {
    const known = versions.length
      ? versions.map((v) => `${v.year} (${v.validFrom} to ${v.validTo ?? 'open'})`).join(', ')
      : 'none';
    super(`No "${scheme}" policy is in force on ${date}; known versions: ${known}`);
    this.versions = Object.freeze(versions.map(({ year, validFrom, validTo }) => Object.freeze({ year, validFrom, validTo })));
  }
}

/**
 * Reports one of huzhu's own problems inside a zod refinement, under a named code that
 * {@link InvalidInputError} issues carry instead of zod's generic `custom`.
 */
export function addIssue(
  ctx: z.core.ParsePayload & { addIssue?: z.RefinementCtx['addIssue'] },
  code: string,
  message: string,
  path: readonly (string | number)[] = [],
): void {
  const issue = { code: 'custom' as const, path: [...path], params: { code }, message };
  // zod's refinements and transforms have an `addIssue` of their own; huzhu's plain checks
  // (./zodChecks) have none, and push what a refinement's pushes: the checks after it still run.
  if (ctx.addIssue) ctx.addIssue(issue);
  else ctx.issues.push({ ...issue, input: ctx.value, continue: true });
}

function flatten(issue: z.core.$ZodIssue, prefix: readonly (string | number)[]): Issue[] {
  const path = [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A union error nests one issue list per branch; the branch that got furthest names the field best.
    const best = issue.errors.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
    return best.flatMap((inner) => flatten(inner, path));
  }
  // Our own refinements name their code in `params.code`; zod's built-in issues keep theirs.
  const named = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return [{ path, code: typeof named === 'string' ? named : issue.code, message: issue.message }];
}

function deepest(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(...issues.map((issue) => issue.path.length));
}

/** Keys that could reach an object's prototype when data is copied; no input may use them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any real input; deeper still is refused before it can exhaust the stack. */
const MAX_DEPTH = 32;

/** Fewer entries than V8 allows in one Set (2^24). */
const SET_CHUNK = 2 ** 23;

/**
 * A set of objects as large as memory allows: one Set holds at most 2^24 entries, fewer than
 * the objects of a roster of 10,000,000 entries with flags.
 */
class ObjectSet {
  readonly #chunks = [new Set<object>()];

  has(value: object): boolean {
    return this.#chunks.some((chunk) => chunk.has(value));
  }

  add(value: object): void {
    let last = this.#chunks[this.#chunks.length - 1]!;
    if (last.size >= SET_CHUNK) this.#chunks.push((last = new Set()));
    last.add(value);
  }
}

/**
 * The walk over a raw input that runs before its schema: it refuses prototype keys, nesting
 * deeper than {@link MAX_DEPTH}, cycles, and lists longer than `maxItems` (before reading
 * their items). Each object is entered once, however many paths lead to it, so the walk costs
 * one step per object and key: a value shared 2^30 ways is read once.
 */
class KeyWalk {
  readonly issues: Issue[] = [];
  /** Objects whose walk is finished: met again through another path, they are skipped. */
  readonly #done = new ObjectSet();
  /** Objects on the current path: met again below themselves, they close a cycle. */
  readonly #open = new Set<object>();

  constructor(readonly maxItems: number) {}

  visit(value: unknown, path: (string | number)[]): void {
    // What calls itself a Decimal is a value, not entered (decimal.js puts a `constructor` key on
    // each): the amount schemas read it, refusing it unless its fields are a real Decimal's.
    if (value === null || typeof value !== 'object' || Decimal.isDecimal(value) || this.#done.has(value)) return;
    if (this.#open.has(value)) {
      this.issues.push({ path, code: 'cyclic', message: 'expected data without cycles; this object contains itself' });
      return;
    }
    if (path.length > MAX_DEPTH) {
      this.issues.push({ path, code: 'too_deep', message: `expected data nested at most ${MAX_DEPTH} levels deep` });
      return;
    }
    if (Array.isArray(value) && value.length > this.maxItems) {
      this.issues.push({ path, code: 'too_big', message: `expected at most ${this.maxItems} items; got ${value.length}` });
      return;
    }
    this.#open.add(value);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        this.issues.push({ path: [...path, key], code: 'forbidden_key', message: `the key "${key}" is not allowed in huzhu data` });
      } else {
        this.visit((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
      }
    }
    this.#open.delete(value);
    this.#done.add(value);
  }
}

/**
 * Parses `value` with `schema`, or throws an {@link InvalidInputError} whose paths start at
 * `name`. A list longer than `maxItems`, anywhere in `value`, is refused before it is read.
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  name: string | number | readonly (string | number)[],
  maxItems = Infinity,
): z.output<S> {
  const root = typeof name === 'object' ? [...name] : [name];
  return readInput(value, root, () => {
    const walk = new KeyWalk(maxItems);
    walk.visit(value, root);
    if (walk.issues.length > 0) throw new InvalidInputError(walk.issues);
    // zod's messages in English, whatever locale the program gave zod: see ./locales/zodIssues.
    const parsed = safeParse(schema, value, { error: englishIssue });
    if (parsed.success) return parsed.data;
    throw new InvalidInputError(parsed.error.issues.flatMap((issue) => flatten(issue, root)));
  });
}

/**
 * `read()`, which reads the caller's `value` (the argument at `root`). Whatever it throws other
 * than an {@link InvalidInputError} came from the caller's getter or Proxy: it is thrown as an
 * InvalidInputError with an `unreadable` issue, never as the caller's own exception.
 */
export function readInput<T>(value: unknown, root: readonly (string | number)[], read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw isInvalidInputError(error) ? error : new InvalidInputError([unreadableIssue(error, value, root)]);
  }
}

/** `instanceof` asks a Proxy for its prototype, which may throw too. */
function isInvalidInputError(error: unknown): boolean {
  try {
    return error instanceof InvalidInputError;
  } catch {
    return false;
  }
}

/** The result of a `safe…` function: zod's `safeParse` shape. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: InvalidInputError };

/**
 * Runs a throwing public function for its `safe…` twin; only invalid input becomes a value.
 * The twins are declared functions that call this, so their signatures read as their own.
 */
export function safely<R>(run: () => R): SafeResult<R> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    if (error instanceof InvalidInputError) return { success: false, error };
    throw error;
  }
}
