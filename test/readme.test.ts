/** The README's table of bundled parameters says what the bundled policies hold, status included. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policies } from '../src';
import { describeValue } from '../src/_lib/parameterText';
import { parametersOf } from './_fixtures';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('<!-- parameters:start -->'), readme.indexOf('<!-- parameters:end -->'));
const rows = table
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| policy') && !line.startsWith('| ---'))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));

describe('README bundled-parameter table', () => {
  const actual = Object.values(policies).flatMap((versions) =>
    Object.values(versions).flatMap((policy) =>
      parametersOf(policy).map(([path, parameter]) => ({ policy: `${policy.scheme} ${policy.year}`, path, parameter, attributes: policy.attributes })),
    ),
  );

  it('lists every bundled parameter, in order, with its label and status', () => {
    expect(rows.map(([policy, path, label, , status]) => [policy, path, label, status])).toEqual(
      actual.map(({ policy, path, parameter }) => [policy, `\`${path}\``, `${parameter.label.zh} ${parameter.label.en}`, parameter.provenance.status]),
    );
  });

  it('shows every value as English explanations write it', () => {
    // One formatter writes values for explanations and for this table, so they cannot drift apart.
    expect(rows.map((row) => row[3])).toEqual(actual.map(({ path, parameter, attributes }) => describeValue(path, parameter.value, 'en', attributes)));
  });
});
