import { daysInHospital } from '../dates';
import { Dec } from '../decimal';
import { formatYuan } from '../money';
import { claimOf } from './claimOf';
import type { Evaluator } from './types';

/** An amount per day in hospital, from a first paid day, up to a number of days. */
export const perDay: Evaluator<'perDay'> = (formula, context) => {
  const { trace, path, roundStep, conventions } = context;
  const claim = claimOf(context, 'hospitalisation');
  const days = daysInHospital(claim, conventions.dayCount);
  const counted = `${claim.discharge} − ${claim.admission}${conventions.dayCount === 'includeBothDays' ? ' + 1' : ''}`;
  trace.step('days', { rule: conventions.dayCount }, `max(1, ${counted})`, String(days));
  const daily = new Dec(trace.use(formula.amount, `${path}.amount`));
  const firstPaidDay = formula.firstPaidDay === undefined ? 1 : trace.use(formula.firstPaidDay, `${path}.firstPaidDay`);
  const maxDays = formula.maxDays === undefined ? Infinity : trace.use(formula.maxDays, `${path}.maxDays`);
  const paidDays = Math.min(maxDays, Math.max(0, days - firstPaidDay + 1));
  if (paidDays !== days) {
    const fromFirst = firstPaidDay === 1 ? `${days}` : `max(0, ${days} − ${firstPaidDay} + 1)`;
    trace.step('paidDays', {}, Number.isFinite(maxDays) ? `min(${maxDays}, ${fromFirst})` : fromFirst, String(paidDays));
  }
  const amount = roundStep(daily.times(paidDays));
  trace.step('perDay', { daily: formatYuan(daily), days: paidDays }, `${formatYuan(daily)} × ${paidDays}`, amount);
  return { amount };
};
