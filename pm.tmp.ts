import { isPlainMember } from './src/_lib/plainInput';
import { memberYear } from './test/bench/workload';
import { readLedger } from './src/_lib/readInputs';
import { acceptPolicy } from './src/_lib/acceptPolicy';
import { policies } from './src';
const p = acceptPolicy(policies.guangxi[2024]);
const members = Array.from({ length: 100000 }, (_, i) => memberYear(i, 1).member);
for (let r = 0; r < 3; r++) {
  let s = performance.now(); let k = 0; for (const m of members) k += +isPlainMember(m); const a = performance.now() - s;
  s = performance.now(); for (const m of members) k += readLedger(undefined, p, m.id).year; const b = performance.now() - s;
  if (r === 2) console.log('isPlainMember', (a * 10).toFixed(3), 'µs; readLedger(undefined)', (b * 10).toFixed(3), 'µs', k);
}
