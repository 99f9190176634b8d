const F = Object.freeze([1, 2, 3, 4]); const P = [1, 2, 3, 4];
const FO = Object.freeze(['a', 'b', 'c']); const PO = ['a', 'b', 'c'];
const tests = {
  forOfFrozen: () => { let k = 0; for (const x of F) k += x; return k; },
  forOfPlain: () => { let k = 0; for (const x of P) k += x; return k; },
  includesFrozen: () => FO.includes('c'),
  includesPlain: () => PO.includes('c'),
  mapFrozen: () => F.map((x) => x + 1),
  mapPlain: () => P.map((x) => x + 1),
  someFrozen: () => F.some((x) => x > 3),
  spreadFrozen: () => [...F],
  spreadPlain: () => [...P],
};
for (let r = 0; r < 2; r++) for (const [n, f] of Object.entries(tests)) { const N = 3e6; const s = performance.now(); let k = 0; for (let i = 0; i < N; i++) k += f() ? 1 : 0; if (r) console.log(n.padEnd(22), ((performance.now() - s) * 1e6 / N).toFixed(1), 'ns'); }
