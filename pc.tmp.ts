import { isPlainClaim, dayNumber, plainFen } from './src/_lib/plainInput';
import { memberYear } from './test/bench/workload';
const variants: Record<string, (c: any) => unknown> = {
  full: (c) => isPlainClaim(c),
  keys: (c) => Object.keys(c).length + (c.costs ? Object.keys(c.costs).length : 0),
  dates: (c) => c.kind === 'hospitalisation' ? dayNumber(c.admission) + dayNumber(c.discharge) : dayNumber(c.date),
  fen: (c) => c.kind === 'hospitalisation' ? plainFen(c.costs.total) + plainFen(c.costs.insurancePaid) + plainFen(c.costs.inScopeCopay) + plainFen(c.costs.selfPaid) : 0,
  touch: (c) => c.kind === 'hospitalisation' ? c.costs.total.length + c.admission.length : c.date.length,
};
for (let r = 0; r < 2; r++) for (const [name, f] of Object.entries(variants)) {
  let ms = 0; let n = 0; let k = 0;
  for (let i = 0; i < 50000; i++) { const y = memberYear(i, 10); const s = performance.now(); for (const c of y.claims) k = (k + Number(f(c))) | 0; ms += performance.now() - s; n += y.claims.length; }
  console.log(name.padEnd(6), (ms * 1000 / n).toFixed(3), 'µs/claim');
}
