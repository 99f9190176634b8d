// `huzhu simulate` on threads that read the file themselves. A file of lines (a CSV without a
// quote, NDJSON) is cut into byte ranges, each starting at the first row of a member, several a
// thread; this thread and the workers each take the next range not yet taken, and read, parse
// and simulate it as the one-thread reader reads the whole file, with the file's own line
// numbers; this thread merges the results. The main thread then costs a pass over the file's
// bytes, not the routing of every row, and settles as a worker does. What no range can check
// alone, that each member's rows are together, is checked here from the member ids each range
// held, with the line the one-thread reader would name.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { Policy } from '../_lib/policySchema';
import type { Simulation } from '../_lib/simulation';
import { CsvFieldsReader } from './records';
import { isId, MembersApart, PartSimulation, partReader, readPart, Reading, Together, withContributions, type PartJob, type Refusal, type ToSimulationWorker } from './simulatePool';

/**
 * A worker's share of the file: bytes `start` to `end`, read after `lead` (the file's lines up
 * to its CSV header, so that the range's rows are read as the header says), with `lines` added
 * to every line the range's reader counts.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
  readonly lead: string;
  readonly lines: number;
}

const LF = 0x0a;
const QUOTE = 0x22;
/** A line looked at while cutting the file is no longer than this: a longer one leaves the file to the routing reader. */
const LONGEST_LINE = 1 << 20;
/** The pass over the whole file reads this much at a time. */
const BLOCK = 1 << 22;

/** Lines of a file read by position, a window of bytes at a time. */
class FileLines {
  #buffer = Buffer.allocUnsafe(1 << 16);
  #from = 0;
  #length = 0;

  constructor(
    readonly fd: number,
    readonly size: number,
  ) {}

  /** The line from byte `start` (with its line feed, if any) and where the next starts; undefined when too long. */
  line(start: number): { bytes: Buffer; next: number } | undefined {
    for (let want = 1 << 16; want <= 2 * LONGEST_LINE; want *= 2) {
      const window = this.#window(start, want);
      const lf = window.indexOf(LF);
      if (lf !== -1) return { bytes: window.subarray(0, lf + 1), next: start + lf + 1 };
      if (start + window.length >= this.size) return { bytes: window, next: this.size };
    }
    return undefined;
  }

  /** The bytes from `start`: at least `want` of them, unless the file ends first. */
  #window(start: number, want: number): Buffer {
    const end = Math.min(start + want, this.size);
    if (start < this.#from || end > this.#from + this.#length) {
      if (this.#buffer.length < want) this.#buffer = Buffer.allocUnsafe(want);
      this.#from = start;
      this.#length = readAt(this.fd, this.#buffer.subarray(0, end - start), start);
    }
    return this.#buffer.subarray(start - this.#from, this.#length);
  }
}

/** Fills `buffer` from byte `position` of the file, or up to its end; returns the bytes read. */
function readAt(fd: number, buffer: Buffer, position: number): number {
  let length = 0;
  for (let got = -1; got !== 0 && length < buffer.length; length += got) got = readSync(fd, buffer, length, buffer.length - length, position + length);
  return length;
}

/**
 * The byte ranges of `file` for `parts` workers, or undefined when the file must be read whole
 * in one thread and routed: not a regular file, a JSON array, a CSV with a quote anywhere (a
 * quoted field may hold a line break, so a line need not start a record), a line too long to
 * look at, or a CSV header the reader refuses (the routing reader says why). Each range but the
 * first starts at a row whose member id differs from the last id before it; fewer ranges than
 * parts when the members are too few. The ranges are of about one size, or with `shrinking`,
 * each smaller than the one before, the last few a small part of the average: threads that
 * take the next range in turn (settleRanges) then end their last ones close together.
 */
export function planRanges(file: string, job: Pick<PartJob, 'from' | 'limits'>, parts: number, { shrinking = false } = {}): Range[] | undefined {
  if (job.from === 'json') return undefined;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? plan(new FileLines(fd, stats.size), job, parts, shrinking) : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the k-th of `parts` cuts falls, as a share of the file. Shrinking, the share read by the
 * first k ranges is 1 − (1 − k/parts)²: the first range twice the average, the last 1/parts of it.
 */
const cutAt = (k: number, parts: number, shrinking: boolean) => (shrinking ? 1 - ((parts - k) / parts) ** 2 : k / parts);

function plan(file: FileLines, job: Pick<PartJob, 'from' | 'limits'>, parts: number, shrinking: boolean): Range[] | undefined {
  const csv = job.from === 'csv';
  const { size } = file;
  // What every range but the first is read after: the CSV's lines up to its header; for NDJSON
  // a blank line, so that the range's first line is not taken for the file's first (a BOM there).
  let lead = '\n';
  let leadLines = 1;
  let body = 0;
  if (csv) {
    lead = '';
    leadLines = 0;
    const header = new CsvFieldsReader(job.limits);
    while (header.columns === undefined) {
      const line = file.line(body);
      if (line === undefined || line.next === size || line.bytes.includes(QUOTE)) return undefined;
      const text = line.bytes.toString('utf8');
      try {
        header.push(text);
      } catch {
        return undefined;
      }
      lead += text;
      leadLines += 1;
      body = line.next;
    }
  }

  // A member id as the ranges' readers read it, one line at a time: a line without quotes is a record.
  const reading = new Reading(csv);
  const reader = partReader(job, reading);
  reader.push(lead);
  const idOf = (text: string): string | undefined => {
    for (const record of reader.push(text)) {
      const id = reading.idOf(record);
      if (isId(id)) return id;
    }
    return undefined;
  };

  const splits: number[] = [];
  let from = body;
  for (let k = 1; k < parts; k += 1) {
    const nominal = body + Math.floor((size - body) * cutAt(k, parts, shrinking));
    let at = from;
    if (nominal > from) {
      const before = file.line(nominal - 1);
      if (before === undefined) return undefined;
      at = before.next;
    }
    // On to the first row of a member other than the first one met.
    let first: string | undefined;
    let split: number | undefined;
    while (split === undefined && at < size) {
      const line = file.line(at);
      if (line === undefined || (csv && line.bytes.includes(QUOTE))) return undefined;
      const id = idOf(line.bytes.toString('utf8'));
      if (id !== undefined && first !== undefined && id !== first) split = at;
      first ??= id;
      at = line.next;
    }
    if (split === undefined) break;
    splits.push(split);
    from = split;
  }

  // One pass over the bytes: a CSV with a quote anywhere is left to the routing reader, and the
  // line each range starts on is counted.
  const starts = [0, ...splits];
  const firstLines = [1];
  const buffer = Buffer.allocUnsafe(BLOCK);
  let lines = 0;
  for (let position = 0; position < size; ) {
    const block = buffer.subarray(0, readAt(file.fd, buffer.subarray(0, Math.min(BLOCK, size - position)), position));
    // A file cut shorter meanwhile: the routing reader reads what there is.
    if (block.length === 0 || (csv && block.includes(QUOTE))) return undefined;
    for (let lf = block.indexOf(LF); lf !== -1; lf = block.indexOf(LF, lf + 1)) {
      if (starts[firstLines.length] === position + lf + 1) firstLines.push(lines + 2);
      lines += 1;
    }
    position += block.length;
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size, lead: i === 0 ? '' : lead, lines: i === 0 ? 0 : firstLines[i]! - leadLines - 1 }));
}

/**
 * The ranges every thread that settles them shares: the file, its ranges, and in shared memory
 * the index of the next range not yet taken.
 */
export interface RangeWork {
  readonly file: string;
  readonly ranges: readonly Range[];
  readonly next: SharedArrayBuffer;
}

/** The ranges of `file`, none taken yet. */
export function rangeWork(file: string, ranges: readonly Range[]): RangeWork {
  return { file, ranges, next: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT) };
}

/** A row of member `id`, at `line` of the file. */
interface MemberRow {
  readonly id: string;
  readonly line: number;
}

/**
 * The members of the ranges read, each with the line of its first row, and the first row in the
 * file of a member whose rows are apart, if any: within a range, as its reader found it (the
 * thread's result is then of no use), or a member met again in another range. Lines are the
 * file's, so the ranges add up in any order: each as its thread ends it, while the others read,
 * rather than all at the end.
 */
export class RangeMembers {
  readonly lines = new Map<string, number>();
  apart: MemberRow | undefined;

  /** Adds the members of a range and the first row found apart within it, if any. */
  add(lines: ReadonlyMap<string, number>, apart: MemberRow | undefined): void {
    if (apart !== undefined) this.#found(apart.id, apart.line);
    for (const [id, line] of lines) {
      const known = this.lines.get(id);
      if (known === undefined) this.lines.set(id, line);
      else {
        // Of a member's rows met in two ranges, the later is apart.
        if (line < known) this.lines.set(id, line);
        this.#found(id, Math.max(line, known));
      }
    }
  }

  #found(id: string, line: number): void {
    if (this.apart === undefined || line < this.apart.line) this.apart = { id, line };
  }
}

/** What a thread hears of a range it has read to its end: its members, and the first row found apart within it. */
export type RangeEnded = (lines: Map<string, number>, apart: MemberRow | undefined) => void;

/** A message from a worker taking ranges: refused rows, how far it has read in all, a range ended, or its end (the simulation as JSON). */
export type RangeMessage = { refusals: Refusal[] } | { read: { bytes: number; rows: number } } | { lines: Map<string, number>; apart: MemberRow | undefined } | { result: string };

/**
 * Takes the ranges of `work` one at a time, the next one no thread has taken, until none is
 * left, and reads each into one simulation, with the file's own line numbers. Threads that
 * start late or run slowly take fewer ranges, so all of them finish at about the same time.
 * `progress` hears the bytes and rows this thread has read in all, `ended` each range's members.
 */
export async function settleRanges(
  work: RangeWork,
  job: PartJob,
  policies: readonly Policy[],
  refuse: (refusals: Refusal[]) => void,
  progress: (bytes: number, rows: number) => void,
  ended: RangeEnded,
): Promise<Simulation> {
  const next = new Int32Array(work.next);
  const simulation = new PartSimulation(policies, job.options, refuse);
  let bytes = 0;
  let rows = 0;
  for (let index = Atomics.add(next, 0, 1); index < work.ranges.length; index = Atomics.add(next, 0, 1)) {
    const range = work.ranges[index]!;
    const stream = createReadStream(work.file, { start: range.start, end: range.end - 1, encoding: 'utf8' });
    async function* chunks(): AsyncGenerator<string> {
      if (range.lead !== '') yield range.lead;
      yield* stream as AsyncIterable<string>;
    }
    const together = new Together();
    let read = 0;
    const tell = (count: number) => progress(bytes + stream.bytesRead, rows + (read = count));
    try {
      await readPart(chunks(), job, simulation, refuse, tell, { lines: range.lines, together });
      ended(together.seen, undefined);
    } catch (error) {
      if (!(error instanceof MembersApart)) throw error;
      ended(together.seen, { id: error.id, line: error.line });
    } finally {
      stream.destroy();
    }
    bytes += range.end - range.start;
    rows += read;
  }
  return simulation.finish();
}

/** Leaves the ranges not yet taken to no one: a run that has failed stops at the end of the ranges being read. */
function stopTaking(work: RangeWork): void {
  Atomics.store(new Int32Array(work.next), 0, work.ranges.length);
}

/**
 * Simulates the ranges of `work` on this thread and on `workers` (sent `job` by `takeWorker`,
 * and told here to take ranges), each taking the next range as it is done with
 * one; the results are merged, with the roster's `contributions` if any (see simulate.ts). `progress`
 * hears the bytes and rows read in all.
 */
export async function simulateRanges(
  work: RangeWork,
  workers: readonly Worker[],
  job: PartJob,
  policies: readonly Policy[],
  contributions: Simulation | undefined,
  refuse: (refusals: Refusal[]) => void,
  progress: (bytes: number, rows: number) => void,
): Promise<Simulation> {
  const members = new RangeMembers();
  const read = [undefined, ...workers].map(() => ({ bytes: 0, rows: 0 }));
  const tell = (thread: number, bytes: number, rows: number) => {
    read[thread] = { bytes, rows };
    progress(
      read.reduce((sum, each) => sum + each.bytes, 0),
      read.reduce((sum, each) => sum + each.rows, 0),
    );
  };
  const theirs = workers.map((worker, i) => {
    const taken = new Promise<Simulation>((resolve, reject) => {
      worker.on('message', (message: RangeMessage) => {
        if ('refusals' in message) refuse(message.refusals);
        else if ('read' in message) tell(i + 1, message.read.bytes, message.read.rows);
        else if ('lines' in message) members.add(message.lines, message.apart);
        else resolve(JSON.parse(message.result) as Simulation);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a simulation worker stopped with exit code ${code}`)));
    });
    worker.postMessage({ work } satisfies ToSimulationWorker);
    return taken;
  });
  // This thread settles ranges too: N threads settle with N − 1 workers started.
  const ours = settleRanges(
    work,
    job,
    policies,
    refuse,
    (bytes, rows) => tell(0, bytes, rows),
    (lines, apart) => members.add(lines, apart),
  );
  let parts: Simulation[];
  try {
    parts = await Promise.all([ours, ...theirs]);
  } catch (error) {
    stopTaking(work);
    // This thread's own reading ends before the run fails, so that nothing is left reading.
    await ours.catch(() => undefined);
    throw error;
  }
  if (members.apart !== undefined) throw new MembersApart(members.apart.id, members.apart.line);
  return withContributions(contributions, parts);
}
