import type { Decimal } from '../decimal';
import type { Claim } from '../inputSchemas';
import type { Benefit, Conventions, Formula } from '../policySchema';
import type { Trace } from '../trace';

export interface FormulaContext {
  readonly claim: Claim;
  readonly benefit: Benefit;
  /** Where the formula sits in the policy, for citations: `benefits.<id>.formula`. */
  readonly path: string;
  readonly trace: Trace;
  /** Rounds an intermediate amount when the policy rounds at each step; identity otherwise. */
  readonly roundStep: (amount: Decimal) => Decimal;
  /** The policy's conventions, for counting days. */
  readonly conventions: Conventions;
}

export interface FormulaOutcome {
  readonly amount: Decimal;
  /** Set when the policy gives a range and the amount is decided on application. */
  readonly range?: { readonly min: Decimal; readonly max: Decimal };
}

export type FormulaOf<K extends Formula['kind']> = Extract<Formula, { kind: K }>;
export type Evaluator<K extends Formula['kind']> = (formula: FormulaOf<K>, context: FormulaContext) => FormulaOutcome;
