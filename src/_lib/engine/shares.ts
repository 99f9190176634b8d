/**
 * Shares (份) of a plan (docs/rule-model.md#shares): a member holding 2 shares gets twice a
 * plan's amounts and money caps, ½ share half of them. The plan is scaled as data, once per
 * share count held, and compiled like any policy: the engine has one way to settle a claim,
 * and a member with 1 share (every member but a few) settles on the policy's own compilation.
 */
import { InvalidInputError } from '../errors';
import type { Member } from '../inputSchemas';
import { message } from '../messages';
import { fenText, MAX_YUAN, type RoundingMode } from '../money';
import type { Formula, Label, Parameter, Policy } from '../policySchema';
import { eventDate } from '../result';
import type { PlainClaim } from '../plainInput';
import { compile, type CompiledPolicy } from './compile';
import { enrolmentOn } from './eligibility';
import { divide, fen, times } from './fen';

/** The shares that count: those held, up to the plan's `maxShares`. */
export function sharesCounted(policy: Policy, held: number): number {
  const most = policy.plan?.maxShares?.value;
  return most === undefined ? held : Math.min(held, most);
}

/**
 * `yuan` × `halves` / 2 to the fen, rounded by `mode`: exact in whole fen, no float. Only an odd
 * number of halves of an odd number of fen is rounded (½ share of 0.05 yuan: 0.025, which
 * `halfUp` makes 0.03 and `halfEven` or `down` 0.02).
 */
export function scaledFen(yuan: string, halves: number, mode: RoundingMode): number {
  return divide(times(fen(yuan), halves), 2, mode);
}

/** A parameter of money scaled for the shares, its label saying how many (its value is what the claim was paid on). */
function scaleParameter<T>(parameter: Parameter<T>, scale: (value: T) => T, suffix: Label): Parameter<T> {
  return {
    ...parameter,
    value: scale(parameter.value),
    label: { zh: `${parameter.label.zh}${suffix.zh}`, en: `${parameter.label.en}${suffix.en}` },
    ...(parameter.variants && { variants: parameter.variants.map((variant) => ({ ...variant, value: scale(variant.value) })) }),
  };
}

type Scale = <T>(parameter: Parameter<T>, scale: (value: T) => T) => Parameter<T>;

/**
 * Each formula's amounts that scale with shares, by kind: what is paid (a lump sum, a daily
 * amount, a schedule's maximum, a bracket's amount or range, each class's amount). Ratios, deductibles, thresholds,
 * bracket edges and day counts say when and how much of a cost is paid, which shares do not
 * change. A Record over every kind: a new formula must say what its shares scale.
 */
const SCALED: { readonly [K in Formula['kind']]: (formula: Extract<Formula, { kind: K }>, parameter: Scale, yuan: (text: string) => string) => Formula } = {
  bands: (formula) => formula,
  perDay: (formula, parameter, yuan) => ({ ...formula, amount: parameter(formula.amount, yuan) }),
  lumpSum: (formula, parameter, yuan) => ({ ...formula, amount: parameter(formula.amount, yuan) }),
  gradeSchedule: (formula, parameter, yuan) => ({ ...formula, maximum: parameter(formula.maximum, yuan) }),
  byCondition: (formula, parameter, yuan) => ({
    ...formula,
    amounts: parameter(formula.amounts, (table) => Object.fromEntries(Object.entries(table).map(([condition, amount]) => [condition, yuan(amount)]))),
  }),
  bracket: (formula, parameter, yuan) => ({
    ...formula,
    brackets: parameter(formula.brackets, (list) =>
      list.map((b) => ({
        ...b,
        ...(b.amount !== undefined && { amount: yuan(b.amount) }),
        ...(b.min !== undefined && { min: yuan(b.min) }),
        ...(b.max !== undefined && { max: yuan(b.max) }),
      })),
    ),
  }),
};

/** Past this an amount is no longer whole fen the engine can count exactly. */
const MAX_FEN = fen(MAX_YUAN);

/**
 * The policy for a member holding `shares` (counted, not held): its amounts, caps and maximum
 * subsidy scaled. An amount scaled past the largest amount huzhu reads is refused at `path`.
 */
export function scaledPolicy(policy: Policy, shares: number, path: readonly (string | number)[]): Policy {
  const halves = shares * 2;
  const mode = policy.conventions.rounding.mode;
  const yuan = (text: string) => {
    const scaled = scaledFen(text, halves, mode);
    if (scaled > MAX_FEN) throw new InvalidInputError([{ path: [...path], code: 'too_big', message: `expected fewer shares: ${shares} shares of ${text} yuan is more than ${MAX_YUAN} yuan` }]);
    return fenText(scaled);
  };
  const suffix = { zh: `（${shares} 份）`, en: ` (${shares} share${shares === 1 ? '' : 's'})` };
  const parameter: Scale = (p, scale) => scaleParameter(p, scale, suffix);
  const benefits = policy.benefits.map((benefit) => {
    const caps = benefit.caps;
    return {
      ...benefit,
      formula: (SCALED[benefit.formula.kind] as (formula: Formula, parameter: Scale, yuan: (text: string) => string) => Formula)(benefit.formula, parameter, yuan),
      ...(caps && {
        caps: {
          ...caps,
          ...(caps.perClaim && { perClaim: parameter(caps.perClaim, yuan) }),
          ...(caps.perYear && { perYear: parameter(caps.perYear, yuan) }),
        },
      }),
    };
  });
  const most = policy.ceilings.maximumSubsidy;
  return { ...policy, benefits, ceilings: { ...policy.ceilings, ...(most && { maximumSubsidy: parameter(most, yuan) }) } };
}

/** A policy compiled for each number of shares held: its claims carry the warning when some are void. */
const byShares = new WeakMap<Policy, Map<number, CompiledPolicy>>();

/** The policy compiled for a member holding `held` shares; `path` names the shares for an error. */
export function compileForShares(policy: Policy, held: number, path: readonly (string | number)[]): CompiledPolicy {
  const own = compile(policy);
  if (held === 1) return own;
  let known = byShares.get(policy);
  if (known === undefined) byShares.set(policy, (known = new Map()));
  let compiled = known.get(held);
  if (compiled === undefined) {
    const counted = sharesCounted(policy, held);
    const base = counted === 1 ? own : compile(scaledPolicy(policy, counted, path));
    // Results name the policy itself, and the scaled one is never seen outside the engine.
    compiled = { ...base, ref: own.ref, ...(counted < held && { notice: message('SHARES_VOID', { held, counted }) }) };
    known.set(held, compiled);
  }
  return compiled;
}

/** Whether any enrolment in `scheme` holds other than 1 share. A loop, not `some`: every member is asked, and a closure a member cost more than the scan. */
function holdsOtherShares(member: Member, scheme: string): boolean {
  for (let at = 0; at < member.enrolments.length; at += 1) {
    const enrolment = member.enrolments[at]!;
    if (enrolment.scheme === scheme && (enrolment.shares ?? 1) !== 1) return true;
  }
  return false;
}

/**
 * For a member who holds other than 1 share of the plan in some enrolment: the policy compiled
 * for the shares of the enrolment covering each claim. Undefined for every other member, whose
 * claims all settle on the policy's own compilation, at no cost per claim. A top-up resting on
 * another scheme's enrolment (`enrolmentScheme`) is never scaled: the shares are of that
 * scheme's plan, not of the top-up.
 */
export function sharesChooser(compiled: CompiledPolicy, member: Member, whatIf: boolean): ((claim: PlainClaim) => CompiledPolicy) | undefined {
  const policy = compiled.policy;
  if ((policy.eligibility.enrolmentScheme ?? policy.scheme) !== policy.scheme) return undefined;
  if (!holdsOtherShares(member, policy.scheme)) return undefined;
  return (claim) => {
    const enrolment = enrolmentOn(policy, member, eventDate(policy, claim), whatIf);
    if (enrolment?.shares === undefined) return compiled;
    return compileForShares(policy, enrolment.shares, ['member', 'enrolments', member.enrolments.indexOf(enrolment), 'shares']);
  };
}
