import { fixedLabel, MadeOnce, message, stepLabel } from '../../messages';
import { fenText } from '../../money';
import { fen } from '../fen';
import { valueFor } from '../parameters';
import { joined, stepKind, type StepForm } from '../context';
import { nothing, paid, type FormulaCompiler, type FormulaOf } from './types';

interface Bracket {
  readonly from: number;
  readonly to: number;
  readonly toIncluded: boolean;
  readonly amount: number | undefined;
  readonly min: number;
  readonly max: number;
  /** As the policy writes it. */
  readonly text: FormulaOf<'bracket'>['brackets']['value'][number];
}

/** The bracket the measured amount falls in, and its amount or range. */
const BRACKET: StepForm<Bracket, number> = {
  key: 'bracket',
  expression: ({ text, toIncluded }, measured) => (text.to === undefined ? `${fenText(measured)} ≥ ${text.from}` : `${fenText(measured)} ≥ ${text.from}${toIncluded ? ' ≤ ' : ' < '}${text.to}`),
  value: ({ text }) => (text.amount === undefined ? `${text.min!}–${text.max!}` : text.amount),
};

/** A fixed amount, or a range decided on application, by the bracket a cost falls in. */
export const bracket: FormulaCompiler<'bracket'> = (formula, env) => {
  const table = env.parameter(formula.brackets, 'brackets', (list) =>
    list.map((b): Bracket => ({
      from: fen(b.from),
      to: b.to === undefined ? Infinity : fen(b.to),
      toIncluded: b.toIncluded === true,
      amount: b.amount === undefined ? undefined : fen(b.amount),
      min: b.min === undefined ? 0 : fen(b.min),
      max: b.max === undefined ? 0 : fen(b.max),
      text: b,
    })),
  );
  const measure = formula.measure;
  const kinds = new MadeOnce((from: string) => stepKind(BRACKET, stepLabel('bracket', { measure, from })));
  return (context, steps) => {
    const measured = context.claim[measure];
    const brackets = valueFor(table, context);
    const found = brackets.find((b) => measured >= b.from && (measured < b.to || (b.toIncluded && measured === b.to)));
    if (found === undefined) {
      const amount = fenText(measured);
      // Short of a bracket (below the lowest, or in a gap) is a threshold not reached; above a closed top bracket, nothing is listed.
      const next = brackets.find((b) => measured < b.from);
      if (next !== undefined) {
        steps?.add('belowThreshold', fixedLabel('belowThreshold'), joined(amount, ' < ', next.text.from), '0.00');
        return nothing(message('BELOW_THRESHOLD', { benefit: env.benefit.label, measure, amount, threshold: next.text.from }));
      }
      steps?.add('aboveTopBracket', fixedLabel('aboveTopBracket'), joined(amount, ' > ', brackets[brackets.length - 1]!.text.to!), '0.00');
      return nothing(message('ABOVE_TOP_BRACKET', { benefit: env.benefit.label, measure, amount, to: brackets[brackets.length - 1]!.text.to! }));
    }
    const b = found.text;
    steps?.record(kinds.of(b.from), found, measured);
    if (found.amount !== undefined) return paid(found.amount);
    return {
      fen: 0,
      daysPaid: 0,
      deductibleUsed: 0,
      range: { min: found.min, max: found.max },
      warning: message('DECIDED_ON_APPLICATION', { benefit: env.benefit.label, min: b.min!, max: b.max! }),
    };
  };
};
