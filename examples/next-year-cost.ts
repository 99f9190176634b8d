// What would the Guangxi 2024 rules have cost on 2023's claims? A synthetic book of 100,000
// claims (50,000 members, generated from a fixed seed, not real data) settled under 2023's
// rules and under 2024's as a what-if, with the headline figures a finance committee asks
// for. Run it with `npx tsx examples/next-year-cost.ts`; `huzhu simulate` does the same on a
// CSV, with an HTML report (docs/simulation.md).
import { extendPolicy, policies, simulateBook, type BookEntry, type ClaimInput } from 'huzhu';
// The benchmark's seeded generator (mulberry32), so every run sees the same book.
import { random } from '../test/bench/workload';

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const day = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);

/** The book, one member at a time: nothing holds the whole of it. */
function* book(members: number, claimsEach: number): Generator<BookEntry> {
  const next = random(2023);
  for (let m = 0; m < members; m += 1) {
    const id = `m${String(m).padStart(5, '0')}`;
    const claims: ClaimInput[] = [];
    for (let c = 0; c < claimsEach; c += 1) {
      const roll = next();
      const start = Math.floor(next() * 330);
      if (roll < 0.01) claims.push({ kind: 'death', id: `${id}-${c}`, date: day(start) });
      else if (roll < 0.05) claims.push({ kind: 'disability', id: `${id}-${c}`, date: day(start), grade: 1 + Math.floor(next() * 10) });
      else {
        const copay = Math.floor(next() * (next() < 0.02 ? 20_000_000 : 1_000_000));
        const selfPaid = Math.floor(next() * 500_000);
        const insured = Math.floor(next() * 6_000_000);
        const costs = { total: yuan(copay + selfPaid + insured), insurancePaid: yuan(insured), inScopeCopay: yuan(copay), selfPaid: yuan(selfPaid) };
        claims.push({ kind: 'hospitalisation', id: `${id}-${c}`, admission: day(start), discharge: day(start + 1 + Math.floor(next() * 20)), cause: next() < 0.2 ? 'accident' : 'illness', costs });
      }
    }
    yield { member: { id, enrolments: [{ scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }] }, claims };
  }
}

// Neither Guangxi version states its contribution, so both borrow Xining's published 100 yuan
// a member: an assumption of this example, for the balance and the loss ratio.
const priced = (year: 2023 | 2024) => extendPolicy(policies.guangxi[year], { attributes: policies.xining[2024].attributes!, contribution: policies.xining[2024].contribution! });
// About as many members as Guangxi enrolled for 2024 (2.47 million); the claims are made up.
const roster = [{ id: 'enrolled-units', count: 2_470_000 }];

const simulation = simulateBook(book(50_000, 2), [priced(2023), priced(2024)], { roster, largest: 3, lang: 'en' });
const [before, after] = simulation.versions;
const change = simulation.comparisons[0]!;
const mark = (illustrative: boolean) => (illustrative ? ' ※' : '');

console.log(`${simulation.members} members, ${simulation.claims} claims (synthetic, seed 2023)`);
console.log(`paid under 2023 rules: ${before!.total.toFixed(2)} yuan${mark(before!.illustrativeParameters.length > 0)}`);
console.log(`paid under 2024 rules: ${after!.total.toFixed(2)} yuan${mark(after!.illustrativeParameters.length > 0)} (a what-if for ${after!.whatIfMembers} members)`);
console.log(`difference: ${change.difference.toFixed(2)} yuan; better off ${change.better}, worse off ${change.worse}, unchanged ${change.unchanged}`);
for (const row of after!.byBenefit) console.log(`  2024 ${row.label.en}: ${row.amount.toFixed(2)} yuan`);
console.log(`median change per member: ${change.quantiles.find((q) => q.q === 0.5)!.from.toFixed(2)} … ${change.quantiles.find((q) => q.q === 0.5)!.to.toFixed(2)} yuan`);
console.log(`contributions ${after!.contributions!.total.toFixed(2)} yuan: balance 2023 ${before!.balance!.toFixed(2)}, 2024 ${after!.balance!.toFixed(2)}; loss ratio ${before!.lossRatio} → ${after!.lossRatio}`);
console.log(`largest change: ${change.largestChanges[0]!.memberId}, ${change.largestChanges[0]!.difference.toFixed(2)} yuan`);
console.log(`※ rests on illustrative parameters: ${after!.illustrativeParameters.map((p) => p.parameter).join(', ')}`);
