// A policy author adds protection year 2026 to the Guangxi scheme without touching the engine,
// as docs/adding-a-protection-year.md does with files: copy last year's rule file, change the
// year and the figure that changed, load it as a JSON rule file is loaded, diff it against last
// year, compare a claim across the years, and check the new figure the way test/published/ does.
// Run it with `npx tsx examples/policy-author-new-year.ts`.
//
// Guangxi has published no 2026 rules, so the 2026 figure below is ILLUSTRATIVE: it shows the
// workflow and is marked so in the data and in every result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareClaim, createRegistry, diffPolicies, evaluateClaim, illustrative, parsePolicy, policies, selectPolicy } from 'huzhu';

// 1. Copy last year's rule file: every rule that did not change keeps its citation.
const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'policies', 'guangxi', '2024.json'), 'utf8'));

// 2. Change the year, its dates and its name, and the one figure that changed, with its provenance.
file.year = 2026;
file.name = { zh: '广西职工医疗互助保障（2026年度）', en: 'Guangxi employee medical mutual aid, protection year 2026' };
file.validFrom = '2026-01-01';
file.validTo = '2026-12-31';
const allowance = file.benefits.find((benefit: { id: string }) => benefit.id === 'hospital-allowance');
allowance.formula.amount.value = '60.00';
allowance.formula.amount.provenance = illustrative({ zh: '本指南虚构的 2026 年数值，未经公布。', en: 'Hypothetical 2026 figure for the guide; not published.' });

// 3. Load it as any JSON rule file is loaded: validated, frozen.
const guangxi2026 = parsePolicy(JSON.stringify(file));

// 4. Diff it against 2024: exactly the change intended, nothing else.
const diff = diffPolicies(policies.guangxi[2024], guangxi2026);
for (const change of diff.changes) {
  console.log(change.change, change.parameter, change.before?.value, '→', change.after?.value, change.after?.provenance.status);
}
assert.deepEqual(diff.changes.map((change) => change.parameter), ['benefits.hospital-allowance.formula.amount']);

// 5. Register it beside the bundled versions, and let selectPolicy pick it by date.
const registry = createRegistry([policies.guangxi[2023], policies.guangxi[2024], guangxi2026]);
const stay = {
  kind: 'hospitalisation',
  id: 'stay-1',
  admission: '2026-04-01',
  discharge: '2026-04-11',
  cause: 'illness',
  costs: { total: '20000.00', insurancePaid: '12000.00', inScopeCopay: '6000.00', selfPaid: '2000.00' },
} as const;
const member = { id: 'member-7', enrolments: [{ scheme: 'guangxi', year: 2026, from: '2026-01-01', to: '2026-12-31' }] };
assert.equal(selectPolicy('guangxi', stay, registry).year, 2026);

// 6. The check a figure's test makes: 60 yuan × 10 days = 600 yuan, and marked illustrative.
const result = evaluateClaim(selectPolicy('guangxi', stay, registry), member, stay);
const line = result.lines.find((benefit) => benefit.benefit === 'hospital-allowance');
assert.equal(line?.amount.toFixed(2), '600.00');
assert.equal(line?.illustrative, true);

// 7. What the member would have got under each year's rules.
const comparison = compareClaim(stay, member, [guangxi2026, policies.guangxi[2024], policies.guangxi[2023]]);
for (const { result: under, whatIf, difference } of comparison.results) {
  console.log(`${under.policy.year}: ${under.total.toFixed(2)} yuan${whatIf ? ' (what-if)' : ''}, ${difference.toFixed(2)} against 2026`);
}
