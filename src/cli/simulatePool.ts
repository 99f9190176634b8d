// `huzhu simulate` in parts. The input is read once, in one thread; each member's rows go to
// one part, chosen by a stable hash of their id, and the parts' results are merged (a file of
// lines is instead cut into ranges that the threads read themselves: see simulateRanges.ts). A part is
// what `--shard i/n` runs as a job of its own, and what each worker thread runs; nothing crosses
// between threads but rows and the parts' results, and mergeSimulations is order-independent,
// so the result is the same for any number of workers or shards.
import type { Worker } from 'node:worker_threads';
import { InvalidInputError, validate, type Issue } from '../_lib/errors';
import type { Policy } from '../_lib/policySchema';
import type { Simulation } from '../_lib/simulation';
import { mergeSimulations } from '../mergeSimulations';
import { simulator, type BookEntry, type SimulationOptions, type Simulator } from '../simulateBook';
import { UsageError } from './args';
import type { CsvRecord } from './csv';
import { feedRows, RowBatch, sentRows } from './feed';
import type { ToWorker } from './pool';
import { CsvFieldsReader, recordReader, type InputFormat, type RawRecord, type ReadLimits, type RecordReader } from './records';
import { claimFromFields, columnIndex, MEMBER_COLUMNS, recordFromFields, recordSchema, type ColumnIndex, type CsvColumn } from './rows';
import { shardOf } from './shards';
import type { RangeWork } from './simulateRanges';

/** A member with their claims, and the input line of the member's first row and of each claim. */
export interface Tagged {
  readonly entry: BookEntry;
  readonly lines: readonly number[];
}

/** Settings a worker can be sent: the options without the roster or the callback. */
export type PartOptions = Pick<SimulationOptions, 'largest' | 'binWidth' | 'lang'>;

/** An issue of the input, at the line of the row it is about, rooted at `member` or `claim` (or the record). */
export interface Refusal {
  readonly line: number;
  readonly issue: Issue;
}

/** Which members a part simulates: those whose id hashes to `index` of `of`. */
export interface Part {
  readonly index: number;
  readonly of: number;
}

/**
 * How a part reads its records: a CSV row as its fields, with the columns the header names; a
 * JSON record as it is.
 */
export class Reading {
  #index: ColumnIndex | undefined;
  /** Where the member's columns are among a row's fields. */
  #memberAt: number[] = [];

  constructor(private readonly csv: boolean) {}

  set columns(columns: readonly CsvColumn[]) {
    this.#index = columnIndex(columns);
    this.#memberAt = MEMBER_COLUMNS.map((column) => this.#index![column]).filter((at) => at >= 0);
  }

  /** The member id of a record, read without validating the record. */
  idOf(raw: RawRecord): unknown {
    if ('error' in raw) return undefined;
    if (this.csv) return this.#index!.memberId < 0 ? undefined : (raw.value as string[])[this.#index!.memberId]!.trim();
    return (raw.value as { member?: { id?: unknown } } | null)?.member?.id;
  }

  /**
   * The record's member and claim, or throws its issues. A CSV row always makes a record of this
   * shape, and the scheme plays no part here: the member and the claim are checked by the
   * simulation. Checking each row twice cost a tenth of the run.
   */
  recordOf(value: unknown): { member: unknown; claim: unknown } {
    return this.csv ? (recordFromFields(value as string[], this.#index!) as { member: unknown; claim: unknown }) : validate(recordSchema, value, []);
  }

  /** Whether two records are CSV rows with the same member cells, which make the same member. */
  sameMember(value: unknown, other: unknown): boolean {
    if (!this.csv) return false;
    for (const at of this.#memberAt) if ((value as string[])[at] !== (other as string[])[at]) return false;
    return true;
  }

  /** The claim of a CSV row. */
  claimOf(value: unknown): unknown {
    return claimFromFields(value as string[], this.#index!);
  }
}

export const isId = (id: unknown): id is string => typeof id === 'string' && id !== '';

/**
 * Rows of a member must be together (a file sorted or grouped by member): a member seen again
 * after another is refused, since simulating them as two members would settle their year
 * wrongly. Checked where the whole input is read, on every row, so that the answer does not
 * depend on the parts; it keeps each member id seen, a few dozen bytes each.
 */
export class Together {
  /** Each member id seen, with the line of its first row: what a part read from a range of the file tells the others. */
  readonly seen = new Map<string, number>();
  #current: string | undefined;

  /** Whether the row of `id` starts a member; throws when that member was seen before. */
  starts(id: string, line: number): boolean {
    if (id === this.#current) return false;
    if (this.seen.has(id)) throw new MembersApart(id, line);
    this.seen.set(id, line);
    this.#current = id;
    return true;
  }
}

/** Rows of member `id` found apart, at `line`. */
export class MembersApart extends UsageError {
  constructor(
    readonly id: string,
    readonly line: number,
  ) {
    super(`the rows of member "${id}" are not together (line ${line}): sort or group the file by member id`);
  }
}

/** The same fields holding the same values, in the same order: then their JSON is the same too, unwritten. */
function sameFields(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    if (key !== others[i] || (a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  }
  return true;
}

/** A member's rows read so far. */
interface Gathered {
  readonly enrolments: Map<string, unknown>;
  readonly member: Record<string, unknown>;
  readonly claims: unknown[];
  readonly lines: number[];
}

/**
 * A part's members made from their rows, in order: consecutive rows of the same member id make
 * one member, with every distinct enrolment of those rows. Rows that cannot make a claim of a
 * member are refused as they come.
 */
export class MemberRows {
  #id: string | undefined;
  #current: Gathered | undefined;
  /** The last row whose member was taken into the current one. */
  #taken: unknown;

  constructor(
    private readonly reading: Reading,
    private readonly refuse: (refusal: Refusal) => void,
  ) {}

  /** Takes a row of member `id` (as {@link Reading.idOf} reads it); returns the member the row ends, if any. */
  push(raw: RawRecord, id: unknown): Tagged | undefined {
    let done: Tagged | undefined;
    if (isId(id) && id !== this.#id) {
      done = this.end();
      this.#id = id;
    }
    if ('error' in raw) {
      this.refuse({ line: raw.line, issue: { path: [], code: 'unreadable_record', message: raw.error } });
      return done;
    }
    // Most rows of a member repeat its cells: only the claim is new, and making the member again
    // and comparing its enrolments cost about as much as the claim.
    if (this.#current !== undefined && this.reading.sameMember(raw.value, this.#taken)) {
      this.#current.claims.push(this.reading.claimOf(raw.value));
      this.#current.lines.push(raw.line);
      return done;
    }
    let record: { member: unknown; claim: unknown };
    try {
      record = this.reading.recordOf(raw.value);
    } catch (error) {
      for (const issue of (error as InvalidInputError).issues) this.refuse({ line: raw.line, issue });
      return done;
    }
    const member = record.member as Record<string, unknown>;
    if (!isId(id) || !Array.isArray(member.enrolments)) {
      this.refuse({ line: raw.line, issue: { path: ['member', 'id'], code: 'invalid_type', message: 'expected the member: an object with its id and enrolments' } });
      return done;
    }
    const current: Gathered = (this.#current ??= { enrolments: new Map(), member, claims: [], lines: [raw.line] });
    for (const enrolment of member.enrolments as unknown[]) {
      // Most rows repeat the member's enrolment: compared field by field, it need not be written as JSON.
      let known = false;
      for (const kept of current.enrolments.values()) if ((known = sameFields(kept, enrolment))) break;
      if (!known) current.enrolments.set(JSON.stringify(enrolment), enrolment);
    }
    current.claims.push(record.claim);
    current.lines.push(raw.line);
    this.#taken = raw.value;
    return done;
  }

  /** The member of the last rows, if any: call once the rows have ended. */
  end(): Tagged | undefined {
    const current = this.#current;
    if (current === undefined) return undefined;
    this.#current = undefined;
    this.#taken = undefined;
    const member = { ...current.member, enrolments: [...current.enrolments.values()] };
    return { entry: { member, claims: current.claims } as unknown as BookEntry, lines: current.lines };
  }
}

/** Each issue at the line of the row it is about: a claim's own row, the member's first row otherwise. */
function refusals(error: InvalidInputError, lines: readonly number[]): Refusal[] {
  return error.issues.map((issue) => {
    const [, , field, at, ...rest] = issue.path;
    if (field === 'claims' && typeof at === 'number') return { line: lines[at + 1] ?? lines[0]!, issue: { ...issue, path: ['claim', ...rest] } };
    return { line: lines[0]!, issue: { ...issue, path: issue.path.slice(2) } };
  });
}

/** What a part needs: how to read rows, which members, and how to sum up. */
export interface PartJob {
  readonly from: InputFormat;
  readonly limits: ReadLimits;
  readonly policies: string;
  readonly options: PartOptions;
  readonly part: Part;
}

/**
 * A part's simulation, fed each member as its rows end, in the same call: an async step a
 * member (generators feeding simulateBook) cost about as much as reading the member's rows.
 * Each invalid member's issues are refused at their rows.
 */
export class PartSimulation {
  readonly #run: Simulator;
  #lines: readonly number[] = [];
  #index = 0;

  constructor(policies: readonly Policy[], options: PartOptions, refuse: (refusals: Refusal[]) => void) {
    this.#run = simulator(policies, { ...options, onInvalid: (error) => refuse(refusals(error, this.#lines)) });
  }

  add(member: Tagged | undefined): void {
    if (member === undefined) return;
    this.#lines = member.lines;
    this.#run.add(member.entry, this.#index++);
  }

  finish(): Simulation {
    return this.#run.finish();
  }
}

/**
 * Simulates the members of `part` read in this thread, with rows that name no member refused;
 * `progress` hears how many rows were read, for a progress bar.
 */
export async function simulatePart(
  chunks: AsyncIterable<string>,
  job: PartJob,
  policies: readonly Policy[],
  refuse: (refusals: Refusal[]) => void,
  progress: (rows: number) => void,
): Promise<Simulation> {
  const simulation = new PartSimulation(policies, job.options, refuse);
  await readPart(chunks, job, simulation, refuse, progress);
  return simulation.finish();
}

/**
 * Reads the rows of `part` into `simulation`, with rows that name no member refused; `progress`
 * hears how many rows were read. `lines` is added to the line of every row, and `together` sees
 * every member: for a range of a file read as a whole of its own.
 */
export async function readPart(
  chunks: AsyncIterable<string>,
  job: PartJob,
  simulation: PartSimulation,
  refuse: (refusals: Refusal[]) => void,
  progress: (rows: number) => void,
  { lines = 0, together = new Together() }: { lines?: number; together?: Together } = {},
): Promise<void> {
  const reading = new Reading(job.from === 'csv');
  const members = new MemberRows(reading, (refusal) => refuse([refusal]));
  let ours = false;
  let rows = 0;
  const take = (records: readonly RawRecord[]) => {
    for (const raw of records) {
      rows += 1;
      const id = reading.idOf(raw);
      if (isId(id)) {
        if (together.starts(id, raw.line)) ours = shardOf(id, job.part.of) === job.part.index;
        if (!ours) continue;
      }
      simulation.add(members.push(raw, id));
    }
  };
  const reader = partReader(job, reading, lines);
  for await (const chunk of chunks) {
    take(reader.push(chunk));
    progress(rows);
  }
  take(reader.end());
  simulation.add(members.end());
}

/** The input's records, CSV rows as their fields, telling `reading` the header's columns; `lines` is added to each record's line. */
export function partReader(job: Pick<PartJob, 'from' | 'limits'>, reading: Reading, lines = 0): RecordReader {
  if (job.from !== 'csv') {
    const reader = recordReader(job.from, job.limits);
    if (lines === 0) return reader;
    const moved = (records: RawRecord[]) => records.map((record) => ({ ...record, line: record.line + lines }));
    return { push: (chunk) => moved(reader.push(chunk)), end: () => moved(reader.end()) };
  }
  const reader = new CsvFieldsReader(job.limits);
  const records = (rows: CsvRecord[]): RawRecord[] => {
    if (reader.columns !== undefined) reading.columns = reader.columns;
    return rows.map((row) => ('error' in row ? { line: row.line + lines, error: row.error } : { line: row.line + lines, value: row.fields }));
  };
  return { push: (chunk) => records(reader.push(chunk)), end: () => records(reader.end()) };
}

/** What a worker is sent: its job first, then the ranges to take (one message), or the rows routed to it. */
export type ToSimulationWorker = { readonly job: PartJob } | ToWorker | { readonly work: RangeWork };

/** A message from a worker: refused rows, a batch of rows taken, or the part's result. */
export type WorkerMessage = { refusals: Refusal[] } | { taken: true } | { result: string };

/** Batches sent to a worker and not yet taken: the rows in memory are bounded by these. */
const IN_FLIGHT = 4;

/** A part simulated on a worker thread, from the rows the main thread sends it. */
class Share {
  readonly #worker: Worker;
  readonly pending = new RowBatch();
  #inFlight = 0;
  #room: (() => void) | undefined;
  readonly done: Promise<Simulation>;

  constructor(worker: Worker, refuse: (refusals: Refusal[]) => void) {
    this.#worker = worker;
    this.done = new Promise<Simulation>((resolve, reject) => {
      this.#worker.on('message', (message: WorkerMessage) => {
        if ('refusals' in message) refuse(message.refusals);
        else if ('taken' in message) {
          this.#inFlight -= 1;
          this.#room?.();
        } else resolve(JSON.parse(message.result) as Simulation);
      });
      this.#worker.on('error', reject);
      this.#worker.on('exit', (code) => reject(new Error(`a simulation worker stopped with exit code ${code}`)));
    });
    // A failure is the run's: it is thrown where the rows are fed, or where the parts are merged.
    this.done.catch(() => this.#room?.());
  }

  post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  /** Sends the rows not yet sent, waiting while the worker holds `IN_FLIGHT` batches. */
  async flush(): Promise<void> {
    if (this.pending.rows === 0) return;
    while (this.#inFlight >= IN_FLIGHT) {
      await Promise.race([new Promise<void>((resolve) => (this.#room = resolve)), this.done]);
    }
    this.#inFlight += 1;
    const batch = this.pending.take();
    this.#worker.postMessage(batch satisfies ToWorker, [batch.bytes]);
  }

  stop(): Promise<number> {
    return this.#worker.terminate();
  }
}

/**
 * Simulates the members of `part` on `workers` threads (sent `job` by `takeWorker`): this
 * thread reads the input once and sends each worker its members' rows, a batch at a time; the
 * workers' results are merged, with the roster's `contributions` if any (see simulate.ts).
 */
export async function simulateOnWorkers(
  chunks: AsyncIterable<Buffer>,
  job: PartJob,
  policies: readonly Policy[],
  contributions: Simulation | undefined,
  started: readonly Worker[],
  refuse: (refusals: Refusal[]) => void,
  progress: (rows: number) => void,
): Promise<Simulation> {
  const workers = started.length;
  const shares = started.map((worker) => new Share(worker, refuse));
  try {
    // Worker k takes the members whose hash modulo (parts × workers) is part + parts × k: the
    // part's own members, split again. Rows that name no member go to the first worker, which refuses them.
    const { index, of } = job.part;
    const together = new Together();
    let share: Share | undefined;
    await feedRows(chunks, job.from, job.limits, {
      columns(columns) {
        for (const each of shares) each.post({ columns });
      },
      targetOf(id, line) {
        if (!isId(id)) return shares[0];
        if (together.starts(id, line)) {
          const hash = shardOf(id, of * workers);
          share = hash % of === index ? shares[(hash - index) / of] : undefined;
        }
        return share;
      },
      full: (target) => target.flush(),
      chunkRead(rows) {
        progress(rows);
        return true;
      },
    });
    for (const each of shares) {
      await each.flush();
      each.post({ end: true });
    }
    const parts = await Promise.all(shares.map((each) => each.done));
    return withContributions(contributions, parts);
  } finally {
    await Promise.all(shares.map((each) => each.stop()));
  }
}

/** Simulates the members of `part` in this thread, with the roster's `contributions` if any. */
export async function simulateHere(chunks: AsyncIterable<string>, job: PartJob, policies: readonly Policy[], contributions: Simulation | undefined, refuse: (refusals: Refusal[]) => void, progress: (rows: number) => void): Promise<Simulation> {
  return withContributions(contributions, [await simulatePart(chunks, job, policies, refuse, progress)]);
}

/** The parts merged, the roster's contributions (a simulation of no member) first when there is a roster: without one they would add nothing. */
export function withContributions(contributions: Simulation | undefined, parts: readonly Simulation[]): Simulation {
  return (contributions === undefined ? parts : [contributions, ...parts]).reduce(mergeSimulations);
}

/** A worker's part: the members of the rows it is sent, simulated; refusals and the result are posted back. */
export async function simulateSent(messages: AsyncIterable<ToWorker>, job: PartJob, policies: readonly Policy[], post: (message: WorkerMessage) => void): Promise<Simulation> {
  const simulation = new PartSimulation(policies, job.options, (list) => post({ refusals: list }));
  const reading = new Reading(job.from === 'csv');
  const members = new MemberRows(reading, (refusal) => post({ refusals: [refusal] }));
  for await (const message of messages) {
    if ('end' in message) break;
    if ('columns' in message) {
      reading.columns = message.columns as CsvColumn[];
      continue;
    }
    for (const raw of sentRows(message)) simulation.add(members.push(raw, reading.idOf(raw)));
    post({ taken: true });
  }
  simulation.add(members.end());
  return simulation.finish();
}
