/**
 * `huzhu simulate` on workers that read their own byte range of the file (src/cli/simulateRanges.ts):
 * where the file is cut, and that the result, the refusals and their lines, and the refusal of a
 * member whose rows are apart are those of the one-thread reader, whatever the number of workers.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { policies } from '../src';
import { mergeSimulations } from '../src/mergeSimulations';
import { DEFAULT_LIMITS } from '../src/cli/records';
import type { PartJob } from '../src/cli/simulatePool';
import { planRanges, RangeMembers, rangeWork, settleRanges } from '../src/cli/simulateRanges';
import { CLI_TEST_TIMEOUT, FIXTURES, huzhu } from './_cli';

// Several runs of the command a test, each a subprocess that starts tsx: a guard against a hang, never a clock.
vi.setConfig({ testTimeout: 20 * CLI_TEST_TIMEOUT });

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,flags,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade';
/** A hospital stay of member `id`: 8,000 yuan, 3,000 in scope. */
const stay = (id: string, claim: string) => `guangxi,${id},2023-01-01,2023-12-31,,${claim},hospitalisation,,2023-03-01,2023-03-11,illness,8000.00,5000.00,3000.00,0,`;
/** Members m00 … m(n−1), two rows each: lines 2 … 2n + 1 after the header. */
const rows = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(2, '0')}`).flatMap((id) => [stay(id, `${id}-1`), stay(id, `${id}-2`)]);

const folder = mkdtempSync(join(tmpdir(), 'huzhu-ranges-'));
function book(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

/** The command on 1 to 3 workers: each run as the first, its errors too, in the order of their lines. */
function onWorkers(file: string, ...more: string[]) {
  const runs = ['1', '2', '3'].map((workers) => {
    const run = huzhu(['simulate', file, '--against', 'guangxi@2023', '--policy', 'guangxi@2024', '--format', 'json', '--lang', 'en', '--workers', workers, ...more]);
    return { code: run.code, stdout: run.stdout, stderr: run.stderr.split('\n') };
  });
  for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  return runs[0]!;
}

describe('planRanges', () => {
  const plan = (text: string, parts: number, from: 'csv' | 'ndjson' = 'csv') => planRanges(book(`plan.${from}`, text), { from, limits: DEFAULT_LIMITS }, parts);

  it("cuts a CSV at members' first rows, and says on which line of the file each range starts", () => {
    const text = `${HEADER}\n${rows(4).join('\n')}\n`;
    const ranges = plan(text, 4)!;
    // Each range after the first is read after the header: its first line is the header's next (2), plus `lines`.
    const starts = ranges.map((range) => ({ line: range.lines + 2, first: text.slice(range.start, text.indexOf('\n', range.start)) }));
    // The rows are of one length: the cuts at a quarter and a half fall at the first rows of m01
    // and m02 (lines 4 and 6), and each range starts at the next member after the one met there; at
    // three quarters, m03 is the member met, and the file ends before another.
    expect(starts.slice(1)).toEqual([
      { line: 6, first: stay('m02', 'm02-1') },
      { line: 8, first: stay('m03', 'm03-1') },
    ]);
    expect(ranges[0]).toEqual({ start: 0, end: ranges[1]!.start, lead: '', lines: 0 });
    expect(ranges.every((range, i) => range.end === (ranges[i + 1]?.start ?? text.length))).toBe(true);
  });

  it('cuts ranges each smaller than the one before when shrinking, so that threads taking them in turn end close together', () => {
    // 96 members of two rows each, the rows of one length: 4 parts of 48 rows on average.
    const file = book('shrinking.csv', `${HEADER}\n${rows(96).join('\n')}\n`);
    const sizes = (ranges: readonly { start: number; end: number }[]) => ranges.map((range) => range.end - range.start);
    const row = stay('m00', 'm00-1').length + 1;
    // Cut at 7/16, 3/4 and 15/16 of the rows (84, 144 and 180), each moved on to the first row of
    // the member after the one met there (86, 146 and 182).
    expect(sizes(planRanges(file, { from: 'csv', limits: DEFAULT_LIMITS }, 4, { shrinking: true })!).slice(1)).toEqual([60 * row, 36 * row, 10 * row]);
    // Otherwise of one size (cut at 48, 96 and 144, moved to 50, 98 and 146), but for the last.
    expect(sizes(planRanges(file, { from: 'csv', limits: DEFAULT_LIMITS }, 4)!).slice(1)).toEqual([48 * row, 48 * row, 46 * row]);
  });

  it('gives fewer ranges than parts when the members are fewer, and none to cut in a header-only or empty file', () => {
    expect(plan(`${HEADER}\n${rows(2).join('\n')}\n`, 5)).toHaveLength(2);
    // One member: one range, read in one thread.
    expect(plan(`${HEADER}\n${stay('a', '1')}\n${stay('a', '2')}\n${stay('a', '3')}\n`, 3)).toHaveLength(1);
    expect(plan(`${HEADER}\n`, 2)).toBeUndefined();
    expect(plan('', 2)).toBeUndefined();
  });

  it('leaves a CSV with a quote anywhere, even in its last byte, to the routing reader', () => {
    expect(plan(`${HEADER}\n${rows(4).join('\n')}\n`, 2)).toHaveLength(2);
    expect(plan(`${HEADER}\n${rows(4).join('\n')}\n"`, 2)).toBeUndefined();
  });

  it('cuts NDJSON at members too, a blank line read before each later range', () => {
    const lines = ['a', 'a', 'b', 'b', 'c'].map((id, i) => JSON.stringify({ member: { id }, claim: { id: `${id}${i}` } }));
    const ranges = plan(`${lines.join('\n')}\n`, 3, 'ndjson')!;
    // The cut at a third falls in line 2: b is the member met on line 3, c the next, on line 5.
    expect(ranges.map((range) => [range.start, range.lead, range.lines])).toEqual([
      [0, '', 0],
      [lines.slice(0, 4).join('\n').length + 1, '\n', 5 - 2],
    ]);
  });
});

describe('settleRanges', () => {
  const job: PartJob = { from: 'csv', limits: DEFAULT_LIMITS, policies: '', options: { lang: 'en' }, part: { index: 0, of: 1 } };
  const versions = [policies.guangxi[2023], policies.guangxi[2024]];
  const take = (work: ReturnType<typeof rangeWork>, members: RangeMembers) => settleRanges(work, job, versions, () => {}, () => {}, (lines, apart) => members.add(lines, apart));

  it('gives each range to one thread only, however the threads share them, and the same result as one thread taking all', async () => {
    // 12 members cut into 6 ranges; two takers in one thread share the counter as two threads do.
    const file = book('taken.csv', `${HEADER}\n${rows(12).join('\n')}\n`);
    const ranges = planRanges(file, job, 6)!;
    expect(ranges).toHaveLength(6);
    const all = new RangeMembers();
    const alone = await take(rangeWork(file, ranges), all);
    // Every member, at the line of its first row.
    const ids = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    expect([...all.lines]).toEqual(ids.map((id, i) => [id, 2 + 2 * i]));
    expect(all.apart).toBeUndefined();
    // Each starts by taking a range before either reads: the first range 0, the second range 1.
    const shared = rangeWork(file, ranges);
    const [ofA, ofB] = [new RangeMembers(), new RangeMembers()];
    const [a, b] = await Promise.all([take(shared, ofA), take(shared, ofB)]);
    const second = /^guangxi,(m\d\d),/.exec(readFileSync(file, 'utf8').slice(ranges[1]!.start))![1]!;
    expect([ofA.lines.has('m00'), ofB.lines.has(second)]).toEqual([true, true]);
    expect([...ofA.lines.keys(), ...ofB.lines.keys()].sort()).toEqual(ids);
    expect(JSON.stringify(mergeSimulations(a, b))).toBe(JSON.stringify(alone));
    // A thread that comes when all are taken takes none.
    const late = new RangeMembers();
    await take(shared, late);
    expect(late.lines.size).toBe(0);
    expect(alone.members).toBe(12);
  });
});

describe('RangeMembers', () => {
  const lines = (...pairs: [string, number][]) => new Map(pairs);
  // Ranges of lines 2–5, 6–9 and 10–13: a again on line 8 and on line 10, and within the last range d apart on line 13.
  type Range = [Map<string, number>, { id: string; line: number } | undefined];
  const ranges: Range[] = [
    [lines(['a', 2], ['b', 4]), undefined],
    [lines(['c', 6], ['a', 8]), undefined],
    [lines(['a', 10], ['d', 12]), { id: 'd', line: 13 }],
  ];

  it("finds the first row apart, and each member's first row, whatever the order the ranges are added in", () => {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]]) {
      const members = new RangeMembers();
      for (const at of order) members.add(...ranges[at]!);
      expect(members.apart).toEqual({ id: 'a', line: 8 });
      expect([...members.lines].sort()).toEqual([['a', 2], ['b', 4], ['c', 6], ['d', 12]]);
    }
  });

  it('takes a row found apart within a range when it comes first', () => {
    const members = new RangeMembers();
    const withApart: Range = [lines(['e', 5]), { id: 'e', line: 7 }];
    for (const range of [ranges[2]!, withApart, ranges[0]!]) members.add(...range);
    // Without the range of line 8, a's row on line 10 is apart; e's on line 7 comes before.
    expect(members.apart).toEqual({ id: 'e', line: 7 });
  });
});

describe('huzhu simulate on ranges of the file', () => {
  it('gives the JSON and the refusals, at their lines, of one thread, on 2 and 3 workers', () => {
    const fixture = readFileSync(join(FIXTURES, 'book-2023.csv'), 'utf8').trim().split('\n');
    // m00 … m05 on lines 2 … 13, the fixture's a … e on 14 … 19, m06 … m11 on 20 … 31.
    const lines = [HEADER, ...rows(6), ...fixture.slice(1), ...rows(12).slice(12)];
    // A row of the wrong width (m01's second, line 5), an invalid claim (m04's second, line 11),
    // a row that names no member (m05's first, line 12), then a blank line after line 14 (which
    // moves the fixture's bad row d1 to line 19), CRLF line ends and a BOM.
    lines[4] = `${lines[4]},extra`;
    lines[10] = lines[10]!.replace('2023-03-11', '2023-02-11');
    lines[11] = lines[11]!.replace(',m05,', ',,');
    lines.splice(14, 0, '');
    const run = onWorkers(book('mixed.csv', `\uFEFF${lines.join('\r\n')}\r\n`));
    expect(run.stderr).toEqual([
      'line 5: expected 16 fields as in the header, found 17',
      'line 11: discharge: expected "discharge" on or after "admission"',
      'line 12: memberId: expected the member: an object with its id and enrolments',
      'line 19: discharge: expected "discharge" on or after "admission"',
      '4 errors: the members they concern are left out of the figures',
      '',
    ]);
    expect(run.code).toBe(1);
    // 1,000 yuan a stay under 2023 (as a1 in the fixture): m00, m02, m03 and m06 … m11 two stays
    // each, m01 and m05 one (their other row refused), m04 none (refused), and the fixture's 11,250.
    expect(JSON.parse(run.stdout).versions[0].total).toBe('31250.00');
  });

  it('writes its errors in the order of their lines, though a member\'s are found only after its last row', () => {
    // m00's first claim (line 2) is refused when m00's year is settled, after line 4; line 3,
    // too wide to read, is refused as it is read, before that.
    const lines = [HEADER, stay('m00', 'a').replace('2023-03-11', '2023-02-11'), `${stay('m00', 'b')},extra`, stay('m00', 'c'), ...rows(8).slice(2)];
    const file = book('order.csv', `${lines.join('\n')}\n`);
    const run = onWorkers(file);
    // A few errors are held in memory: no temporary folder is needed for them.
    const noTemp = huzhu(['simulate', file, '--against', 'guangxi@2023', '--format', 'json', '--lang', 'en', '--workers', '2'], { env: { HUZHU_TMPDIR: join(folder, 'missing') } });
    expect(noTemp.stderr).toBe(run.stderr.join('\n'));
    expect(run.stderr).toEqual([
      'line 2: discharge: expected "discharge" on or after "admission"',
      'line 3: expected 16 fields as in the header, found 17',
      '2 errors: the members they concern are left out of the figures',
      '',
    ]);
  });

  it('holds many errors on disk to write them in order, and says so when it cannot hold them', () => {
    // 40,000 rows too wide to read: about 2.7 MB of errors, past what is held in memory.
    const file = book('wide.csv', `${[HEADER, ...Array.from({ length: 40_000 }, (_, i) => `${stay(`x${i}`, 'c')},extra`)].join('\n')}\n`);
    const spillTo = mkdtempSync(join(tmpdir(), 'huzhu-refusals-'));
    const args = ['simulate', file, '--against', 'guangxi@2023', '--format', 'json', '--lang', 'en', '--workers', '2'];
    const run = huzhu(args, { env: { HUZHU_TMPDIR: spillTo } });
    const lines = run.stderr.split('\n');
    expect([run.code, lines.length, lines[0], lines[39_999], lines[40_000]]).toEqual([1, 40_002, 'line 2: expected 16 fields as in the header, found 17', 'line 40001: expected 16 fields as in the header, found 17', '40000 errors: the members they concern are left out of the figures']);
    expect(lines.slice(0, 40_000).every((line, i) => line.startsWith(`line ${i + 2}: `))).toBe(true);
    expect(readdirSync(spillTo)).toEqual([]);
    const failed = huzhu(args, { env: { HUZHU_TMPDIR: join(spillTo, 'missing') } });
    expect([failed.code, failed.stdout]).toEqual([2, '']);
    expect(failed.stderr).toMatch(/^huzhu: cannot hold the 40000 errors found in a temporary folder \(HUZHU_TMPDIR or the system's\): ENOENT[^\n]*\n$/);
  });

  it('gives the same JSON for the same book with quotes (read in one thread and routed) and without', () => {
    const plain = [HEADER, ...rows(8)];
    const quoted = plain.map((line, i) => (i % 3 === 1 ? line.replace(/^guangxi/, '"guangxi"') : line));
    const a = onWorkers(book('plain.csv', `${plain.join('\n')}\n`));
    expect(onWorkers(book('quoted.csv', `${quoted.join('\n')}\n`))).toEqual(a);
    expect(a.code).toBe(0);
  });

  it('refuses a member whose rows are apart with the line one thread names, within a range, across two, or both', () => {
    // m00 … m09 on lines 2 … 21; on 2 workers the second range starts in the middle, before m08.
    const lines = [HEADER, ...rows(10)];
    const cases = [
      // m02 again on line 22: apart across the ranges.
      { rows: [stay('m02', 'm02-3')], apart: 'm02" are not together (line 22)' },
      // m08 again on line 22, after m09: apart within the second range.
      { rows: [stay('m08', 'm08-3')], apart: 'm08" are not together (line 22)' },
      // Both, the one across the ranges first, and then the one within.
      { rows: [stay('m02', 'm02-3'), stay('m08', 'm08-3')], apart: 'm02" are not together (line 22)' },
      { rows: [stay('m08', 'm08-3'), stay('m02', 'm02-3')], apart: 'm08" are not together (line 22)' },
    ];
    for (const [i, { rows: after, apart }] of cases.entries()) {
      const file = book(`apart${i}.csv`, `${[...lines, ...after].join('\n')}\n`);
      const second = planRanges(file, { from: 'csv', limits: DEFAULT_LIMITS }, 2)![1]!;
      expect([second.lines + 2 > 6, second.lines + 2 <= 18]).toEqual([true, true]);
      const run = onWorkers(file);
      expect(run.code).toBe(2);
      expect(run.stderr.join('\n')).toContain(`the rows of member "${apart}: sort or group the file by member id`);
    }
  });

  it('refuses a roster the versions refuse before it reads the file, naming its entry, as one thread does', () => {
    // A version with contribution rules (xining's), so that the roster is assessed.
    const listed = JSON.parse(huzhu(['policies', '--format', 'json']).stdout) as { scheme: string; year: number }[];
    const xining = listed.find((policy) => policy.scheme === 'xining') as { attributes?: unknown; contribution?: unknown };
    const priced = book('priced.json', JSON.stringify({ ...listed.find((policy) => policy.scheme === 'guangxi' && policy.year === 2023), attributes: xining.attributes, contribution: xining.contribution }));
    const roster = book('roster.csv', 'id,count\nunit-1,many\n');
    // The fixture's line 6 is refused: it must not be written before the roster fails.
    for (const workers of ['1', '2']) {
      const run = huzhu(['simulate', 'book-2023.csv', '--against', priced, '--roster', roster, '--format', 'json', '--workers', workers]);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(`huzhu: roster ${roster}: entry 1: count: Invalid input: expected number, received string\n`);
    }
  });

  it('reads an empty file, a header-only file and a file of fewer members than workers as one thread does', () => {
    expect(onWorkers(book('empty.csv', '')).code).toBe(0);
    expect(onWorkers(book('header.csv', `${HEADER}\n`)).code).toBe(0);
    expect(JSON.parse(onWorkers(book('two.csv', `${HEADER}\n${rows(2).join('\n')}\n`)).stdout).versions[0].total).toBe('4000.00');
  });

  it('reads NDJSON on ranges too, with the lines of its refusals', () => {
    const enrolments = [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }];
    const claim = (id: string, discharge = '2023-03-11') => ({ kind: 'hospitalisation', id, admission: '2023-03-01', discharge, cause: 'illness', costs: { total: '8000.00', insurancePaid: '5000.00', inScopeCopay: '3000.00', selfPaid: '0' } });
    const lines = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((id) => [1, 2].map((n) => JSON.stringify({ scheme: 'guangxi', member: { id, enrolments }, claim: claim(`${id}${n}`, id === 'e' && n === 2 ? '2023-02-01' : undefined) })));
    lines.splice(7, 0, '{not json');
    const run = onWorkers(book('book.ndjson', `${lines.join('\n')}\n`));
    const refused = run.stderr.filter((line) => line.startsWith('line'));
    expect(refused.map((line) => line.slice(0, 40))).toEqual(['line 8: not valid JSON: Expected propert', 'line 11: claim.discharge: expected "disc']);
  });
});
