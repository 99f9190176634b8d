// Type-checks a consumer project against the packed tarball, as npm users get it, in each
// module setup TypeScript offers: node16 ESM, node16 CommonJS, nodenext and bundler, all with
// `skipLibCheck: false`, so an error in huzhu's declarations (or in how they read decimal.js's)
// shows. In each setup `ok.ts` must compile, and `bad.ts` must fail with exactly the type errors
// it is written to have: were `result.total` `any`, those would not happen.
// Dependencies are the repository's own installed (locked) copies, linked in: no registry needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// zod's declarations name the global `URL`: Node projects get it from @types/node, bundled ones from the DOM.
const node = { lib: ['es2022'], types: ['node'] };
const setups = {
  'node16-esm': { type: 'module', module: 'node16', moduleResolution: 'node16', ...node },
  'node16-cjs': { type: 'commonjs', module: 'node16', moduleResolution: 'node16', ...node },
  nodenext: { type: 'module', module: 'nodenext', moduleResolution: 'nodenext', ...node },
  bundler: { type: 'module', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] },
};

const settle = `import { Decimal, evaluateClaim, policies, type ClaimResult } from 'huzhu';

const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
const result: ClaimResult = evaluateClaim(policies.guangxi[2024], member, { kind: 'death', id: 'c1', date: '2024-06-01' });
const line = result.lines[0]!;
`;

const ok = `${settle}
const total: Decimal = result.total;
const amount: Decimal = line.amount;
const printed: string = total.plus(new Decimal('0.01')).toFixed(2);
export const checked: [Decimal, Decimal, string, boolean] = [total, amount, printed, Decimal.isDecimal(total)];
`;

// Each line marked `// error` must give TS2322 (type not assignable), and nothing else may fail.
const bad = `${settle}
export const total: string = result.total; // error
export const amount: number = line.amount; // error
export const printed: number = result.total.toFixed(2); // error
`;

const work = mkdtempSync(join(tmpdir(), 'huzhu-consumer-'));
try {
  // Packing runs `prepack`, which builds: the tarball is what `npm publish` would upload.
  execFileSync('npm', ['pack', '--loglevel', 'warn', '--pack-destination', work], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  const [tarball] = readdirSync(work).filter((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made no tarball');

  const modules = join(work, 'node_modules');
  mkdirSync(modules);
  execFileSync('tar', ['-xzf', tarball, '-C', modules], { cwd: work });
  renameSync(join(modules, 'package'), join(modules, 'huzhu'));
  const manifest = JSON.parse(readFileSync(join(modules, 'huzhu', 'package.json'), 'utf8'));
  assert.ok(existsSync(join(modules, 'huzhu', 'LICENSE')), 'the tarball has no LICENSE');
  mkdirSync(join(modules, '@types'));
  for (const dependency of [...Object.keys(manifest.dependencies ?? {}), '@types/node']) {
    const installed = join(repo, 'node_modules', dependency);
    assert.ok(existsSync(installed), `${dependency} is not installed: run npm ci first`);
    symlinkSync(installed, join(modules, dependency), 'junction');
  }

  const expected = bad.split('\n').flatMap((text, index) => (text.endsWith('// error') ? [`bad.ts(${index + 1}): TS2322`] : []));
  const failed = [];
  for (const [name, { type, ...options }] of Object.entries(setups)) {
    const project = join(work, name);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type }));
    const compilerOptions = { ...options, target: 'es2022', strict: true, skipLibCheck: false, noEmit: true };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['ok.ts', 'bad.ts'] }));
    writeFileSync(join(project, 'ok.ts'), ok);
    writeFileSync(join(project, 'bad.ts'), bad);

    const run = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: project, encoding: 'utf8' });
    const found = run.stdout.split('\n').flatMap((text) => {
      const error = /^(\S+?)\((\d+),\d+\): error (TS\d+):/.exec(text);
      return error ? [`${error[1]}(${error[2]}): ${error[3]}`] : [];
    });
    if (run.status !== 0 && JSON.stringify(found) === JSON.stringify(expected)) {
      console.log(`consumer types, ${name}: ok.ts compiles, bad.ts fails as it should`);
    } else {
      failed.push(name);
      console.error(`consumer types, ${name}: expected exactly ${expected.join(', ')}; tsc said:\n${run.stdout}${run.stderr}`);
    }
  }
  assert.deepEqual(failed, [], `consumer types fail in: ${failed.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
