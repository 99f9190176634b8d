import { Dec } from '../decimal';
import { formatYuan } from '../money';
import { claimOf } from './claimOf';
import type { Evaluator } from './types';

/** A share of a maximum by disability grade; a grade the table leaves out pays nothing. */
export const gradeSchedule: Evaluator<'gradeSchedule'> = (formula, context) => {
  const { benefit, trace, path, roundStep } = context;
  const claim = claimOf(context, 'disability');
  const shares = trace.use(formula.shares, `${path}.shares`);
  const grade = String(claim.grade) as keyof typeof shares;
  const share = Object.hasOwn(shares, grade) ? shares[grade] : undefined;
  if (share === undefined) {
    trace.reason('GRADE_NOT_COVERED', { benefit: benefit.label, grade: claim.grade });
    return { amount: new Dec(0) };
  }
  const maximum = new Dec(trace.use(formula.maximum, `${path}.maximum`));
  const amount = roundStep(maximum.times(share));
  trace.step('gradeShare', { grade: claim.grade }, `${formatYuan(maximum)} × ${share}`, amount);
  return { amount };
};
