// A union app settles one member's protection year and shows the member why they got what
// they got. Run it with `npx tsx examples/union-app-year.ts`.
import { evaluateYear, explain, policies, type ClaimInput } from 'huzhu';

const member = {
  id: 'member-042',
  enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }],
};

// The claims arrive in any order; evaluateYear settles them by date and carries the ledger,
// so the maximum subsidy holds across the year.
const claims: ClaimInput[] = [
  {
    kind: 'hospitalisation',
    id: 'stay-autumn',
    admission: '2024-10-08',
    discharge: '2024-10-20',
    cause: 'illness',
    costs: { total: '42000.00', insurancePaid: '26000.00', inScopeCopay: '11000.00', selfPaid: '5000.00' },
  },
  {
    kind: 'hospitalisation',
    id: 'stay-spring',
    admission: '2024-03-01',
    discharge: '2024-03-06',
    cause: 'accident',
    costs: { total: '9000.00', insurancePaid: '6500.00', inScopeCopay: '2000.00', selfPaid: '500.00' },
  },
  { kind: 'disability', id: 'disability-1', date: '2024-11-15', grade: 8 },
];

// What the member had already been paid this year, e.g. from the app's database.
const ledger = { scheme: 'guangxi', year: 2024, memberId: 'member-042', total: '0', byBenefit: {}, claimIds: [] };

const year = evaluateYear(policies.guangxi[2024], member, claims, ledger);

console.log(explain(year));
console.log('\n--- in English ---\n');
console.log(explain(year, { lang: 'en' }));

// Store the ledger for the next claim of the year; it serialises with exact amounts.
console.log('\nledger to store:', JSON.stringify(year.ledger));
