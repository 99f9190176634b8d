import { Decimal } from 'decimal.js';
const P = Object.create(Decimal.prototype);
class A { constructor(s: number, e: number, d: number[]) { const t = this as any; t.constructor = Decimal; t.s = s; t.e = e; t.d = d; } }
class B { #f: number; constructor(s: number, e: number, d: number[], f: number) { const t = this as any; t.constructor = Decimal; t.s = s; t.e = e; t.d = d; this.#f = f; } }
class C { #f: number; constructor(s: number, e: number, d: number[], f: number) { const t = this as any; t.constructor = Decimal; t.s = s; t.e = e; t.d = d; this.#f = f; Object.freeze(this); } }
class D { constructor(s: number, e: number, d: number[], f: number) { const t = this as any; t.constructor = Decimal; t.s = s; t.e = e; t.d = d; t.f = f; Object.freeze(this); } }
class E { constructor(s: number, e: number, d: number[]) { const t = this as any; t.s = s; t.e = e; t.d = d; Object.freeze(this); } }
Object.setPrototypeOf(A.prototype, P); Object.setPrototypeOf(B.prototype, P); Object.setPrototypeOf(C.prototype, P);
for (let r = 0; r < 2; r++) for (const [name, K] of [['plain', A], ['private', B], ['private+freeze', C], ['field+freeze', D], ['noctor+freeze', E]] as const) {
  const N = 5e6; const s = performance.now(); let k = 0;
  for (let i = 0; i < N; i++) { const m = new (K as any)(1, 3, [i], i); k += m.e; }
  console.log(name.padEnd(16), ((performance.now() - s) * 1000 / N).toFixed(3), 'µs');
}
