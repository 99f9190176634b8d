// One worker of `huzhu simulate`: started before the main thread knows its job (its first
// message), it loads its code, reads the job's policies, then either takes ranges of the file
// (its next message says which) or simulates the members of the rows the main thread sends it,
// and posts its result.
import { parentPort } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { messages, type ToWorker } from './pool';
import { simulateSent, type PartJob, type ToSimulationWorker, type WorkerMessage } from './simulatePool';
import { settleRanges, type RangeMessage } from './simulateRanges';

const post = (message: WorkerMessage | RangeMessage) => parentPort!.postMessage(message);
const inbox = messages<ToSimulationWorker>(parentPort!);
const { job } = (await inbox.next()).value as { job: PartJob };
const versions = (JSON.parse(job.policies) as unknown[]).map((policy) => parsePolicy(policy));
const first = (await inbox.next()).value as Exclude<ToSimulationWorker, { job: PartJob }>;
if ('work' in first) {
  const simulation = await settleRanges(
    first.work,
    job,
    versions,
    (refusals) => post({ refusals }),
    (bytes, rows) => post({ read: { bytes, rows } }),
    (lines, apart) => post({ lines, apart }),
  );
  post({ result: JSON.stringify(simulation) });
} else {
  // The rest are rows too: ranges are sent first or never.
  const rows = first;
  async function* routed(): AsyncGenerator<ToWorker> {
    yield rows;
    yield* inbox as AsyncGenerator<ToWorker>;
  }
  post({ result: JSON.stringify(await simulateSent(routed(), job, versions, post)) });
}
