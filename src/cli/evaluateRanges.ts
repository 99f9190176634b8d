// `huzhu evaluate` and `explain` on threads that read the file themselves, as simulate's do
// (see simulateRanges.ts): a file of lines is cut into byte ranges, a range a thread; each
// thread reads, settles and renders its range as one thread reads the whole file, with the
// file's own line numbers. No row crosses between threads. The main thread settles the first
// range and writes it straight to stdout (it comes first anyway); a worker a later range writes
// its outputs, in order, to a temporary file that the main thread then copies out, range after
// range. N threads thus start N - 1 workers, and the main thread is not idle meanwhile.
//
// A member's ledger lives in one thread only if all the member's rows are in its range. Each
// thread writes the ledger keys it met to a file; when a key of one range may be in an earlier
// range (a Bloom filter of those, made here once the workers are gone), or a worker fails, the
// later ranges' work is thrown away and the input is settled by routing its rows instead,
// which carries every ledger and reports any failure as it always has; its outputs for the
// rows of the first range, already written, are skipped. The output is the same byte for byte
// either way: the first range is the file's beginning, and a row's output depends only on the
// rows before it.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { PolicyRegistry } from '../createRegistry';
import type { OutcomeWriter } from './output';
import type { InputFormat, ReadLimits } from './records';
import { numbered, settleInOrder, type Written } from './settle';
import type { Range } from './simulateRanges';
import { KeyFilter, LineWriter, readLines, TempDir } from './spill';

/** What a range's thread is told besides the job. */
export interface RangeJob {
  readonly file: string;
  /** A folder the main thread made for the range's outputs and keys: they outlive the worker. */
  readonly dir: string;
  readonly range: Range;
  readonly from: InputFormat;
  readonly limits: ReadLimits;
}

/** A range settled: its counts. A worker's outputs, and every range's ledger keys, are files in its folder. */
export interface RangeEnd {
  readonly rows: number;
  readonly failed: number;
}

/** The outputs of a worker's range, each but the first after the writer's separator between rows. */
const outputFile = (job: RangeJob) => join(job.dir, 'output');
const keysFile = (job: RangeJob) => join(job.dir, 'keys');

/** The first message to a worker that settles a range (it settles the rows it is sent otherwise). */
export interface ToRangeWorker {
  readonly range: RangeJob;
}

/** A message from a range's worker. */
export type RangeMessage = { tempDir: string } | { read: { bytes: number; rows: number } } | { end: RangeEnd } | { failure: string };

const PROGRESS_BYTES = 1 << 20;

/**
 * A range's outputs in input order, a batch at a time, as `settleInOrder` gives them; the
 * ledger keys met go to the range's keys file. `read` hears the bytes read and the rows
 * settled, about once a megabyte.
 */
export async function* rangeOutputs(
  job: RangeJob,
  registry: PolicyRegistry,
  writer: OutcomeWriter,
  limit: number,
  openTempDir: () => TempDir,
  read: (bytes: number, rows: number) => void,
): AsyncGenerator<Written[]> {
  const keys = new LineWriter(keysFile(job));
  let last: string | undefined;
  const keyed = (key: string) => {
    if (key !== last) keys.write(key);
    last = key;
  };
  const { range } = job;
  const stream = createReadStream(job.file, { start: range.start, end: range.end - 1, encoding: 'utf8' });
  async function* chunks(): AsyncGenerator<string> {
    if (range.lead !== '') yield range.lead;
    yield* stream as AsyncIterable<string>;
  }
  let rows = 0;
  let posted = 0;
  try {
    for await (const outputs of settleInOrder(numbered(chunks(), job.from, job.limits, range.lines), registry, job.from === 'csv', writer.row, { limit, openTempDir, keyed, figures: writer.figures })) {
      rows += outputs.length;
      // A message a megabyte is enough for a progress bar; one a batch was 1.5 % of a worker's profile.
      if (stream.bytesRead - posted >= PROGRESS_BYTES) read((posted = stream.bytesRead), rows);
      yield outputs;
    }
  } finally {
    stream.destroy();
    keys.close();
  }
}

/** In a worker: settles its range into its output file, posting its temporary folders, progress and end. */
export async function evaluateRange(job: RangeJob, registry: PolicyRegistry, writer: OutcomeWriter, limit: number, post: (message: RangeMessage) => void): Promise<void> {
  const openTempDir = () => {
    const dir = new TempDir();
    post({ tempDir: dir.path });
    return dir;
  };
  const output = new LineWriter(outputFile(job));
  let rows = 0;
  let failed = 0;
  for await (const outputs of rangeOutputs(job, registry, writer, limit, openTempDir, (bytes, rows) => post({ read: { bytes, rows } }))) {
    // A batch's text in one piece: encoding a row at a time cost more than the rows' strings.
    let text = '';
    for (const written of outputs) {
      text += rows === 0 ? written.text : writer.separator[1] + written.text;
      rows += 1;
      if (written.failed) failed += 1;
    }
    output.append(text);
  }
  output.close();
  post({ end: { rows, failed } });
}

/** Whether a ledger key of one range may also be met in an earlier one. */
function shared(keys: readonly string[]): boolean {
  const earlier = new KeyFilter();
  for (const [i, file] of keys.entries()) {
    if (i > 0) for (const key of readLines(file)) if (earlier.mayHave(key)) return true;
    for (const key of readLines(file)) earlier.add(key);
  }
  return false;
}

/** The ranges after the first, settled, in file order, with their counts. */
export interface Settled {
  readonly outputs: readonly string[];
  /** The rows of each range. */
  readonly counts: readonly number[];
  readonly failed: number;
}

/** The workers of every range but the first, which the main thread settles meanwhile as {@link first}. */
export interface LaterRanges {
  readonly first: RangeJob;
  /** The first range's progress, added to the workers' for `progress`. */
  readFirst(bytes: number, rows: number): void;
  /**
   * Once the first range is settled: the later ranges, or undefined when the input must be
   * routed instead (see the top of this file).
   */
  settled(): Promise<Settled | undefined>;
  /** Stops the workers and removes the temporary files. */
  stop(): Promise<void>;
}

/**
 * Sends each range of `file` but the first to a worker of `started` (started with `startWorker`
 * and told nothing yet, one a later range); `progress` hears the bytes and rows read in all.
 * Undefined when a temporary folder cannot be made, the workers still untold: the routing run
 * meets that again and says so.
 */
export function startLaterRanges(file: string, ranges: readonly Range[], started: readonly Worker[], from: InputFormat, limits: ReadLimits, progress: (bytes: number, rows: number) => void): LaterRanges | undefined {
  const dirs: TempDir[] = [];
  const remove = () => {
    for (const dir of dirs.splice(0)) dir.remove();
  };
  let jobs: RangeJob[];
  try {
    jobs = ranges.map((range) => {
      const dir = new TempDir();
      dirs.push(dir);
      return { file, dir: dir.path, range, from, limits };
    });
  } catch {
    remove();
    return undefined;
  }
  const read = ranges.map(() => ({ bytes: 0, rows: 0 }));
  const update = (i: number, bytes: number, rows: number) => {
    read[i] = { bytes, rows };
    progress(
      read.reduce((sum, each) => sum + each.bytes, 0),
      read.reduce((sum, each) => sum + each.rows, 0),
    );
  };
  const workers = started.slice(0, jobs.length - 1);
  workers.forEach((worker, i) => worker.postMessage({ range: jobs[i + 1]! } satisfies ToRangeWorker));
  const ends = workers.map(
    (worker, i) =>
      new Promise<RangeEnd | undefined>((resolve) => {
        worker.on('message', (message: RangeMessage) => {
          if ('tempDir' in message) dirs.push(new TempDir(message.tempDir));
          else if ('read' in message) update(i + 1, message.read.bytes, message.read.rows);
          else resolve('end' in message ? message.end : undefined);
        });
        worker.on('error', () => resolve(undefined));
        worker.on('exit', () => resolve(undefined));
      }),
  );
  return {
    first: jobs[0]!,
    readFirst: (bytes, rows) => update(0, bytes, rows),
    async settled() {
      const later = await Promise.all(ends);
      // Their memory goes before the check takes its own.
      await Promise.all(workers.map((worker) => worker.terminate()));
      try {
        if (later.some((end) => end === undefined) || shared(jobs.map(keysFile))) return undefined;
      } catch {
        // A keys file that cannot be read: routing carries every ledger without it.
        return undefined;
      }
      const settled = later as RangeEnd[];
      return { outputs: jobs.slice(1).map(outputFile), counts: settled.map((end) => end.rows), failed: settled.reduce((sum, end) => sum + end.failed, 0) };
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
      remove();
    },
  };
}
