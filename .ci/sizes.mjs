// Bundles ways of using the BUILT package, as a user's bundler sees it (esbuild, minified,
// ESM, browser platform, `import … from 'huzhu'` resolved through the `exports` map), prints
// raw and gzip sizes against issue 17's targets, and fails when one goes over its budget. A
// budget is the target where the target is met; otherwise the measured size rounded up a
// little, so CI stops regressions (toYuan's 10 KB is below decimal.js alone: see
// docs/benchmarks.md, "Bundle sizes"). It also fails when a bundle holds the classic `zod`:
// the library's schemas are zod/mini's, and one classic schema brings all of zod back.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;

// The settlement path as README's browser paragraph writes it: huzhu/core and one scheme.
const settlement = `import { createRegistry, evaluateClaim, selectPolicy } from 'huzhu/core';
import { guangxi } from 'huzhu/policies';
export const registry = createRegistry(Object.values(guangxi));
export { evaluateClaim, selectPolicy };`;

const entries = [
  { name: 'evaluateClaim + selectPolicy + guangxi', code: settlement, target: 60, budget: 60 },
  { name: 'the same from huzhu, every policy', code: "export { evaluateClaim, selectPolicy } from 'huzhu';", target: undefined, budget: 77 },
  { name: 'toYuan alone', code: "export { toYuan } from 'huzhu';", target: 10, budget: 14.5 },
  { name: 'the whole library', code: "export * from 'huzhu';", target: 100, budget: 100 },
];

// The repository's tsconfig maps `huzhu` to src/ for the tests; esbuild would follow it and
// measure the sources. An empty one makes it resolve the package, as a user's bundler does.
const scratch = mkdtempSync(join(tmpdir(), 'huzhu-sizes-'));
const tsconfig = join(scratch, 'tsconfig.json');
writeFileSync(tsconfig, '{}');

async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    tsconfig,
    logLevel: 'error',
    metafile: true,
  });
  const bytes = result.outputFiles[0].contents;
  const classic = Object.keys(result.metafile.inputs).filter((input) => input.includes('zod/v4/classic/'));
  return { raw: bytes.length, gzip: gzipSync(bytes).length, classic };
}

const kb = (bytes) => (bytes / KB).toFixed(1);
let over = 0;
console.log('bundle sizes (KB = 1024 bytes; gzip at the default level)');
for (const { name, code, target, budget } of entries) {
  const { raw, gzip, classic } = await bundle(code);
  const fits = gzip <= budget * KB;
  if (!fits) over += 1;
  if (classic.length > 0) {
    over += 1;
    console.error(`${name}: holds the classic zod (${classic.join(', ')})`);
  }
  const goal =
    target === undefined ? `no target: budget ${budget} KB is today's size rounded up`
    : budget === target ? `target ${target} KB met`
    : `target ${target} KB not met: budget ${budget} KB is today's size rounded up`;
  console.log(`${fits ? 'ok  ' : 'OVER'} ${name.padEnd(40)} ${kb(raw).padStart(7)} KB raw ${kb(gzip).padStart(6)} KB gzip  (${goal})`);
}
rmSync(scratch, { recursive: true });
if (over > 0) {
  console.error(`${over} bundle(s) over budget or holding the classic zod`);
  process.exit(1);
}

