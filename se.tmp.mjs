const ids = Array.from({ length: 1000 }, (_, i) => `m${100000 + i}-c${i % 10}`.slice(0));
const probe = ids.map((s) => (s + ' ').slice(0, -1));
let k = 0;
for (let r = 0; r < 3; r++) {
  let s = performance.now();
  for (let j = 0; j < 2000; j++) for (let i = 1; i < 1000; i++) if (ids[i - 1] === probe[i]) k++;
  const a = performance.now() - s;
  s = performance.now();
  for (let j = 0; j < 2000; j++) for (let i = 1; i < 1000; i++) { const x = ids[i - 1], y = probe[i]; if (x.length === y.length && x.charCodeAt(x.length - 1) === y.charCodeAt(y.length - 1) && x === y) k++; }
  const b = performance.now() - s;
  console.log('===', (a * 1e6 / 2e6).toFixed(2), 'ns; last-char first', (b * 1e6 / 2e6).toFixed(2), 'ns', k);
}
