import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../_lib/errors';
import { LANGUAGES, type Language } from '../_lib/messages';
import type { Policy } from '../_lib/policySchema';
import { createRegistry, type PolicyRegistry } from '../createRegistry';
import { diffPolicies } from '../diffPolicies';
import { explain } from '../explain';
import { parsePolicy } from '../parsePolicy';
import { bundledRegistry } from '../policies';
import { issueText, OUTPUT_FORMATS, outcomeWriter, type OutputFormat } from './output';
import { ProgressBar } from './progress';
import { INPUT_FORMATS, readRecords, type InputFormat } from './records';
import { settleInOrder, type Outcome } from './settle';
import { formatDiff, formatPolicies } from './text';

/** Where the CLI reads and writes; the real process in `bin`, so tests drive it as a subprocess. */
export interface CliIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Exit codes: every row settled (refusals included); some rows failed; the command could not run. */
export const EXIT = { ok: 0, rowsFailed: 1, usage: 2 } as const;

class UsageError extends Error {}
/** A batch that stopped part-way: every row before it was written whole. */
class StoppedError extends Error {}

export const HELP = `huzhu — settle trade-union medical mutual-aid claims (职工医疗互助保障)

Usage:
  huzhu evaluate FILE [options]    settle every claim in FILE (- for standard input)
  huzhu explain FILE [options]     settle and explain every claim in FILE
  huzhu diff A B [--format text|json] [--lang zh|en]
                                   what changes from policy A to B (scheme@year or a policy JSON file)
  huzhu policies [--format text|json] [--lang zh|en]
                                   list the bundled schemes and years

Options:
  --from csv|json|ndjson   input format; by default from the file extension
  --format table|csv|ndjson
                           output of evaluate; table on a terminal, ndjson otherwise
  --lang zh|en             language of reasons and explanations (default zh)
  --policy FILE            add a policy (JSON file) to the bundled ones; repeatable
  --no-progress            never show the progress bar (it shows only on a terminal)
  -h, --help               this help
  -v, --version            the version

Every input row appears in the output, settled or with its errors and line number.
Exit code: 0 when every row was settled, 1 when any row failed, 2 when the command could not run.`;

function choice<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function policyFromFile(path: string): Policy[] {
  const content = readJsonFile(path);
  return (Array.isArray(content) ? content : [content]).map((policy) => parsePolicy(policy));
}

/** `guangxi@2024` from the registry, or a policy JSON file. */
function policyArgument(argument: string, registry: PolicyRegistry): Policy {
  const match = /^([a-z0-9-]+)@(\d{4})$/.exec(argument);
  if (match === null) {
    const [policy, ...more] = policyFromFile(argument);
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

async function write(out: NodeJS.WriteStream, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

interface BatchOptions {
  readonly file: string;
  readonly from: InputFormat;
  readonly registry: PolicyRegistry;
  readonly progress: boolean;
}

/** Streams the file through the settlement, writing each outcome as `render` gives it; returns how many failed. */
async function runBatch(io: CliIo, options: BatchOptions, render: (outcome: Outcome) => string): Promise<{ rows: number; failed: number }> {
  const { file, from } = options;
  let size = 0;
  if (file !== '-') {
    try {
      size = statSync(file).size;
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const stream = file === '-' ? io.stdin : createReadStream(file);
  stream.setEncoding('utf8');
  const bar = options.progress && io.stderr.isTTY && size > 0 ? new ProgressBar(io.stderr, size) : undefined;
  let rows = 0;
  let failed = 0;
  let line = 0;
  try {
    for await (const output of settleInOrder(readRecords(stream, from), options.registry, from === 'csv', render)) {
      await write(io.stdout, output.text);
      rows += 1;
      if (output.failed) failed += 1;
      line = output.line;
      bar?.update((stream as { bytesRead?: number }).bytesRead ?? 0, rows, Date.now());
    }
  } catch (error) {
    bar?.clear();
    throw new StoppedError(`stopped after row ${rows}${rows > 0 ? ` (input line ${line})` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
  bar?.clear();
  return { rows, failed };
}

function registryWith(extraPolicyFiles: readonly string[]): PolicyRegistry {
  if (extraPolicyFiles.length === 0) return bundledRegistry;
  return createRegistry([...bundledRegistry.policies, ...extraPolicyFiles.flatMap(policyFromFile)]);
}

async function summarise(io: CliIo, counts: { rows: number; failed: number }): Promise<number> {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  await write(io.stderr, `${count(counts.rows, 'row')}: ${count(counts.rows - counts.failed, 'result')}, ${count(counts.failed, 'error')}\n`);
  return counts.failed > 0 ? EXIT.rowsFailed : EXIT.ok;
}

/** Runs one CLI invocation and returns its exit code; usage errors go to stderr as one line. */
export async function main(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        policy: { type: 'string', multiple: true },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.help) return (await write(io.stdout, `${HELP}\n`), EXIT.ok);
    if (values.version) return (await write(io.stdout, `${version}\n`), EXIT.ok);
    const [command, ...args] = positionals;
    const lang: Language = choice(values.lang, LANGUAGES, 'lang') ?? 'zh';
    const registry = registryWith(values.policy ?? []);
    const arity = (count: number, usage: string) => {
      if (args.length !== count) throw new UsageError(`usage: huzhu ${usage}`);
    };

    switch (command) {
      case 'evaluate':
      case 'explain': {
        arity(1, `${command} FILE [options]`);
        const file = args[0]!;
        const from = inputFormat(file, choice(values.from, INPUT_FORMATS, 'from'));
        const batch = { file, from, registry, progress: !values['no-progress'] };
        if (command === 'explain') {
          const counts = await runBatch(io, batch, (outcome) =>
            'issues' in outcome
              ? `line ${outcome.line}: error\n${outcome.issues.map((issue) => `  - ${issueText(issue)}`).join('\n')}\n\n`
              : `line ${outcome.line}\n${explain(outcome.result, { lang })}\n\n`,
          );
          return await summarise(io, counts);
        }
        const format: OutputFormat = choice(values.format, OUTPUT_FORMATS, 'format') ?? (io.stdout.isTTY ? 'table' : 'ndjson');
        const writer = outcomeWriter(format, lang);
        await write(io.stdout, writer.header);
        return await summarise(io, await runBatch(io, batch, writer.row));
      }
      case 'diff': {
        arity(2, 'diff A B   (each scheme@year or a policy JSON file)');
        const diff = diffPolicies(policyArgument(args[0]!, registry), policyArgument(args[1]!, registry));
        const format = choice(values.format, ['text', 'json'] as const, 'format') ?? 'text';
        await write(io.stdout, format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, lang));
        return EXIT.ok;
      }
      case 'policies': {
        arity(0, 'policies');
        const format = choice(values.format, ['text', 'json'] as const, 'format') ?? 'text';
        await write(io.stdout, format === 'json' ? `${JSON.stringify(registry.policies, null, 2)}\n` : formatPolicies(registry, lang));
        return EXIT.ok;
      }
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof StoppedError) {
      await write(io.stderr, `huzhu: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof InvalidInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      await write(io.stderr, `huzhu: ${(error as Error).message}\nRun "huzhu --help" for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
