import { amountText, percentNumber } from './numbers';
import type { ExplainLocale, Locale, MembershipMessages } from './types';

const terms: Locale['terms'] = {
  total: 'total cost',
  insurancePaid: 'paid by medical insurance',
  inScopeCopay: 'in-scope co-payment',
  selfPaid: 'self-paid cost outside insurance',
  aboveCeiling: 'cost above the insurance ceiling',
  outpatient: 'outpatient care',
  hospitalisation: 'hospitalisation',
  disability: 'disability',
  death: 'death',
  diagnosis: 'a diagnosed condition',
  illness: 'illness',
  accident: 'accident',
  perClaim: 'per-claim cap',
  perYear: 'yearly cap of the benefit',
  claimsPerYear: 'limit of paid claims a year',
  maximumSubsidy: 'maximum subsidy of the protection year',
  oncePerYears: 'limit of one paid claim in a number of years',
  sameEvent: 'deduction of what was paid for the same event',
  otherPayments: 'payments of other plans and funds for the claim',
  halfUp: 'half-up',
  halfEven: 'half-even',
  down: 'down',
  up: 'up',
};

const term = (key: string | number | undefined): string => terms[String(key)] ?? String(key);
/** A cost field, or a sum of them written `inScopeCopay+selfPaid`. */
const costs = (fields: string | number | undefined): string => String(fields).split('+').map(term).join(' + ');

export const en: Locale = {
  terms,
  messages: {
    OUTSIDE_POLICY_PERIOD: (p) => `The event date ${p.date} is outside this policy's period (${p.validFrom} to ${p.validTo}).`,
    NOT_ENROLLED: (p) => `The member has no ${p.scheme} enrolment covering ${p.date}.`,
    REQUIREMENT_NOT_MET: (p) => `Only for: ${p.requirement}.`,
    WAITING_PERIOD: (p) => `The event on ${p.date} is within the ${p.days}-day waiting period of the enrolment from ${p.from}.`,
    NOT_YET_COVERED: (p) => `Cover starts the day after enrolment (${p.enrolledOn}); the event on ${p.date} is before it.`,
    FILED_LATE: (p) => `The claim was filed on ${p.filedOn}, after the deadline of ${p.deadline}.`,
    FILING_DATE_UNKNOWN: () => 'This policy has a filing deadline, and the claim does not say when it was filed (filedOn): it was settled as if on time.',
    MAX_PAID_STAYS: (p) => `The member already had ${p.count} paid stays this protection year, the most the policy pays.`,
    CONDITION_NOT_MET: (p) => `${p.benefit} pays only when: ${p.condition}.`,
    CLAIMS_PER_YEAR_REACHED: (p) => `${p.benefit} pays at most ${p.count} claims a protection year, and has paid them.`,
    ABOVE_TOP_BRACKET: (p) => `${p.benefit} lists no bracket for ${term(p.measure)} of ${p.amount} yuan: the top bracket ends at ${p.to} yuan.`,
    DUPLICATE_CLAIM: (p) => `Claim ${p.claimId} was already settled in this protection year.`,
    NO_BENEFIT_FOR_EVENT: (p) => `This policy pays no benefit for ${term(p.event)}${p.cause ? ` caused by ${term(p.cause)}` : ''}.`,
    CAUSE_NOT_COVERED: (p) => `${p.benefit} does not cover a stay caused by ${term(p.cause)}.`,
    GRADE_NOT_COVERED: (p) => `${p.benefit} pays nothing for disability grade ${p.grade}.`,
    BELOW_THRESHOLD: (p) => `${p.benefit} requires ${costs(p.measure)} of at least ${p.threshold} yuan; this claim has ${p.amount} yuan.`,
    CAP_REACHED: (p) => `${p.benefit} was cut by ${p.cut} yuan by the ${term(p.cap)} (${p.limit} yuan).`,
    ILLUSTRATIVE_PARAMETER: (p) => `Used the illustrative (not published) parameter "${p.label}" (${p.parameter}); the figure is not official.`,
    WHAT_IF: (p) => `What-if: the ${p.scheme} ${p.year} rules applied to an event on ${p.date}, which that version does not actually govern.`,
    DECIDED_ON_APPLICATION: (p) => `${p.benefit}: the amount is decided on application, between ${p.min} and ${p.max} yuan.`,
    OUTSIDE_MEMBER_PERIOD: (p) => `The event date ${p.date} is outside the member's protection period (${p.from} to ${p.to}).`,
    COVER_NOT_GOVERNED: (p) => `The member's protection period (${p.from} to ${p.to}) starts outside the period of this version (${p.validFrom} to ${p.validTo}), which governs the covers starting in it: the version in force on ${p.from} applies.`,
    CONDITION_NOT_LISTED: (p) => `The condition "${p.condition}" is not on the list of conditions of ${p.scheme} ${p.year}.`,
    COSTS_REQUIRED: (p) => `${p.benefit} pays on the costs of the condition, and the claim gives none (costs).`,
    CONDITION_CLASS_NOT_COVERED: (p) => `${p.benefit} pays nothing for a condition of ${p.conditionClass}.`,
    SHARES_VOID: (p) => `The member holds ${p.held} shares; the plan allows at most ${p.counted}, and the shares past it are void: settled on ${p.counted}.`,
    PAID_WITHIN_YEARS: (p) => `${p.benefit} pays at most once in ${p.years} years, and paid claim ${p.claimId} of ${p.date}: nothing is paid until ${p.years} years after it.`,
    SAME_EVENT_PAID: (p) => `${p.benefit}: ${p.paid} yuan was already paid for the same event ${p.event} (claim ${p.claimId}) and is deducted.`,
    EVENT_NOT_NAMED: (p) => `${p.benefit} is paid less what was paid for the same event, and the claim names no event (event): nothing was deducted.`,
    OTHER_PAYMENTS: (p) => {
      const others = [Number(p.earlierPlans) > 0 ? `the plans settled before it (${p.earlierPlans} yuan)` : '', Number(p.paidElsewhere) > 0 ? `another fund (${p.paidElsewhere} yuan)` : ''].filter(Boolean).join(' and ');
      if (p.rule === 'deduct') return `${p.benefit} pays ${p.cut} yuan less: what ${others} already paid for this claim is deducted.`;
      return `${p.benefit} was cut by ${p.cut} yuan: the plan pays at most the ${costs(p.costField)} (${p.cost} yuan)${others === '' ? '' : ` left unpaid by ${others}`}.`;
    },
  },
  steps: {
    base: (p) => costs(p.field),
    threshold: () => 'at least the threshold',
    belowThreshold: () => 'below the threshold: nothing paid',
    aboveTopBracket: () => 'above the top bracket: nothing paid',
    gradeNotListed: (p) => `grade ${p.grade} is not in the table: nothing paid`,
    deductibleLeft: () => 'deductible left this protection year',
    deductible: () => 'amount above the deductible',
    sum: () => 'sum of the bands',
    // One open band from 0 is the whole amount, not "above 0 yuan".
    band: (p) =>
      p.to === undefined && Number(p.from) === 0
        ? `band ${p.band}: all of it at ${percentNumber(String(p.ratio))} %`
        : `band ${p.band}: ${p.to === undefined ? `above ${amountText(String(p.from))}` : `${amountText(String(p.from))} to ${amountText(String(p.to))}`} yuan at ${percentNumber(String(p.ratio))} %`,
    wholeBand: (p) => `${amountText(String(p.amount))} yuan falls in band ${p.band}: all of it at ${percentNumber(String(p.ratio))} %`,
    days: (p) => `days in hospital (${p.rule === 'includeBothDays' ? 'admission and discharge day both counted' : 'discharge day not counted'}, at least 1)`,
    paidDays: () => 'days paid',
    perDay: () => 'daily allowance × days paid',
    lumpSum: () => 'fixed amount',
    gradeShare: (p) => `grade ${p.grade}: maximum × share`,
    bracket: (p) => `${term(p.measure)} in the bracket from ${amountText(String(p.from))} yuan`,
    rounding: (p) => `rounded ${term(p.mode)} to the fen`,
    perClaim: () => `capped by the ${terms.perClaim}`,
    perYear: () => `capped by what remains of the ${terms.perYear}`,
    maximumSubsidy: () => `capped by what remains of the ${terms.maximumSubsidy}`,
    claimsPerYear: (p) => `${p.count} claims already paid this protection year: the most the benefit pays`,
    condition: (p) => `condition: ${p.condition} (${p.conditionClass})`,
    classAmount: (p) => `amount for ${p.conditionClass}`,
    classNotListed: (p) => `${p.conditionClass} is not in the table: nothing paid`,
    conditionRatio: () => 'amount × share paid',
    preExisting: (p) => `first diagnosed before the cover started (${p.start}): a pre-existing condition`,
    notPreExisting: (p) => `first diagnosed once the cover had started (${p.start})`,
    oncePerYears: (p) => `claim ${p.claimId} of ${p.date} was paid less than ${p.years} years before: nothing paid`,
    sameEvent: (p) => `less ${p.paid} yuan already paid for the same event ${p.event}`,
    otherPaymentsDeducted: () => 'less what other plans and funds paid for this claim',
    unpaidCost: () => 'capped by the cost still unpaid',
  },
  units: {
    yuan: 'yuan',
    days: 'days',
    perDay: (p) => `${p.daily} yuan/day × ${p.days} days`,
  },
};

// The messages of enrolment, contributions and a member's plans, apart from those of a claim's
// settlement: a program that only settles claims leaves them out (docs/benchmarks.md, "Bundle sizes").
export const enMembership: MembershipMessages = {
  ENROLMENT_CLOSED: (p) => `The unit enrols on ${p.date}, outside the enrolment window (${p.from} to ${p.to}).`,
  SHARE_TOO_LOW: (p) => `${p.joining} of the unit's ${p.staff} staff may join; the plan requires at least ${percentNumber(String(p.share))} % of them (${p.needed}).`,
  WHOLE_UNIT_REQUIRED: (p) => `A unit of fewer than ${p.below} staff must enrol all of them: ${p.joining} of its ${p.staff} may join.`,
  TOO_FEW_MEMBERS: (p) => `${p.joining} of the unit's staff may join; the plan requires at least ${p.min} members.`,
  VOID_SHARES_NOT_CHARGED: (p) => `${p.void} shares held past the plan's limit of ${p.max} per member are void and not charged.`,
  PLAN_GROUP_CONFLICT: (p) => `The member holds ${p.plans}, all of the group “${p.group}”, of which a member may hold only one: no plan pays this claim.`,
  NO_PLAN_HELD: (p) => `The member holds no plan covering ${p.date}.`,
};

// The wording of explanations, apart from the messages and steps that settling writes: only
// explain, buildExplanation and the parameter texts read it (through ./explaining), so a
// bundler drops it from a program that settles claims and never explains them
// (docs/benchmarks.md, "Bundle sizes").
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const enExplain: ExplainLocale = {
  explain: {
    claim: (p) => `Claim ${p.claimId} (${term(p.kind)}, ${p.date})`,
    stay: (p) => `Condolence payment for stay ${p.stayId} (${p.date})`,
    year: (p) => `Protection year of member ${p.memberId} (${p.count} claims)`,
    policy: (p) => `Policy: ${p.name} (${p.scheme} ${p.year})`,
    paid: (p) => `Pays ${p.amount} yuan`,
    refused: 'Not paid',
    range: (p) => `May be awarded ${p.min} to ${p.max} yuan, decided on application`,
    awarded: (p) => `Awarded ${p.amount} yuan`,
    notQualified: 'Does not qualify',
    capped: (p) => `cut by ${p.cut} yuan by the ${term(p.cap)} (${p.limit} yuan)`,
    reasons: 'Reasons',
    warnings: 'Notes',
    sources: 'Sources',
    published: 'published',
    illustrative: 'illustrative',
    illustrativeLegend: '※ Illustrative parameter: the figure was not published; it is for demonstration only and is not official.',
    net: (p) => `pays ${p.amount} yuan`,
    othersCut: (p) => `cut by ${p.cut} yuan for what other plans and funds paid for this claim`,
    memberClaim: (p) => `Claim ${p.claimId} (${term(p.kind)}, ${p.date}) of member ${p.memberId}, under each plan they hold`,
    memberYear: (p) => `Claims of member ${p.memberId} under each plan they hold (${p.count} claims)`,
    plans: (p) => `Plans, in the order they settle: ${p.plans}`,
    planPaid: (p) => `${p.name} (${p.scheme} ${p.year}): pays ${p.amount} yuan`,
    planRefused: (p) => `${p.name} (${p.scheme} ${p.year}): not paid`,
    planName: (p) => `${p.name} (${p.scheme} ${p.year})`,
    paidInAll: (p) => `Pays ${p.amount} yuan in all`,
    semicolon: '; ',
    colon: ': ',
  },
  values: {
    yuan: (amount) => `${amount} yuan`,
    percent: (percent) => `${percent} %`,
    tier: {
      only: (ratio) => `${ratio} throughout`,
      first: (ratio, upTo) => `${ratio} up to ${upTo} yuan`,
      between: (ratio, from, upTo) => `${ratio} from ${from} to ${upTo} yuan`,
      last: (ratio) => `${ratio} above`,
    },
    tierSeparator: '; ',
    notIncluded: ' (not included)',
    included: ' (included)',
    count: (value, unit) => ({ days: `${value} days`, daysAYear: `${value} days a year`, claimsAYear: `${value} claims a year`, staysAYear: `${value} paid stays a year`, sharesAMember: `${value} share${value === 1 ? '' : 's'} a member`, onceInYears: `once in ${value} years` })[unit],
    dateRange: (from, to) => `${from} to ${to}`,
    nextYearOn: (monthDay) => `${Number(monthDay.slice(3))} ${MONTHS[Number(monthDay.slice(0, 2)) - 1]} of the next year`,
    grades: (first, last, share) => `${first === last ? `grade ${first}` : `grades ${first}–${last}`}: ${share}`,
    listSeparator: ', ',
    otherGradesNothing: 'other grades: nothing',
    bracketFrom: (from) => `${from} yuan or more`,
    bracketBetween: (from, to) => `${from} to under ${to} yuan`,
    decidedOnApplication: (min, max) => `${min} to ${max} yuan, decided on application`,
    firstPaidDay: (day) => `from day ${day} in hospital`,
    maxDays: (days) => `at most ${days} days a stay`,
    payer: { memberOrUnit: 'the member or the unit', publicFunds: 'public funds', union: 'the union' },
    noPayerRules: 'none',
    date: (year, month, day) => [day, month === undefined ? undefined : MONTHS[month - 1], year].filter((part) => part !== undefined).join(' '),
    citation: (publisher, date, title) => `${publisher}, ${date}${title === undefined ? '' : `, “${title}”`}`,
    quote: (quote) => `quote: “${quote}”`,
    note: (note) => `note: ${note}`,
    onlyInOther: ' (note in Chinese only)',
    sourceLine: (label, value, parameter) => `${label} = ${value} (${parameter})`,
  },
};
