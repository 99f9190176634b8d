import type { Formula } from '../../policySchema';
import { bands } from './bands';
import { bracket } from './bracket';
import { byCondition } from './byCondition';
import { gradeSchedule } from './gradeSchedule';
import { lumpSum } from './lumpSum';
import { perDay } from './perDay';
import type { FormulaCompiler, FormulaEnv, Op } from './types';

const COMPILERS: { [K in Formula['kind']]: FormulaCompiler<K> } = { bands, perDay, lumpSum, gradeSchedule, bracket, byCondition };

/** Compiles a formula of its kind. */
export function compileFormula(formula: Formula, env: FormulaEnv): Op {
  return (COMPILERS[formula.kind] as FormulaCompiler<Formula['kind']>)(formula, env);
}
