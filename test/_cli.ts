/** The `huzhu` command from source, run as a real subprocess: what every CLI test drives. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..');
export const FIXTURES = join(import.meta.dirname, 'fixtures', 'cli');

/** Node's arguments before huzhu's; tsx by its full address, so a command may run in any folder. */
export const NODE_ARGS = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, join(ROOT, 'src', 'bin.ts')];

/**
 * Each subprocess starts node with tsx, which takes seconds on a busy machine: a test file that
 * runs them sets this timeout, a guard against a hang, never a clock.
 */
export const CLI_TEST_TIMEOUT = 30_000;

export interface CliOptions {
  readonly input?: string;
  /** The working folder; the CLI fixtures by default. */
  readonly cwd?: string;
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `huzhu ...args` to the end. */
export function huzhu(args: readonly string[], { input, cwd = FIXTURES, env = {} }: CliOptions = {}): { code: number | null; stdout: string; stderr: string } {
  // Outputs of many megabytes are read whole: node's default would cut them at 1 MiB.
  const run = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts `huzhu ...args`, for a test that reads or closes its streams as they go. */
export function startHuzhu(args: readonly string[], cwd = FIXTURES): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...NODE_ARGS, ...args], { cwd });
}
