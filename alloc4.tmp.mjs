import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
let events = 0;
new PerformanceObserver((l) => { events += l.getEntries().length; }).observe({ entryTypes: ['gc'] });
class A { #p; constructor(a, b) { this.a = a; this.b = b; this.#p = 1; Object.freeze(this); } }
class B { constructor(a, b) { this.a = a; this.b = b; this.p = 1; Object.freeze(this); } }
class C { #p; constructor(a, b) { this.a = a; this.b = b; this.#p = 1; } }
class D { #p; constructor(a, b) { this.a = a; this.b = b; this.#p = 1; Object.freeze(this); } get p() { return this.#p; } }
const measure = async (name, f) => {
  for (let i = 0; i < 1e5; i++) f(i); await new Promise((r) => setTimeout(r, 50));
  const before = events; const N = 2e7; const s = performance.now(); for (let i = 0; i < N; i++) f(i); const ms = performance.now() - s; await new Promise((r) => setTimeout(r, 50));
  console.log(name.padEnd(20), ((events - before) * 16e6 / N).toFixed(0), 'B/obj', (ms * 1e6 / N).toFixed(1), 'ns');
};
await measure('private+freeze', (i) => new A(i, 2));
await measure('public+freeze', (i) => new B(i, 2));
await measure('private only', (i) => new C(i, 2));
console.log(%HasFastProperties(new A(1, 2)), %HasFastProperties(new B(1, 2)), %HasFastProperties(new C(1,2)));
console.log('same map A', %HaveSameMap(new A(1, 2), new A(3, 4)), 'same map B', %HaveSameMap(new B(1, 2), new B(3, 4)));
class E { #p; constructor(a, b) { this.a = a; this.b = b; this.#p = 1; Object.preventExtensions(this); } }
class F { #p; constructor(a, b) { this.a = a; this.b = b; this.#p = 1; Object.seal(this); } }
await measure('private+preventExt', (i) => new E(i, 2));
await measure('private+seal', (i) => new F(i, 2));
console.log('same map E', %HaveSameMap(new E(1, 2), new E(3, 4)));
