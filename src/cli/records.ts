import { CsvReader, type CsvRecord } from './csv';
import { JsonArrayReader } from './jsonArray';
import { headerColumns } from './rows';

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

/** One record per line; a line over the bound is dropped as it comes, never held whole. */
async function* ndjsonRecords(chunks: AsyncIterable<string>, limits: ReadLimits): AsyncGenerator<RawRecord> {
  let pending = '';
  let bytes = 0;
  let line = 0;
  const lineRecord = (): RawRecord | undefined => {
    line += 1;
    const text = (line === 1 ? pending.replace(/^\uFEFF/, '') : pending).trim();
    const record = bytes > limits.maxFieldSize ? { line, error: tooBig(limits, 'the line') } : text === '' ? undefined : parseJson(text, line);
    pending = '';
    bytes = 0;
    return record;
  };
  const add = (piece: string) => {
    bytes += Buffer.byteLength(piece);
    pending = bytes > limits.maxFieldSize ? '' : pending + piece;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      add(chunk.slice(start, end));
      start = end + 1;
      const record = lineRecord();
      if (record) yield record;
    }
    add(chunk.slice(start));
  }
  const record = lineRecord();
  if (record) yield record;
}

async function* jsonArrayRecords(chunks: AsyncIterable<string>, limits: ReadLimits): AsyncGenerator<RawRecord> {
  const reader = new JsonArrayReader(limits.maxFieldSize);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}

/**
 * CSV rows keyed by the column their header cell names. The header is checked before any row:
 * a cell naming no column, or two naming the same one, refuses the whole file.
 */
async function* csvRecords(chunks: AsyncIterable<string>, limits: ReadLimits): AsyncGenerator<RawRecord> {
  const reader = new CsvReader({ maxFieldBytes: limits.maxFieldSize, maxRecordLines: MAX_RECORD_LINES, maxHeaderFields: MAX_HEADER_FIELDS });
  let columns: string[] | undefined;
  const toRecord = (record: CsvRecord): RawRecord | undefined => {
    if (columns === undefined) {
      if ('error' in record) throw new InputRefusedError(`cannot read the CSV header on line ${record.line}: ${record.error}`);
      const header = headerColumns(record.fields.map((cell) => cell.trim()));
      if ('problem' in header) throw new InputRefusedError(header.problem);
      columns = header.columns;
      return undefined;
    }
    if ('error' in record) return record;
    return { line: record.line, value: Object.fromEntries(columns.map((column, i) => [column, record.fields[i]!])) };
  };
  for await (const chunk of chunks) {
    for (const record of reader.push(chunk)) {
      const raw = toRecord(record);
      if (raw) yield raw;
    }
  }
  for (const record of reader.end()) {
    const raw = toRecord(record);
    if (raw) yield raw;
  }
}

/**
 * The records of a text stream in the given format; CSV records are objects keyed by column.
 * Memory is bounded by `limits`, not by the input, and reading is linear in the input's size.
 * Throws {@link InputRefusedError} for a CSV header it refuses.
 */
export function readRecords(chunks: AsyncIterable<string>, format: InputFormat, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRecord> {
  if (format === 'csv') return csvRecords(chunks, limits);
  if (format === 'ndjson') return ndjsonRecords(chunks, limits);
  return jsonArrayRecords(chunks, limits);
}
