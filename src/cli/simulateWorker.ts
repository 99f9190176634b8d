// One worker of `huzhu simulate`: reads the input itself, simulates its share of the members,
// and posts its part's result.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { UsageError } from './args';
import { InputRefusedError } from './records';
import { fileChunks, simulatePart, type PartJob, type WorkerMessage } from './simulatePool';

const { file, job } = workerData as { file: string; job: PartJob };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const versions = (JSON.parse(job.policies) as unknown[]).map((policy) => parsePolicy(policy));
  const result = await simulatePart(fileChunks(file, (bytes) => post({ bytes })), job, versions, (refusals) => post({ refusals }));
  post({ result: JSON.stringify(result) });
} catch (error) {
  // A command that cannot run (the rows of a member apart, an unreadable file) says why; a bug stays a bug.
  if (!(error instanceof UsageError || error instanceof InputRefusedError)) throw error;
  post({ usage: error.message });
}
