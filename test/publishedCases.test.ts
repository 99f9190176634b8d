/**
 * Every published case file beside the bundled policies (`src/policies/<scheme>/<year>.cases.json`,
 * docs/published-cases.md), each case a test named by its sentence. A failure shows expected
 * and actual amounts and the explanation of the actual settlement, as `huzhu test` does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../src';
import { failureText, readCaseFile, runCase, type CaseFile } from '../src/cli/cases';

const POLICIES = join(import.meta.dirname, '..', 'src', 'policies');
const files = readdirSync(POLICIES, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.cases.json'))
  .sort();

it('finds the case files of the bundled schemes', () => {
  // A moved folder or a misspelt suffix would otherwise leave nothing to run, and pass.
  expect(files.map((name) => name.split(/[\\/]/)[0])).toEqual(expect.arrayContaining(['guangxi', 'guilin-condolence']));
});

for (const name of files) {
  const path = join(POLICIES, name);
  describe(relative(join(POLICIES, '..', '..'), path), () => {
    let file: CaseFile;
    try {
      file = readCaseFile(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      // A file that cannot be read is a failing test of its own, named by the file, not a crash of this one.
      it('is a case file huzhu can read (docs/published-cases.md)', () => {
        throw error;
      });
      return;
    }
    file.cases.forEach((entry, index) => {
      it(entry.name, () => {
        const outcome = runCase(file, index, bundledRegistry);
        if (outcome.mismatches.length > 0) expect.fail(`\n${failureText(outcome, 'en')}`);
      });
    });
  });
}
