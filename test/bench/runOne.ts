/**
 * One benchmark run in its own process, so that its peak memory is its own. Prints one JSON
 * line: how many claims, how long, peak RSS and the digest of every claim's total.
 *
 *   node --import tsx test/bench/runOne.ts <huzhu|huzhu-read-all|floor|rules-engine> <members> <claimsPerMember>
 *   node --import tsx test/bench/runOne.ts realistic <huzhu|floor|rules-engine> <members> <string|number|Decimal>
 *   node --import tsx test/bench/runOne.ts latency <huzhu|floor|rules-engine> <calls>
 *   node --expose-gc --import tsx test/bench/runOne.ts keep <members>
 *   node --import tsx test/bench/runOne.ts plans <members>
 *   node --import tsx test/bench/runOne.ts compare <members> <rounds> <build.js> [<build.js> …]
 *   node --import tsx test/bench/runOne.ts mandatory <members> <rounds>
 */
// The built package, as users get it; typed by its source, so this file type-checks before a build.
const dist = new URL('../../dist/index.js', import.meta.url).href;
const { Decimal, bundledRegistry, evaluateClaim, evaluateMemberYear, evaluateYear, explain, policies } = (await import(dist)) as typeof import('../../src');
import { Digest } from './checksum';
import { capped, eventLines, floorYear, stayLines } from './floor';
import { createEngine, rulesEngineYear } from './rulesEngine';
import { AMOUNT_FORMS, memberYear, realisticYear, type AmountForm, type MemberYear } from './workload';

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

const toDecimal = (text: string) => new Decimal(text);

/** Members made at a time, outside the timing, so that the clock is read once for many. */
const CHUNK = 1000;

async function throughput(implementation: Implementation, members: number, yearOf: (index: number) => MemberYear) {
  const digest = new Digest();
  // Only settling is timed: making the workload costs the same for every implementation. The
  // time is CPU time (user and system, every thread of the process, the garbage collector's
  // too): on a machine that other work shares, wall time also counts the others' work.
  let ms = 0;
  let wallMs = 0;
  for (let first = 0; first < members; first += CHUNK) {
    const years: MemberYear[] = [];
    for (let index = first; index < Math.min(members, first + CHUNK); index += 1) years.push(yearOf(index));
    const totals: number[][] = [];
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const year of years) totals.push(await settle(implementation, year));
    wallMs += performance.now() - start;
    const used = process.cpuUsage(cpu);
    ms += (used.user + used.system) / 1000;
    for (const fens of totals) for (const fen of fens) digest.add(fen);
  }
  return { implementation, members, ms: Math.round(ms), wallMs: Math.round(wallMs), claimsPerSecond: Math.round((digest.claims / ms) * 1000), ...digest.toJSON() };
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

/**
 * What a kept result costs, and reading it: the realistic book settled (amounts as strings) and
 * every result kept, the heap measured after a full collection before and after; then each
 * line's steps read, then `explain` on each result of a second, unread settlement.
 */
function keep(members: number) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('keep needs node --expose-gc');
  const years = Array.from({ length: members }, (_, index) => realisticYear(index, 'string', toDecimal));
  const settle = () => years.flatMap((year) => evaluateYear(policy, year.member, year.claims).results);
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = settle();
  gc();
  const bytesPerClaim = Math.round((process.memoryUsage().heapUsed - before) / kept.length);
  let start = performance.now();
  let steps = 0;
  for (const result of kept) for (const line of result.lines) steps += line.steps.length;
  const stepsMs = performance.now() - start;
  const fresh = settle();
  start = performance.now();
  let characters = 0;
  for (const result of fresh) characters += explain(result).length;
  const explainMs = performance.now() - start;
  return {
    implementation: 'huzhu-keep',
    claims: kept.length,
    bytesPerClaim,
    stepsClaimsPerSecond: Math.round((kept.length / stepsMs) * 1000),
    explainClaimsPerSecond: Math.round((fresh.length / explainMs) * 1000),
    // Read, so that no step or explanation can be optimised away.
    steps,
    characters,
  };
}

const HANGZHOU = ['hangzhou-dajiangdong-a', 'hangzhou-dajiangdong-b', 'hangzhou-dajiangdong-women'];

/**
 * Members holding three plans: the realistic book's claims moved to 2018 (29 February to the
 * 28th) and settled under Hangzhou Dajiangdong's three stackable plans with evaluateMemberYear.
 * A claim counts once however many plans settle it; the digest is of what each claim paid in all.
 */
function plans(members: number) {
  const digest = new Digest();
  let ms = 0;
  for (let first = 0; first < members; first += CHUNK) {
    const years = [];
    for (let index = first; index < Math.min(members, first + CHUNK); index += 1) {
      const { member, claims } = realisticYear(index, 'string', toDecimal);
      const moved = JSON.parse(JSON.stringify(claims).replaceAll('"2024-02-29', '"2018-02-28').replaceAll('"2024-', '"2018-'));
      years.push({ member: { id: member.id, sex: 'female' as const, enrolments: HANGZHOU.map((scheme) => ({ scheme, year: 2018, from: '2018-01-01', to: '2018-12-31' })) }, claims: moved });
    }
    const cpu = process.cpuUsage();
    const totals = years.map((year) => evaluateMemberYear(bundledRegistry, year.member, year.claims).results.map((result) => Math.round(Number(result.total.toFixed(2)) * 100)));
    const used = process.cpuUsage(cpu);
    ms += (used.user + used.system) / 1000;
    for (const fens of totals) for (const fen of fens) digest.add(fen);
  }
  return { implementation: 'huzhu-three-plans', members, ms: Math.round(ms), claimsPerSecond: Math.round((digest.claims / ms) * 1000), ...digest.toJSON() };
}

type Settler = (year: MemberYear) => number[] | Promise<number[]>;

/**
 * Implementations side by side in one process: the realistic book in each amount form, each
 * chunk of members made just before it is settled as `throughput` does, implementations in
 * turn and in reverse order every other round, so that none always follows another. CPU time:
 * the best time of each chunk of members over the rounds, summed; on a shared machine only the
 * ratios within one run mean much. Every implementation but those named in `unchecked` must
 * give the floor's digest.
 */
async function interleave(members: number, rounds: number, implementations: [string, Settler][], unchecked: ReadonlySet<string> = new Set()) {
  const best = new Map<string, number>();
  const digests = new Map<string, string>();
  let claims = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const form of AMOUNT_FORMS) {
      for (const [name, settleYear] of round % 2 === 0 ? implementations : [...implementations].reverse()) {
        const digest = new Digest();
        for (let first = 0; first < members; first += CHUNK) {
          const years: MemberYear[] = [];
          for (let index = first; index < Math.min(members, first + CHUNK); index += 1) years.push(realisticYear(index, form, toDecimal));
          const totals: (number[] | Promise<number[]>)[] = [];
          const cpu = process.cpuUsage();
          for (const year of years) totals.push(await settleYear(year));
          const used = process.cpuUsage(cpu);
          const key = `${form} ${name} ${first}`;
          best.set(key, Math.min(best.get(key) ?? Infinity, (used.user + used.system) / 1000));
          for (const fens of totals as number[][]) for (const fen of fens) digest.add(fen);
        }
        if (unchecked.has(name)) continue;
        const { digest: text } = digest.toJSON();
        if ((digests.get(form) ?? text) !== text) throw new Error(`${name} gave another digest for ${form}`);
        digests.set(form, text);
        claims = digest.claims;
      }
    }
  }
  // The best time of each chunk, summed: noise only slows a chunk down, and a slow moment
  // then costs one chunk's figure rather than a whole round's.
  const perSecond = (form: AmountForm, name: string) => {
    let ms = 0;
    for (let first = 0; first < members; first += CHUNK) ms += best.get(`${form} ${name} ${first}`)!;
    return Math.round((claims / ms) * 1000);
  };
  return { claims, digests, perSecond, loadAverage: (await import('node:os')).loadavg().map((load) => Number(load.toFixed(1))) };
}

/** Each claim's total in fen from a build's evaluateYear, read as a caller would print it. */
function huzhuOf(lib: typeof import('../../src')): Settler {
  const own = lib.policies.guangxi[2024];
  return (year) => lib.evaluateYear(own, year.member, year.claims).results.map((result) => Math.round(Number(result.total.toFixed(2)) * 100));
}

/**
 * Builds of huzhu side by side in one process (each an ES module of the library, such as an
 * esbuild bundle of src/index.ts made before and after a change), with the floor and
 * json-rules-engine (see {@link interleave}).
 */
async function compare(members: number, rounds: number, builds: string[]) {
  type Lib = typeof import('../../src');
  const libs = (await Promise.all(builds.map((build) => import(new URL(build, `file://${process.cwd()}/`).href)))) as Lib[];
  const implementations: [string, Settler][] = [['floor', floorYear], ['rules-engine', (year) => rulesEngineYear(engine, year)], ...libs.map((lib, index): [string, Settler] => [builds[index]!, huzhuOf(lib)])];
  const { claims, digests, perSecond, loadAverage } = await interleave(members, rounds, implementations);
  return {
    implementation: 'compare',
    members,
    claims,
    rounds,
    loadAverage,
    forms: Object.fromEntries(
      AMOUNT_FORMS.map((form) => [
        form,
        {
          digest: digests.get(form),
          floor: perSecond(form, 'floor'),
          rulesEngine: perSecond(form, 'rules-engine'),
          builds: builds.map((build) => {
            const huzhu = perSecond(form, build);
            return { build, claimsPerSecond: huzhu, floorOverHuzhu: Number((perSecond(form, 'floor') / huzhu).toFixed(2)), huzhuOverRulesEngine: Number((huzhu / perSecond(form, 'rules-engine')).toFixed(1)) };
          }),
        },
      ]),
    ),
  };
}

/**
 * What the non-negotiables cost before any rule runs (see docs/benchmarks.md, "What 20×
 * json-rules-engine would take"), beside the floor, json-rules-engine and huzhu, all from
 * this tree's source in one process (see {@link interleave}):
 * - `read`: huzhu's own readers (`readYear`: the member and every claim checked and copied,
 *   as evaluateYear reads them), nothing else; it gives no totals, so its digest is not checked;
 * - `read+result`: the same, then the floor's arithmetic on the checked copies and, for each
 *   claim, a frozen result owning its lines, in a frozen list; each total read as huzhu's are
 *   (a Decimal made from the fen by huzhu's `moneyFromFen`, then `toFixed(2)`).
 * - `read+result in fen`: the same, each total read as whole fen: what the Decimal made for
 *   the caller and its text cost, the difference.
 * What `read+result` costs is the least any engine keeping the non-negotiables pays a claim.
 */
async function mandatory(members: number, rounds: number) {
  const { readYear } = await import('../../src/_lib/yearInput');
  const { moneyFromFen } = await import('../../src/_lib/money');
  const read: Settler = (year) => {
    readYear(year.member, year.claims);
    return [];
  };
  const readAndResult = (printed: boolean): Settler => (year) => {
    const { claims } = readYear(year.member, year.claims);
    const results = new Array<{ readonly id: string; readonly fen: number; readonly lines: readonly number[] }>(claims.length);
    let paid = 0;
    for (let at = 0; at < claims.length; at += 1) {
      const claim = claims[at]!;
      const lines = claim.kind === 'hospitalisation' ? stayLines(claim.inScopeCopay, claim.nights) : eventLines(claim.kind, claim.grade);
      const fen = capped(lines, paid);
      paid += fen;
      results[at] = Object.freeze({ id: claim.id, fen, lines: Object.freeze(lines) });
    }
    Object.freeze(results);
    return results.map((result) => (printed ? Math.round(Number(moneyFromFen(result.fen).toFixed(2)) * 100) : result.fen));
  };
  const implementations: [string, Settler][] = [
    ['floor', floorYear],
    ['rules-engine', (year) => rulesEngineYear(engine, year)],
    ['huzhu', huzhuOf(await import('../../src'))],
    ['read', read],
    ['read+result', readAndResult(true)],
    ['read+result in fen', readAndResult(false)],
  ];
  const { claims, perSecond, loadAverage } = await interleave(members, rounds, implementations, new Set(['read']));
  return {
    implementation: 'mandatory',
    members,
    claims,
    rounds,
    loadAverage,
    forms: Object.fromEntries(AMOUNT_FORMS.map((form) => [form, Object.fromEntries(implementations.map(([name]) => [name, perSecond(form, name)]))])),
  };
}

const [mode, ...args] = process.argv.slice(2);
const result =
  mode === 'latency'
    ? await latency(args[0] as Implementation, Number(args[1]))
    : mode === 'keep'
      ? keep(Number(args[0]))
      : mode === 'plans'
        ? plans(Number(args[0]))
      : mode === 'compare'
        ? await compare(Number(args[0]), Number(args[1]), args.slice(2))
      : mode === 'mandatory'
        ? await mandatory(Number(args[0]), Number(args[1]))
      : mode === 'realistic'
        ? { ...(await throughput(args[0] as Implementation, Number(args[1]), (index) => realisticYear(index, args[2] as AmountForm, toDecimal))), form: args[2] }
        : await throughput(mode as Implementation, Number(args[0]), (index) => memberYear(index, Number(args[1])));
console.log(JSON.stringify({ ...result, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
