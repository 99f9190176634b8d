// One worker of `huzhu simulate`: started before the main thread knows how the input is read,
// it reads the policies, then either takes ranges of the file (its first message says which)
// or simulates the members of the rows the main thread sends it, and posts its result.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { messages, type ToWorker } from './pool';
import { simulateSent, type PartJob, type ToSimulationWorker, type WorkerMessage } from './simulatePool';
import { settleRanges, type RangeMessage } from './simulateRanges';

const { job } = workerData as { job: PartJob };
const post = (message: WorkerMessage | RangeMessage) => parentPort!.postMessage(message);
const versions = (JSON.parse(job.policies) as unknown[]).map((policy) => parsePolicy(policy));
const inbox = messages<ToSimulationWorker>(parentPort!);
const first = (await inbox.next()).value as ToSimulationWorker;
if ('work' in first) {
  const { ends, simulation } = await settleRanges(first.work, job, versions, (refusals) => post({ refusals }), (bytes, rows) => post({ read: { bytes, rows } }));
  post({ ends, result: JSON.stringify(simulation) });
} else {
  // The rest are rows too: ranges are sent first or never.
  const rows = first;
  async function* routed(): AsyncGenerator<ToWorker> {
    yield rows;
    yield* inbox as AsyncGenerator<ToWorker>;
  }
  post({ result: JSON.stringify(await simulateSent(routed(), job, versions, post)) });
}
