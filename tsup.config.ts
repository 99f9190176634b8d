import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    // Each build cleans only its own files: the two run at once in the same folder.
    clean: ['index.*'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
  {
    // The `huzhu` command: ESM only, with its shebang kept from src/bin.ts, and the script of
    // its worker threads, each whole in one file.
    entry: { cli: 'src/bin.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    splitting: false,
    clean: ['cli.*', 'cli-worker.*'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
]);
