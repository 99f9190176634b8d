/**
 * The ledger the engine carries in fen when its caller owns it alone (the CLI's ledger of a
 * member, a year simulateBook counts): written in place claim after claim, it must give what
 * a fresh ledger a claim gives, and nothing that may be kept (a public ledger made from it, a
 * result settled from it) may see it change. And its JSON, written from the fen, is the public
 * ledger's.
 */
import { describe, expect, it } from 'vitest';
import { bundledRegistry, createRegistry, type ClaimInput, type MemberInput } from '../src';
import { ledgerJson, toLedger, type LedgerInFen } from '../src/_lib/engine/ledgerInFen';
import { claimFigures, readClaim, settleClaim } from '../src/_lib/engine/row';
import type { Ledger } from '../src/_lib/ledger';
import { memberYear } from './bench/workload';
import { made, stay, syntheticPolicy } from './_fixtures';

const member: MemberInput = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
const read = (claim: ClaimInput) => readClaim(bundledRegistry, 'guangxi', member, claim);
// Guangxi 2024 pays at most 1,000,000.00 a year. A small stay, then two that each alone would pass that.
const small = read(stay('c1', '2024-02-01', '2024-02-04', { inScopeCopay: '3000.00' }));
const huge = read(stay('c2', '2024-03-01', '2024-03-04', { inScopeCopay: '3000000.00' }));
const hugeAgain = read(stay('c3', '2024-04-01', '2024-04-04', { inScopeCopay: '3000000.00' }));
const fen = (yuan: { toFixed(places: number): string }) => Math.round(Number(yuan.toFixed(2)) * 100);

describe('a ledger in fen its caller owns', () => {
  it('settles a year claim by claim as a fresh ledger a claim does, and writes the JSON the public ledger writes', () => {
    // Members of 10 and of 20 claims: past 16, a ledger's claim ids are listed from its log on read.
    for (const [index, count] of [...Array.from({ length: 60 }, (_, i) => [i, 10]), ...Array.from({ length: 10 }, (_, i) => [1000 + i, 20])]) {
      const year = memberYear(index!, count!);
      let owned: Ledger | LedgerInFen | undefined;
      let fresh: Ledger | LedgerInFen | undefined;
      for (const claim of year.claims) {
        const figured = claimFigures(readClaim(bundledRegistry, 'guangxi', year.member, claim), owned);
        const settled = settleClaim(readClaim(bundledRegistry, 'guangxi', year.member, claim), fresh);
        expect(figured.fen).toBe(fen(settled.result.total));
        expect(ledgerJson(figured.after)).toBe(JSON.stringify(settled.result.ledger));
        (owned = figured.after), (fresh = settled.after);
      }
    }
  });

  it('after the first paid claim, is the same ledger written again: a member’s claims make no ledger each', () => {
    const first = claimFigures(small, undefined).after;
    const second = claimFigures(huge, first).after;
    expect(second).toBe(first);
    expect(ledgerJson(second)).toContain('"total":"1000000.00"');
  });

  it('is fixed once its public ledger is made: a claim after it leaves that public ledger as it was', () => {
    const first = claimFigures(small, undefined).after;
    const paidFirst = claimFigures(small, undefined).fen;
    const publicLedger = toLedger(first);
    // The caller goes on with the ledger in fen: the year reaches its maximum.
    expect(claimFigures(huge, first).fen).toBe(100_000_000 - paidFirst);
    expect(publicLedger.total.toFixed(2)).toBe((paidFirst / 100).toFixed(2));
    // The public ledger still stands for the year after the small stay alone: a huge stay from it pays up to the maximum.
    expect(claimFigures(hugeAgain, publicLedger).fen).toBe(100_000_000 - paidFirst);
  });

  it('is fixed once a result is settled from it: reading that result later runs its claim from the ledger as it was', () => {
    const first = claimFigures(small, undefined).after;
    const { result } = settleClaim(huge, first);
    // The caller goes on from the same ledger; then reads the result's lines, made when first read.
    claimFigures(hugeAgain, first);
    const lines = result.lines.reduce((sum, line) => sum + fen(line.amount), 0);
    expect(fen(result.total)).toBe(100_000_000 - claimFigures(small, undefined).fen);
    expect(lines).toBe(fen(result.total));
  });
});

describe('ledgerJson', () => {
  it('writes the stays and the stays paid apart, as the public ledger does (checked by hand)', () => {
    const policy = syntheticPolicy([
      { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('100'), bands: made([{ ratio: '0.5' }]) } },
    ]);
    const registry = createRegistry([policy]);
    const testMember: MemberInput = { id: 'm8', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    // 80 in scope is under the stay's deductible of 100: nothing paid. Then 300: (300 - 100) / 2 = 100.00.
    const first = claimFigures(readClaim(registry, 'test', testMember, stay('s1', '2024-03-01', '2024-03-05', { inScopeCopay: '80.00' })), undefined);
    const { after } = claimFigures(readClaim(registry, 'test', testMember, stay('s2', '2024-04-01', '2024-04-05', { inScopeCopay: '300.00' })), first.after);
    const json = ledgerJson(after);
    expect(json).toContain('"total":"100.00"');
    expect(json).toContain('"stays":2,"paidStays":1');
    expect(json).toBe(JSON.stringify(toLedger(after)));
  });

  it('lists a benefit whose id is an array index first, as an object does', () => {
    const policy = syntheticPolicy([
      { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('100'), bands: made([{ ratio: '0.5' }]) } },
      { id: '7', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('10') } },
    ]);
    const registry = createRegistry([policy]);
    const testMember: MemberInput = { id: 'm7', enrolments: [{ scheme: 'test', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
    // 300 in scope less 100 at half: 100.00; 4 nights at 10: 40.00.
    const { after, fen: paid } = claimFigures(readClaim(registry, 'test', testMember, stay('s1', '2024-03-01', '2024-03-05', { inScopeCopay: '300.00' })), undefined);
    expect(paid).toBe(14_000);
    const json = ledgerJson(after);
    expect(Object.keys(JSON.parse(json).byBenefit)).toEqual(['7', 'subsidy']);
    expect(json).toBe(JSON.stringify(toLedger(after)));
  });
});
