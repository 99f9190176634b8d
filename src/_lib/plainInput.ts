/**
 * Hand-written checks for the common shape of members and claims: strings for amounts and
 * dates, nothing unusual. They accept a strict subset of what the zod schemas accept and say
 * nothing about why an input fails: anything they refuse goes through the schemas, which give
 * the error or the normalised value. They exist because they are ~50× faster than the schemas
 * on the path every claim takes.
 */
import type { ClaimInput, MemberInput } from './inputSchemas';
import { dayNumber, digitAt, twoDigits } from './dates';
import { MAX_STAY_DAYS } from './inputSchemas';

const FLAGS = new Set(['cityFederationDirect', 'hardship', 'gigWorker']);

/** The day number of a plain date, NaN for anything else. */
function dayOf(value: unknown): number {
  return typeof value === 'string' ? dayNumber(value) : NaN;
}

function isPlainDate(value: unknown): value is string {
  return !Number.isNaN(dayOf(value));
}

const isPlainId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 200;

/**
 * Whole fen of a plain amount: one to twelve digits, then optionally a dot and one or two
 * (always within MAX_YUAN, so exact); -1 for anything else.
 */
export function plainFen(value: unknown): number {
  if (typeof value !== 'string') return -1;
  let yuan = 0;
  let at = 0;
  // A thirteenth digit already refuses the amount: no need to read a long string further.
  for (; at < value.length && at <= 12; at += 1) {
    const digit = digitAt(value, at);
    if (digit < 0) break;
    yuan = yuan * 10 + digit;
  }
  if (at < 1 || at > 12) return -1;
  const decimals = value.length - at - 1;
  if (decimals === -1) return yuan * 100;
  if (value.charCodeAt(at) !== 46) return -1;
  const fen = decimals === 1 ? digitAt(value, at + 1) * 10 : decimals === 2 ? twoDigits(value, at + 1) : -1;
  return fen < 0 ? -1 : yuan * 100 + fen;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

const NONE: readonly string[] = [];

/**
 * Exactly these keys, the optional ones possibly absent; no `__proto__` or others slip past.
 * for…in makes no array of keys. It also lists keys a polluted Object.prototype adds: an
 * unexpected one refuses the value; an expected one the value lacks is read as inherited,
 * which is what the schema does too.
 */
function hasKeys(value: Record<string, unknown>, required: readonly string[], optional = NONE): boolean {
  // Values usually list their keys in the documented order: then one comparison a key settles it.
  let at = 0;
  for (const key in value) {
    if (key !== required[at]) return hasKeysInAnyOrder(value, required, optional);
    at += 1;
  }
  return at === required.length;
}

function hasKeysInAnyOrder(value: Record<string, unknown>, required: readonly string[], optional: readonly string[]): boolean {
  let present = 0;
  for (const key in value) {
    if (required.includes(key)) present += 1;
    else if (!optional.includes(key)) return false;
  }
  return present === required.length;
}

// The key lists in the documented order, made once: a literal in the call would make a new
// array for every claim.
const ENROLMENT_KEYS = ['scheme', 'year', 'from', 'to'];
const MEMBER_KEYS = ['id', 'enrolments'];
const MEMBER_OPTIONAL_KEYS = ['flags'];
const STAY_KEYS = ['kind', 'id', 'admission', 'discharge', 'cause', 'costs'];
const COST_KEYS = ['total', 'insurancePaid', 'inScopeCopay', 'selfPaid'];
const DISABILITY_KEYS = ['kind', 'id', 'date', 'grade'];
const DEATH_KEYS = ['kind', 'id', 'date'];

function isPlainEnrolment(value: unknown): boolean {
  return (
    isRecord(value) &&
    hasKeys(value, ENROLMENT_KEYS) &&
    typeof value.scheme === 'string' &&
    value.scheme.length >= 1 &&
    value.scheme.length <= 64 &&
    Number.isInteger(value.year) &&
    (value.year as number) >= 1990 &&
    (value.year as number) <= 2200 &&
    isPlainDate(value.from) &&
    isPlainDate(value.to) &&
    value.to >= value.from
  );
}

export function isPlainMember(value: unknown): value is MemberInput {
  if (!isRecord(value) || !hasKeys(value, MEMBER_KEYS, MEMBER_OPTIONAL_KEYS) || !isPlainId(value.id)) return false;
  const { enrolments, flags } = value;
  if (!Array.isArray(enrolments) || enrolments.length > 1000 || !enrolments.every(isPlainEnrolment)) return false;
  if (flags === undefined) return true;
  return isRecord(flags) && Object.entries(flags).every(([flag, set]) => FLAGS.has(flag) && typeof set === 'boolean');
}

/**
 * What the fast path reads of a plain claim, worked out while checking it: a stay's nights
 * and its costs in whole fen; zero for a claim that is not a stay.
 */
export interface PlainFacts {
  readonly nights: number;
  readonly total: number;
  readonly insurancePaid: number;
  readonly inScopeCopay: number;
  readonly selfPaid: number;
}

const NOT_A_STAY: PlainFacts = Object.freeze({ nights: 0, total: 0, insurancePaid: 0, inScopeCopay: 0, selfPaid: 0 });

function stayFacts(value: Record<string, unknown>): PlainFacts | undefined {
  if (!hasKeys(value, STAY_KEYS)) return undefined;
  const { admission, discharge, cause, costs } = value;
  if (cause !== 'illness' && cause !== 'accident') return undefined;
  // NaN, for a date that is not plain, fails both comparisons.
  const nights = dayOf(discharge) - dayOf(admission);
  if (!(nights >= 0 && nights <= MAX_STAY_DAYS)) return undefined;
  if (!isRecord(costs) || !hasKeys(costs, COST_KEYS)) return undefined;
  const total = plainFen(costs.total);
  const insurancePaid = plainFen(costs.insurancePaid);
  const inScopeCopay = plainFen(costs.inScopeCopay);
  const selfPaid = plainFen(costs.selfPaid);
  const valid = total >= 0 && insurancePaid >= 0 && inScopeCopay >= 0 && selfPaid >= 0 && insurancePaid + inScopeCopay + selfPaid <= total;
  return valid ? { nights, total, insurancePaid, inScopeCopay, selfPaid } : undefined;
}

const isGrade = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10;

/** The facts of a claim of the plain shape, or undefined for anything else (the schema then decides). */
export function plainFacts(value: unknown): PlainFacts | undefined {
  if (!isRecord(value) || !isPlainId(value.id)) return undefined;
  switch (value.kind) {
    case 'hospitalisation':
      return stayFacts(value);
    case 'disability':
      return hasKeys(value, DISABILITY_KEYS) && isPlainDate(value.date) && isGrade(value.grade) ? NOT_A_STAY : undefined;
    case 'death':
      return hasKeys(value, DEATH_KEYS) && isPlainDate(value.date) ? NOT_A_STAY : undefined;
    default:
      return undefined;
  }
}

/** The facts of every claim, or undefined if any is not plain. */
export function allPlainFacts(claims: readonly unknown[]): PlainFacts[] | undefined {
  const facts: PlainFacts[] = [];
  for (const claim of claims) {
    const read = plainFacts(claim);
    if (read === undefined) return undefined;
    facts.push(read);
  }
  return facts;
}

export function isPlainClaim(value: unknown): value is ClaimInput {
  return plainFacts(value) !== undefined;
}
