#!/usr/bin/env node
// The `huzhu` command. All of it lives in ./cli; this file only wires it to the process.
import { createRequire } from 'node:module';
import { startEarly } from './cli/simulateStart';

const argv = process.argv.slice(2);
// `huzhu simulate`'s workers are started first and the rest of the command imported after:
// their start (loading their code) then runs beside this thread's.
startEarly(argv);
const { main } = await import('./cli/main');
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
process.exitCode = await main(argv, process, version);
