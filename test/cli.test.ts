/** The `huzhu` command, driven as a real subprocess on the fixture files in test/fixtures/cli. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDiff } from '../src/cli/text';
import { diffPolicies } from '../src/diffPolicies';
import { bundledRegistry } from '../src/policies';
import { CLI_TEST_TIMEOUT, ROOT, huzhu as runHuzhu, startHuzhu } from './_cli';


const huzhu = (args: string[], input?: string) => runHuzhu(args, { input });

// Each test starts node with tsx, which takes seconds on a busy machine; no test here measures time.
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT });

const ndjson = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('huzhu evaluate', () => {
  it('gives every CSV row a result or an error with its line number, and exits 1 when any failed', () => {
    const { code, stdout, stderr } = huzhu(['evaluate', 'claims.csv', '--format', 'ndjson']);
    const rows = ndjson(stdout);
    expect(rows.map((row) => [row.line, row.status, row.total ?? null])).toEqual([
      [2, 'settled', '1500.00'],
      [3, 'settled', '10000.00'],
      [4, 'error', null],
      [5, 'settled', '5000.00'],
      [6, 'settled', '16000.00'], // grade 3: 20,000 × the illustrative share 0.8
      [7, 'error', null],
    ]);
    // The stay: 50 yuan × 10 days of allowance, plus the illustrative copay formula on 3,000.
    expect(rows[0]).toMatchObject({ claimId: 'c1', benefits: { hospitalisation: '1000.00', 'hospital-allowance': '500.00' }, illustrative: true });
    expect(rows[2]?.issues).toEqual([{ path: ['discharge'], code: 'ends_before_start', message: 'expected "discharge" on or after "admission"' }]);
    expect(rows[3]).toMatchObject({ claimId: 'c4, with a comma', year: 2023 });
    expect((rows[5]?.issues as { code: string }[])[0]?.code).toBe('policy_not_found');
    expect(code).toBe(1);
    expect(stderr).toBe('6 rows: 4 results, 2 errors\n');
  });

  it('reads Chinese headers and values, a byte-order mark and CRLF line ends alike', () => {
    const english = huzhu(['evaluate', 'claims.csv', '--format', 'ndjson']);
    const chinese = huzhu(['evaluate', 'claims-zh.csv', '--format', 'ndjson']);
    expect(chinese.stdout).toBe(english.stdout);
  });

  it("carries each member's ledger from claim to claim: a yearly cap, and a claim settled twice", () => {
    const { code, stdout } = huzhu(['evaluate', 'year.csv', '--policy', 'test-policy-2025.json', '--format', 'ndjson', '--lang', 'en']);
    const rows = ndjson(stdout);
    expect(rows.map((row) => [row.line, row.memberId ?? null, row.status, row.total ?? null])).toEqual([
      [2, 'm1', 'settled', '400.00'],
      [3, 'm1', 'settled', '200.00'], // 40 × 10 = 400, cut to what the 600 yearly cap leaves
      [4, 'm2', 'settled', '400.00'],
      [5, 'm1', 'refused', '0.00'],
      [6, null, 'error', null], // a quoted line break: the record starts on line 6
    ]);
    expect(rows[3]?.reasons).toEqual(['Claim s2 was already settled in this protection year.']);
    expect(code).toBe(1);
  });

  it('reads NDJSON line by line: a broken line is an error with its number, the rest settle', () => {
    const { code, stdout } = huzhu(['evaluate', 'claims.ndjson', '--format', 'ndjson']);
    const rows = ndjson(stdout);
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [1, 'settled'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
    ]);
    expect((rows[1]?.issues as { code: string }[])[0]?.code).toBe('unreadable_record');
    expect(rows[2]?.issues).toEqual([{ path: ['claim', 'date'], code: 'invalid_date', message: 'expected a real calendar date written YYYY-MM-DD, like "2024-01-05"' }]);
    expect(code).toBe(1);
  });

  it('streams the elements of a JSON array, each with the line it starts on', () => {
    const rows = ndjson(huzhu(['evaluate', 'claims.json', '--format', 'ndjson']).stdout);
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'settled'],
      [7, 'refused'],
      [8, 'error'],
    ]);
    expect(rows[1]?.claimId).toBe('c2, "quoted" ]}');
  });

  it('writes CSV with a header and a row per input row', () => {
    const { stdout } = huzhu(['evaluate', 'claims.csv', '--format', 'csv', '--lang', 'en']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('line,status,scheme,year,memberId,claimId,total,benefits,reasons,warnings,illustrative,errors');
    expect(lines[1]).toBe('2,settled,guangxi,2024,m1,c1,1500.00,hospitalisation=1000.00;hospital-allowance=500.00,,,true,');
    expect(lines[4]).toBe('5,settled,guangxi,2023,m3,"c4, with a comma",5000.00,death=5000.00,,,false,');
    expect(lines).toHaveLength(7);
  });

  it('writes a readable table, and no progress bar when not on a terminal', () => {
    const { stdout, stderr } = huzhu(['evaluate', 'claims.csv', '--format', 'table', '--lang', 'en']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^line +status +policy +member +claim +total +notes$/);
    expect(lines[1]).toMatch(/^2 +settled +guangxi 2024 +m1 +c1 +1500\.00 +※ uses illustrative figures$/);
    expect(lines[3]).toMatch(/^4 +error +discharge: expected "discharge" on or after "admission"$/);
    expect(stderr).not.toContain('\r');
  });

  it('writes one JSON array of the objects NDJSON writes a line each', () => {
    const json = huzhu(['evaluate', 'claims.csv', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(ndjson(huzhu(['evaluate', 'claims.csv', '--format', 'ndjson']).stdout));
    expect(json.code).toBe(1);
    expect(JSON.parse(huzhu(['evaluate', '-', '--from', 'ndjson', '--format', 'json'], '').stdout)).toEqual([]);
  });

  it('streams the JSON array: the first element is out before the input has ended', async () => {
    const child = startHuzhu(['evaluate', '-', '--from', 'ndjson', '--format', 'json']);
    const record = '{"scheme":"guangxi","member":{"id":"m1","enrolments":[{"scheme":"guangxi","year":2024,"from":"2024-01-01","to":"2024-12-31"}]},"claim":{"kind":"death","id":"c1","date":"2024-06-01"}}\n';
    child.stdin.write(record);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const closed = new Promise((resolve) => child.on('close', resolve));
    // Whichever comes first: the element on stdout, or the end of the command.
    await Promise.race([closed, new Promise((resolve) => child.stdout.on('data', () => stdout.includes('"claimId":"c1"') && resolve(true)))]);
    expect(stdout).toContain('"claimId":"c1"');
    expect(child.exitCode).toBe(null);
    child.stdin.end(record.replace('"c1"', '"c2"'));
    const code = await closed;
    expect((JSON.parse(stdout) as { claimId: string }[]).map((row) => row.claimId)).toEqual(['c1', 'c2']);
    expect(code).toBe(0);
  });

  it('aligns the table by display width: two columns for a Chinese character, none for a combining accent', () => {
    // Each member id with the columns a terminal gives it; the member column is 12 wide.
    const members = [
      ['张三', 4],
      ['ｱｲ', 2], // half-width katakana: one column each
      ['𠮷野', 4], // 𠮷 lies outside the Basic Multilingual Plane, and is wide all the same
      ['ＡＢ', 4], // full-width Latin letters
      ['Zoe\u0301', 3], // e and a combining acute accent make one character
    ] as const;
    const input = ['scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date', ...members.map(([id], i) => `guangxi,${id},2024-01-01,2024-12-31,c${i},death,2024-06-01`)].join('\n');
    const lines = huzhu(['evaluate', '-', '--from', 'csv', '--format', 'table'], input).stdout.split('\n');
    members.forEach(([id, columns], i) => expect(lines[i + 1]).toContain(`guangxi 2024             ${id}${' '.repeat(12 - columns)} c${i}  `));
  });

  it('reads standard input when the file is -', () => {
    const input = '{"scheme":"guangxi","member":{"id":"m1","enrolments":[{"scheme":"guangxi","year":2024,"from":"2024-01-01","to":"2024-12-31"}]},"claim":{"kind":"death","id":"c1","date":"2024-06-01"}}\n';
    const { code, stdout } = huzhu(['evaluate', '-', '--from', 'ndjson', '--format', 'ndjson'], input);
    expect(ndjson(stdout).map((row) => row.total)).toEqual(['10000.00']);
    expect(code).toBe(0);
  });

  it('settles a condolence top-up on the Guangxi enrolment, and states the range still to be decided', () => {
    const input = [
      'scheme,memberId,enrolmentScheme,enrolledFrom,enrolledTo,flags,claimId,kind,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid',
      'guilin-condolence,m1,guangxi,2024-01-01,2024-12-31,cityFederationDirect,s1,hospitalisation,2024-08-01,2024-08-20,illness,40000,20000,8000,12000',
    ].join('\n');
    const [row] = ndjson(huzhu(['evaluate', '-', '--from', 'csv', '--format', 'ndjson', '--lang', 'en'], input).stdout);
    expect(row).toMatchObject({ status: 'settled', total: '0.00', warnings: ['Condolence payment: the amount is decided on application, between 500.00 and 5000.00 yuan.'] });
  });

  it('keeps every row of a long file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-cli-'));
    const file = join(dir, 'many.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `guangxi,m${i},2024-01-01,2024-12-31,c${i},death,2024-06-01`);
    writeFileSync(file, ['scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date', ...rows].join('\n'));
    const { code, stdout } = huzhu(['evaluate', file, '--format', 'csv']);
    const lines = stdout.trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(3000);
    expect(lines.at(-1)).toBe('3001,settled,guangxi,2024,m2999,c2999,10000.00,death=10000.00,,,false,');
    expect(code).toBe(0);
  });
});

describe('huzhu explain, diff, policies', () => {
  it('explains every row', () => {
    const { stdout } = huzhu(['explain', 'claims.ndjson', '--lang', 'en']);
    expect(stdout).toContain('line 1\nClaim c1 (death, 2024-06-01)\nPolicy: Guangxi employee medical mutual aid, protection year 2024 (guangxi 2024)\nPays 10000.00 yuan\n');
    expect(stdout).toContain('line 4: error\n  - claim.date: ');
  });

  it('diffs two bundled versions: the four published changes, and the illustrative one marked', () => {
    const { code, stdout } = huzhu(['diff', 'guangxi@2023', 'guangxi@2024', '--lang', 'en']);
    expect(stdout.split('\n')).toEqual([
      'Guangxi employee medical mutual aid, protection year 2023 (guangxi 2023) → Guangxi employee medical mutual aid, protection year 2024 (guangxi 2024)',
      '  ~ Death benefit (benefits.death.formula.amount): 5,000 yuan → 10,000 yuan ↑ [published]',
      '  + Daily hospital allowance per day (benefits.hospital-allowance.formula.amount): 50 yuan [published]',
      '  + Disability subsidy maximum (benefits.disability.formula.maximum): 20,000 yuan [published]',
      '  + Disability subsidy share by grade (benefits.disability.formula.shares): grade 1: 100 %, grade 2: 90 %, grade 3: 80 %, grade 4: 70 %, grade 5: 60 %, grade 6: 50 %, grade 7: 40 %, grade 8: 30 %, grade 9: 20 %, grade 10: 10 % [illustrative ※]',
      '  ~ Maximum subsidy per protection year (ceilings.maximumSubsidy): 500,000 yuan → 1,000,000 yuan ↑ [published]',
      '',
    ]);
    expect(code).toBe(0);
  });

  it('writes every changed parameter of any two bundled versions in words, in both languages, never as JSON', () => {
    const all = bundledRegistry.policies;
    for (const from of all) {
      for (const to of all) {
        for (const lang of ['zh', 'en'] as const) {
          const parameterLines = formatDiff(diffPolicies(from, to), lang).split('\n').filter((line) => / \(benefits\.| \(ceilings\.| \(contribution\./.test(line));
          // The value is what stands between the parameter's path and its status mark.
          for (const line of parameterLines) expect(line.slice(line.indexOf('): ') + 3, line.lastIndexOf(' ['))).not.toMatch(/[{}[\]"]/);
        }
      }
    }
  });

  it('diffs a policy file against a bundled version, as JSON', () => {
    const { stdout } = huzhu(['diff', 'guangxi@2024', 'test-policy-2025.json', '--format', 'json']);
    const diff = JSON.parse(stdout) as { to: { scheme: string }; changes: { change: string }[] };
    expect(diff.to.scheme).toBe('test');
    expect(diff.changes.some((change) => change.change === 'removed')).toBe(true);
  });

  it('lists the bundled policies, by scheme and then by date', () => {
    const { stdout } = huzhu(['policies']);
    // From the registry, so that a bundled version added later needs no change here.
    const bundled = bundledRegistry.policies.map((policy) => `${policy.scheme}@${policy.year}`);
    expect(bundled).toContain('guangxi@2024');
    expect(stdout.split('\n').map((line) => line.split(' ')[0])).toEqual([...bundled, '']);
  });
});

describe('huzhu help and version', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('huzhu alone prints the overview on stderr and exits 2; huzhu help prints it on stdout and exits 0', () => {
    const alone = huzhu([]);
    expect(alone).toMatchObject({ code: 2, stdout: '' });
    expect(alone.stderr).toMatch(/^huzhu — settle trade-union medical mutual-aid claims/);
    expect(alone.stderr).toMatch(/\n {2}evaluate FILE +settle every claim in FILE \(- for standard input\)\n/);
    expect(huzhu(['help'])).toEqual({ code: 0, stdout: alone.stderr, stderr: '' });
    expect(huzhu(['--help'])).toEqual({ code: 0, stdout: alone.stderr, stderr: '' });
  });

  it('each command has one help, by help COMMAND, --help or -h', () => {
    const help = huzhu(['help', 'evaluate']);
    expect(help.stdout).toMatch(/^Usage: huzhu evaluate FILE \[options\]\n/);
    expect(help.stdout).toMatch(/\n {2}--format table\|csv\|ndjson\|json +output; /);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(huzhu(['evaluate', '--help'])).toEqual(help);
    expect(huzhu(['evaluate', 'claims.csv', '-h', '--format', 'xml'])).toEqual(help);
  });

  it("a command's help lists the options it takes, and only those", () => {
    const diff = huzhu(['help', 'diff']).stdout;
    expect(diff).toMatch(/^Usage: huzhu diff A B \[options\]\n/);
    expect(diff.match(/^ {2}-[^ ]*/gm)).toEqual(['  --format', '  --lang', '  --policy', '  -h,', '  -v,']);
    expect(diff).toContain('--format text|json');
    expect(diff).not.toContain('HUZHU_LEDGERS_IN_MEMORY');
  });

  it('the help of a command that settles a file names the settings it reads from the environment', () => {
    for (const command of ['evaluate', 'explain']) {
      expect(huzhu(['help', command]).stdout).toMatch(/\nEnvironment:\n {2}HUZHU_LEDGERS_IN_MEMORY +members' ledgers kept in memory \(default 10000\)[^]*\n {2}HUZHU_TMPDIR +where those files go/);
    }
  });

  it('--version and -v print the version from package.json', () => {
    expect(huzhu(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(huzhu(['policies', '-v'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('huzhu usage errors exit 2 with one clear line', () => {
  it.each([
    { args: ['frobnicate'], message: 'huzhu: unknown command "frobnicate"' },
    { args: ['evaluate', 'missing.csv'], message: 'huzhu: cannot read missing.csv: ' },
    { args: ['evaluate', 'claims.csv', '--format', 'xml'], message: 'huzhu: --format must be one of table, csv, ndjson, json; got "xml"' },
    { args: ['evaluate', 'test-policy-2025.txt'], message: 'huzhu: cannot tell the format of "test-policy-2025.txt"' },
    { args: ['diff', 'guangxi@2019', 'guangxi@2024'], message: 'huzhu: no bundled policy guangxi@2019' },
    { args: ['evaluate'], message: 'huzhu: usage: huzhu evaluate FILE' },
  ])('$args', ({ args, message }) => {
    const { code, stdout, stderr } = huzhu(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(message)).toBe(true);
  });
});
