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

/**
 * Member `index` of the workload and their claims: mostly stays (costs up to 400,000 yuan, so
 * the 1,000,000 maximum subsidy binds for a few members), some disabilities, few deaths.
 */
export function memberYear(index: number, claimsPerMember: number): MemberYear {
  const next = random(index + 1);
  const id = `m${index}`;
  const member: MemberInput = { id, enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
  const days = Array.from({ length: claimsPerMember }, () => Math.floor(next() * 330)).sort((a, b) => a - b);
  const claims = days.map((day, i): ClaimInput => {
    const roll = next();
    const claimId = `${id}-c${i}`;
    if (roll < 0.04) return { kind: 'disability', id: claimId, date: isoDay(day), grade: 1 + Math.floor(next() * 10) };
    if (roll < 0.05) return { kind: 'death', id: claimId, date: isoDay(day) };
    const big = next() < 0.02;
    const inScopeCopay = Math.floor(next() * (big ? 40_000_000 : 3_000_000));
    const selfPaid = Math.floor(next() * 1_000_000);
    const insurancePaid = Math.floor(next() * 5_000_000);
    return {
      kind: 'hospitalisation',
      id: claimId,
      admission: isoDay(day),
      discharge: isoDay(day + Math.floor(next() * 30)),
      cause: next() < 0.8 ? 'illness' : 'accident',
      costs: { total: yuan(inScopeCopay + selfPaid + insurancePaid), insurancePaid: yuan(insurancePaid), inScopeCopay: yuan(inScopeCopay), selfPaid: yuan(selfPaid) },
    };
  });
  return { member, claims };
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
