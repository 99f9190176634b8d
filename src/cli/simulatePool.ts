// `huzhu simulate` on worker threads: members sharded by a stable hash of their id, each
// worker simulating its shard, the parts merged. mergeSimulations is order-independent, so the
// result is the same for any number of workers.
import { Worker } from 'node:worker_threads';
import { InvalidInputError, type Issue } from '../_lib/errors';
import type { Policy } from '../_lib/policySchema';
import type { Simulation } from '../_lib/simulation';
import { mergeSimulations } from '../mergeSimulations';
import { simulateBook, type BookEntry, type SimulationOptions } from '../simulateBook';

/** A member with their claims, and the input line of the member's first row and of each claim. */
export interface Tagged {
  readonly entry: BookEntry;
  readonly lines: readonly number[];
}

/** Settings a worker can be sent: the options without the roster or the callback. */
export type WorkerOptions = Pick<SimulationOptions, 'largest' | 'binWidth' | 'lang'>;

/** An invalid member: the input line each issue points at, and the issue re-rooted at `member` or `claim`. */
export interface Refusal {
  readonly line: number;
  readonly issue: Issue;
}

/** FNV-1a of a member id: the shard that simulates the member, the same in every process. */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

/** Each issue at the line of the row it is about: a claim's own row, the member's first row otherwise. */
function refusals(error: InvalidInputError, lines: readonly number[]): Refusal[] {
  return error.issues.map((issue) => {
    const [, , field, at, ...rest] = issue.path;
    if (field === 'claims' && typeof at === 'number') return { line: lines[at + 1] ?? lines[0]!, issue: { ...issue, path: ['claim', ...rest] } };
    return { line: lines[0]!, issue: { ...issue, path: issue.path.slice(2) } };
  });
}

/** Simulates tagged members in this thread, reporting each invalid one by its input lines. */
export function simulateTagged(tagged: AsyncIterable<Tagged>, policies: readonly Policy[], options: SimulationOptions, refuse: (refusals: Refusal[]) => void): Promise<Simulation> {
  let lines: readonly number[] = [];
  async function* entries(): AsyncGenerator<BookEntry> {
    for await (const member of tagged) {
      lines = member.lines;
      yield member.entry;
    }
  }
  return simulateBook(entries(), policies, { ...options, onInvalid: (error) => refuse(refusals(error, lines)) });
}

/** A worker's script: the bundle's `simulate-worker.js` beside `cli.js`, or the source run by tsx. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * A worker: the bundle's `simulate-worker.js` beside `cli.js`; from source (tests, `npx tsx`),
 * a stub that registers tsx in the worker and then loads `simulateWorker.ts`.
 */
function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./simulate-worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./simulateWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); });`, { eval: true, workerData });
}

/** Batches a worker may have waiting before the reader waits for it: bounds memory when settling is slower than reading. */
const WAITING = 4;
const BATCH = 256;

class Shard {
  readonly worker: Worker;
  readonly done: Promise<Simulation>;
  #batch: Tagged[] = [];
  #waiting = 0;
  #wake: (() => void) | undefined;

  constructor(policies: string, options: WorkerOptions, refuse: (refusals: Refusal[]) => void) {
    this.worker = startWorker({ policies, options });
    this.done = new Promise((resolve, reject) => {
      this.worker.on('message', (message: { ack?: true; refusals?: Refusal[]; result?: string }) => {
        if (message.refusals) refuse(message.refusals);
        if (message.ack) {
          this.#waiting -= 1;
          this.#wake?.();
        }
        if (message.result !== undefined) resolve(JSON.parse(message.result) as Simulation);
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`a simulation worker stopped with exit code ${code}`)));
    });
  }

  async add(member: Tagged): Promise<void> {
    this.#batch.push(member);
    if (this.#batch.length < BATCH) return;
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    while (this.#waiting >= WAITING) await new Promise<void>((resolve) => (this.#wake = resolve));
    this.#waiting += 1;
    this.worker.postMessage({ members: this.#batch });
    this.#batch = [];
  }
}

/**
 * Simulates tagged members on `workers` threads (in this one when 1) and merges the parts. A
 * roster is assessed here, once, as a part of its own: contributions add up like the rest.
 */
export async function simulateOnWorkers(tagged: AsyncIterable<Tagged>, policies: readonly Policy[], options: SimulationOptions, workers: number, refuse: (refusals: Refusal[]) => void): Promise<Simulation> {
  const { roster, ...sent } = options;
  const contributions = simulateBook([], policies, { ...sent, ...(roster && { roster }) });
  if (workers === 1) return mergeSimulations(contributions, await simulateTagged(tagged, policies, sent, refuse));
  const text = JSON.stringify(policies);
  const shards = Array.from({ length: workers }, () => new Shard(text, sent as WorkerOptions, refuse));
  try {
    for await (const member of tagged) await shards[shardOf(member.entry.member.id, workers)]!.add(member);
    for (const shard of shards) {
      await shard.flush();
      shard.worker.postMessage({ end: true });
    }
    const parts = await Promise.all(shards.map((shard) => shard.done));
    return parts.reduce(mergeSimulations, contributions);
  } finally {
    await Promise.all(shards.map((shard) => shard.worker.terminate()));
  }
}
