import { message, StepLabels } from '../../messages';
import { fenText } from '../../money';
import { exactYuan, fen, ratio, roundToFen, times, type Ratio } from '../fen';
import { valueFor } from '../parameters';
import { joined } from '../context';
import { nothing, paid, type FormulaCompiler } from './types';

/** A share of a maximum by disability grade; a grade the table leaves out pays nothing. */
export const gradeSchedule: FormulaCompiler<'gradeSchedule'> = (formula, env) => {
  const shares = env.parameter(formula.shares, 'shares', (table) => {
    const byGrade = new Map<number, Ratio>();
    for (const [grade, value] of Object.entries(table)) byGrade.set(Number(grade), ratio(value!));
    return byGrade;
  });
  const maximum = env.parameter(formula.maximum, 'maximum', fen);
  const labels = new StepLabels();
  return (context, steps) => {
    const grade = context.claim.grade;
    const found = valueFor(shares, context).get(grade);
    if (found === undefined) {
      steps?.add('gradeNotListed', labels.of('gradeNotListed', { grade }, `not listed ${grade}`), `${grade}`, '0.00');
      return nothing(message('GRADE_NOT_COVERED', { benefit: env.benefit.label, grade }));
    }
    const most = valueFor(maximum, context);
    const exact = times(most, found.num);
    steps?.add('gradeShare', labels.of('gradeShare', { grade }, `share ${grade}`), joined(fenText(most), ' × ', found.text), exactYuan(exact, found.den));
    return paid(roundToFen(exact, found.den, context.mode, steps));
  };
};
