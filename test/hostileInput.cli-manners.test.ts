/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): the `huzhu` command
 * against a reader that goes away, paths that are no files, malformed arguments and broken
 * policy files. Each must end with one line in huzhu's own words (or, for a closed pipe,
 * quietly) and the documented exit code, never with a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_TEST_TIMEOUT, FIXTURES, NODE_ARGS, huzhu as runHuzhu, startHuzhu } from './_cli';
import { main, type CliIo } from '../src/cli/main';

const huzhu = (args: string[], input?: string) => runHuzhu(args, { input, cwd: DIR });

/**
 * Runs the command with a reader that leaves as `head -1` does: after the first chunk of
 * output, or (`early`) before any, for commands whose whole output is one write.
 */
function huzhuIntoClosedPipe(args: string[], { input, early = false }: { input?: string; early?: boolean }) {
  const child = startHuzhu(args, DIR);
  let stderr = '';
  let read = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // The command stops reading its input once nobody reads its output.
  child.stdin.on('error', () => {});
  child.stdin.end(input ?? '');
  if (early) child.stdout.destroy();
  else child.stdout.setEncoding('utf8').once('data', (chunk: string) => ((read = chunk), child.stdout.destroy()));
  return new Promise<{ code: number | null; signal: string | null; stderr: string; read: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read })),
  );
}

// Each test starts node with tsx, which takes seconds on a busy machine; no test here measures time.
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT });

let DIR = '';
/** 3,000 rows: far more output than a pipe holds, so the command is still writing when the reader leaves. */
const ROWS = Array.from({ length: 3000 }, (_, i) => `guangxi,m${i},2024-01-01,2024-12-31,c${i},death,2024-06-01`);
const CSV = ['scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date', ...ROWS].join('\n');

beforeAll(() => {
  DIR = mkdtempSync(join(tmpdir(), 'huzhu-manners-'));
  writeFileSync(join(DIR, 'many.csv'), CSV);
  mkdirSync(join(DIR, 'folder.csv'));
  const policy = JSON.parse(readFileSync(join(FIXTURES, 'test-policy-2025.json'), 'utf8')) as { benefits: { formula: { kind?: string } }[] };
  writeFileSync(join(DIR, 'next.json'), JSON.stringify(policy));
  delete policy.benefits[0]!.formula.kind;
  writeFileSync(join(DIR, 'broken.json'), JSON.stringify(policy));
  writeFileSync(join(DIR, 'pair.json'), JSON.stringify([JSON.parse(readFileSync(join(DIR, 'next.json'), 'utf8')), policy]));
  writeFileSync(join(DIR, 'not-json.json'), '{ "scheme": ');
});

describe('a reader that closes the pipe ends the command quietly, with exit code 0', () => {
  it.each([
    ['evaluate', 'table'],
    ['evaluate', 'csv'],
    ['evaluate', 'ndjson'],
    ['evaluate', 'json'],
  ])('%s --format %s', async (command, format) => {
    const run = await huzhuIntoClosedPipe([command, 'many.csv', '--format', format], {});
    expect(run.read).not.toBe('');
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, signal: null });
  });

  it.each([
    { name: 'explain', args: ['explain', 'many.csv'], early: false },
    { name: 'evaluate reading standard input', args: ['evaluate', '-', '--from', 'csv', '--format', 'ndjson'], input: CSV, early: false },
    { name: 'diff', args: ['diff', 'guangxi@2023', 'guangxi@2024'], early: true },
    { name: 'diff --format json', args: ['diff', 'guangxi@2023', 'guangxi@2024', '--format', 'json'], early: true },
    { name: 'policies', args: ['policies'], early: true },
    { name: 'policies --format json', args: ['policies', '--format', 'json'], early: true },
    { name: 'help', args: ['help'], early: true },
  ])('$name', async ({ args, input, early }) => {
    const run = await huzhuIntoClosedPipe(args, { input, early });
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, signal: null });
  });
});

describe('an input that is no readable file is one line and exit code 2', () => {
  it('a directory', () => {
    // With a format that has a header: nothing is written before the input is known to be readable.
    expect(huzhu(['evaluate', 'folder.csv', '--format', 'csv'])).toEqual({ code: 2, stdout: '', stderr: 'huzhu: cannot read folder.csv: it is a directory\n' });
  });

  it('a directory as a policy file', () => {
    expect(huzhu(['policies', '--policy', 'folder.csv'])).toEqual({ code: 2, stdout: '', stderr: 'huzhu: cannot read folder.csv: it is a directory\n' });
  });

  it('a directory on standard input', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" ${NODE_ARGS.join(' ')} evaluate - --from csv < folder.csv`], { cwd: DIR, encoding: 'utf8' });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: 'huzhu: cannot read standard input: it is a directory\n' });
  });

  it.runIf(process.platform === 'linux')('a file that fails to read after it opened', () => {
    // /proc/self/mem opens, and its first read fails with EIO.
    expect(huzhu(['evaluate', '/proc/self/mem', '--from', 'csv'])).toEqual({ code: 2, stdout: '', stderr: 'huzhu: cannot read /proc/self/mem: an input/output error\n' });
  });

  // Root reads any file whatever its mode, so only an ordinary user can see this refusal.
  it.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const file = join(DIR, 'locked.csv');
    writeFileSync(file, CSV, { mode: 0o000 });
    expect(huzhu(['evaluate', 'locked.csv'])).toEqual({ code: 2, stdout: '', stderr: 'huzhu: cannot read locked.csv: permission denied\n' });
  });
});

describe('an output that cannot be written', () => {
  it.runIf(existsSync('/dev/full'))('is one line and exit code 2', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" ${NODE_ARGS.join(' ')} evaluate many.csv --format csv > /dev/full`], { cwd: DIR, encoding: 'utf8' });
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 2, stderr: 'huzhu: cannot write the output: no space left on the device\n' });
  });
});

describe('a failure of huzhu itself', () => {
  it('is exit code 70 with the stack to report, never taken for failed rows', async () => {
    const stderr = new PassThrough().setEncoding('utf8');
    // A standard input without a file descriptor stands in for a bug: fstat throws a RangeError.
    const io = { stdin: { fd: -1 }, stdout: new PassThrough(), stderr } as unknown as CliIo;
    expect(await main(['evaluate', '-', '--from', 'csv'], io, '0.0.0')).toBe(70);
    expect(String(stderr.read())).toMatch(/^huzhu: internal error, please report it: RangeError.*\n {4}at /s);
  });
});

describe("malformed arguments are told in huzhu's words, with the help to read", () => {
  it.each([
    { args: ['evaluate', 'many.csv', '--x'], stderr: 'huzhu: unknown option --x (see huzhu evaluate --help)\n' },
    { args: ['evaluate', 'many.csv', '-z'], stderr: 'huzhu: unknown option -z (see huzhu evaluate --help)\n' },
    { args: ['--x'], stderr: 'huzhu: unknown option --x (see huzhu --help)\n' },
    { args: ['evaluate', 'many.csv', '--lang'], stderr: 'huzhu: --lang needs a value: zh or en (see huzhu evaluate --help)\n' },
    { args: ['evaluate', 'many.csv', '--lang', '--format', 'csv'], stderr: 'huzhu: --lang needs a value: zh or en (see huzhu evaluate --help)\n' },
    { args: ['evaluate', 'many.csv', '--policy'], stderr: 'huzhu: --policy needs a value: FILE (see huzhu evaluate --help)\n' },
    { args: ['evaluate', 'many.csv', '--no-progress=yes'], stderr: 'huzhu: --no-progress takes no value (see huzhu evaluate --help)\n' },
    { args: ['diff', 'guangxi@2023', 'guangxi@2024', '--from', 'csv'], stderr: 'huzhu: --from does not apply to diff (see huzhu diff --help)\n' },
    { args: ['explain', 'many.csv', '--format', 'csv'], stderr: 'huzhu: --format does not apply to explain (see huzhu explain --help)\n' },
    { args: ['evaluate', 'many.csv', '--lang', 'fr'], stderr: 'huzhu: --lang must be one of zh, en; got "fr" (see huzhu evaluate --help)\n' },
    { args: ['help', 'frobnicate'], stderr: 'huzhu: unknown command "frobnicate" (see huzhu --help)\n' },
  ])('$args', ({ args, stderr }) => {
    expect(huzhu(args)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('a policy file with an error is named, with each error on its own line', () => {
  it('a wrong field, with its path in the file', () => {
    const { code, stdout, stderr } = huzhu(['evaluate', 'many.csv', '--policy', 'broken.json']);
    expect(stderr).toMatch(/^huzhu: policy file broken\.json: benefits\[0\]\.formula\.kind: [^\n]+\n$/);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  });

  it('a wrong field in the second policy of an array', () => {
    expect(huzhu(['policies', '--policy', 'pair.json']).stderr).toMatch(/^huzhu: policy file pair\.json: \[1\]\.benefits\[0\]\.formula\.kind: [^\n]+\n$/);
  });

  it('a policy given as diff argument', () => {
    expect(huzhu(['diff', 'guangxi@2024', 'broken.json']).stderr).toMatch(/^huzhu: policy file broken\.json: benefits\[0\]\.formula\.kind: [^\n]+\n$/);
  });

  it('text that is not JSON', () => {
    expect(huzhu(['policies', '--policy', 'not-json.json']).stderr).toMatch(/^huzhu: policy file not-json\.json: not valid JSON: [^\n]+\n$/);
  });

  it('a version that overlaps one from another file', () => {
    const again = join(DIR, 'again.json');
    writeFileSync(again, readFileSync(join(DIR, 'next.json')));
    expect(huzhu(['policies', '--policy', 'next.json', '--policy', 'again.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'huzhu: policy file again.json: validFrom: "test" 2025 starts on 2025-01-01, while 2025 still applies\n',
    });
  });

  it('the same file given twice is read once', () => {
    const { code, stdout } = huzhu(['policies', '--policy', 'next.json', '--policy', join(DIR, 'next.json')]);
    expect(stdout.split('\n').map((line) => line.split(' ')[0])).toContain('test@2025');
    expect(code).toBe(0);
  });
});

describe('a record without its member or claim', () => {
  it("is told in huzhu's words, not zod's", () => {
    const { stdout } = huzhu(['evaluate', '-', '--from', 'ndjson', '--format', 'ndjson'], '{"scheme":"guangxi"}\n');
    expect(JSON.parse(stdout)).toEqual({
      line: 1,
      status: 'error',
      issues: [
        { path: ['member'], code: 'invalid_type', message: 'expected the member: an object with its id and enrolments' },
        { path: ['claim'], code: 'invalid_type', message: 'expected the claim: an object with its kind, id and dates' },
      ],
    });
  });
});
