import { describe, expect, it } from 'vitest';
import { KeyFilter } from '../src/cli/spill';

const key = (i: number) => JSON.stringify([`m${i}`, 'guangxi', 2024]);

describe('the key filter of ledgers sent to disk', () => {
  it('holds 256 KB for the first 65,536 keys, not 16 MB whatever it is given', () => {
    const filter = new KeyFilter();
    expect(filter.bytes).toBe(0);
    for (let i = 0; i < 65_536; i += 1) filter.add(key(i));
    expect(filter.bytes).toBe(256 * 1024);
    // The next key makes a layer twice as large.
    filter.add(key(65_536));
    expect(filter.bytes).toBe((256 + 512) * 1024);
  });

  it('never forgets a key, in any layer, and few other keys seem given', () => {
    const filter = new KeyFilter();
    const count = 300_000; // three layers: 65,536 + 131,072 + the rest
    for (let i = 0; i < count; i += 1) filter.add(key(i));
    expect(filter.bytes).toBe((256 + 512 + 1024) * 1024);
    let missed = 0;
    for (let i = 0; i < count; i += 1) if (!filter.mayHave(key(i))) missed += 1;
    expect(missed).toBe(0);
    // At 32 bits a key, a full layer says a false "yes" about once in 175,000: three of them, a few in 300,000.
    let wrong = 0;
    for (let i = count; i < 2 * count; i += 1) if (filter.mayHave(key(i))) wrong += 1;
    expect(wrong).toBeLessThan(30);
  });

  it('stops growing at six layers (16 MB at full size): later keys go into the last', () => {
    // A first layer of 64 keys (256 bytes): the same rule, on 4,000 keys instead of 4 million.
    const filter = new KeyFilter(64);
    const count = 64 * 63 + 1000;
    for (let i = 0; i < count; i += 1) filter.add(key(i));
    expect(filter.bytes).toBe(63 * 256);
    for (let i = 0; i < count; i += 1) expect(filter.mayHave(key(i))).toBe(true);
  });

});
