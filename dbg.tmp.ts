import { policies } from './src';
import { memberYear } from './test/bench/workload';
import { settleFast } from './src/_lib/fastSettle';
import { emptyLedger } from './src/_lib/ledger';
import { plainFacts } from './src/_lib/plainInput';
import { acceptPolicy } from './src/_lib/acceptPolicy';
const accepted = acceptPolicy(policies.guangxi[2024]);
let n = 0;
for (let i = 0; i < 1000; i++) { const y = memberYear(i, 10); let l: any = emptyLedger(accepted, y.member.id); for (const c of y.claims) { l = settleFast(accepted, y.member as any, c, plainFacts(c)!, l)!.after; n++; } }
console.log(n, (globalThis as any).conversions);
