/**
 * assessEnrolment: a unit's enrolment checked against a plan's rules (docs/rule-model.md#enrolment),
 * with the figures of real schemes (../shared/schemes.md and issue 15): Anqing (at least 80 % of
 * a unit's staff, units under 100 people in full, ages 16–60, 95 yuan), Shanghai 2000 (at least
 * 80 % and at least 10 people), Hangzhou Dajiangdong 2018 (enrolment 15 October to 15 December),
 * Yunnan 2012 (100 yuan for new members, 80 for continuing ones).
 */
import { describe, expect, it } from 'vitest';
import { assessContributions, assessEnrolment, definePolicy, diffPolicies, policies, safeAssessEnrolment, type PolicyInput, type UnitInput } from '../src';
import { firstIssue, made, syntheticSpec } from './_fixtures';

/** A figure a report published, cited as ../shared/schemes.md gives it. */
const reported = <T>(value: T, en: string, source: string, quote: string) =>
  ({ value, label: { zh: en, en }, provenance: { status: 'published', source, quote } }) as const;

const ANQING = "China Workers' Insurance Mutual Association, Anqing (as summarised in shared/schemes.md)";
const anqing = definePolicy(
  syntheticSpec([], {
    scheme: 'anqing',
    enrolment: {
      minShare: reported('0.8', 'Least share of staff', ANQING, 'at least 80 % of a unit\'s staff must join'),
      wholeUnitBelow: reported(100, 'Units enrolling in full below', ANQING, 'units under 100 people in full'),
      requires: [{ label: { zh: '16至60周岁', en: 'aged 16 to 60' }, when: { age: { from: 16, to: 60 } } }],
    },
    contribution: { perMember: reported('95.00', 'Contribution', ANQING, '95 yuan'), payers: made([]), defaultPayer: 'memberOrUnit' },
  }),
);

/** `count` members aged 40 on 2023-11-01, with ids from `first`. */
const staff = (count: number, first = 0) => Array.from({ length: count }, (_, at) => ({ id: `p${first + at}`, birthDate: '1983-05-01' }));
const unit = (size: number, members: UnitInput['members'], date = '2023-11-01'): UnitInput => ({ id: 'unit-1', date, staff: size, members });
const codes = (assessment: { reasons: readonly { code: string }[] }) => assessment.reasons.map((reason) => reason.code);

describe('Anqing: at least 80 % of a unit\'s staff, units under 100 people in full, ages 16 to 60, 95 yuan', () => {
  it('120 of 150 staff is 80 %: accepted, 120 × 95 = 11,400 yuan paid by the members or the unit', () => {
    const assessment = assessEnrolment(anqing, unit(150, staff(120)));
    expect([assessment.accepted, assessment.joining, assessment.reasons]).toEqual([true, 120, []]);
    expect(assessment.contributions!.total.toFixed(2)).toBe('11400.00');
    expect(assessment.contributions!.byPayer.memberOrUnit.members).toBe(120);
    expect(JSON.parse(JSON.stringify(assessment.members[0]))).toEqual({ id: 'p0', mayJoin: true, reasons: [], contribution: '95.00', payer: 'memberOrUnit' });
  });

  it('119 of 150 is short of 80 % (120 people): refused, in both languages', () => {
    const assessment = assessEnrolment(anqing, unit(150, staff(119)));
    expect(assessment.accepted).toBe(false);
    expect(assessment.reasons.map((reason) => [reason.code, reason.message.en, reason.message.zh])).toEqual([
      [
        'SHARE_TOO_LOW',
        "119 of the unit's 150 staff may join; the plan requires at least 80 % of them (120).",
        '单位职工 150 人中可参保 119 人；本办法要求参保人数不低于职工的 80%（120 人）。',
      ],
    ]);
  });

  it('80 % of 101 staff is 80.8: 81 people are needed, 80 are not enough', () => {
    expect(codes(assessEnrolment(anqing, unit(101, staff(80))))).toEqual(['SHARE_TOO_LOW']);
    expect(assessEnrolment(anqing, unit(101, staff(81))).accepted).toBe(true);
  });

  it('a unit of 99 enrols in full: 98 is refused, though above 80 %; a unit of 100 needs only 80', () => {
    const short = assessEnrolment(anqing, unit(99, staff(98)));
    expect(short.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([
      ['WHOLE_UNIT_REQUIRED', 'A unit of fewer than 100 staff must enrol all of them: 98 of its 99 may join.'],
    ]);
    expect(short.reasons[0]!.message.zh).toBe('职工不足 100 人的单位须全员参保：职工 99 人中可参保 98 人。');
    expect(assessEnrolment(anqing, unit(99, staff(99))).accepted).toBe(true);
    expect(assessEnrolment(anqing, unit(100, staff(80))).accepted).toBe(true);
  });

  it('ages on the day the unit enrols (2023-11-01): 16 and 60 may join; 15 and 61 may not, and do not count', () => {
    const members = [
      { id: 'sixteen', birthDate: '2007-11-01' },
      { id: 'fifteen', birthDate: '2007-11-02' },
      { id: 'sixty', birthDate: '1962-11-02' },
      { id: 'sixty-one', birthDate: '1962-11-01' },
    ];
    const assessment = assessEnrolment(anqing, unit(4, members));
    expect(assessment.members.map((line) => [line.id, line.mayJoin, line.contribution?.toFixed(2) ?? null, line.payer])).toEqual([
      ['sixteen', true, '95.00', 'memberOrUnit'],
      ['fifteen', false, null, null],
      ['sixty', true, '95.00', 'memberOrUnit'],
      ['sixty-one', false, null, null],
    ]);
    expect(assessment.members[1]!.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([['REQUIREMENT_NOT_MET', 'Only for: aged 16 to 60.']]);
    // Two of four may join: a unit under 100 must enrol in full.
    expect([assessment.joining, codes(assessment)]).toEqual([2, ['WHOLE_UNIT_REQUIRED']]);
    expect(assessment.contributions!.total.toFixed(2)).toBe('190.00');
  });

  it('an age limit needs each member\'s birth date: the error names the member\'s place in the unit', () => {
    const issue = firstIssue(() => assessEnrolment(anqing, unit(2, [...staff(1), { id: 'unknown' }])));
    expect(issue.path).toEqual(['unit', 'members', 1, 'birthDate']);
  });

  it('cites the rules it used', () => {
    expect(assessEnrolment(anqing, unit(150, staff(120))).citations.map((citation) => citation.parameter)).toEqual([
      'enrolment.wholeUnitBelow',
      'enrolment.minShare',
      'contribution.perMember',
      'contribution.payers',
    ]);
  });
});

describe('Shanghai 2000: at least 80 % and at least 10 people', () => {
  const SHANGHAI = 'Issue 15, "Enrolment and contributions": Shanghai 2000';
  const shanghai = definePolicy(
    syntheticSpec([], {
      scheme: 'shanghai',
      enrolment: {
        minShare: reported('0.8', 'Least share of staff', SHANGHAI, 'at least 80 %'),
        minMembers: reported(10, 'Fewest members', SHANGHAI, 'at least 10 people'),
      },
    }),
  );

  it('9 of 11 staff make 80 % (8.8 → 9) but not 10 people: refused', () => {
    const assessment = assessEnrolment(shanghai, unit(11, staff(9)));
    expect(assessment.reasons.map((reason) => [reason.code, reason.message.en, reason.message.zh])).toEqual([
      ['TOO_FEW_MEMBERS', "9 of the unit's staff may join; the plan requires at least 10 members.", '可参保 9 人；本办法要求至少 10 人参保。'],
    ]);
  });

  it('10 of 12 staff: accepted; a policy without a contribution prices nobody', () => {
    const assessment = assessEnrolment(shanghai, unit(12, staff(10)));
    expect([assessment.accepted, assessment.contributions, assessment.members[0]!.contribution]).toEqual([true, null, null]);
  });

  it('8 of 12: short of both rules, each said', () => {
    expect(codes(assessEnrolment(shanghai, unit(12, staff(8))))).toEqual(['SHARE_TOO_LOW', 'TOO_FEW_MEMBERS']);
  });
});

describe('Hangzhou Dajiangdong 2018: enrolment from 15 October to 15 December', () => {
  const HANGZHOU = 'Hangzhou Dajiangdong 2018 (as summarised in shared/schemes.md)';
  const hangzhou = definePolicy(
    syntheticSpec([], {
      scheme: 'hangzhou-dajiangdong',
      year: 2018,
      validFrom: '2018-01-01',
      validTo: '2018-12-31',
      enrolment: { window: reported({ from: '2017-10-15', to: '2017-12-15' }, 'Enrolment window', HANGZHOU, 'enrolment 15 Oct–15 Dec') },
    }),
  );

  it.each([
    ['2017-10-15', true],
    ['2017-12-15', true],
    ['2017-10-14', false],
    ['2017-12-16', false],
  ])('a unit enrolling on %s: accepted %s', (date, accepted) => {
    expect(assessEnrolment(hangzhou, unit(1, staff(1), date)).accepted).toBe(accepted);
  });

  it('the refusal says the window, in both languages', () => {
    const reason = assessEnrolment(hangzhou, unit(1, staff(1), '2017-12-16')).reasons[0]!;
    expect([reason.code, reason.message.en, reason.message.zh]).toEqual([
      'ENROLMENT_CLOSED',
      'The unit enrols on 2017-12-16, outside the enrolment window (2017-10-15 to 2017-12-15).',
      '单位于 2017-12-16 办理参保，不在参保办理期间（2017-10-15 至 2017-12-15）内。',
    ]);
  });
});

describe('who pays what: the contributions are assessContributions\' own', () => {
  const flag = { label: { zh: '困难职工', en: 'Hardship worker' } };
  // Yunnan 2012: 100 yuan for new members, 80 for continuing ones; hardship workers paid by public funds (Xining 2024's rule).
  const yunnan = definePolicy(
    syntheticSpec([], {
      scheme: 'yunnan',
      attributes: { member: { hardship: flag } },
      enrolment: { minMembers: made(1) },
      contribution: {
        perMember: { ...made('100.00'), variants: [{ when: { continuing: true }, value: '80.00' }] },
        payers: made([{ flag: 'hardship', payer: 'publicFunds' }]),
        defaultPayer: 'memberOrUnit',
      },
    }),
  );
  const members = [{ id: 'new' }, { id: 'renewing', continuing: true }, { id: 'hardship', continuing: true, flags: { hardship: true } }];

  it('each member at their own contribution and payer; the totals are what assessContributions gives for them', () => {
    const assessment = assessEnrolment(yunnan, unit(3, members));
    expect(assessment.members.map((line) => [line.id, line.contribution!.toFixed(2), line.payer])).toEqual([
      ['new', '100.00', 'memberOrUnit'],
      ['renewing', '80.00', 'memberOrUnit'],
      ['hardship', '80.00', 'publicFunds'],
    ]);
    expect(JSON.stringify(assessment.contributions)).toBe(JSON.stringify(assessContributions(yunnan, members)));
    expect(assessment.contributions!.total.toFixed(2)).toBe('260.00');
  });
});

describe('invalid rules and units', () => {
  const withRules = (enrolment: PolicyInput['enrolment']) => () => definePolicy(syntheticSpec([], { enrolment }));

  it('a rule for a whole unit with variants is refused: nothing about a unit chooses between them', () => {
    const issue = firstIssue(withRules({ minMembers: { ...made(10), variants: [{ when: { continuing: true }, value: 5 }] } }));
    expect([issue.path, issue.code]).toEqual([['spec', 'enrolment', 'minMembers', 'variants'], 'unused_setting']);
  });

  it('a window that ends before it starts', () => {
    expect(firstIssue(withRules({ window: made({ from: '2017-12-15', to: '2017-10-15' }) })).path).toEqual(['spec', 'enrolment', 'window', 'value', 'to']);
  });

  it('a requirement to join that reads a claim', () => {
    const issue = firstIssue(withRules({ requires: [{ label: { zh: '第二次住院', en: 'second stay' }, when: { anyOf: [{ stayNumber: { from: 2 } }] } }] }));
    expect([issue.path, issue.code]).toEqual([['spec', 'enrolment', 'requires', 0, 'when', 'anyOf', 0, 'stayNumber'], 'condition_event_mismatch']);
  });

  it('an empty section, and an unknown rule, say what is allowed and where the guide covers it', () => {
    expect(firstIssue(withRules({})).message).toBe('expected at least one enrolment rule: "window", "minShare", "wholeUnitBelow", "minMembers" or "requires"; see docs/rule-model.md#enrolment');
    expect(firstIssue(withRules({ minStaff: made(10) } as never)).message).toContain('see docs/rule-model.md#enrolment');
  });

  it('a policy without enrolment rules', () => {
    const outcome = safeAssessEnrolment(policies.guangxi[2024], unit(1, []));
    expect(outcome.success === false && outcome.error.issues).toEqual([
      { path: ['policy', 'enrolment'], code: 'no_enrolment_rules', message: 'expected a policy with an "enrolment" section; see docs/rule-model.md#enrolment' },
    ]);
  });

  it('a member listed twice, and more members than staff', () => {
    expect(firstIssue(() => assessEnrolment(anqing, unit(3, [...staff(1), ...staff(1)]))).path).toEqual(['unit', 'members', 1, 'id']);
    expect(firstIssue(() => assessEnrolment(anqing, unit(1, staff(2)))).path).toEqual(['unit', 'staff']);
  });

  it('diffPolicies lists a changed enrolment rule as a parameter', () => {
    const looser = definePolicy({ ...syntheticSpec([]), ...anqing, enrolment: { ...anqing.enrolment, minShare: { ...anqing.enrolment!.minShare!, value: '0.7' } } });
    expect(diffPolicies(anqing, looser).changes.map((change) => [change.parameter, change.direction])).toEqual([['enrolment.minShare', 'decrease']]);
  });
});
