/**
 * The bundled rule files: each one registered, each where its scheme and year say it is, each
 * already in the form parsePolicy gives it, since huzhu/policies registers them without the
 * schema (src/policies/index.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry, policies, safeParsePolicy } from '../src';

const folder = join(import.meta.dirname, '..', 'src', 'policies');
const files = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((scheme) => readdirSync(join(folder, scheme.name)).map((file) => `${scheme.name}/${file}`))
  .sort();
// Beside a rule file may lie its published cases, `<year>.cases.json`.
const ruleFiles = files.filter((file) => !file.endsWith('.cases.json'));

/** What a policy author reads when a file is not what parsePolicy makes of it. */
const howToFix = (file: string) =>
  `src/policies/${file} is not in the form parsePolicy gives it. huzhu/policies registers its files without validating them, ` +
  'so each must be exactly parsePolicy\'s output: amounts as two-decimal strings ("50.00"), ratios as decimal strings ("0.5"), no ' +
  'key the schema would drop or add. See the difference below, or print the file\'s canonical form with the command in ' +
  'docs/adding-a-protection-year.md ("Check it").';

describe('bundled rule files', () => {
  it('are all JSON, and every one of them is bundled', () => {
    expect(files.filter((file) => !file.endsWith('.json'))).toEqual([]);
    expect(bundledRegistry.policies.map((policy) => `${policy.scheme}/${policy.year}.json`).sort()).toEqual(ruleFiles);
  });

  it('hold the scheme and year their path and their key in `policies` name', () => {
    for (const [scheme, versions] of Object.entries(policies)) {
      for (const [year, policy] of Object.entries(versions)) {
        expect(`${policy.scheme}/${policy.year}`).toBe(`${scheme}/${year}`);
      }
    }
  });

  it.each(ruleFiles)('%s is already what parsePolicy makes of it', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    const parsed = safeParsePolicy(text);
    if (!parsed.success) expect.fail(`${howToFix(file)}\n${parsed.error.message}`);
    expect(JSON.parse(text), howToFix(file)).toStrictEqual(parsed.data);
  });
});
