class S1 { #a; constructor(f) { const self = this; self.a = f; self.b = f; self.c = f; self.d = f; self.e = f; self.f = f; self.g = f; self.h = f; self.i = f; self.j = f; this.#a = f; Object.freeze(this); } }
class S2 { #a; constructor(f) { this.a = f; this.b = f; this.c = f; this.d = f; this.e = f; this.f = f; this.g = f; this.h = f; this.i = f; this.j = f; this.#a = f; Object.freeze(this); } }
const K = { S1, S2 }[process.argv[2]];
const run = () => { let k = 0; for (let i = 0; i < 1e6; i++) k += new K(i).a & 1; return k; };
run(); console.error('START'); for (let r = 0; r < 5; r++) run(); console.error('END');
