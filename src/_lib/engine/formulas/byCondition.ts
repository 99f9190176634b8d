import { MadeOnce, message, stepLabel } from '../../messages';
import { fenText } from '../../money';
import { exactYuan, fen, ratio, roundToFen, times, type Ratio } from '../fen';
import { valueFor } from '../parameters';
import { fixedKind, stepKind, type StepForm } from '../context';
import { nothing, paid, type FormulaCompiler } from './types';

/** The class's amount, named by the class's id. */
const CLASS_AMOUNT: StepForm<number, string> = { key: 'classAmount', expression: (_, conditionClass) => conditionClass, value: fenText };
/** The class's amount times the ratio, exact in fen / the ratio's den. */
const CONDITION_RATIO: StepForm<number | bigint, number, Ratio> = { key: 'conditionRatio', expression: (_, amount, part) => `${fenText(amount)} × ${part.text}`, value: (exact, _, part) => exactYuan(exact, part.den) };

/**
 * An amount by the class of the diagnosed condition, times an optional ratio (a pre-existing
 * condition's share, by a variant); a class the table leaves out pays nothing.
 */
export const byCondition: FormulaCompiler<'byCondition'> = (formula, env) => {
  const amounts = env.parameter(formula.amounts, 'amounts', (table) => new Map(Object.entries(table).map(([id, yuan]) => [id, fen(yuan)])));
  const share = formula.ratio && env.parameter(formula.ratio, 'ratio', ratio);
  const classLabel = (conditionClass: string) => env.conditions!.classes[conditionClass]!.label;
  const notListedLabels = new MadeOnce((conditionClass: string) => stepLabel('classNotListed', { conditionClass: classLabel(conditionClass) }));
  const amountKinds = new MadeOnce((conditionClass: string) => stepKind(CLASS_AMOUNT, stepLabel('classAmount', { conditionClass: classLabel(conditionClass) })));
  const ratioKind = fixedKind(CONDITION_RATIO);
  return (context, steps) => {
    const conditionClass = context.conditionClass;
    const amount = valueFor(amounts, context).get(conditionClass);
    if (amount === undefined) {
      steps?.add('classNotListed', notListedLabels.of(conditionClass), conditionClass, '0.00');
      return nothing(message('CONDITION_CLASS_NOT_COVERED', { benefit: env.benefit.label, conditionClass: classLabel(conditionClass) }));
    }
    steps?.record(amountKinds.of(conditionClass), amount, conditionClass);
    if (share === undefined) return paid(amount);
    const part = valueFor(share, context);
    const exact = times(amount, part.num);
    steps?.record(ratioKind, exact, amount, part);
    return paid(roundToFen(exact, part.den, context.mode, steps));
  };
};
