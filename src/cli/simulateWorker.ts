// One worker of `huzhu simulate`: simulates the members it is sent, then posts its part.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../parsePolicy';
import { simulateTagged, type Refusal, type Tagged, type WorkerOptions } from './simulatePool';

const { policies, options } = workerData as { policies: string; options: WorkerOptions };
const port = parentPort!;

/** The batches as they come; each is acknowledged once taken, so the reader can send more. */
async function* members(): AsyncGenerator<Tagged> {
  const queue: (Tagged[] | null)[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (message: { members?: Tagged[]; end?: true }) => {
    queue.push(message.members ?? null);
    wake?.();
  });
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const batch = queue.shift()!;
    if (batch === null) return;
    port.postMessage({ ack: true });
    yield* batch;
  }
}

const versions = (JSON.parse(policies) as unknown[]).map((policy) => parsePolicy(policy));
const result = await simulateTagged(members(), versions, options, (refusals: Refusal[]) => port.postMessage({ refusals }));
port.postMessage({ result: JSON.stringify(result) });
