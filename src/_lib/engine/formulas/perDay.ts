import { fixedLabel, StepLabels } from '../../messages';
import { fenText } from '../../money';
import { divide, fen, times } from '../fen';
import { valueFor } from '../parameters';
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
    steps?.add('days', labels.of('days', { rule: env.dayCount }, 'days'), `max(1, ${claim.discharge} − ${claim.admission}${counted})`, String(days));
    const first = firstPaidDay === undefined ? 1 : valueFor(firstPaidDay, context);
    let paidDays = Math.max(0, days - first + 1);
    let expression = first === 1 ? `${days}` : `max(0, ${days} − ${first} + 1)`;
    if (maxDays !== undefined) {
      const most = valueFor(maxDays, context);
      expression = `min(${most}, ${expression})`;
      paidDays = Math.min(most, paidDays);
    }
    if (maxDaysPerYear !== undefined) {
      const left = Math.max(0, valueFor(maxDaysPerYear, context) - context.ledger.days[env.index]!);
      expression = `min(${left}, ${expression})`;
      paidDays = Math.min(left, paidDays);
    }
    if (paidDays !== days) steps?.add('paidDays', fixedLabel('paidDays'), expression, String(paidDays));
    const rate = valueFor(daily, context);
    const amount = divide(times(rate, paidDays), 1, context.mode);
    if (steps !== null) {
      const daily = fenText(rate);
      steps.add('perDay', fixedLabel('perDay'), `${daily} × ${paidDays}`, fenText(amount), { daily, days: paidDays });
    }
    return { fen: amount, daysPaid: paidDays, deductibleUsed: 0 };
  };
};
