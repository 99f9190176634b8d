// `huzhu evaluate` and `explain` on workers that read the file themselves, as simulate's do
// (see simulateRanges.ts): a file of lines is cut into byte ranges, a range a worker; each
// worker reads, settles and renders its range as one thread reads the whole file, with the
// file's own line numbers, and writes its outputs, in order, to a temporary file that this
// thread then copies out, range after range. No row crosses between threads.
//
// A member's ledger lives in one worker only if all the member's rows are in its range. Each
// worker writes the ledger keys it met to a file; when a key of one range may be in an earlier
// range (a Bloom filter of those, made here once the workers are gone), or a worker fails, the
// ranges' work is thrown away and the input is settled by routing its rows instead, which
// carries every ledger and reports any failure as it always has: the output is the same byte
// for byte either way.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { PolicyRegistry } from '../createRegistry';
import type { OutcomeWriter } from './output';
import { startWorker, type Job } from './pool';
import type { InputFormat, ReadLimits } from './records';
import { numbered, settleInOrder } from './settle';
import type { Range } from './simulateRanges';
import { KeyFilter, LineWriter, readLines, TempDir } from './spill';

/** What a range's worker is told besides the job. */
export interface RangeJob {
  readonly file: string;
  /** A folder the main thread made for the range's outputs and keys: they outlive the worker. */
  readonly dir: string;
  readonly range: Range;
  readonly from: InputFormat;
  readonly limits: ReadLimits;
}

/** A range settled: its outputs and ledger keys on disk, and its counts. */
interface RangeEnd {
  /** The outputs, each but the first after the writer's separator between rows. */
  readonly output: string;
  readonly keys: string;
  readonly rows: number;
  readonly failed: number;
}

/** A message from a range's worker. */
export type RangeMessage = { tempDir: string } | { read: { bytes: number; rows: number } } | { end: RangeEnd } | { failure: string };

const PROGRESS_BYTES = 1 << 20;

/** In a worker: settles its range of the file, posting its temporary folders, progress and end. */
export async function evaluateRange(job: RangeJob, registry: PolicyRegistry, writer: OutcomeWriter, limit: number, post: (message: RangeMessage) => void): Promise<void> {
  const openTempDir = () => {
    const dir = new TempDir();
    post({ tempDir: dir.path });
    return dir;
  };
  const output = new LineWriter(join(job.dir, 'output'));
  const keys = new LineWriter(join(job.dir, 'keys'));
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
  let failed = 0;
  let posted = 0;
  try {
    for await (const outputs of settleInOrder(numbered(chunks(), job.from, job.limits, range.lines), registry, job.from === 'csv', writer.row, { limit, openTempDir, keyed, figures: writer.figures })) {
      for (const written of outputs) {
        output.append(rows === 0 ? written.text : writer.separator[1] + written.text);
        rows += 1;
        if (written.failed) failed += 1;
      }
      // A message a megabyte is enough for a progress bar; one a batch was 1.5 % of a worker's profile.
      if (stream.bytesRead - posted >= PROGRESS_BYTES) post({ read: { bytes: (posted = stream.bytesRead), rows } });
    }
  } finally {
    stream.destroy();
  }
  output.close();
  keys.close();
  post({ end: { output: output.path, keys: keys.path, rows, failed } });
}

/** Whether a ledger key of one range may also be met in an earlier one. */
function shared(ends: readonly RangeEnd[]): boolean {
  const earlier = new KeyFilter();
  for (const [i, end] of ends.entries()) {
    if (i > 0) for (const key of readLines(end.keys)) if (earlier.mayHave(key)) return true;
    for (const key of readLines(end.keys)) earlier.add(key);
  }
  return false;
}

/** Ranges settled, in file order, with their counts; or undefined when the input must be routed instead. */
export interface Settled {
  readonly outputs: readonly string[];
  /** The rows of each range. */
  readonly counts: readonly number[];
  readonly failed: number;
  /** Removes the temporary files. */
  remove(): void;
}

/**
 * Settles `file` on a worker a range; `progress` hears the bytes and rows read in all. Gives
 * undefined when the ranges' outputs cannot stand for the whole (see the top of this file).
 */
export async function evaluateRanges(file: string, ranges: readonly Range[], job: Job, from: InputFormat, limits: ReadLimits, progress: (bytes: number, rows: number) => void): Promise<Settled | undefined> {
  const dirs: TempDir[] = [];
  const remove = () => {
    for (const dir of dirs.splice(0)) dir.remove();
  };
  const read = ranges.map(() => ({ bytes: 0, rows: 0 }));
  const workers: Worker[] = [];
  try {
    for (const range of ranges) {
      const dir = new TempDir();
      dirs.push(dir);
      workers.push(startWorker(job, { file, dir: dir.path, range, from, limits }));
    }
    const ends = await Promise.all(
      workers.map(
        (worker, i) =>
          new Promise<RangeEnd | undefined>((resolve) => {
            worker.on('message', (message: RangeMessage) => {
              if ('tempDir' in message) dirs.push(new TempDir(message.tempDir));
              else if ('read' in message) {
                read[i] = message.read;
                progress(
                  read.reduce((sum, each) => sum + each.bytes, 0),
                  read.reduce((sum, each) => sum + each.rows, 0),
                );
              } else resolve('end' in message ? message.end : undefined);
            });
            worker.on('error', () => resolve(undefined));
            worker.on('exit', () => resolve(undefined));
          }),
      ),
    );
    // Their memory goes before the check takes its own.
    await Promise.all(workers.map((worker) => worker.terminate()));
    if (ends.some((end) => end === undefined) || shared(ends as RangeEnd[])) {
      remove();
      return undefined;
    }
    const settled = ends as RangeEnd[];
    return {
      outputs: settled.map((end) => end.output),
      counts: settled.map((end) => end.rows),
      failed: settled.reduce((sum, end) => sum + end.failed, 0),
      remove,
    };
  } catch {
    // A temporary folder that cannot be made, say: the routing run meets it again and says so.
    remove();
    return undefined;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
