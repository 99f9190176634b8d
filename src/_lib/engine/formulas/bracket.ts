import { fixedLabel, message, StepLabels } from '../../messages';
import { fenText } from '../../money';
import { fen } from '../fen';
import { valueFor } from '../parameters';
import { joined } from '../context';
import { nothing, paid, type FormulaCompiler } from './types';

/** A fixed amount, or a range decided on application, by the bracket a cost falls in. */
export const bracket: FormulaCompiler<'bracket'> = (formula, env) => {
  const table = env.parameter(formula.brackets, 'brackets', (list) =>
    list.map((b) => ({
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
  const labels = new StepLabels();
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
    if (steps !== null) {
      const where = b.to === undefined ? joined(fenText(measured), ' ≥ ', b.from) : joined(fenText(measured), ' ≥ ', b.from, found.toIncluded ? ' ≤ ' : ' < ', b.to);
      steps.add('bracket', labels.of('bracket', { measure, from: b.from }, b.from), where, found.amount === undefined ? joined(b.min!, '–', b.max!) : b.amount!);
    }
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
