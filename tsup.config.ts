import { readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import type { Plugin } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const PUBLIC = { index: 'src/index.ts', core: 'src/core.ts', policies: 'src/policies/index.ts' };

// Every module of the library is an entry of its own (dist/lib/…), so that the build keeps the
// modules apart, as the sources are: a program's bundler, told by `sideEffects: false` that
// they may go, then drops each module the program does not reach, with its top-level schemas.
// Bundled into a few chunks, they would all stay whenever one of their functions is imported.
const modules = Object.fromEntries(
  readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('cli') && !['bin.ts', 'index.ts', 'core.ts'].includes(file))
    .map((file) => [`lib/${file.slice(0, -'.ts'.length)}`, `src/${file}`]),
);

// `huzhu` is `huzhu/core`, `huzhu/policies` and the selectPolicy that picks from them, and its
// file imports theirs rather than the chunks they share: a program's bundler then lays out all
// the code before the rule files' data (some 160 KB), as the sources import it, and gzip finds
// the code's repeats within its 32 KB window. Sharing the chunks, the data fell among the code
// and the whole library gzipped 1 KB larger (docs/benchmarks.md, "Bundle sizes").
const INDEX_PARTS: Readonly<Record<string, string>> = { './core': './core', './policies': './policies', './selectPolicy': './lib/selectPolicy/index' };
const indexImportsEntries: Plugin = {
  name: 'index-imports-entries',
  setup(build) {
    // `.cjs` in the CommonJS build, as tsup names its files.
    const extension = build.initialOptions.outExtension?.['.js'] ?? '.js';
    build.onResolve({ filter: /^\.\/(core|policies|selectPolicy)$/ }, (args) => {
      const part = INDEX_PARTS[args.path];
      return args.importer === join(ROOT, 'src', 'index.ts') && part !== undefined ? { path: `${part}${extension}`, external: true } : undefined;
    });
  },
};

// Modules that dist/core.js imports first, for the layout alone: a program's bundler lays the
// modules out in the order it first meets them, and gzip finds more repeats with these early
// (the policy schema beside the input schemas, …). Imported for nothing, a module stays only
// in the bundle of a program that uses it (`sideEffects: false`), and Node loads them all
// anyway. Chosen by a search on the whole library's gzip (docs/benchmarks.md, "Bundle sizes":
// −0.6 KB on 2026-12-07); when modules come or go, search again. ESM only: bundlers read it.
const CORE_LAYOUT = ['historyEntries/index', '_lib/readInputs', '_lib/policySchema', '_lib/engine/conditions', 'explain/index', 'safeAssessEnrolment/index', 'compareClaim/index', 'evaluateMemberClaim/index', 'evaluateCondolence/index', 'safeEvaluateClaim/index', 'createRegistry/index', '_lib/parameters', 'definePolicy/index'];
const coreLayout: NonNullable<Options['plugins']>[number] = {
  name: 'core-layout',
  renderChunk(code, chunk) {
    if (this.format !== 'esm' || chunk.path !== join(ROOT, 'dist', 'core.js')) return undefined;
    // dist/core.js only re-exports: its source map maps nothing, and added lines leave it right.
    return { code: CORE_LAYOUT.map((module) => `import './lib/${module}.js';\n`).join('') + code };
  },
};

export default defineConfig([
  {
    // `huzhu`, `huzhu/core` (without the bundled policies) and `huzhu/policies`, sharing the
    // modules, in both formats: one copy of each class and cache, whichever entry a program
    // imports it through (`instanceof InvalidInputError` holds across them).
    // The public entries first: esbuild orders the chunks' imports in dist/ from this list, and
    // with it the layout of a program's bundle; this order gzips 0.5 KB smaller than the modules
    // first (docs/benchmarks.md, "Bundle sizes").
    entry: { ...PUBLIC, ...modules },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: { entry: PUBLIC },
    esbuildOptions(options) {
      options.chunkNames = 'lib/chunk-[hash]';
    },
    esbuildPlugins: [indexImportsEntries],
    plugins: [coreLayout],
    // Each build cleans only its own files: the three run at once in the same folder.
    clean: ['index.*', 'index-*', 'core.*', 'policies.*', 'lib'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
  {
    // The `huzhu` command: ESM only, with its shebang kept from src/bin.ts. Split, so that
    // cli.js is bin's few lines and the early start of simulate's workers (simulateStart.ts,
    // a chunk of its own that the command shares): they start before the rest of the command,
    // its dependencies included, is loaded from the chunk bin imports after (`cli-chunk-*`).
    entry: { cli: 'src/bin.ts' },
    format: ['esm'],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'cli-chunk-[hash]';
    },
    clean: ['cli.*', 'cli-chunk-*'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
  {
    // The scripts of the command's worker threads, evaluate's and simulate's, each whole in one file.
    entry: { 'cli-worker': 'src/cli/worker.ts', 'simulate-worker': 'src/cli/simulateWorker.ts' },
    format: ['esm'],
    splitting: false,
    clean: ['cli-worker.*', 'simulate-worker.*'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
]);
