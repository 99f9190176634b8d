/**
 * Every public function's JSDoc `@example` runs, and gives what its `//=>` line says.
 * The example is TypeScript; it is transpiled and run with the library's exports in scope.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as huzhu from '../src';

const SRC = join(import.meta.dirname, '..', 'src');
const modules = readdirSync(SRC, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !['cli', 'policies'].includes(entry.name))
  .map((entry) => entry.name);

function exampleOf(source: string): { code: string; expected: string } | undefined {
  const match = /@example\n([\s\S]*?)\*\//.exec(source);
  if (!match) return undefined;
  const lines = match[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
  const arrow = lines.findIndex((line) => line.startsWith('//=>'));
  return { code: lines.slice(0, arrow).join('\n').trim(), expected: lines[arrow]!.slice('//=>'.length).trim() };
}

function run(code: string): unknown {
  // The last statement is the expression whose value the example shows.
  const cut = code.lastIndexOf(';\n') + 1;
  const body = `${code.slice(0, cut)}\nreturn (${code.slice(cut).trim()});`;
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return new Function(...Object.keys(huzhu), js)(...Object.values(huzhu));
}

describe('JSDoc examples', () => {
  it('exist for every public function module', () => {
    const missing = modules.filter((name) => !exampleOf(readFileSync(join(SRC, name, 'index.ts'), 'utf8')));
    expect(missing).toEqual([]);
    const functions = Object.keys(huzhu).filter((name) => /^[a-z]/.test(name) && typeof huzhu[name as keyof typeof huzhu] === 'function');
    expect(functions.sort()).toEqual([...modules].sort());
  });

  it.each(modules)('%s: the example gives what it shows', (name) => {
    const example = exampleOf(readFileSync(join(SRC, name, 'index.ts'), 'utf8'))!;
    expect(run(example.code)).toEqual(new Function(`return (${example.expected});`)());
  });
});
