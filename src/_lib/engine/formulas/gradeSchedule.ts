import { MadeOnce, message, stepLabel } from '../../messages';
import { fenText } from '../../money';
import { exactYuan, fen, ratio, roundToFen, times, type Ratio } from '../fen';
import { valueFor } from '../parameters';
import { stepKind, type StepForm } from '../context';
import { nothing, paid, type FormulaCompiler } from './types';

/** The grade's share of the maximum, exact in fen / the share's den. */
const GRADE_SHARE: StepForm<number | bigint, number, Ratio> = { key: 'gradeShare', expression: (_, most, share) => `${fenText(most)} × ${share.text}`, value: (exact, _, share) => exactYuan(exact, share.den) };

/** A share of a maximum by disability grade; a grade the table leaves out pays nothing. */
export const gradeSchedule: FormulaCompiler<'gradeSchedule'> = (formula, env) => {
  const shares = env.parameter(formula.shares, 'shares', (table) => {
    const byGrade = new Map<number, Ratio>();
    for (const [grade, value] of Object.entries(table)) byGrade.set(Number(grade), ratio(value!));
    return byGrade;
  });
  const maximum = env.parameter(formula.maximum, 'maximum', fen);
  const notListedLabels = new MadeOnce((grade: number) => stepLabel('gradeNotListed', { grade }));
  const shareKinds = new MadeOnce((grade: number) => stepKind(GRADE_SHARE, stepLabel('gradeShare', { grade })));
  return (context, steps) => {
    const grade = context.claim.grade;
    const found = valueFor(shares, context).get(grade);
    if (found === undefined) {
      steps?.add('gradeNotListed', notListedLabels.of(grade), `${grade}`, '0.00');
      return nothing(message('GRADE_NOT_COVERED', { benefit: env.benefit.label, grade }));
    }
    const most = valueFor(maximum, context);
    const exact = times(most, found.num);
    steps?.record(shareKinds.of(grade), exact, most, found);
    return paid(roundToFen(exact, found.den, context.mode, steps));
  };
};
