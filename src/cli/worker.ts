// A worker thread of `huzhu evaluate` and `explain` (see ./pool): settles the rows of its
// members, in the order the main thread sends them, and sends back their outputs; or, when its
// first message is a range, settles that range of the file itself (see ./evaluateRanges). It is
// started before the main thread knows which: its start overlaps the cutting of the file.
import { parentPort, workerData } from 'node:worker_threads';
import { registryWith } from './main';
import { writerFor } from './output';
import { sentRows } from './feed';
import { evaluateRange, type RangeMessage, type ToRangeWorker } from './evaluateRanges';
import { keyedRow, messages, packOutputs, type FromWorker, type ToWorker, type WorkerData } from './pool';
import type { CsvColumn } from './rows';
import { settleInOrder, type Sequenced } from './settle';
import { TempDir } from './spill';

const { job } = workerData as WorkerData;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

let columns: readonly CsvColumn[] = [];
let received = 0;
let answered = 0;

async function* batches(inbox: AsyncIterable<ToWorker>): AsyncGenerator<Sequenced[]> {
  for await (const message of inbox) {
    if ('end' in message) return;
    if ('columns' in message) {
      columns = message.columns as CsvColumn[];
      continue;
    }
    received += 1;
    yield Array.from(sentRows(message), (row) => keyedRow(row, columns));
  }
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

/** Settles the rows the main thread sends, and sends back their outputs. */
async function settleSent(inbox: AsyncIterable<ToWorker>): Promise<void> {
  try {
    const registry = registryWith(job.policies);
    const openTempDir = () => {
      const dir = new TempDir();
      post({ tempDir: dir.path });
      return dir;
    };
    const writer = writerFor(job.rendering);
    for await (const outputs of settleInOrder(batches(inbox), registry, job.csv, writer.row, { limit: job.limit, openTempDir, figures: writer.figures })) {
      // Each batch received gives one batch of outputs, short of the rows put off; the last ones come after.
      post({ outputs: packOutputs(outputs), consumed: received - answered });
      answered = received;
    }
    post({ done: true });
  } catch (error) {
    const { message, stack, code } = error as NodeJS.ErrnoException;
    post({ failure: { message: String(message ?? error), stack, code } });
  }
}

const inbox = messages<ToRangeWorker | ToWorker>(port);
const first = (await inbox.next()).value!;
if (!('range' in first)) await settleSent(prepend(first, inbox as AsyncIterator<ToWorker>));
else {
  try {
    await evaluateRange(first.range, registryWith(job.policies), writerFor(job.rendering), job.limit, (message) => port.postMessage(message));
  } catch (error) {
    // The main thread routes the rows instead, and that run reports the failure.
    port.postMessage({ failure: String(error) } satisfies RangeMessage);
  }
}
