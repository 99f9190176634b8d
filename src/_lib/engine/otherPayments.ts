/**
 * A plan's `otherPayments` rule (docs/rule-model.md#plans): what other plans and funds paid for
 * the same claim takes from what the plan's lines pay, the last cut of each line. Compiled once
 * per policy; a policy without the rule costs a claim one comparison.
 */
import { message, type Message } from '../messages';
import { fenText } from '../money';
import type { PlainClaim } from '../plainInput';
import type { CostField, Label, Policy } from '../policySchema';
import { joined, type Recorder } from './context';
import { baseOf } from './formulas/bands';
import { fixedLabel } from '../messages';

export interface CompiledOtherPayments {
  readonly earlierPlans: boolean;
  readonly paidElsewhere: boolean;
  readonly rule: 'deduct' | 'capAtUnpaid';
  /** With `capAtUnpaid`: the cost fields whose sum the other payments leave unpaid. */
  readonly cost: readonly CostField[];
  /** The index of the one benefit the rule cuts; undefined: every line. */
  readonly from: number | undefined;
}

export function compileOtherPayments(policy: Policy): CompiledOtherPayments | undefined {
  const others = policy.plan?.otherPayments;
  if (others === undefined) return undefined;
  const cost = others.cost === undefined ? [] : typeof others.cost === 'string' ? [others.cost] : others.cost;
  const from = others.from === undefined ? undefined : policy.benefits.findIndex((benefit) => benefit.id === others.from);
  return { earlierPlans: others.sources.includes('earlierPlans'), paidElsewhere: others.sources.includes('paidElsewhere'), rule: others.rule, cost, from };
}

/** Only claims with costs have a cost left unpaid: a death or disability claim, or a diagnosis given without costs, is not capped by it. */
const hasCosts = (claim: PlainClaim) => claim.kind === 'hospitalisation' || claim.kind === 'outpatient' || claim.diagnosis?.costs === true;

/**
 * What the other payments take from one claim's lines, line by line in order. `deduct` takes
 * what they paid from the first lines until it is used up; `capAtUnpaid` lets the lines
 * together pay at most the cost less what they paid. With `from`, only that benefit's line is cut.
 */
export class OtherPaymentsCut {
  readonly earlierPlans: number;
  readonly paidElsewhere: number;
  /** deduct: what is still to be taken; capAtUnpaid: the cost left unpaid by the others. */
  #left: number;
  readonly #cost: number;

  private constructor(
    readonly rules: CompiledOtherPayments,
    claim: PlainClaim,
  ) {
    this.earlierPlans = rules.earlierPlans ? claim.paidByPlans : 0;
    this.paidElsewhere = rules.paidElsewhere ? claim.paidElsewhere : 0;
    this.#cost = rules.rule === 'capAtUnpaid' ? baseOf(claim, rules.cost) : 0;
    this.#left = rules.rule === 'deduct' ? this.paid : Math.max(0, this.#cost - this.paid);
  }

  /** The cut for a claim, or undefined when the rule cannot take anything from it. */
  static of(rules: CompiledOtherPayments | undefined, claim: PlainClaim): OtherPaymentsCut | undefined {
    if (rules === undefined || (rules.rule === 'capAtUnpaid' && !hasCosts(claim))) return undefined;
    const cut = new OtherPaymentsCut(rules, claim);
    return rules.rule === 'deduct' && cut.paid === 0 ? undefined : cut;
  }

  /** What the others paid, in fen. */
  get paid(): number {
    return this.earlierPlans + this.paidElsewhere;
  }

  /** What the line of benefit `index`, of `amount`, keeps, given what the claim's lines before it kept (`paidBefore`). */
  keep(amount: number, paidBefore: number, index: number): number {
    if (this.rules.from !== undefined && index !== this.rules.from) return amount;
    if (this.rules.rule === 'deduct') {
      const taken = Math.min(amount, this.#left);
      this.#left -= taken;
      return amount - taken;
    }
    return Math.min(amount, Math.max(0, this.#left - this.#before(paidBefore)));
  }

  /** What earlier lines paid that counts against the cost left unpaid: none when the rule cuts one benefit only. */
  #before(paidBefore: number): number {
    return this.rules.from === undefined ? paidBefore : 0;
  }

  /** The reason a line was cut by `cut` fen. */
  reason(benefit: Label, cut: number): Message {
    return message('OTHER_PAYMENTS', {
      benefit,
      rule: this.rules.rule,
      cut: fenText(cut),
      earlierPlans: fenText(this.earlierPlans),
      paidElsewhere: fenText(this.paidElsewhere),
      cost: fenText(this.#cost),
      costField: this.rules.cost.join('+'),
    });
  }

  /** The step that took a line from `before` to `amount`, after the claim's earlier lines paid `paidBefore`. */
  step(before: number, amount: number, paidLines: number, steps: Recorder): void {
    const paidBefore = this.#before(paidLines);
    const expression =
      this.rules.rule === 'deduct'
        ? joined(fenText(before), ' − ', fenText(before - amount))
        : joined('min(', fenText(before), ', ', fenText(this.#cost), ' − ', fenText(this.paid), paidBefore > 0 ? joined(' − ', fenText(paidBefore)) : '', ')');
    steps.add(this.rules.rule === 'deduct' ? 'otherPaymentsDeducted' : 'unpaidCost', fixedLabel(this.rules.rule === 'deduct' ? 'otherPaymentsDeducted' : 'unpaidCost'), expression, fenText(amount));
  }
}
