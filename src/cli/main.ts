import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { InvalidInputError, type Issue } from '../_lib/errors';
import type { Language } from '../_lib/messages';
import type { Policy } from '../_lib/policySchema';
import { createRegistry, type PolicyRegistry } from '../createRegistry';
import { diffPolicies } from '../diffPolicies';
import { parsePolicy } from '../parsePolicy';
import { bundledRegistry } from '../policies';
import { commandHelp, overview, parseInvocation, UsageError, type Invocation } from './args';
import { rangeOutputs, startLaterRanges, type LaterRanges, type Settled } from './evaluateRanges';
import { issueText, writerFor, type OutcomeWriter, type OutputFormat, type Rendering } from './output';
import { settleOnWorkers, startWorker, type Job } from './pool';
import { ProgressBar } from './progress';
import { SMALL_FILE } from './threads';
import { DEFAULT_LIMITS, InputRefusedError, type InputFormat, type ReadLimits } from './records';
import { failureText, readCaseFile, runCase, type CaseOutcome } from './cases';
import { ledgersInMemory, numbered, settleInOrder, type Written } from './settle';
import { planRanges } from './simulateRanges';
import { readBlocks, TempDir } from './spill';
import { workersOption } from './shards';
import { formatDiff, formatPolicies } from './text';

/** Where the CLI reads and writes; the real process in `bin`, so tests drive it as a subprocess. */
export interface CliIo {
  readonly stdin: NodeJS.ReadStream & { readonly fd: number };
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Exit codes: every row settled (refusals included); some rows failed; the command could not
 * run; huzhu itself failed (a bug), 70 as in sysexits' EX_SOFTWARE.
 */
export const EXIT = { ok: 0, rowsFailed: 1, usage: 2, internal: 70 } as const;

/** An output can take no more: its reader went away (a closed pipe), or writing to it failed. */
class OutputClosed extends Error {
  constructor(readonly failure: Error | null) {
    super('output closed');
  }
}

/** A batch that stopped part-way, and where: every row before it was written whole. */
class StoppedError extends Error {
  constructor(
    where: string,
    readonly failure: unknown,
  ) {
    super(where);
  }
}

/** Waits until the stream takes more: null, or the error that ended it. */
function drained(out: NodeJS.WriteStream): Promise<Error | null> {
  return new Promise((resolve) => {
    const onDrain = () => finish(null);
    const onError = (error: Error) => finish(error);
    const finish = (error: Error | null) => {
      out.off('drain', onDrain).off('close', onDrain).off('error', onError);
      resolve(error);
    };
    out.on('drain', onDrain).on('close', onDrain).on('error', onError);
  });
}

/**
 * Writes `text`, waiting while the stream's buffer is full; throws OutputClosed once the
 * stream has failed. A pipe fails inside `write` on Linux, a file opened for synchronous
 * writes (`> /dev/full`) reports its error at once and never drains, and a socket fails later.
 */
async function write(out: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return;
  let failure = out.errored ?? null;
  if (failure === null && !out.destroyed) {
    try {
      if (!out.write(text) && !out.errored && !out.destroyed) failure = await drained(out);
    } catch (error) {
      failure = error as Error;
    }
  }
  failure ??= out.errored ?? null;
  if (failure !== null || out.destroyed) throw new OutputClosed(failure);
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EIO: 'an input/output error',
};

/** A system error in a few words of huzhu's own, or node's message for a rarer one. */
const reason = (error: unknown) => REASONS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;

function attempt<T>(name: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${reason(error)}`);
  }
}

/** Each issue of a policy file on its own line, with the file's name and the path inside it. */
function inPolicyFile(file: string, issues: readonly Issue[], skip: number, prefix: readonly number[] = []): UsageError {
  return new UsageError(issues.map((issue) => `policy file ${file}: ${issueText({ ...issue, path: [...prefix, ...issue.path.slice(skip)] })}`).join('\n'));
}

/** The content of a JSON file; `what` names it in the message when it cannot be read. */
function readJson(file: string, what: string): unknown {
  const text = attempt(file, () => readFileSync(file, 'utf8'));
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${what} ${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** The policies of a JSON file holding one or an array of them. */
function policiesFromFile(file: string): Policy[] {
  const content = readJson(file, 'policy file');
  const many = Array.isArray(content);
  return (many ? (content as unknown[]) : [content]).map((policy, index) => {
    try {
      return parsePolicy(policy);
    } catch (error) {
      // parsePolicy's paths start at `policy`: the file is the policy, or an array of them.
      if (error instanceof InvalidInputError) throw inPolicyFile(file, error.issues, 1, many ? [index] : []);
      throw error;
    }
  });
}

/** The policies of `base` and those of each file; the same file named twice counts once. */
export function registryWith(files: readonly string[], base: PolicyRegistry = bundledRegistry): PolicyRegistry {
  let registry = base;
  for (const file of new Map(files.map((file) => [resolve(file), file])).values()) {
    // Added a file at a time, so that a version overlapping another names the file that brought it.
    try {
      registry = createRegistry([...registry.policies, ...policiesFromFile(file)]);
    } catch (error) {
      if (error instanceof InvalidInputError) throw inPolicyFile(file, error.issues, 2);
      throw error;
    }
  }
  return registry;
}

/** `guangxi@2024` from the registry, or a policy JSON file. */
function policyArgument(argument: string, registry: PolicyRegistry): Policy {
  const match = /^([a-z0-9-]+)@(\d{4})$/.exec(argument);
  if (match === null) {
    const [policy, ...more] = policiesFromFile(argument);
    if (policy === undefined || more.length > 0) throw new UsageError(`${argument} must hold exactly one policy`);
    return policy;
  }
  const found = registry.policies.find((policy) => policy.scheme === match[1] && policy.year === Number(match[2]));
  if (found === undefined) {
    const known = registry.policies.map((policy) => `${policy.scheme}@${policy.year}`).join(', ');
    throw new UsageError(`no bundled policy ${argument}; known: ${known}`);
  }
  return found;
}

function inputFormat(file: string, given: InputFormat | undefined): InputFormat {
  if (given !== undefined) return given;
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.json') return 'json';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  throw new UsageError(`cannot tell the format of "${file}" from its extension; pass --from csv, json or ndjson`);
}

/** The input, checked now so that a missing file or a directory is refused before any output. */
function openInput(io: CliIo, file: string): { stream: NodeJS.ReadableStream & { bytesRead?: number }; name: string; size: number; small: boolean } {
  const name = file === '-' ? 'standard input' : file;
  const fd = file === '-' ? io.stdin.fd : attempt(name, () => openSync(file, 'r'));
  const stats = fstatSync(fd);
  if (stats.isDirectory()) {
    // Node would read a directory as an empty stream, or fail on the first read.
    if (file !== '-') closeSync(fd);
    throw new UsageError(`cannot read ${name}: ${REASONS.EISDIR}`);
  }
  const small = stats.isFile() && stats.size < SMALL_FILE;
  return file === '-' ? { stream: io.stdin, name, size: 0, small } : { stream: createReadStream('', { fd }), name, size: stats.size, small };
}

/** The text of a stream, a chunk at a time; a failure to read it is the command's, not a row's. */
async function* chunksOf<T extends string | Buffer>(stream: NodeJS.ReadableStream, name: string): AsyncGenerator<T> {
  try {
    for await (const chunk of stream) yield chunk as T;
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${reason(error)}`);
  }
}

type Input = ReturnType<typeof openInput>;

function readLimits(maxFieldSize: string | undefined, command: string): ReadLimits {
  if (maxFieldSize === undefined) return DEFAULT_LIMITS;
  if (!/^[1-9]\d{0,9}$/.test(maxFieldSize)) throw new UsageError(`--max-field-size must be a whole number of bytes; got "${maxFieldSize}"`, command);
  return { maxFieldSize: Number(maxFieldSize) };
}

/**
 * Writes a batch's text in large writes: many rows in one write cost far less than a write
 * each. What is held is written once the batch waits for its input, so rows still stream as
 * they are settled.
 */
class Output {
  #held = '';
  #flushing: Promise<void> = Promise.resolve();
  #failure: unknown;
  #scheduled = false;

  constructor(private readonly out: NodeJS.WriteStream) {}

  async add(text: string): Promise<void> {
    this.#held += text;
    if (this.#held.length >= 1 << 16) return await this.flush();
    if (this.#scheduled) return;
    this.#scheduled = true;
    // An immediate runs only once the batch awaits input or a worker: until then rows keep coming.
    setImmediate(() => {
      this.#scheduled = false;
      this.flush().catch((error: unknown) => (this.#failure ??= error));
    });
  }

  /** Writes bytes as they are, after the text held. */
  async addBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    this.#flushing = write(this.out, bytes);
    await this.#flushing;
  }

  /** Writes what is held, after any earlier write has been taken (the stream's back-pressure). */
  async flush(): Promise<void> {
    await this.#flushing;
    if (this.#failure !== undefined) throw this.#failure;
    const text = this.#held;
    this.#held = '';
    this.#flushing = write(this.out, text);
    await this.#flushing;
  }
}

interface Batch {
  readonly input: Input;
  /** The input's path, or `-` for standard input. */
  readonly file: string;
  readonly from: InputFormat;
  readonly limits: ReadLimits;
  readonly policies: readonly string[];
  readonly registry: PolicyRegistry;
  readonly rendering: Rendering;
  readonly workers: number;
  readonly progress: boolean;
}

/** Rows written so far, and the input line of the last. */
interface Shown {
  rows: number;
  line: number;
}

/**
 * Writes each output as it comes but the first `skip` ones (already written): the header before
 * the first row, the separator between rows. Counts every row and error in `counts`; `shown`
 * follows the rows written.
 */
async function writeOutputs(
  outputs: AsyncIterable<Written[]>,
  out: Output,
  writer: OutcomeWriter,
  { counts, shown, skip, progress }: { counts: { rows: number; failed: number }; shown: Shown; skip: number; progress(): void },
): Promise<void> {
  try {
    for await (const written of outputs) {
      let text = '';
      for (const output of written) {
        if (counts.rows >= skip) {
          // The header waits for the first row: an input refused whole (a bad CSV header) leaves stdout empty.
          text += `${counts.rows === 0 ? writer.header + writer.separator[0] : writer.separator[1]}${output.text}`;
          shown.rows = counts.rows + 1;
          shown.line = output.line;
        }
        counts.rows += 1;
        if (output.failed) counts.failed += 1;
      }
      await out.add(text);
      progress();
    }
  } catch (error) {
    if (error instanceof OutputClosed || error instanceof InputRefusedError || error instanceof UsageError) throw error;
    // Every row counted was handed to the output: it is written whole before the command says where it stopped.
    await out.flush();
    throw new StoppedError(`stopped after row ${shown.rows}${shown.rows > 0 ? ` (input line ${shown.line})` : ''}`, error);
  }
}

/** Writes the outputs of the ranges that workers settled, range after range, after `rows` rows. */
async function writeRanges(out: Output, writer: OutcomeWriter, settled: Settled, rows: number): Promise<number> {
  for (const [i, output] of settled.outputs.entries()) {
    const count = settled.counts[i]!;
    if (count === 0) continue;
    await out.add(rows === 0 ? writer.header + writer.separator[0] : writer.separator[1]);
    // Copied as bytes: decoding them to be encoded again would cost a second pass.
    for (const bytes of readBlocks(output, 1 << 20)) await out.addBytes(bytes);
    rows += count;
  }
  return rows;
}

/**
 * Streams the input through the settlement and writes each outcome to stdout; returns how many
 * rows, and how many failed. A file of lines is read by the threads themselves, a range each,
 * the main thread the first (see evaluateRanges.ts), when that gives the same output.
 */
async function runBatch(io: CliIo, batch: Batch): Promise<{ rows: number; failed: number }> {
  const { stream, name, size } = batch.input;
  const bar = batch.progress && io.stderr.isTTY && size > 0 ? new ProgressBar(io.stderr, size) : undefined;
  const writer = writerFor(batch.rendering);
  const out = new Output(io.stdout);
  const csv = batch.from === 'csv';
  const limit = ledgersInMemory();
  const job: Job = { csv, policies: batch.policies, rendering: batch.rendering, limit: Math.ceil(limit / batch.workers), maxRecordBytes: batch.limits.maxFieldSize };
  // A file of lines is read in ranges: the workers are started first, so that their start
  // (loading the code, reading the policies) runs while this thread cuts the file.
  const rangeable = batch.workers > 1 && batch.file !== '-' && batch.from !== 'json';
  const started = Array.from({ length: rangeable ? batch.workers - 1 : 0 }, () => startWorker(job, true));
  let later: LaterRanges | undefined;
  const shown: Shown = { rows: 0, line: 0 };
  const footer = async (rows: number) => {
    await out.add(`${rows === 0 ? writer.header : ''}${writer.footer}`);
    await out.flush();
  };
  try {
    const ranges = rangeable ? planRanges(batch.file, batch, batch.workers) : undefined;
    later = ranges !== undefined && ranges.length > 1 ? startLaterRanges(batch.file, ranges, started, batch.from, batch.limits, (bytes, rows) => bar?.update(bytes, rows, Date.now())) : undefined;
    // Workers left without a range (fewer members than threads) stop; the routing run takes all those started otherwise.
    const spare = later === undefined ? [] : started.splice(ranges!.length - 1);
    await Promise.all(spare.map((worker) => worker.terminate()));
    if (later !== undefined) {
      // This thread's heap is V8's default, which lets the old generation grow to four times what
      // survived the last full collection before collecting it again; beside the workers' bounded
      // heaps that took two threads to 280–300 MiB. Twice is enough for its speed (2026-12-07,
      // docs/benchmarks.md): 25–40 MiB less at no measurable cost. V8 reads the flag at each
      // collection, in every thread (its flags are the process's): the workers' heaps, under
      // their bounds, were measured with it too.
      setFlagsFromString('--heap-growing-percent=100');
      const first = { rows: 0, failed: 0 };
      const { first: range, readFirst } = later;
      const outputs = rangeOutputs(range, batch.registry, writer, job.limit, () => new TempDir(), readFirst);
      await writeOutputs(outputs, out, writer, { counts: first, shown, skip: 0, progress() {} });
      const settled = await later.settled();
      if (settled !== undefined) {
        // The input was read by the threads: its own stream is let go unread.
        (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
        const rows = await writeRanges(out, writer, settled, first.rows);
        await footer(rows);
        return { rows, failed: first.failed + settled.failed };
      }
      await later.stop();
    }
    // Routed, or in one thread; after a first range, its rows are written already.
    const outputs =
      batch.workers > 1
        ? settleOnWorkers(chunksOf(stream, name), batch.from, batch.limits, job, batch.workers, later === undefined ? started : [])
        : settleInOrder(numbered(chunksOf(stream.setEncoding('utf8'), name), batch.from, batch.limits), batch.registry, csv, writer.row, { limit, figures: writer.figures });
    const counts = { rows: 0, failed: 0 };
    await writeOutputs(outputs, out, writer, { counts, shown, skip: shown.rows, progress: () => bar?.update(stream.bytesRead ?? 0, counts.rows, Date.now()) });
    await footer(counts.rows);
    return counts;
  } finally {
    // Also when the reader has gone: the terminal keeps no half-drawn bar.
    bar?.clear();
    await later?.stop();
    await Promise.all(started.map((worker) => worker.terminate()));
  }
}

async function summarise(io: CliIo, counts: { rows: number; failed: number }): Promise<number> {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  await write(io.stderr, `${count(counts.rows, 'row')}: ${count(counts.rows - counts.failed, 'result')}, ${count(counts.failed, 'error')}\n`);
  return counts.failed > 0 ? EXIT.rowsFailed : EXIT.ok;
}

/** Runs a command that the arguments name and that has passed every check of its options. */
async function run(io: CliIo, invocation: Extract<Invocation, { kind: 'run' }>): Promise<number> {
  const { command, operands, options } = invocation;
  const lang = (options.lang ?? 'zh') as Language;
  // `huzhu test --policy` checks a draft on its own, even one that replaces a bundled year;
  // simulate's --policy names versions to compare, not files to add to the bundled ones.
  const alone = command === 'test' && invocation.policies.length > 0;
  const registry = registryWith(command === 'simulate' ? [] : invocation.policies, alone ? createRegistry([]) : bundledRegistry);
  switch (command) {
    case 'evaluate':
    case 'explain': {
      const file = operands[0]!;
      const from = inputFormat(file, options.from as InputFormat | undefined);
      // Opened before any output, so that a command that cannot run writes nothing to stdout.
      const limits = readLimits(options['max-field-size'], command);
      const workers = workersOption(options.workers, command);
      const input = openInput(io, file);
      const rendering: Rendering =
        command === 'explain' ? { command, lang } : { command, lang, format: (options.format as OutputFormat | undefined) ?? (io.stdout.isTTY ? 'table' : 'ndjson') };
      const counts = await runBatch(io, { input, file, from, limits, policies: invocation.policies, registry, rendering, workers: workers ?? (input.small ? 1 : availableParallelism()), progress: !invocation.noProgress });
      return await summarise(io, counts);
    }
    case 'diff': {
      const diff = diffPolicies(policyArgument(operands[0]!, registry), policyArgument(operands[1]!, registry));
      await write(io.stdout, options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, lang));
      return EXIT.ok;
    }
    case 'simulate':
    case 'merge': {
      // Loaded only when asked for: every other command starts without the report and the workers.
      const { runSimulation } = await import('./simulate');
      return await runSimulation(
        { stdout: io.stdout, stderr: io.stderr, registry, policy: (argument) => policyArgument(argument, registry), open: (file) => openInput(io, file), chunks: chunksOf, write, format: inputFormat, limits: readLimits },
        { ...invocation, command },
      );
    }
    case 'policies':
      await write(io.stdout, options.format === 'json' ? `${JSON.stringify(registry.policies, null, 2)}\n` : formatPolicies(registry, lang));
      return EXIT.ok;
    case 'test':
      return await testCases(io, operands[0]!, registry, lang);
  }
}

/** Each issue of a case file on its own line, with the file's name and the path inside it. */
const inCaseFile = (file: string, issues: readonly Issue[]) => new UsageError(issues.map((issue) => `case file ${file}: ${issueText(issue)}`).join('\n'));

/**
 * `huzhu test`: every case of the file, run before anything is written, so that a file that
 * cannot run (any case's input invalid or without a policy) reports only its errors.
 */
async function testCases(io: CliIo, file: string, registry: PolicyRegistry, lang: Language): Promise<number> {
  const content = readJson(file, 'case file');
  const outcomes: CaseOutcome[] = [];
  const issues: Issue[] = [];
  try {
    const cases = readCaseFile(content);
    cases.cases.forEach((_, index) => {
      try {
        outcomes.push(runCase(cases, index, registry));
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        issues.push(...error.issues);
      }
    });
  } catch (error) {
    if (error instanceof InvalidInputError) throw inCaseFile(file, error.issues);
    throw error;
  }
  if (issues.length > 0) throw inCaseFile(file, issues);
  const failed = outcomes.filter((outcome) => outcome.mismatches.length > 0).length;
  const report = outcomes.map((outcome) => (outcome.mismatches.length === 0 ? `✓ ${outcome.name}\n` : `✗ ${outcome.name}\n${failureText(outcome, lang)}\n\n`));
  const count = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
  await write(io.stdout, `${report.join('')}\n${count(outcomes.length)}: ${outcomes.length - failed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.rowsFailed : EXIT.ok;
}

/**
 * Runs one CLI invocation and returns its exit code. A usage error is one line on stderr; a
 * reader that closes the pipe ends the command quietly, as `head` expects.
 */
export async function main(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  // Without a listener a failed write (EPIPE) is an unhandled 'error' event that kills the
  // process with a stack trace; `write` reads the failure from the stream instead. The
  // listeners stay: the event is emitted after the write that failed has already returned.
  for (const out of [io.stdout, io.stderr]) out.on('error', () => {});
  try {
    const invocation = parseInvocation(argv);
    switch (invocation.kind) {
      case 'help':
        await write(io.stdout, invocation.command === undefined ? overview() : commandHelp(invocation.command));
        return EXIT.ok;
      case 'version':
        await write(io.stdout, `${version}\n`);
        return EXIT.ok;
      case 'none':
        // `huzhu` alone: the overview, on stderr and with exit code 2 as for any other mistake.
        await write(io.stderr, overview());
        return EXIT.usage;
      case 'run':
        return await run(io, invocation);
    }
  } catch (error) {
    return await failure(io, error);
  }
}

async function failure(io: CliIo, error: unknown): Promise<number> {
  try {
    if (error instanceof OutputClosed) {
      const code = (error.failure as NodeJS.ErrnoException | null)?.code;
      if (code === undefined || code === 'EPIPE') return EXIT.ok;
      await write(io.stderr, `huzhu: cannot write the output: ${reason(error.failure)}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputRefusedError) {
      await write(io.stderr, `huzhu: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof StoppedError) {
      // The system refused something (a temporary file, a full disk): 2. Anything else is a bug: 70.
      const system = typeof (error.failure as NodeJS.ErrnoException | null)?.code === 'string';
      const why = system ? reason(error.failure) : `internal error, please report it: ${error.failure instanceof Error ? error.failure.stack : String(error.failure)}`;
      await write(io.stderr, `huzhu: ${error.message}: ${why}\n`);
      return system ? EXIT.usage : EXIT.internal;
    }
    if (error instanceof UsageError) {
      const help = error.help === undefined ? '' : ` (see huzhu ${error.help === '' ? '' : `${error.help} `}--help)`;
      await write(io.stderr, `${error.message.split('\n').map((line) => `huzhu: ${line}`).join('\n')}${help}\n`);
      return EXIT.usage;
    }
    await write(io.stderr, `huzhu: internal error, please report it: ${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT.internal;
  } catch {
    // stderr is gone too: nothing is left to tell.
    return error instanceof OutputClosed ? EXIT.ok : EXIT.internal;
  }
}
