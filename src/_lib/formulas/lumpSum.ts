import { Dec } from '../decimal';
import type { Evaluator } from './types';

/** A fixed amount on the event. */
export const lumpSum: Evaluator<'lumpSum'> = (formula, { trace, path }) => {
  const amount = new Dec(trace.use(formula.amount, `${path}.amount`));
  trace.step('lumpSum', {}, amount.toFixed(2), amount);
  return { amount };
};
