import { memberYear } from './test/bench/workload';
const claims = Array.from({ length: 20000 }, (_, i) => memberYear(i, 10).claims).flat().filter(c => c.kind === 'hospitalisation') as any[];
const REQ = ['kind', 'id', 'admission', 'discharge', 'cause', 'costs'];
function a(v: any) { const keys = Object.keys(v); let p = 0; for (const k of keys) { if (REQ.includes(k)) p++; else return false; } return p === REQ.length; }
function b(v: any) { let p = 0; for (const k in v) { if (REQ.includes(k)) p++; else return false; } return p === REQ.length; }
function c(v: any) { let n = 0; for (const _ in v) n++; return n === REQ.length && Object.hasOwn(v, 'kind') && Object.hasOwn(v, 'id') && Object.hasOwn(v, 'admission') && Object.hasOwn(v, 'discharge') && Object.hasOwn(v, 'cause') && Object.hasOwn(v, 'costs'); }
for (let r = 0; r < 3; r++) for (const [n, f] of [['keys', a], ['forin', b], ['count+own', c]] as const) {
  const s = performance.now(); let k = 0; for (const x of claims) k += +f(x); console.log(n, ((performance.now() - s) * 1000 / claims.length).toFixed(3), k);
}
