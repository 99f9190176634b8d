// One worker of `huzhu simulate`: reads the input itself, simulates its share of the members,
// and posts its part's result.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { UsageError } from './args';
import { InputRefusedError } from './records';
import { simulatePart, type PartJob, type WorkerMessage } from './simulatePool';

const { file, job } = workerData as { file: string; job: PartJob };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const versions = (JSON.parse(job.policies) as unknown[]).map((policy) => parsePolicy(policy));
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  // The main thread draws the progress bar from the first worker's reports, ten a second at most.
  let last = 0;
  const progress = (rows: number) => {
    const now = Date.now();
    if (!job.orphans || now - last < 100) return;
    last = now;
    post({ bytes: stream.bytesRead, rows });
  };
  const result = await simulatePart(stream, job, versions, (refusals) => post({ refusals }), progress);
  post({ result: JSON.stringify(result) });
} catch (error) {
  // A command that cannot run (the rows of a member apart, an unreadable file) says why; a bug stays a bug.
  if (!(error instanceof UsageError || error instanceof InputRefusedError)) throw error;
  post({ usage: error.message });
}
