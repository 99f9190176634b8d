import { acceptPolicy } from '../_lib/acceptPolicy';
import type { Policy, PolicyInput } from '../_lib/policySchema';

/**
 * Write a policy in TypeScript: typed, validated, frozen.
 *
 * A policy is one scheme's rules for one protection year: its validity dates, its
 * conventions (which date picks the year, how days are counted, rounding), its eligibility
 * rules, its benefits (each a formula of a closed set of kinds: `bands`, `perDay`, `lumpSum`,
 * `gradeSchedule`, `bracket`), its ceilings and its contribution. Every parameter carries a
 * label in Chinese and English and a provenance: {@link published} with its source, or
 * {@link illustrative} with a note saying why an unpublished value is there.
 *
 * The result is plain data: amounts become two-decimal strings, so `JSON.stringify` of a
 * policy is a valid input to {@link parsePolicy}.
 *
 * Limits: every list in a policy (benefits, bands, brackets, payer rules, notes) holds at
 * most 1,000 items, and a longer one is refused before its items are read; data nests at
 * most 32 levels and may not contain itself (`cyclic`). Benefit ids may not be `constructor`
 * or `prototype` (`reserved_id`): ids are keys of a ledger's `byBenefit`.
 *
 * @category Policies
 *
 * @param spec - the policy; the editor completes and checks every field
 * @returns the validated, deeply frozen policy
 * @throws {InvalidInputError} naming the path of every field that is wrong
 *
 * @example
 * const guilinDaily = { publisher: { zh: '桂林日报', en: 'Guilin Daily' }, date: '2023-11', title: '我市2024年度职工医疗互助保障参保工作正在进行' };
 * const policy = definePolicy({
 *   scheme: 'demo',
 *   year: 2024,
 *   name: { zh: '示例', en: 'Demo' },
 *   validFrom: '2024-01-01',
 *   validTo: '2024-12-31',
 *   conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachLine' } },
 *   eligibility: {},
 *   benefits: [{
 *     id: 'death',
 *     label: { zh: '身故津贴', en: 'Death benefit' },
 *     event: 'death',
 *     formula: { kind: 'lumpSum', amount: { value: 10000, label: { zh: '身故津贴', en: 'Death benefit' }, provenance: published(guilinDaily, '将身故津贴从5000元提高到1万元') } },
 *   }],
 *   ceilings: {},
 * });
 * JSON.stringify(policy).includes('"value":"10000.00"')
 * //=> true
 */
export function definePolicy<const Spec extends PolicyInput>(spec: Spec): DefinedPolicy<Spec> {
  return acceptPolicy(spec, 'spec') as DefinedPolicy<Spec>;
}

/** A validated policy that keeps the literal scheme id and year its author wrote. */
export type DefinedPolicy<Spec extends Pick<PolicyInput, 'scheme' | 'year'>> = Policy & {
  readonly scheme: Spec['scheme'];
  readonly year: Spec['year'];
};
