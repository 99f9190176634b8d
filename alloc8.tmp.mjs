const D = function () {};
class M1 { #f; constructor(s, e, d, f) { this.constructor = D; this.s = s; this.e = e; this.d = d; this.#f = f; Object.freeze(this); } }
class M2 { constructor(s, e, d, f) { this.constructor = D; this.s = s; this.e = e; this.d = d; this.f = f; Object.freeze(this); } }
class M3 { #f; constructor(s, e, d, f) { this.constructor = D; this.s = s; this.e = e; this.d = d; this.#f = f; } }
class M4 { #f; constructor(s, e, d, f) { this.s = s; this.e = e; this.d = d; this.#f = f; Object.freeze(this); } }
class M5 { #f; #g; constructor(s, e, d, f) { this.s = s; this.e = e; this.d = d; this.#f = f; this.#g = f; Object.freeze(this); } }
class M6 { #f; constructor(s, e, d, f) { this.s = s; this.e = e; this.d = d; this.x = 1; this.#f = f; Object.freeze(this); } }
const K = { M1, M2, M3, M4, M5, M6 }[process.argv[2]];
const run = () => { let k = 0; for (let i = 0; i < 1e6; i++) k += new K(1, i, null, i).e & 1; return k; };
run(); console.error('START'); for (let r = 0; r < 5; r++) run(); console.error('END');
