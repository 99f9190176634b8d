import { stepLabel } from '../../messages';
import { fenText } from '../../money';
import { divide, fen, times } from '../fen';
import { valueFor } from '../parameters';
import { fixedKind, stepKind, type StepForm } from '../context';
import type { FormulaCompiler } from './types';

const same = (n: number) => n;

/** Days in hospital, from the stay's dates; `counted` is ` + 1` when both days count. */
const DAYS: StepForm<number, string, string, string> = { key: 'days', expression: (_, admission, discharge, counted) => `max(1, ${discharge} − ${admission}${counted})`, value: String };
/** Days paid of `days`, from the first paid day, at most `most` a stay and `left` of the year's (when the policy limits them). */
const PAID_DAYS: StepForm<number, number, number, readonly [most: number | undefined, left: number | undefined] | undefined> = {
  key: 'paidDays',
  expression: (_, days, first, limits) => {
    const [most, left] = limits ?? [];
    let expression = first === 1 ? `${days}` : `max(0, ${days} − ${first} + 1)`;
    if (most !== undefined) expression = `min(${most}, ${expression})`;
    if (left !== undefined) expression = `min(${left}, ${expression})`;
    return expression;
  },
  value: String,
};
const PER_DAY: StepForm<number, number, number> = {
  key: 'perDay',
  expression: (_, daily, days) => `${fenText(daily)} × ${days}`,
  value: fenText,
  params: (_, daily, days) => ({ daily: fenText(daily), days }),
};

/** An amount per day in hospital, from a first paid day, up to a number of days a stay and a year. */
export const perDay: FormulaCompiler<'perDay'> = (formula, env) => {
  const daily = env.parameter(formula.amount, 'amount', fen);
  const firstPaidDay = formula.firstPaidDay && env.parameter(formula.firstPaidDay, 'firstPaidDay', same);
  const maxDays = formula.maxDays && env.parameter(formula.maxDays, 'maxDays', same);
  const maxDaysPerYear = formula.maxDaysPerYear && env.parameter(formula.maxDaysPerYear, 'maxDaysPerYear', same);
  const counted = env.dayCount === 'includeBothDays' ? ' + 1' : '';
  const daysKind = stepKind(DAYS, stepLabel('days', { rule: env.dayCount }));
  return (context, steps) => {
    const { claim, days } = context;
    steps?.record(daysKind, days, claim.admission, claim.discharge, counted);
    const first = firstPaidDay === undefined ? 1 : valueFor(firstPaidDay, context);
    const most = maxDays === undefined ? undefined : valueFor(maxDays, context);
    const left = maxDaysPerYear === undefined ? undefined : Math.max(0, valueFor(maxDaysPerYear, context) - context.ledger.daysPaid(env.index));
    let paidDays = Math.max(0, days - first + 1);
    if (most !== undefined) paidDays = Math.min(most, paidDays);
    if (left !== undefined) paidDays = Math.min(left, paidDays);
    if (paidDays !== days) steps?.record(fixedKind(PAID_DAYS), paidDays, days, first, most === undefined && left === undefined ? undefined : [most, left]);
    const rate = valueFor(daily, context);
    const amount = divide(times(rate, paidDays), 1, context.mode);
    steps?.record(fixedKind(PER_DAY), amount, rate, paidDays);
    return { fen: amount, daysPaid: paidDays, deductibleUsed: 0 };
  };
};
