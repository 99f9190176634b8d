/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): files that the CLI's
 * readers must survive. Each bad record costs one error row with the line it starts on; every
 * good record before and after it still comes out, and reading stays linear in the file's size.
 * Tests of speed use sizes that take milliseconds when reading is linear and minutes when it is
 * quadratic, with vitest's 5 s timeout as the only clock.
 */
import { describe, expect, it } from 'vitest';
import { readRecords, type InputFormat, type ReadLimits, type RawRecord } from '../src/cli/records';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Each record as `[line, value]`, or `[line, 'error: …']`. */
async function read(text: string, format: InputFormat, limits?: ReadLimits, chunk = 65_536): Promise<[number, unknown][]> {
  const records: RawRecord[] = [];
  for await (const record of readRecords(chunksOf(text, chunk), format, limits)) records.push(record);
  return records.map((record) => [record.line, 'error' in record ? `error: ${record.error}` : record.value]);
}

const errorAt = (line: number, message: RegExp | string) => [line, expect.stringMatching(typeof message === 'string' ? message : message.source)];
const row = (memberId: string, claimId: string) => ({ memberId, claimId });
const MB = 1024 * 1024;

describe('CSV: a bad record is one error row, and reading resumes on the next line', () => {
  it.each([
    {
      name: 'a quote left open, closed by no later quote, costs its own line only',
      text: 'memberId,claimId\nm1,"c1\nm2,c2\nm3,c3\n',
      records: [errorAt(2, 'error: a quoted field is not closed before the end of the file'), [3, row('m2', 'c2')], [4, row('m3', 'c3')]],
    },
    {
      name: 'a quote left open, met by a later quoted field',
      text: 'memberId,claimId\nm1,"c1\nm2,c2\nm3,"c3, with a comma"\nm4,c4\n',
      records: [errorAt(2, 'error: unexpected "c" after the closing quote of a field'), [3, row('m2', 'c2')], [4, row('m3', 'c3, with a comma')], [5, row('m4', 'c4')]],
    },
    {
      name: 'a quote left open, closed by chance before a comma',
      text: 'memberId,claimId\nm1,"c1\nm2",c2\nm3,c3\n',
      records: [[2, 'error: expected 2 fields as in the header, found 3'], [3, row('m2"', 'c2')], [4, row('m3', 'c3')]],
    },
    {
      name: 'text after a closing quote',
      text: 'memberId,claimId\nm1,"c1"x\nm2,c2',
      records: [errorAt(2, 'error: unexpected "x" after the closing quote'), [3, row('m2', 'c2')]],
    },
    {
      name: 'more fields than the header',
      text: 'memberId,claimId\nm1,c1,"x\ny"\nm2,c2\nm3,c3,x,y\n',
      // Fields past the header's count are not kept: the record is refused at the first of them.
      records: [[2, 'error: expected 2 fields as in the header, found 3'], [3, 'error: expected 2 fields as in the header, found 1'], [4, row('m2', 'c2')], [5, 'error: expected 2 fields as in the header, found more']],
    },
    {
      name: 'fewer fields than the header',
      text: 'memberId,claimId\nm1\nm2,c2\n',
      records: [[2, 'error: expected 2 fields as in the header, found 1'], [3, row('m2', 'c2')]],
    },
    {
      name: 'an unquoted 3 MB field',
      text: `memberId,claimId\nm1,${'x'.repeat(3 * MB)}\nm2,c2\n`,
      records: [errorAt(2, 'error: a field is larger than 1048576 bytes'), [3, row('m2', 'c2')]],
    },
    {
      name: 'a quote opened before 3 MB on one line',
      text: `memberId,claimId\nm1,"${'x'.repeat(3 * MB)}\nm2,c2\n`,
      records: [errorAt(2, 'error: a field is larger than 1048576 bytes'), [3, row('m2', 'c2')]],
    },
    {
      name: 'a quote opened before 3 MB over many lines',
      text: `memberId,claimId\nm1,"${'x'.repeat(MB / 2)}\n${'x'.repeat(MB)}\n${'x'.repeat(MB)}\nm2,c2\n`,
      // The field passes the bound on line 3; lines 3 and 4 are then read as records: 1 MB is not more than the bound.
      records: [errorAt(2, 'error: a field is larger than 1048576 bytes'), [3, 'error: expected 2 fields as in the header, found 1'], [4, 'error: expected 2 fields as in the header, found 1'], [5, row('m2', 'c2')]],
    },
  ])('$name', async ({ text, records }) => {
    expect(await read(text, 'csv')).toEqual(records);
  });

  it('an unbalanced quote on line 10 of 20,000 rows costs line 10 only', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i === 8 ? `m${i},"c${i}` : `m${i},c${i}`));
    const records = await read(['memberId,claimId', ...lines].join('\n'), 'csv');
    expect(records).toHaveLength(20_000);
    expect(records[8]).toEqual(errorAt(10, 'error: a quoted field runs on for more than 100 lines: is a quote left open?'));
    expect(records.filter(([, value]) => typeof value === 'string')).toHaveLength(1);
    expect(records[9]).toEqual([11, row('m9', 'c9')]);
    expect(records.at(-1)).toEqual([20_001, row('m19999', 'c19999')]);
  });

  it('bounds a field by --max-field-size, counted in UTF-8 bytes', async () => {
    const text = 'memberId,claimId\n会员,c1\n会员会,c2\nabcdefgh,c3\n';
    expect(await read(text, 'csv', { maxFieldSize: 8 })).toEqual([
      [2, row('会员', 'c1')], // 6 bytes
      [3, 'error: a field is larger than 8 bytes (see --max-field-size)'], // 9 bytes
      [4, row('abcdefgh', 'c3')],
    ]);
  });
});

describe('CSV: a header that names no column, or one twice, is refused before any row', () => {
  it.each([
    { header: 'memberId,claimid', message: 'the CSV header is refused: unknown column "claimid" (column 2); expected scheme, memberId, ' },
    { header: 'inScopeCopay,政策范围内个人自付', message: 'the CSV header is refused: inScopeCopay is named twice, by "inScopeCopay" (column 1) and "政策范围内个人自付" (column 2)' },
    { header: 'memberId,memberId', message: 'the CSV header is refused: memberId is named twice, by "memberId" (column 1) and "memberId" (column 2)' },
    { header: 'memberId,', message: 'the CSV header is refused: unknown column "" (column 2)' },
    { header: ','.repeat(5000), message: 'cannot read the CSV header on line 1: a header of more than 1000 fields' },
    { header: 'memberId,"claimId', message: 'cannot read the CSV header on line 1: a quoted field is not closed before the end of the file' },
  ])('$header', async ({ header, message }) => {
    await expect(read(`${header}\nm1,c1\n`, 'csv')).rejects.toThrow(message);
  });
});

describe('JSON arrays: strict, linear, and a bad element costs itself only', () => {
  it.each([
    {
      name: 'a string left open',
      text: '[\n{"a":1},\n{"a":"x},\n{"a":3}\n]',
      records: [[2, { a: 1 }], [3, 'error: not valid JSON: a string is not closed before the end of line 3'], [4, { a: 3 }]],
    },
    {
      name: 'a string left open, met by later quotes on its line',
      text: '[\n{"a":1},\n{"a":"x, "b":2},\n{"a":3}\n]',
      records: [[2, { a: 1 }], [3, 'error: not valid JSON: unexpected "b" at line 3, column 11'], [4, { a: 3 }]],
    },
    {
      name: 'an extra }',
      text: '[\n{"a":1}},\n{"a":2},\n{"a":3}\n]',
      records: [[2, { a: 1 }], [2, 'error: not valid JSON: unexpected "}" at line 2, column 8'], [3, { a: 2 }], [4, { a: 3 }]],
    },
    {
      name: 'a missing }',
      text: '[\n{"a":{"b":1},\n{"a":2},\n{"a":3}\n]',
      records: [[2, 'error: not valid JSON: unexpected "{" at line 3, column 1'], [3, { a: 2 }], [4, { a: 3 }]],
    },
    {
      name: 'a missing } in the last element',
      text: '[\n{"a":1},\n{"a":{"b":2}\n]',
      records: [[2, { a: 1 }], [3, 'error: not valid JSON: unexpected "]" at line 4, column 1']],
    },
    {
      name: 'a missing comma between lines',
      text: '[\n{"a":1}\n{"a":2}\n]',
      records: [[2, { a: 1 }], [3, 'error: not valid JSON: unexpected "{" at line 3, column 1'], [3, { a: 2 }]],
    },
    { name: 'a trailing comma', text: '[{"a":1},]', records: [[1, { a: 1 }], [1, 'error: not valid JSON: a comma before the closing "]" at line 1, column 10']] },
    { name: 'an empty element', text: '[{"a":1},,{"a":2}]', records: [[1, { a: 1 }], [1, 'error: not valid JSON: an empty element at line 1, column 10'], [1, { a: 2 }]] },
    { name: 'a bad literal', text: '[\n{"a":tru},\n{"a":2}\n]', records: [[2, 'error: not valid JSON: not a JSON value: "tru" at line 2, column 6'], [3, { a: 2 }]] },
    { name: 'a bad escape', text: '[\n{"a":"\\x"},\n{"a":2}\n]', records: [[2, 'error: not valid JSON: unexpected "x" at line 2, column 8'], [3, { a: 2 }]] },
    { name: 'text after the array', text: '[{"a":1}] x', records: [[1, { a: 1 }], [1, 'error: not valid JSON: text after the end of the array at line 1, column 11']] },
    { name: 'no array', text: '{"a":1}', records: [[1, 'error: expected a JSON array of records']] },
    { name: 'an array not closed', text: '[{"a":1},', records: [[1, { a: 1 }], [1, 'error: the JSON array is not closed before the end of the file']] },
    { name: 'a file ending inside an element', text: '[{"a":1},\n{"a"', records: [[1, { a: 1 }], [2, 'error: not valid JSON: the file ends inside this record']] },
    {
      name: 'an element over the bound',
      text: `[\n{"a":"${'x'.repeat(3 * MB)}"},\n{"a":2}\n]`,
      records: [[2, 'error: not valid JSON: a record larger than 1048576 bytes (see --max-field-size)'], [3, { a: 2 }]],
    },
  ])('$name', async ({ text, records }) => {
    expect(await read(text, 'json')).toEqual(records);
  });

  it('resumes after a broken record of a pretty-printed array, at the next record indented as it was', async () => {
    const records = Array.from({ length: 5 }, (_, i) => ({ scheme: 'guangxi', member: { id: `m${i}`, enrolments: [{ year: 2024 }, { year: 2025 }] }, claim: { id: `c${i}` } }));
    // Record 2 spans lines 19–35, and its enrolments open with "{" on lines 24 and 27, deeper.
    const text = JSON.stringify(records, null, 2).replace('"id": "m1"', '"id": "m1');
    const read1 = await read(text, 'json');
    expect(read1.map(([line]) => line)).toEqual([2, 19, 36, 53, 70]);
    expect(read1[1]).toEqual([19, 'error: not valid JSON: a string is not closed before the end of line 22']);
    expect(read1.filter((_, i) => i !== 1).map(([, value]) => value)).toEqual(records.filter((_, i) => i !== 1));
  });

  // A 256 KB element once took 20 s, growing with its square.
  it('reads a 1 MB element in linear time', async () => {
    const text = `[{"a":"${'x'.repeat(MB - 10)}"}]`;
    expect(await read(text, 'json')).toEqual([[1, { a: 'x'.repeat(MB - 10) }]]);
  });

  // 2,000 records behind a missing } once took 13.5 s, growing with their square.
  it('reads on after a missing } in linear time: 20,000 records behind it', async () => {
    const text = `[\n{"a":{"b":1},\n${Array.from({ length: 20_000 }, (_, i) => `{"a":${i}}`).join(',\n')}\n]`;
    const records = await read(text, 'json');
    expect(records).toHaveLength(20_001);
    expect(records[0]).toEqual([2, 'error: not valid JSON: unexpected "{" at line 3, column 1']);
    expect(records.at(-1)).toEqual([20_002, { a: 19_999 }]);
  });

  it('bounds an element by --max-field-size, counted in UTF-8 bytes', async () => {
    expect(await read('[\n"会员",\n"会员会"\n]', 'json', { maxFieldSize: 8 })).toEqual([
      [2, '会员'], // 8 bytes with its quotes
      [3, 'error: not valid JSON: a record larger than 8 bytes (see --max-field-size)'],
    ]);
  });
});

describe('NDJSON: a line over the bound is dropped as it comes', () => {
  it('bounds a line by --max-field-size', async () => {
    expect(await read('{"a":"会员"}\n{"a":"会员会"}\n{"a":3}', 'ndjson', { maxFieldSize: 14 })).toEqual([
      [1, { a: '会员' }], // 14 bytes
      [2, 'error: the line is larger than 14 bytes (see --max-field-size)'],
      [3, { a: 3 }],
    ]);
  });

  it('reads a 20 MB line without a break, in 1 KB chunks, in linear time', async () => {
    const records = await read(`${'x'.repeat(20 * MB)}\n{"a":2}`, 'ndjson', undefined, 1024);
    expect(records).toEqual([[1, 'error: the line is larger than 1048576 bytes (see --max-field-size)'], [2, { a: 2 }]]);
  });
});
