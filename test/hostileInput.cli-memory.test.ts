/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): records that must come
 * through the CLI's disk path unchanged. With HUZHU_LEDGERS_IN_MEMORY=1 the first member's
 * second record is put off (its ledger went to disk when the second member came), written to a
 * temporary file, read back and settled there, and the outputs after it wait on disk too; the
 * output must be byte for byte what a run with every ledger in memory gives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { huzhu as runHuzhu } from './_cli';

const huzhu = (args: string[], env: Record<string, string> = {}) => runHuzhu(args, { env });

const enrolment = { scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' };
const record = (id: string, claimId: string, member: Record<string, unknown> = {}) =>
  JSON.stringify({ scheme: 'guangxi', member: { id, enrolments: [enrolment], ...member }, claim: { kind: 'death', id: claimId, date: '2024-06-01' } });

/** Each member twice, with another member between: the second record goes through disk. */
const CASES: { name: string; lines: (member: string) => string[] }[] = [
  // JSON has no Infinity: written as JSON, the number would come back as null, with another error.
  { name: 'a number too large for a double (1e400)', lines: (m) => [record(m, 'c1'), record(m, 'c2').replace('"year":2024', '"year":1e400')] },
  { name: 'a prototype key in the member', lines: (m) => [record(m, 'c1'), record(m, 'c2').replace('"member":{', '"member":{"__proto__":{"flags":{"hardship":true}},')] },
  { name: 'member and claim ids with tabs, line breaks, quotes and backslashes', lines: (m) => [record(`${m}\t"\\\n`, 'c\t1\n"x"'), record(`${m}\t"\\\n`, 'c\t1\n"x"')] },
  { name: 'ids with a line separator (U+2028) and characters beyond the BMP', lines: (m) => [record(`${m}\u2028𠮷`, 'c1'), record(`${m}\u2028𠮷`, 'c1')] },
  { name: 'a member id that is itself a ledger key', lines: (m) => [record(`["${m}","guangxi",2024]`, 'c1'), record(`["${m}","guangxi",2024]`, 'c1')] },
];

describe('hostile input through the CLI disk path', { timeout: 120_000 }, () => {
  it.each(CASES)('$name', ({ lines }) => {
    const [first, second] = [lines('m1'), lines('m2')];
    const file = join(mkdtempSync(join(tmpdir(), 'huzhu-hostile-')), 'records.ndjson');
    writeFileSync(file, `${[first[0], second[0], first[1], second[1]].join('\n')}\n`);
    for (const command of ['evaluate', 'explain']) {
      const inMemory = huzhu([command, file, '--lang', 'en']);
      expect(inMemory.stderr).toMatch(/^4 rows: /);
      expect(huzhu([command, file, '--lang', 'en'], { HUZHU_LEDGERS_IN_MEMORY: '1' })).toEqual(inMemory);
    }
  });
});
