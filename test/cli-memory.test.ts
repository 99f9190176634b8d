/**
 * The CLI's memory: ledgers past HUZHU_LEDGERS_IN_MEMORY go to disk, records of a member
 * whose ledger is there are put off, sorted by member on disk and merged back in input order.
 * Each test sets the limit to 1 or 2 so that a few rows take the path a file of millions would.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, FIXTURES, huzhu as runHuzhu } from './_cli';
import { createRegistry } from '../src/createRegistry';
import { parsePolicy } from '../src/parsePolicy';
import { bundledRegistry } from '../src/policies';
import { settleInOrder, type Sequenced } from '../src/cli/settle';
import { ExternalSorter, KeyFilter, TempDir, type Codec } from '../src/cli/spill';

const SUBPROCESSES = { timeout: CLI_TEST_TIMEOUT };

const huzhu = (args: string[], env: Record<string, string> = {}) => runHuzhu(args, { env });

const POLICY = ['--policy', 'test-policy-2025.json'];
const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade';
const death = (member: string, claim: string, year = 2024) => `guangxi,${member},${year}-01-01,${year}-12-31,${claim},death,${year}-06-01,,,,,,,,`;
// The test policy's stay pays 40 a day for 10 days, 400, up to 600 a year (see year.csv).
const stay = (member: string, claim: string) => `test,${member},2025-01-01,2025-12-31,${claim},hospitalisation,,2025-02-01,2025-02-11,illness,100,0,0,0,`;

/**
 * Six members in no order: a death claim given twice (refused the second time only if the
 * member's ledger came back from disk), stays that run into the yearly cap, two protection
 * years of one member, and an error between them.
 */
const SCATTERED = [
  HEADER,
  death('m1', 'd1'),
  stay('m2', 's1'),
  death('m3', 'd3'),
  stay('m2', 's2'),
  death('m1', 'd1'),
  'guangxi,m4,2024-01-01,2024-12-31,x1,death,2024-13-01,,,,,,,,',
  death('m5', 'd5', 2023),
  stay('m2', 's3'),
  death('m5', 'd5'),
  death('m3', 'd3b'),
  stay('m6', 's6'),
  death('m5', 'd5', 2023),
  stay('m2', 's2'),
  death('m1', 'd1b'),
  stay('m6', 's7'),
].join('\n');

function scatteredFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-memory-'));
  writeFileSync(join(dir, 'scattered.csv'), `${SCATTERED}\n`);
  return join(dir, 'scattered.csv');
}

describe('huzhu evaluate past the ledgers it keeps in memory', SUBPROCESSES, () => {
  it('gives the same output with 1 or 2 ledgers kept as with all of them, in every format, and leaves no temporary file', () => {
    const file = scatteredFile();
    const spillTo = mkdtempSync(join(tmpdir(), 'huzhu-spill-'));
    const runs = [
      { args: ['evaluate', file, ...POLICY, '--format', 'ndjson'], limits: ['1', '2'] },
      { args: ['evaluate', file, ...POLICY, '--format', 'csv'], limits: ['1'] },
      // Explanations run over several lines each: they go through disk as one record each.
      { args: ['explain', file, ...POLICY, '--lang', 'en'], limits: ['1'] },
    ];
    for (const { args, limits } of runs) {
      const inMemory = huzhu(args);
      for (const limit of limits) expect(huzhu(args, { HUZHU_LEDGERS_IN_MEMORY: limit, HUZHU_TMPDIR: spillTo })).toEqual(inMemory);
    }
    expect(readdirSync(spillTo)).toEqual([]);
  });

  it("carries a member's ledger through disk: a claim given twice is refused, and the yearly cap holds (checked by hand)", () => {
    const { stdout } = huzhu(['evaluate', scatteredFile(), ...POLICY, '--format', 'ndjson', '--lang', 'en'], { HUZHU_LEDGERS_IN_MEMORY: '1' });
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as { line: number; status: string; total?: string; memberId?: string; reasons?: string[] });
    expect(rows.map((row) => [row.line, row.memberId ?? null, row.status, row.total ?? null])).toEqual([
      [2, 'm1', 'settled', '10000.00'],
      [3, 'm2', 'settled', '400.00'],
      [4, 'm3', 'settled', '10000.00'],
      [5, 'm2', 'settled', '200.00'], // what the 600 yearly cap leaves
      [6, 'm1', 'refused', '0.00'],
      [7, null, 'error', null],
      [8, 'm5', 'settled', '5000.00'], // Guangxi 2023 pays 5,000 on a death
      [9, 'm2', 'settled', '0.00'],
      [10, 'm5', 'settled', '10000.00'], // another protection year: another ledger
      [11, 'm3', 'settled', '10000.00'],
      [12, 'm6', 'settled', '400.00'],
      [13, 'm5', 'refused', '0.00'],
      [14, 'm2', 'refused', '0.00'],
      [15, 'm1', 'settled', '10000.00'],
      [16, 'm6', 'settled', '200.00'],
    ]);
    expect(rows[4]?.reasons).toEqual(['Claim d1 was already settled in this protection year.']);
    expect(rows[12]?.reasons).toEqual(['Claim s2 was already settled in this protection year.']);
  });

  it('goes to disk only past the limit: below it a run needs no temporary folder at all', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'huzhu-memory-')), 'missing');
    const file = scatteredFile();
    expect(huzhu(['evaluate', file, ...POLICY, '--format', 'ndjson'], { HUZHU_TMPDIR: missing }).code).toBe(1); // 1: the bad date on line 7
    expect(existsSync(missing)).toBe(false);
  });
});

describe('a run that stops part-way', SUBPROCESSES, () => {
  it('keeps every row written whole, says after which row and input line it stopped, and exits 2', () => {
    // Limit 2: the third member sends the first ledger to disk, which cannot be made here.
    const missing = join(mkdtempSync(join(tmpdir(), 'huzhu-memory-')), 'missing');
    const { code, stdout, stderr } = huzhu(['evaluate', scatteredFile(), ...POLICY, '--format', 'ndjson'], { HUZHU_LEDGERS_IN_MEMORY: '2', HUZHU_TMPDIR: missing });
    const lines = stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => (JSON.parse(line) as { line: number }).line)).toEqual([2, 3]);
    expect(stderr).toBe('huzhu: stopped after row 2 (input line 3): no such file\n');
    expect(code).toBe(2);
  });

  it('refuses a limit that is not a whole number before writing anything', () => {
    const { code, stdout, stderr } = huzhu(['evaluate', 'claims.csv'], { HUZHU_LEDGERS_IN_MEMORY: '1e3' });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('huzhu: HUZHU_LEDGERS_IN_MEMORY must be a whole number of at least 1; got "1e3"\n');
  });

  it('removes its temporary files when the input fails while records are put off on disk', async () => {
    const spillTo = mkdtempSync(join(tmpdir(), 'huzhu-spill-'));
    const saved = { HUZHU_TMPDIR: process.env.HUZHU_TMPDIR, HUZHU_LEDGERS_IN_MEMORY: process.env.HUZHU_LEDGERS_IN_MEMORY };
    Object.assign(process.env, { HUZHU_TMPDIR: spillTo, HUZHU_LEDGERS_IN_MEMORY: '1' });
    const [header, ...rows] = SCATTERED.split('\n').map((row) => row.split(','));
    async function* failingInput(): AsyncGenerator<Sequenced[]> {
      for (const [index, row] of rows.entries()) yield [{ seq: index + 1, line: index + 2, value: Object.fromEntries(header!.map((name, i) => [name, row[i]!])) }];
      throw new Error('disk read error');
    }
    const written: number[] = [];
    const registry = createRegistry([...bundledRegistry.policies, parsePolicy(JSON.parse(readFileSync(join(FIXTURES, 'test-policy-2025.json'), 'utf8')))]);
    try {
      await expect(async () => {
        for await (const outputs of settleInOrder(failingInput(), registry, true, (outcome) => String(outcome.line))) written.push(...outputs.map((output) => output.line));
      }).rejects.toThrow('disk read error');
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    // Line 5 is m2's second claim, m2's ledger went to disk when m3 came: nothing after it could be written.
    expect(written).toEqual([2, 3, 4]);
    expect(readdirSync(spillTo)).toEqual([]);
  });
});

describe('settleInOrder, in this process', () => {
  const registry = createRegistry([...bundledRegistry.policies, parsePolicy(JSON.parse(readFileSync(join(FIXTURES, 'test-policy-2025.json'), 'utf8')))]);
  async function* records(csv: string): AsyncGenerator<Sequenced[]> {
    const [header, ...rows] = csv.split('\n').map((row) => row.split(','));
    yield rows.map((row, index) => ({ seq: index + 1, line: index + 2, value: Object.fromEntries(header!.map((name, i) => [name, row[i]!])) }));
  }
  // Each member's rows together: ledgers go to disk, no record is put off, nothing is read back.
  const TOGETHER = [HEADER, death('m1', 'd1'), death('m1', 'd1'), stay('m2', 's1'), stay('m2', 's2'), death('m3', 'd3')].join('\n');
  const openFiles = () => readdirSync('/proc/self/fd').length;

  it.runIf(existsSync('/proc/self/fd'))('closes every file it wrote, whether records were put off or not', async () => {
    for (const input of [TOGETHER, SCATTERED]) {
      const before = openFiles();
      const lines: number[] = [];
      for await (const outputs of settleInOrder(records(input), registry, true, (outcome) => String(outcome.line), { limit: 1 })) lines.push(...outputs.map((output) => output.line));
      expect(lines).toEqual(input.split('\n').slice(1).map((_, index) => index + 2));
      expect(openFiles()).toBe(before);
    }
  });
});

describe('the pieces', () => {
  interface Item {
    key: string;
    seq: number;
  }
  const codec: Codec<Item> = {
    encode: (item) => `${item.seq}\t${item.key}`,
    decode: (line) => ({ seq: Number(line.slice(0, line.indexOf('\t'))), key: line.slice(line.indexOf('\t') + 1) }),
    compare: (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.seq - b.seq),
  };

  it('an external sort of runs merged two at a time, over several levels, gives every item once in order', () => {
    const dir = new TempDir();
    try {
      // A run per ~10 items and two runs a merge: 1,000 items make runs on six levels.
      const sorter = new ExternalSorter(dir, codec, 30, 2);
      const items = Array.from({ length: 1000 }, (_, seq) => ({ key: `k${(seq * 7919) % 37}`, seq }));
      for (const item of items) sorter.add(item, 3);
      expect([...sorter.sorted()]).toEqual([...items].sort(codec.compare));
      expect(readdirSync(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
    expect(existsSync(dir.path)).toBe(false);
  });

  it('the key filter never forgets a key it was given', () => {
    const filter = new KeyFilter();
    const keys = Array.from({ length: 10_000 }, (_, i) => JSON.stringify([`m${i}`, 'guangxi', 2024]));
    for (const key of keys) filter.add(key);
    expect(keys.every((key) => filter.mayHave(key))).toBe(true);
    // And it is no Set of everything: of 10,000 other keys, few if any seem given.
    expect(keys.filter((key) => filter.mayHave(`${key}x`)).length).toBeLessThan(10);
  });
});
