import { fixedLabel } from '../../messages';
import { fenText } from '../../money';
import { fen } from '../fen';
import { valueFor } from '../parameters';
import { paid, type FormulaCompiler } from './types';

/** A fixed amount on the event. */
export const lumpSum: FormulaCompiler<'lumpSum'> = (formula, env) => {
  const amount = env.parameter(formula.amount, 'amount', fen);
  return (context, steps) => {
    const value = valueFor(amount, context);
    if (steps !== null) {
      const text = fenText(value);
      steps.add('lumpSum', fixedLabel('lumpSum'), text, text);
    }
    return paid(value);
  };
};
