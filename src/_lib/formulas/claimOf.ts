import type { Claim } from '../inputSchemas';
import type { FormulaContext } from './types';

/**
 * The claim, as the kind the formula needs. The policy schema only lets a formula pay on
 * events of its kind, so a mismatch here is a bug in huzhu, not bad input.
 */
export function claimOf<K extends Claim['kind']>(context: FormulaContext, kind: K): Extract<Claim, { kind: K }> {
  if (context.claim.kind !== kind) {
    throw new Error(`huzhu: a ${context.benefit.formula.kind} formula ran on a ${context.claim.kind} claim`);
  }
  return context.claim as Extract<Claim, { kind: K }>;
}
