/**
 * One benchmark run in its own process, so that its peak memory is its own. Prints one JSON
 * line: how many claims, how long, peak RSS and the digest of every claim's total.
 *
 *   node --import tsx test/bench/runOne.ts <huzhu|huzhu-read-all|floor|rules-engine> <members> <claimsPerMember>
 *   node --import tsx test/bench/runOne.ts latency <huzhu|floor|rules-engine> <calls>
 */
// The built package, as users get it; typed by its source, so this file type-checks before a build.
const dist = new URL('../../dist/index.js', import.meta.url).href;
const { evaluateClaim, evaluateYear, policies } = (await import(dist)) as typeof import('../../src');
import { Digest } from './checksum';
import { floorYear } from './floor';
import { createEngine, rulesEngineYear } from './rulesEngine';
import { memberYear, type MemberYear } from './workload';

type Implementation = 'huzhu' | 'huzhu-read-all' | 'floor' | 'rules-engine';

const policy = policies.guangxi[2024];
const engine = createEngine();

/** Each claim's total in fen; huzhu's are read from its Decimals as a caller would print them. */
async function settle(implementation: Implementation, year: MemberYear): Promise<number[]> {
  if (implementation === 'floor') return floorYear(year);
  if (implementation === 'rules-engine') return rulesEngineYear(engine, year);
  const { results } = evaluateYear(policy, year.member, year.claims);
  // `huzhu-read-all` also reads what results make on first read: every line and every ledger.
  if (implementation === 'huzhu-read-all') for (const result of results) for (const amount of [...result.lines.map((line) => line.amount), result.ledger.total]) amount.toFixed(2);
  return results.map((result) => Math.round(Number(result.total.toFixed(2)) * 100));
}

async function throughput(implementation: Implementation, members: number, perMember: number) {
  const digest = new Digest();
  // Only settling is timed: making the workload costs the same for every implementation.
  let ms = 0;
  for (let index = 0; index < members; index += 1) {
    const year = memberYear(index, perMember);
    const start = performance.now();
    const totals = await settle(implementation, year);
    ms += performance.now() - start;
    for (const fen of totals) digest.add(fen);
  }
  return { implementation, members, ms: Math.round(ms), claimsPerSecond: Math.round((digest.claims / ms) * 1000), ...digest.toJSON() };
}

async function latency(implementation: Implementation, calls: number) {
  const { member, claims } = memberYear(7, 1);
  const claim = claims[0]!;
  const one = async () => {
    if (implementation === 'huzhu') return evaluateClaim(policy, member, claim).total;
    return settle(implementation, { member, claims: [claim] });
  };
  for (let i = 0; i < Math.min(calls, 2000); i += 1) await one(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const start = performance.now();
    await one();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number((samples[Math.floor(q * (samples.length - 1))]! * 1000).toFixed(2));
  return { implementation, calls, medianMicroseconds: at(0.5), p99Microseconds: at(0.99) };
}

const [mode, ...args] = process.argv.slice(2);
const result =
  mode === 'latency'
    ? await latency(args[0] as Implementation, Number(args[1]))
    : await throughput(mode as Implementation, Number(args[0]), Number(args[1]));
console.log(JSON.stringify({ ...result, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
