/**
 * The tables generated from the bundled policies (the README's parameter table and
 * docs/schemes.md) are up to date: a policy changed without `npm run tables` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../.ci/tables';
import { bundledRegistry } from '../src';
import { parametersOf } from '../src/_lib/parameters';

const ROOT = join(import.meta.dirname, '..');
const generated = generatedFiles();

describe('generated tables', () => {
  it.each([...generated])('%s is what `npm run tables` writes', (file, text) => {
    expect(readFileSync(join(ROOT, file), 'utf8') === text, `${file} is stale: run \`npm run tables\``).toBe(true);
  });

  it('list every bundled parameter once in the README, with its value as explanations write it and its status', () => {
    const readme = generated.get('README.md')!;
    const table = readme.slice(readme.indexOf('<!-- parameters:start -->'), readme.indexOf('<!-- parameters:end -->'));
    const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| policy') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(bundledRegistry.policies.reduce((count, policy) => count + parametersOf(policy).size, 0));
    expect(rows).toContain('| guangxi 2024 | `benefits.hospital-allowance.formula.amount` | 住院补贴（每天） Daily hospital allowance per day | 50 yuan | published |');
    expect(rows).toContain('| xining 2024 | `contribution.payers` | 代缴规则 Who pays for whom | Registered hardship worker: public funds; Gig or platform worker: the union | published |');
    expect(rows).toContain('| guangxi 2024 | `benefits.hospitalisation.formula.bands` | 住院补助分段比例 Hospitalisation subsidy ratio bands | 50 % up to 50,000 yuan; 60 % above | illustrative |');
  });

  it('give every scheme a section in docs/schemes.md, a published value with its source and quote, an illustrative one marked', () => {
    const page = generated.get('docs/schemes.md')!;
    for (const policy of bundledRegistry.policies) expect(page).toContain(`### ${policy.scheme} ${policy.year}\n`);
    expect(page).toContain('| `benefits.death.formula.amount` | 身故津贴 Death benefit | 5,000 yuan | published: Guilin Daily, November 2023, “我市2024年度职工医疗互助保障参保工作正在进行”; quote: “将身故津贴从5000元提高到1万元” |');
    expect(page).toContain('| `benefits.hospitalisation.formula.deductible` | 住院补助起付线 Hospitalisation subsidy deductible ※ | 1,000 yuan | ※ illustrative: The Guangxi hospitalisation subsidy formula');
  });
});
