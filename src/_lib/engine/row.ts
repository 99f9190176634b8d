/**
 * A claim of a registry's scheme settled as `selectPolicy` then `evaluateClaim` settle it, its
 * inputs read once rather than once by each: for the CLI, which settles a row at a time.
 */
import type { PolicyRegistry } from '../../createRegistry';
import { validate } from '../errors';
import { claimSchema, type LedgerInput, type Member, type MemberInput } from '../inputSchemas';
import { plainClaim, plainOf, type PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import { readLedger, readMember } from '../readInputs';
import { eventDate } from '../result';
import { registeredPolicies, versionFor } from '../versions';
import { compile } from './compile';
import type { Ledger } from '../ledger';
import { emptyInFen, LedgerInFen } from './ledgerInFen';
import { settleWithLines } from './settle';

/** A claim read and checked, with the version of its scheme that governs it. */
export interface ReadClaim {
  readonly policy: Policy;
  readonly member: Member;
  readonly claim: PlainClaim;
}

/**
 * Reads the claim, then the member, then picks the version, in the order `selectPolicy` reads
 * them, so that a row gives the error it always gave; `evaluateClaim` would read them again.
 */
export function readClaim(registry: PolicyRegistry, scheme: string, member: MemberInput, claim: unknown): ReadClaim {
  const copy = plainClaim(claim) ?? plainOf(validate(claimSchema, claim, 'claim'));
  const checked = readMember(member);
  const policy = versionFor(registeredPolicies(registry), scheme, (version) => eventDate(version, copy), checked, copy.kind === 'hospitalisation' ? copy.admission : copy.date);
  return { policy, member: checked, claim: copy };
}

/**
 * Settles a claim read by {@link readClaim}, as `evaluateClaim` does, from the ledger in fen the
 * member's claim before left (or a ledger read back from disk, or none), with its lines' amounts.
 */
export function settleClaim(read: ReadClaim, ledger: LedgerInFen | Ledger | LedgerInput | undefined): ReturnType<typeof settleWithLines> {
  const { policy, member, claim } = read;
  const start = ledger instanceof LedgerInFen ? ledger : ledger === undefined ? emptyInFen(compile(policy), member.id) : readLedger(ledger, policy, member.id);
  return settleWithLines(policy, member, claim, start);
}
