import { Dec, type Decimal } from '../decimal';
import { formatYuan } from '../money';
import { claimOf } from './claimOf';
import type { Evaluator } from './types';

/** A share of a cost above a deductible, by ratio tiers whose bounds are on the cost itself. */
export const copay: Evaluator<'copay'> = (formula, context) => {
  const { trace, path, roundStep } = context;
  const base = claimOf(context, 'hospitalisation').costs[formula.base];
  trace.step('base', { field: formula.base }, `costs.${formula.base}`, base);
  const deductible = new Dec(trace.use(formula.deductible, `${path}.deductible`));
  const aboveDeductible = Dec.max(0, base.minus(deductible));
  trace.step('deductible', {}, `max(0, ${formatYuan(base)} − ${formatYuan(deductible)})`, aboveDeductible);

  const tiers = trace.use(formula.tiers, `${path}.tiers`);
  let lower = deductible;
  const parts: Decimal[] = [];
  tiers.forEach((tier, index) => {
    const upper = tier.upTo === undefined ? undefined : new Dec(tier.upTo);
    const portion = Dec.max(0, (upper === undefined ? base : Dec.min(base, upper)).minus(lower));
    if (portion.gt(0)) {
      const part = roundStep(portion.times(tier.ratio));
      trace.step(
        'tier',
        // The last, open tier has no `to`: the wording says "above" instead of an infinite bound.
        { tier: index + 1, from: formatYuan(lower), ...(upper === undefined ? {} : { to: formatYuan(upper) }), ratio: tier.ratio },
        `${formatYuan(portion)} × ${tier.ratio}`,
        part,
      );
      parts.push(part);
    }
    if (upper !== undefined) lower = Dec.max(lower, upper);
  });
  const amount = parts.reduce((sum, part) => sum.plus(part), new Dec(0));
  if (parts.length > 1) trace.step('sum', {}, parts.map(formatYuan).join(' + '), amount);
  return { amount };
};
