import { fixedLabel } from '../../messages';
import { fenText } from '../../money';
import { fen } from '../fen';
import { valueFor } from '../parameters';
import type { StepForm } from '../context';
import { paid, type FormulaCompiler } from './types';

const LUMP_SUM: StepForm<number> = { key: 'lumpSum', expression: fenText, value: fenText };

/** A fixed amount on the event. */
export const lumpSum: FormulaCompiler<'lumpSum'> = (formula, env) => {
  const amount = env.parameter(formula.amount, 'amount', fen);
  return (context, steps) => {
    const value = valueFor(amount, context);
    steps?.record(LUMP_SUM, fixedLabel('lumpSum'), value);
    return paid(value);
  };
};
