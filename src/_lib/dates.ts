import { addYears, differenceInCalendarDays, format, isValid, parse } from 'date-fns';
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// date-fns `parse` fills unspecified fields from a reference; a fixed one keeps evaluation clock-free.
const REFERENCE = new Date(2000, 0, 1);

function toDate(iso: string): Date {
  return parse(iso, 'yyyy-MM-dd', REFERENCE);
}

/** A calendar date as `YYYY-MM-DD`; impossible dates such as `2024-02-30` are refused. */
export const isoDateSchema = z.string().refine((text) => ISO_DATE.test(text) && isValid(toDate(text)), {
  params: { code: 'invalid_date' },
  message: 'expected a real calendar date written YYYY-MM-DD, like "2024-01-05"',
});

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** The same calendar date `years` later (29 February falls back to 28 February). */
export function shiftYears(iso: string, years: number): string {
  return format(addYears(toDate(iso), years), 'yyyy-MM-dd');
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
