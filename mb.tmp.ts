import { moneyFromFen } from './src/_lib/money';
for (let r = 0; r < 3; r++) {
  const N = 5e6; let s = performance.now(); let k = 0;
  for (let i = 0; i < N; i++) { const m = moneyFromFen((i * 7919) % 300000000); k += m.e; }
  console.log('moneyFromFen', ((performance.now() - s) * 1000 / N).toFixed(3), 'µs');
  s = performance.now();
  for (let i = 0; i < N; i++) { const o = Object.freeze({ a: i, b: 2, c: 3, d: [i] }); k += o.a; }
  console.log('freeze lit  ', ((performance.now() - s) * 1000 / N).toFixed(3), 'µs');
  s = performance.now();
  for (let i = 0; i < N; i++) { const o = { a: i, b: 2, c: 3, d: [i] }; k += o.a; }
  console.log('lit         ', ((performance.now() - s) * 1000 / N).toFixed(3), 'µs', k);
}
