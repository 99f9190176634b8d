import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendPolicy, mergeSimulations, policies, simulateBook, type BookEntry, type ClaimInput, type Simulation } from '../src';
import { enrolledMember, firstIssue, stay } from './_fixtures';

/** A small varied book: stays of many lengths and costs, deaths, disabilities, a member with no claims, ties in difference. */
function bookOf(size: number): BookEntry[] {
  return Array.from({ length: size }, (_, i) => {
    const id = `m${(i * 7919) % size}`;
    const day = String(1 + (i % 27)).padStart(2, '0');
    const claims: ClaimInput[] = [];
    if (i % 5 !== 4) claims.push(stay(`${id}-s`, `2024-02-${day}`, `2024-03-${day}`, { inScopeCopay: `${(i * 1237) % 90000}.${String(i % 100).padStart(2, '0')}` }));
    if (i % 7 === 0) claims.push({ kind: 'death', id: `${id}-d`, date: '2024-09-01' });
    if (i % 3 === 0) claims.push({ kind: 'disability', id: `${id}-g`, date: '2024-08-01', grade: 1 + (i % 10) });
    return { member: enrolledMember('guangxi', 2024, { id }), claims };
  });
}

const priced = (year: 2023 | 2024) => extendPolicy(policies.guangxi[year], { attributes: policies.xining[2024].attributes!, contribution: policies.xining[2024].contribution! });
const versions = [priced(2024), priced(2023), policies.guangxi[2023]];
const roster = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ id: `r${from + i}`, count: 1 + ((from + i) % 4), flags: { hardship: (from + i) % 5 === 0 } }));
const options = { largest: 3, binWidth: '250' } as const;

describe('mergeSimulations', () => {
  const book = bookOf(60);
  const whole = JSON.stringify(simulateBook(book, versions, { ...options, roster: roster(0, 30) }));

  it('gives the simulation of the whole book, byte for byte, however the book is split and the parts are merged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: book.length - 1 }), { maxLength: 6 }), fc.boolean(), fc.boolean(), (cuts, rightFirst, asJson) => {
        const points = [0, ...cuts.sort((a, b) => a - b), book.length];
        // Each part gets the roster entries of its own stretch: contributions add up too.
        const parts = points.slice(1).map((end, i) => {
          const start = points[i]!;
          const part = simulateBook(book.slice(start, end), versions, { ...options, roster: roster(Math.floor(start / 2), Math.floor(end / 2)) });
          return asJson ? (JSON.parse(JSON.stringify(part)) as Simulation) : part;
        });
        // Left to right, or right to left: associativity, and the order of the parts does not matter.
        const merged = rightFirst ? parts.reduceRight((acc, part) => mergeSimulations(part, acc)) : parts.reduce((acc, part) => mergeSimulations(acc, part));
        expect(JSON.stringify(merged)).toBe(whole);
      }),
      { numRuns: 25 },
    );
    // Each part explains its largest changes: a few hundred explanations in all.
  }, 60_000);

  it('is associative for any three parts', () => {
    const [a, b, c] = [book.slice(0, 13), book.slice(13, 41), book.slice(41)].map((part) => simulateBook(part, versions, options));
    expect(JSON.stringify(mergeSimulations(mergeSimulations(a!, b!), c!))).toBe(JSON.stringify(mergeSimulations(a!, mergeSimulations(b!, c!))));
    expect(JSON.stringify(mergeSimulations(c!, mergeSimulations(a!, b!)))).toBe(JSON.stringify(simulateBook(book, versions, options)));
  });

  it('leaves both parts untouched', () => {
    const a = simulateBook(book.slice(0, 30), versions, options);
    const b = simulateBook(book.slice(30), versions, options);
    const [textA, textB] = [JSON.stringify(a), JSON.stringify(b)];
    mergeSimulations(a, b);
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual([textA, textB]);
  });

  it('refuses parts of different versions or settings, and what is not a simulation', () => {
    const a = simulateBook(book.slice(0, 10), versions, options);
    expect(firstIssue(() => mergeSimulations(a, simulateBook(book.slice(10), versions.slice(0, 2), options))).code).toBe('different_simulations');
    expect(firstIssue(() => mergeSimulations(a, simulateBook(book.slice(10), versions, { ...options, binWidth: '100' }))).code).toBe('different_simulations');
    expect(firstIssue(() => mergeSimulations(a, { members: 3 } as never)).path).toEqual(['b']);
    const tampered = JSON.parse(JSON.stringify(a)) as { versions: { total: string }[] };
    tampered.versions[0]!.total = '12.5';
    expect(firstIssue(() => mergeSimulations(tampered as never, a)).path).toEqual(['a']);
  });
});
