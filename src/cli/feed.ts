// How the main thread hands the input to worker threads: it reads the input once, as bytes, and
// copies each record into the batch of the worker that takes its member, a batch a message.
import { StringDecoder } from 'node:string_decoder';
import type { CsvRecord } from './csv';
import { CsvFieldsReader, recordReader, type InputFormat, type RawRecord, type ReadLimits } from './records';
import type { CsvColumn } from './rows';
import { decodeValue, encodeValue, type Sequenced } from './settle';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** Rows in one message: large enough that messages cost little, small enough to keep every worker busy. */
const BATCH_ROWS = 2000;
/** Bytes a batch starts with; it grows for longer rows. */
const BATCH_BYTES = 1 << 16;

/** A batch as a message: its bytes (transferred, not copied), and each row's place and input line. */
export interface SentBatch {
  readonly bytes: ArrayBuffer;
  readonly length: number;
  readonly seqs: Float64Array;
  readonly lines: Float64Array;
}

/**
 * Rows for one worker, as UTF-8 text, one payload a line: `p` and a CSV line without quotes as
 * it was read, `f` and a CSV record's fields as JSON, `e` and why a record could not be read, as
 * JSON, or a JSON record's value as `encodeValue` gives it (`j…` or `v…`); none holds a line
 * break. The worker decodes a batch at once; no object is made for a row until it is read there.
 */
export class RowBatch {
  #bytes = Buffer.allocUnsafeSlow(BATCH_BYTES);
  #length = 0;
  #seqs: number[] = [];
  #lines: number[] = [];

  get rows(): number {
    return this.#seqs.length;
  }

  get full(): boolean {
    return this.#seqs.length >= BATCH_ROWS || this.#length >= BATCH_BYTES;
  }

  /** A CSV line without quotes, its bytes `start` … `end` of `source` copied as they are. */
  addLine(seq: number, line: number, source: Buffer, start: number, end: number): void {
    this.#room(end - start + 2);
    this.#bytes[this.#length] = 0x70; // p
    source.copy(this.#bytes, this.#length + 1, start, end);
    this.#length += end - start + 1;
    this.#end(seq, line);
  }

  add(seq: number, line: number, payload: string): void {
    this.#room(Buffer.byteLength(payload) + 1);
    this.#length += this.#bytes.write(payload, this.#length);
    this.#end(seq, line);
  }

  /** The message of the rows added, which the batch then lets go. */
  take(): SentBatch {
    const batch = { bytes: this.#bytes.buffer as ArrayBuffer, length: this.#length, seqs: Float64Array.from(this.#seqs), lines: Float64Array.from(this.#lines) };
    this.#bytes = Buffer.allocUnsafeSlow(BATCH_BYTES);
    this.#length = 0;
    this.#seqs = [];
    this.#lines = [];
    return batch;
  }

  #end(seq: number, line: number): void {
    this.#bytes[this.#length] = LF;
    this.#length += 1;
    this.#seqs.push(seq);
    this.#lines.push(line);
  }

  #room(bytes: number): void {
    if (this.#length + bytes <= this.#bytes.length) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.#bytes.length, this.#length + bytes));
    this.#bytes.copy(larger, 0, 0, this.#length);
    this.#bytes = larger;
  }
}

/** A row as sent: a CSV row's value is its fields (`csv` set), a JSON record's its value. */
export type SentRow = Sequenced | { readonly seq: number; readonly line: number; readonly value: string[]; readonly csv: true };

/** The rows of a batch, as {@link RowBatch} wrote them. */
export function* sentRows({ bytes, length, seqs, lines }: SentBatch): Generator<SentRow> {
  const rows = Buffer.from(bytes, 0, length).toString('utf8');
  let start = 0;
  for (let i = 0; i < seqs.length; i += 1) {
    const end = rows.indexOf('\n', start);
    yield sentRow(seqs[i]!, lines[i]!, rows, start, end);
    start = end + 1;
  }
}

function sentRow(seq: number, line: number, rows: string, start: number, end: number): SentRow {
  const kind = rows[start];
  if (kind === 'p') return { seq, line, value: rows.slice(start + 1, end).split(','), csv: true };
  if (kind === 'e') return { seq, line, error: JSON.parse(rows.slice(start + 1, end)) as string };
  if (kind === 'f') return { seq, line, value: JSON.parse(rows.slice(start + 1, end)) as string[], csv: true };
  return { seq, line, value: decodeValue(rows.slice(start, end)) };
}

/** Where {@link feedRows} sends each record: to a target with a batch, or nowhere. */
export interface RowSink<T extends { readonly pending: RowBatch }> {
  /** The CSV header's columns, before the first row. */
  columns(columns: readonly CsvColumn[]): void;
  /** The target of a record of member `id` as read (undefined for an unreadable record), or undefined to drop it. */
  targetOf(id: unknown, line: number, seq: number): T | undefined;
  /** Sends a full batch, waiting for room. */
  full(target: T): Promise<void>;
  /** After each chunk of input, with the number of records read so far: false stops the reading. */
  chunkRead(records: number): boolean;
}

/**
 * Reads the input once, in this thread, and adds each record to its target's batch, numbered
 * in input order: what the main thread does for the workers of `evaluate` and `simulate`.
 *
 * A CSV is read as bytes: a line without quotes, with as many fields as the header and no
 * larger than a third of what a field may be, is found by one pass over its bytes and copied as it is; its
 * member id alone is decoded, and only when it differs from the line before. Any other line
 * (the header, quotes, a stray carriage return, a wrong number of fields) goes to the CSV reader,
 * with every later line until that reader is back at the start of a record, so that records
 * and errors are exactly those the reader gives alone.
 */
export async function feedRows<T extends { readonly pending: RowBatch }>(chunks: AsyncIterable<Buffer>, format: InputFormat, limits: ReadLimits, sink: RowSink<T>): Promise<void> {
  let seq = 0;
  /** Numbers the next record and adds it to `target`'s batch, if any: `target` is asked for with `seq + 1`. */
  const send = async (target: T | undefined, line: number, payload: string) => {
    seq += 1;
    if (target === undefined) return;
    target.pending.add(seq, line, payload);
    if (target.pending.full) await sink.full(target);
  };
  const unreadable = (line: number, error: string) => send(sink.targetOf(undefined, line, seq + 1), line, `e${JSON.stringify(error)}`);
  if (format !== 'csv') {
    const reader = recordReader(format, limits);
    const decoder = new StringDecoder('utf8');
    const take = async (records: RawRecord[]) => {
      for (const record of records) {
        if ('error' in record) await unreadable(record.line, record.error);
        else await send(sink.targetOf(jsonMemberId(record.value), record.line, seq + 1), record.line, encodeValue(record.value));
      }
    };
    for await (const chunk of chunks) {
      await take(reader.push(decoder.write(chunk)));
      if (!sink.chunkRead(seq)) return;
    }
    await take(reader.push(decoder.end()));
    await take(reader.end());
    return;
  }

  const reader = new CsvFieldsReader(limits);
  // Everything the reader is given goes through one decoder: a line that never ends may be cut inside a character.
  const decoder = new StringDecoder('utf8');
  let memberColumn = -1;
  let fieldCount = 0;
  // The member id of the last line taken here, as bytes, and its target: most lines repeat it.
  let lastId: Buffer | undefined;
  let lastTarget: T | undefined;
  const take = async (records: CsvRecord[]) => {
    if (fieldCount === 0 && reader.columns !== undefined) {
      sink.columns(reader.columns);
      memberColumn = reader.columns.indexOf('memberId');
      fieldCount = reader.columns.length;
    }
    // A record read apart from the lines may change the member without changing the last line's id.
    lastId = undefined;
    for (const record of records) {
      const line = record.line;
      if ('error' in record) await unreadable(line, record.error);
      else {
        const target = sink.targetOf(record.fields[memberColumn]?.trim() ?? '', line, seq + 1);
        await send(target, line, record.plain === undefined ? `f${JSON.stringify(record.fields)}` : `p${record.plain}`);
      }
    }
  };

  // The bytes of a line not yet ended, joined only once it ends: a long line costs its length, not its square.
  let rest: Buffer[] = [];
  let restBytes = 0;
  for await (const piece of chunks) {
    const last = piece.lastIndexOf(LF);
    if (last === -1) {
      rest.push(piece);
      restBytes += piece.length;
      if (restBytes > limits.maxFieldSize) {
        // Too long for a field: the reader says so, holding no more than its bounds allow.
        for (const part of rest) await take(reader.push(decoder.write(part)));
        rest = [];
        restBytes = 0;
      }
      continue;
    }
    const chunk = restBytes === 0 ? piece : Buffer.concat([...rest, piece]);
    const lastBreak = chunk.length - (piece.length - last);
    rest = [piece.subarray(last + 1)];
    restBytes = rest[0]!.length;
    for (let start = 0; start <= lastBreak; ) {
      let end = start;
      let commas = 0;
      // The member id's bytes; empty when the header names no member id.
      let idStart = memberColumn <= 0 ? start : -1;
      let idEnd = memberColumn < 0 ? start : -1;
      let odd = 0;
      for (let byte = chunk[end]!; byte !== LF; byte = chunk[++end]!) {
        if (byte === COMMA) {
          commas += 1;
          if (commas === memberColumn) idStart = end + 1;
          else if (commas === memberColumn + 1) idEnd = end;
        } else if (byte === QUOTE || byte === CR) odd += 1;
      }
      const next = end + 1;
      // A line break may be CRLF: its carriage return is not part of the line.
      const lineEnd = chunk[end - 1] === CR ? end - 1 : end;
      // No field can be over the bound, as the reader counts it: a byte that is not UTF-8 becomes
      // U+FFFD, 3 bytes, when decoded.
      const plain = (odd === 0 || (odd === 1 && lineEnd < end)) && commas + 1 === fieldCount && (lineEnd - start) * 3 <= limits.maxFieldSize;
      if (!plain || !reader.atRecordStart()) {
        await take(reader.push(decoder.write(chunk.subarray(start, next))));
      } else if (lineEnd === start) {
        reader.skipLine();
      } else {
        const line = reader.skipLine();
        if (idEnd === -1) idEnd = lineEnd;
        if (lastId === undefined || !sameBytes(lastId, chunk, idStart, idEnd)) {
          lastId = Buffer.from(chunk.subarray(idStart, idEnd));
          lastTarget = sink.targetOf(chunk.toString('utf8', idStart, idEnd).trim(), line, seq + 1);
        }
        seq += 1;
        if (lastTarget !== undefined) {
          lastTarget.pending.addLine(seq, line, chunk, start, lineEnd);
          if (lastTarget.pending.full) await sink.full(lastTarget);
        }
      }
      start = next;
    }
    if (!sink.chunkRead(seq)) return;
  }
  for (const part of rest) await take(reader.push(decoder.write(part)));
  await take(reader.push(decoder.end()));
  await take(reader.end());
}

function sameBytes(id: Buffer, chunk: Buffer, start: number, end: number): boolean {
  if (id.length !== end - start) return false;
  for (let i = 0; i < id.length; i += 1) if (id[i] !== chunk[start + i]) return false;
  return true;
}

/** The member id of a JSON record, read without checking the record. */
function jsonMemberId(value: unknown): unknown {
  const member = typeof value === 'object' && value !== null ? (value as { member?: unknown }).member : undefined;
  return typeof member === 'object' && member !== null ? (member as { id?: unknown }).id : undefined;
}
