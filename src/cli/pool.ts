import { Worker, type MessagePort } from 'node:worker_threads';
import { feedRows, RowBatch, type SentBatch, type SentRow } from './feed';
import type { Rendering } from './output';
import { csvRecord, type InputFormat, type ReadLimits } from './records';
import type { CsvColumn } from './rows';
import { bySeq, inBatches, WRITTEN, type Sequenced, type Written } from './settle';
import { decoded, LineWriter, mergeSorted, readLines, TempDir } from './spill';
import { shardOf } from './shards';

/** What every worker is told once: plain data, as a worker thread takes it. */
export interface Job {
  readonly csv: boolean;
  /** The `--policy` files, which each worker reads again into its registry. */
  readonly policies: readonly string[];
  readonly rendering: Rendering;
  /** The ledgers each worker keeps in memory: its share of HUZHU_LEDGERS_IN_MEMORY. */
  readonly limit: number;
  /** The largest record read (`--max-field-size`). */
  readonly maxRecordBytes: number;
}

/** A CSV row sent as its fields, keyed by column as `settleInOrder` reads it. */
export function keyedRow(row: SentRow, columns: readonly CsvColumn[]): Sequenced {
  return 'csv' in row ? { seq: row.seq, ...csvRecord(columns, { line: row.line, fields: row.value }) } : row;
}

/** Outputs as a worker sends them: each row's text one after another, ending at `ends`. */
export interface Outputs {
  readonly seqs: Float64Array;
  readonly lines: Float64Array;
  readonly failed: Uint8Array;
  readonly ends: Uint32Array;
  readonly text: string;
}

export function packOutputs(outputs: readonly Written[]): Outputs {
  const packed = { seqs: new Float64Array(outputs.length), lines: new Float64Array(outputs.length), failed: new Uint8Array(outputs.length), ends: new Uint32Array(outputs.length) };
  let text = '';
  outputs.forEach((output, i) => {
    packed.seqs[i] = output.seq;
    packed.lines[i] = output.line;
    packed.failed[i] = output.failed ? 1 : 0;
    text += output.text;
    packed.ends[i] = text.length;
  });
  return { ...packed, text };
}

function* unpackOutputs({ seqs, lines, failed, ends, text }: Outputs): Generator<Written> {
  for (let i = 0; i < seqs.length; i += 1) yield { seq: seqs[i]!, line: lines[i]!, failed: failed[i] === 1, text: text.slice(i === 0 ? 0 : ends[i - 1], ends[i]) };
}

/** Messages to a worker, and from it. */
export type ToWorker = { readonly columns: readonly string[] } | SentBatch | { readonly end: true };
export type FromWorker =
  | { readonly tempDir: string }
  | { readonly outputs: Outputs; readonly consumed: number }
  | { readonly done: true }
  | { readonly failure: { readonly message: string; readonly stack?: string; readonly code?: unknown } };

/** Batches sent to a worker and not yet settled. */
const IN_FLIGHT = 4;
/** Rows of a worker settled but not yet written (they wait for an earlier row of another worker). */
const WAITING = 8000;

/**
 * A worker running the bundle's `cli-worker.js`, beside `cli.js`; from source (the tests, `npm
 * run huzhu`), `worker.ts` through tsx, which it registers itself: Node 20 runs no `--import`
 * in a worker. Its first message says what it does: settle a range of the file it reads itself
 * (`{ range }`), or the rows it is sent. `ranges` says which it is likely to be, for its heap.
 */
export function startWorker(job: Job, ranges = false): Worker {
  // V8 grows an idle heap lazily, and each worker has its own: bounded, each collects its
  // garbage sooner, with room for a few records of the largest size read.
  // A worker reading its own range makes short-lived objects as fast as the main thread does its
  // range: the young generation the main thread has by default (16 MB semi-spaces) saves it
  // collecting them three times as often, as it did with 16 MB, and finishing its range 5–15 %
  // after the main thread (2026-12-07, docs/benchmarks.md); 64 MB, as simulate's, brought the
  // old generation's bound into play and cost more than it saved.
  const resourceLimits = { maxOldGenerationSizeMb: 80 + Math.ceil((8 * job.maxRecordBytes) / 2 ** 20), maxYoungGenerationSizeMb: ranges ? 48 : 8 };
  const workerData = { job } satisfies WorkerData;
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./cli-worker.js', import.meta.url), { workerData, resourceLimits });
  const [api, script] = [import.meta.resolve('tsx/esm/api'), new URL('./worker.ts', import.meta.url).href].map((url) => JSON.stringify(url));
  return new Worker(`import(${api}).then(({ register }) => { register(); return import(${script}); });`, { eval: true, workerData, resourceLimits });
}

/** What a worker starts with. */
export interface WorkerData {
  readonly job: Job;
}

/** A worker's messages, in order, as they arrive. */
export async function* messages<T>(port: MessagePort): AsyncGenerator<T> {
  const inbox: T[] = [];
  let arrived: (() => void) | undefined;
  port.on('message', (message: T) => {
    inbox.push(message);
    arrived?.();
  });
  for (;;) {
    while (inbox.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
    yield inbox.shift()!;
  }
}

class Share {
  /** Rows read for this worker and not yet sent. */
  readonly pending = new RowBatch();
  /** How many rows each batch sent and not yet settled holds. */
  readonly inFlight: number[] = [];
  /** Outputs received and not yet written, oldest first from `head`. */
  queue: Written[] = [];
  head = 0;
  done = false;
  /** Its outputs on disk, once any worker holds rows back. */
  file?: LineWriter;

  constructor(readonly worker: Worker) {}

  get waiting(): number {
    return this.queue.length - this.head;
  }
}

/**
 * Settles records on `count` worker threads and gives their outputs in input order, a batch at
 * a time. The main thread reads the input and sends each row to the worker of its member id, so
 * that a member's ledgers live in one worker and see the member's rows in file order; each
 * worker settles as `settleInOrder` does, with its share of the ledgers in memory.
 *
 * Memory stays bounded: a worker gets more rows only while it has few batches to settle and
 * few outputs waiting to be written. A worker that puts a row off holds every later output
 * until the end of the input; from then on every worker's outputs wait on disk, as one thread's
 * do, and are merged in input order at the end. `started` are workers already started and told
 * nothing yet; the others are started here.
 */
export async function* settleOnWorkers(chunks: AsyncIterable<Buffer>, format: InputFormat, limits: ReadLimits, job: Job, count: number, started: readonly Worker[] = []): AsyncGenerator<Written[]> {
  const shares = Array.from({ length: count }, (_, i) => new Share(started[i] ?? startWorker(job)));
  const dirs: TempDir[] = [];
  let disk: TempDir | undefined;
  let failure: unknown;
  let stopped = false;
  // The feeder and the writer each wait for news: a message, a failure, room for rows.
  let waiters: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const notify = () => {
    for (const resolve of waiters.splice(0)) resolve();
  };

  /** From the first row held back, every output goes to disk until the end. */
  const toDisk = () => {
    disk = new TempDir();
    for (const share of shares) {
      share.file = new LineWriter(disk.file());
      for (let i = share.head; i < share.queue.length; i += 1) share.file.write(WRITTEN.encode(share.queue[i]!));
      share.queue = [];
      share.head = 0;
    }
  };

  for (const share of shares) {
    share.worker.on('message', (message: FromWorker) => {
      try {
        if ('tempDir' in message) dirs.push(new TempDir(message.tempDir));
        else if ('done' in message) share.done = true;
        else if ('failure' in message) failure ??= Object.assign(new Error(message.failure.message), message.failure);
        else {
          const sent = share.inFlight.splice(0, message.consumed).reduce((sum, rows) => sum + rows, 0);
          if (disk === undefined && message.outputs.seqs.length < sent) toDisk();
          for (const output of unpackOutputs(message.outputs)) {
            if (share.file === undefined) share.queue.push(output);
            else share.file.write(WRITTEN.encode(output));
          }
        }
      } catch (error) {
        // A temporary file that cannot be made or written: the run stops, as in one thread.
        failure ??= error;
      }
      notify();
    });
    share.worker.on('error', (error) => ((failure ??= error), notify()));
    share.worker.on('exit', () => {
      failure ??= share.done ? undefined : new Error('a worker thread stopped unexpectedly');
      notify();
    });
  }

  const send = (share: Share) => {
    share.inFlight.push(share.pending.rows);
    const batch = share.pending.take();
    share.worker.postMessage(batch satisfies ToWorker, [batch.bytes]);
  };
  const canTake = (share: Share) => share.inFlight.length < IN_FLIGHT && (disk !== undefined || share.waiting < WAITING);
  /** Sends what each worker can take now; a row waits while its worker is busy. */
  const sendPending = () => {
    for (const share of shares) if (share.pending.rows > 0 && canTake(share)) send(share);
  };
  /** Sends a full batch, waiting for room; meanwhile the other workers get their rows, on which the writing may wait. */
  const sendFull = async (share: Share) => {
    while (!canTake(share)) {
      sendPending();
      if (stopped || failure !== undefined) return;
      await changed();
    }
    // The writer may have sent them meanwhile.
    if (share.pending.rows > 0) send(share);
  };

  const feed = async () => {
    await feedRows(chunks, format, limits, {
      columns(columns) {
        for (const share of shares) share.worker.postMessage({ columns } satisfies ToWorker);
      },
      // An unreadable record goes anywhere; rows of one member id to one worker.
      targetOf: (id, _line, seq) => shares[shardOf(id === undefined ? String(seq) : typeof id === 'string' ? id : String(JSON.stringify(id)), count)],
      full: sendFull,
      chunkRead() {
        sendPending();
        return !stopped;
      },
    });
    for (const share of shares) {
      if (share.pending.rows > 0) await sendFull(share);
      share.worker.postMessage({ end: true } satisfies ToWorker);
    }
  };

  const feeding = feed().then(
    () => notify(),
    (error: unknown) => ((failure ??= error), notify()),
  );
  try {
    let next = 1;
    for (;;) {
      if (failure !== undefined) throw failure;
      const ready: Written[] = [];
      if (disk === undefined) {
        // The next row is at the head of its worker's queue, once that worker has settled it.
        for (let found = true; found; ) {
          found = false;
          for (const share of shares) {
            const output = share.queue[share.head];
            if (output?.seq !== next) continue;
            ready.push(output);
            share.head += 1;
            next += 1;
            found = true;
          }
        }
        for (const share of shares) {
          // The rows written let go: a queue seldom empty would otherwise keep them all.
          if (share.head * 2 >= share.queue.length) (share.queue = share.queue.slice(share.head)), (share.head = 0);
        }
      }
      if (ready.length > 0) {
        sendPending();
        notify();
        yield ready;
        continue;
      }
      if (shares.every((share) => share.done)) break;
      await changed();
    }
    if (disk !== undefined) {
      const files = shares.map((share) => (share.file!.close(), share.file!.path));
      yield* inBatches(mergeSorted(files.map((file) => decoded(readLines(file), WRITTEN)), bySeq));
    }
    await feeding;
  } finally {
    stopped = true;
    notify();
    await Promise.all(shares.map((share) => share.worker.terminate()));
    for (const dir of [...dirs, ...(disk ? [disk] : [])]) dir.remove();
  }
}
