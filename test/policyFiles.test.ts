/** The bundled rule files: each one registered, each where its scheme and year say it is. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry, parsePolicy, policies } from '../src';

const folder = join(import.meta.dirname, '..', 'src', 'policies');
const files = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((scheme) => readdirSync(join(folder, scheme.name)).map((file) => `${scheme.name}/${file}`))
  .sort();

describe('bundled rule files', () => {
  it('are all JSON, and every one of them is bundled', () => {
    expect(files.filter((file) => !file.endsWith('.json'))).toEqual([]);
    // Beside a rule file may lie its published cases, `<year>.cases.json`.
    const ruleFiles = files.filter((file) => !file.endsWith('.cases.json'));
    expect(bundledRegistry.policies.map((policy) => `${policy.scheme}/${policy.year}.json`).sort()).toEqual(ruleFiles);
  });

  it('hold the scheme and year their path and their key in `policies` name', () => {
    for (const [scheme, versions] of Object.entries(policies)) {
      for (const [year, policy] of Object.entries(versions)) {
        expect(`${policy.scheme}/${policy.year}`).toBe(`${scheme}/${year}`);
        expect(parsePolicy(readFileSync(join(folder, scheme, `${year}.json`), 'utf8'))).toStrictEqual(policy);
      }
    }
  });
});
