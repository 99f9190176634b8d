// A policy author adds protection year 2025 to the Guangxi scheme without touching the engine:
// derive it from 2024, validate it, diff it against 2024, compare a claim across the years,
// and check the announced figures the way test/published/ does.
// Run it with `npx tsx examples/policy-author-new-year.ts`.
//
// Guangxi has published no 2025 rules in huzhu's sources, so every 2025 figure below is
// ILLUSTRATIVE: it shows the workflow and is marked so in the data and in every result.
import assert from 'node:assert/strict';
import { compareClaim, createRegistry, diffPolicies, evaluateClaim, extendPolicy, parsePolicy, policies, selectPolicy } from 'huzhu';

const illustrative = {
  status: 'illustrative',
  note: { zh: '“新增保障年度”指南的示例，并非公布的数值。', en: 'Example for the guide "adding a new protection year"; not a published figure.' },
} as const;

// 1. Derive 2025 from 2024: a benefit given by id replaces the old one whole.
const guangxi2025 = extendPolicy(policies.guangxi[2024], {
  year: 2025,
  benefits: {
    'hospital-allowance': {
      label: { zh: '住院补贴', en: 'Daily hospital allowance' },
      event: 'hospitalisation',
      formula: {
        kind: 'perDay',
        amount: { value: '60', label: { zh: '住院补贴（每天）', en: 'Daily hospital allowance per day' }, provenance: illustrative },
      },
    },
  },
});

// 2. Validate it as a JSON rule file would be validated when loaded.
const reloaded = parsePolicy(JSON.parse(JSON.stringify(guangxi2025)));
assert.deepEqual(reloaded, guangxi2025);

// 3. Diff it against 2024: exactly the change intended, nothing else.
const diff = diffPolicies(policies.guangxi[2024], guangxi2025);
for (const change of diff.changes) {
  console.log(change.change, change.parameter, change.before?.value, '→', change.after?.value, change.after?.provenance.status);
}
assert.deepEqual(diff.changes.map((change) => change.parameter), ['benefits.hospital-allowance.formula.amount']);

// 4. Register it beside the bundled versions, and let selectPolicy pick it by date.
const registry = createRegistry([policies.guangxi[2023], policies.guangxi[2024], guangxi2025]);
const stay = {
  kind: 'hospitalisation',
  id: 'stay-1',
  admission: '2025-04-01',
  discharge: '2025-04-11',
  cause: 'illness',
  costs: { total: '20000.00', insurancePaid: '12000.00', inScopeCopay: '6000.00', selfPaid: '2000.00' },
} as const;
const member = { id: 'member-7', enrolments: [{ scheme: 'guangxi', year: 2025, from: '2025-01-01', to: '2025-12-31' }] };
assert.equal(selectPolicy('guangxi', stay, registry).year, 2025);

// 5. The check a published-example test makes: 60 yuan × 10 days = 600 yuan, and marked illustrative.
const result = evaluateClaim(selectPolicy('guangxi', stay, registry), member, stay);
const allowance = result.lines.find((line) => line.benefit === 'hospital-allowance');
assert.equal(allowance?.amount.toFixed(2), '600.00');
assert.equal(allowance?.illustrative, true);

// 6. What the member would have got under each year's rules.
const comparison = compareClaim(stay, member, [guangxi2025, policies.guangxi[2024], policies.guangxi[2023]]);
for (const { result: under, whatIf, difference } of comparison.results) {
  console.log(`${under.policy.year}: ${under.total.toFixed(2)} yuan${whatIf ? ' (what-if)' : ''}, ${difference.toFixed(2)} against 2025`);
}
