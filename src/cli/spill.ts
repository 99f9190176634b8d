import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * A folder of temporary files in HUZHU_TMPDIR, or else `os.tmpdir()`, removed by `remove()`,
 * on `process.exit` and on SIGINT, SIGTERM or SIGHUP, so that no run leaves files behind.
 */
export class TempDir {
  #files = 0;
  readonly #onExit = () => this.remove();
  readonly #onSignal = (signal: NodeJS.Signals) => {
    this.remove();
    // The default action, now that this handler is gone: the process ends by the signal.
    process.kill(process.pid, signal);
  };

  /** A new folder, or one a worker thread made: signals reach only the main thread, which removes it. */
  constructor(readonly path = mkdtempSync(join(process.env.HUZHU_TMPDIR || tmpdir(), 'huzhu-'))) {
    process.on('exit', this.#onExit);
    for (const signal of SIGNALS) process.once(signal, this.#onSignal);
  }

  /** A new file name in the folder. */
  file(): string {
    this.#files += 1;
    return join(this.path, String(this.#files));
  }

  remove(): void {
    process.off('exit', this.#onExit);
    for (const signal of SIGNALS) process.off(signal, this.#onSignal);
    rmSync(this.path, { recursive: true, force: true });
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const WRITE_CHUNK = 1 << 20;

/**
 * Appends lines to a file, a large write at a time. Each text is encoded at once into a buffer
 * outside the heap: text held as strings until a write would outlive young-generation
 * collections, be copied by each and then flattened into one large string to be written.
 */
export class LineWriter {
  readonly #fd: number;
  readonly #buffer = Buffer.allocUnsafe(WRITE_CHUNK);
  #used = 0;
  #closed = false;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.append(line);
    this.append('\n');
  }

  /** Text as it is, with no newline added. */
  append(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, so text of this length always fits.
    if (this.#used + 3 * text.length > WRITE_CHUNK) {
      this.flush();
      if (3 * text.length > WRITE_CHUNK) {
        writeAll(this.#fd, Buffer.from(text));
        return;
      }
    }
    this.#used += this.#buffer.write(text, this.#used);
  }

  flush(): void {
    writeAll(this.#fd, this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  /** Writes what is left and closes the file; once closed, it stays closed. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.flush();
    closeSync(this.#fd);
  }
}

/** Writes every byte: `writeSync` may write fewer than it is given. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

const READ_BLOCK = 1 << 16;

/** The bytes of a file, a block at a time, each its own buffer (a writer may keep it); the file is closed at its end. */
export function* readBlocks(path: string, size = READ_BLOCK): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const block = Buffer.allocUnsafe(size);
      const read = readSync(fd, block);
      if (read === 0) return;
      yield block.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** The text of a file, read a block at a time; the file is closed at its end. */
export function* readText(path: string): Generator<string> {
  // Small blocks: a merge holds one per run it reads.
  const decoder = new StringDecoder('utf8');
  for (const block of readBlocks(path)) yield decoder.write(block);
}

/** The lines of a file, read a block at a time; the file is closed at its end. */
export function* readLines(path: string): Generator<string> {
  let rest = '';
  for (const text of readText(path)) {
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  // Every line is written with its newline, so nothing is left over.
}

/** The items of encoded lines. */
export function* decoded<T>(lines: Iterable<string>, codec: Codec<T>): Generator<T> {
  for (const line of lines) yield codec.decode(line);
}

/** How a sorter writes, reads and orders its items. */
export interface Codec<T> {
  encode(item: T): string;
  decode(line: string): T;
  compare(a: T, b: T): number;
}

/** A binary heap of sources by their current item: the k-way merge of sorted sources. */
export function* mergeSorted<T>(sources: readonly Iterator<T>[], compare: (a: T, b: T) => number): Generator<T> {
  const heap: { item: T; source: Iterator<T> }[] = [];
  const less = (i: number, j: number) => compare(heap[i]!.item, heap[j]!.item) < 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const down = (start: number) => {
    for (let i = start; ; ) {
      const left = 2 * i + 1;
      const smallest = left + 1 < heap.length && less(left + 1, left) ? left + 1 : left;
      if (smallest >= heap.length || !less(smallest, i)) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  for (const source of sources) {
    const first = source.next();
    if (first.done) continue;
    heap.push({ item: first.value, source });
    for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  }
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.item;
    const next = top.source.next();
    if (next.done) {
      heap[0] = heap.at(-1)!;
      heap.pop();
    } else {
      top.item = next.value;
    }
    down(0);
  }
}

/**
 * Sorts more items than fit in memory: they are kept up to `budget` characters, then sorted
 * and written as a run; runs are merged `fanIn` at a time (a run of runs goes up a level) so
 * that never more than a few hundred files are open. Ties keep the order items were added in
 * only if `compare` says so: callers break them by sequence number.
 */
export class ExternalSorter<T> {
  #items: T[] = [];
  #size = 0;
  /** Runs on disk by level: a level-n run merges `fanIn` runs of level n-1. */
  readonly #levels: string[][] = [];

  constructor(
    /** Where its runs go: asked for a file only once items pass the budget. */
    private readonly dir: Pick<TempDir, 'file'>,
    private readonly codec: Codec<T>,
    private readonly budget = 2_000_000,
    private readonly fanIn = 32,
  ) {}

  /** Adds an item whose encoding is about `size` characters. */
  add(item: T, size: number): void {
    this.#items.push(item);
    this.#size += size;
    if (this.#size > this.budget) this.#spill();
  }

  #spill(): void {
    this.#items.sort(this.codec.compare);
    this.#addRun(0, this.#items.values());
    this.#items = [];
    this.#size = 0;
  }

  #addRun(level: number, items: Iterator<T>): void {
    const writer = new LineWriter(this.dir.file());
    for (let next = items.next(); !next.done; next = items.next()) writer.write(this.codec.encode(next.value));
    writer.close();
    const runs = (this.#levels[level] ??= []);
    runs.push(writer.path);
    if (runs.length < this.fanIn) return;
    this.#levels[level] = [];
    this.#addRun(level + 1, this.#merge(runs));
  }

  /** The items of runs, merged; each run file is removed once read. */
  *#merge(runs: readonly string[]): Generator<T> {
    function* run(this: ExternalSorter<T>, path: string): Generator<T> {
      yield* decoded(readLines(path), this.codec);
      rmSync(path);
    }
    yield* mergeSorted(runs.map(run, this), this.codec.compare);
  }

  /** Every item added, in order; the sorter is spent. */
  sorted(): Generator<T> {
    this.#items.sort(this.codec.compare);
    const inMemory = this.#items.values();
    this.#items = [];
    return mergeSorted([inMemory, this.#merge(this.#levels.flat())], this.codec.compare);
  }
}

/** The end of MurmurHash3's mixing: each bit of `h` moves every bit of the result. */
function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Which keys may have been added (a Bloom filter): never a false "no", rarely a false "yes".
 * It grows with the keys: layers of 32 bits a key, the first for 65,536 keys (256 KB), each
 * next one twice the last, up to six (16 MB, for about 4 million keys), the last then taking
 * every further key. A thread that sends a few thousand ledgers to disk holds 256 KB, not
 * 16 MB; a full layer answers a false "yes" about once in 175,000, so with six of them, at 4
 * million keys, about one "yes" in 30,000 is false (a false "yes" puts a record off, no more).
 */
export class KeyFilter {
  static readonly FIRST_KEYS = 1 << 16;
  static readonly LAYERS = 6;
  static readonly HASHES = 8;
  /** Each layer's bits, a power of two of them. */
  readonly #layers: Uint32Array[] = [];
  /** How many more keys the newest layer takes before the next is made. */
  #room = 0;
  // The two hashes of the key last hashed: fields, not an array made for each key.
  #first = 0;
  #step = 0;

  /** `firstKeys`, a power of two, sizes the first layer (the tests' small filters). */
  constructor(private readonly firstKeys = KeyFilter.FIRST_KEYS) {}

  /** Two 32-bit hashes of the key (FNV-1a and a multiplicative one, each mixed as MurmurHash3 ends), for double hashing. */
  #hash(key: string): void {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < key.length; i += 1) {
      const code = key.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    this.#first = mixed(a);
    // An odd step visits distinct bits.
    this.#step = mixed(b) | 1;
  }

  add(key: string): void {
    const layers = this.#layers;
    if (this.#room === 0 && layers.length < KeyFilter.LAYERS) {
      const keys = this.firstKeys << layers.length;
      // 32 bits a key: a word each.
      layers.push(new Uint32Array(keys));
      this.#room = keys;
    }
    this.#room -= 1;
    this.#hash(key);
    const words = layers[layers.length - 1]!;
    const mask = words.length * 32 - 1;
    for (let i = 0; i < KeyFilter.HASHES; i += 1) {
      const bit = (this.#first + Math.imul(i, this.#step)) & mask;
      words[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** The bytes its layers hold. */
  get bytes(): number {
    return this.#layers.reduce((sum, words) => sum + words.byteLength, 0);
  }

  mayHave(key: string): boolean {
    if (this.#layers.length === 0) return false;
    this.#hash(key);
    layers: for (const words of this.#layers) {
      const mask = words.length * 32 - 1;
      for (let i = 0; i < KeyFilter.HASHES; i += 1) {
        const bit = (this.#first + Math.imul(i, this.#step)) & mask;
        if ((words[bit >>> 5]! & (1 << (bit & 31))) === 0) continue layers;
      }
      return true;
    }
    return false;
  }
}
