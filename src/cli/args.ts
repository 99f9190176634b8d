import { parseArgs } from 'node:util';
import { LANGUAGES } from '../_lib/messages';
import { OUTPUT_FORMATS } from './output';
import { INPUT_FORMATS } from './records';

/**
 * The command could not run: exit code 2, with each line of the message on stderr after
 * `huzhu: `. A misuse names the help that would have helped: `help` is a command's name, or
 * '' for the overview.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
  }
}

interface OptionSpec {
  /** The values the option takes; it takes none (a flag) when neither this nor `value` is set. */
  readonly choices?: readonly string[];
  /** What the value is, when it is not one of `choices`. */
  readonly value?: string;
  readonly text: string;
}

const FROM = { choices: INPUT_FORMATS, text: 'input format; by default from the file extension' };
const LANG = { choices: LANGUAGES, text: 'language of reasons and explanations (default zh)' };
const POLICY = { value: 'FILE', text: 'add the policies of a JSON file to the bundled ones; repeatable' };
const PROGRESS = { text: 'never show the progress bar (it shows only on a terminal)' };
const MAX_FIELD_SIZE = { value: 'BYTES', text: 'largest CSV field, JSON array element or NDJSON line read (default 1048576)' };
const WORKERS = { value: 'N', text: 'threads that settle rows (default: one per core); 1 settles in the main thread' };
const TEXT_OR_JSON = { choices: ['text', 'json'], text: 'output (default text)' };

/** The options every command takes. */
const GLOBAL_OPTIONS = {
  help: { text: 'this help' },
  version: { text: 'the version of huzhu' },
} as const satisfies Record<string, OptionSpec>;
const SHORT: Readonly<Record<string, string>> = { help: 'h', version: 'v' };

interface CommandSpec {
  readonly operands: readonly string[];
  readonly text: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** What the help adds after the options. */
  readonly more?: string;
  /** The exit codes, when they are not those of a command that settles rows. */
  readonly exitCodes?: string;
}

/** What settles a file reads from the environment (docs/cli.md, "Memory"). */
const ENVIRONMENT = [
  'Environment:',
  columns([
    ['HUZHU_LEDGERS_IN_MEMORY', "members' ledgers kept in memory (default 10000); past them, ledgers and"],
    ['', 'the rows that need them wait in temporary files'],
    ['HUZHU_TMPDIR', 'where those files go (default: the system temporary folder)'],
  ]),
  '',
].join('\n');

/** Every command with its operands and options: the parser and each help text read this one table. */
const COMMANDS = {
  evaluate: {
    operands: ['FILE'],
    text: 'settle every claim in FILE (- for standard input)',
    more: ENVIRONMENT,
    options: {
      from: FROM,
      format: { choices: OUTPUT_FORMATS, text: 'output; table on a terminal, ndjson otherwise; json is one array' },
      lang: LANG,
      'max-field-size': MAX_FIELD_SIZE,
      policy: POLICY,
      'no-progress': PROGRESS,
      workers: WORKERS,
    },
  },
  explain: {
    operands: ['FILE'],
    text: 'settle and explain every claim in FILE (- for standard input)',
    more: ENVIRONMENT,
    options: { from: FROM, lang: LANG, 'max-field-size': MAX_FIELD_SIZE, policy: POLICY, 'no-progress': PROGRESS, workers: WORKERS },
  },
  diff: {
    operands: ['A', 'B'],
    text: 'what changes from policy A to B (each scheme@year or a policy JSON file)',
    options: { format: TEXT_OR_JSON, lang: LANG, policy: POLICY },
  },
  simulate: {
    operands: ['FILE'],
    text: 'what a claims book would cost under several policy versions, who gains and who loses',
    more: 'Rows of the same member must be together in FILE. See docs/simulation.md.\n',
    options: {
      against: { value: 'VERSION', text: 'the baseline: scheme@year or a policy JSON file (required)' },
      policy: { value: 'VERSION', text: 'a version to compare with the baseline (scheme@year or a policy JSON file); repeatable' },
      roster: { value: 'FILE', text: 'members enrolled (CSV of id,count,flags or a JSON array), for contributions and balance' },
      report: { value: 'FILE', text: 'also write a self-contained HTML report there' },
      workers: { value: 'N', text: 'threads that simulate (default: one per core); 1 simulates in the main thread' },
      shard: { value: 'I/N', text: 'simulate only the I-th of N parts of the members, written as JSON for huzhu merge' },
      format: TEXT_OR_JSON,
      from: FROM,
      lang: LANG,
      'max-field-size': MAX_FIELD_SIZE,
      'no-progress': PROGRESS,
    },
  },
  merge: {
    operands: ['FILE...'],
    text: 'merge the JSON of simulate --shard parts (or of simulate --format json) into one',
    options: {
      format: { choices: ['text', 'json'], text: 'output (default json)' },
      report: { value: 'FILE', text: 'also write a self-contained HTML report there' },
      lang: LANG,
      policy: POLICY,
    },
  },
  policies: {
    operands: [],
    text: 'list the bundled schemes and years',
    options: { format: TEXT_OR_JSON, lang: LANG, policy: POLICY },
  },
  test: {
    operands: ['FILE'],
    text: 'run the published cases of a case file (docs/published-cases.md)',
    options: {
      lang: { choices: LANGUAGES, text: 'language of the explanation of a failed case (default zh)' },
      policy: { value: 'FILE', text: 'run the cases under the policies of a JSON file instead of the bundled ones; repeatable' },
    },
    exitCodes: 'Exit code: 0 when every case passed, 1 when any failed, 2 when the file could not be run\n(with the path of each error in it), 70 for a bug in huzhu.',
  },
  help: { operands: ['[COMMAND]'], text: 'this overview, or the help of one command', options: {} },
} as const satisfies Record<string, CommandSpec>;

export type Command = keyof typeof COMMANDS;

const EXIT_CODES = [
  'Exit code: 0 when every row was settled (refusals included), 1 when any row was an error,',
  '2 when the command could not run or stopped part-way, 70 for a bug in huzhu. A reader that',
  'closes the pipe early (| head) ends the command quietly, with 0. huzhu test: 1 when any case',
  'failed.',
].join('\n');

const isCommand = (name: string): name is Command => Object.hasOwn(COMMANDS, name);
const isWorkCommand = (name: string): name is WorkCommand => isCommand(name) && name !== 'help';

/** Two columns, the first as wide as its widest entry. */
function columns(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}   ${right}`).join('\n');
}

const optionName = (name: string) => (name in SHORT ? `-${SHORT[name]}, --${name}` : `--${name}`);
const optionValue = (spec: OptionSpec) => spec.choices?.join('|') ?? spec.value;
const optionRows = (options: Readonly<Record<string, OptionSpec>>) =>
  Object.entries({ ...options, ...GLOBAL_OPTIONS }).map(([name, spec]: [string, OptionSpec]) => {
    const value = optionValue(spec);
    return [value === undefined ? optionName(name) : `${optionName(name)} ${value}`, spec.text] as const;
  });

/** `huzhu help`: every command, a line each. */
export function overview(): string {
  const commands = Object.entries(COMMANDS).map(([name, spec]) => [[name, ...spec.operands].join(' '), spec.text] as const);
  return [
    'huzhu — settle trade-union medical mutual-aid claims (职工医疗互助保障)',
    '',
    'Usage: huzhu COMMAND [options]',
    '',
    'Commands:',
    columns(commands),
    '',
    'Options:',
    columns(optionRows({})),
    '',
    'Run "huzhu help COMMAND" for the options of a command.',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** `huzhu help COMMAND`: its usage and every option it takes. */
export function commandHelp(command: Command): string {
  const spec: CommandSpec = COMMANDS[command];
  return [`Usage: huzhu ${[command, ...spec.operands].join(' ')} [options]`, '', `${spec.text[0]!.toUpperCase()}${spec.text.slice(1)}.`, '', 'Options:', columns(optionRows(spec.options)), '', ...(spec.more === undefined ? [] : [spec.more]), spec.exitCodes ?? EXIT_CODES, ''].join('\n');
}

/** A command that does some work, as opposed to `help`. */
export type WorkCommand = Exclude<Command, 'help'>;

/** One invocation, read and checked: help, the version, no command at all, or a command to run. */
export type Invocation =
  | { readonly kind: 'help'; readonly command: Command | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'none' }
  | {
      readonly kind: 'run';
      readonly command: WorkCommand;
      readonly operands: readonly string[];
      readonly options: Readonly<Record<string, string | undefined>>;
      /** Every `--policy` value, in order. */
      readonly policies: readonly string[];
      readonly noProgress: boolean;
    };

const ALL_OPTIONS: Readonly<Record<string, OptionSpec>> = Object.assign({}, GLOBAL_OPTIONS, ...Object.values(COMMANDS).map((command) => command.options));

/** `a`, `a or b`, `a, b or c`. */
const oneOf = (values: readonly string[]) => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);

/**
 * Reads the arguments. Node's parser runs in its lenient mode, so that every message about
 * a malformed option is huzhu's own and points at the help of the command in question.
 */
export function parseInvocation(argv: readonly string[]): Invocation {
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(
      Object.entries(ALL_OPTIONS).map(([name, spec]) => [name, { type: optionValue(spec) === undefined ? 'boolean' : 'string', ...(name in SHORT && { short: SHORT[name] }) }]),
    ),
  });
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []));
  const flags = new Set(tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])));
  const [first, ...operands] = positionals;
  // `huzhu help COMMAND` reads as `huzhu COMMAND --help`; asking for help is never a mistake.
  if (first === 'help' || flags.has('help')) {
    const [name, ...more] = first === 'help' ? operands : positionals;
    if (name !== undefined && !isCommand(name)) throw new UsageError(`unknown command "${name}"`, '');
    if (first === 'help' && more.length > 0) throw new UsageError('usage: huzhu help [COMMAND]', 'help');
    return { kind: 'help', command: name };
  }
  if (first !== undefined && !isWorkCommand(first)) throw new UsageError(`unknown command "${first}"`, '');
  if (flags.has('version')) return { kind: 'version' };
  const command = first;

  const allowed: Readonly<Record<string, OptionSpec>> = { ...(command && COMMANDS[command].options), ...GLOBAL_OPTIONS };
  const options: Record<string, string> = {};
  const policies: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = allowed[token.name];
    if (spec === undefined) {
      if (!(token.name in ALL_OPTIONS)) throw new UsageError(`unknown option ${token.rawName}`, command ?? '');
      // Without a command, the overview says what each option belongs to.
      if (command === undefined) continue;
      throw new UsageError(`${token.rawName} does not apply to ${command}`, command);
    }
    const takes = optionValue(spec);
    if (takes === undefined) {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`, command ?? '');
      continue;
    }
    // `--lang --format csv`: the next option is no value, whatever node's parser made of it.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError(`${token.rawName} needs a value: ${oneOf(spec.choices ?? [takes])}`, command ?? '');
    }
    if (spec.choices !== undefined && !spec.choices.includes(token.value)) {
      throw new UsageError(`${token.rawName} must be one of ${spec.choices.join(', ')}; got "${token.value}"`, command ?? '');
    }
    if (token.name === 'policy') policies.push(token.value);
    else options[token.name] = token.value;
  }
  if (command === undefined) return { kind: 'none' };
  // `FILE...` takes one or more.
  const wanted: readonly string[] = COMMANDS[command].operands;
  const variadic = wanted.at(-1)?.endsWith('...') === true;
  if (variadic ? operands.length < wanted.length : operands.length !== wanted.length) {
    throw new UsageError(`usage: huzhu ${[command, ...COMMANDS[command].operands].join(' ')} [options]`, command);
  }
  return { kind: 'run', command, operands, options, policies, noProgress: flags.has('no-progress') };
}
