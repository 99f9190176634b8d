import { policies } from './src';
import { memberYear } from './test/bench/workload';
import { settleFast } from './src/_lib/fastSettle';
import { emptyLedger } from './src/_lib/ledger';
import { plainFacts } from './src/_lib/plainInput';
import { acceptPolicy } from './src/_lib/acceptPolicy';
import { moneyFromFen } from './src/_lib/money';
import { SettledClaim } from './src/_lib/settle';
const accepted = acceptPolicy(policies.guangxi[2024]);
const years = Array.from({ length: 20000 }, (_, i) => memberYear(i, 10));
const pre = years.map((y) => ({ m: y.member as any, cs: y.claims.map((c) => ({ c, f: plainFacts(c)! })), l: emptyLedger(accepted, y.member.id) }));
const mode = process.argv[2];
const run = () => {
  if (mode === 'chain') for (const y of pre) { let l: any = y.l; for (const { c, f } of y.cs) l = settleFast(accepted, y.m, c, f, l)!.after; }
  if (mode === 'money') for (let i = 0; i < 200000; i++) moneyFromFen(i * 37);
  if (mode === 'settled') for (let i = 0; i < 200000; i++) new SettledClaim({ claimId: 'a', memberId: 'b', kind: 'death', eventDate: 'x', policy: null as any, eligible: true, reasons: [], total: null as any, warnings: [], illustrative: false }, null as any);
};
run();
console.error('START');
for (let r = 0; r < 5; r++) run();
console.error('END');
