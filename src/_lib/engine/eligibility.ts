/**
 * Who may claim on a date under a compiled policy: the enrolment that covers the day and the
 * reasons a claim is refused before any benefit is worked out.
 */
import { dayNumber, isWithin } from '../dates';
import { InvalidInputError } from '../errors';
import type { Member } from '../inputSchemas';
import { message, type Message } from '../messages';
import type { CompiledPolicy } from './compile';
import type { ClaimContext } from './context';
import { valueFor } from './parameters';

/** The enrolment covering the day, if any, and whether its cover has begun. */
export function enrolmentOn(compiled: CompiledPolicy, member: Member, date: string, whatIf: boolean) {
  const policy = compiled.policy;
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  for (const enrolment of member.enrolments) {
    const ofThisYear = whatIf || scheme !== policy.scheme || enrolment.year === policy.year;
    if (enrolment.scheme === scheme && ofThisYear && isWithin(date, enrolment.from, enrolment.to)) return enrolment;
  }
  return undefined;
}

/**
 * Why the member cannot claim on this date, in the order a reader checks: the period, the
 * enrolment, the policy's requirements, a waiting period, cover not yet begun.
 */
export function eligibilityReasons(compiled: CompiledPolicy, context: ClaimContext, date: string, whatIf: boolean): Message[] {
  const policy = compiled.policy;
  const reasons: Message[] = [];
  if (!whatIf && !isWithin(date, policy.validFrom, policy.validTo)) {
    reasons.push(message('OUTSIDE_POLICY_PERIOD', { date, validFrom: policy.validFrom, validTo: policy.validTo ?? '…' }));
  }
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  const enrolment = enrolmentOn(compiled, context.member, date, whatIf);
  if (enrolment === undefined) reasons.push(message('NOT_ENROLLED', { scheme, date }));
  for (const requirement of compiled.requires) {
    if (!requirement.test(context)) reasons.push(message('REQUIREMENT_NOT_MET', { requirement: requirement.label }));
  }
  if (enrolment === undefined) return reasons;
  if (compiled.waitingDays !== undefined) {
    const days = valueFor(compiled.waitingDays, context);
    const from = dayNumber(enrolment.from);
    // A renewal starting the day after the last cover ended is no first enrolment; a waiver stretches that to `waiver` days.
    const waiver = compiled.waiverDays === undefined ? 1 : Math.max(1, valueFor(compiled.waiverDays, context));
    const renewed = context.member.enrolments.some((other) => other.scheme === enrolment.scheme && other.to < enrolment.from && from - dayNumber(other.to) <= waiver);
    if (!renewed && context.eventDay < from + days) reasons.push(message('WAITING_PERIOD', { days, from: enrolment.from, date }));
  }
  if (policy.eligibility.coverStarts === 'dayAfterEnrolment') {
    if (enrolment.enrolledOn === undefined) {
      throw new InvalidInputError([{ path: ['member', 'enrolments', context.member.enrolments.indexOf(enrolment), 'enrolledOn'], code: 'missing_fact', message: 'this policy\'s cover starts the day after enrolment: expected the enrolment\'s "enrolledOn" date' }]);
    }
    if (context.eventDay <= dayNumber(enrolment.enrolledOn)) reasons.push(message('NOT_YET_COVERED', { enrolledOn: enrolment.enrolledOn, date }));
  }
  return reasons;
}
