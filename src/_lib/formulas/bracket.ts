import { Dec } from '../decimal';
import { formatYuan } from '../money';
import { claimOf } from './claimOf';
import type { Evaluator } from './types';

/** A fixed amount, or a range decided on application, by the bracket a cost falls in. */
export const bracket: Evaluator<'bracket'> = (formula, context) => {
  const { benefit, trace, path } = context;
  const measured = claimOf(context, 'hospitalisation').costs[formula.measure];
  const brackets = trace.use(formula.brackets, `${path}.brackets`);
  const index = brackets.findIndex((b) => measured.gte(b.from) && (b.to === undefined || measured.lt(b.to)));
  const found = brackets[index];
  if (found === undefined) {
    const threshold = brackets.find((b) => measured.lt(b.from)) ?? brackets[0]!;
    trace.reason('BELOW_THRESHOLD', {
      benefit: benefit.label,
      measure: formula.measure,
      amount: formatYuan(measured),
      threshold: threshold.from,
    });
    return { amount: new Dec(0) };
  }
  const where = `${formatYuan(measured)} ≥ ${found.from}${found.to === undefined ? '' : ` < ${found.to}`}`;
  const params = { measure: formula.measure, from: found.from };
  if (found.amount !== undefined) {
    trace.step('bracket', params, where, found.amount);
    return { amount: new Dec(found.amount) };
  }
  const range = { min: new Dec(found.min!), max: new Dec(found.max!) };
  trace.step('bracket', params, where, `${found.min}–${found.max}`);
  trace.warn('DECIDED_ON_APPLICATION', { benefit: benefit.label, min: found.min!, max: found.max! });
  return { amount: new Dec(0), range };
};
