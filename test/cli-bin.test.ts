/**
 * The built `huzhu` command: bin's file starts simulate's workers before the rest of the
 * command, with its dependencies, is loaded (simulateStart.ts), so that their start runs beside
 * this thread's. Built here from tsup.config.ts's entry for it, into a folder of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { beforeAll, describe, expect, it } from 'vitest';
import configs from '../tsup.config';
import { CLI_TEST_TIMEOUT, ROOT } from './_cli';

let DIST = '';

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'huzhu-bin-'));
  DIST = join(folder, 'dist');
  // The command reads its version from the package.json beside dist/, and its dependencies from node_modules.
  writeFileSync(join(folder, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'));
  const command = (configs as Options[]).find((options) => (options.entry as Record<string, string>).cli === 'src/bin.ts')!;
  await build({ ...command, config: false, outDir: DIST, clean: false, sourcemap: false, silent: true });
}, CLI_TEST_TIMEOUT);

/** The modules a file imports before it runs, its own and those of the files it imports (relative ones), in order. */
function loadedFirst(file: string, seen = new Set<string>()): string[] {
  seen.add(file);
  const specifiers = [...readFileSync(join(DIST, file), 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    if (!specifier.startsWith('./')) return [specifier];
    const imported = specifier.slice(2);
    return seen.has(imported) ? [] : [imported, ...loadedFirst(imported, seen)];
  });
}

describe('the built huzhu command', () => {
  it('loads neither zod nor decimal.js before it starts the workers of simulate', () => {
    const first = loadedFirst('cli.js');
    expect(first.some((module) => /^(zod|decimal\.js)(\/|$)/.test(module))).toBe(false);
    // What it does load is the early start: the rest comes after, by import().
    expect(first.some((module) => readFileSync(join(DIST, module), 'utf8').includes('startEarly'))).toBe(true);
  });

  it('runs', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(execFileSync(process.execPath, [join(DIST, 'cli.js'), '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });
});
