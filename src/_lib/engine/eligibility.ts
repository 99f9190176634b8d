/**
 * Who may claim on a date under a compiled policy: the enrolment that covers the day and the
 * reasons a claim is refused before any benefit is worked out.
 */
import { dayNumber, isWithin } from '../dates';
import { InvalidInputError } from '../errors';
import type { Member } from '../inputSchemas';
import type { Policy } from '../policySchema';
import { message, type Message } from '../messages';
import type { CompiledPolicy } from './compile';
import type { ClaimContext } from './context';
import { valueFor } from './parameters';

type Enrolment = Member['enrolments'][number];

/** Whether each member's own cover, not the version's period, is the protection year (docs/rule-model.md#conventions). */
export const byEnrolment = (policy: Policy): boolean => policy.conventions.protectionPeriod === 'enrolment';

/**
 * Whether the policy reads this enrolment: one in its enrolment scheme, of its year unless
 * that is another scheme's (a top-up's) or a what-if. With per-member periods the cover's
 * start, not the enrolment's `year`, says which version governs it, as an event's date does
 * for the others.
 */
function reads(policy: Policy, scheme: string, enrolment: Enrolment, whatIf: boolean): boolean {
  return enrolment.scheme === scheme && (whatIf || byEnrolment(policy) || scheme !== policy.scheme || enrolment.year === policy.year);
}

/** Whether the cover starts in the version's period: with per-member periods, whether the version governs it. */
const startsIn = (policy: Policy, enrolment: Enrolment): boolean => isWithin(enrolment.from, policy.validFrom, policy.validTo);

/**
 * The enrolment covering the day, if any. With per-member periods the version governs only
 * the covers that start in its period; a what-if applies it to any cover.
 */
export function enrolmentOn(policy: Policy, member: Member, date: string, whatIf: boolean): Enrolment | undefined {
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  const ownPeriod = !whatIf && byEnrolment(policy);
  for (let at = 0; at < member.enrolments.length; at += 1) {
    const enrolment = member.enrolments[at]!;
    if (reads(policy, scheme, enrolment, whatIf) && isWithin(date, enrolment.from, enrolment.to) && (!ownPeriod || startsIn(policy, enrolment))) return enrolment;
  }
  return undefined;
}

/**
 * Whether the version governs a claim of this member on this date: the date is in its period,
 * or, with per-member periods, the member's cover that holds the date starts in it.
 */
export function governs(policy: Policy, member: Member, date: string): boolean {
  return byEnrolment(policy) ? enrolmentOn(policy, member, date, false) !== undefined : isWithin(date, policy.validFrom, policy.validTo);
}

/**
 * Why no enrolment the version governs covers the date. With per-member periods, the member's
 * own cover says more than "not enrolled": it holds the date but started outside this
 * version's period, or this version governs it and the date is outside it.
 */
function notCovered(policy: Policy, member: Member, date: string, whatIf: boolean): Message {
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  if (!whatIf && byEnrolment(policy)) {
    const read = member.enrolments.filter((enrolment) => reads(policy, scheme, enrolment, false));
    const period = { validFrom: policy.validFrom, validTo: policy.validTo ?? '…' };
    const holding = read.find((enrolment) => isWithin(date, enrolment.from, enrolment.to));
    if (holding !== undefined) return message('COVER_NOT_GOVERNED', { from: holding.from, to: holding.to, ...period });
    const governed = read.find((enrolment) => startsIn(policy, enrolment));
    if (governed !== undefined) return message('OUTSIDE_MEMBER_PERIOD', { date, from: governed.from, to: governed.to });
  }
  return message('NOT_ENROLLED', { scheme, date });
}

/**
 * Why the member cannot claim on this date, in the order a reader checks: the period, the
 * enrolment, the policy's requirements, a waiting period, cover not yet begun. Undefined when
 * nothing stops the claim: most claims, which then make no list.
 */
export function eligibilityReasons(compiled: CompiledPolicy, context: ClaimContext, date: string, whatIf: boolean): Message[] | undefined {
  const policy = compiled.policy;
  let reasons: Message[] | undefined;
  // With per-member periods the event may fall after the version's period: the member's cover decides.
  if (!whatIf && !byEnrolment(policy) && !isWithin(date, policy.validFrom, policy.validTo)) {
    (reasons ??= []).push(message('OUTSIDE_POLICY_PERIOD', { date, validFrom: policy.validFrom, validTo: policy.validTo ?? '…' }));
  }
  const enrolment = enrolmentOn(policy, context.member, date, whatIf);
  if (enrolment === undefined) (reasons ??= []).push(notCovered(policy, context.member, date, whatIf));
  for (let at = 0; at < compiled.requires.length; at += 1) {
    const requirement = compiled.requires[at]!;
    if (!requirement.test(context)) (reasons ??= []).push(message('REQUIREMENT_NOT_MET', { requirement: requirement.label }));
  }
  if (enrolment === undefined) return reasons;
  if (compiled.waitingDays !== undefined) {
    const days = valueFor(compiled.waitingDays, context);
    const from = dayNumber(enrolment.from);
    // A renewal starting the day after the last cover ended is no first enrolment; a waiver stretches that to `waiver` days.
    const waiver = compiled.waiverDays === undefined ? 1 : Math.max(1, valueFor(compiled.waiverDays, context));
    const renewed = context.member.enrolments.some((other) => other.scheme === enrolment.scheme && other.to < enrolment.from && from - dayNumber(other.to) <= waiver);
    if (!renewed && context.eventDay < from + days) (reasons ??= []).push(message('WAITING_PERIOD', { days, from: enrolment.from, date }));
  }
  if (policy.eligibility.coverStarts === 'dayAfterEnrolment') {
    if (enrolment.enrolledOn === undefined) {
      throw new InvalidInputError([{ path: ['member', 'enrolments', context.member.enrolments.indexOf(enrolment), 'enrolledOn'], code: 'missing_fact', message: 'this policy\'s cover starts the day after enrolment: expected the enrolment\'s "enrolledOn" date' }]);
    }
    if (context.eventDay <= dayNumber(enrolment.enrolledOn)) (reasons ??= []).push(message('NOT_YET_COVERED', { enrolledOn: enrolment.enrolledOn, date }));
  }
  return reasons;
}
