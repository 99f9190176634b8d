// Bundles three ways of using huzhu (esbuild, minified, ESM, browser platform), prints raw and
// gzip sizes against issue 17's targets, and fails when one goes over its budget. `huzhu`
// resolves through tsconfig.json's path to src/index.ts, so these are bundles of the sources
// as the site makes them, not of the built package (see docs/benchmarks.md, "Bundle sizes").
// A budget is the target where the target is met; until then it is the measured size rounded
// up a little, so CI stops regressions while the target is still ahead.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;

const entries = [
  { name: 'evaluateClaim + selectPolicy', code: "export { evaluateClaim, selectPolicy } from 'huzhu';", target: 60, budget: 100 },
  { name: 'toYuan alone', code: "export { toYuan } from 'huzhu';", target: 10, budget: 14.5 },
  { name: 'the whole library', code: "export * from 'huzhu';", target: 100, budget: 115 },
];

async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const bytes = result.outputFiles[0].contents;
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

const kb = (bytes) => (bytes / KB).toFixed(1);
let over = 0;
console.log('bundle sizes (KB = 1024 bytes; gzip at the default level)');
for (const { name, code, target, budget } of entries) {
  const { raw, gzip } = await bundle(code);
  const fits = gzip <= budget * KB;
  if (!fits) over += 1;
  const goal = budget === target ? `target ${target} KB met` : `target ${target} KB not met yet: budget ${budget} KB is today's size rounded up`;
  console.log(`${fits ? 'ok  ' : 'OVER'} ${name.padEnd(30)} ${kb(raw).padStart(7)} KB raw ${kb(gzip).padStart(6)} KB gzip  (${goal})`);
}
if (over > 0) {
  console.error(`${over} bundle(s) over budget`);
  process.exit(1);
}

