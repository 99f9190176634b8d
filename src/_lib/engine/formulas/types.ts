import type { Message } from '../../messages';
import type { Benefit, ConditionList, Formula, Parameter } from '../../policySchema';
import type { ClaimContext, Recorder } from '../context';
import type { CompiledParameter } from '../parameters';

/** What a formula gave on a claim, in fen, before caps. */
export interface Outcome {
  readonly fen: number;
  /** Days of allowance paid, for a yearly limit of days. */
  readonly daysPaid: number;
  /** Deductible taken from this claim, for a deductible shared by the year's stays. */
  readonly deductibleUsed: number;
  /** Set when the amount is decided on application inside this range (the line then pays 0). */
  readonly range?: { readonly min: number; readonly max: number };
  /** Why the formula paid nothing, when that is not plain arithmetic (a threshold, a grade not listed). */
  readonly reason?: Message;
  readonly warning?: Message;
}

/** A formula compiled for one benefit: settles a claim in fen, and writes its steps when given a recorder. */
export type Op = (context: ClaimContext, steps: Recorder | null) => Outcome;

/** What compiling a formula needs from the policy. */
export interface FormulaEnv {
  readonly benefit: Benefit;
  /** The benefit's place in the policy, for its amounts in a ledger. */
  readonly index: number;
  /** `benefits.<id>.formula` */
  readonly path: string;
  readonly dayCount: 'excludeDischargeDay' | 'includeBothDays';
  /** The policy's list of conditions, for the labels of their classes. */
  readonly conditions: ConditionList | undefined;
  /** Compiles one of the formula's parameters and adds it to the line's citations, in the order asked. */
  parameter<T, V>(parameter: Parameter<T>, name: string, read: (value: T) => V): CompiledParameter<V>;
}

export type FormulaOf<K extends Formula['kind']> = Extract<Formula, { kind: K }>;
export type FormulaCompiler<K extends Formula['kind']> = (formula: FormulaOf<K>, env: FormulaEnv) => Op;

/** An outcome of nothing, with a reason. */
export const nothing = (reason?: Message): Outcome => (reason === undefined ? NOTHING : { fen: 0, daysPaid: 0, deductibleUsed: 0, reason });
const NOTHING: Outcome = Object.freeze({ fen: 0, daysPaid: 0, deductibleUsed: 0 });

/** An outcome of an amount, and nothing else to say. */
export const paid = (fen: number): Outcome => ({ fen, daysPaid: 0, deductibleUsed: 0 });
