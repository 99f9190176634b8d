// Starting the worker threads of `huzhu simulate`. A worker's own start (loading its code) costs
// about as much as this thread's, so `bin` starts the workers a big file needs before the rest
// of the command loads, and the command takes them when it has its job for them. This file
// imports nothing of the command, so that `bin` can load it first.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PartJob } from './simulatePool';
import { SMALL_FILE, WORKERS_VALUE } from './threads';

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * V8 lets an idle heap grow, and each worker has its own: a bounded young generation keeps the
 * workers' memory near what they hold (a member's year, the tally). 16 MB made a worker that
 * reads its own range collect for longer than it settled (2 of its 5 s on the bench book);
 * 64 MB halves the CPU of two workers and keeps the run under 200 MB.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64 };

/**
 * A worker, waiting for its job (its first message): the bundle's `simulate-worker.js` beside
 * `cli.js`; from source (tests, `npx tsx`), a stub that registers tsx in the worker and then
 * loads `simulateWorker.ts`.
 */
function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./simulate-worker.js', import.meta.url), { resourceLimits: RESOURCE_LIMITS });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./simulateWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`, { eval: true, resourceLimits: RESOURCE_LIMITS });
}

/** Workers started before the command knew its job, not yet taken. */
const early: Worker[] = [];

/**
 * Starts the workers that `huzhu simulate` (`argv`, the arguments after `huzhu`) will take
 * ranges with: N − 1 for `--workers N`, else one fewer than the cores when the file is not
 * small. Looked at only in the usual order, `simulate FILE …`, and without `--shard` (whose
 * part is read here and routed); in any other case the command starts its workers itself, a
 * little later. The workers do not keep the process alive until taken: a command that fails
 * first exits as it would have.
 */
export function startEarly(argv: readonly string[]): void {
  const [command, file] = argv;
  if (command !== 'simulate' || file === undefined || file === '-' || file.startsWith('-') || argv.includes('--shard') || argv.some((arg) => arg.startsWith('--shard='))) return;
  // The last one counts, as for the command's parser.
  let given: string | undefined;
  argv.forEach((arg, at) => {
    if (arg === '--workers') given = argv[at + 1];
    else if (arg.startsWith('--workers=')) given = arg.slice('--workers='.length);
  });
  let threads: number;
  // The command says what is wrong with a bad one.
  if (given !== undefined) threads = WORKERS_VALUE.test(given) ? Number(given) : 1;
  else {
    let size = 0;
    try {
      const stats = statSync(file);
      if (stats.isFile()) size = stats.size;
    } catch {
      // The command says what is wrong with the file.
    }
    threads = size < SMALL_FILE ? 1 : availableParallelism();
  }
  for (let k = 1; k < threads; k += 1) {
    const worker = startWorker();
    worker.unref();
    early.push(worker);
  }
}

/** A worker for `job`: one started early, if any is left, or a new one; sent its job. */
export function takeWorker(job: PartJob): Worker {
  const worker = early.pop() ?? startWorker();
  worker.ref();
  worker.postMessage({ job });
  return worker;
}

/** Stops the workers started early that the command did not take. */
export async function dropEarly(): Promise<void> {
  await Promise.all(early.splice(0).map((worker) => worker.terminate()));
}
