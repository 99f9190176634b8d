import type { Decimal } from '../decimal';
import type { CostField } from '../policySchema';
import type { FormulaContext } from './types';

/** The cost a stay formula reads; formulas on stays are only allowed on hospitalisation benefits. */
export function stayCost(context: FormulaContext, field: CostField): Decimal {
  if (context.claim.kind !== 'hospitalisation') throw new Error(`huzhu: a ${field} formula ran on a ${context.claim.kind} claim`);
  return context.claim.costs[field];
}
