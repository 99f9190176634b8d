import { fenText } from '../../money';
import { fen } from '../fen';
import { valueFor } from '../parameters';
import { fixedKind, type StepForm } from '../context';
import { paid, type FormulaCompiler } from './types';

const LUMP_SUM: StepForm<number> = { key: 'lumpSum', expression: fenText, value: fenText };

/** A fixed amount on the event. */
export const lumpSum: FormulaCompiler<'lumpSum'> = (formula, env) => {
  const amount = env.parameter(formula.amount, 'amount', fen);
  return (context, steps) => {
    const value = valueFor(amount, context);
    steps?.record(fixedKind(LUMP_SUM), value);
    return paid(value);
  };
};
