import type { PolicyRegistry } from '../createRegistry';
import { validate } from '../_lib/errors';
import { claimSchema, type ClaimInput, type MemberInput } from '../_lib/inputSchemas';
import { memberBook, settleUnderPlans, type MemberClaimResult, type MemberLedgersInput } from '../_lib/memberPlans';
import { plainClaim, plainOf } from '../_lib/plainInput';
import { readMember } from '../_lib/readInputs';

/**
 * Settle one claim under every plan the member holds: what each plan pays, why, and the total.
 *
 * The plans are the schemes of the member's enrolments whose days meet the claim's; each
 * plan's version is picked as {@link selectPolicy} picks it with the member. They settle in
 * the order their policies' `plan.order` gives (a plan without one after those with one, ties
 * by scheme id), each with its own ledger, caps and explanation, and each is told what the
 * plans before it paid for the claim: a plan's `plan.otherPayments` may deduct that, or what
 * another fund paid (the claim's `paidElsewhere`), or cap its payment at the cost still
 * unpaid. A plan that pays nothing on the claim's kind is in `plans` as refused, with its
 * reason. A member holding two plans of one `plan.group` is refused: no plan pays, and
 * `reasons` says which. See docs/rule-model.md#plans.
 *
 * A pure function: it reads no clock, no file and no global, and leaves its arguments as they were.
 *
 * @category Evaluation
 *
 * @param registry - the versions to pick each plan's from, e.g. `bundledRegistry` or one made by {@link createRegistry}
 * @param member - the member with their enrolments, one or more per plan
 * @param claim - a `hospitalisation`, `outpatient`, `disability` or `death` claim
 * @param ledgers - by scheme id, what each plan already paid the member in its protection year
 *   (a plan's `ledger` from an earlier result); a plan without one starts empty, and a ledger
 *   of a plan not settling the claim is not read
 * @returns each plan's result in settlement order, the total, and by scheme the ledgers after
 *   (merge them into yours: `{ ...ledgers, ...result.ledgers }`); deeply frozen
 * @throws {InvalidInputError} naming the path of every invalid field of the first invalid
 *   argument: registry, member, claim, then `ledgers.<scheme>`
 * @throws {PolicyNotFoundError} when the member holds a plan on the claim's days that has no
 *   version in the registry
 *
 * @example
 * const member = { id: 'm1', enrolments: [
 *   { scheme: 'guangxi', year: 2025, from: '2025-01-01', to: '2025-12-31' },
 *   { scheme: 'guangxi-mutual-aid-3', year: 2025, from: '2025-01-01', to: '2025-12-31' },
 * ] };
 * const death = { kind: 'death', id: 'c1', date: '2025-06-01' } as const;
 * evaluateMemberClaim(bundledRegistry, member, death).plans.map((plan) => [plan.policy.scheme, plan.total.toFixed(2)])
 * //=> [['guangxi', '10000.00'], ['guangxi-mutual-aid-3', '0.00']]
 */
export function evaluateMemberClaim(registry: PolicyRegistry, member: MemberInput, claim: ClaimInput, ledgers?: MemberLedgersInput): MemberClaimResult {
  const validMember = readMember(member);
  const copy = plainClaim(claim) ?? plainOf(validate(claimSchema, claim, 'claim'));
  return settleUnderPlans(memberBook(registry, validMember, ledgers), copy, ['claim']).result;
}
