/**
 * `huzhu evaluate` written by hand for the bench book: what plain code spends to turn the book's
 * CSV into the command's CSV output when it knows nothing but this one policy. It reads the bytes,
 * cuts lines and cells, turns amounts and dates into whole fen and day numbers, applies floor.ts's
 * hand-written Guangxi 2024 rules with each member's paid total in a Map, and writes each row's
 * line in the command's format, nothing checked and nothing explained. Its output is compared with
 * the command's, byte for byte, so it is known to do the same job. It is not a lower bound: it is
 * written as plainly as a program of this kind usually is (text joined, then encoded), to show what
 * the command costs beside such a program.
 *
 *   node --import tsx test/bench/handWrittenCli.ts BOOK.csv [--threads 1|2] > out.csv
 *
 * With 2 threads the file is cut at a member's first row near its middle; the main thread writes
 * the first half to stdout while a worker settles the second, whose bytes are written after.
 * It prints its wall time (from the first read) and the process's CPU time (all threads) on stderr.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { capped, dayNumber, eventLines, fenOf, stayLines } from './floor';

const HEADER = 'line,status,scheme,year,memberId,claimId,total,benefits,reasons,warnings,illustrative,errors\n';
const CHUNK = 1 << 20;

interface Half {
  readonly file: string;
  readonly from: number;
  readonly to: number;
  /** The input line number of the half's first row (the header is line 1). */
  readonly line: number;
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Settles one half of the file, giving its output text in blocks of about a megabyte. */
function settleHalf({ file, from, to, line: firstLine }: Half, emit: (block: Buffer) => void): void {
  const fd = openSync(file, 'r');
  const bytes = Buffer.allocUnsafe(CHUNK);
  const paid = new Map<string, number>();
  let line = firstLine;
  let rest = '';
  let out = '';
  for (let at = from; at < to; ) {
    const read = readSync(fd, bytes, 0, Math.min(CHUNK, to - at), at);
    at += read;
    const text = rest + bytes.toString('utf8', 0, read);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      // scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade
      const cells = text.slice(start, end).split(',');
      start = end + 1;
      const member = cells[1]!;
      const kind = cells[5]!;
      const lines = kind === 'hospitalisation' ? stayLines(fenOf(cells[12]!), dayNumber(cells[8]!) - dayNumber(cells[7]!)) : eventLines(kind as 'death', Number(cells[14]));
      const before = paid.get(member) ?? 0;
      const total = capped(lines, before);
      paid.set(member, before + total);
      const benefits = kind === 'hospitalisation' ? `hospitalisation=${yuan(lines[0]!)};hospital-allowance=${yuan(lines[1]!)}` : `${kind}=${yuan(lines[0]!)}`;
      out += `${line},settled,${cells[0]},2024,${member},${cells[4]},${yuan(total)},${benefits},,,${kind !== 'death'},\n`;
      line += 1;
    }
    rest = text.slice(start);
    if (out.length > CHUNK) {
      emit(Buffer.from(out));
      out = '';
    }
  }
  emit(Buffer.from(out));
  closeSync(fd);
}

/** Where a member's first row starts near the middle of the file, and its line number. */
function middle(file: string, size: number): { at: number; line: number } {
  const fd = openSync(file, 'r');
  const bytes = Buffer.allocUnsafe(CHUNK);
  // The rows from the first line break after the middle: the first whose member is not the one before.
  const text = bytes.toString('latin1', 0, readSync(fd, bytes, 0, CHUNK, Math.floor(size / 2)));
  const memberOf = (start: number) => text.slice(text.indexOf(',', start) + 1, text.indexOf(',', text.indexOf(',', start) + 1));
  let at = text.indexOf('\n') + 1;
  const previous = memberOf(at);
  while (memberOf(at) === previous) at = text.indexOf('\n', at) + 1;
  const cut = Math.floor(size / 2) + at;
  let line = 1;
  for (let from = 0; from < cut; from += CHUNK) {
    const read = readSync(fd, bytes, 0, Math.min(CHUNK, cut - from), from);
    for (let end = bytes.indexOf(10); end !== -1 && end < read; end = bytes.indexOf(10, end + 1)) line += 1;
  }
  closeSync(fd);
  return { at: cut, line };
}

if (isMainThread) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const file = process.argv[2]!;
  const threads = process.argv.includes('--threads') ? Number(process.argv[process.argv.indexOf('--threads') + 1]) : 1;
  const fd = openSync(file, 'r');
  const head = Buffer.allocUnsafe(4096);
  const headerEnd = head.subarray(0, readSync(fd, head, 0, 4096, 0)).indexOf('\n') + 1;
  const size = (await import('node:fs')).fstatSync(fd).size;
  closeSync(fd);
  const write = (block: Buffer) => writeSync(1, block);
  write(Buffer.from(HEADER));
  if (threads === 1) settleHalf({ file, from: headerEnd, to: size, line: 2 }, write);
  else {
    const cut = middle(file, size);
    const blocks: Buffer[] = [];
    // The worker runs this file through tsx, as the main thread does.
    const source = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(source, { eval: true, workerData: { file, from: cut.at, to: size, line: cut.line } satisfies Half });
    worker.on('message', (block: Uint8Array) => blocks.push(Buffer.from(block.buffer, block.byteOffset, block.byteLength)));
    const done = new Promise((resolve, reject) => (worker.once('exit', resolve), worker.once('error', reject)));
    settleHalf({ file, from: headerEnd, to: cut.at, line: 2 }, write);
    await done;
    for (const block of blocks) write(block);
  }
  const used = process.cpuUsage(cpu);
  process.stderr.write(`hand-written, ${threads} thread(s): ${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU\n`);
} else {
  settleHalf(workerData as Half, (block) => parentPort!.postMessage(block));
}
