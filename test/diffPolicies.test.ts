/**
 * The Guangxi 2023 → 2024 case is published: Guilin Daily, November 2023,
 * shared/sources/guilin-daily-2023-11-mutual-aid-2024.txt: "增加了每天50元的住院补贴和最高达2万元的伤残补助，
 * 以及将身故津贴从5000元提高到1万元和最高补助从50万元提高到100万元" — two additions, two increases.
 */
import { describe, expect, it } from 'vitest';
import { definePolicy, diffPolicies, extendPolicy, InvalidInputError, policies, type PolicyInput } from '../src';
import { formatDiff } from '../src/cli/text';
import { made, syntheticSpec } from './_fixtures';

describe('diffPolicies', () => {
  it('shows the published Guangxi 2023 → 2024 changes: two additions, two increases, and nothing else published', () => {
    const diff = diffPolicies(policies.guangxi[2023], policies.guangxi[2024]);
    const published = diff.changes.filter((c) => c.after?.provenance.status === 'published' || c.before?.provenance.status === 'published');
    expect(published.map((c) => [c.change, c.parameter, c.before?.value ?? null, c.after?.value ?? null, c.direction])).toEqual([
      ['changed', 'benefits.death.formula.amount', '5000.00', '10000.00', 'increase'],
      ['added', 'benefits.hospital-allowance.formula.amount', null, '50.00', null],
      ['added', 'benefits.disability.formula.maximum', null, '20000.00', null],
      ['changed', 'ceilings.maximumSubsidy', '500000.00', '1000000.00', 'increase'],
    ]);
    // The only other change is the disability grade shares, which nobody published.
    expect(diff.changes.filter((c) => !published.includes(c)).map((c) => [c.parameter, c.after?.provenance.status])).toEqual([
      ['benefits.disability.formula.shares', 'illustrative'],
    ]);
    expect(diff.settings).toEqual([]);
    expect([diff.from.year, diff.to.year]).toEqual([2023, 2024]);
  });

  it('finds nothing between a policy and itself', () => {
    expect(diffPolicies(policies.guangxi[2024], policies.guangxi[2024]).changes).toEqual([]);
  });

  it('lists removed parameters, decreases and changed settings', () => {
    const next = extendPolicy(policies.guangxi[2024], {
      year: 2025,
      benefits: { 'hospital-allowance': null },
      ceilings: { maximumSubsidy: made('800000') },
      conventions: { dayCount: 'includeBothDays' },
    });
    const diff = diffPolicies(policies.guangxi[2024], next);
    expect(diff.changes.map((c) => [c.change, c.parameter, c.direction])).toEqual([
      ['changed', 'ceilings.maximumSubsidy', 'decrease'],
      ['removed', 'benefits.hospital-allowance.formula.amount', null],
    ]);
    expect(diff.settings).toEqual([{ setting: 'conventions.dayCount', before: 'excludeDischargeDay', after: 'includeBothDays' }]);
  });

  it('refuses a policy it was not given parsed, naming which side', () => {
    try {
      diffPolicies(policies.guangxi[2023], { ...policies.guangxi[2024], year: 'next' } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]).toMatchObject({ path: ['to'], code: 'unparsed_policy' });
    }
  });
});

describe('diffPolicies shows every rule of several plans, listed conditions, history and enrolment, labelled in zh and en', () => {
  const labelled = <T,>(value: T, zh: string, en: string) => ({ ...made(value), label: { zh, en } });
  const conditions = (klass: string) => ({
    classes: { a: { label: { zh: '甲', en: 'A' } }, b: { label: { zh: '乙', en: 'B' } } },
    list: { 'breast-cancer': { label: { zh: '乳腺癌', en: 'breast cancer' }, class: klass } },
  });
  const version = (n: 1 | 2): PolicyInput =>
    syntheticSpec(
      [
        { id: 'lump', label: { zh: '一次性补助', en: 'Lump sum' }, event: 'diagnosis', formula: { kind: 'lumpSum', amount: made('6000.00') }, caps: { oncePerYears: labelled(n === 1 ? 3 : 5, '几年一次', 'Once in years') } },
        { id: 'disability', label: { zh: '伤残', en: 'Disability' }, event: 'disability', formula: { kind: 'lumpSum', amount: made('30000.00') } },
        { id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('30000.00') }, sameEvent: n === 1 ? { lessPaidFor: ['disability'] } : { largerOf: ['disability'] } },
      ],
      {
        conditions: conditions(n === 1 ? 'a' : 'b'),
        contribution: { perMember: made('24.00'), payers: made([]), defaultPayer: 'memberOrUnit', halfYear: labelled(n === 1 ? '12.00' : '14.00', '半年互助金', 'Half-year contribution') },
        enrolment: { window: labelled({ from: '2023-10-15', to: n === 1 ? '2023-12-15' : '2023-12-31' }, '参保期', 'Enrolment window'), requires: [{ label: { zh: '16至60周岁', en: 'aged 16 to 60' }, when: { age: { from: 16, to: n === 1 ? 60 : 55 } } }] },
        plan: {
          order: n,
          maxShares: labelled(n, '每人最多份数', 'Most shares per member'),
          group: { id: n === 1 ? 'class-a-or-b' : 'comprehensive', label: { zh: '择一', en: 'one of' } },
          otherPayments: n === 1 ? { sources: ['paidElsewhere'], rule: 'deduct', from: 'lump' } : { sources: ['paidElsewhere', 'earlierPlans'], rule: 'capAtUnpaid', cost: 'selfPaid', from: 'death' },
        },
      },
    );
  const diff = diffPolicies(definePolicy(version(1)), definePolicy(version(2)));

  it('lists the parameters with their own labels', () => {
    expect(diff.changes.map((change) => [change.parameter, change.label.zh, change.label.en])).toEqual([
      ['benefits.lump.caps.oncePerYears', '几年一次', 'Once in years'],
      ['contribution.halfYear', '半年互助金', 'Half-year contribution'],
      ['enrolment.window', '参保期', 'Enrolment window'],
      ['plan.maxShares', '每人最多份数', 'Most shares per member'],
    ]);
  });

  it('lists the settings, each with a label in zh and en, the plan group included', () => {
    expect(diff.settings.map((change) => [change.setting, change.label?.zh, change.label?.en])).toEqual([
      ['benefits.death.sameEvent.largerOf', '同一事件只付其中较高者', 'Same event: only the larger of these'],
      ['conditions.list.breast-cancer.class', '病种分类', 'Class of a listed condition'],
      ['enrolment.requires', '参保条件', 'Who may join'],
      ['plan.order', '多方案理赔顺序', 'Order among the plans'],
      ['plan.otherPayments.sources', '计入的其他已付款项', 'Other payments counted'],
      ['plan.otherPayments.rule', '其他已付款项的处理', 'What other payments do'],
      ['plan.otherPayments.cost', '未付费用的口径', 'Cost left unpaid'],
      ['plan.otherPayments.from', '扣减的补助项目', 'Benefit the other payments cut'],
      ['plan.group', '择一方案组', 'Choose-one group of plans'],
      ['benefits.death.sameEvent.lessPaidFor', '同一事件扣减已付的补助', 'Same event: less what these paid'],
    ]);
  });

  it('huzhu diff writes them in either language', () => {
    const zh = formatDiff(diff, 'zh');
    const en = formatDiff(diff, 'en');
    expect(zh).toContain('  ~ 择一方案组 (plan.group): class-a-or-b → comprehensive\n');
    expect(en).toContain('  ~ Choose-one group of plans (plan.group): class-a-or-b → comprehensive\n');
    expect(en).toContain('  ~ Benefit the other payments cut (plan.otherPayments.from): lump → death\n');
    // A setting without a label keeps its path alone, as before.
    const plain = diffPolicies(policies.guangxi[2024], extendPolicy(policies.guangxi[2024], { year: 2025, conventions: { dayCount: 'includeBothDays' } }));
    expect(formatDiff(plain, 'en')).toContain('  ~ conventions.dayCount: excludeDischargeDay → includeBothDays\n');
  });
});
