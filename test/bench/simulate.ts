/**
 * The simulation benchmark (`npm run bench` runs it last): the workload's book as a CSV
 * (`--members` × `--claims` rows, 1,000,000 by default) simulated by the built command under
 * two versions, Guangxi 2024 as the baseline and 2023 as a what-if, with `--workers 1` and then
 * `--workers 2` (two threads settle: the main thread and one worker), each run a process of its own, timed and measured whole: reading, simulating,
 * merging, writing the JSON. Throughput counts member-claim settlements: each claim settled
 * under each version. The CPU time of each run (all its threads) is printed too: on a machine
 * that other jobs share, it says more than the time.
 *
 *   node --import tsx test/bench/simulate.ts --members 100000 --claims 10
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Simulation } from '../../src';
import { memberYear, writeCsv } from './workload';

// The built package, as users get it; typed by its source, so this file type-checks before a build.
const { mergeSimulations, policies, simulateBook } = (await import(new URL('../../dist/index.js', import.meta.url).href)) as typeof import('../../src');

const { values } = parseArgs({ options: { members: { type: 'string', default: '100000' }, claims: { type: 'string', default: '10' } } });
const members = Number(values.members);
const perMember = Number(values.claims);
const root = join(import.meta.dirname, '..', '..');

/**
 * The library alone, in this thread: the book made 10,000 members at a time (not timed), each
 * batch simulated and merged into the rest (timed). What the engine costs without reading a file.
 */
function library(): void {
  let simulation: Simulation | undefined;
  let ms = 0;
  for (let first = 0; first < members; first += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, members - first) }, (_, i) => memberYear(first + i, perMember));
    const start = performance.now();
    const part = simulateBook(batch, [policies.guangxi[2024], policies.guangxi[2023]], { lang: 'zh' });
    simulation = simulation === undefined ? part : mergeSimulations(simulation, part);
    ms += performance.now() - start;
  }
  const rate = Math.round(((members * perMember * 2) / ms) * 1000);
  console.log(`
simulateBook in one thread, no file (the book made in batches, not timed): ${rate.toLocaleString('en')} settlements/s, totals ${simulation!.versions.map((v) => v.total.toFixed(2)).join(' / ')}`);
}
library();

const dir = mkdtempSync(join(tmpdir(), 'huzhu-bench-simulate-'));
try {
  const csv = join(dir, 'book.csv');
  writeCsv(csv, members, perMember);
  console.log(`\nhuzhu simulate on a ${(members * perMember).toLocaleString('en')}-row CSV, 2 versions (guangxi 2024, 2023 as a what-if), whole process:`);
  const runs = [1, 2].map((workers) => {
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      ['--import', join(import.meta.dirname, 'peakMemory.mjs'), join(root, 'dist', 'cli.js'), 'simulate', csv, '--against', 'guangxi@2024', '--policy', 'guangxi@2023', '--format', 'json', '--workers', String(workers), '--no-progress'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`huzhu simulate failed: ${run.stderr}`);
    const { peakRssMB, cpuSeconds } = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { peakRssMB: number; cpuSeconds: number };
    const totals = (JSON.parse(run.stdout) as { versions: { total: string }[] }).versions.map((version) => version.total);
    const digest = createHash('sha256').update(run.stdout).digest('hex').slice(0, 8);
    const rate = Math.round(((members * perMember * 2) / ms) * 1000);
    console.log(`  ${workers} worker${workers === 1 ? ' ' : 's'}  ${rate.toLocaleString('en').padStart(11)} settlements/s   ${(ms / 1000).toFixed(1)} s (${cpuSeconds} s of CPU)   peak ${peakRssMB} MB   totals ${totals.join(' / ')}   digest ${digest}`);
    return { rate, digest };
  });
  console.log(`  speed-up 1 → 2 workers: ${(runs[1]!.rate / runs[0]!.rate).toFixed(2)}× (target with 2: ≥ 1,000,000 settlements/s, < 300 MB)`);
  if (runs[0]!.digest !== runs[1]!.digest) {
    console.error('  The results on 1 and 2 workers differ.');
    process.exitCode = 1;
  } else {
    console.log('  The JSON is the same, byte for byte, on 1 and 2 workers.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
