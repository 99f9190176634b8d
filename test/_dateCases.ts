/**
 * The date cases that once depended on the machine's time zone, each with the answer the
 * calendar gives, for test/dates.test.ts to run in this process and in child processes under
 * other zones. Pacific/Kiritimati skipped 1994-12-31 and Pacific/Apia 2011-12-30 (both moved
 * across the date line); America/Los_Angeles and Asia/Shanghai have 23- and 25-hour days.
 */
import { daysBetween, isoDateSchema, shiftYears } from '../src/_lib/dates';
import { evaluateClaim, extendPolicy, InvalidInputError } from '../src';
import { made, stay, syntheticPolicy } from './_fixtures';

// A policy in force over every date below, paying 50 yuan a night.
const policy = syntheticPolicy(
  [{ id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('50') } }],
  { validFrom: '1990-01-01', validTo: '2099-12-31' },
);
const member = { id: 'member-1', enrolments: [{ scheme: 'test', year: 2024, from: '1990-01-01', to: '2099-12-31' }] };

/** The allowance for a stay, through the Decimal path (amounts as numbers are not the plain shape) and the fast path. */
function allowance(admission: string, discharge: string): string[] {
  const plain = stay('s', admission, discharge);
  const numeric = { ...plain, costs: { total: 0, insurancePaid: 0, inScopeCopay: 0, selfPaid: 0 } };
  return [numeric, plain].map((claim) => evaluateClaim(policy, member, claim).total.toFixed(2));
}

/** The code of the first issue a call throws, or what it returns. */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues[0]!.code;
    throw error;
  }
}

const cases: Record<string, [() => unknown, unknown]> = {
  'days from 1994-12-31 to 1995-01-02': [() => daysBetween('1994-12-31', '1995-01-02'), 2],
  'days from 2011-12-29 to 2012-01-01': [() => daysBetween('2011-12-29', '2012-01-01'), 3],
  'days from 2024-03-09 to 2024-03-11 (spring forward)': [() => daysBetween('2024-03-09', '2024-03-11'), 2],
  'days from 2024-11-02 to 2024-11-04 (fall back)': [() => daysBetween('2024-11-02', '2024-11-04'), 2],
  'days from 1991-04-13 to 1991-04-15 (Shanghai summer time)': [() => daysBetween('1991-04-13', '1991-04-15'), 2],
  'days from 1900-12-31 to 1901-01-02 (Shanghai leaves local mean time)': [() => daysBetween('1900-12-31', '1901-01-02'), 2],
  '1994-12-31 is a date': [() => isoDateSchema.safeParse('1994-12-31').success, true],
  '2011-12-30 is a date': [() => isoDateSchema.safeParse('2011-12-30').success, true],
  'allowance for 1994-12-31 to 1995-01-02: 50 × 2': [() => allowance('1994-12-31', '1995-01-02'), ['100.00', '100.00']],
  'allowance for 2011-12-30 to 2012-01-01: 50 × 2': [() => allowance('2011-12-30', '2012-01-01'), ['100.00', '100.00']],
  'allowance for 2011-12-29 to 2011-12-31: 50 × 2': [() => allowance('2011-12-29', '2011-12-31'), ['100.00', '100.00']],
  'discharge 1994-12-31 before admission 1995-01-01': [() => outcome(() => allowance('1995-01-01', '1994-12-31')), 'ends_before_start'],
  'discharge 2011-12-30 before admission 2011-12-31': [() => outcome(() => allowance('2011-12-31', '2011-12-30')), 'ends_before_start'],
  '2010-12-30 a year on': [() => shiftYears('2010-12-30', 1), '2011-12-30'],
  '1993-12-31 a year on': [() => shiftYears('1993-12-31', 1), '1994-12-31'],
  '2024-02-29 a year on': [() => shiftYears('2024-02-29', 1), '2025-02-28'],
  'a policy from 2010-12-30 extended a year': [
    () => {
      const base = syntheticPolicy([], { year: 2010, validFrom: '2010-12-30', validTo: '2011-12-29' });
      const next = extendPolicy(base, { year: 2011 });
      return [next.validFrom, next.validTo];
    },
    ['2011-12-30', '2012-12-29'],
  ],
};

/** Every case's name, with what it gave and what the calendar says. */
export function runDateCases(): { name: string; got: unknown; expected: unknown }[] {
  return Object.entries(cases).map(([name, [run, expected]]) => ({ name, got: outcome(run), expected }));
}
