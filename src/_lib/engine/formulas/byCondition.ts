import { message, StepLabels } from '../../messages';
import { fenText } from '../../money';
import { exactYuan, fen, ratio, roundToFen, times } from '../fen';
import { valueFor } from '../parameters';
import { joined } from '../context';
import { nothing, paid, type FormulaCompiler } from './types';

/**
 * An amount by the class of the diagnosed condition, times an optional ratio (a pre-existing
 * condition's share, by a variant); a class the table leaves out pays nothing.
 */
export const byCondition: FormulaCompiler<'byCondition'> = (formula, env) => {
  const amounts = env.parameter(formula.amounts, 'amounts', (table) => new Map(Object.entries(table).map(([id, yuan]) => [id, fen(yuan)])));
  const share = formula.ratio && env.parameter(formula.ratio, 'ratio', ratio);
  const labels = new StepLabels();
  return (context, steps) => {
    const conditionClass = context.conditionClass;
    const classLabel = env.conditions!.classes[conditionClass]!.label;
    const amount = valueFor(amounts, context).get(conditionClass);
    if (amount === undefined) {
      steps?.add('classNotListed', labels.of('classNotListed', { conditionClass: classLabel }, `not listed ${conditionClass}`), conditionClass, '0.00');
      return nothing(message('CONDITION_CLASS_NOT_COVERED', { benefit: env.benefit.label, conditionClass: classLabel }));
    }
    steps?.add('classAmount', labels.of('classAmount', { conditionClass: classLabel }, `class ${conditionClass}`), conditionClass, fenText(amount));
    if (share === undefined) return paid(amount);
    const part = valueFor(share, context);
    const exact = times(amount, part.num);
    steps?.add('conditionRatio', labels.of('conditionRatio', {}, 'ratio'), joined(fenText(amount), ' × ', part.text), exactYuan(exact, part.den));
    return paid(roundToFen(exact, part.den, context.mode, steps));
  };
};
