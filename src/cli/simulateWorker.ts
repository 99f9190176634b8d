// One worker of `huzhu simulate`: simulates the members of the rows the main thread sends it,
// and posts its part's result.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { messages, type ToWorker } from './pool';
import { simulateSent, type PartJob, type WorkerMessage } from './simulatePool';

const { job } = workerData as { job: PartJob };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const versions = (JSON.parse(job.policies) as unknown[]).map((policy) => parsePolicy(policy));
const result = await simulateSent(messages<ToWorker>(parentPort!), job, versions, post);
post({ result: JSON.stringify(result) });
