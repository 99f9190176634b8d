class S2 { #a; constructor(f) { this.a = f; this.b = f; this.c = f; this.d = f; this.e = f; this.f = f; this.g = f; this.h = f; this.i = f; this.j = f; this.#a = f; Object.freeze(this); } }
class S3 { #a; constructor(f) { this.a = f; this.b = f; this.c = f; this.d = f; this.e = f; this.f = f; this.g = f; this.h = f; this.i = f; this.j = f; this.#a = f; } }
class S4 { constructor(f) { this.a = f; this.b = f; this.c = f; this.d = f; this.e = f; this.f = f; this.g = f; this.h = f; this.i = f; this.j = f; } }
const S5 = (f) => Object.freeze(new S4(f));
const K = { S2, S3, S4 }[process.argv[2]];
const make = process.argv[2] === 'S5' ? S5 : (i) => new K(i);
const keep = new Array(16);
const run = () => { for (let i = 0; i < 1e6; i++) keep[i & 15] = make(i); };
run(); console.error('START'); for (let r = 0; r < 5; r++) run(); console.error('END');
