/**
 * A policy compiled once into operations on whole fen: each benefit's formula, its condition,
 * its caps, and the policy's eligibility rules. Every claim runs these; nothing else in huzhu
 * computes a payout.
 */
import type { AttributeDeclarations, Condition } from '../conditionSchema';
import { dayNumber } from '../dates';
import { message, type Message } from '../messages';
import type { Benefit, Label, Parameter, Policy } from '../policySchema';
import { deepFreeze, policyRef, type PolicyRef } from '../result';
import type { Citation } from '../trace';
import type { ClaimContext } from './context';
import { compileCondition, describeCondition, type Predicate } from './conditions';
import { preExistingTest } from './diagnosis';
import { fen } from './fen';
import { compileFormula } from './formulas';
import type { Op } from './formulas/types';
import { compileParameter, type CompiledParameter } from './parameters';
import { historyRules, type HistoryRule } from './history';
import { compileOtherPayments, type CompiledOtherPayments } from './otherPayments';
import { FIGURES } from './ledgerInFen';

/** What a line cites and warns of. */
export interface LineSources {
  readonly citations: readonly Citation[];
  /** One warning per illustrative parameter among the citations. */
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

/** A node of the warnings cache: the list for the lines so far, and the nodes for one more line. */
export interface WarningsNode {
  list: readonly Message[] | undefined;
  readonly next: Map<LineSources, WarningsNode>;
}

export interface CompiledBenefit {
  readonly benefit: Benefit;
  /** Its place in the policy's benefits, and in a fen ledger's lists. */
  readonly index: number;
  readonly op: Op;
  /** When the benefit pays, and that condition in words; undefined when always. */
  readonly when: Predicate | undefined;
  readonly whenText: Label | undefined;
  readonly perClaim: CompiledParameter<number> | undefined;
  readonly perYear: CompiledParameter<number> | undefined;
  readonly claimsPerYear: CompiledParameter<number> | undefined;
  /** Its rules that read the member's history (engine/history.ts); undefined for most benefits. */
  readonly history: HistoryRule | undefined;
  /** What a line of this benefit cites on this claim: the values its parameters take. */
  readonly sources: (context: ClaimContext) => LineSources;
}

export interface Requirement {
  readonly test: Predicate;
  readonly label: Label;
}

export interface CompiledPolicy {
  readonly policy: Policy;
  readonly ref: PolicyRef;
  readonly benefits: readonly CompiledBenefit[];
  /** The benefits of each kind of claim, and, for stays, each cause; with the reasons a cause leaves some out. */
  readonly applicable: Readonly<Record<string, { readonly benefits: readonly CompiledBenefit[]; readonly reasons: readonly Message[] }>>;
  readonly maximumSubsidy: CompiledParameter<number> | undefined;
  readonly requires: readonly Requirement[];
  /** What each member must meet to join, for assessEnrolment. */
  readonly enrolmentRequires: readonly Requirement[];
  readonly waitingDays: CompiledParameter<number> | undefined;
  readonly waiverDays: CompiledParameter<number> | undefined;
  readonly maxPaidStays: CompiledParameter<number> | undefined;
  readonly filingDays: CompiledParameter<number> | undefined;
  readonly filingFrom: 'discharge' | 'event';
  /** `MM-DD` of the next year by which a claim must be filed. */
  readonly filingByNextYear: CompiledParameter<string> | undefined;
  /** 互助金 per member, with its variants. */
  readonly contribution: CompiledParameter<string> | undefined;
  /** 互助金 for half a year, with its variants, when the policy states one. */
  readonly halfYearContribution: CompiledParameter<string> | undefined;
  /** Warnings of claims without warnings of their own, by their lines' sources: a cache. */
  readonly warnings: WarningsNode;
  /** Zeros for each benefit: the lists of an empty ledger, shared. */
  readonly nothing: readonly number[];
  /** A warning every claim settled under it carries: shares held past the plan's limit (engine/shares.ts). */
  readonly notice?: Message;
  /** What other plans' and funds' payments for the claim take from the plan's lines. */
  readonly otherPayments: CompiledOtherPayments | undefined;
}

const compiled = new WeakMap<Policy, CompiledPolicy>();

/** The policy compiled, once per policy object. */
export function compile(policy: Policy): CompiledPolicy {
  let known = compiled.get(policy);
  if (known === undefined) {
    known = compileUncached(policy);
    compiled.set(policy, known);
  }
  return known;
}

const same = <T>(value: T) => value;

function compileUncached(policy: Policy): CompiledPolicy {
  const attributes: AttributeDeclarations | undefined = policy.attributes;
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  const previousYear = policy.year - 1;
  const continuing = ({ member }: ClaimContext) => member.enrolments.some((enrolment) => enrolment.scheme === scheme && enrolment.year === previousYear);
  const policyTests = { continuing, preExisting: preExistingTest(policy) };
  const condition = (when: Condition) => compileCondition(when, attributes, policyTests);
  const parameter = <T, V>(p: Parameter<T>, path: string, read: (value: T) => V) => compileParameter(p, path, read, condition);
  const maximumSubsidy = policy.ceilings.maximumSubsidy && parameter(policy.ceilings.maximumSubsidy, 'ceilings.maximumSubsidy', fen);

  // One warning object per cited value, so that a claim's warnings dedupe by identity.
  const warningOf = new Map<string, Message>();
  const warningFor = (citation: Citation) => {
    let warning = warningOf.get(citation.parameter);
    if (warning === undefined) {
      warning = deepFreeze(message('ILLUSTRATIVE_PARAMETER', { parameter: citation.parameter, label: citation.label }));
      warningOf.set(citation.parameter, warning);
    }
    return warning;
  };
  const sourcesOf = (citations: Citation[]): LineSources => {
    const illustrative = citations.filter((citation) => citation.provenance.status === 'illustrative');
    return Object.freeze({ citations: Object.freeze(citations), warnings: Object.freeze(illustrative.map(warningFor)), illustrative: illustrative.length > 0 });
  };

  const oncePerYears: (CompiledParameter<number> | undefined)[] = [];
  const compiledBenefits = policy.benefits.map((benefit, index): Omit<CompiledBenefit, 'history'> => {
    const path = `benefits.${benefit.id}`;
    const cited: CompiledParameter<unknown>[] = [];
    const own = <T, V>(p: Parameter<T>, at: string, read: (value: T) => V) => {
      const compiledParameter = parameter(p, at, read);
      cited.push(compiledParameter);
      return compiledParameter;
    };
    const op = compileFormula(benefit.formula, {
      benefit,
      index,
      path: `${path}.formula`,
      dayCount: policy.conventions.dayCount,
      conditions: policy.conditions,
      parameter: (p, name, read) => own(p, `${path}.formula.${name}`, read),
    });
    const caps = benefit.caps ?? {};
    const perClaim = caps.perClaim && own(caps.perClaim, `${path}.caps.perClaim`, fen);
    const perYear = caps.perYear && own(caps.perYear, `${path}.caps.perYear`, fen);
    const claimsPerYear = caps.claimsPerYear && own(caps.claimsPerYear, `${path}.caps.claimsPerYear`, same);
    oncePerYears[index] = caps.oncePerYears && own(caps.oncePerYears, `${path}.caps.oncePerYears`, same);
    if (maximumSubsidy) cited.push(maximumSubsidy);
    const varying = cited.filter((p) => p.varies);
    const fixed = sourcesOf(cited.map((p) => p.citations[0]!));
    // Lines cite the values their claim got: made once per combination of variants.
    const byChoice = new Map<string, LineSources>();
    const sources =
      varying.length === 0
        ? () => fixed
        : (context: ClaimContext) => {
            const choices = cited.map((p) => p.pick(context));
            const key = choices.join(',');
            let found = byChoice.get(key);
            if (found === undefined) {
              found = sourcesOf(cited.map((p, at) => p.citations[choices[at]!]!));
              byChoice.set(key, found);
            }
            return found;
          };
    return {
      benefit,
      index,
      op,
      when: benefit.when && condition(benefit.when),
      whenText: benefit.when && deepFreeze(describeCondition(benefit.when, attributes, policy.conditions?.classes)),
      perClaim,
      perYear,
      claimsPerYear,
      sources,
    };
  });
  const history = historyRules(policy.benefits, (index) => oncePerYears[index]);
  const benefits = compiledBenefits.map((compiledBenefit, index): CompiledBenefit => ({ ...compiledBenefit, history: history[index] }));

  const applicable: Record<string, { benefits: readonly CompiledBenefit[]; reasons: readonly Message[] }> = {};
  for (const kind of ['outpatient', 'disability', 'death', 'diagnosis'] as const) {
    applicable[kind] = { benefits: benefits.filter(({ benefit }) => benefit.event === kind), reasons: Object.freeze([]) };
  }
  for (const cause of ['illness', 'accident'] as const) {
    const ofStays = benefits.filter(({ benefit }) => benefit.event === 'hospitalisation');
    const covers = ({ benefit }: CompiledBenefit) => benefit.causes === undefined || benefit.causes.includes(cause);
    applicable[cause] = {
      benefits: ofStays.filter(covers),
      reasons: deepFreeze(ofStays.filter((b) => !covers(b)).map(({ benefit }) => message('CAUSE_NOT_COVERED', { benefit: benefit.label, cause }))),
    };
  }

  const eligibility = policy.eligibility;
  const requirement = ({ when, label }: { when: Condition; label: Label }): Requirement => ({ test: condition(when), label });
  const deadline = eligibility.filingDeadline;
  return {
    policy,
    ref: policyRef(policy),
    benefits,
    applicable,
    maximumSubsidy,
    requires: (eligibility.requires ?? []).map(requirement),
    enrolmentRequires: (policy.enrolment?.requires ?? []).map(requirement),
    waitingDays: eligibility.waitingPeriod && parameter(eligibility.waitingPeriod.days, 'eligibility.waitingPeriod.days', same),
    waiverDays: eligibility.waitingPeriod?.waivedIfRenewedWithin && parameter(eligibility.waitingPeriod.waivedIfRenewedWithin, 'eligibility.waitingPeriod.waivedIfRenewedWithin', same),
    maxPaidStays: eligibility.maxPaidStays && parameter(eligibility.maxPaidStays, 'eligibility.maxPaidStays', same),
    filingDays: deadline && 'daysAfter' in deadline ? parameter(deadline.daysAfter, 'eligibility.filingDeadline.daysAfter', same) : undefined,
    filingFrom: deadline && 'from' in deadline ? deadline.from : 'event',
    filingByNextYear: deadline && 'nextYearOn' in deadline ? parameter(deadline.nextYearOn, 'eligibility.filingDeadline.nextYearOn', same) : undefined,
    contribution: policy.contribution && parameter(policy.contribution.perMember, 'contribution.perMember', same),
    halfYearContribution: policy.contribution?.halfYear && parameter(policy.contribution.halfYear, 'contribution.halfYear', same),
    warnings: { next: new Map(), list: undefined },
    nothing: Array.from({ length: benefits.length * FIGURES }, () => 0),
    otherPayments: compileOtherPayments(policy),
  };
}

/** The day a claim must be filed by, as a day number. */
export function filingDeadlineDay(policy: CompiledPolicy, context: ClaimContext): number | undefined {
  if (policy.filingDays !== undefined) {
    const from = policy.filingFrom === 'discharge' && context.claim.kind === 'hospitalisation' ? dayNumber(context.claim.discharge) : context.eventDay;
    return from + policy.filingDays.values[policy.filingDays.pick(context)]!;
  }
  if (policy.filingByNextYear !== undefined) {
    return dayNumber(`${policy.policy.year + 1}-${policy.filingByNextYear.values[policy.filingByNextYear.pick(context)]!}`);
  }
  return undefined;
}
