import { CsvReader, type CsvRecord } from './csv';
import { JsonArrayReader } from './jsonArray';
import { headerColumns, type CsvColumn } from './rows';

/** One input record with the line it starts on, or why it could not be read. */
export type RawRecord = { readonly line: number; readonly value: unknown } | { readonly line: number; readonly error: string };

export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The bounds that keep the reader's memory independent of the file's size. */
export interface ReadLimits {
  /** The largest CSV field, JSON array element or NDJSON line, in UTF-8 bytes (`--max-field-size`). */
  readonly maxFieldSize: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFieldSize: 1024 * 1024 };

/** The most lines one CSV record may span: far more than a claim needs, few enough to resume soon after an open quote. */
export const MAX_RECORD_LINES = 100;

/** A header wider than this cannot be right (there are 18 columns), and is not read further. */
const MAX_HEADER_FIELDS = 1000;

/** Input the command refuses as a whole, before any row: a CSV header that names no column or one twice. */
export class InputRefusedError extends Error {}

const tooBig = (limits: ReadLimits, what: string) => `${what} is larger than ${limits.maxFieldSize} bytes (see --max-field-size)`;

function parseJson(text: string, line: number): RawRecord {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, error: `not valid JSON: ${(error as Error).message}` };
  }
}

/** Records read a chunk of text at a time: each call gives the records the chunk completed. */
export interface RecordReader<T = RawRecord> {
  push(chunk: string): T[];
  /** Call once the input has ended: the last records, if any. */
  end(): T[];
}

/** One record per line; a line over the bound is dropped as it comes, never held whole. */
class NdjsonReader implements RecordReader {
  #pending = '';
  #bytes = 0;
  #line = 0;

  constructor(private readonly limits: ReadLimits) {}

  push(chunk: string): RawRecord[] {
    const records: RawRecord[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.#add(chunk.slice(start, end));
      start = end + 1;
      this.#lineRecord(records);
    }
    this.#add(chunk.slice(start));
    return records;
  }

  end(): RawRecord[] {
    const records: RawRecord[] = [];
    this.#lineRecord(records);
    return records;
  }

  #lineRecord(records: RawRecord[]): void {
    const line = (this.#line += 1);
    const text = (line === 1 ? this.#pending.replace(/^\uFEFF/, '') : this.#pending).trim();
    if (this.#bytes > this.limits.maxFieldSize) records.push({ line, error: tooBig(this.limits, 'the line') });
    else if (text !== '') records.push(parseJson(text, line));
    this.#pending = '';
    this.#bytes = 0;
  }

  #add(piece: string): void {
    this.#bytes += Buffer.byteLength(piece);
    this.#pending = this.#bytes > this.limits.maxFieldSize ? '' : this.#pending + piece;
  }
}

/**
 * CSV records as their fields, and the columns the header names. The header is checked before
 * any row: a cell naming no column, or two naming the same one, refuses the whole file.
 */
export class CsvFieldsReader implements RecordReader<CsvRecord> {
  readonly #reader: CsvReader;
  /** The column of each field, once the header is read. */
  columns: CsvColumn[] | undefined;

  constructor(limits: ReadLimits) {
    this.#reader = new CsvReader({ maxFieldBytes: limits.maxFieldSize, maxRecordLines: MAX_RECORD_LINES, maxHeaderFields: MAX_HEADER_FIELDS });
  }

  push(chunk: string): CsvRecord[] {
    return this.#rows(this.#reader.push(chunk));
  }

  end(): CsvRecord[] {
    return this.#rows(this.#reader.end());
  }

  /** See {@link CsvReader.atRecordStart}. */
  atRecordStart(): boolean {
    return this.#reader.atRecordStart();
  }

  /** See {@link CsvReader.skipLine}. */
  skipLine(): number {
    return this.#reader.skipLine();
  }

  #rows(records: CsvRecord[]): CsvRecord[] {
    if (this.columns !== undefined || records.length === 0) return records;
    const [record, ...rows] = records;
    if ('error' in record!) throw new InputRefusedError(`cannot read the CSV header on line ${record.line}: ${record.error}`);
    const header = headerColumns(record!.fields.map((cell) => cell.trim()));
    if ('problem' in header) throw new InputRefusedError(header.problem);
    this.columns = header.columns;
    return rows;
  }
}

/** A CSV row as a record: its cells keyed by the column each header cell names. */
export function csvRecord(columns: readonly CsvColumn[], record: CsvRecord): RawRecord {
  if ('error' in record) return record;
  const value: Record<string, string> = {};
  for (let i = 0; i < columns.length; i += 1) value[columns[i]!] = record.fields[i]!;
  return { line: record.line, value };
}

/** CSV rows keyed by column, from {@link CsvFieldsReader}. */
class CsvRecordReader implements RecordReader {
  readonly #fields: CsvFieldsReader;

  constructor(limits: ReadLimits) {
    this.#fields = new CsvFieldsReader(limits);
  }

  push(chunk: string): RawRecord[] {
    return this.#records(this.#fields.push(chunk));
  }

  end(): RawRecord[] {
    return this.#records(this.#fields.end());
  }

  #records(rows: CsvRecord[]): RawRecord[] {
    return rows.map((row) => csvRecord(this.#fields.columns!, row));
  }
}

/**
 * A reader of records in the given format; CSV records are objects keyed by column. Memory is
 * bounded by `limits`, not by the input, and reading is linear in the input's size. Throws
 * {@link InputRefusedError} for a CSV header it refuses.
 */
export function recordReader(format: InputFormat, limits: ReadLimits = DEFAULT_LIMITS): RecordReader {
  if (format === 'csv') return new CsvRecordReader(limits);
  if (format === 'ndjson') return new NdjsonReader(limits);
  return new JsonArrayReader(limits.maxFieldSize);
}

/** The records of a text stream, as {@link recordReader} reads them. */
export async function* readRecords(chunks: AsyncIterable<string>, format: InputFormat, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRecord> {
  const reader = recordReader(format, limits);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}
