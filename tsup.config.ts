import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // `huzhu`, `huzhu/core` (without the bundled policies) and `huzhu/policies`, sharing their
    // code in chunks, in both formats: one copy of each class and cache, whichever entry a
    // program imports it through (`instanceof InvalidInputError` holds across them).
    entry: { index: 'src/index.ts', core: 'src/core.ts', policies: 'src/policies/index.ts' },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    // Each build cleans only its own files: the two run at once in the same folder.
    clean: ['index.*', 'index-*', 'core.*', 'policies.*', 'chunk-*'],
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
