/**
 * The benchmark workload: a synthetic Guangxi 2024 year, generated member by member from a
 * fixed seed so that every implementation sees the same claims without holding them all.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ClaimInput, MemberInput } from '../../src';

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same year everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const isoDay = (dayOfYear: number) => new Date(Date.UTC(2024, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

export interface MemberYear {
  readonly member: MemberInput;
  /** In date order, as a union app would settle them. */
  readonly claims: ClaimInput[];
}

/** How a workload draws a member's claims, from the member's own seeded sequence. */
interface Shape {
  /** Below this roll a claim is a disability, below `death` a death, a stay above. */
  readonly disability: number;
  readonly death: number;
  /** A stay's costs in fen, drawn in this order. */
  costs(next: () => number): { inScopeCopay: number; selfPaid: number; insurancePaid: number };
  /** Days from admission to discharge. */
  length(next: () => number): number;
  /** The share of stays caused by illness; the rest are accidents. */
  readonly illness: number;
}

/** A member enrolled for Guangxi 2024 and their claims on `count` days in date order. */
function year(id: string, next: () => number, count: number, shape: Shape, amount: (fen: number) => unknown): MemberYear {
  const member: MemberInput = { id, enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
  const days = Array.from({ length: count }, () => Math.floor(next() * 330)).sort((a, b) => a - b);
  const claims = days.map((day, i): ClaimInput => {
    const roll = next();
    const claimId = `${id}-c${i}`;
    if (roll < shape.disability) return { kind: 'disability', id: claimId, date: isoDay(day), grade: 1 + Math.floor(next() * 10) };
    if (roll < shape.death) return { kind: 'death', id: claimId, date: isoDay(day) };
    const { inScopeCopay, selfPaid, insurancePaid } = shape.costs(next);
    return {
      kind: 'hospitalisation',
      id: claimId,
      admission: isoDay(day),
      discharge: isoDay(day + shape.length(next)),
      cause: next() < shape.illness ? 'illness' : 'accident',
      costs: {
        total: amount(inScopeCopay + selfPaid + insurancePaid),
        insurancePaid: amount(insurancePaid),
        inScopeCopay: amount(inScopeCopay),
        selfPaid: amount(selfPaid),
      },
    } as ClaimInput;
  });
  return { member, claims };
}

const TEN_CLAIMS: Shape = {
  disability: 0.04,
  death: 0.05,
  costs: (next) => {
    const big = next() < 0.02;
    return { inScopeCopay: Math.floor(next() * (big ? 40_000_000 : 3_000_000)), selfPaid: Math.floor(next() * 1_000_000), insurancePaid: Math.floor(next() * 5_000_000) };
  },
  length: (next) => Math.floor(next() * 30),
  illness: 0.8,
};

/**
 * Member `index` of the workload and their claims: mostly stays (costs up to 400,000 yuan, so
 * the 1,000,000 maximum subsidy binds for a few members), some disabilities, few deaths.
 */
export function memberYear(index: number, claimsPerMember: number): MemberYear {
  return year(`m${index}`, random(index + 1), claimsPerMember, TEN_CLAIMS, yuan);
}

/** How a realistic book writes its amounts: as the library takes them, in each of its forms. */
export const AMOUNT_FORMS = ['string', 'number', 'Decimal'] as const;
export type AmountForm = (typeof AMOUNT_FORMS)[number];

/** Claims per claiming member: one or two mostly, as published, rarely more; 1.9 on average. */
const CLAIM_COUNTS = [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4];

/**
 * Member `index` of a book shaped like a real one: about two claims a member; in-scope
 * co-payments log-normal around 3,000 yuan with a long tail, and one stay in 2,000
 * catastrophic (1.5 to 4 million yuan), so the 1,000,000 maximum subsidy binds for a few
 * members; 3 % disabilities, 1 % deaths. Amounts in the given form, fen for fen the same.
 */
export function realisticYear(index: number, form: AmountForm, toDecimal: (text: string) => unknown): MemberYear {
  const next = random(0x5eed0000 + index);
  // Box–Muller from two uniforms: a standard normal.
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const shape: Shape = {
    disability: 0.03,
    death: 0.04,
    costs: () => {
      const inScopeCopay = next() < 0.0005 ? Math.floor((1_500_000 + next() * 2_500_000) * 100) : Math.min(Math.floor(Math.exp(8 + 1.1 * normal()) * 100), 100_000_000);
      return { inScopeCopay, selfPaid: Math.floor(inScopeCopay * next() * 0.5), insurancePaid: Math.floor(inScopeCopay * (1 + next() * 3)) };
    },
    length: () => 1 + Math.floor(Math.exp(1.8 + 0.7 * normal())),
    illness: 0.85,
  };
  // fen / 100 is the double nearest the two-decimal amount, which is what a caller's number holds.
  const amount = (fen: number) => (form === 'string' ? yuan(fen) : form === 'number' ? fen / 100 : toDecimal(yuan(fen)));
  return year(`r${index}`, next, CLAIM_COUNTS[Math.floor(next() * CLAIM_COUNTS.length)]!, shape, amount);
}

/** The workload as the CLI reads it: a CSV of one claim a row, each member's rows together. */
export function writeCsv(file: string, members: number, perMember: number): void {
  const fd = openSync(file, 'w');
  let chunk = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade\n';
  for (let index = 0; index < members; index += 1) {
    for (const claim of memberYear(index, perMember).claims) {
      const common = `guangxi,m${index},2024-01-01,2024-12-31,${claim.id},${claim.kind}`;
      chunk +=
        claim.kind === 'hospitalisation'
          ? `${common},,${claim.admission},${claim.discharge},${claim.cause},${claim.costs.total},${claim.costs.insurancePaid},${claim.costs.inScopeCopay},${claim.costs.selfPaid},\n`
          : `${common},${claim.date},,,,,,,,${claim.kind === 'disability' ? claim.grade : ''}\n`;
    }
    if (chunk.length > 1 << 20) (writeSync(fd, chunk), (chunk = ''));
  }
  writeSync(fd, chunk);
  closeSync(fd);
}
