import { isParsedPolicy, parsedPolicy } from '../_lib/parsedPolicies';
import type { Decimal } from '../_lib/decimal';
import { Dec } from '../_lib/decimal';
import { InvalidInputError, validate, type Issue } from '../_lib/errors';
import { MAX_ROSTER_ENTRIES, rosterSchema, type RosterEntry, type RosterInput, type UnitMember } from '../_lib/inputSchemas';
import { toMoney } from '../_lib/money';
import { membershipMessage, type Message } from '../_lib/messages';
import type { Parameter, Payer, Policy } from '../_lib/policySchema';
import { dayNumber } from '../_lib/dates';
import { plainOf } from '../_lib/plainInput';
import { deepFreeze, policyRef, type PolicyRef } from '../_lib/result';
import { compile } from '../_lib/engine/compile';
import type { ClaimContext } from '../_lib/engine/context';
import type { CompiledParameter } from '../_lib/engine/parameters';
import { scaledFen, sharesCounted } from '../_lib/engine/shares';
import { illustrativeWarnings, type Citation } from '../_lib/trace';
import type { PolicyRegistry } from '../createRegistry';
import { registeredPolicies } from '../_lib/versions';

/** What one payer owes for the members it pays for. */
export interface PayerShare {
  readonly members: number;
  readonly amount: Decimal;
}

/** The contributions (互助金) due for a roster, in total and by payer. */
export interface ContributionAssessment {
  readonly policy: PolicyRef;
  /** Members counted, every entry's `count` added up. */
  readonly members: number;
  /** The contribution of one member to whom no variant of the policy applies. */
  readonly perMember: Decimal;
  /** Every member at their own contribution: a variant (a product, a renewal), their shares and period may set it. */
  readonly total: Decimal;
  /** `memberOrUnit`: the member or their unit; `publicFunds`: public funds (财政); `union`: the union itself. */
  readonly byPayer: Readonly<Record<Payer, PayerShare>>;
  /** Shares charged, all members together: each member's shares up to the plan's `maxShares`. */
  readonly shares: number;
  /** Shares held past the plan's `maxShares`: void, and not charged. */
  readonly voidShares: number;
  readonly citations: readonly Citation[];
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

/** The contributions due for a roster whose members hold several plans, added up over every plan. */
export interface PlansContributionAssessment {
  /** Members counted, every entry's `count` added up. */
  readonly members: number;
  /** Every plan and share held, all members together. */
  readonly total: Decimal;
  /** What each payer owes over every plan; `members` counts a member once for a payer that pays any of their plans. */
  readonly byPayer: Readonly<Record<Payer, PayerShare>>;
  /** Each plan held, assessed for the members who hold it, in the registry's order. */
  readonly plans: readonly ContributionAssessment[];
  /** Every plan's citations, in the order of `plans`. */
  readonly citations: readonly Citation[];
  readonly warnings: readonly Message[];
  readonly illustrative: boolean;
}

const PAYERS: readonly Payer[] = ['memberOrUnit', 'publicFunds', 'union'];

/**
 * Work out the contributions for a roster, and who pays them: for one policy, or, with a
 * registry, for every plan each member holds (docs/rule-model.md#contribution).
 *
 * Each roster entry is one member, or `count` members alike (a unit's headcount), under an id
 * of its own: an id listed twice would count its members twice, so it is refused
 * (`duplicate_member`, at the second entry). A roster holds at most 10,000,000 entries; a
 * longer one is refused before any entry is read. A member's
 * contribution is paid by the payer of the first payer rule whose flag the member has
 * (Xining 2024: hardship workers by public funds, gig workers by the union), else by the
 * policy's default payer.
 *
 * A member pays for each share held (`shares`: 1, 2, ½, …; 1 when absent), up to the plan's
 * `maxShares`: shares past it are void and not charged, and a warning says how many. A member
 * enrolled for half a year (`period: 'half'`) pays the policy's `contribution.halfYear`
 * (Shanghai 2019: 24 yuan a year, 12 for half a year); a policy that states none refuses it
 * rather than halve the yearly contribution. A share's part of a contribution is rounded to
 * the fen by the policy's rounding mode.
 *
 * With a registry, each entry lists its `plans` (`{ scheme, year, shares?, period? }`), each
 * priced by the registry's version of that scheme for that year, and the result adds them up
 * by payer (Shiyan: inpatient 130 yuan a share, critical illness 35, women's 25, accident 20).
 * An entry holding two plans of one choose-one group (`plan.group`) is refused
 * (`plan_group_conflict`, at the second plan), as a claim under both is.
 *
 * @category Evaluation
 *
 * @param policy - a policy with a `contribution` section, e.g. `policies.xining[2024]`; or a registry of the plans the roster holds
 * @param roster - the members enrolled
 * @returns the total and the share of each payer, with citations; with a registry, also each plan's assessment
 * @throws {InvalidInputError} for an invalid roster (a duplicate id, more than 10,000,000 entries, a half year the policy prices not, a plan the registry lacks, two plans of one choose-one group, …), or a policy without a contribution
 *
 * @example
 * const assessment = assessContributions(policies.xining[2024], [{ id: 'gig-workers', count: 6550, flags: { gigWorker: true } }]);
 * assessment.byPayer.union.amount.toFixed(2)
 * //=> '655000.00'
 */
export function assessContributions(policy: Policy, roster: RosterInput): ContributionAssessment;
export function assessContributions(registry: PolicyRegistry, roster: RosterInput): PlansContributionAssessment;
export function assessContributions(policy: Policy | PolicyRegistry, roster: RosterInput): ContributionAssessment | PlansContributionAssessment;
export function assessContributions(source: Policy | PolicyRegistry, roster: RosterInput): ContributionAssessment | PlansContributionAssessment {
  if (!isParsedPolicy(source) && isRegistry(source)) return assessPlans(source, roster);
  const accepted = parsedPolicy(source);
  const entries = validate(rosterSchema, roster, 'roster', MAX_ROSTER_ENTRIES);
  const withPlans = entries.findIndex((entry) => entry.plans !== undefined);
  if (withPlans >= 0) {
    throw new InvalidInputError([{ path: ['roster', withPlans, 'plans'], code: 'needs_registry', message: 'an entry listing "plans" is priced from a registry of them: pass createRegistry([...]) instead of one policy' }]);
  }
  return tally(accepted, holdings(entries), ['policy']);
}

/** A registry, not a policy: it has the list of policies and no scheme of its own. */
/** Whether `value` reads as a registry; a Proxy whose traps throw does not (and is then refused as no parsed policy). */
function isRegistry(value: unknown): value is PolicyRegistry {
  try {
    return typeof value === 'object' && value !== null && 'policies' in value && !('scheme' in value);
  } catch {
    return false;
  }
}

/** A roster entry holding a plan: its shares and period, and where the caller wrote them (the entry, and the plan in its `plans`). */
interface Holding {
  readonly entry: RosterEntry;
  readonly shares: number;
  readonly period: 'year' | 'half';
  readonly index: number;
  readonly plan?: number;
}

/** The entries of a one-policy roster as holdings, made one at a time: a roster may have ten million. */
function* holdings(entries: readonly RosterEntry[]): Generator<Holding> {
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    yield { entry, shares: entry.shares ?? 1, period: entry.period ?? 'year', index };
  }
}

const pathOf = ({ index, plan }: Holding): (string | number)[] => (plan === undefined ? ['roster', index] : ['roster', index, 'plans', plan]);

/** A policy's contributions for the entries holding it. `policyPath` names the policy in an error. */
function tally(policy: Policy, items: Iterable<Holding>, policyPath: readonly (string | number)[]): ContributionAssessment {
  const contribution = policy.contribution;
  if (contribution === undefined) {
    throw new InvalidInputError([{ path: [...policyPath, 'contribution'], code: 'no_contribution', message: 'expected a policy with a "contribution" section' }]);
  }
  const price = pricer(policy);
  const mode = policy.conventions.rounding.mode;

  const counts: Record<Payer, number> = { memberOrUnit: 0, publicFunds: 0, union: 0 };
  // Members by payer and by what each pays (the rate, its value and the halves of a share charged): multiplied out once at the end.
  const byCharge: Record<Payer, Map<string, { rate: CompiledParameter<string>; index: number; halves: number; members: number }>> = {
    memberOrUnit: new Map(),
    publicFunds: new Map(),
    union: new Map(),
  };
  let halvesCharged = 0;
  let halvesVoid = 0;
  for (const item of items) {
    const { entry, shares, period } = item;
    const { payer, rate, index } = price(entry, period, item);
    const counted = sharesCounted(policy, shares);
    const count = entry.count ?? 1;
    counts[payer] += count;
    halvesCharged += counted * 2 * count;
    halvesVoid += (shares - counted) * 2 * count;
    const key = `${period} ${index} ${counted * 2}`;
    const known = byCharge[payer].get(key);
    if (known === undefined) byCharge[payer].set(key, { rate, index, halves: counted * 2, members: count });
    else known.members += count;
  }
  // The values the roster used, by parameter; an empty roster cites the plain yearly one.
  const used = new Map<CompiledParameter<string>, Set<number>>();
  const amounts = {} as Record<Payer, Decimal>;
  for (const payer of PAYERS) {
    let amount = new Dec(0);
    for (const { rate, index, halves, members } of byCharge[payer].values()) {
      if (!used.has(rate)) used.set(rate, new Set());
      used.get(rate)!.add(index);
      // One member's contribution to the fen, then times the members: each member pays whole fen.
      amount = amount.plus(new Dec(scaledFen(rate.values[index]!, halves, mode)).times(members).dividedBy(100));
    }
    amounts[payer] = amount;
  }
  const compiled = compile(policy);
  if (used.size === 0) used.set(compiled.contribution!, new Set([0]));
  const members = PAYERS.reduce((sum, payer) => sum + counts[payer], 0);
  // Filled in a loop rather than cast from Object.fromEntries: Stryker does not mutate code
  // under `as` (stryker-js issue #6208), and this is where the amounts are worked out.
  const byPayer = {} as Record<Payer, PayerShare>;
  for (const payer of PAYERS) byPayer[payer] = { members: counts[payer], amount: toMoney(amounts[payer]) };
  // The values used, the yearly ones first, each parameter's plain value before its variants; then the payer rules and the limit of shares that voided some.
  const citations: Citation[] = [];
  for (const rate of [compiled.contribution!, compiled.halfYearContribution]) {
    const indices = rate && used.get(rate);
    if (indices !== undefined) citations.push(...[...indices].sort((a, b) => a - b).map((index) => rate!.citations[index]!));
  }
  citations.push(cite(contribution.payers, 'contribution.payers'));
  const maxShares = policy.plan?.maxShares;
  if (halvesVoid > 0 && maxShares !== undefined) citations.push(cite(maxShares, 'plan.maxShares'));
  const total = PAYERS.reduce((sum, payer) => sum.plus(amounts[payer]), new Dec(0));
  const warnings = illustrativeWarnings(citations);
  if (halvesVoid > 0) warnings.push(membershipMessage('VOID_SHARES_NOT_CHARGED', { void: halvesVoid / 2, max: maxShares!.value }));

  return deepFreeze({
    policy: policyRef(policy),
    members,
    perMember: toMoney(new Dec(contribution.perMember.value)),
    total: toMoney(total),
    byPayer,
    shares: halvesCharged / 2,
    voidShares: halvesVoid / 2,
    citations,
    warnings,
    illustrative: citations.some((citation) => citation.provenance.status === 'illustrative'),
  });
}

/** Every plan each entry holds, priced by the registry's version of it, added up by payer. */
function assessPlans(registry: PolicyRegistry, roster: RosterInput): PlansContributionAssessment {
  const entries = validate(rosterSchema, roster, 'roster', MAX_ROSTER_ENTRIES);
  const policies = registeredPolicies(registry);
  // The entries holding each version, in the registry's order.
  const holders = new Map<Policy, Holding[]>();
  const payersOf = new Map<RosterEntry, Set<Payer>>();
  const issues: Issue[] = [];
  entries.forEach((entry, index) => {
    if (entry.plans === undefined) {
      issues.push({ path: ['roster', index, 'plans'], code: 'missing_plans', message: 'expected the plans this entry holds, e.g. [{ "scheme": "shiyan-inpatient", "year": 2024 }]: a registry has several to choose from' });
      return;
    }
    // The first plan held of each choose-one group, to refuse a second one (Shanghai: class A or class B).
    const groups = new Map<string, Policy>();
    entry.plans.forEach((plan, at) => {
      const policy = policies.find((version) => version.scheme === plan.scheme && version.year === plan.year);
      if (policy === undefined) {
        issues.push({ path: ['roster', index, 'plans', at], code: 'unknown_plan', message: `the registry has no version of "${plan.scheme}" for ${plan.year}` });
        return;
      }
      const group = policy.plan?.group;
      const first = group && groups.get(group.id);
      if (group !== undefined && first !== undefined && first.scheme !== policy.scheme) {
        issues.push({ path: ['roster', index, 'plans', at], code: 'plan_group_conflict', message: `"${policy.scheme}" and "${first.scheme}" are both of the choose-one group "${group.id}": a member may hold one of its plans` });
        return;
      }
      if (group !== undefined) groups.set(group.id, policy);
      if (!holders.has(policy)) holders.set(policy, []);
      holders.get(policy)!.push({ entry, shares: plan.shares ?? 1, period: plan.period ?? 'year', index, plan: at });
    });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);

  const plans: ContributionAssessment[] = [];
  for (const policy of policies) {
    const items = holders.get(policy);
    if (items === undefined) continue;
    plans.push(tally(policy, items, ['registry', 'policies', policies.indexOf(policy)]));
    // Who pays for whom, for the members each payer pays for at least one plan of.
    const price = pricer(policy);
    for (const item of items) {
      if (!payersOf.has(item.entry)) payersOf.set(item.entry, new Set());
      payersOf.get(item.entry)!.add(price(item.entry, item.period, item).payer);
    }
  }
  const byPayer = {} as Record<Payer, PayerShare>;
  for (const payer of PAYERS) {
    let members = 0;
    for (const [entry, payers] of payersOf) if (payers.has(payer)) members += entry.count ?? 1;
    byPayer[payer] = { members, amount: toMoney(plans.reduce((sum, plan) => sum.plus(plan.byPayer[payer].amount), new Dec(0))) };
  }
  const citations = plans.flatMap((plan) => plan.citations);
  return deepFreeze({
    members: entries.reduce((sum, entry) => sum + (entry.count ?? 1), 0),
    total: toMoney(plans.reduce((sum, plan) => sum.plus(plan.total), new Dec(0))),
    byPayer,
    plans,
    citations,
    warnings: plans.flatMap((plan) => plan.warnings),
    illustrative: plans.some((plan) => plan.illustrative),
  });
}

/**
 * For a policy with a contribution section: who pays an entry's contribution (the first payer
 * rule whose flag it has, else the default payer), and which contribution it pays: the yearly
 * one or the half year's, and which of its values, by index (a variant may set it). A half
 * year on a policy that prices none is refused at the holding's place.
 */
export function pricer(policy: Policy): (entry: RosterEntry | UnitMember, period?: 'year' | 'half', at?: Holding) => { readonly payer: Payer; readonly rate: CompiledParameter<string>; readonly index: number } {
  const contribution = policy.contribution!;
  const compiled = compile(policy);
  return (entry, period = 'year', at) => {
    const rate = period === 'half' ? compiled.halfYearContribution : compiled.contribution!;
    if (rate === undefined) {
      throw new InvalidInputError([{ path: [...(at === undefined ? ['roster'] : pathOf(at)), 'period'], code: 'no_half_year_price', message: `"${policy.scheme}" ${policy.year} states no contribution for half a year ("contribution.halfYear"), and huzhu does not halve the yearly one` }]);
    }
    return {
      payer: contribution.payers.value.find((rule) => entry.flags?.[rule.flag] === true)?.payer ?? contribution.defaultPayer,
      rate,
      index: rate.varies ? rate.pick(rosterContext(policy, entry)) : 0,
    };
  };
}

/** A parameter cited by its path, at its own value (no variant). */
export const cite = (parameter: Parameter, path: string): Citation => ({ parameter: path, label: parameter.label, value: parameter.value, provenance: parameter.provenance });

/**
 * A roster entry, or a member a unit enrols, as conditions read it on a date (the first day of
 * the policy by default): its flags, attributes, birth date and sex, and whether it renews last
 * year's enrolment. There is no claim: a variant that reads one is refused.
 */
export function rosterContext(policy: Policy, entry: RosterEntry | UnitMember, date = policy.validFrom): ClaimContext {
  const scheme = policy.eligibility.enrolmentScheme ?? policy.scheme;
  const renewal = entry.continuing === true ? [{ scheme, year: policy.year - 1, from: policy.validFrom, to: policy.validFrom }] : [];
  const { flags, attributes } = entry;
  const { birthDate, sex } = entry as UnitMember;
  const member = { id: entry.id, enrolments: renewal, ...(flags && { flags }), ...(attributes && { attributes }), ...(birthDate && { birthDate }), ...(sex && { sex }) };
  const claim = plainOf({ kind: 'death', id: entry.id, date });
  return { claim, member, eventDay: dayNumber(date), days: 0, stayNumber: 0, conditionClass: '', ledger: undefined as never, mode: 'halfUp', eachStep: false, path: ['roster'] };
}
