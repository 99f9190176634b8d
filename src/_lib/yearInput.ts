/** A member's claims of a year, read once: what evaluateYear and simulateBook settle. */
import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { readonly } from './zodChecks';
import { validate } from './errors';
import { claimSchema, type ClaimInput, type Member, type MemberInput } from './inputSchemas';
import { allPlainClaims, plainOf, type PlainClaim } from './plainInput';
import type { Policy } from './policySchema';
import { readMember } from './readInputs';
import { eventDate } from './result';

setUpZod();

const MAX_CLAIMS = 100_000;

const claimsSchema = readonly(z.array(claimSchema).check(z.maxLength(MAX_CLAIMS)));

/** The checked copies of a member and their claims, checked in that order. */
export interface YearInput {
  readonly member: Member;
  readonly claims: readonly PlainClaim[];
}

/**
 * Reads the member, then the claims: claims of the plain shape skip the schema; if any is not
 * plain, the schema checks them all. Either way each claim is read once, and only the copies
 * are settled.
 */
export function readYear(member: MemberInput, claims: readonly ClaimInput[]): YearInput {
  const validMember = readMember(member);
  return { member: validMember, claims: allPlainClaims(claims, MAX_CLAIMS) ?? validate(claimsSchema, claims, 'claims', MAX_CLAIMS).map(plainOf) };
}

/**
 * The order a policy settles the claims in: by event date, claims on the same date in the order
 * given; undefined when they are in that order already, as they usually come. A loop, not map
 * and some: each closure made for a member costs more than comparing its few dates.
 */
export function settlementOrder(policy: Policy, claims: readonly PlainClaim[]): number[] | undefined {
  let sorted = true;
  for (let at = 1; at < claims.length && sorted; at += 1) sorted = eventDate(policy, claims[at - 1]!) <= eventDate(policy, claims[at]!);
  if (sorted) return undefined;
  // 2024-03-01 → 20240301; sort is stable, so ties keep the given order.
  const days = claims.map((claim) => Number(eventDate(policy, claim).replaceAll('-', '')));
  return days.map((_, index) => index).sort((a, b) => days[a]! - days[b]!);
}
