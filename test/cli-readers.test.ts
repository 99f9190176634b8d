/** The CLI's input readers: the same records whatever the chunking, and JSON read as JSON.parse reads it. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CLI_TEST_TIMEOUT, huzhu as runHuzhu } from './_cli';
import { csvLine } from '../src/cli/csv';
import { readRecords, type InputFormat, type RawRecord } from '../src/cli/records';

// Some tests here run the command as a subprocess, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT });

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string, format: InputFormat, chunk = 65_536): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readRecords(chunksOf(text, chunk), format)) records.push(record);
  return records;
}

const CSV = [
  'memberId,claimId\r\nm1,"c1\r\nstill c1"\r\n\r\nm2,"c ""2"""\r\nm3,"c3',
  '\uFEFFmemberId,claimId\nm1,"c1\nm2,c2\nm3,"c3, with a comma"\nm4,c4',
  'memberId,claimId\nm1,"c1"x\nm2,c2,\n,\nm3,c3\n"m4",c4',
];
const JSON_ARRAYS = [
  '\uFEFF[\n{"a":1},\n{"a":"x},\n{"a":{"b":[1,2,{"c":"]}\\"\\u00e9"}]}}},\n{"a":true}\n]',
  '[\n  {"a":{"b":1},\n  {"a":-1.5e3}, {"a":null}\n] x\n  {"a":2}',
];

describe('the readers give the same records whatever the chunks', () => {
  it.each([...CSV.map((text) => ({ format: 'csv' as const, text })), ...JSON_ARRAYS.map((text) => ({ format: 'json' as const, text })), { format: 'ndjson' as const, text: '\uFEFF{"a":1}\r\n\n{"a":\n{"a":2}' }])(
    '$format: $text',
    async ({ format, text }) => {
      const whole = await read(text, format);
      expect(whole.length).toBeGreaterThan(2);
      for (const size of [1, 2, 3, 7]) expect(await read(text, format, size)).toEqual(whole);
    },
  );
});

describe('CSV', () => {
  it('reads back any rows as csvLine writes them, whatever the chunks', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '会', ' ', ',', '"', '\n', '\r', '\r\n') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell)), fc.integer({ min: 1, max: 50 }), async (rows, chunk) => {
        const text = csvLine(['memberId', 'claimId']) + rows.map((row) => csvLine(row)).join('');
        const records = await read(text, 'csv', chunk);
        expect(records.map((record) => ('value' in record ? record.value : record))).toEqual(rows.map(([memberId, claimId]) => ({ memberId, claimId })));
      }),
    );
  });
});

describe('JSON arrays', () => {
  it('read any valid array as JSON.parse does, element by element, whatever the chunks and indentation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue()), fc.constantFrom(undefined, 1, 2, '\t'), fc.integer({ min: 1, max: 50 }), async (elements, indent, chunk) => {
        const text = JSON.stringify(elements, null, indent);
        const records = await read(text, 'json', chunk);
        expect(records.map((record) => ('value' in record ? record.value : record))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('never throw on any text, and give each record a line in the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '\n', ' ', '1', 'e', '-', 'u', 'x') }), async (body) => {
        const text = `[${body}`;
        for (const record of await read(text, 'json', 3)) expect(record.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

const huzhu = (args: string[], input: string) => runHuzhu(args, { input });

// Subprocesses, some reading a pipe with worker threads: the guard against a hang of every CLI test file.
describe('huzhu evaluate on hostile files', { timeout: CLI_TEST_TIMEOUT }, () => {
  const csv = (header: string) => `${header}\nguangxi,m1,2024-01-01,2024-12-31,c1,death,2024-06-01\n`;

  it.each([
    {
      header: 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,dte',
      format: 'csv',
      message:
        'huzhu: the CSV header is refused: unknown column "dte" (column 7); expected scheme, memberId, enrolmentScheme, enrolmentYear, enrolledFrom, enrolledTo, enrolledOn, flags, attributes, birthDate, sex, claimId, kind, date, admission, discharge, cause, total, insurancePaid, inScopeCopay, selfPaid, aboveCeiling, grade, claimAttributes, filedOn, plans, event, paidElsewhere or their Chinese names',
    },
    { header: 'scheme,memberId,enrolledFrom,参保起始日期,claimId,kind,date', format: 'json', message: 'huzhu: the CSV header is refused: enrolledFrom is named twice, by "enrolledFrom" (column 3) and "参保起始日期" (column 4)' },
  ])('refuses a header naming no column or one twice, before any row and any output header, with exit code 2: $header', ({ header, format, message }) => {
    const { code, stdout, stderr } = huzhu(['evaluate', '-', '--from', 'csv', '--format', format], csv(header));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message);
  });

  it('bounds a field by --max-field-size, and refuses a bound that is not a number of bytes', () => {
    const input = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date\nguangxi,m1,2024-01-01,2024-12-31,c1,death,2024-06-01\nguangxi,m2,2024-01-01,2024-12-31,c2-much-longer,death,2024-06-01\n';
    const { code, stdout } = huzhu(['evaluate', '-', '--from', 'csv', '--format', 'ndjson', '--max-field-size', '12'], input); // "enrolledFrom" is 12 bytes
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ line: 2, status: 'settled' }),
      { line: 3, status: 'error', issues: [{ path: [], code: 'unreadable_record', message: 'a field is larger than 12 bytes (see --max-field-size)' }] },
    ]);
    expect(code).toBe(1);
    const refused = huzhu(['evaluate', '-', '--from', 'csv', '--max-field-size', '1MB'], input);
    expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([2, 'huzhu: --max-field-size must be a whole number of bytes; got "1MB" (see huzhu evaluate --help)']);
  });
});
