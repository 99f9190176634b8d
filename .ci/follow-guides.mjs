#!/usr/bin/env node
// Follows each guide docs/adding-*.md, and docs/getting-started.md, literally on a copy of the repository, then runs the type
// check, and the whole test suite when the guide changed src/ or test/, on the copy: a guide whose
// steps leave CI red fails CI.
//
// What a guide's blocks mean (the guide explains the same to its readers):
//   File: `path`                        above a block: the block is the whole file
//   File: `path`, after the line `x`:   above a block: its lines go after the one line that reads x
//   File: `path`, replace:              above a block, and `with:` above the next one: the first
//                                       block's lines, found once in the file, become the second's
//   a sh block                          run with bash from the copy's root
//   Output:                             above a block, below a sh block: what that command prints
// Any other block is an illustration and is not followed.
//
// Usage: node .ci/follow-guides.mjs [docs/….md …] [--keep]   (--keep leaves the copies)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const named = args.filter((arg) => arg !== '--keep');
const guides = named.length > 0 ? named : readdirSync(join(ROOT, 'docs')).filter((name) => /^(adding-.*|getting-started)\.md$/.test(name)).sort().map((name) => `docs/${name}`);

class StepError extends Error {}

/** The guide's steps, in order: its marked file blocks and its shell blocks. */
function stepsOf(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i += 1) {
    const fence = /^(`{3,})(\S*)\s*$/.exec(lines[i]);
    if (fence === null) continue;
    const end = lines.findIndex((line, j) => j > i && line.trimEnd() === fence[1]);
    if (end < 0) throw new StepError(`line ${i + 1}: a code block that is never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before -= 1;
    blocks.push({ line: i + 1, lang: fence[2], text: lines.slice(i + 1, end).join('\n'), label: before >= 0 ? lines[before].trim() : '' });
    i = end;
  }
  const steps = [];
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b];
    const file = /^File: `([^`]+)`(.*)$/.exec(block.label);
    if (file !== null) {
      const [, path, rest] = file;
      const after = /^, after the line `([^`]+)`:$/.exec(rest);
      if (rest === '') steps.push({ kind: 'write', line: block.line, path, text: block.text });
      else if (after !== null) steps.push({ kind: 'insert', line: block.line, path, anchor: after[1], text: block.text });
      else if (rest === ', replace:') {
        const next = blocks[b + 1];
        if (next === undefined || next.label !== 'with:') throw new StepError(`line ${block.line}: "replace:" needs a block under "with:" right after it`);
        steps.push({ kind: 'replace', line: block.line, path, old: block.text, text: next.text });
        b += 1;
      } else throw new StepError(`line ${block.line}: unknown file marker "${block.label}"`);
    } else if (['sh', 'bash', 'shell'].includes(block.lang)) {
      const output = blocks[b + 1]?.label === 'Output:' ? blocks[b + 1] : undefined;
      steps.push({ kind: 'run', line: block.line, command: block.text, output: output?.text });
      if (output !== undefined) b += 1;
    } else if (block.label === 'Output:') {
      throw new StepError(`line ${block.line}: an "Output:" block that follows no sh block`);
    }
  }
  return steps;
}

/** A copy of the working tree (tracked and untracked files, not ignored ones) sharing node_modules. */
function copyRepository() {
  const copy = mkdtempSync(join(tmpdir(), 'huzhu-guide-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(copy, file), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

function readIn(copy, path) {
  const file = join(copy, path);
  if (!existsSync(file)) throw new StepError(`${path} does not exist`);
  return readFileSync(file, 'utf8');
}

/** The one place `part` occurs in `text`; a step that could mean two places is wrong. */
function onlyPlace(text, part, path, what) {
  const at = text.indexOf(part);
  if (at < 0) throw new StepError(`${path} has no ${what}:\n${part}`);
  if (text.indexOf(part, at + 1) >= 0) throw new StepError(`${path} has more than one ${what}:\n${part}`);
  return at;
}

function follow(step, copy) {
  switch (step.kind) {
    case 'write': {
      mkdirSync(dirname(join(copy, step.path)), { recursive: true });
      writeFileSync(join(copy, step.path), `${step.text}\n`);
      return `wrote ${step.path}`;
    }
    case 'insert': {
      const text = readIn(copy, step.path);
      const lines = text.split('\n');
      const matching = lines.flatMap((line, index) => (line.trim() === step.anchor.trim() ? [index] : []));
      if (matching.length !== 1) throw new StepError(`${step.path} has ${matching.length === 0 ? 'no' : 'more than one'} line reading \`${step.anchor}\``);
      lines.splice(matching[0] + 1, 0, ...step.text.split('\n'));
      writeFileSync(join(copy, step.path), lines.join('\n'));
      return `added ${step.text.split('\n').length} line(s) to ${step.path}`;
    }
    case 'replace': {
      const text = readIn(copy, step.path);
      const at = onlyPlace(text, step.old, step.path, 'such lines to replace');
      writeFileSync(join(copy, step.path), text.slice(0, at) + step.text + text.slice(at + step.old.length));
      return `replaced ${step.old.split('\n').length} line(s) of ${step.path}`;
    }
    case 'run': {
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', step.command], { cwd: copy, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (run.status !== 0) throw new StepError(`\`${step.command}\` exited with ${run.status ?? run.signal}:\n${run.stdout}${run.stderr}`);
      if (step.output !== undefined && run.stdout.trimEnd() !== step.output.trimEnd()) {
        throw new StepError(`\`${step.command}\` printed:\n${run.stdout.trimEnd()}\n\nwhile the guide shows:\n${step.output.trimEnd()}`);
      }
      return `ran \`${step.command.split('\n').join('; ')}\``;
    }
  }
}

function check(copy, command, args) {
  console.log(`  $ ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { cwd: copy, stdio: 'inherit' });
  if (run.status !== 0) throw new StepError(`\`${command} ${args.join(' ')}\` failed on the copy`);
}

let failed = 0;
for (const guide of guides) {
  console.log(`--- following ${guide}`);
  const copy = copyRepository();
  try {
    const steps = stepsOf(readFileSync(resolve(ROOT, guide), 'utf8'));
    // A guide with nothing to follow would pass without being checked.
    if (steps.length === 0) throw new StepError('no steps to follow: no "File:" block and no sh block');
    for (const step of steps) {
      try {
        console.log(`  ${guide}:${step.line}: ${follow(step, copy)}`);
      } catch (error) {
        if (error instanceof StepError) error.message = `${guide}:${step.line}: ${error.message}`;
        throw error;
      }
    }
    check(copy, 'npm', ['run', 'typecheck']);
    // The suite only needs running again when the guide changed the library or its tests; a guide
    // that adds an example (getting-started) is checked by running it and by the type check.
    const changesLibrary = steps.some((step) => step.kind !== 'run' && /^(src|test)\//.test(step.path));
    if (changesLibrary) check(copy, 'npm', ['test', '--', '--reporter=dot']);
    console.log(`ok: ${guide}, followed literally, leaves the type check${changesLibrary ? ' and the tests' : ''} green`);
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    failed += 1;
    console.error(`FAILED: ${guide}: ${error.message}`);
  } finally {
    if (keep) console.log(`  (copy kept in ${copy})`);
    else rmSync(copy, { recursive: true, force: true });
  }
}
if (guides.length === 0) {
  console.error('no guide docs/adding-*.md or docs/getting-started.md to follow');
  process.exit(1);
}
process.exit(failed === 0 ? 0 : 1);
