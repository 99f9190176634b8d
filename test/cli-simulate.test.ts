/** `huzhu simulate` and `huzhu merge`, driven as real subprocesses on test/fixtures/cli/book-2023.csv. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CLI_TEST_TIMEOUT, FIXTURES, huzhu, NODE_ARGS } from './_cli';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT });

const simulate = (...more: string[]) => huzhu(['simulate', 'book-2023.csv', '--against', 'guangxi@2023', '--policy', 'guangxi@2024', ...more]);
const folder = () => mkdtempSync(join(tmpdir(), 'huzhu-simulate-'));

describe('huzhu simulate', () => {
  it('prints the summary aligned, and each bad row as an error with its line, exiting 1', () => {
    const { code, stdout, stderr } = simulate('--lang', 'en', '--workers', '1');
    // Checked by hand, bad row (line 6, d1) left out. 2023: a 1,000 + 5,000; b nothing (no
    // disability benefit); c 250; e 5,000 → 11,250. 2024: a 1,500 + 10,000, b 2,000, c 350, e 10,000 → 23,850.
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Simulation: 4 members, 5 claims');
    expect(lines.find((line) => line.startsWith('Total paid'))).toMatch(/^Total paid +11,250\.00※ +23,850\.00※$/);
    expect(lines.find((line) => line.startsWith('Against the baseline'))).toMatch(/baseline +\+12,600\.00$/);
    expect(lines.find((line) => line.startsWith('Members better off'))).toMatch(/ 4$/);
    // Every row of the table is as wide as the others, Chinese or not.
    const zh = simulate('--workers', '1').stdout.split('\n').slice(2, 12);
    expect(new Set(zh.map((line) => [...line].reduce((width, char) => width + (/[\u4e00-\u9fff（）]/.test(char) ? 2 : 1), 0))).size).toBe(1);
    expect(stderr).toBe('line 6: discharge: expected "discharge" on or after "admission"\n1 error: the members they concern are left out of the figures\n');
    expect(code).toBe(1);
  });

  it('gives the same JSON, byte for byte, and reports each bad row once, on 1, 2 or 3 workers', () => {
    const [one, two, three] = ['1', '2', '3'].map((workers) => simulate('--format', 'json', '--workers', workers));
    expect(JSON.parse(one!.stdout).versions.map((v: { total: string }) => v.total)).toEqual(['11250.00', '23850.00']);
    expect(two!.stdout).toBe(one!.stdout);
    expect(three!.stdout).toBe(one!.stdout);
    expect(new Set([one, two, three].map((run) => `${run!.code} ${run!.stderr}`)).size).toBe(1);
  });

  it('runs as independent shards that huzhu merge combines into the whole, byte for byte', () => {
    const dir = folder();
    const whole = simulate('--format', 'json', '--roster', 'roster.csv', '--workers', '1').stdout;
    const parts = ['1/3', '2/3', '3/3'].map((shard, i) => {
      const file = join(dir, `part${i}.json`);
      writeFileSync(file, simulate('--shard', shard, '--roster', 'roster.csv', '--workers', '1').stdout);
      return file;
    });
    const merged = huzhu(['merge', ...parts.reverse()]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole);
  });

  it('with a roster, assesses the contributions of each version that has contribution rules', () => {
    const dir = folder();
    const policy = (year: number) => {
      const file = join(dir, `priced-${year}.json`);
      const listed = JSON.parse(huzhu(['policies', '--format', 'json']).stdout) as { scheme: string; year: number; contribution?: unknown; attributes?: unknown }[];
      const base = listed.find((p) => p.scheme === 'guangxi' && p.year === year)!;
      const xining = listed.find((p) => p.scheme === 'xining')!;
      writeFileSync(file, JSON.stringify({ ...base, attributes: xining.attributes, contribution: xining.contribution }));
      return file;
    };
    const { stdout } = huzhu(['simulate', 'book-2023.csv', '--against', policy(2023), '--policy', policy(2024), '--roster', 'roster.csv', '--format', 'json', '--workers', '1']);
    const versions = JSON.parse(stdout).versions as { contributions: { total: string }; balance: string; lossRatio: string }[];
    expect(versions.map((v) => [v.contributions.total, v.balance, v.lossRatio])).toEqual([
      ['12000.00', '750.00', '0.9375'],
      ['12000.00', '-11850.00', '1.9875'],
    ]);
  });

  it('writes a self-contained HTML report: no script, nothing fetched', () => {
    const file = join(folder(), 'report.html');
    expect(simulate('--report', file, '--workers', '1').code).toBe(1);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    // By benefit and the histogram; without a roster there is no balance to draw.
    expect(html.match(/<svg /g)).toHaveLength(2);
  });

  it('refuses a file whose rows of a member are apart, and names the member', () => {
    const file = join(folder(), 'apart.csv');
    const rows = readFileSync(join(FIXTURES, 'book-2023.csv'), 'utf8').trim().split('\n');
    writeFileSync(file, [...rows, rows[1]!.replace(',a1,', ',a3,')].join('\n'));
    const { code, stderr } = huzhu(['simulate', file, '--against', 'guangxi@2023', '--workers', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain('the rows of member "a" are not together (line 8): sort or group the file by member id');
  });

  it('reads the book once for its workers: standard input, a BOM, CRLF and quoted fields give the same JSON as the file alone', () => {
    const rows = readFileSync(join(FIXTURES, 'book-2023.csv'), 'utf8').trim().split('\n');
    // Every other row's fields quoted, as a spreadsheet may write them; "" is an empty cell.
    const quoted = rows.map((row, i) => (i % 2 === 1 ? row.split(',').map((cell) => `"${cell}"`).join(',') : row));
    const file = join(folder(), 'quoted.csv');
    writeFileSync(file, `\uFEFF${quoted.join('\r\n')}\r\n`);
    const alone = simulate('--format', 'json', '--workers', '1');
    const args = ['--against', 'guangxi@2023', '--policy', 'guangxi@2024', '--format', 'json', '--workers', '2'];
    for (const run of [huzhu(['simulate', file, ...args]), huzhu(['simulate', '-', '--from', 'csv', ...args], { input: readFileSync(join(FIXTURES, 'book-2023.csv'), 'utf8') })]) {
      expect(run.stdout).toBe(alone.stdout);
      expect(run.stderr).toBe(alone.stderr);
      expect(run.code).toBe(1);
    }
  });

  it('refuses rows of a member apart on workers too, when a quoted row of another member comes between', () => {
    const file = join(folder(), 'apart.csv');
    const rows = readFileSync(join(FIXTURES, 'book-2023.csv'), 'utf8').trim().split('\n');
    // Line 3 is member a's second row, line 4 another member's row, quoted: a's third row after it is apart.
    writeFileSync(file, [...rows.slice(0, 3), rows[3]!.replace(/^guangxi/, '"guangxi"'), rows[1]!.replace(',a1,', ',a3,'), ...rows.slice(4)].join('\n'));
    const { code, stderr } = huzhu(['simulate', file, '--against', 'guangxi@2023', '--workers', '2']);
    expect(stderr).toContain('the rows of member "a" are not together (line 5): sort or group the file by member id');
    expect(code).toBe(2);
  });

  it('says what is wrong with its options', () => {
    expect(huzhu(['simulate', 'book-2023.csv']).stderr).toContain('simulate needs --against');
    expect(simulate('--shard', '3/2').stderr).toContain('--shard must be i/n with 1 ≤ i ≤ n');
    expect(simulate('--workers', '0').stderr).toContain('--workers must be a whole number from 1 to 999');
    expect(huzhu(['merge']).stderr).toContain('usage: huzhu merge FILE... [options]');
    expect(huzhu(['help']).stdout).toMatch(/^ {2}simulate FILE +what a claims book would cost/m);
  });

  it('exits when it fails on its options, although bin has started its workers', () => {
    // bin starts the workers before the command reads its options: a command that then fails
    // exits all the same, leaving them (a worker held the process open, waiting for its job).
    // Killed at the timeout, a guard against the hang, not a clock: it would give no exit code.
    const failed = spawnSync(process.execPath, [...NODE_ARGS, 'simulate', 'book-2023.csv', '--workers=3', '--against', 'nosuch@2024'], { cwd: FIXTURES, encoding: 'utf8', timeout: CLI_TEST_TIMEOUT * 0.9 });
    expect([failed.status, failed.stderr.split(';')[0]]).toEqual([2, 'huzhu: no bundled policy nosuch@2024']);
  });
});
