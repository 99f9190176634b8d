/** A one-line progress bar redrawn in place; only ever shown on a terminal. */
export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly totalBytes: number,
  ) {}

  update(bytes: number, rows: number, now: number): void {
    // Redrawing on every row would cost more than the work it reports.
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const share = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 0;
    const filled = Math.round(share * 30);
    this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${Math.floor(share * 100)}% ${rows} rows`);
  }

  clear(): void {
    if (this.lastDraw > 0) this.out.write('\r\u001b[2K');
  }
}
