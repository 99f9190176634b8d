// An office settles a file of claims with the huzhu command. With the package installed:
//
//   npx huzhu evaluate claims.csv --format csv > results.csv
//
// Here the command runs from source on examples/data/claims.csv, which uses the Chinese
// column headers (docs/cli.md lists them). Row 5 has its discharge before its admission: it
// comes out as an error with its line number, the other rows settle, and the exit code is 1.
// Run it with `npx tsx examples/csv-batch.ts`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const huzhu = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], { cwd: root, encoding: 'utf8' });

const table = huzhu('evaluate', 'examples/data/claims.csv', '--format', 'table');
console.log(table.stdout);
console.log(table.stderr.trim(), `(exit code ${table.status})`);

const csv = huzhu('evaluate', 'examples/data/claims.csv', '--format', 'csv', '--lang', 'en');
console.log(`\n${csv.stdout}`);

// Exit code 1 means some rows failed and are in the output as errors; 2 would mean the
// command could not run at all.
if (table.status !== 1 || csv.status !== 1) throw new Error(`unexpected exit codes ${table.status}, ${csv.status}`);
