/**
 * Diagnosis claims (docs/rule-model.md#conditions-list): the condition's class in the policy's
 * list, whether it was there before the member's cover started, and the reasons a diagnosis
 * claim is refused before any benefit runs.
 */
import { dayNumber, isoDate } from '../dates';
import type { Member } from '../inputSchemas';
import { message, stepLabel, type Message } from '../messages';
import type { PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import type { CompiledBenefit } from './compile';
import type { ClaimContext, Recorder } from './context';

/** The class of a diagnosis claim's condition, or empty when the claim is no diagnosis or the policy does not list it. */
export function conditionClassOf(policy: Policy, claim: PlainClaim): string {
  const list = policy.conditions?.list;
  if (claim.diagnosis === undefined || list === undefined || !Object.hasOwn(list, claim.diagnosis.condition)) return '';
  return list[claim.diagnosis.condition]!.class;
}

/** Formulas that read a claim's costs: a diagnosis claim without costs cannot be settled by them. */
const ON_COSTS: ReadonlySet<string> = new Set(['bands', 'bracket']);

/**
 * Why a diagnosis claim is refused before its benefits run: a condition the policy does not
 * list (a reason, not an error: another plan of the member may list it), or no costs for a
 * benefit that pays on them, which would otherwise pay nothing as if the bill were 0.
 */
export function diagnosisReasons(policy: Policy, context: ClaimContext, benefits: readonly CompiledBenefit[]): Message[] {
  const diagnosis = context.claim.diagnosis!;
  if (context.conditionClass === '') return [message('CONDITION_NOT_LISTED', { condition: diagnosis.condition, scheme: policy.scheme, year: policy.year })];
  if (diagnosis.costs) return [];
  return benefits
    .filter(({ benefit, when }) => ON_COSTS.has(benefit.formula.kind) && (when === undefined || when(context)))
    .map(({ benefit }) => message('COSTS_REQUIRED', { benefit: benefit.label }));
}

type Enrolment = Member['enrolments'][number];

/** By member and scheme: the member's covers in the scheme, each with the day its unbroken run of renewals started. */
const runsOf = new WeakMap<Member, Map<string, readonly { readonly from: number; readonly to: number; readonly start: number }[]>>();

/** The member's covers in a scheme in order of start, each with the first day of the run of covers it belongs to: made once per member. */
function runs(member: Member, scheme: string) {
  let byScheme = runsOf.get(member);
  if (byScheme === undefined) runsOf.set(member, (byScheme = new Map()));
  let found = byScheme.get(scheme);
  if (found === undefined) {
    const covers = member.enrolments
      .filter((enrolment: Enrolment) => enrolment.scheme === scheme)
      .map((enrolment) => ({ from: dayNumber(enrolment.from), to: dayNumber(enrolment.to), start: 0 }))
      .sort((a, b) => a.from - b.from);
    // A cover starting by the day after the run so far ended renews it: the run keeps its start.
    let start = -Infinity;
    let end = -Infinity;
    for (const cover of covers) {
      if (cover.from > end + 1) start = cover.from;
      end = Math.max(end, cover.to);
      cover.start = start;
    }
    byScheme.set(scheme, (found = covers));
  }
  return found;
}

/**
 * Whether a diagnosis claim's condition was first diagnosed before the member's cover started:
 * the start of the unbroken run of covers in the scheme that holds the claim's date, renewals
 * included (a member enrolled since 2015 who falls ill in 2019 has no pre-existing condition in
 * 2024). Without such a cover, the claim's date.
 */
export function preExistingTest(policy: Policy): (context: ClaimContext) => boolean {
  return (context) => {
    const first = context.claim.diagnosis!.firstDiagnosed;
    return first !== '' && dayNumber(first) < coverStart(policy, context);
  };
}

/** The day the member's unbroken run of covers holding the claim's date started; the claim's date without one. */
function coverStart(policy: Policy, { member, eventDay }: ClaimContext): number {
  let start = eventDay;
  for (const cover of runs(member, policy.eligibility.enrolmentScheme ?? policy.scheme)) if (cover.from <= eventDay && eventDay <= cover.to) start = Math.min(start, cover.start);
  return start;
}

/**
 * The steps that name a diagnosis claim's condition and its class, first on each of its lines,
 * and, when the claim gives a first diagnosis, whether it came before the cover started.
 */
export function conditionSteps(policy: Policy, context: ClaimContext, steps: Recorder): void {
  const { condition, firstDiagnosed } = context.claim.diagnosis!;
  const declared = policy.conditions!;
  const listed = declared.list[condition]!;
  steps.add('condition', stepLabel('condition', { condition: listed.label, conditionClass: declared.classes[listed.class]!.label }), condition, listed.class);
  if (firstDiagnosed === '') return;
  const start = isoDate(coverStart(policy, context));
  const before = firstDiagnosed < start;
  steps.add(before ? 'preExisting' : 'notPreExisting', stepLabel(before ? 'preExisting' : 'notPreExisting', { start }), `${firstDiagnosed} ${before ? '<' : '≥'} ${start}`, String(before));
}
