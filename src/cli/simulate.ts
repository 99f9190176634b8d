// `huzhu simulate` and `huzhu merge`: a claims book under several policy versions.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InvalidInputError, type Issue } from '../_lib/errors';
import type { RosterEntry } from '../_lib/inputSchemas';
import type { Language } from '../_lib/messages';
import type { Policy } from '../_lib/policySchema';
import type { Simulation } from '../_lib/simulation';
import type { PolicyRegistry } from '../createRegistry';
import { diffPolicies, type PolicyDiff } from '../diffPolicies';
import { mergeSimulations } from '../mergeSimulations';
import { simulateBook } from '../simulateBook';
import { UsageError } from './args';
import { CsvReader } from './csv';
import { issueText } from './output';
import { ProgressBar } from './progress';
import type { InputFormat, ReadLimits } from './records';
import { renderReport } from './report';
import { issueInColumn } from './rows';
import { formatSimulation, type PlainSimulation } from './simulationText';
import { shardOf, workersOption } from './shards';
import { simulateHere, simulateOnWorkers, type Refusal } from './simulatePool';
import { planRanges, rangeWork, simulateRanges } from './simulateRanges';
import { dropEarly, takeWorker } from './simulateStart';
import { WRITTEN, type Written } from './settle';
import { ExternalSorter, TempDir, type Codec } from './spill';

/** What the command needs of main's plumbing, passed in so that this file adds to main's switch only. */
export interface SimulationTools {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly registry: PolicyRegistry;
  policy(argument: string): Policy;
  open(file: string): { stream: NodeJS.ReadableStream & { bytesRead?: number }; name: string; size: number; small: boolean };
  chunks<T extends string | Buffer>(stream: NodeJS.ReadableStream, name: string): AsyncIterable<T>;
  write(out: NodeJS.WriteStream, text: string): Promise<void>;
  format(file: string, given: InputFormat | undefined): InputFormat;
  limits(maxFieldSize: string | undefined, command: string): ReadLimits;
}

interface Invocation {
  readonly command: 'simulate' | 'merge';
  readonly operands: readonly string[];
  readonly options: Readonly<Record<string, string | undefined>>;
  readonly policies: readonly string[];
  readonly noProgress: boolean;
}

/** `--shard i/n`: the i-th of n parts, 1-based. */
function shardOption(given: string | undefined): { index: number; of: number } | undefined {
  if (given === undefined) return undefined;
  const match = /^([1-9]\d{0,5})\/([1-9]\d{0,5})$/.exec(given);
  if (match === null || Number(match[1]) > Number(match[2])) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/8; got "${given}"`, 'simulate');
  return { index: Number(match[1]) - 1, of: Number(match[2]) };
}

/**
 * How many ranges a file is cut into for each thread that settles: each thread takes the next
 * range when done with one, so one that starts later (a worker) or is slowed by other work on
 * the machine takes fewer, and all end within about one range of each other: of the last ones,
 * which are cut smaller (`shrinking`).
 */
const RANGES_PER_THREAD = 16;

/** A row's issue as evaluate writes it, `line N: column: message`. */
const refusalText = (refusal: Refusal, csv: boolean) => `line ${refusal.line}: ${issueText(csv ? issueInColumn(refusal.issue) : refusal.issue)}\n`;

/** Refusals on disk as evaluate's outputs put off (settle.ts), ordered by line, then as they came (a row's issues come together, in order). */
const REFUSED: Codec<Written> = { ...WRITTEN, compare: (a, b) => a.line - b.line || a.seq - b.seq };

/**
 * The refusals of a run in the order of their lines, whichever thread found them and when: held
 * until the book is read (past a bound, on disk), so that the same book gives the same errors
 * on any number of threads.
 */
class RefusalsInOrder {
  count = 0;
  // A temporary folder only for more refusals than the sorter holds in memory.
  #dir: TempDir | undefined;
  readonly #sorter = new ExternalSorter({ file: () => (this.#dir ??= new TempDir()).file() }, REFUSED);
  /** Why the refusals could not be held, if they could not: said once the book is read. */
  #failure: Error | undefined;

  constructor(private readonly csv: boolean) {}

  /** Adds refusals; never throws, as it is called where a worker's message is heard. */
  add(refusals: readonly Refusal[]): void {
    for (const refusal of refusals) {
      this.count += 1;
      if (this.#failure !== undefined) continue;
      const text = refusalText(refusal, this.csv);
      try {
        this.#sorter.add({ line: refusal.line, seq: this.count, text, failed: true }, text.length);
      } catch (error) {
        this.#failure = error as Error;
      }
    }
  }

  /** Writes them all, in order, a large piece at a time; the files they needed are removed. */
  async write(write: (text: string) => Promise<void>): Promise<void> {
    try {
      if (this.#failure !== undefined) throw new UsageError(`cannot hold the ${this.count} errors found in a temporary folder (HUZHU_TMPDIR or the system's): ${this.#failure.message}`);
      let text = '';
      for (const refused of this.#sorter.sorted()) {
        text += refused.text;
        if (text.length >= 1 << 16) (await write(text), (text = ''));
      }
      if (text !== '') await write(text);
    } finally {
      this.#dir?.remove();
    }
  }
}

/** The roster: a JSON array of entries, or a CSV of `id,count,flags` (flags separated by `;`). */
function readRoster(file: string, read: (file: string) => string): RosterEntry[] {
  const text = read(file).replace(/^\uFEFF/, '');
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text) as RosterEntry[];
    } catch (error) {
      throw new UsageError(`roster ${file}: not valid JSON: ${(error as Error).message}`);
    }
  }
  const records = new CsvReader({ maxFieldBytes: 1 << 20, maxRecordLines: 100, maxHeaderFields: 100 }).push(text.endsWith('\n') ? text : `${text}\n`);
  const [header, ...rows] = records;
  const columns = header && 'fields' in header ? header.fields.map((cell) => cell.trim()) : [];
  if (!columns.includes('id') || columns.some((column) => !['id', 'count', 'flags'].includes(column))) {
    throw new UsageError(`roster ${file}: expected a CSV header of id, count and flags (count and flags optional)`);
  }
  return rows.map((row) => {
    if ('error' in row) throw new UsageError(`roster ${file}, line ${row.line}: ${row.error}`);
    const cells = Object.fromEntries(columns.map((column, i) => [column, row.fields[i]!.trim()]));
    const flags = (cells.flags ?? '').split(/[;；]/).map((flag) => flag.trim()).filter((flag) => flag !== '');
    return {
      id: cells.id!,
      ...(cells.count ? { count: /^\d+$/.test(cells.count) ? Number(cells.count) : (cells.count as unknown as number) } : {}),
      ...(flags.length > 0 && { flags: Object.fromEntries(flags.map((flag) => [flag, true])) }),
    };
  });
}

/**
 * The roster's contributions, as a simulation of no member to merge with the book's, assessed
 * once, before the book is read: a roster the versions refuse is the user's to mend, said as
 * such, each issue at its entry (entry 1 is the first row or element).
 */
function rosterContributions(file: string, roster: RosterEntry[], versions: readonly Policy[], lang: Language): Simulation {
  try {
    return simulateBook([], versions, { lang, roster });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const entryIssue = (issue: Issue) => {
      const [options, list, index, ...path] = issue.path;
      return options === 'options' && list === 'roster' && typeof index === 'number' ? `entry ${index + 1}: ${issueText({ ...issue, path })}` : issueText(issue);
    };
    throw new UsageError(`roster ${file}: ${error.issues.map(entryIssue).join('; ')}`);
  }
}

/** The policies' differences, each version against the baseline, when the versions are at hand. */
function differences(versions: readonly Policy[] | undefined): PolicyDiff[] {
  return versions === undefined ? [] : versions.slice(1).map((version) => diffPolicies(versions[0]!, version));
}

async function output(tools: SimulationTools, simulation: Simulation, invocation: Invocation, versions: readonly Policy[] | undefined, json: boolean): Promise<void> {
  const lang = (invocation.options.lang ?? 'zh') as Language;
  // The result as its JSON reads, for the report and the summary: not made for JSON alone.
  let read: PlainSimulation | undefined;
  const plain = () => (read ??= JSON.parse(JSON.stringify(simulation)) as PlainSimulation);
  const report = invocation.options.report;
  if (report !== undefined) {
    try {
      writeFileSync(report, renderReport(plain(), differences(versions), lang));
    } catch (error) {
      throw new UsageError(`cannot write ${report}: ${(error as Error).message}`);
    }
  }
  await tools.write(tools.stdout, json ? `${JSON.stringify(simulation, null, 2)}\n` : formatSimulation(plain(), lang));
}

async function simulate(tools: SimulationTools, invocation: Invocation): Promise<number> {
  const { options } = invocation;
  if (options.against === undefined) throw new UsageError('simulate needs --against: the baseline version, scheme@year or a policy file', 'simulate');
  const versions = [tools.policy(options.against), ...invocation.policies.map((argument) => tools.policy(argument))];
  const shard = shardOption(options.shard);
  const file = invocation.operands[0]!;
  const from = tools.format(file, options.from as InputFormat | undefined);
  const limits = tools.limits(options['max-field-size'], 'simulate');
  const read = (name: string) => {
    try {
      return readFileSync(name, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  };
  const lang = (options.lang ?? 'zh') as Language;
  const roster = options.roster === undefined ? undefined : readRoster(options.roster, read).filter((entry) => shard === undefined || shardOf(String(entry.id), shard.of) === shard.index);
  const contributions = roster === undefined ? undefined : rosterContributions(options.roster!, roster, versions, lang);
  const input = tools.open(file);
  // A small file is simulated in this thread unless --workers says otherwise: threads would cost more than they save.
  const workers = workersOption(options.workers, 'simulate') ?? (input.small ? 1 : availableParallelism());
  const bar = !invocation.noProgress && tools.stderr.isTTY && input.size > 0 ? new ProgressBar(tools.stderr, input.size) : undefined;
  const progress = (bytes: number, rows: number) => bar?.update(bytes, rows, Date.now());

  // Each row yields its member's share of the figures or an error, written once the book is read.
  const refused = new RefusalsInOrder(from === 'csv');
  const refuse = (refusals: Refusal[]) => refused.add(refusals);
  const job = { from, limits, policies: JSON.stringify(versions), options: { lang }, part: shard ?? { index: 0, of: 1 } };
  // A file of lines is read by the threads themselves, ranges each; anything else is read here and routed.
  const rangeable = workers > 1 && shard === undefined && file !== '-' && from !== 'json';
  // This thread settles ranges too: the workers it needs then are taken first (most often
  // started by bin, before the command loaded), so that their start (loading the code, reading
  // the policies) runs while this thread cuts the file.
  const started = Array.from({ length: rangeable ? workers - 1 : 0 }, () => takeWorker(job));
  let simulation: Simulation;
  try {
    const ranges = rangeable ? planRanges(file, job, workers * RANGES_PER_THREAD, { shrinking: true }) : undefined;
    const rowsRead = (rows: number) => progress(input.stream.bytesRead ?? 0, rows);
    if (ranges !== undefined && ranges.length > 1) {
      (input.stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      simulation = await simulateRanges(rangeWork(file, ranges), started, job, versions, contributions, refuse, progress);
    } else if (workers > 1 && ranges === undefined) {
      const more = Array.from({ length: workers - started.length }, () => takeWorker(job));
      simulation = await simulateOnWorkers(tools.chunks(input.stream, input.name), job, versions, contributions, [...started, ...more], refuse, rowsRead);
    } else {
      // One member or none: the workers started have nothing to take.
      await Promise.all(started.map((worker) => worker.terminate()));
      simulation = await simulateHere(tools.chunks(input.stream.setEncoding('utf8'), input.name), job, versions, contributions, refuse, rowsRead);
    }
  } finally {
    bar?.clear();
    await Promise.all([...started.map((worker) => worker.terminate()), dropEarly()]);
    // Those found before a failure too, before it is said.
    await refused.write((text) => tools.write(tools.stderr, text));
  }
  const failed = refused.count;
  // A shard is a part to merge: it is written whole, as JSON.
  await output(tools, simulation, invocation, versions, shard !== undefined || options.format === 'json');
  if (failed > 0) await tools.write(tools.stderr, `${failed} ${failed === 1 ? 'error' : 'errors'}: the members they concern are left out of the figures\n`);
  return failed > 0 ? 1 : 0;
}

async function merge(tools: SimulationTools, invocation: Invocation): Promise<number> {
  const parts = invocation.operands.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    try {
      return JSON.parse(text) as Simulation;
    } catch (error) {
      throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
  });
  let merged: Simulation;
  try {
    // One file is read as it is (to write its summary or report), once merging it with itself has checked it.
    merged = parts.length === 1 ? (mergeSimulations(parts[0]!, parts[0]!), parts[0]!) : parts.reduce(mergeSimulations);
  } catch (error) {
    const issues = (error as { issues?: Issue[] }).issues;
    if (issues === undefined) throw error;
    throw new UsageError(`cannot merge these files: ${issues.map((issue) => issue.message).join('; ')}`);
  }
  // The versions for the report's differences, when the registry knows them all.
  const refs = merged.versions.map((version) => version.policy);
  const found = refs.map((ref) => tools.registry.policies.find((policy) => policy.scheme === ref.scheme && policy.year === ref.year));
  const versions = found.every((policy) => policy !== undefined) ? (found as Policy[]) : undefined;
  await output(tools, merged, invocation, versions, invocation.options.format !== 'text');
  return 0;
}

/** Runs `huzhu simulate` or `huzhu merge`; returns the exit code. */
export function runSimulation(tools: SimulationTools, invocation: Invocation): Promise<number> {
  return invocation.command === 'simulate' ? simulate(tools, invocation) : merge(tools, invocation);
}
