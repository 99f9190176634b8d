// `huzhu/core`: the whole public API but the bundled policies, for a program that imports the
// schemes it needs from `huzhu/policies` and keeps the rest out of its bundle. Its
// selectPolicy needs a registry. This file only re-exports: each function lives in its own module.

export { assessContributions } from './assessContributions';
export { assessEnrolment } from './assessEnrolment';
export { buildExplanation } from './buildExplanation';
export { compareClaim } from './compareClaim';
export { createRegistry } from './createRegistry';
export { definePolicy } from './definePolicy';
export { diffPolicies } from './diffPolicies';
export { evaluateClaim } from './evaluateClaim';
export { evaluateCondolence } from './evaluateCondolence';
export { evaluateMemberClaim } from './evaluateMemberClaim';
export { evaluateMemberYear } from './evaluateMemberYear';
export { evaluateYear } from './evaluateYear';
export { explain } from './explain';
export { extendPolicy } from './extendPolicy';
export { historyEntries } from './historyEntries';
export { illustrative } from './illustrative';
export { mergeSimulations } from './mergeSimulations';
export { parsePolicy } from './parsePolicy';
export { published } from './published';
export { safeAssessContributions } from './safeAssessContributions';
export { safeAssessEnrolment } from './safeAssessEnrolment';
export { safeEvaluateClaim } from './safeEvaluateClaim';
export { safeEvaluateCondolence } from './safeEvaluateCondolence';
export { safeEvaluateMemberClaim } from './safeEvaluateMemberClaim';
export { safeEvaluateYear } from './safeEvaluateYear';
export { safeParsePolicy } from './safeParsePolicy';
export { selectPolicy } from './selectPolicy/core';
export { simulateBook } from './simulateBook';
export { toYuan } from './toYuan';

export { InvalidInputError, PolicyNotFoundError } from './_lib/errors';
export { Decimal } from './_lib/decimal';

export type { ContributionAssessment, PayerShare, PlansContributionAssessment } from './assessContributions';
export type { EnrolmentAssessment, EnrolmentLine } from './assessEnrolment';
export type { ExplainedLine, ExplainedSource, Explanation } from './buildExplanation';
export type { ExplainedNote, ExplainedPublication } from './_lib/parameterText';
export type { ClaimComparison, ComparedPlans, ComparedResult } from './compareClaim';
export type { ParameterChange, ParameterState, PolicyDiff, SettingChange } from './diffPolicies';
export type { Explainable, ExplainOptions } from './_lib/explainable';
export type { PolicyRegistry } from './createRegistry';
export type { SelectOptions } from './selectPolicy/select';
export type { DefinedPolicy } from './definePolicy';
export type { CondolenceResult } from './evaluateCondolence';
export type { YearResult } from './evaluateYear';
export type { EvaluateOptions } from './_lib/engine/history';
export type { ClaimFacts, SettledClaimLike, SettledYearLike } from './historyEntries';
export type { MemberYearResult } from './evaluateMemberYear';
export type { MemberClaimResult, MemberLedgersInput } from './_lib/memberPlans';
export type { PolicyChanges } from './extendPolicy';
export type { Issue, SafeResult, VersionPeriod } from './_lib/errors';
export type { BookEntry, SimulationOptions } from './simulateBook';
export type {
  ContributionTotals,
  DifferenceBin,
  DifferenceQuantile,
  SimulatedChange,
  Simulation,
  VersionComparison,
  VersionOutcome,
} from './_lib/simulation';
export type {
  Claim,
  ClaimInput,
  CondolenceDecisionInput,
  DeathClaim,
  Diagnosis,
  DiagnosisInput,
  DisabilityClaim,
  HistoryEntryInput,
  HistoryInput,
  Hospitalisation,
  HospitalisationInput,
  LedgerInput,
  Member,
  MemberInput,
  Outpatient,
  OutpatientInput,
  RosterEntry,
  RosterInput,
  UnitInput,
  UnitMember,
} from './_lib/inputSchemas';
export type { BenefitUsage, Ledger } from './_lib/ledger';
export type { Language, Message, MessageCode, MessageParams, StepKey } from './_lib/messages';
export type { RoundingMode, YuanInput } from './_lib/money';
export type {
  Benefit,
  BenefitInput,
  ConditionList,
  Conventions,
  CostField,
  EventKind,
  Formula,
  Label,
  MemberFlag,
  Parameter,
  ParameterVariant,
  Payer,
  Policy,
  PolicyInput,
  Provenance,
  Publication,
  SomeLanguages,
} from './_lib/policySchema';
export type { BenefitLine, CapKind, ClaimResult, PolicyRef } from './_lib/result';
export type { Citation, Step } from './_lib/trace';
export type { AttributeDeclaration, AttributeDeclarations, Condition, CountRange, DateRange } from './_lib/conditionSchema';
