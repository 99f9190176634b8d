// A worker thread of `huzhu evaluate` and `explain` (see ./pool): settles the rows of its
// members, in the order the main thread sends them, and sends back their outputs; or settles
// its own range of the file (see ./evaluateRanges).
import { parentPort, workerData } from 'node:worker_threads';
import { registryWith } from './main';
import { writerFor } from './output';
import { sentRows } from './feed';
import { evaluateRange, type RangeMessage } from './evaluateRanges';
import { keyedRow, messages, packOutputs, type FromWorker, type ToWorker, type WorkerData } from './pool';
import type { CsvColumn } from './rows';
import { settleInOrder, type Sequenced } from './settle';
import { TempDir } from './spill';

const { job, range } = workerData as WorkerData;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

let columns: readonly CsvColumn[] = [];
let received = 0;
let answered = 0;

async function* batches(): AsyncGenerator<Sequenced[]> {
  for await (const message of messages<ToWorker>(port)) {
    if ('end' in message) return;
    if ('columns' in message) {
      columns = message.columns as CsvColumn[];
      continue;
    }
    received += 1;
    yield Array.from(sentRows(message), (row) => keyedRow(row, columns));
  }
}

/** Settles the rows the main thread sends, and sends back their outputs. */
async function settleSent(): Promise<void> {
  try {
    const registry = registryWith(job.policies);
    const openTempDir = () => {
      const dir = new TempDir();
      post({ tempDir: dir.path });
      return dir;
    };
    const writer = writerFor(job.rendering);
    for await (const outputs of settleInOrder(batches(), registry, job.csv, writer.row, { limit: job.limit, openTempDir, figures: writer.figures })) {
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

if (range === undefined) await settleSent();
else {
  try {
    await evaluateRange(range, registryWith(job.policies), writerFor(job.rendering), job.limit, (message) => port.postMessage(message));
  } catch (error) {
    // The main thread routes the rows instead, and that run reports the failure.
    port.postMessage({ failure: String(error) } satisfies RangeMessage);
  }
}
