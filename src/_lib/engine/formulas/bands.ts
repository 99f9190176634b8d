import { fixedLabel, message, stepLabel, StepLabels } from '../../messages';
import { fenText } from '../../money';
import type { PlainClaim } from '../../plainInput';
import type { CostField, Label } from '../../policySchema';
import { divide, exactYuan, fen, plus, ratio, roundToFen, times, type Ratio } from '../fen';
import { valueFor } from '../parameters';
import { joined } from '../context';
import { nothing, type FormulaCompiler } from './types';

interface Band {
  /** Upper edge in fen; Infinity on the last band. */
  readonly upTo: number;
  readonly included: boolean;
  readonly ratio: Ratio;
}

/**
 * A share of a cost by bands: progressive (each band's ratio on the part inside it) or whole
 * (the band the whole amount falls in sets the ratio), after a threshold and a deductible
 * taken per stay or shared by the year's stays.
 */
export const bands: FormulaCompiler<'bands'> = (formula, env) => {
  const fields: readonly CostField[] = typeof formula.base === 'string' ? [formula.base] : formula.base;
  const threshold = formula.threshold && env.parameter(formula.threshold, 'threshold', fen);
  const deductible = formula.deductible && env.parameter(formula.deductible, 'deductible', fen);
  const table = env.parameter(formula.bands, 'bands', (list) => {
    const compiled: Band[] = list.map((band) => ({ upTo: band.upTo === undefined ? Infinity : fen(band.upTo), included: band.upToIncluded ?? true, ratio: ratio(band.ratio) }));
    // One denominator for every band: parts add up exactly in fen / den. A fold, not Math.max(...): a long list would overflow the stack.
    return { list: compiled, den: compiled.reduce((most, band) => Math.max(most, band.ratio.den), 1) };
  });
  const yearly = formula.deductibleScope === 'year';
  const onBase = formula.measure === 'base';
  const progressive = formula.method === 'progressive';
  const baseText = fields.map((field) => `costs.${field}`).join(' + ');
  const field = fields.join('+');
  const labels = new StepLabels();
  // The last label each band was shown with, and where it started then: a band's label depends on the claim only through that.
  const bandLabels = new Map<Band, { readonly from: number; readonly label: Label }>();

  return (context, steps) => {
    const { claim, mode, eachStep } = context;
    const base = baseOf(claim, fields);
    steps?.add('base', labels.of('base', { field }, 'base'), baseText, fenText(base));
    if (threshold !== undefined) {
      const least = valueFor(threshold, context);
      if (base < least) {
        steps?.add('belowThreshold', fixedLabel('belowThreshold'), joined(fenText(base), ' < ', fenText(least)), '0.00');
        return nothing(message('BELOW_THRESHOLD', { benefit: env.benefit.label, measure: field, amount: fenText(base), threshold: fenText(least) }));
      }
      steps?.add('threshold', fixedLabel('threshold'), joined(fenText(base), ' ≥ ', fenText(least)), fenText(base));
    }
    // The deductible this claim takes: all of it, or what the year's earlier stays left.
    let used = 0;
    if (deductible !== undefined) {
      const whole = valueFor(deductible, context);
      const left = yearly ? Math.max(0, whole - context.ledger.deductible[env.index]!) : whole;
      if (yearly && left !== whole) steps?.add('deductibleLeft', fixedLabel('deductibleLeft'), joined('max(0, ', fenText(whole), ' − ', fenText(whole - left), ')'), fenText(left));
      used = Math.min(base, left);
      steps?.add('deductible', fixedLabel('deductible'), joined('max(0, ', fenText(base), ' − ', fenText(left), ')'), fenText(base - used));
    }
    const measured = onBase ? base : base - used;
    const floor = onBase ? used : 0;
    const { list, den } = valueFor(table, context);
    let sum: number | bigint = 0;
    if (progressive) {
      let lower = 0;
      let parts = 0;
      const shown: string[] = [];
      for (let index = 0; index < list.length; index += 1) {
        const band = list[index]!;
        const from = Math.max(lower, floor);
        const portion = Math.max(0, Math.min(measured, band.upTo) - from);
        if (portion > 0) {
          const exact = times(portion, band.ratio.num);
          const scale = den / band.ratio.den;
          const part = eachStep ? times(divide(exact, band.ratio.den, mode), den) : typeof exact === 'number' ? times(exact, scale) : exact * BigInt(scale);
          sum = plus(sum, part);
          parts += 1;
          if (steps !== null) {
            const value = exactYuan(part, den);
            shown.push(value);
            let shownAs = bandLabels.get(band);
            if (shownAs?.from !== from) {
              const label = stepLabel('band', { band: index + 1, from: fenText(from), ...(band.upTo === Infinity ? {} : { to: fenText(band.upTo) }), ratio: band.ratio.text });
              bandLabels.set(band, (shownAs = { from, label }));
            }
            steps.add('band', shownAs.label, joined(fenText(portion), ' × ', band.ratio.text), value);
          }
        }
        if (band.upTo !== Infinity) lower = Math.max(lower, band.upTo);
      }
      if (parts > 1) steps?.add('sum', fixedLabel('sum'), shown.join(' + '), exactYuan(sum, den));
    } else {
      let index = 0;
      while (index < list.length - 1 && (measured > list[index]!.upTo || (measured === list[index]!.upTo && !list[index]!.included))) index += 1;
      const band = list[index]!;
      const payable = measured - floor;
      const exact = times(payable, band.ratio.num);
      sum = typeof exact === 'number' ? times(exact, den / band.ratio.den) : exact * BigInt(den / band.ratio.den);
      steps?.add(
        'wholeBand',
        // Its label names the claim's amount: made for each step.
        stepLabel('wholeBand', { band: index + 1, amount: fenText(measured), ratio: band.ratio.text }),
        joined(fenText(payable), ' × ', band.ratio.text),
        exactYuan(sum, den),
      );
    }
    return { fen: roundToFen(sum, den, mode, steps), daysPaid: 0, deductibleUsed: used };
  };
};

/** The base in fen: one cost, or the sum of several (each at most 10^14 fen, so the sum is exact). */
export function baseOf(claim: PlainClaim, fields: readonly CostField[]): number {
  let base = 0;
  for (let index = 0; index < fields.length; index += 1) base += claim[fields[index]!];
  return base;
}
