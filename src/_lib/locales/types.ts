/** Codes of the reasons a claim is refused or cut, and of the warnings a result carries. */
export type MessageCode =
  | 'OUTSIDE_POLICY_PERIOD'
  | 'NOT_ENROLLED'
  | 'MISSING_FLAG'
  | 'DUPLICATE_CLAIM'
  | 'NO_BENEFIT_FOR_EVENT'
  | 'CAUSE_NOT_COVERED'
  | 'GRADE_NOT_COVERED'
  | 'BELOW_THRESHOLD'
  | 'CAP_REACHED'
  | 'ILLUSTRATIVE_PARAMETER'
  | 'DECIDED_ON_APPLICATION';

/** Names of the computation steps a benefit line shows. */
export type StepKey =
  | 'base'
  | 'deductible'
  | 'tier'
  | 'days'
  | 'paidDays'
  | 'perDay'
  | 'lumpSum'
  | 'gradeShare'
  | 'bracket'
  | 'range'
  | 'rounding'
  | 'perClaim'
  | 'perYear'
  | 'maximumSubsidy';

/** A parameter of a message: a bilingual label is shown in the message's own language. */
export type MessageParams = Readonly<Record<string, string | number | { readonly zh: string; readonly en: string }>>;
/** Parameters after labels were resolved to one language. */
export type ResolvedParams = Readonly<Record<string, string | number>>;

/** One language's wording: every code and step has a sentence. */
export interface Locale {
  readonly messages: Record<MessageCode, (params: ResolvedParams) => string>;
  readonly steps: Record<StepKey, (params: ResolvedParams) => string>;
  readonly terms: Readonly<Record<string, string>>;
}
