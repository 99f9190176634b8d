/**
 * The CLI's peak memory and time on large CSV files, by hand (never part of `npm test`):
 *
 *   npm run build && node --import tsx test/bench/cliMemory.ts --rows 1000000
 *   node --import tsx test/bench/cliMemory.ts --rows 4000000 --only distinct
 *
 * Files: every row its own member (`distinct`); members of four rows each, their rows
 * `interleaved` a quarter of the file apart (every row after the first quarter is put off to
 * disk); and one member with all the rows (`one`, at most 40,000 rows). Prints a JSON line each.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, only: { type: 'string' } } });
const rows = Number(values.rows);
const here = import.meta.dirname;
const SHAPES = {
  distinct: { rows, members: rows, member: (row: number) => row },
  interleaved: { rows, members: Math.ceil(rows / 4), member: (row: number) => row % Math.ceil(rows / 4) },
  one: { rows: Math.min(rows, 40_000), members: 1, member: () => 0 },
} as const;

function writeCsv(file: string, count: number, member: (row: number) => number): void {
  const fd = openSync(file, 'w');
  let chunk = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid\n';
  for (let row = 0; row < count; row += 1) {
    const day = String(1 + (row % 28)).padStart(2, '0');
    chunk += `guangxi,m${member(row)},2024-01-01,2024-12-31,c${row},hospitalisation,2024-03-${day},2024-03-${day},illness,800.00,500.00,300.00,0\n`;
    if (chunk.length > 1 << 20) (writeSync(fd, chunk), (chunk = ''));
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

const dir = mkdtempSync(join(tmpdir(), 'huzhu-cli-memory-'));
try {
  for (const [shape, { rows: count, members, member }] of Object.entries(SHAPES)) {
    if (values.only !== undefined && values.only !== shape) continue;
    const file = join(dir, `${shape}.csv`);
    writeCsv(file, count, member);
    const start = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      ['--import', join(here, 'peakMemory.mjs'), join(here, '..', '..', 'dist', 'cli.js'), 'evaluate', file, '--format', 'csv', '--no-progress'],
      { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], encoding: 'utf8' },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const { peakRssMB } = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { peakRssMB: number };
    console.log(JSON.stringify({ shape, rows: count, members, exit: run.status, peakRssMB, seconds: Math.round(seconds), summary: run.stderr.split('\n')[0] }));
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
