const claims = Array.from({ length: 100000 }, (_, i) => ({ kind: 'hospitalisation', id: 'm' + i, admission: '2024-01-01', discharge: '2024-01-03', cause: 'illness', costs: { total: '1', insurancePaid: '0', inScopeCopay: '1', selfPaid: '0' } }));
const REQ = ['kind', 'id', 'admission', 'discharge', 'cause', 'costs'];
const SET = new Set(REQ);
function a(v) { let p = 0; for (const k in v) { if (REQ.includes(k)) p++; else return false; } return p === 6; }
function b(v) { let p = 0; for (const k in v) { if (SET.has(k)) p++; else return false; } return p === 6; }
function c(v) { let p = 0; for (const k in v) { switch (k) { case 'kind': case 'id': case 'admission': case 'discharge': case 'cause': case 'costs': p++; break; default: return false; } } return p === 6; }
for (let r = 0; r < 4; r++) for (const [n, f] of [['includes', a], ['set', b], ['switch', c]]) { const s = performance.now(); let k = 0; for (let j = 0; j < 10; j++) for (const x of claims) k += f(x) ? 1 : 0; if (r === 3) console.log(n, ((performance.now() - s) * 1e6 / 1e6).toFixed(1), 'ns', k); }
function d(v) { let i = 0; for (const k in v) { if (k !== REQ[i]) return a(v); i++; } return i === 6; }
const shuffled = claims.map((x) => ({ costs: x.costs, cause: x.cause, discharge: x.discharge, admission: x.admission, id: x.id, kind: x.kind }));
for (let r = 0; r < 4; r++) for (const [n, f, data] of [['ordered-first', d, claims], ['ordered-first on shuffled', d, shuffled], ['includes on shuffled', a, shuffled]]) { const s = performance.now(); let k = 0; for (let j = 0; j < 10; j++) for (const x of data) k += f(x) ? 1 : 0; if (r === 3) console.log(n, ((performance.now() - s) * 1e6 / 1e6).toFixed(1), 'ns', k); }
