import { describe, expect, it } from 'vitest';
import { extendPolicy, policies, simulateBook, type BookEntry, type ClaimInput, type Simulation } from '../src';
import { enrolledMember, firstIssue, stay } from './_fixtures';

const member = (id: string, year = 2024) => enrolledMember('guangxi', year, { id });
const death = (id: string, date = '2024-06-01'): ClaimInput => ({ kind: 'death', id, date });
const both = [policies.guangxi[2023], policies.guangxi[2024]];
const amounts = (rows: readonly { amount: { toFixed(n: number): string } }[]) => rows.map((row) => row.amount.toFixed(2));

/**
 * Checked by hand. Under 2023: a death pays 5,000; a 10-day stay with a 3,000 yuan in-scope
 * co-payment pays (3,000 − 1,000) × 50 % = 1,000; a disability pays nothing (no such benefit).
 * Under 2024: death 10,000, the stay 1,000 + 10 days × 50 = 1,500, and a grade-10 disability
 * 20,000 × 10 % = 2,000 (the shares are illustrative).
 */
const book: BookEntry[] = [
  { member: member('a'), claims: [death('a1')] },
  { member: member('b'), claims: [stay('b1', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00' })] },
  { member: member('c'), claims: [{ kind: 'disability', id: 'c1', date: '2024-05-01', grade: 10 }] },
  { member: member('d'), claims: [] },
];

describe('simulateBook', () => {
  const result = simulateBook(book, [policies.guangxi[2024], policies.guangxi[2023]]);
  const [now, before] = result.versions;

  it('totals each version, by benefit in the policy order, to the fen', () => {
    expect([result.members, result.claims]).toEqual([4, 3]);
    expect(now!.total.toFixed(2)).toBe('13500.00');
    expect(now!.byBenefit.map((row) => row.benefit)).toEqual(['hospitalisation', 'death', 'hospital-allowance', 'disability']);
    expect(amounts(now!.byBenefit)).toEqual(['1000.00', '10000.00', '500.00', '2000.00']);
    expect(before!.total.toFixed(2)).toBe('6000.00');
    expect(amounts(before!.byBenefit)).toEqual(['1000.00', '5000.00']);
  });

  it('counts claims paid and refused by reason code', () => {
    expect([now!.claimsPaid, now!.claimsUnpaid, now!.claimsRefused]).toEqual([3, 0, 0]);
    expect([before!.claimsPaid, before!.claimsUnpaid, before!.claimsRefused]).toEqual([2, 0, 1]);
    expect(before!.refusedByReason).toEqual([{ code: 'NO_BENEFIT_FOR_EVENT', claims: 1 }]);
  });

  it('applies a version that does not govern the dates as a what-if, and says how many members it was for', () => {
    expect(now!.whatIfMembers).toBe(0);
    // Three members with claims; the one without claims settles nothing under either.
    expect(before!.whatIfMembers).toBe(3);
    expect(before!.policy.year).toBe(2023);
  });

  it('compares each member against the baseline: better, worse, unchanged, histogram and quantiles', () => {
    const comparison = result.comparisons[0]!;
    expect(comparison.policy.year).toBe(2023);
    expect(comparison.difference.toFixed(2)).toBe('-7500.00');
    expect([comparison.better, comparison.worse, comparison.unchanged]).toEqual([0, 3, 1]);
    expect([comparison.smallest?.toFixed(2), comparison.largest?.toFixed(2)]).toEqual(['-5000.00', '0.00']);
    // Bins of 100 yuan: −5,000 lies in −5,000.00 … −4,900.01, −2,000 and −500 likewise.
    expect(comparison.histogram.map((bin) => [bin.from.toFixed(2), bin.to.toFixed(2), bin.members])).toEqual([
      ['-5000.00', '-4900.01', 1],
      ['-2000.00', '-1900.01', 1],
      ['-500.00', '-400.01', 1],
    ]);
    // Nearest rank of 4 differences (−5,000, −2,000, −500, 0): q = 0.5 is the 2nd, q = 0.9 the 4th (exactly 0).
    expect(comparison.quantiles.map((q) => [q.q, q.from.toFixed(2), q.to.toFixed(2)])).toEqual([
      [0.1, '-5000.00', '-4900.01'],
      [0.25, '-5000.00', '-4900.01'],
      [0.5, '-2000.00', '-1900.01'],
      [0.75, '-500.00', '-400.01'],
      [0.9, '0.00', '0.00'],
    ]);
  });

  it('keeps the largest changes with the member, the claims and both settlements explained', () => {
    const changes = simulateBook(book, [policies.guangxi[2024], policies.guangxi[2023]], { largest: 2, lang: 'en' }).comparisons[0]!.largestChanges;
    expect(changes.map((change) => [change.memberId, change.difference.toFixed(2), change.totals.map((t) => t.toFixed(2))])).toEqual([
      ['a', '-5000.00', ['10000.00', '5000.00']],
      ['c', '-2000.00', ['2000.00', '0.00']],
    ]);
    expect(changes[0]!.claims).toEqual([death('a1')]);
    expect(changes[0]!.explanations[0]).toContain('Death benefit: 10000.00 yuan');
    expect(changes[0]!.explanations[1]).toContain('Death benefit: 5000.00 yuan');
  });

  it('breaks ties among the largest changes by member id, whatever the order of the book', () => {
    const twins = ['z', 'y', 'x'].map((id) => ({ member: member(id), claims: [death(`${id}1`)] }));
    const ids = (entries: BookEntry[]) => simulateBook(entries, [policies.guangxi[2024], policies.guangxi[2023]], { largest: 2 }).comparisons[0]!.largestChanges.map((c) => c.memberId);
    expect(ids(twins)).toEqual(['x', 'y']);
    expect(ids([...twins].reverse())).toEqual(['x', 'y']);
  });

  it('counts the claims each cap cut', () => {
    // 2023's maximum subsidy is 500,000: a 1,200,000 co-payment pays (50,000 − 1,000) × 50 % + 1,150,000 × 60 % before it.
    const big = { member: member('big', 2023), claims: [stay('s1', '2023-02-01', '2023-02-03', { inScopeCopay: '1200000.00' }), death('s2', '2023-03-01')] };
    const [only] = simulateBook([big], [policies.guangxi[2023]]).versions;
    expect(only!.total.toFixed(2)).toBe('500000.00');
    expect(only!.cutByCap).toEqual([
      { cap: 'perClaim', claims: 0 },
      { cap: 'perYear', claims: 0 },
      { cap: 'maximumSubsidy', claims: 2 },
    ]);
    // The death came after the ceiling was reached: accepted, nothing paid.
    expect([only!.claimsPaid, only!.claimsUnpaid]).toEqual([1, 1]);
  });

  it('lists the illustrative parameters each version rests on', () => {
    expect(now!.illustrativeParameters.map((p) => p.parameter)).toEqual([
      'benefits.disability.formula.shares',
      'benefits.hospitalisation.formula.bands',
      'benefits.hospitalisation.formula.deductible',
    ]);
    expect(result.illustrative).toBe(true);
  });

  it('with a roster, gives the contribution income, the balance and the loss ratio', () => {
    const priced = (year: 2023 | 2024) => extendPolicy(policies.guangxi[year], { attributes: policies.xining[2024].attributes!, contribution: policies.xining[2024].contribution! });
    const roster = [
      { id: 'unit-1', count: 100 },
      { id: 'hardship', count: 20, flags: { hardship: true } },
    ];
    const [priced2024, priced2023] = simulateBook(book, [priced(2024), priced(2023)], { roster }).versions;
    expect(priced2024!.contributions?.total.toFixed(2)).toBe('12000.00');
    expect(priced2024!.contributions?.byPayer.publicFunds.amount.toFixed(2)).toBe('2000.00');
    expect(priced2024!.balance?.toFixed(2)).toBe('-1500.00');
    expect(priced2024!.lossRatio?.toString()).toBe('1.125');
    expect(priced2023!.balance?.toFixed(2)).toBe('6000.00');
    expect(priced2023!.lossRatio?.toString()).toBe('0.5');
    // A version without a contribution section has none, roster or not.
    expect(simulateBook(book, both, { roster }).versions[0]!.contributions).toBeNull();
  });

  it('gives the same result for an async iterable as for an array', async () => {
    async function* stream() {
      yield* book;
    }
    const streamed: Simulation = await simulateBook(stream(), [policies.guangxi[2024], policies.guangxi[2023]]);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(result));
  });

  it('owns its data: changing the book afterwards changes nothing in the result', () => {
    const entries = structuredClone(book);
    const before = JSON.stringify(simulateBook(entries, both));
    const again = simulateBook(entries, both);
    (entries[0]!.claims[0] as { id: string }).id = 'changed';
    (entries[0]!.member as { id: string }).id = 'changed';
    expect(JSON.stringify(again)).toBe(before);
  });

  it('names the path of invalid input', () => {
    const bad = [book[0]!, { member: member('e'), claims: [{ ...stay('e1', '2024-03-01', '2024-03-11'), admission: '2024-13-01' }] }];
    expect(firstIssue(() => simulateBook(bad, both)).path).toEqual(['book', 1, 'claims', 0, 'admission']);
    expect(firstIssue(() => simulateBook([{ member: member('e') }] as never, both)).path).toEqual(['book', 0, 'claims']);
    expect(firstIssue(() => simulateBook([{ ...book[0]!, extra: 1 }] as never, both)).code).toBe('unrecognized_keys');
    expect(firstIssue(() => simulateBook(book, [policies.guangxi[2024], { scheme: 'x' } as never])).path.slice(0, 2)).toEqual(['policies', 1]);
    expect(firstIssue(() => simulateBook(book, [])).path).toEqual(['policies']);
    expect(firstIssue(() => simulateBook(book, both, { binWidth: '0' })).path).toEqual(['options', 'binWidth']);
    expect(firstIssue(() => simulateBook(book, both, { largest: 1001 })).path).toEqual(['options', 'largest']);
    expect(firstIssue(() => simulateBook(42 as never, both)).path).toEqual(['book']);
  });

  it('with onInvalid, reports each invalid member and leaves it out of every figure', () => {
    const bad = { member: member('e'), claims: [{ ...stay('e1', '2024-03-01', '2024-03-11'), admission: '2024-13-01' }] };
    const reported: [number, unknown][] = [];
    const simulated = simulateBook([book[0]!, bad, book[1]!, bad], both, { onInvalid: (error, index) => reported.push([index, error.issues[0]!.path]) });
    expect(reported).toEqual([
      [1, ['book', 1, 'claims', 0, 'admission']],
      [3, ['book', 3, 'claims', 0, 'admission']],
    ]);
    expect(JSON.stringify(simulated)).toBe(JSON.stringify(simulateBook([book[0]!, book[1]!], both)));
  });

  it('keeps memory bounded: one count per bin and only `largest` changes, whatever the number of members', () => {
    // 20,000 members whose difference grows with their index, in ascending order: the worst
    // case for the list of largest changes. Were every candidate explained on its way through
    // the list, this would take minutes; vitest's 5 s timeout is the only clock.
    function* ascending(): Generator<BookEntry> {
      for (let i = 0; i < 20_000; i += 1) {
        yield { member: member(`m${i}`), claims: [stay(`s${i}`, '2024-01-01', `2024-01-${String(2 + Math.floor((i * 28) / 20_000)).padStart(2, '0')}`)] };
      }
    }
    const simulated = simulateBook(ascending(), both, { largest: 3, binWidth: '50' });
    const comparison = simulated.comparisons[0]!;
    // Differences are 50 × days, 1 to 28 days: 28 bins, whatever the number of members.
    expect(comparison.histogram).toHaveLength(28);
    expect(comparison.largestChanges.map((c) => c.difference.toFixed(2))).toEqual(['1400.00', '1400.00', '1400.00']);
    expect(comparison.better).toBe(20_000);
  });
});
