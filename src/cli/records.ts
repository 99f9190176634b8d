import { CsvReader } from './csv';

/** One input record with the line it starts on, or why it could not be read. */
export type RawRecord = { readonly line: number; readonly value: unknown } | { readonly line: number; readonly error: string };

export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

function parseJson(text: string, line: number): RawRecord {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, error: `not valid JSON: ${(error as Error).message}` };
  }
}

async function* ndjsonRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let rest = '';
  let line = 0;
  const lineRecord = (text: string): RawRecord | undefined => {
    line += 1;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    return trimmed === '' ? undefined : parseJson(trimmed, line);
  };
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const part of parts) {
      const record = lineRecord(part);
      if (record) yield record;
    }
  }
  const record = lineRecord(rest);
  if (record) yield record;
}

/**
 * The elements of a top-level JSON array, one at a time, so a large array streams: the
 * scanner tracks only nesting depth and strings, and each element is parsed on its own.
 */
async function* jsonArrayRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
  let opened = false;
  let closed = false;
  for await (const chunk of chunks) {
    for (const char of chunk) {
      if (char === '\n') line += 1;
      if (!opened) {
        if (char === '[') opened = true;
        else if (!/[\s\uFEFF]/.test(char)) {
          yield { line, error: 'expected a JSON array of records' };
          return;
        }
        continue;
      }
      if (closed) {
        if (!/\s/.test(char)) {
          yield { line, error: 'unexpected text after the end of the JSON array' };
          return;
        }
        continue;
      }
      if (inString) {
        element += char;
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (depth === 0 && (char === ',' || char === ']')) {
        if (element.trim() !== '') yield parseJson(element, elementLine);
        else if (char === ',') yield { line, error: 'an empty element in the JSON array' };
        element = '';
        closed = char === ']';
        continue;
      }
      if (element.trim() === '' && !/\s/.test(char)) elementLine = line;
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') depth -= 1;
      element += char;
    }
  }
  if (!opened) yield { line, error: 'expected a JSON array of records' };
  else if (!closed) yield { line, error: 'the JSON array is not closed before the end of the file' };
}

async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  const reader = new CsvReader();
  let header: string[] | undefined;
  const toRecord = (record: ReturnType<CsvReader['push']>[number]): RawRecord | undefined => {
    if ('error' in record) return record;
    if (header === undefined) {
      header = record.fields.map((name) => name.trim());
      return undefined;
    }
    if (record.fields.length !== header.length) {
      return { line: record.line, error: `expected ${header.length} fields as in the header, found ${record.fields.length}` };
    }
    return { line: record.line, value: Object.fromEntries(header.map((name, i) => [name, record.fields[i]!])) };
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

/** The records of a text stream in the given format; CSV records are objects keyed by header. */
export function readRecords(chunks: AsyncIterable<string>, format: InputFormat): AsyncGenerator<RawRecord> {
  if (format === 'csv') return csvRecords(chunks);
  if (format === 'ndjson') return ndjsonRecords(chunks);
  return jsonArrayRecords(chunks);
}
