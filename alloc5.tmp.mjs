class A { #p; constructor(a, b) { this.a = a; this.b = b; this.#p = 1; Object.freeze(this); } }
class B { constructor(a, b) { this.a = a; this.b = b; this.p = 1; Object.freeze(this); } }
const which = process.argv[2] === 'A' ? A : B;
let k = 0; for (let i = 0; i < 2e7; i++) k += new which(i, 2).a & 1;
console.log(k);
