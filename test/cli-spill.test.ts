/**
 * The temporary files of `huzhu evaluate` (src/cli/spill.ts): `LineWriter` encodes each text
 * into a buffer of 1 MB as it comes, and `readBlocks` gives a file's bytes back; what is
 * written is the UTF-8 of the texts given, in order, whatever their sizes and characters.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineWriter, readBlocks, readLines } from '../src/cli/spill';

const DIR = mkdtempSync(join(tmpdir(), 'huzhu-spill-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('LineWriter', () => {
  it('writes the UTF-8 of every text, in order, across the buffer and past its size', () => {
    const path = join(DIR, 'texts');
    const writer = new LineWriter(path);
    // One, two, three and four bytes a character (the last a surrogate pair), in texts of many
    // sizes: together about 7 MB, so the buffer fills and is written many times, mid-character
    // boundaries included; one text alone is over 1 MB (three times the buffer's worth of
    // bytes in its worst case).
    const texts: string[] = [];
    for (let i = 0, length = 0; length < 2 << 20; i += 1) length += texts[texts.push(`${'a'.repeat(i % 97)}医疗${'é'.repeat(i % 13)}😀,${i}\n`) - 1]!.length;
    texts.push(`${'互'.repeat(400_000)}\n`, `${'助'.repeat((1 << 20) + 1)}\n`, '');
    for (const text of texts) writer.append(text);
    writer.write('last line');
    writer.close();
    const expected = Buffer.from(`${texts.join('')}last line\n`);
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(Buffer.concat([...readBlocks(path, 1000)]).equals(expected)).toBe(true);
    expect([...readLines(path)].at(-1)).toBe('last line');
  });

  it('writes nothing for no text', () => {
    const path = join(DIR, 'empty');
    new LineWriter(path).close();
    expect(readFileSync(path)).toHaveLength(0);
    expect([...readBlocks(path)]).toEqual([]);
  });
});
