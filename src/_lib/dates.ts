/**
 * Calendar dates as `YYYY-MM-DD` text, counted by whole day numbers of the proleptic
 * Gregorian calendar. No Date objects: a local-time Date depends on the machine's time zone,
 * where a day may last 23 or 25 hours, or not exist at all (Samoa skipped 2011-12-30).
 */
import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { refine } from './zodChecks';

setUpZod();

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days before the first of each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The digit at `at` of `text`, or -1 for any other character. Every claim reads dozens, so no loops or slices. */
export function digitAt(text: string, at: number): number {
  const digit = text.charCodeAt(at) - 48;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** The value of two digits from `at`, or a negative number if either is not a digit. */
export function twoDigits(text: string, at: number): number {
  const tens = digitAt(text, at);
  const ones = digitAt(text, at + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(month: number, leap: boolean): number {
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days from 0001-01-01 of the proleptic Gregorian calendar; all positive, so `| 0` truncates as floor would. */
function daysSinceYearOne(year: number, month: number, day: number, leap: boolean): number {
  const before = year - 1;
  const leapDays = ((before / 4) | 0) - ((before / 100) | 0) + ((before / 400) | 0);
  return before * 365 + leapDays + DAYS_BEFORE_MONTH[month - 1]! + (leap && month > 2 ? 1 : 0) + day - 1;
}

const EPOCH = daysSinceYearOne(1970, 1, 1, false);

/**
 * Whole days since 1970-01-01 of a real `YYYY-MM-DD` date from 0001-01-01 to 9999-12-31,
 * or NaN for anything else.
 */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const century = twoDigits(date, 0);
  const yearOfCentury = twoDigits(date, 2);
  const year = century * 100 + yearOfCentury;
  const month = twoDigits(date, 5);
  const day = twoDigits(date, 8);
  if (century < 0 || yearOfCentury < 0 || year < 1 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = isLeap(year);
  if (day > daysInMonth(month, leap)) return NaN;
  return daysSinceYearOne(year, month, day, leap) - EPOCH;
}

/** A calendar date as `YYYY-MM-DD`; impossible dates such as `2024-02-30` are refused. */
export const isoDateSchema = z.string().check(refine((text) => !Number.isNaN(dayNumber(text)), 'invalid_date', 'expected a real calendar date written YYYY-MM-DD, like "2024-01-05"'));

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same calendar date `years` later (29 February falls back to 28 February). */
export function shiftYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const month = Number(iso.slice(5, 7));
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(month, isLeap(year)));
  return `${String(year).padStart(4, '0')}-${iso.slice(5, 8)}${String(day).padStart(2, '0')}`;
}

/** Whether `date` lies in the closed range; an absent end means open-ended. */
export function isWithin(date: string, from: string, to: string | undefined): boolean {
  // ISO dates order as strings, so no Date objects are needed here.
  return date >= from && (to === undefined || date <= to);
}

/** Days in hospital by the policy's rule, never fewer than 1 (a same-day stay is one day). */
export function daysInHospital(
  stay: { readonly admission: string; readonly discharge: string },
  rule: 'excludeDischargeDay' | 'includeBothDays',
): number {
  const nights = daysBetween(stay.admission, stay.discharge);
  return Math.max(1, rule === 'includeBothDays' ? nights + 1 : nights);
}

/** The `YYYY-MM-DD` date of a day number: the inverse of {@link dayNumber} (H. Hinnant's civil_from_days). */
export function isoDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
