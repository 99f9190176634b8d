/**
 * `huzhu evaluate` on threads that read their own range of the file (src/cli/evaluateRanges.ts):
 * the output is the main thread's byte for byte, and a file whose ranges would split a member's
 * ledger is settled by routing its rows instead.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, huzhu as runHuzhu } from './_cli';
import { rangeOutputs, startLaterRanges } from '../src/cli/evaluateRanges';
import { writerFor } from '../src/cli/output';
import { startWorker } from '../src/cli/pool';
import type { Written } from '../src/cli/settle';
import { TempDir } from '../src/cli/spill';
import { bundledRegistry } from '../src/policies';
import { DEFAULT_LIMITS } from '../src/cli/records';
import { planRanges } from '../src/cli/simulateRanges';

const SUBPROCESSES = { timeout: 4 * CLI_TEST_TIMEOUT };

let DIR = '';
const huzhu = (args: string[]) => runHuzhu(args, { cwd: DIR });

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade';
const MEMBERS = 600;

/**
 * Member `m`'s three rows, together: two large stays that the year's cap cuts (the second pays
 * only what the first left), and every 37th member's last row an impossible date.
 */
function rowsOf(m: number): string[] {
  const stay = (c: number, month: number) => `guangxi,m${m},2024-01-01,2024-12-31,m${m}-c${c},hospitalisation,,2024-0${month}-02,2024-0${month}-09,illness,${1_300_000 + m}.10,1000.00,${900_000 + m}.55,0,`;
  const last = m % 37 === 0 ? `guangxi,m${m},2024-01-01,2024-12-31,m${m}-c2,death,2024-13-01,,,,,,,,` : `guangxi,m${m},2024-01-01,2024-12-31,m${m}-c2,disability,2024-09-01,,,,,,,,3`;
  return [stay(0, 3), stay(1, 5), last];
}

/** The total of a CSV output line, in fen. */
const fen = (line: string) => Number(line.split(',')[6]!.replace('.', ''));

const grouped = () => Array.from({ length: MEMBERS }, (_, m) => rowsOf(m)).flat();

beforeAll(() => {
  DIR = mkdtempSync(join(tmpdir(), 'huzhu-ranges-'));
  writeFileSync(join(DIR, 'grouped.csv'), `${[HEADER, ...grouped()].join('\n')}\n`);
  // Member m1's second stay moved to the end of the file: any cut puts m1's rows in two ranges.
  const rows = grouped();
  writeFileSync(join(DIR, 'apart.csv'), `${[HEADER, ...rows.slice(0, 4), ...rows.slice(5), rows[4]].join('\n')}\n`);
  // A quoted field, which may hold a line break: the file is routed, never cut.
  writeFileSync(join(DIR, 'quoted.csv'), `${[HEADER, ...grouped().map((row, i) => (i % 50 === 1 ? row.replace(/,m(\d+)-c1,/, ',"m$1-c1, again",') : row))].join('\n')}\n`);
  // NDJSON of the same members, with a line that is not JSON.
  const records = grouped().map((row, i) => {
    if (i === 100) return '{"scheme":';
    const [scheme, id, from, to, claimId, kind, date, admission, discharge, cause, total, insurancePaid, inScopeCopay, selfPaid, grade] = row.split(',');
    const member = { id, enrolments: [{ scheme, year: 2024, from, to }] };
    const claim = kind === 'hospitalisation' ? { kind, id: claimId, admission, discharge, cause, costs: { total, insurancePaid, inScopeCopay, selfPaid } } : { kind, id: claimId, date, ...(grade ? { grade: Number(grade) } : {}) };
    return JSON.stringify({ scheme, member, claim });
  });
  writeFileSync(join(DIR, 'grouped.ndjson'), `${records.join('\n')}\n`);
});

describe('huzhu evaluate on workers reading their own ranges', SUBPROCESSES, () => {
  it('writes the main thread output byte for byte, as CSV and as a JSON array, with the same summary', () => {
    for (const format of ['csv', 'json']) {
      const alone = huzhu(['evaluate', 'grouped.csv', '--format', format, '--lang', 'en', '--workers', '1']);
      if (format === 'csv') {
        const lines = alone.stdout.trimEnd().split('\n');
        // Checked by hand: rows in input order; m0's second stay is cut by what its first used.
        expect(lines).toHaveLength(1 + 3 * MEMBERS);
        expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(Array.from({ length: 3 * MEMBERS }, (_, i) => i + 2));
        // m0's second stay is cut to what the year's maximum subsidy (1,000,000.00) left after the first.
        expect(fen(lines[1]!) + fen(lines[2]!)).toBe(100_000_000);
        expect(lines[2]).toMatch(/maximum subsidy/);
        expect(lines[3]).toMatch(/^4,error,/);
        expect(alone.stderr).toBe(`${3 * MEMBERS} rows: ${3 * MEMBERS - 17} results, 17 errors\n`);
      }
      for (const workers of format === 'csv' ? ['2', '3'] : ['2']) expect(huzhu(['evaluate', 'grouped.csv', '--format', format, '--lang', 'en', '--workers', workers])).toEqual(alone);
    }
  });

  it('carries a ledger whose member is split across ranges: the file is routed instead', () => {
    const alone = huzhu(['evaluate', 'apart.csv', '--format', 'csv', '--workers', '1']);
    // m1's second stay, at the end, is still cut by what the earlier rows used: m1 is paid the year's maximum subsidy in all.
    const m1 = alone.stdout.split('\n').filter((line) => line.includes(',m1,'));
    expect(m1.map((line) => line.split(',')[5])).toEqual(['m1-c0', 'm1-c2', 'm1-c1']);
    expect(m1.reduce((sum, line) => sum + fen(line), 0)).toBe(100_000_000);
    for (const workers of ['2', '3']) expect(huzhu(['evaluate', 'apart.csv', '--format', 'csv', '--workers', workers])).toEqual(alone);
  });

  it('routes a CSV with quoted fields, and NDJSON with a broken line, to the same output', () => {
    for (const file of ['quoted.csv', 'grouped.ndjson']) {
      const alone = huzhu(['evaluate', file, '--format', 'ndjson', '--workers', '1']);
      expect(alone.stdout.split('\n')).toHaveLength(1 + 3 * MEMBERS);
      expect(huzhu(['evaluate', file, '--format', 'ndjson', '--workers', '2'])).toEqual(alone);
    }
    expect(huzhu(['evaluate', 'quoted.csv', '--format', 'csv', '--workers', '1']).stdout).toContain(',"m0-c1, again",');
  });

  it('settles a file of fewer members than threads: the workers started with no range to take stop or are sent rows', () => {
    // Two members on three threads: two ranges, a worker to spare. One member: no cut, the rows routed to the workers started.
    writeFileSync(join(DIR, 'two.csv'), `${[HEADER, ...rowsOf(0), ...rowsOf(1)].join('\n')}\n`);
    writeFileSync(join(DIR, 'one.csv'), `${[HEADER, ...rowsOf(1)].join('\n')}\n`);
    for (const [file, workers] of [['two.csv', '3'], ['one.csv', '2']] as const) {
      const alone = huzhu(['evaluate', file, '--format', 'csv', '--workers', '1']);
      expect(alone.stdout.trimEnd().split('\n')).toHaveLength(file === 'two.csv' ? 7 : 4);
      expect(huzhu(['evaluate', file, '--format', 'csv', '--workers', workers])).toEqual(alone);
    }
  });

  it('explains as the main thread does', () => {
    const alone = huzhu(['explain', 'grouped.csv', '--lang', 'en', '--workers', '1']);
    expect(huzhu(['explain', 'grouped.csv', '--lang', 'en', '--workers', '2'])).toEqual(alone);
  });
});

describe('rangeOutputs and startLaterRanges', () => {
  const job = { csv: true, policies: [], rendering: { command: 'evaluate', format: 'csv', lang: 'en' }, limit: 100, maxRecordBytes: DEFAULT_LIMITS.maxFieldSize } as const;
  /** The first range settled here, the second on a worker: their outputs, or undefined when the file must be routed. */
  const run = async (file: string) => {
    const path = join(DIR, file);
    const ranges = planRanges(path, { from: 'csv', limits: DEFAULT_LIMITS }, 2)!;
    expect(ranges).toHaveLength(2);
    const later = startLaterRanges(path, ranges, [startWorker(job, true)], 'csv', DEFAULT_LIMITS, () => {})!;
    try {
      const first: Written[] = [];
      for await (const outputs of rangeOutputs(later.first, bundledRegistry, writerFor(job.rendering), job.limit, () => new TempDir(), () => {})) first.push(...outputs);
      const settled = await later.settled();
      return settled && { first, settled, text: settled.outputs.map((output) => readFileSync(output, 'utf8')).join('') };
    } finally {
      await later.stop();
    }
  };

  it('settles each range on its own when no ledger key is in two ranges', SUBPROCESSES, async () => {
    const { first, settled, text } = (await run('grouped.csv'))!;
    expect(first.length + settled.counts.reduce((a, b) => a + b)).toBe(3 * MEMBERS);
    expect(first.filter((output) => output.failed).length + settled.failed).toBe(17);
    expect(first[0]!.text).toMatch(/^2,settled,guangxi,2024,m0,m0-c0,/);
    // The second range goes on from the row after the first range's last, with the file's line numbers.
    expect(text.split('\n')[0]).toMatch(new RegExp(`^${first.at(-1)!.line + 1},`));
  });

  it('gives up when a member has rows in two ranges', SUBPROCESSES, async () => {
    expect(await run('apart.csv')).toBeUndefined();
  });
});
