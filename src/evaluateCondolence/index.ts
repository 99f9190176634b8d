import { parsedPolicy } from '../_lib/parsedPolicies';
import type { Decimal } from '../_lib/decimal';
import { InvalidInputError, validate } from '../_lib/errors';
import {
  condolenceDecisionSchema,
  hospitalisationSchema,
  memberSchema,
  type CondolenceDecisionInput,
  type HospitalisationInput,
  type MemberInput,
} from '../_lib/inputSchemas';
import { emptyLedger } from '../_lib/ledger';
import { formatYuan, toMoney } from '../_lib/money';
import type { Message } from '../_lib/messages';
import type { Policy } from '../_lib/policySchema';
import { settle } from '../_lib/engine/settle';
import { plainOf } from '../_lib/plainInput';
import { deepFreeze, type BenefitLine, type PolicyRef } from '../_lib/result';

/** Whether one stay qualifies for a condolence payment, and for how much. */
export interface CondolenceResult {
  readonly stayId: string;
  readonly memberId: string;
  readonly policy: PolicyRef;
  readonly eventDate: string;
  readonly eligible: boolean;
  readonly reasons: readonly Message[];
  /** The amounts the policy allows for this stay; null when it does not qualify or the amount is fixed. */
  readonly range: { readonly min: Decimal; readonly max: Decimal } | null;
  /** The fixed amount, or the awarded one; null while the amount is still to be decided. */
  readonly amount: Decimal | null;
  /** The benefit line with its steps and citations; null when the stay does not qualify. */
  readonly line: BenefitLine | null;
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

/**
 * Check a stay against a condolence (慰问金) policy: eligibility, allowed range, amount.
 *
 * A condolence policy pays by bracket of a cost of one stay; for Guilin, a self-paid cost
 * outside medical insurance of 5,000.00 yuan or more qualifies for 500–5,000 yuan, the
 * amount being decided on application. Pass that decision as `decision.awarded` to check it
 * against the range; without it, `amount` is null and `range` says what may be awarded.
 *
 * @category Evaluation
 *
 * @param policy - a policy with a `bracket` benefit on hospitalisation, e.g. `policies['guilin-condolence'][2023]`
 * @param member - the member, with the enrolment and flags the policy requires
 * @param stay - one hospitalisation
 * @param decision - the amount awarded on application, if decided
 * @returns eligibility with reasons, the range, and the amount when known
 * @throws {InvalidInputError} for invalid input, a policy with no bracket benefit, or an award outside the range
 *
 * @example
 * const member = {
 *   id: 'huang',
 *   enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }],
 *   flags: { cityFederationDirect: true },
 * };
 * const stay = {
 *   kind: 'hospitalisation', id: 's1', admission: '2023-08-01', discharge: '2023-08-20', cause: 'illness',
 *   costs: { total: '40000.00', insurancePaid: '20000.00', inScopeCopay: '8000.00', selfPaid: '12000.00' },
 * } as const;
 * const result = evaluateCondolence(policies['guilin-condolence'][2023], member, stay);
 * [result.eligible, result.range?.min.toFixed(2), result.range?.max.toFixed(2)]
 * //=> [true, '500.00', '5000.00']
 */
export function evaluateCondolence(
  policy: Policy,
  member: MemberInput,
  stay: HospitalisationInput,
  decision?: CondolenceDecisionInput,
): CondolenceResult {
  const accepted = parsedPolicy(policy);
  const validMember = validate(memberSchema, member, 'member');
  const validStay = validate(hospitalisationSchema, stay, 'stay');
  const validDecision = decision === undefined ? undefined : validate(condolenceDecisionSchema, decision, 'decision');
  const benefit = accepted.benefits.find((b) => b.event === 'hospitalisation' && b.formula.kind === 'bracket');
  if (benefit === undefined) {
    throw new InvalidInputError([
      { path: ['policy', 'benefits'], code: 'not_condolence_policy', message: 'expected a policy with a "bracket" benefit on hospitalisation' },
    ]);
  }

  const settled = settle(accepted, validMember, plainOf(validStay), emptyLedger(accepted, validMember.id), ['stay']).result;
  const line = settled.lines.find((l) => l.benefit === benefit.id) ?? null;
  const belowThreshold = settled.reasons.some((reason) => reason.code === 'BELOW_THRESHOLD');
  const eligible = settled.eligible && line !== null && !belowThreshold;
  const range = eligible ? (line.range ?? null) : null;

  let amount: Decimal | null = eligible && range === null ? line.amount : null;
  if (validDecision !== undefined) {
    const awarded = validDecision.awarded;
    const allowed = !eligible
      ? 'no award: the stay does not qualify'
      : range === null
        ? `the policy fixes the amount at ${formatYuan(line.amount)}`
        : awarded.lt(range.min) || awarded.gt(range.max)
          ? `expected an amount from ${formatYuan(range.min)} to ${formatYuan(range.max)}`
          : null;
    if (allowed !== null) {
      throw new InvalidInputError([{ path: ['decision', 'awarded'], code: 'award_not_allowed', message: `${allowed}; got ${formatYuan(awarded)}` }]);
    }
    amount = toMoney(awarded);
  }

  return deepFreeze({
    stayId: validStay.id,
    memberId: validMember.id,
    policy: settled.policy,
    eventDate: settled.eventDate,
    eligible,
    reasons: settled.reasons,
    range,
    amount,
    line: eligible ? line : null,
    warnings: settled.warnings,
    illustrative: settled.illustrative,
  });
}
