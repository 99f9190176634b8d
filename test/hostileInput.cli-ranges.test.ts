/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): files that `huzhu
 * simulate` must not cut into ranges for its workers (src/cli/simulateRanges.ts), since a range
 * read alone would not read them as the whole file is read. Each is left to the reader of the
 * whole file, which refuses or reads it as one thread does.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/cli/records';
import { planRanges } from '../src/cli/simulateRanges';
import { CLI_TEST_TIMEOUT, huzhu } from './_cli';

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date';
const row = (id: string, n: number) => `guangxi,${id},2023-01-01,2023-12-31,${id}-${n},death,2023-06-01`;
const body = Array.from({ length: 8 }, (_, i) => row(`m${i}`, 1));
const dir = mkdtempSync(join(tmpdir(), 'huzhu-hostile-ranges-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const plan = (path: string) => planRanges(path, { from: 'csv', limits: DEFAULT_LIMITS }, 2);

describe('hostile input: files not cut into ranges', () => {
  it('cuts a plain file of several members (the control)', () => {
    expect(plan(file('plain.csv', `${[HEADER, ...body].join('\n')}\n`))).toHaveLength(2);
  });

  it.each([
    // A quote may open a field that holds line breaks: a line would not start a record.
    ['a quote in the last byte', `${[HEADER, ...body].join('\n')}\n"`],
    ['a quoted header cell', `${[HEADER.replace('scheme', '"scheme"'), ...body].join('\n')}\n`],
    // 6 MB without a line break, cut in the middle: not read past 2 MB to find the next row.
    ['a line of 6 MB at the cut', `${[HEADER, ...body.slice(0, 4), `guangxi,m9,${'x'.repeat(6 << 20)}`, ...body.slice(4)].join('\n')}\n`],
    // The reader of the whole file refuses it, with its message.
    ['a header naming a column twice', `${[`${HEADER},memberId`, ...body.map((line) => `${line},x`)].join('\n')}\n`],
    ['a header that never ends', HEADER],
  ])('%s', (_, text) => {
    expect(plan(file('hostile.csv', text))).toBeUndefined();
  });

  it('a folder, or a file that is not there', () => {
    mkdirSync(join(dir, 'folder.csv'));
    expect(plan(join(dir, 'folder.csv'))).toBeUndefined();
    expect(plan(join(dir, 'missing.csv'))).toBeUndefined();
  });

  it('refuses a header naming a column twice on 2 workers as one thread does', { timeout: 4 * CLI_TEST_TIMEOUT }, () => {
    const path = file('twice.csv', `${[`${HEADER},memberId`, ...body.map((line) => `${line},x`)].join('\n')}\n`);
    const [one, two] = ['1', '2'].map((workers) => huzhu(['simulate', path, '--against', 'guangxi@2023', '--workers', workers]));
    expect(one!.code).toBe(2);
    expect(two).toEqual(one);
  });
});
