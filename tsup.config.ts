import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

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

export default defineConfig([
  {
    // `huzhu`, `huzhu/core` (without the bundled policies) and `huzhu/policies`, sharing the
    // modules, in both formats: one copy of each class and cache, whichever entry a program
    // imports it through (`instanceof InvalidInputError` holds across them).
    entry: { ...modules, ...PUBLIC },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: { entry: PUBLIC },
    esbuildOptions(options) {
      options.chunkNames = 'lib/chunk-[hash]';
    },
    // Each build cleans only its own files: the two run at once in the same folder.
    clean: ['index.*', 'index-*', 'core.*', 'policies.*', 'lib'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
  {
    // The `huzhu` command: ESM only, with its shebang kept from src/bin.ts, and the script of
    // its worker threads: evaluate's and simulate's, each whole in one file.
    entry: { cli: 'src/bin.ts', 'cli-worker': 'src/cli/worker.ts', 'simulate-worker': 'src/cli/simulateWorker.ts' },
    format: ['esm'],
    splitting: false,
    clean: ['cli.*', 'cli-worker.*', 'simulate-worker.*'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
]);
