// A union app settles a claim under every plan a member holds, and shows what each plan paid
// and why. Run it with `npx tsx examples/union-app-plans.ts`.
import { bundledRegistry, evaluateMemberClaim, evaluateMemberYear, explain, type ClaimInput, type MemberInput } from 'huzhu';

const year = (scheme: string, protectionYear: number) => ({ scheme, year: protectionYear, from: `${protectionYear}-01-01`, to: `${protectionYear}-12-31` });

// Guangxi 2025: No. 1 (published rules) beside No. 3, which pays self-paid costs outside the
// insurance list (its rules were not published: the bundled figures are illustrative, marked ※).
const guangxiMember: MemberInput = { id: 'gx-007', enrolments: [year('guangxi', 2025), year('guangxi-mutual-aid-3', 2025)] };
const guangxiStay: ClaimInput = {
  kind: 'hospitalisation',
  id: 'stay-1',
  admission: '2025-05-01',
  discharge: '2025-05-11',
  cause: 'illness',
  costs: { total: '30000.00', insurancePaid: '20000.00', inScopeCopay: '4000.00', selfPaid: '6000.00' },
  // A charity fund already paid 1,000 yuan for this stay; No. 3 counts it.
  paidElsewhere: '1000.00',
};
const guangxi = evaluateMemberClaim(bundledRegistry, guangxiMember, guangxiStay);
for (const plan of guangxi.plans) console.log(`${plan.policy.scheme}: ${plan.total.toFixed(2)} yuan`);
console.log(`in all: ${guangxi.total.toFixed(2)} yuan\n`);
console.log(explain(guangxi, { lang: 'en' }));

// Hangzhou Dajiangdong 2018: three stackable plans, each with its own cap and ledger, settled
// over the year. The ledgers carry from claim to claim, plan by plan.
const hangzhouMember: MemberInput = {
  id: 'hz-112',
  sex: 'female',
  enrolments: ['hangzhou-dajiangdong-a', 'hangzhou-dajiangdong-b', 'hangzhou-dajiangdong-women'].map((scheme) => year(scheme, 2018)),
};
const hangzhouClaims: ClaimInput[] = [
  {
    kind: 'hospitalisation',
    id: 'stay-autumn',
    admission: '2018-10-08',
    discharge: '2018-10-20',
    cause: 'illness',
    costs: { total: '110000.00', insurancePaid: '50000.00', inScopeCopay: '35000.00', selfPaid: '25000.00' },
    filedOn: '2019-01-15',
  },
  {
    kind: 'hospitalisation',
    id: 'stay-spring',
    admission: '2018-03-01',
    discharge: '2018-03-06',
    cause: 'illness',
    costs: { total: '12000.00', insurancePaid: '8000.00', inScopeCopay: '3000.00', selfPaid: '1000.00' },
    filedOn: '2018-03-20',
  },
];
const hangzhou = evaluateMemberYear(bundledRegistry, hangzhouMember, hangzhouClaims);
console.log('\n');
for (const claim of hangzhou.results) {
  console.log(`${claim.claimId}: ${claim.plans.map((plan) => `${plan.policy.scheme} ${plan.total.toFixed(2)}`).join(', ')}`);
}
for (const [scheme, ledger] of Object.entries(hangzhou.ledgers)) console.log(`${scheme}: paid ${ledger.total.toFixed(2)} this year`);
console.log(`\n${explain(hangzhou.results[1]!)}`);
