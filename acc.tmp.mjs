function lit(i) { return Object.freeze({ a: i, b: 'x', c: true, d: null, e: 1, f: 2, lines: [i], ledger: { i } }); }
function acc(i) {
  let lines, ledger;
  return Object.freeze({ a: i, b: 'x', c: true, d: null, e: 1, f: 2, get lines() { return (lines ??= [i]); }, get ledger() { return (ledger ??= { i }); } });
}
for (let r = 0; r < 3; r++) for (const [n, f] of [['literal', lit], ['accessors', acc]]) {
  const N = 3e6; const s = performance.now(); let k = 0;
  for (let i = 0; i < N; i++) { const o = f(i); k += o.a; }
  console.log(n, ((performance.now() - s) * 1000 / N).toFixed(3), 'µs');
}
const o = acc(5); console.log(Object.keys(o), JSON.stringify(o), { ...o }, structuredClone(o));
