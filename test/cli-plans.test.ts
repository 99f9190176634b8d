/**
 * `huzhu evaluate` and `explain` settle a member's claim under every plan they hold: a CSV
 * `plans` column (`scheme:shares;…`), a JSON record's `"plans": true` (docs/cli.md#several-plans).
 * Hangzhou Dajiangdong 2018's three stackable plans (caps 30,200, 15,000 and 20,000, published;
 * the formulas below the caps illustrative): self-paid 60,000 a stay, (60,000 − 500) × 50 % =
 * 29,750, × 30 % = 17,850, × 20 % = 11,900 before caps.
 */
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, huzhu } from './_cli';

const HEADER = 'memberId,plans,enrolledFrom,enrolledTo,sex,claimId,kind,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,filedOn';
const THREE = 'hangzhou-dajiangdong-a;hangzhou-dajiangdong-b;hangzhou-dajiangdong-women';
const stay = (member: string, id: string, month: string, plans = THREE) =>
  `${member},${plans},2018-01-01,2018-12-31,female,${id},hospitalisation,2018-${month}-01,2018-${month}-11,illness,80000.00,20000.00,40000.00,20000.00,2019-01-10`;
const run = (rows: string[], format: string, extra: string[] = [], env: Record<string, string> = {}) =>
  huzhu(['evaluate', '-', '--from', 'csv', '--format', format, '--lang', 'en', '--no-progress', ...extra], { input: [HEADER, ...rows].join('\n'), env });
const plansOf = (line: string) => (JSON.parse(line) as { total: string; plans: { scheme: string; total: string }[] }).plans.map((plan) => `${plan.scheme}=${plan.total}`).concat((JSON.parse(line) as { total: string }).total);

describe('a member holding three plans, row after row', { timeout: CLI_TEST_TIMEOUT }, () => {
  // First stay: 29,750 (under 30,200); 17,850 cut to 15,000; 11,900. Second: 30,200 − 29,750 =
  // 450 left; nothing left of 15,000; 20,000 − 11,900 = 8,100 left of the women's plan's cap.
  const FIRST = ['hangzhou-dajiangdong-a=29750.00', 'hangzhou-dajiangdong-b=15000.00', 'hangzhou-dajiangdong-women=11900.00', '56650.00'];
  const SECOND = ['hangzhou-dajiangdong-a=450.00', 'hangzhou-dajiangdong-b=0.00', 'hangzhou-dajiangdong-women=8100.00', '8550.00'];

  it('settles each row under every plan, each plan keeping its own cap across rows', () => {
    const { code, stdout, stderr } = run([stay('w1', 's1', '05'), stay('w1', 's2', '07')], 'ndjson');
    expect([code, stderr]).toEqual([0, '2 rows: 2 results, 0 errors\n']);
    expect(stdout.trim().split('\n').map(plansOf)).toEqual([FIRST, SECOND]);
  });

  it('carries the ledgers through disk when they leave memory, and through worker threads, the same', () => {
    const rows = [stay('w1', 's1', '05'), stay('w2', 's1', '05'), stay('w1', 's2', '07'), stay('w2', 's2', '07')];
    const expected = [FIRST, FIRST, SECOND, SECOND];
    const spilled = run(rows, 'ndjson', ['--workers', '1'], { HUZHU_LEDGERS_IN_MEMORY: '1' });
    expect(spilled.stdout.trim().split('\n').map(plansOf)).toEqual(expected);
    expect(run(rows, 'ndjson', ['--workers', '2']).stdout.trim().split('\n').map(plansOf)).toEqual(expected);
  });

  it('writes each plan and the total in CSV and in the table', () => {
    const csv = run([stay('w1', 's1', '05')], 'csv').stdout.split('\n')[1];
    expect(csv).toBe(
      `2,settled,${THREE},2018;2018;2018,w1,s1,56650.00,hangzhou-dajiangdong-a=29750.00;hangzhou-dajiangdong-b=15000.00;hangzhou-dajiangdong-women=11900.00,hangzhou-dajiangdong-b: Hospitalisation subsidy was cut by 2850.00 yuan by the maximum subsidy of the protection year (15000.00 yuan).,,true,`,
    );
    const table = run([stay('w1', 's1', '05')], 'table').stdout.split('\n')[1];
    expect(table).toContain('3 plans');
    expect(table).toContain('56650.00     hangzhou-dajiangdong-a 2018 29750.00 + hangzhou-dajiangdong-b 2018 15000.00 + hangzhou-dajiangdong-women 2018 11900.00');
  });

  it('shares scale a plan, a plan the registry lacks and a scheme beside the plans are errors naming the column', () => {
    // Two shares of plan b: 17,850 under a cap of 2 × 15,000.
    const shared = run([stay('w1', 's1', '05', 'hangzhou-dajiangdong-a;hangzhou-dajiangdong-b:2')], 'ndjson');
    expect(plansOf(shared.stdout.trim())).toEqual(['hangzhou-dajiangdong-a=29750.00', 'hangzhou-dajiangdong-b=17850.00', '47600.00']);
    const bad = run([stay('w1', 's1', '05', 'hangzhou-dajiangdong-a;nope'), stay('w1', 's2', '05', 'hangzhou-dajiangdong-a:x')], 'ndjson');
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { issues: { path: string[] }[] }).issues.map((issue) => issue.path.join('.')))).toEqual([['plans'], ['plans']]);
    const both = huzhu(['evaluate', '-', '--from', 'csv', '--format', 'ndjson'], { input: `scheme,${HEADER}\nguangxi,${stay('w1', 's1', '05')}` });
    expect(JSON.parse(both.stdout) as unknown).toMatchObject({ status: 'error', issues: [{ path: [] }] });
  });
});

describe('a hostile plans cell', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('more plans than a member may hold (1,000 enrolments) is one error row naming the column, and the next row is settled', () => {
    const many = Array.from({ length: 1001 }, (_, at) => `plan-${at}`).join(';');
    const { code, stdout } = run([stay('w1', 's1', '05', many), stay('w1', 's2', '05')], 'ndjson');
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as { status: string; issues?: { path: string[]; code: string }[] });
    expect([code, rows.map((row) => row.status), rows[0]!.issues!.map((issue) => [issue.path.join('.'), issue.code])]).toEqual([1, ['error', 'settled'], [['plans', 'too_big']]]);
  });
});

describe('JSON records and explain', { timeout: CLI_TEST_TIMEOUT }, () => {
  const member = { id: 'g1', enrolments: ['guangxi', 'guangxi-mutual-aid-3'].map((scheme) => ({ scheme, year: 2025, from: '2025-01-01', to: '2025-12-31' })) };
  const record = { plans: true, member, claim: { kind: 'death', id: 'c1', date: '2025-06-01' } };

  it('a JSON record with "plans": true is settled under every plan its member holds', () => {
    const { code, stdout } = huzhu(['evaluate', '-', '--from', 'ndjson', '--format', 'ndjson'], { input: JSON.stringify(record) });
    expect(code).toBe(0);
    // Guangxi 2025: the death benefit 10,000 (Guilin Evening News); No. 3 pays nothing on a death.
    expect(plansOf(stdout.trim())).toEqual(['guangxi=10000.00', 'guangxi-mutual-aid-3=0.00', '10000.00']);
  });

  it('explain tells the claim under both plans as one story', () => {
    const { stdout } = huzhu(['explain', '-', '--from', 'ndjson', '--lang', 'en'], { input: JSON.stringify(record) });
    expect(stdout).toContain(
      [
        'line 1',
        'Claim c1 (death, 2025-06-01) of member g1, under each plan they hold',
        'Plans, in the order they settle: Guangxi employee medical mutual aid, protection year 2025 (guangxi 2025), Guangxi employee medical mutual aid No. 3 (self-paid costs), protection year 2025 (guangxi-mutual-aid-3 2025)',
        'Pays 10000.00 yuan in all',
        '  1. Guangxi employee medical mutual aid, protection year 2025 (guangxi 2025): pays 10000.00 yuan',
        '  2. Guangxi employee medical mutual aid No. 3 (self-paid costs), protection year 2025 (guangxi-mutual-aid-3 2025): not paid',
      ].join('\n'),
    );
  });

  it('rows without plans come out as before', () => {
    const single = { scheme: 'guangxi', member: { id: 'g1', enrolments: [member.enrolments[0]] }, claim: record.claim };
    expect(huzhu(['evaluate', '-', '--from', 'ndjson', '--format', 'ndjson'], { input: JSON.stringify(single) }).stdout).toBe(
      '{"line":1,"status":"settled","scheme":"guangxi","year":2025,"memberId":"g1","claimId":"c1","total":"10000.00","benefits":{"death":"10000.00"},"reasons":[],"warnings":[],"illustrative":false}\n',
    );
  });
});
