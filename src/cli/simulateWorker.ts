// One worker of `huzhu simulate`: simulates the members of the rows the main thread sends it,
// or of its range of the file, and posts its part's result.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { messages, type ToWorker } from './pool';
import { simulateSent, type PartJob, type WorkerMessage } from './simulatePool';
import { simulateRange, type Range, type RangeMessage } from './simulateRanges';

const { job, file, range } = workerData as { job: PartJob; file?: string; range?: Range };
const post = (message: WorkerMessage | RangeMessage) => parentPort!.postMessage(message);
const versions = (JSON.parse(job.policies) as unknown[]).map((policy) => parsePolicy(policy));
if (range !== undefined) await simulateRange(file!, range, job, versions, post);
else post({ result: JSON.stringify(await simulateSent(messages<ToWorker>(parentPort!), job, versions, post)) });
