/**
 * Protection periods that are not calendar years (docs/rule-model.md#conventions): with
 * `conventions.protectionPeriod: 'enrolment'` a version governs the covers that start in its
 * period, and each member's protection year is their own cover. The issue's example: a cover
 * from 2024-01-10 to 2025-01-09 and a stay discharged on 2025-01-05.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareClaim,
  createRegistry,
  definePolicy,
  diffPolicies,
  evaluateClaim,
  evaluateYear,
  explain,
  extendPolicy,
  selectPolicy,
  simulateBook,
  type BenefitInput,
  type MemberInput,
  type PolicyInput,
} from '../src';
import { CLI_TEST_TIMEOUT, huzhu } from './_cli';
import { firstIssue, made, stay, syntheticSpec } from './_fixtures';

const grant: BenefitInput = {
  id: 'grant',
  label: { zh: '住院慰问', en: 'Stay grant' },
  event: 'hospitalisation',
  formula: { kind: 'lumpSum', amount: made('500') },
  caps: { perYear: made('1000') },
};
// A stay belongs to the period of its discharge, so that the issue's stay (discharged 2025-01-05) falls after 2024.
const conventions: PolicyInput['conventions'] = { yearBy: 'discharge', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachLine' } };
const ownPeriods: PolicyInput['conventions'] = { ...conventions, protectionPeriod: 'enrolment' };
const version = (year: number, convention: PolicyInput['conventions'], benefits: BenefitInput[] = [grant]) =>
  definePolicy(syntheticSpec(benefits, { year, name: { zh: `测试办法 ${year}`, en: `Test scheme ${year}` }, validFrom: `${year}-01-01`, validTo: `${year}-12-31`, conventions: convention }));

const perMember2024 = version(2024, ownPeriods);
const perMember2025 = extendPolicy(perMember2024, { year: 2025 });
const calendar2024 = version(2024, conventions);
const calendar2025 = version(2025, conventions);
const registry = createRegistry([perMember2024, perMember2025]);

/** One year of cover from the member's own start date, 10 January 2024. */
const member: MemberInput = { id: 'member-1', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-10', to: '2025-01-09' }] };
const lastDays = stay('last-days', '2024-12-28', '2025-01-05');
const reasonsOf = (result: { reasons: readonly { code: string }[] }) => result.reasons.map((reason) => reason.code);

describe("a cover from 2024-01-10 to 2025-01-09, under versions that govern the covers starting in their year", () => {
  it('a stay discharged 2025-01-05 is paid under the version whose period holds 2024-01-10', () => {
    const result = evaluateClaim(perMember2024, member, lastDays);
    expect(result.eligible).toBe(true);
    expect(result.total.toFixed(2)).toBe('500.00');
    expect(result.ledger).toMatchObject({ scheme: 'test', year: 2024, memberId: 'member-1' });
  });

  it('the same member under calendar-year versions is refused by both, as before: 2024 has ended, and 2025 needs a 2025 enrolment', () => {
    const under2024 = evaluateClaim(calendar2024, member, lastDays);
    expect(under2024.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([
      ['OUTSIDE_POLICY_PERIOD', "The event date 2025-01-05 is outside this policy's period (2024-01-01 to 2024-12-31)."],
    ]);
    expect(reasonsOf(evaluateClaim(calendar2025, member, lastDays))).toEqual(['NOT_ENROLLED']);
  });

  it('a stay before the cover starts (discharged 2024-01-09) is refused, with the member\'s own period in both languages', () => {
    const result = evaluateClaim(perMember2024, member, stay('early', '2024-01-05', '2024-01-09'));
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((reason) => [reason.code, reason.message.en, reason.message.zh])).toEqual([
      [
        'OUTSIDE_MEMBER_PERIOD',
        "The event date 2024-01-09 is outside the member's protection period (2024-01-10 to 2025-01-09).",
        '事件日期 2024-01-09 不在该会员本人的保障期（2024-01-10 至 2025-01-09）内。',
      ],
    ]);
    expect(explain(result, { lang: 'en' })).toContain("outside the member's protection period (2024-01-10 to 2025-01-09)");
    expect(explain(result)).toContain('不在该会员本人的保障期（2024-01-10 至 2025-01-09）内');
  });

  it('the first and last days of the cover are paid; the day after it ends is refused', () => {
    expect(evaluateClaim(perMember2024, member, stay('first', '2024-01-10', '2024-01-10')).total.toFixed(2)).toBe('500.00');
    expect(evaluateClaim(perMember2024, member, stay('last', '2025-01-01', '2025-01-09')).total.toFixed(2)).toBe('500.00');
    expect(reasonsOf(evaluateClaim(perMember2024, member, stay('after', '2025-01-01', '2025-01-10')))).toEqual(['OUTSIDE_MEMBER_PERIOD']);
  });

  it('a cover that started in 2023 is not the 2024 version\'s, and the refusal names the version that governs it', () => {
    const earlier: MemberInput = { id: 'member-2', enrolments: [{ scheme: 'test', year: 2024, from: '2023-12-20', to: '2024-12-19' }] };
    const result = evaluateClaim(perMember2024, earlier, stay('june', '2024-06-01', '2024-06-05'));
    expect(result.reasons.map((reason) => [reason.code, reason.message.en])).toEqual([
      [
        'COVER_NOT_GOVERNED',
        "The member's protection period (2023-12-20 to 2024-12-19) starts outside the period of this version (2024-01-01 to 2024-12-31), which governs the covers starting in it: the version in force on 2023-12-20 applies.",
      ],
    ]);
    expect(result.reasons[0]!.message.zh).toBe('该会员的保障期（2023-12-20 至 2024-12-19）起始日不在本办法适用期间（2024-01-01 至 2024-12-31）内；本办法只适用于在此期间起保的保障，应按 2023-12-20 有效的办法核算。');
  });

  it('a member with no cover in the scheme is refused as not enrolled', () => {
    expect(reasonsOf(evaluateClaim(perMember2024, { id: 'member-3', enrolments: [] }, lastDays))).toEqual(['NOT_ENROLLED']);
  });

  it('one ledger for the whole cover: a yearly cap of 1,000 holds across the calendar year', () => {
    const year = evaluateYear(perMember2024, member, [
      stay('march', '2024-03-01', '2024-03-05'),
      stay('november', '2024-11-01', '2024-11-05'),
      lastDays, // the third stay of the member's year: the cap of 1,000 is used up
      stay('next-cover', '2025-02-01', '2025-02-05'), // after the cover: refused
    ]);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['500.00', '500.00', '0.00', '0.00']);
    expect(reasonsOf(year.results[2]!)).toEqual(['CAP_REACHED']);
    expect(reasonsOf(year.results[3]!)).toEqual(['OUTSIDE_MEMBER_PERIOD']);
    expect(year.ledger).toMatchObject({ year: 2024, stays: 3, claimIds: ['march', 'november', 'last-days'] });
  });

  it('a rule change on 1 July inside the cover (500, then 800 for discharges from 1 July), chosen per claim with one ledger across both', () => {
    const changing: BenefitInput = {
      ...grant,
      formula: { kind: 'lumpSum', amount: { ...made('500'), variants: [{ when: { discharge: { from: '2024-07-01' } }, value: '800' }] } },
      caps: { perYear: made('1000') },
    };
    const year = evaluateYear(version(2024, ownPeriods, [changing]), member, [
      stay('june', '2024-06-20', '2024-06-30'), // discharged before 1 July: 500
      lastDays, // discharged 2025-01-05: 800, cut to what the cap leaves, 1,000 − 500 = 500
    ]);
    expect(year.results.map((result) => result.lines[0]!.amountBeforeCaps.toFixed(2))).toEqual(['500.00', '800.00']);
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['500.00', '500.00']);
    expect(year.results[1]!.lines[0]!.citations[0]!.parameter).toBe('benefits.grant.formula.amount.variants[0]');
  });
});

describe('one year of cover from the day after enrolment (Guangxi 2018: "cover starts at 0:00 the day after enrolment is completed, for one year")', () => {
  const policy = definePolicy(syntheticSpec([grant], { conventions: ownPeriods, eligibility: { coverStarts: 'dayAfterEnrolment' } }));
  // Enrolled on 9 January: covered from 10 January 2024 to 9 January 2025.
  const enrolled: MemberInput = { id: 'member-1', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-09', to: '2025-01-09', enrolledOn: '2024-01-09' }] };

  it('a stay discharged on the day of enrolment is refused; one discharged on the last day of the year of cover is paid', () => {
    expect(reasonsOf(evaluateClaim(policy, enrolled, stay('same-day', '2024-01-09', '2024-01-09')))).toEqual(['NOT_YET_COVERED']);
    expect(evaluateClaim(policy, enrolled, stay('last', '2025-01-02', '2025-01-09')).total.toFixed(2)).toBe('500.00');
  });
});

describe('selectPolicy with and without the member', () => {
  it('with the member: the version whose period holds the start of the cover that holds the date', () => {
    expect(selectPolicy('test', lastDays, { registry, member }).year).toBe(2024);
    expect(selectPolicy('test', '2025-01-05', { registry, member }).year).toBe(2024);
    // The member's next cover, from 2025-01-10, is the 2025 version's.
    const renewed: MemberInput = { ...member, enrolments: [...member.enrolments, { scheme: 'test', year: 2025, from: '2025-01-10', to: '2026-01-09' }] };
    expect(selectPolicy('test', '2025-01-10', { registry, member: renewed }).year).toBe(2025);
    expect(selectPolicy('test', '2026-01-09', { registry, member: renewed }).year).toBe(2025);
  });

  it('without the member, or with none of their covers holding the date: the version in force on the date, as for every policy', () => {
    expect(selectPolicy('test', lastDays, registry).year).toBe(2025);
    expect(selectPolicy('test', lastDays, { registry }).year).toBe(2025);
    expect(selectPolicy('test', '2025-02-01', { registry, member }).year).toBe(2025);
  });

  it('the member changes nothing for calendar-year versions', () => {
    const calendars = createRegistry([calendar2024, calendar2025]);
    expect(selectPolicy('test', lastDays, { registry: calendars, member }).year).toBe(2025);
  });

  it('the member is checked like any input, and an unknown option is refused', () => {
    expect(firstIssue(() => selectPolicy('test', lastDays, { registry, member: { id: 'x', enrolments: [{ scheme: 'test' }] } as never })).path).toEqual([
      'member',
      'enrolments',
      0,
      'year',
    ]);
    expect(firstIssue(() => selectPolicy('test', lastDays, { registry, members: [member] } as never))).toMatchObject({
      path: ['options', 'members'],
      message: 'unknown option "members": expected only "registry" and "member"',
    });
  });
});

describe('compareClaim', () => {
  it('the version governing the member\'s cover is no what-if, though the stay ends after its period; the next version is one', () => {
    const comparison = compareClaim(lastDays, member, [perMember2024, perMember2025]);
    expect(comparison.results.map((compared) => [compared.whatIf, compared.result.total.toFixed(2)])).toEqual([
      [false, '500.00'],
      [true, '500.00'],
    ]);
    expect(comparison.results[1]!.result.warnings.map((warning) => warning.code)).toContain('WHAT_IF');
  });
});

describe('defining a policy with per-member periods', () => {
  it('diffPolicies lists the changed convention as a setting', () => {
    expect(diffPolicies(calendar2024, perMember2024).settings).toEqual([{ setting: 'conventions.protectionPeriod', before: null, after: 'enrolment' }]);
  });

  it('a deadline on a day of the next year is refused: each member\'s year ends on its own day', () => {
    const spec = syntheticSpec([grant], { conventions: ownPeriods, eligibility: { filingDeadline: { nextYearOn: made('03-31') } } });
    const issue = firstIssue(() => definePolicy(spec));
    expect(issue.path).toEqual(['spec', 'eligibility', 'filingDeadline', 'nextYearOn']);
    expect(issue.code).toBe('period_mismatch');
    expect(issue.message).toContain('write { "daysAfter": …, "from": "discharge" } instead; see docs/rule-model.md#conventions');
  });

  it('an unknown value or key of the conventions says what is allowed and where the guide covers it', () => {
    const wrongValue = firstIssue(() => definePolicy(syntheticSpec([grant], { conventions: { ...conventions, protectionPeriod: 'member' as never } })));
    expect(wrongValue.path).toEqual(['spec', 'conventions', 'protectionPeriod']);
    expect(wrongValue.message).toContain('"policy"');
    const unknownKey = firstIssue(() => definePolicy(syntheticSpec([grant], { conventions: { ...conventions, period: 'enrolment' } as never })));
    expect(unknownKey.message).toBe('unknown key "period": expected only "yearBy", "dayCount", "rounding", "protectionPeriod"; see docs/rule-model.md#conventions');
  });
});

describe('the CLI', () => {
  it('settles each row under the version governing its member\'s cover: the stay discharged 2025-01-05 under 2024', { timeout: CLI_TEST_TIMEOUT }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-periods-'));
    try {
      writeFileSync(join(dir, 'policies.json'), JSON.stringify([perMember2024, perMember2025]));
      const rows = [lastDays, stay('next-cover', '2025-02-01', '2025-02-05')].map((claim) => JSON.stringify({ scheme: 'test', member, claim }));
      const { stdout } = huzhu(['evaluate', '-', '--from', 'ndjson', '--policy', 'policies.json', '--format', 'ndjson', '--lang', 'en'], { cwd: dir, input: rows.join('\n') });
      const results = stdout.trim().split('\n').map((line) => JSON.parse(line) as { claimId: string; year: number; status: string });
      // The second stay is after the member's cover: the version in force on its date refuses it.
      expect(results.map(({ claimId, year, status }) => [claimId, year, status])).toEqual([
        ['last-days', 2024, 'settled'],
        ['next-cover', 2025, 'refused'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('simulateBook with versions that govern the covers starting in their period', () => {
  it("settles a stay in the cover's last days under the version governing the cover, not as a what-if", () => {
    const [version] = simulateBook([{ member, claims: [lastDays] }], [perMember2024]).versions;
    expect(version!.whatIfMembers).toBe(0);
    expect(version!.total.toFixed(2)).toBe('500.00');
  });
});
