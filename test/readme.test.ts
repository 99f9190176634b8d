/** The README's table of bundled parameters says what the bundled policies hold, status included. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policies, type Parameter, type Policy } from '../src';

function parametersOf(policy: Policy): [string, Parameter][] {
  const found: [string, Parameter][] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    if ('provenance' in node && 'value' in node) {
      found.push([path, node as Parameter]);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      // Benefits are cited by id, as results cite them.
      const step = path === 'benefits' ? (child as { id: string }).id : key;
      walk(child, path === '' ? step : `${path}.${step}`);
    }
  };
  walk(policy, '');
  return found;
}

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('<!-- parameters:start -->'), readme.indexOf('<!-- parameters:end -->'));
const rows = table
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| policy') && !line.startsWith('| ---'))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));

describe('README bundled-parameter table', () => {
  const actual = Object.values(policies).flatMap((versions) =>
    Object.values(versions).flatMap((policy) =>
      parametersOf(policy).map(([path, parameter]) => ({ policy: `${policy.scheme} ${policy.year}`, path, parameter })),
    ),
  );

  it('lists every bundled parameter, in order, with its label and status', () => {
    expect(rows.map(([policy, path, label, , status]) => [policy, path, label, status])).toEqual(
      actual.map(({ policy, path, parameter }) => [policy, `\`${path}\``, `${parameter.label.zh} ${parameter.label.en}`, parameter.provenance.status]),
    );
  });

  it('shows every single-amount value as the policy holds it', () => {
    const shown = rows.map((row) => row[3]);
    actual.forEach(({ parameter }, index) => {
      if (typeof parameter.value === 'string') expect(shown[index]).toBe(parameter.value);
    });
  });
});
