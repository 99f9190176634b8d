/** A running digest of per-claim totals in fen: equal digests mean equal answers, claim by claim. */
export class Digest {
  claims = 0;
  totalFen = 0;
  private hash = 0x811c9dc5;

  add(fen: number): void {
    this.claims += 1;
    this.totalFen += fen;
    this.hash = Math.imul(this.hash ^ (fen % 0x100000000), 0x01000193) >>> 0;
    this.hash = Math.imul(this.hash ^ Math.floor(fen / 0x100000000), 0x01000193) >>> 0;
  }

  toJSON() {
    return { claims: this.claims, total: (this.totalFen / 100).toFixed(2), digest: this.hash.toString(16).padStart(8, '0') };
  }
}
