import { fixedLabel, StepLabels } from '../../messages';
import { fenText } from '../../money';
import { divide, fen, times } from '../fen';
import { valueFor } from '../parameters';
import { joined } from '../context';
import type { FormulaCompiler } from './types';

const same = (n: number) => n;

/** An amount per day in hospital, from a first paid day, up to a number of days a stay and a year. */
export const perDay: FormulaCompiler<'perDay'> = (formula, env) => {
  const daily = env.parameter(formula.amount, 'amount', fen);
  const firstPaidDay = formula.firstPaidDay && env.parameter(formula.firstPaidDay, 'firstPaidDay', same);
  const maxDays = formula.maxDays && env.parameter(formula.maxDays, 'maxDays', same);
  const maxDaysPerYear = formula.maxDaysPerYear && env.parameter(formula.maxDaysPerYear, 'maxDaysPerYear', same);
  const counted = env.dayCount === 'includeBothDays' ? ' + 1' : '';
  const labels = new StepLabels();
  return (context, steps) => {
    const { claim, days } = context;
    steps?.add('days', labels.of('days', { rule: env.dayCount }, 'days'), joined('max(1, ', claim.discharge, ' − ', claim.admission, counted, ')'), String(days));
    const first = firstPaidDay === undefined ? 1 : valueFor(firstPaidDay, context);
    const most = maxDays === undefined ? undefined : valueFor(maxDays, context);
    const left = maxDaysPerYear === undefined ? undefined : Math.max(0, valueFor(maxDaysPerYear, context) - context.ledger.days[env.index]!);
    let paidDays = Math.max(0, days - first + 1);
    if (most !== undefined) paidDays = Math.min(most, paidDays);
    if (left !== undefined) paidDays = Math.min(left, paidDays);
    // The arithmetic is written only for a reader, not on every settlement.
    if (steps !== null && paidDays !== days) {
      let expression = first === 1 ? `${days}` : `max(0, ${days} − ${first} + 1)`;
      if (most !== undefined) expression = `min(${most}, ${expression})`;
      if (left !== undefined) expression = `min(${left}, ${expression})`;
      steps.add('paidDays', fixedLabel('paidDays'), expression, String(paidDays));
    }
    const rate = valueFor(daily, context);
    const amount = divide(times(rate, paidDays), 1, context.mode);
    if (steps !== null) {
      const daily = fenText(rate);
      steps.add('perDay', fixedLabel('perDay'), joined(daily, ' × ', paidDays), fenText(amount), { daily, days: paidDays });
    }
    return { fen: amount, daysPaid: paidDays, deductibleUsed: 0 };
  };
};
