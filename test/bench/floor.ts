/**
 * The floor: the Guangxi 2024 rules written by hand in plain numbers, for this one policy and
 * nothing else: no validation, no explanation, no other year. It counts in whole fen, which is
 * exact here only because these particular rates (0.5, 0.6, shares in tenths) keep every
 * product a whole number of tenths of a fen, far below 2^53.
 */
import type { ClaimInput } from '../../src';
import type { MemberYear } from './workload';

const MAXIMUM_SUBSIDY = 100_000_000; // 1,000,000.00 yuan
const DEDUCTIBLE = 100_000; // 1,000.00 (illustrative)
const TIER_BOUND = 5_000_000; // 50,000.00 (illustrative)
const DAILY = 5_000; // 50.00
const DISABILITY_MAXIMUM = 2_000_000; // 20,000.00
const DEATH = 1_000_000; // 10,000.00

export function fenOf(yuan: string): number {
  const dot = yuan.indexOf('.');
  if (dot < 0) return Number(yuan) * 100;
  const cents = yuan.slice(dot + 1);
  return Number(yuan.slice(0, dot)) * 100 + Number(cents.length === 1 ? `${cents}0` : cents);
}

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The lines of one claim in fen, in the policy's benefit order, before the maximum subsidy. */
export function linesInFen(claim: ClaimInput): number[] {
  if (claim.kind !== 'hospitalisation') return eventLines(claim.kind, claim.kind === 'disability' ? claim.grade : 0);
  return stayLines(fenOf(String(claim.costs.inScopeCopay)), dayNumber(claim.discharge) - dayNumber(claim.admission));
}

/** A disability's, a death's or another event's lines. */
export function eventLines(kind: ClaimInput['kind'], grade: number): number[] {
  if (kind === 'death') return [DEATH];
  if (kind === 'disability') return [(DISABILITY_MAXIMUM * (11 - grade)) / 10];
  return [];
}

/** A stay's lines from its in-scope co-payment in fen and its nights. */
export function stayLines(copay: number, nights: number): number[] {
  const lower = Math.max(0, Math.min(copay, TIER_BOUND) - DEDUCTIBLE);
  const upper = Math.max(0, copay - TIER_BOUND);
  // In tenths of a fen, then rounded half up once for the line, as the policy's eachLine says.
  const subsidy = Math.floor((lower * 5 + upper * 6 + 5) / 10);
  return [subsidy, Math.max(1, nights) * DAILY];
}

/** What each line leaves of the maximum subsidy, `paid` before: the claim's total and the lines as paid (written over). */
export function capped(lines: number[], paid: number): number {
  let total = 0;
  for (let at = 0; at < lines.length; at += 1) {
    const amount = Math.min(lines[at]!, MAXIMUM_SUBSIDY - paid - total);
    lines[at] = amount;
    total += amount;
  }
  return total;
}

/** Each claim's total in fen, the year's claims in order, the maximum subsidy shared. */
export function floorYear({ claims }: MemberYear): number[] {
  let paid = 0;
  return claims.map((claim) => {
    const total = capped(linesInFen(claim), paid);
    paid += total;
    return total;
  });
}
