/**
 * What the main thread sends the workers (src/cli/feed.ts): every record of the input, in
 * order, with the line, fields or value and error the readers give alone, whatever the chunks.
 */
import { describe, expect, it } from 'vitest';
import { feedRows, RowBatch, sentRows, type SentRow } from '../src/cli/feed';
import { readRecords, type InputFormat, type RawRecord } from '../src/cli/records';
import { CSV_COLUMNS } from '../src/cli/rows';

async function* bytesOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The rows as a worker reads them back, with the member id each was routed by. */
async function fed(text: string, format: InputFormat, size: number, maxFieldSize = 1 << 20): Promise<{ ids: unknown[]; rows: SentRow[]; columns: readonly string[] }> {
  const target = { pending: new RowBatch() };
  const rows: SentRow[] = [];
  const ids: unknown[] = [];
  let columns: readonly string[] = [];
  const drain = () => rows.push(...sentRows(target.pending.take()));
  await feedRows(bytesOf(text, size), format, { maxFieldSize }, {
    columns: (given) => void (columns = given),
    targetOf: (id) => (ids.push(id), target),
    full: async () => void drain(),
    chunkRead: () => true,
  });
  drain();
  return { ids, rows, columns };
}

/** The reader's records alone, CSV rows as their fields. */
async function read(text: string, format: InputFormat, maxFieldSize = 1 << 20): Promise<unknown[]> {
  const records: unknown[] = [];
  async function* chunks() {
    yield text;
  }
  for await (const record of readRecords(chunks(), format, { maxFieldSize })) records.push(record);
  return records;
}

const header = Object.keys(CSV_COLUMNS).slice(0, 4).join(',');
const CSV = [
  // Plain lines, CRLF, a blank line, a BOM, a member id with spaces, a stray carriage return and a line of the wrong width.
  `\uFEFF${header}\r\nguangxi, m1 ,x,2024\r\n\r\nguangxi,m1,x,2024\r\nguangxi,m2,a\rb,2024\r\nguangxi,m2,1\r\nguangxi,m3,1,2,3\nguangxi,m3,x,2024`,
  // Quoted fields, one running over three lines, then plain lines of the same member; a quote left open at the end.
  `${header}\nguangxi,"m1",x,2024\nguangxi,m1,"a\nb\nc",2024\nguangxi,m1,x,2024\n"guangxi",m2,"x""y",2024\nguangxi,m2,"open,2024\nguangxi,m3,x,2024\n`,
  // Chinese text, a header naming no member id, no line break at the end.
  `scheme,claimId,kind\n广西,申请1,住院\nguangxi,c2,伤残\nguangxi,c3,身故`,
];

const asRead = (row: SentRow): RawRecord => ('error' in row ? { line: row.line, error: row.error } : { line: row.line, value: row.value });

describe('feedRows', () => {
  it.each(CSV)('sends the CSV records the reader gives, with their lines, in order, whatever the chunks: %j', async (text) => {
    const whole = await read(text, 'csv');
    for (const size of [1, 2, 3, 5, 8, 64, 1 << 16]) {
      const { rows, columns } = await fed(text, 'csv', size);
      const keyed = rows.map((row) => {
        const record = asRead(row);
        if ('error' in record) return record;
        return { line: record.line, value: Object.fromEntries(columns.map((column, i) => [column, (record.value as string[])[i]])) };
      });
      expect(keyed).toEqual(whole);
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
    }
  });

  it('routes each row by its member id, trimmed, read from the bytes or from the quoted record', async () => {
    const { ids } = await fed(CSV[1]!, 'csv', 7);
    // One question a member of plain lines, one a record the reader read: the error rows have none.
    expect(ids).toEqual(['m1', 'm1', 'm1', 'm2', undefined, 'm3']);
    // " m1 " and "m1" are asked for apart (their bytes differ); the line with a stray carriage
    // return is the reader's (it drops the CR); the two lines of the wrong width are errors.
    expect((await fed(CSV[0]!, 'csv', 3)).ids).toEqual(['m1', 'm1', 'm2', undefined, undefined, 'm3']);
    expect(new Set((await fed(CSV[2]!, 'csv', 4)).ids)).toEqual(new Set(['']));
    // A member seen again after a quoted row of another is asked for again: the quoted row changed the member.
    expect((await fed(`${header}\nguangxi,m1,x,2024\nguangxi,"m2",x,2024\nguangxi,m1,x,2024\n`, 'csv', 1000)).ids).toEqual(['m1', 'm2', 'm1']);
  });

  it('gives a line too long for a field to the reader, which refuses it, and goes on', async () => {
    const text = `${header}\nguangxi,m1,${'x'.repeat(300)},2024\nguangxi,m2,x,2024\n`;
    const whole = await read(text, 'csv', 100);
    expect(whole[0]).toMatchObject({ line: 2, error: expect.stringContaining('larger than 100 bytes') });
    for (const size of [1, 16, 1000]) expect((await fed(text, 'csv', size, 100)).rows.map(asRead).map((row) => ('error' in row ? row : row.line))).toEqual([whole[0], 3]);
  });

  it('counts a byte that is not UTF-8 as the reader does, as the 3 bytes of U+FFFD', async () => {
    const text = Buffer.concat([Buffer.from(`${header}\nguangxi,m1,`), Buffer.alloc(40, 0xff), Buffer.from(',2024\nguangxi,m2,x,2024\n')]).toString('latin1');
    const bytes = Buffer.from(text, 'latin1');
    async function* chunks() {
      yield bytes;
    }
    const rows: SentRow[] = [];
    const target = { pending: new RowBatch() };
    await feedRows(chunks(), 'csv', { maxFieldSize: 100 }, { columns: () => {}, targetOf: () => target, full: async () => {}, chunkRead: () => true });
    rows.push(...sentRows(target.pending.take()));
    // 40 such bytes are 120 bytes once decoded: over the bound of 100.
    const whole = await read(bytes.toString('utf8'), 'csv', 100);
    expect(whole[0]).toMatchObject({ line: 2, error: expect.stringContaining('larger than 100 bytes') });
    expect(rows.map(asRead).map((row) => ('error' in row ? row : row.line))).toEqual([whole[0], 3]);
  });

  it('sends JSON and NDJSON records as their values, a number JSON cannot write included', async () => {
    for (const [format, text] of [
      ['ndjson', '{"member":{"id":"m1"},"x":1e400}\n{"member":{"id":7}}\nnot json\n{"a":-0}'],
      ['json', '[{"member":{"id":"m1"}},{"b":"é"}]'],
    ] as const) {
      const whole = await read(text, format);
      for (const size of [1, 3, 100]) expect((await fed(text, format, size)).rows.map(asRead)).toEqual(whole);
    }
    expect((await fed('{"member":{"id":"m1"}}\n{"member":{"id":7}}\nnot json', 'ndjson', 5)).ids).toEqual(['m1', 7, undefined]);
  });
});
