/**
 * Hand-written checks for the common shape of members and claims: amounts as strings, numbers
 * or Decimals, dates as strings, nothing unusual. They accept a strict subset of what the zod
 * schemas accept and say nothing about why an input fails: anything they refuse goes through
 * the schemas, which give the error or the normalised value, and `plainOf` makes the same copy
 * from the schema's output. They exist because they are ~50× faster than the schemas on the
 * path every claim takes.
 */
import { dayNumber, digitAt, twoDigits } from './dates';
import { Decimal } from './decimal';
import { MAX_STAY_DAYS, type Claim, type Member } from './inputSchemas';
import type { Cause } from './policySchema';

const FLAG_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The day number of a plain date, NaN for anything else. */
function dayOf(value: unknown): number {
  return typeof value === 'string' ? dayNumber(value) : NaN;
}

function isPlainDate(value: unknown): value is string {
  return !Number.isNaN(dayOf(value));
}

export const isPlainId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 200;

/**
 * Whole fen of a plain amount: one to twelve digits, then optionally a dot and one or two
 * (always within MAX_YUAN, so exact); a number or Decimal whose shortest decimal form is
 * such; -1 for anything else.
 */
export function plainFen(value: unknown): number {
  if (typeof value === 'string') return fenOfText(value);
  if (typeof value === 'number') return numberFen(value);
  // A longer Decimal is left to the schema.
  return decimalFen(value);
}

/**
 * Whole fen of a number whose shortest decimal form (`String(x)`, which the schema reads) has
 * at most twelve digits before the point and two after; -1 otherwise. Writing that form costs
 * more than the rest of reading a claim, so the test is arithmetic: for 0 ≤ x < 10^12,
 * String(x) has at most two decimals ⟺ m / 100 === x, where m = Math.round(x * 100).
 * (⇒) String(x) is some m'/100 with m' < 10^14 an integer, and x the double nearest it
 * (ECMAScript's String reads back as x). Each of x and x * 100 is off by at most a relative
 * 2^-53, so x * 100 is within 10^14 · 2^-51 < 0.05 of m', and m = m'. IEEE division is
 * correctly rounded: m / 100 is the double nearest m'/100, which is x.
 * (⇐) m / 100 === x says the decimal m/100 reads back as x. Every decimal that reads back as
 * x lies in an interval narrower than ulp(x) ≤ 2^-12 (x < 2^40). String(x) picks one with the
 * fewest significant digits: if it had more than two decimals it would have no more digits
 * than m/100 but lead at a lower place, so a power of ten 10^j ≥ 0.01 would lie between it and
 * m/100 and read back as x with one digit; then String(x), with one digit and more than two
 * decimals, would be at most 0.009, more than 2^-12 below 10^j: a contradiction. x = 0 is "0".
 * 10^12 and above have thirteen digits; -0 reads as "0", so as 0.
 */
function numberFen(x: number): number {
  // NaN fails the comparison.
  if (!(x >= 0 && x < 1e12)) return -1;
  const fen = Math.round(x * 100);
  // `+ 0` makes -0 plain 0.
  return fen / 100 === x ? fen + 0 : -1;
}

/**
 * Whole fen of a Decimal of at most three words (21 digits) that `isRealDecimal` would take:
 * the value the schema reads, without writing it out and parsing it; -1 when it is not one,
 * is negative, has more than two decimals or is 10^12 yuan or more. decimal.js keeps the
 * coefficient `d` in words of seven digits, the first holding (e mod 7) + 1 of them, so word i
 * is worth 10^(e − digits + 1 − 7i) yuan.
 */
function decimalFen(value: unknown): number {
  if (!Decimal.isDecimal(value)) return -1;
  // Each field and word read once, and what is read is what is checked and summed: a getter
  // cannot show the check one value and the sum another.
  const { s, e, d } = value as unknown as { s: unknown; e: unknown; d: unknown };
  if (!Array.isArray(d) || (s !== 1 && s !== -1) || !Number.isInteger(e)) return -1;
  const count = d.length;
  if (count < 1 || count > 3) return -1;
  const first: unknown = d[0];
  const second: unknown = count > 1 ? d[1] : 0;
  const third: unknown = count > 2 ? d[2] : 0;
  if (!isWord(first) || !isWord(second) || !isWord(third)) return -1;
  // Zero is [0] with exponent 0; the schema reads -0 as its text, "0".
  if (count === 1 && first === 0) return e === 0 ? 0 : -1;
  const exponent = e as number;
  if (s !== 1 || exponent > 11 || exponent < -2 || first === 0 || (count === 1 ? first : count === 2 ? second : third) === 0) return -1;
  const digits = (((exponent % 7) + 7) % 7) + 1;
  if (first < TENS[digits - 1]! || first >= TENS[digits]!) return -1;
  // The power of ten of the first word's last digit, counted in fen.
  const place = exponent - digits + 3;
  const fen = wordFen(first, place) + wordFen(second, place - 7) + wordFen(third, place - 14);
  // NaN, when a digit sits below the fen.
  return fen >= 0 ? fen : -1;
}

/** A word of seven digits worth 10^place fen, whole fen or NaN; below the fen only zeros may sit. Exact: the total is below 10^14. */
function wordFen(word: number, place: number): number {
  // place is from -20 to 13: the exponent's bounds above.
  if (place >= 0) return word * TENS[place]!;
  const scale = TENS[-place]!;
  return word % scale === 0 ? word / scale : NaN;
}

/** 10^0 … 10^21, each exact: a table, since `10 ** n` of a variable n costs a call to pow for every word. */
const TENS = Array.from({ length: 22 }, (_, n) => Number(`1e${n}`));

const isWord = (word: unknown): word is number => Number.isInteger(word) && (word as number) >= 0 && (word as number) < 1e7;

/**
 * Whole fen of `/^\d{1,12}(\.\d{1,2})?$/` text, -1 for any other. The point is found from the
 * end (it can only be second or third from last), so the digits before it are read in one
 * loop with no test of where they stop, and a longer text is refused by its length alone.
 */
function fenOfText(value: string): number {
  const length = value.length;
  const point = length >= 4 && value.charCodeAt(length - 3) === 46 ? length - 3 : length >= 3 && value.charCodeAt(length - 2) === 46 ? length - 2 : length;
  if (point < 1 || point > 12) return -1;
  let yuan = 0;
  for (let at = 0; at < point; at += 1) {
    const digit = value.charCodeAt(at) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    yuan = yuan * 10 + digit;
  }
  const decimals = length - point - 1;
  const fen = decimals === -1 ? 0 : decimals === 1 ? digitAt(value, point + 1) * 10 : twoDigits(value, point + 1);
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
const ENROLMENT_OPTIONAL_KEYS = ['shares'];
const MEMBER_KEYS = ['id', 'enrolments'];
const MEMBER_OPTIONAL_KEYS = ['flags'];
const STAY_KEYS = ['kind', 'id', 'admission', 'discharge', 'cause', 'costs'];
const OUTPATIENT_KEYS = ['kind', 'id', 'date', 'costs'];
const COST_KEYS = ['total', 'insurancePaid', 'inScopeCopay', 'selfPaid'];
const COST_OPTIONAL_KEYS = ['aboveCeiling'];
const DISABILITY_KEYS = ['kind', 'id', 'date', 'grade'];
const DEATH_KEYS = ['kind', 'id', 'date'];
const DIAGNOSIS_KEYS = ['kind', 'id', 'date', 'condition'];
const DIAGNOSIS_OPTIONAL_KEYS = ['patient', 'firstDiagnosed', 'costs'];
/** A disability or death may name the accident it comes from. */
const EVENT_KEYS = ['event'];

/** A checked copy of a plain enrolment, each field read once; undefined for anything else. */
function plainEnrolment(value: unknown): Member['enrolments'][number] | undefined {
  if (!isRecord(value) || !hasKeys(value, ENROLMENT_KEYS, ENROLMENT_OPTIONAL_KEYS)) return undefined;
  const { scheme, year, from, to, shares } = value;
  return enrolmentOf(scheme, year, from, to, shares);
}

/** An enrolment of these fields, checked as {@link plainMember} checks one; undefined when they are not plain. */
export function enrolmentOf(scheme: unknown, year: unknown, from: unknown, to: unknown, shares: unknown): Member['enrolments'][number] | undefined {
  const valid =
    typeof scheme === 'string' &&
    scheme.length >= 1 &&
    scheme.length <= 64 &&
    Number.isInteger(year) &&
    (year as number) >= 1990 &&
    (year as number) <= 2200 &&
    isPlainDate(from) &&
    isPlainDate(to) &&
    to >= from;
  if (!valid) return undefined;
  if (shares === undefined) return { scheme, year: year as number, from, to };
  // As sharesSchema: a positive multiple of ½, at most 100.
  return typeof shares === 'number' && shares > 0 && shares <= 100 && Number.isInteger(shares * 2) ? { scheme, year: year as number, from, to, shares } : undefined;
}

/**
 * `copy` of a value, or undefined when reading it throws: a getter or Proxy that throws goes to
 * the schema, which reads the value again and reports the field it could not read. Two
 * arguments, not a rest parameter: spreading them cost an array and a slow call per member.
 */
function guarded<T, B>(copy: (value: unknown, extra: B) => T | undefined): (value: unknown, extra: B) => T | undefined {
  return (value, extra) => {
    try {
      return copy(value, extra);
    } catch {
      return undefined;
    }
  };
}

/**
 * A checked copy of a member of the plain shape, or undefined for anything else (the schema
 * then decides). Each field is read once and the copy is what is checked, so a getter cannot
 * show one value to the check and another to the settlement.
 */
export const plainMember = guarded<Member, void>(memberCopy);

function memberCopy(value: unknown): Member | undefined {
  if (!isRecord(value) || !hasKeys(value, MEMBER_KEYS, MEMBER_OPTIONAL_KEYS)) return undefined;
  const { id, enrolments, flags } = value;
  if (!Array.isArray(enrolments)) return undefined;
  const count = enrolments.length;
  if (count > 1000) return undefined;
  // Exactly sized: an array grown by push from [] reserves 17 slots, and a result keeps this one.
  const copies = new Array<Member['enrolments'][number]>(count);
  for (let at = 0; at < count; at += 1) {
    const enrolment = plainEnrolment(enrolments[at]);
    if (enrolment === undefined) return undefined;
    copies[at] = enrolment;
  }
  return memberOf(id, copies, flags);
}

/** A member of this id, these checked enrolments (kept, not copied) and these flags, checked as {@link plainMember} checks one; undefined when not plain. */
export function memberOf(id: unknown, enrolments: Member['enrolments'], flags: unknown): Member | undefined {
  if (!isPlainId(id)) return undefined;
  if (flags === undefined) return { id, enrolments };
  if (!isRecord(flags)) return undefined;
  const flagCopy: Record<string, boolean> = {};
  for (const [flag, set] of Object.entries(flags)) {
    if (!FLAG_NAME.test(flag) || flag.length > 64 || flag === 'constructor' || flag === 'prototype' || typeof set !== 'boolean') return undefined;
    flagCopy[flag] = set;
  }
  return { id, enrolments, flags: flagCopy };
}

/**
 * A claim of the plain shape as the fast path settles it: a copy of the caller's fields, each
 * read once and then checked, with a stay's nights and costs in whole fen. Fields a kind lacks
 * are empty (`''`, 0), so that every copy has one shape. A result keeps this copy, never the
 * caller's claim.
 */
export interface PlainClaim {
  readonly kind: Claim['kind'];
  readonly id: string;
  /** The date of an outpatient claim, a disability or a death; empty for a stay. */
  readonly date: string;
  readonly admission: string;
  readonly discharge: string;
  readonly cause: Cause | undefined;
  readonly grade: number;
  /** The day number of the date, or of a stay's admission. */
  readonly day: number;
  readonly nights: number;
  readonly total: number;
  readonly insurancePaid: number;
  readonly inScopeCopay: number;
  readonly selfPaid: number;
  readonly aboveCeiling: number;
  /** The claim's declared facts, copied; undefined when it has none. */
  readonly attributes: Readonly<Record<string, string>> | undefined;
  /** The day the claim was filed; empty when not given. */
  readonly filedOn: string;
  /** What a diagnosis claim says of its condition; undefined for other claims. */
  readonly diagnosis: DiagnosisFacts | undefined;
  /** The event (accident) the claim names; empty when none. */
  readonly event: string;
  /** What another fund paid for the claim, in fen; 0 when not given. */
  readonly paidElsewhere: number;
  /** What plans settled before this one paid for the claim, in fen: set by a member's settlement of several plans, never read from input. */
  readonly paidByPlans: number;
}

/** A diagnosis claim's condition: its code, whose it is, when first diagnosed, and whether costs were given. */
export interface DiagnosisFacts {
  readonly condition: string;
  readonly patient: 'member' | 'family';
  /** Empty when not given. */
  readonly firstDiagnosed: string;
  /** Whether the claim gave costs: a benefit on costs refuses a claim without them. */
  readonly costs: boolean;
}

/** Costs in whole fen, as a plain claim holds them. */
export interface PlainCosts {
  readonly total: number;
  readonly insurancePaid: number;
  readonly inScopeCopay: number;
  readonly selfPaid: number;
  readonly aboveCeiling: number;
}

/** Whole fen of the costs, or undefined when they are not plain. */
function costsOf(costs: unknown): PlainCosts | undefined {
  if (!isRecord(costs) || !hasKeys(costs, COST_KEYS, COST_OPTIONAL_KEYS)) return undefined;
  return costsInFenOf(costs.total, costs.insurancePaid, costs.inScopeCopay, costs.selfPaid, costs.aboveCeiling);
}

/** Whole fen of these amounts (`aboveCeiling` may be absent), or undefined when one is not plain or they add up to more than the total. */
export function costsInFenOf(totalAmount: unknown, insurancePaidAmount: unknown, inScopeCopayAmount: unknown, selfPaidAmount: unknown, aboveCeilingAmount: unknown): PlainCosts | undefined {
  const total = plainFen(totalAmount);
  const insurancePaid = plainFen(insurancePaidAmount);
  const inScopeCopay = plainFen(inScopeCopayAmount);
  const selfPaid = plainFen(selfPaidAmount);
  const aboveCeiling = aboveCeilingAmount === undefined ? 0 : plainFen(aboveCeilingAmount);
  const valid = total >= 0 && insurancePaid >= 0 && inScopeCopay >= 0 && selfPaid >= 0 && aboveCeiling >= 0 && insurancePaid + inScopeCopay + selfPaid + aboveCeiling <= total;
  return valid ? { total, insurancePaid, inScopeCopay, selfPaid, aboveCeiling } : undefined;
}

function stayOf(id: string, value: Record<string, unknown>): PlainClaim | undefined {
  if (!hasKeys(value, STAY_KEYS)) return undefined;
  const { admission, discharge, cause } = value;
  return stayClaim(id, admission, discharge, cause, costsOf(value.costs));
}

/** A stay of these fields, checked as {@link plainClaim} checks one (its id checked by {@link isPlainId}); undefined when not plain. */
export function stayClaim(id: string, admission: unknown, discharge: unknown, cause: unknown, costs: PlainCosts | undefined): PlainClaim | undefined {
  if (cause !== 'illness' && cause !== 'accident') return undefined;
  // NaN, for a date that is not plain, fails both comparisons.
  const day = dayOf(admission);
  const nights = dayOf(discharge) - day;
  if (!(nights >= 0 && nights <= MAX_STAY_DAYS)) return undefined;
  if (costs === undefined) return undefined;
  const { total, insurancePaid, inScopeCopay, selfPaid, aboveCeiling } = costs;
  return { kind: 'hospitalisation', id, date: '', admission: admission as string, discharge: discharge as string, cause, grade: 0, day, nights, total, insurancePaid, inScopeCopay, selfPaid, aboveCeiling, attributes: undefined, filedOn: '', diagnosis: undefined, event: '', paidElsewhere: 0, paidByPlans: 0 };
}

function outpatientOf(id: string, value: Record<string, unknown>): PlainClaim | undefined {
  if (!hasKeys(value, OUTPATIENT_KEYS)) return undefined;
  return outpatientClaim(id, value.date, costsOf(value.costs));
}

/** An outpatient claim of these fields, checked as {@link plainClaim} checks one (its id checked by {@link isPlainId}); undefined when not plain. */
export function outpatientClaim(id: string, date: unknown, costs: PlainCosts | undefined): PlainClaim | undefined {
  const day = dayOf(date);
  if (Number.isNaN(day) || costs === undefined) return undefined;
  return { kind: 'outpatient', id, date: date as string, admission: '', discharge: '', cause: undefined, grade: 0, day, nights: 0, ...costs, attributes: undefined, filedOn: '', diagnosis: undefined, event: '', paidElsewhere: 0, paidByPlans: 0 };
}

/** A disability or death: the same fields as a stay's, in the same order, so that every copy has one shape. Undefined when its event is not a plain id. */
function eventOf(kind: 'disability' | 'death', id: string, date: string, grade: number, event: unknown): PlainClaim | undefined {
  if (event !== undefined && !isPlainId(event)) return undefined;
  return { kind, id, date, admission: '', discharge: '', cause: undefined, grade, day: dayNumber(date), nights: 0, total: 0, insurancePaid: 0, inScopeCopay: 0, selfPaid: 0, aboveCeiling: 0, attributes: undefined, filedOn: '', diagnosis: undefined, event: event ?? '', paidElsewhere: 0, paidByPlans: 0 };
}

/** A diagnosis of the plain shape: a listed code, whose, when first diagnosed, costs if given. */
function diagnosisOf(id: string, value: Record<string, unknown>): PlainClaim | undefined {
  if (!hasKeys(value, DIAGNOSIS_KEYS, DIAGNOSIS_OPTIONAL_KEYS)) return undefined;
  const { date, condition, patient = 'member', firstDiagnosed } = value;
  const day = dayOf(date);
  if (Number.isNaN(day) || typeof condition !== 'string' || condition.length < 1 || condition.length > 64) return undefined;
  if (patient !== 'member' && patient !== 'family') return undefined;
  if (firstDiagnosed !== undefined && !(isPlainDate(firstDiagnosed) && firstDiagnosed <= (date as string))) return undefined;
  const given = value.costs;
  const costs = given === undefined ? NO_COSTS : costsOf(given);
  if (costs === undefined) return undefined;
  const diagnosis: DiagnosisFacts = Object.freeze({ condition, patient, firstDiagnosed: (firstDiagnosed as string | undefined) ?? '', costs: given !== undefined });
  return { kind: 'diagnosis', id, date: date as string, admission: '', discharge: '', cause: undefined, grade: 0, day, nights: 0, ...costs, attributes: undefined, filedOn: '', diagnosis, event: '', paidElsewhere: 0, paidByPlans: 0 };
}

const NO_COSTS = Object.freeze({ total: 0, insurancePaid: 0, inScopeCopay: 0, selfPaid: 0, aboveCeiling: 0 });

const isGrade = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10;

/** The checked copy of a claim of the plain shape, or undefined for anything else (the schema then decides). */
export const plainClaim = guarded<PlainClaim, void>(claimCopy);

function claimCopy(value: unknown): PlainClaim | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, id } = value;
  if (!isPlainId(id)) return undefined;
  switch (kind) {
    case 'hospitalisation':
      return stayOf(id, value);
    case 'outpatient':
      return outpatientOf(id, value);
    case 'diagnosis':
      return diagnosisOf(id, value);
    case 'disability': {
      if (!hasKeys(value, DISABILITY_KEYS, EVENT_KEYS)) return undefined;
      const { date, grade, event } = value;
      return isPlainDate(date) && isGrade(grade) ? eventOf(kind, id, date, grade, event) : undefined;
    }
    case 'death': {
      if (!hasKeys(value, DEATH_KEYS, EVENT_KEYS)) return undefined;
      const { date, event } = value;
      return isPlainDate(date) ? eventOf(kind, id, date, 0, event) : undefined;
    }
    default:
      return undefined;
  }
}

/** The checked copy of every claim of a list of at most `max`, or undefined if any is not plain. */
export const allPlainClaims = guarded((claims: unknown, max: number): PlainClaim[] | undefined => {
  if (!Array.isArray(claims)) return undefined;
  // The length is read once: a list that grows while it is read is copied as it first was.
  const count = claims.length;
  if (count > max) return undefined;
  // Exactly sized: an array grown by push from [] reserves 17 slots, and results keep this one.
  const copies = new Array<PlainClaim>(count);
  for (let at = 0; at < count; at += 1) {
    const copy = claimCopy(claims[at]);
    if (copy === undefined) return undefined;
    copies[at] = copy;
  }
  return copies;
});

/** Whole fen of a validated amount: at most two decimals and 14 digits, so exact. */
const fenOf = (amount: Decimal): number => (amount.isZero() ? 0 : amount.times(100).toNumber());

type Costs = NonNullable<Extract<Claim, { kind: 'outpatient' }>['costs']>;

/** Whole fen of validated costs. */
function costsInFen(costs: Costs) {
  return {
    total: fenOf(costs.total),
    insurancePaid: fenOf(costs.insurancePaid),
    inScopeCopay: fenOf(costs.inScopeCopay),
    selfPaid: fenOf(costs.selfPaid),
    aboveCeiling: costs.aboveCeiling === undefined ? 0 : fenOf(costs.aboveCeiling),
  };
}

/** The copy the engine settles, made from the schema's output for a claim the hand check left to it. */
export function plainOf(claim: Claim): PlainClaim {
  const attributes = claim.attributes === undefined ? undefined : Object.freeze({ ...claim.attributes });
  const filedOn = claim.filedOn ?? '';
  const event = claim.event ?? '';
  const paidElsewhere = 'paidElsewhere' in claim && claim.paidElsewhere !== undefined ? fenOf(claim.paidElsewhere) : 0;
  const none = { admission: '', discharge: '', cause: undefined, grade: 0, day: claim.kind === 'hospitalisation' ? 0 : dayNumber(claim.date), nights: 0, total: 0, insurancePaid: 0, inScopeCopay: 0, selfPaid: 0, aboveCeiling: 0 };
  switch (claim.kind) {
    case 'hospitalisation': {
      const day = dayNumber(claim.admission);
      const nights = dayNumber(claim.discharge) - day;
      return { kind: claim.kind, id: claim.id, date: '', admission: claim.admission, discharge: claim.discharge, cause: claim.cause, grade: 0, day, nights, ...costsInFen(claim.costs), attributes, filedOn, diagnosis: undefined, event, paidElsewhere, paidByPlans: 0 };
    }
    case 'outpatient':
      return { ...none, kind: claim.kind, id: claim.id, date: claim.date, ...costsInFen(claim.costs), attributes, filedOn, diagnosis: undefined, event, paidElsewhere, paidByPlans: 0 };
    case 'disability':
      return { ...none, kind: claim.kind, id: claim.id, date: claim.date, grade: claim.grade, attributes, filedOn, diagnosis: undefined, event, paidElsewhere: 0, paidByPlans: 0 };
    case 'death':
      return { ...none, kind: claim.kind, id: claim.id, date: claim.date, attributes, filedOn, diagnosis: undefined, event, paidElsewhere: 0, paidByPlans: 0 };
    case 'diagnosis': {
      const { costs } = claim;
      const diagnosis: DiagnosisFacts = Object.freeze({ condition: claim.condition, patient: claim.patient ?? 'member', firstDiagnosed: claim.firstDiagnosed ?? '', costs: costs !== undefined });
      return { ...none, kind: claim.kind, id: claim.id, date: claim.date, ...(costs && costsInFen(costs)), attributes, filedOn, diagnosis, event, paidElsewhere, paidByPlans: 0 };
    }
  }
}
