/** Codes of the reasons a claim is refused or cut, and of the warnings a result carries. */
export type MessageCode =
  | 'OUTSIDE_POLICY_PERIOD'
  | 'NOT_ENROLLED'
  | 'REQUIREMENT_NOT_MET'
  | 'WAITING_PERIOD'
  | 'NOT_YET_COVERED'
  | 'FILED_LATE'
  | 'FILING_DATE_UNKNOWN'
  | 'MAX_PAID_STAYS'
  | 'CONDITION_NOT_MET'
  | 'CLAIMS_PER_YEAR_REACHED'
  | 'ABOVE_TOP_BRACKET'
  | 'DUPLICATE_CLAIM'
  | 'NO_BENEFIT_FOR_EVENT'
  | 'CAUSE_NOT_COVERED'
  | 'GRADE_NOT_COVERED'
  | 'BELOW_THRESHOLD'
  | 'CAP_REACHED'
  | 'ILLUSTRATIVE_PARAMETER'
  | 'DECIDED_ON_APPLICATION'
  | 'WHAT_IF'
  | 'OUTSIDE_MEMBER_PERIOD'
  | 'COVER_NOT_GOVERNED'
  | 'ENROLMENT_CLOSED'
  | 'SHARE_TOO_LOW'
  | 'WHOLE_UNIT_REQUIRED'
  | 'TOO_FEW_MEMBERS'
  | 'CONDITION_NOT_LISTED'
  | 'COSTS_REQUIRED'
  | 'CONDITION_CLASS_NOT_COVERED'
  | 'SHARES_VOID'
  | 'VOID_SHARES_NOT_CHARGED'
  | 'PAID_WITHIN_YEARS'
  | 'SAME_EVENT_PAID'
  | 'EVENT_NOT_NAMED'
  | 'OTHER_PAYMENTS'
  | 'PLAN_GROUP_CONFLICT'
  | 'NO_PLAN_HELD';

/** Names of the computation steps a benefit line shows. */
export type StepKey =
  | 'base'
  | 'threshold'
  | 'belowThreshold'
  | 'aboveTopBracket'
  | 'gradeNotListed'
  | 'deductibleLeft'
  | 'deductible'
  | 'band'
  | 'wholeBand'
  | 'days'
  | 'paidDays'
  | 'perDay'
  | 'lumpSum'
  | 'gradeShare'
  | 'sum'
  | 'bracket'
  | 'rounding'
  | 'perClaim'
  | 'perYear'
  | 'maximumSubsidy'
  | 'claimsPerYear'
  | 'condition'
  | 'classAmount'
  | 'classNotListed'
  | 'conditionRatio'
  | 'preExisting'
  | 'notPreExisting'
  | 'oncePerYears'
  | 'sameEvent'
  | 'otherPaymentsDeducted'
  | 'unpaidCost';

/** A parameter of a message: a bilingual label is shown in the message's own language. */
export type MessageParams = Readonly<Record<string, string | number | { readonly zh: string; readonly en: string }>>;
/** Parameters after labels were resolved to one language. */
export type ResolvedParams = Readonly<Record<string, string | number>>;

/**
 * The codes only enrolment, contributions and a member's plans write, worded apart from the
 * others (`MembershipMessages`), so that a program that only settles claims leaves them out.
 */
export type MembershipCode = 'ENROLMENT_CLOSED' | 'SHARE_TOO_LOW' | 'WHOLE_UNIT_REQUIRED' | 'TOO_FEW_MEMBERS' | 'VOID_SHARES_NOT_CHARGED' | 'PLAN_GROUP_CONFLICT' | 'NO_PLAN_HELD';

/** A sentence for each code of `C` in one language. */
export type MessageWording<C extends MessageCode> = Readonly<Record<C, (params: ResolvedParams) => string>>;

/** One language's wording of the membership codes. */
export type MembershipMessages = MessageWording<MembershipCode>;

/** One language's wording: every code and step has a sentence, the membership codes' apart. */
export interface Locale {
  readonly messages: MessageWording<Exclude<MessageCode, MembershipCode>>;
  readonly steps: Record<StepKey, (params: ResolvedParams) => string>;
  /** Units shown after a step's value; `perDay` writes the daily rate and the days. */
  readonly units: { readonly yuan: string; readonly days: string; readonly perDay: (params: ResolvedParams) => string };
  readonly terms: Readonly<Record<string, string>>;
}

/** One language's wording of explanations, kept apart from {@link Locale}: settling a claim writes none of it. */
export interface ExplainLocale {
  /** Words the explanations are made of. */
  readonly explain: ExplainWords;
  /** How a parameter's value and its source read in this language. */
  readonly values: ValueWords;
}

/** The fixed wording of an explanation in one language. */
export interface ExplainWords {
  readonly claim: (params: ResolvedParams) => string;
  readonly stay: (params: ResolvedParams) => string;
  readonly year: (params: ResolvedParams) => string;
  readonly policy: (params: ResolvedParams) => string;
  readonly paid: (params: ResolvedParams) => string;
  readonly refused: string;
  readonly range: (params: ResolvedParams) => string;
  readonly awarded: (params: ResolvedParams) => string;
  readonly notQualified: string;
  readonly capped: (params: ResolvedParams) => string;
  readonly reasons: string;
  readonly warnings: string;
  readonly sources: string;
  readonly published: string;
  readonly illustrative: string;
  readonly illustrativeLegend: string;
  readonly net: (params: ResolvedParams) => string;
  /** A line cut by what other plans and funds paid for the claim. */
  readonly othersCut: (params: ResolvedParams) => string;
  /** A claim settled under each of a member's plans, and a member's claims settled so. */
  readonly memberClaim: (params: ResolvedParams) => string;
  readonly memberYear: (params: ResolvedParams) => string;
  /** The plans, in the order they settle. */
  readonly plans: (params: ResolvedParams) => string;
  /** One plan's part of the claim: paid or not. */
  readonly planPaid: (params: ResolvedParams) => string;
  readonly planRefused: (params: ResolvedParams) => string;
  readonly planName: (params: ResolvedParams) => string;
  readonly paidInAll: (params: ResolvedParams) => string;
  readonly semicolon: string;
  readonly colon: string;
}

/** The wording of parameter values and of sources, phrase by phrase; the phrases are joined in one place. */
export interface ValueWords {
  readonly yuan: (amount: string) => string;
  readonly percent: (percent: string) => string;
  /** A band: the only one, the first (up to a bound), one between bounds, or the last (above). */
  readonly tier: {
    readonly only: (ratio: string) => string;
    readonly first: (ratio: string, upTo: string) => string;
    readonly between: (ratio: string, from: string, upTo: string) => string;
    readonly last: (ratio: string, from: string) => string;
  };
  readonly tierSeparator: string;
  /** After a band's upper edge that the band does not include. */
  readonly notIncluded: string;
  /** After a bracket whose upper edge it includes. */
  readonly included: string;
  /** A whole number of something. */
  readonly count: (value: number, unit: 'days' | 'daysAYear' | 'claimsAYear' | 'staysAYear' | 'sharesAMember' | 'onceInYears') => string;
  /** A day of the next year, written `MM-DD`. */
  readonly nextYearOn: (monthDay: string) => string;
  /** Days from one date to another, both included, as `YYYY-MM-DD`. */
  readonly dateRange: (from: string, to: string) => string;
  /** Consecutive grades with the same share, e.g. grades 1–2 at 100 %. */
  readonly grades: (first: string, last: string, share: string) => string;
  readonly listSeparator: string;
  /** Said after the grades when some grade of 1–10 is not listed. */
  readonly otherGradesNothing: string;
  readonly bracketFrom: (from: string) => string;
  readonly bracketBetween: (from: string, to: string) => string;
  readonly decidedOnApplication: (min: string, max: string) => string;
  readonly firstPaidDay: (day: number) => string;
  readonly maxDays: (days: number) => string;
  readonly payer: Readonly<Record<'memberOrUnit' | 'publicFunds' | 'union', string>>;
  readonly noPayerRules: string;
  /** A publication date given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: (year: string, month?: number, day?: number) => string;
  /** A published source as a reader cites it. */
  readonly citation: (publisher: string, date: string, title: string | undefined) => string;
  readonly quote: (quote: string) => string;
  readonly note: (note: string) => string;
  /** Appended to a note given only in the other language. */
  readonly onlyInOther: string;
  /** A source line: `label = value (parameter)`. */
  readonly sourceLine: (label: string, value: string, parameter: string) => string;
}
