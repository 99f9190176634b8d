import { parsedPolicy } from '../_lib/parsedPolicies';
import { Dec } from '../_lib/decimal';
import { parametersOf, walkPolicy } from '../_lib/parameters';
import type { Label, Parameter, Policy, Provenance } from '../_lib/policySchema';
import { deepFreeze, policyRef, type PolicyRef } from '../_lib/result';

/** A parameter's value and where it comes from, on one side of a diff. */
export interface ParameterState {
  readonly value: unknown;
  readonly provenance: Provenance;
}

/** One parameter that differs between two policy versions. */
export interface ParameterChange {
  readonly change: 'added' | 'removed' | 'changed';
  /** Where the parameter sits, e.g. `benefits.death.formula.amount`. */
  readonly parameter: string;
  /** The label of the newer side when there is one. */
  readonly label: Label;
  readonly before: ParameterState | null;
  readonly after: ParameterState | null;
  /** For a changed amount or ratio, whether it went up or down; null otherwise. */
  readonly direction: 'increase' | 'decrease' | null;
}

/** A convention, eligibility rule or formula setting that differs; these are settings, not cited parameters. */
export interface SettingChange {
  /** E.g. `conventions.dayCount`, `eligibility.requires` or `benefits.hospitalisation.formula.method`. */
  readonly setting: string;
  /** What the setting is, in zh and en, for the rules of several plans, listed conditions, shared events and enrolment; absent for the others, which their path names well enough. */
  readonly label?: Label;
  readonly before: unknown;
  readonly after: unknown;
}

/** What changes from one policy version to another. */
export interface PolicyDiff {
  readonly from: PolicyRef;
  readonly to: PolicyRef;
  /** Parameters of `to` in its order, then those only `from` had. */
  readonly changes: readonly ParameterChange[];
  readonly settings: readonly SettingChange[];
}

/**
 * Everything else a policy states that changes what it pays, by path: conventions, eligibility
 * rules, attribute declarations, a benefit's event, causes, condition and formula settings
 * (`benefits.hospitalisation.formula.method`), a variant's condition. Lists are one setting.
 */
function settingsOf(policy: Policy): Map<string, unknown> {
  const settings = new Map<string, unknown>();
  walkPolicy(policy, (path, parameter) => {
    parameter.variants?.forEach((variant, index) => settings.set(`${path}.variants[${index}].when`, variant.when));
  }, (path, value) => settings.set(path, value));
  // A group is an id and a label, which the walk leaves out as words: its id is the rule.
  if (policy.plan?.group !== undefined) settings.set('plan.group', policy.plan.group.id);
  return settings;
}

/** Labels of the settings of several plans, listed conditions and shared events, by path with a benefit's or condition's id as `*`. */
const SETTING_LABELS: ReadonlyMap<string, Label> = new Map([
  ['plan.order', { zh: '多方案理赔顺序', en: 'Order among the plans' }],
  ['plan.group', { zh: '择一方案组', en: 'Choose-one group of plans' }],
  ['plan.otherPayments.sources', { zh: '计入的其他已付款项', en: 'Other payments counted' }],
  ['plan.otherPayments.rule', { zh: '其他已付款项的处理', en: 'What other payments do' }],
  ['plan.otherPayments.cost', { zh: '未付费用的口径', en: 'Cost left unpaid' }],
  ['plan.otherPayments.from', { zh: '扣减的补助项目', en: 'Benefit the other payments cut' }],
  ['benefits.*.sameEvent.lessPaidFor', { zh: '同一事件扣减已付的补助', en: 'Same event: less what these paid' }],
  ['benefits.*.sameEvent.largerOf', { zh: '同一事件只付其中较高者', en: 'Same event: only the larger of these' }],
  ['conditions.list.*.class', { zh: '病种分类', en: 'Class of a listed condition' }],
  ['enrolment.requires', { zh: '参保条件', en: 'Who may join' }],
]);

/** A setting's change, with its label when it has one. */
function settingChange(setting: string, before: unknown, after: unknown): SettingChange {
  const label = SETTING_LABELS.get(setting.replace(/^benefits\.[^.]+\./, 'benefits.*.').replace(/^conditions\.list\.[^.]+\./, 'conditions.list.*.'));
  return label === undefined ? { setting, before, after } : { setting, label, before, after };
}

// Both sides are schema output, so equal values serialise with the same key order.
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function direction(before: unknown, after: unknown): ParameterChange['direction'] {
  const numeric = (value: unknown) => (typeof value === 'string' || typeof value === 'number') && /^\d+(\.\d+)?$/.test(String(value));
  if (!numeric(before) || !numeric(after)) return null;
  const order = new Dec(String(after)).comparedTo(String(before));
  return order > 0 ? 'increase' : order < 0 ? 'decrease' : null;
}

const state = (parameter: Parameter): ParameterState => ({ value: parameter.value, provenance: parameter.provenance });

/**
 * List every parameter that differs between two policy versions: added, removed or changed,
 * with labels, both values and their provenance.
 *
 * Parameters are matched by path, benefits by id. A parameter whose value is unchanged is not
 * listed, even when its label or source text was reworded. Conventions and eligibility rules
 * that differ are listed apart, under `settings`. What a policy author runs after writing a
 * new protection year, to check that it changes exactly what the union announced.
 *
 * @category Policies
 *
 * @param from - the older version, e.g. `policies.guangxi[2023]`
 * @param to - the newer version
 * @returns the changed parameters and settings
 * @throws {InvalidInputError} when either is not a policy from {@link parsePolicy}, {@link definePolicy}, {@link extendPolicy} or `policies` (`unparsed_policy`)
 *
 * @example
 * const diff = diffPolicies(policies.guangxi[2023], policies.guangxi[2024]);
 * diff.changes.filter((c) => c.after?.provenance.status === 'published').map((c) => `${c.change} ${c.label.en}`)
 * //=> ['changed Death benefit', 'added Daily hospital allowance per day', 'added Disability subsidy maximum', 'changed Maximum subsidy per protection year']
 */
export function diffPolicies(from: Policy, to: Policy): PolicyDiff {
  const older = parsedPolicy(from, 'from');
  const newer = parsedPolicy(to, 'to');
  const before = parametersOf(older);
  const after = parametersOf(newer);
  const changes: ParameterChange[] = [];
  for (const [path, parameter] of after) {
    const old = before.get(path);
    if (old === undefined) {
      changes.push({ change: 'added', parameter: path, label: parameter.label, before: null, after: state(parameter), direction: null });
    } else if (!same(old.value, parameter.value)) {
      const change = { change: 'changed', parameter: path, label: parameter.label } as const;
      changes.push({ ...change, before: state(old), after: state(parameter), direction: direction(old.value, parameter.value) });
    }
  }
  for (const [path, parameter] of before) {
    if (!after.has(path)) {
      changes.push({ change: 'removed', parameter: path, label: parameter.label, before: state(parameter), after: null, direction: null });
    }
  }
  // A benefit only one side has shows as its parameters added or removed; its settings are compared where both have it.
  const ids = new Set(older.benefits.map((benefit) => benefit.id));
  const inBoth = (setting: string) => !setting.startsWith('benefits.') || newer.benefits.some((benefit) => ids.has(benefit.id) && setting.startsWith(`benefits.${benefit.id}.`));
  const oldSettings = settingsOf(older);
  const newSettings = settingsOf(newer);
  const settings: SettingChange[] = [];
  for (const [setting, value] of newSettings) {
    if (inBoth(setting) && !same(oldSettings.get(setting), value)) settings.push(settingChange(setting, oldSettings.get(setting) ?? null, value));
  }
  for (const [setting, value] of oldSettings) if (inBoth(setting) && !newSettings.has(setting)) settings.push(settingChange(setting, value, null));
  return deepFreeze({ from: policyRef(older), to: policyRef(newer), changes, settings });
}
