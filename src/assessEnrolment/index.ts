import { parsedPolicy } from '../_lib/parsedPolicies';
import { Dec, type Decimal } from '../_lib/decimal';
import { compile } from '../_lib/engine/compile';
import { InvalidInputError, validate, type Issue } from '../_lib/errors';
import { MAX_UNIT_MEMBERS, unitSchema, type UnitInput, type UnitMember } from '../_lib/inputSchemas';
import { membershipMessage, message, type Message } from '../_lib/messages';
import { toMoney } from '../_lib/money';
import type { Payer, Policy } from '../_lib/policySchema';
import { deepFreeze, policyRef, type PolicyRef } from '../_lib/result';
import { illustrativeWarnings, type Citation } from '../_lib/trace';
import { assessContributions, cite, pricer, rosterContext, type ContributionAssessment } from '../assessContributions';

/** One member a unit enrols, as assessed: whether they may join, why not, and what they pay. */
export interface EnrolmentLine {
  readonly id: string;
  readonly mayJoin: boolean;
  /** Why the member may not join: each requirement not met (`REQUIREMENT_NOT_MET`). */
  readonly reasons: readonly Message[];
  /** The member's yearly contribution; null when they may not join or the policy states none. */
  readonly contribution: Decimal | null;
  /** Who pays it; null when they may not join or the policy states no contribution. */
  readonly payer: Payer | null;
}

/** A unit's enrolment checked against a plan's rules. */
export interface EnrolmentAssessment {
  readonly policy: PolicyRef;
  readonly unitId: string;
  /** Whether the unit's enrolment meets the plan's rules for a unit: the window, the share, the number. */
  readonly accepted: boolean;
  /** Why it does not, in the order a reader checks them; empty when it does. */
  readonly reasons: readonly Message[];
  /** The unit's staff the share is measured against. */
  readonly staff: number;
  /** The members listed who may join. */
  readonly joining: number;
  /** Every member listed, in the order given. */
  readonly members: readonly EnrolmentLine[];
  /** The contributions of the members who may join, by payer; null when the policy states no contribution. */
  readonly contributions: ContributionAssessment | null;
  /** The enrolment rules the assessment used, then the contributions' parameters. */
  readonly citations: readonly Citation[];
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

/** The member's fields a roster entry has: what contributions read. */
const rosterEntry = ({ id, flags, attributes, continuing }: UnitMember) => ({ id, ...(flags && { flags }), ...(attributes && { attributes }), ...(continuing !== undefined && { continuing }) });

/**
 * Check a unit's enrolment against a plan's enrolment rules (docs/rule-model.md#enrolment).
 *
 * For the unit: the day it enrols must be inside the enrolment window (Hangzhou 2018: 15 October
 * to 15 December); a unit with fewer staff than `wholeUnitBelow` must enrol them all, any other
 * at least `minShare` of its staff (Anqing: at least 80 %, units under 100 people in full); and
 * at least `minMembers` people (Shanghai 2000: at least 10). For each member: the requirements to
 * join, read on the day the unit enrols (Anqing: ages 16 to 60). Only the members who may join
 * count towards the share and the number. Each member who may join is priced as
 * {@link assessContributions} prices a roster entry: the contribution they pay and who pays it.
 * A pure function: the same unit gives the same assessment.
 *
 * @category Evaluation
 *
 * @param policy - a policy with an `enrolment` section
 * @param unit - the unit: its id, the day it enrols, its staff and the members it enrols
 * @returns whether the unit's enrolment is accepted and why not, each member's verdict and contribution, and the contributions by payer
 * @throws {InvalidInputError} for an invalid unit (a member listed twice, more members than staff, a birth date an age limit needs, …), or a policy without an `enrolment` section
 *
 * @example
 * const fewest = { value: 10, label: { zh: '最少参保人数', en: 'Fewest members' }, provenance: illustrative({ en: 'An example.' }) };
 * const plan = definePolicy({
 *   scheme: 'example', year: 2018, name: { zh: '示例', en: 'Example' }, validFrom: '2018-01-01', validTo: '2018-12-31',
 *   conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachLine' } },
 *   eligibility: {}, benefits: [], ceilings: {}, enrolment: { minMembers: fewest },
 * });
 * assessEnrolment(plan, { id: 'unit-1', date: '2017-11-01', staff: 9, members: [{ id: 'a' }, { id: 'b' }] }).reasons[0].message.en
 * //=> "2 of the unit's staff may join; the plan requires at least 10 members."
 */
export function assessEnrolment(policy: Policy, unit: UnitInput): EnrolmentAssessment {
  const accepted = parsedPolicy(policy);
  const valid = validate(unitSchema, unit, 'unit', MAX_UNIT_MEMBERS);
  const rules = accepted.enrolment;
  if (rules === undefined) {
    throw new InvalidInputError([{ path: ['policy', 'enrolment'], code: 'no_enrolment_rules', message: 'expected a policy with an "enrolment" section; see docs/rule-model.md#enrolment' }]);
  }
  const requirements = compile(accepted).enrolmentRequires;
  const price = accepted.contribution === undefined ? undefined : pricer(accepted);

  const members = valid.members.map((member, index): EnrolmentLine => {
    const context = rosterContext(accepted, member, valid.date);
    const reasons: Message[] = [];
    for (const requirement of requirements) {
      let met: boolean;
      try {
        met = requirement.test(context);
      } catch (error) {
        // A fact the requirement needs is missing: named at the member's place in the unit.
        if (!(error instanceof InvalidInputError)) throw error;
        throw new InvalidInputError(error.issues.map((issue): Issue => ({ ...issue, path: ['unit', 'members', index, ...issue.path.slice(1)] })));
      }
      if (!met) reasons.push(message('REQUIREMENT_NOT_MET', { requirement: requirement.label }));
    }
    const mayJoin = reasons.length === 0;
    const priced = mayJoin && price !== undefined ? price(member) : undefined;
    return {
      id: member.id,
      mayJoin,
      reasons,
      contribution: priced === undefined ? null : toMoney(new Dec(priced.rate.values[priced.index]!)),
      payer: priced?.payer ?? null,
    };
  });
  const joining = members.filter((line) => line.mayJoin).length;

  const reasons: Message[] = [];
  const citations: Citation[] = [];
  const { window, minShare, wholeUnitBelow, minMembers } = rules;
  if (window !== undefined) {
    citations.push(cite(window, 'enrolment.window'));
    const { from, to } = window.value;
    if (valid.date < from || valid.date > to) reasons.push(membershipMessage('ENROLMENT_CLOSED', { date: valid.date, from, to }));
  }
  // A small unit enrols in full; the share applies to the others.
  const whole = wholeUnitBelow !== undefined && valid.staff < wholeUnitBelow.value;
  if (wholeUnitBelow !== undefined) citations.push(cite(wholeUnitBelow, 'enrolment.wholeUnitBelow'));
  if (whole && joining < valid.staff) reasons.push(membershipMessage('WHOLE_UNIT_REQUIRED', { below: wholeUnitBelow.value, joining, staff: valid.staff }));
  if (minShare !== undefined && !whole) {
    citations.push(cite(minShare, 'enrolment.minShare'));
    // Exact: the fewest members that make the share, rounded up to a whole person.
    const needed = new Dec(minShare.value).times(valid.staff).ceil().toNumber();
    if (joining < needed) reasons.push(membershipMessage('SHARE_TOO_LOW', { joining, staff: valid.staff, share: minShare.value, needed }));
  }
  if (minMembers !== undefined) {
    citations.push(cite(minMembers, 'enrolment.minMembers'));
    if (joining < minMembers.value) reasons.push(membershipMessage('TOO_FEW_MEMBERS', { joining, min: minMembers.value }));
  }

  const contributions = price === undefined ? null : assessContributions(accepted, valid.members.filter((_, index) => members[index]!.mayJoin).map(rosterEntry));
  const all = [...citations, ...(contributions?.citations ?? [])];
  return deepFreeze({
    policy: policyRef(accepted),
    unitId: valid.id,
    accepted: reasons.length === 0,
    reasons,
    staff: valid.staff,
    joining,
    members,
    contributions,
    citations: all,
    warnings: illustrativeWarnings(all),
    illustrative: all.some((citation) => citation.provenance.status === 'illustrative'),
  });
}
