import { bracket } from './bracket';
import { copay } from './copay';
import { gradeSchedule } from './gradeSchedule';
import { lumpSum } from './lumpSum';
import { perDay } from './perDay';
import type { Evaluator, FormulaContext, FormulaOutcome } from './types';
import type { Formula } from '../policySchema';

const EVALUATORS: { [K in Formula['kind']]: Evaluator<K> } = { copay, perDay, lumpSum, gradeSchedule, bracket };

/** Runs the formula of its kind. */
export function runFormula(formula: Formula, context: FormulaContext): FormulaOutcome {
  return (EVALUATORS[formula.kind] as unknown as Evaluator<Formula['kind']>)(formula, context);
}

