const E = Object.freeze({}); const A = Object.freeze([]); const B = Object.freeze({ a: 1, b: 2 }); const A2 = Object.freeze([1, 2]);
const tests = {
  spreadFrozenEmptyObj: () => ({ ...E }),
  spreadFrozenObj: () => ({ ...B }),
  spreadPlainObj: () => ({ ...{ a: 1, b: 2 } }),
  assignFrozenObj: () => Object.assign({}, B),
  spreadFrozenArr: () => [...A2, 3],
  concatFrozenArr: () => A2.concat(3),
  sliceFrozenArr: () => A2.slice(),
};
for (let r = 0; r < 2; r++) for (const [n, f] of Object.entries(tests)) { const N = 3e6; const s = performance.now(); let k = 0; for (let i = 0; i < N; i++) k += f() ? 1 : 0; console.log(n.padEnd(22), ((performance.now() - s) * 1e6 / N).toFixed(1), 'ns'); }
