import { message, stepLabel } from '../../messages';
import { fenText } from '../../money';
import type { PlainClaim } from '../../plainInput';
import type { CostField } from '../../policySchema';
import { divide, exactYuan, fen, plus, ratio, roundToFen, times, type Ratio } from '../fen';
import { valueFor } from '../parameters';
import { fixedKind, stepKind, type StepForm, type StepKind } from '../context';
import { nothing, type FormulaCompiler } from './types';

interface Band {
  /** Upper edge in fen; Infinity on the last band. */
  readonly upTo: number;
  readonly included: boolean;
  readonly ratio: Ratio;
}

type Exact = number | bigint;
const zeroText = () => '0.00';

/** The base, named by its cost fields. */
const BASE: StepForm<number, string> = { key: 'base', expression: (_, fields) => fields, value: fenText };
/** Nothing, for a base below the threshold `least`. */
const BELOW_THRESHOLD: StepForm<number, number> = { key: 'belowThreshold', expression: (base, least) => `${fenText(base)} < ${fenText(least)}`, value: zeroText };
const THRESHOLD: StepForm<number, number> = { key: 'threshold', expression: (base, least) => `${fenText(base)} ≥ ${fenText(least)}`, value: fenText };
/** What the year's earlier stays left of the deductible `whole`. */
const DEDUCTIBLE_LEFT: StepForm<number, number> = { key: 'deductibleLeft', expression: (left, whole) => `max(0, ${fenText(whole)} − ${fenText(whole - left)})`, value: fenText };
const DEDUCTIBLE: StepForm<number, number, number> = { key: 'deductible', expression: (_, base, left) => `max(0, ${fenText(base)} − ${fenText(left)})`, value: fenText };
/** A band's part, exact in fen / den. */
const BAND: StepForm<Exact, number, Ratio, number> = { key: 'band', expression: (_, portion, ratio) => `${fenText(portion)} × ${ratio.text}`, value: (part, _, __, den) => exactYuan(part, den) };
const SUM: StepForm<Exact, readonly Exact[], number> = { key: 'sum', expression: (_, parts, den) => parts.map((part) => exactYuan(part, den)).join(' + '), value: (sum, _, den) => exactYuan(sum, den) };
/** The whole amount's band: its ratio on what is payable, exact in fen / den. */
const WHOLE_BAND: StepForm<Exact, number, Ratio, number> = { key: 'wholeBand', expression: (_, payable, ratio) => `${fenText(payable)} × ${ratio.text}`, value: (sum, _, __, den) => exactYuan(sum, den) };

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
  const baseKind = stepKind(BASE, stepLabel('base', { field }));
  // The kind each band was last shown with, and where it started then: a band's label depends on the claim only through that.
  const bandKinds = new Map<Band, { readonly from: number; readonly kind: StepKind<Exact, number, Ratio, number> }>();

  return (context, steps) => {
    const { claim, mode, eachStep } = context;
    const base = baseOf(claim, fields);
    steps?.record(baseKind, base, baseText);
    if (threshold !== undefined) {
      const least = valueFor(threshold, context);
      if (base < least) {
        steps?.record(fixedKind(BELOW_THRESHOLD), base, least);
        return nothing(message('BELOW_THRESHOLD', { benefit: env.benefit.label, measure: field, amount: fenText(base), threshold: fenText(least) }));
      }
      steps?.record(fixedKind(THRESHOLD), base, least);
    }
    // The deductible this claim takes: all of it, or what the year's earlier stays left.
    let used = 0;
    if (deductible !== undefined) {
      const whole = valueFor(deductible, context);
      const left = yearly ? Math.max(0, whole - context.ledger.deductibleUsed(env.index)) : whole;
      if (yearly && left !== whole) steps?.record(fixedKind(DEDUCTIBLE_LEFT), left, whole);
      used = Math.min(base, left);
      steps?.record(fixedKind(DEDUCTIBLE), base - used, base, left);
    }
    const measured = onBase ? base : base - used;
    const floor = onBase ? used : 0;
    const { list, den } = valueFor(table, context);
    let sum: Exact = 0;
    if (progressive) {
      let lower = 0;
      // The bands' parts, for the sum's step: at most one a band, in a list of that length (a list grown by `push` takes 17 slots).
      const parts: Exact[] | null = steps === null ? null : new Array<Exact>(list.length);
      let partCount = 0;
      for (let index = 0; index < list.length; index += 1) {
        const band = list[index]!;
        const from = Math.max(lower, floor);
        const portion = Math.max(0, Math.min(measured, band.upTo) - from);
        if (portion > 0) {
          const exact = times(portion, band.ratio.num);
          const scale = den / band.ratio.den;
          const part = eachStep ? times(divide(exact, band.ratio.den, mode), den) : typeof exact === 'number' ? times(exact, scale) : exact * BigInt(scale);
          sum = plus(sum, part);
          if (steps !== null) {
            parts![partCount++] = part;
            let shownAs = bandKinds.get(band);
            if (shownAs?.from !== from) {
              const label = stepLabel('band', { band: index + 1, from: fenText(from), ...(band.upTo === Infinity ? {} : { to: fenText(band.upTo) }), ratio: band.ratio.text });
              bandKinds.set(band, (shownAs = { from, kind: stepKind(BAND, label) }));
            }
            steps.record(shownAs.kind, part, portion, band.ratio, den);
          }
        }
        if (band.upTo !== Infinity) lower = Math.max(lower, band.upTo);
      }
      if (partCount > 1) steps!.record(fixedKind(SUM), sum, parts!.slice(0, partCount), den);
    } else {
      let index = 0;
      while (index < list.length - 1 && (measured > list[index]!.upTo || (measured === list[index]!.upTo && !list[index]!.included))) index += 1;
      const band = list[index]!;
      const payable = measured - floor;
      const exact = times(payable, band.ratio.num);
      sum = typeof exact === 'number' ? times(exact, den / band.ratio.den) : exact * BigInt(den / band.ratio.den);
      // Its label names the claim's amount: made for each step.
      steps?.record(stepKind(WHOLE_BAND, stepLabel('wholeBand', { band: index + 1, amount: fenText(measured), ratio: band.ratio.text })), sum, payable, band.ratio, den);
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
