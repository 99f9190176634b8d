// `huzhu simulate` in parts: each part reads the whole input and simulates only its members,
// chosen by a stable hash of their id, and the parts are merged. A part is what `--shard i/n`
// runs as a job of its own, and what each worker thread runs; nothing crosses between threads
// but the parts' results, and mergeSimulations is order-independent, so the result is the same
// for any number of workers or shards.
import { Worker } from 'node:worker_threads';
import { InvalidInputError, validate, type Issue } from '../_lib/errors';
import type { Policy } from '../_lib/policySchema';
import type { Simulation } from '../_lib/simulation';
import { mergeSimulations } from '../mergeSimulations';
import { simulateBook, type BookEntry, type SimulationOptions } from '../simulateBook';
import { UsageError } from './args';
import { readRecords, type InputFormat, type RawRecord, type ReadLimits } from './records';
import { recordFromCsv, recordSchema, type CsvRow } from './rows';
import { shardOf } from './shards';

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

/** The member id of a raw record, read without validating the record: to skip other parts' rows cheaply. */
function memberIdOf(raw: RawRecord, csv: boolean): unknown {
  if ('error' in raw) return undefined;
  if (csv) return (raw.value as CsvRow).memberId?.trim();
  return (raw.value as { member?: { id?: unknown } } | null)?.member?.id;
}

/**
 * The book of one part: consecutive rows of the same member id make one member, with every
 * distinct enrolment of those rows. Rows of a member must be together (a file sorted or
 * grouped by member): a member seen again after another is refused, since simulating them as
 * two members would settle their year wrongly. Every part checks this on every row, so that
 * the answer does not depend on the parts; it keeps each member id seen, a few dozen bytes each.
 * Rows that name no member are reported by the part with `orphans` set, the others by their member's part.
 */
export async function* membersOf(records: AsyncIterable<RawRecord>, csv: boolean, mine: (id: string) => boolean, orphans: boolean, refuse: (refusal: Refusal) => void): AsyncGenerator<Tagged> {
  const seen = new Set<string>();
  let currentId: string | undefined;
  let current: { enrolments: Map<string, unknown>; member: Record<string, unknown>; claims: unknown[]; lines: number[] } | undefined;
  const finish = (): Tagged | undefined => {
    if (current === undefined) return undefined;
    const member = { ...current.member, enrolments: [...current.enrolments.values()] };
    const tagged = { entry: { member, claims: current.claims } as unknown as BookEntry, lines: current.lines };
    current = undefined;
    return tagged;
  };
  for await (const raw of records) {
    const id = memberIdOf(raw, csv);
    if (typeof id === 'string' && id !== '' && id !== currentId) {
      const done = finish();
      if (done) yield done;
      if (seen.has(id)) throw new UsageError(`the rows of member "${id}" are not together (line ${raw.line}): sort or group the file by member id`);
      seen.add(id);
      currentId = id;
    }
    const ours = typeof id === 'string' && id !== '' ? mine(id) : orphans;
    if (!ours) continue;
    if ('error' in raw) {
      refuse({ line: raw.line, issue: { path: [], code: 'unreadable_record', message: raw.error } });
      continue;
    }
    let record: { member: unknown; claim: unknown };
    try {
      // A CSV row always makes a record of this shape, and the scheme plays no part here: the
      // member and the claim are checked by the simulation. Checking each row twice cost a tenth of the run.
      record = csv ? (recordFromCsv(raw.value as CsvRow) as typeof record) : validate(recordSchema, raw.value, []);
    } catch (error) {
      for (const issue of (error as InvalidInputError).issues) refuse({ line: raw.line, issue });
      continue;
    }
    const member = record.member as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || !Array.isArray(member.enrolments)) {
      refuse({ line: raw.line, issue: { path: ['member', 'id'], code: 'invalid_type', message: 'expected the member: an object with its id and enrolments' } });
      continue;
    }
    current ??= { enrolments: new Map(), member, claims: [], lines: [raw.line] };
    for (const enrolment of member.enrolments as unknown[]) current.enrolments.set(JSON.stringify(enrolment), enrolment);
    current.claims.push(record.claim);
    current.lines.push(raw.line);
  }
  const done = finish();
  if (done) yield done;
}

/** Each issue at the line of the row it is about: a claim's own row, the member's first row otherwise. */
function refusals(error: InvalidInputError, lines: readonly number[]): Refusal[] {
  return error.issues.map((issue) => {
    const [, , field, at, ...rest] = issue.path;
    if (field === 'claims' && typeof at === 'number') return { line: lines[at + 1] ?? lines[0]!, issue: { ...issue, path: ['claim', ...rest] } };
    return { line: lines[0]!, issue: { ...issue, path: issue.path.slice(2) } };
  });
}

/** What a part needs: where to read, which members, and how to sum up. */
export interface PartJob {
  readonly from: InputFormat;
  readonly limits: ReadLimits;
  readonly policies: string;
  readonly options: PartOptions;
  readonly part: Part;
  readonly orphans: boolean;
}

/** Simulates one part of the input in this thread; `progress` hears how many rows were read, for a progress bar. */
export function simulatePart(chunks: AsyncIterable<string>, job: PartJob, policies: readonly Policy[], refuse: (refusals: Refusal[]) => void, progress: (rows: number) => void = () => {}): Promise<Simulation> {
  const csv = job.from === 'csv';
  const mine = (id: string) => shardOf(id, job.part.of) === job.part.index;
  let lines: readonly number[] = [];
  let rows = 0;
  async function* records(): AsyncGenerator<RawRecord> {
    for await (const record of readRecords(chunks, job.from, job.limits)) {
      rows += 1;
      yield record;
    }
  }
  async function* entries(): AsyncGenerator<BookEntry> {
    for await (const member of membersOf(records(), csv, mine, job.orphans, (refusal) => refuse([refusal]))) {
      lines = member.lines;
      progress(rows);
      yield member.entry;
    }
  }
  return simulateBook(entries(), policies, { ...job.options, onInvalid: (error) => refuse(refusals(error, lines)) });
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * A worker: the bundle's `simulate-worker.js` beside `cli.js`; from source (tests, `npx tsx`),
 * a stub that registers tsx in the worker and then loads `simulateWorker.ts`.
 */
function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./simulate-worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./simulateWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData });
}

/** A message from a worker. */
export type WorkerMessage = { refusals: Refusal[] } | { bytes: number; rows: number } | { result: string } | { usage: string };

/** Runs one part on a worker thread that reads `file` itself. */
function onWorker(file: string, job: PartJob, refuse: (refusals: Refusal[]) => void, progress: Progress): { done: Promise<Simulation>; stop(): Promise<number> } {
  const worker = startWorker({ file, job });
  const done = new Promise<Simulation>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('refusals' in message) refuse(message.refusals);
      else if ('bytes' in message) progress(message.bytes, message.rows);
      else if ('usage' in message) reject(new UsageError(message.usage));
      else resolve(JSON.parse(message.result) as Simulation);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a simulation worker stopped with exit code ${code}`)));
  });
  return { done, stop: () => worker.terminate() };
}

/** Bytes and rows of the input read so far (by the first worker, when there are several). */
export type Progress = (bytes: number, rows: number) => void;

/**
 * Simulates the file's members of `part` on `workers` threads, each reading the file and
 * taking its share of the part, and merges the shares. The roster is assessed here, once, as a
 * share of its own: contributions add up like the rest.
 */
export async function simulateFile(
  file: string,
  job: Omit<PartJob, 'orphans'>,
  policies: readonly Policy[],
  roster: SimulationOptions['roster'],
  workers: number,
  refuse: (refusals: Refusal[]) => void,
  progress: Progress,
): Promise<Simulation> {
  const contributions = simulateBook([], policies, { ...job.options, ...(roster && { roster }) });
  // Worker k takes the members whose hash modulo (parts × workers) is part + parts × k: the
  // part's own members, split again.
  const of = job.part.of * workers;
  const shares = Array.from({ length: workers }, (_, k) => onWorker(file, { ...job, part: { index: job.part.index + job.part.of * k, of }, orphans: k === 0 }, refuse, k === 0 ? progress : () => {}));
  try {
    const parts = await Promise.all(shares.map((share) => share.done));
    return parts.reduce(mergeSimulations, contributions);
  } finally {
    await Promise.all(shares.map((share) => share.stop()));
  }
}

/** Simulates the members of `part` from a stream read in this thread: standard input, or one worker. */
export async function simulateHere(chunks: AsyncIterable<string>, job: Omit<PartJob, 'orphans'>, policies: readonly Policy[], roster: SimulationOptions['roster'], refuse: (refusals: Refusal[]) => void, progress: (rows: number) => void): Promise<Simulation> {
  const contributions = simulateBook([], policies, { ...job.options, ...(roster && { roster }) });
  return mergeSimulations(contributions, await simulatePart(chunks, { ...job, orphans: true }, policies, refuse, progress));
}
