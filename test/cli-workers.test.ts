/**
 * `huzhu evaluate` and `explain` on worker threads (`--workers N`): the output is the main
 * thread's byte for byte, whatever the number of workers, the order of the members' rows, the
 * errors among them or the ledgers that go to disk.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, huzhu as runHuzhu, startHuzhu } from './_cli';

const SUBPROCESSES = { timeout: 4 * CLI_TEST_TIMEOUT };

let DIR = '';
const huzhu = (args: string[], env: Record<string, string> = {}) => runHuzhu(args, { cwd: DIR, env });

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade';
const ROWS = 8_000;
const MEMBERS = 2_000;

/**
 * Row `i` of a file of 8,000: member `i mod 2,000`, so that each member's four rows are 2,000
 * rows apart and the ledger of each is carried across them. Every 97th row has an impossible
 * date, every 250th gives again its member's first claim id (refused as settled twice), and
 * every 500th is a death claim, then a disability one.
 */
function row(i: number): string {
  const member = `m${i % MEMBERS}`;
  const round = Math.floor(i / MEMBERS);
  const claim = i % 250 === 0 && round > 0 ? `${member}-c0` : `${member}-c${round}`;
  if (i % 97 === 0) return `guangxi,${member},2024-01-01,2024-12-31,${claim},death,2024-13-01,,,,,,,,`;
  if (i % 500 === 0) return `guangxi,${member},2024-01-01,2024-12-31,${claim},${round % 2 === 0 ? 'death' : 'disability'},2024-06-0${1 + round},,,,,,,,${round % 2 === 0 ? '' : 3}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `guangxi,${member},2024-01-01,2024-12-31,${claim},hospitalisation,,2024-0${1 + round}-${day},2024-0${1 + round}-${day},illness,${80_000 + (i % 7) * 10_000}.50,500.00,${40_000 + (i % 5) * 5_000}.25,0,`;
}

beforeAll(() => {
  DIR = mkdtempSync(join(tmpdir(), 'huzhu-workers-'));
  writeFileSync(join(DIR, 'far-apart.csv'), `${[HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\n')}\n`);
  // The same claims as NDJSON records, with a value JSON cannot write back (1e400) and a bad line.
  const records = Array.from({ length: 3000 }, (_, i) => {
    const member = { id: `m${i % 700}`, enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    if (i % 301 === 0) return '{"scheme":"guangxi",';
    const total = i % 401 === 0 ? 1e400 : 9000 + i;
    return JSON.stringify({ scheme: 'guangxi', member, claim: { kind: 'hospitalisation', id: `c${i}`, admission: '2024-03-01', discharge: '2024-03-04', cause: 'illness', costs: { total, insurancePaid: '0', inScopeCopay: '5000', selfPaid: '0' } } }).replace('"total":null', '"total":1e400');
  });
  writeFileSync(join(DIR, 'records.ndjson'), `${records.join('\n')}\n`);
});

describe('huzhu evaluate --workers', SUBPROCESSES, () => {
  it("writes the main thread's output byte for byte with 2 or 3 workers, as CSV and as a JSON array, with the same summary and exit code", () => {
    for (const format of ['csv', 'json']) {
      const alone = huzhu(['evaluate', 'far-apart.csv', '--format', format, '--workers', '1']);
      // Checked by hand: the rows in input order, the errors among them, the cap and the claims given twice.
      if (format === 'csv') {
        const lines = alone.stdout.trimEnd().split('\n').slice(1);
        expect(lines.map((line) => Number(line.split(',')[0]))).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
        expect(lines[97]).toMatch(/^99,error,/);
        expect(lines[3250]).toMatch(/^3252,refused,guangxi,2024,m1250,m1250-c0,0\.00,/);
        expect(alone.stderr).toBe(`${ROWS} rows: ${ROWS - 83} results, 83 errors\n`);
      }
      for (const workers of ['2', '3']) expect(huzhu(['evaluate', 'far-apart.csv', '--format', format, '--workers', workers])).toEqual(alone);
    }
  });

  it('does so when ledgers go to disk in the workers, and leaves no temporary file', () => {
    const spillTo = mkdtempSync(join(tmpdir(), 'huzhu-spill-'));
    const alone = huzhu(['evaluate', 'far-apart.csv', '--format', 'ndjson', '--workers', '1']);
    // 100 ledgers for 2,000 members: from the second round of rows on, every row is put off.
    expect(huzhu(['evaluate', 'far-apart.csv', '--format', 'ndjson', '--workers', '2'], { HUZHU_LEDGERS_IN_MEMORY: '100', HUZHU_TMPDIR: spillTo })).toEqual(alone);
    expect(readdirSync(spillTo)).toEqual([]);
  });

  it('reads NDJSON records to the workers exactly: a number JSON cannot write back, and broken lines', () => {
    const alone = huzhu(['evaluate', 'records.ndjson', '--lang', 'en', '--workers', '1']);
    expect(alone.stdout).toContain('"line":402,"status":"error"');
    expect(huzhu(['evaluate', 'records.ndjson', '--lang', 'en', '--workers', '2'])).toEqual(alone);
  });

  it('explains as the main thread does', () => {
    const alone = huzhu(['explain', 'records.ndjson', '--lang', 'en', '--workers', '1']);
    expect(huzhu(['explain', 'records.ndjson', '--lang', 'en', '--workers', '3'])).toEqual(alone);
  });

  it('stops part-way as one thread does: the rows written are the first of the output, whole, and stderr says after which', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'huzhu-workers-')), 'missing');
    const whole = huzhu(['evaluate', 'far-apart.csv', '--format', 'ndjson', '--workers', '1']).stdout;
    // 500 ledgers a worker: each fails to make its temporary folder at its 501st member, some 1,000 rows in.
    // How many rows are written by then depends on how far the other worker got.
    const { code, stdout, stderr } = huzhu(['evaluate', 'far-apart.csv', '--format', 'ndjson', '--workers', '2'], { HUZHU_LEDGERS_IN_MEMORY: '1000', HUZHU_TMPDIR: missing });
    const [, rows, line] = /^huzhu: stopped after row (\d+)(?: \(input line (\d+)\))?: no such file\n$/.exec(stderr) ?? [];
    expect(rows).toBeDefined();
    expect(whole.startsWith(stdout)).toBe(true);
    expect(stdout.split('\n').slice(0, -1)).toHaveLength(Number(rows));
    if (rows !== '0') expect((JSON.parse(stdout.split('\n').at(-2)!) as { line: number }).line).toBe(Number(line));
    expect(code).toBe(2);
  });

  it('ends quietly when the reader leaves', async () => {
    const child = startHuzhu(['evaluate', join(DIR, 'far-apart.csv'), '--format', 'csv', '--workers', '2']);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it.each([['0'], ['two'], ['1.5'], ['1000']])('refuses --workers %s before writing anything', (workers) => {
    expect(huzhu(['evaluate', 'far-apart.csv', '--workers', workers])).toEqual({
      code: 2,
      stdout: '',
      stderr: `huzhu: --workers must be a whole number from 1 to 999; got "${workers}" (see huzhu evaluate --help)\n`,
    });
  });
});
