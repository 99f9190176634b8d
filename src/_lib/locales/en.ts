import type { Locale } from './types';

const terms: Locale['terms'] = {
  total: 'total cost',
  insurancePaid: 'paid by medical insurance',
  inScopeCopay: 'in-scope co-payment',
  selfPaid: 'self-paid cost outside insurance',
  hospitalisation: 'hospitalisation',
  disability: 'disability',
  death: 'death',
  illness: 'illness',
  accident: 'accident',
  cityFederationDirect: 'member of a grassroots union directly under the city federation',
  hardship: 'registered hardship worker',
  gigWorker: 'gig or platform worker',
  perClaim: 'per-claim cap',
  perYear: 'yearly cap of the benefit',
  maximumSubsidy: 'maximum subsidy of the protection year',
};

const term = (key: string | number | undefined): string => terms[String(key)] ?? String(key);

export const en: Locale = {
  terms,
  messages: {
    OUTSIDE_POLICY_PERIOD: (p) => `The event date ${p.date} is outside this policy's period (${p.validFrom} to ${p.validTo}).`,
    NOT_ENROLLED: (p) => `The member has no ${p.scheme} enrolment covering ${p.date}.`,
    MISSING_FLAG: (p) => `Only for: ${term(p.flag)}.`,
    DUPLICATE_CLAIM: (p) => `Claim ${p.claimId} was already settled in this protection year.`,
    NO_BENEFIT_FOR_EVENT: (p) => `This policy pays no benefit for ${term(p.event)}${p.cause ? ` caused by ${term(p.cause)}` : ''}.`,
    CAUSE_NOT_COVERED: (p) => `${p.benefit} does not cover a stay caused by ${term(p.cause)}.`,
    GRADE_NOT_COVERED: (p) => `${p.benefit} pays nothing for disability grade ${p.grade}.`,
    BELOW_THRESHOLD: (p) => `${p.benefit} requires ${term(p.measure)} of at least ${p.threshold} yuan; this stay has ${p.amount} yuan.`,
    CAP_REACHED: (p) => `${p.benefit} was cut by ${p.cut} yuan by the ${term(p.cap)} (${p.limit} yuan).`,
    ILLUSTRATIVE_PARAMETER: (p) => `Used the illustrative (not published) parameter "${p.label}" (${p.parameter}); the figure is not official.`,
    DECIDED_ON_APPLICATION: (p) => `${p.benefit}: the amount is decided on application, between ${p.min} and ${p.max} yuan.`,
  },
  steps: {
    base: (p) => `${term(p.field)}`,
    deductible: () => 'amount above the deductible',
    tier: (p) => `tier ${p.tier}: ${p.from} to ${p.to} yuan at ${p.ratio}`,
    days: (p) => `days in hospital (${p.rule === 'includeBothDays' ? 'admission and discharge day both counted' : 'discharge day not counted'}, at least 1)`,
    paidDays: () => 'days paid',
    perDay: () => 'daily allowance × days paid',
    lumpSum: () => 'fixed amount',
    gradeShare: (p) => `grade ${p.grade}: maximum × share`,
    bracket: (p) => `${term(p.measure)} in the bracket from ${p.from} yuan`,
    range: () => 'range decided on application',
    rounding: (p) => `rounded to the fen (${p.mode})`,
    perClaim: () => `capped by the ${terms.perClaim}`,
    perYear: () => `capped by what remains of the ${terms.perYear}`,
    maximumSubsidy: () => `capped by what remains of the ${terms.maximumSubsidy}`,
  },
};
