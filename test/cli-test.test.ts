/** `huzhu test`: a case file's published cases run as a real subprocess (docs/published-cases.md). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bundledRegistry, policies } from '../src';
import { CLI_TEST_TIMEOUT, ROOT, huzhu } from './_cli';

// Each test starts node with tsx, which takes seconds on a busy machine; no test here measures time.
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT });

const dir = mkdtempSync(join(tmpdir(), 'huzhu-test-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};

const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
const death = { kind: 'death', id: 'd', date: '2024-06-01' };
const source = { publisher: { zh: '桂林日报', en: 'Guilin Daily' }, date: '2023-11' };

/** Two cases; the second is deliberately wrong: Guangxi 2024 pays 10,000 on a death, not 20,000. */
const twoCases = write('two.cases.json', {
  scheme: 'guangxi',
  source,
  cases: [
    { name: 'a death in 2024 pays 10,000 yuan', quote: '将身故津贴从5000元提高到1万元', member, claims: [death], expect: { total: '10000.00' } },
    {
      name: 'a death in 2024 pays 20,000 yuan (wrong on purpose)',
      quote: '将身故津贴从5000元提高到1万元',
      member,
      claims: [death],
      expect: { claims: [{ lines: { death: '20000.00' }, total: '20000.00' }] },
    },
  ],
});

describe('huzhu test', () => {
  it('runs a bundled case file: each case passes, and it exits 0', () => {
    const { code, stdout, stderr } = huzhu(['test', join(ROOT, 'src', 'policies', 'guangxi', '2024.cases.json')]);
    expect(stdout).toMatch(/^✓ a death in 2024 pays 10,000 yuan\n/);
    expect(stdout).toMatch(/\n\n5 cases: 5 passed, 0 failed\n$/);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('prints a failed case with each expected and actual amount and the explanation of the actual one, and exits 1', () => {
    const { code, stdout, stderr } = huzhu(['test', twoCases, '--lang', 'en']);
    const [passed, failed, summary] = stdout.split(/\n(?=✗ |\n\d+ cases)/);
    expect(passed).toBe('✓ a death in 2024 pays 10,000 yuan');
    expect(failed).toMatch(
      /^✗ a death in 2024 pays 20,000 yuan \(wrong on purpose\)\n {2}claim d, total +expected 20000\.00, actual 10000\.00\n {2}claim d, line death +expected 20000\.00, actual 10000\.00\n\n {2}How the actual settlement came about:\n/,
    );
    // The explanation says where the 10,000 came from: the death benefit of the 2024 rules.
    expect(failed).toMatch(/\n {6}1\. Death benefit: 10000\.00 yuan/);
    expect(summary).toBe('\n2 cases: 1 passed, 1 failed\n');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
  });

  it('explains a failed case in Chinese by default', () => {
    const { stdout } = huzhu(['test', twoCases]);
    expect(stdout).toMatch(/\n {2}实际结算的说明：\n[^]*\n {6}1\. 身故津贴：10000\.00 元/);
  });

  it('with --policy, runs the cases under that rule file alone, even one that replaces a bundled year', () => {
    // A draft of 2024 that pays 20,000 on a death: added to the bundled 2024 it would overlap it.
    const draft = JSON.parse(JSON.stringify(policies.guangxi[2024])) as { benefits: { id: string; formula: { amount: { value: string } } }[] };
    draft.benefits.find((benefit) => benefit.id === 'death')!.formula.amount.value = '20000.00';
    const { code, stdout } = huzhu(['test', twoCases, '--policy', write('draft.json', draft), '--lang', 'en']);
    expect(stdout).toMatch(/^✗ a death in 2024 pays 10,000 yuan\n {2}the claims' total +expected 10000\.00, actual 20000\.00\n/);
    expect(stdout).toMatch(/\n✓ a death in 2024 pays 20,000 yuan \(wrong on purpose\)\n/);
    expect(code).toBe(1);
  });

  it('refuses a file that cannot run with the path of every error, writes no result, and exits 2', () => {
    const bad = write('bad.cases.json', {
      scheme: 'guangxi',
      source,
      cases: [
        { name: 'a misspelt key', quote: 'q', member, claims: [death], expect: { totl: '10000.00' } },
        { name: 'an amount as a number', quote: 'q', member, claims: [death], expect: { total: 10000 } },
      ],
    });
    const { code, stdout, stderr } = huzhu(['test', bad]);
    expect(stderr.split('\n')).toEqual([
      `huzhu: case file ${bad}: cases[0].expect: unknown key "totl"; an expectation has claims, total (see docs/published-cases.md)`,
      `huzhu: case file ${bad}: cases[0].expect: expected at least one amount: a total, or a line of a claim`,
      `huzhu: case file ${bad}: cases[1].expect.total: expected an amount as a string, like "10000.00"; got number`,
      '',
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });

    // Once the format is right, each case's member and claims are checked by the library, with paths from the file.
    const unrunnable = write('unrunnable.cases.json', {
      scheme: 'guangxi',
      source,
      cases: [
        { name: 'an invalid date', quote: 'q', member, claims: [{ ...death, date: '2024-02-30' }], expect: { total: '0.00' } },
        { name: 'a year with no policy', quote: 'q', year: 2031, member, claims: [death], expect: { total: '0.00' } },
      ],
    });
    const years = bundledRegistry.policies.filter((policy) => policy.scheme === 'guangxi').map((policy) => policy.year);
    const second = huzhu(['test', unrunnable]);
    expect(second.stderr.split('\n')).toEqual([
      `huzhu: case file ${unrunnable}: cases[0].claims[0].date: expected a real calendar date written YYYY-MM-DD, like "2024-01-05"`,
      `huzhu: case file ${unrunnable}: cases[1].year: no "guangxi" policy of 2031 to run the case under; known years: ${years.join(', ')}`,
      '',
    ]);
    expect({ code: second.code, stdout: second.stdout }).toEqual({ code: 2, stdout: '' });
  });

  it('refuses a file that is not JSON, and exits 2', () => {
    const { code, stderr } = huzhu(['test', write('broken.cases.json', '{"scheme": ')]);
    expect(stderr).toMatch(/^huzhu: case file .*broken\.cases\.json: not valid JSON: /);
    expect(code).toBe(2);
  });
});
