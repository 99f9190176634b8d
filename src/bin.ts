#!/usr/bin/env node
// The `huzhu` command. All of it lives in ./cli; this file only wires it to the process.
import { createRequire } from 'node:module';
import { main } from './cli/main';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
process.exitCode = await main(process.argv.slice(2), process, version);
