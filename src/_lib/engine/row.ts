/**
 * A claim of a registry's scheme settled as `selectPolicy` then `evaluateClaim` settle it, its
 * inputs read once rather than once by each: for the CLI, which settles a row at a time.
 */
import type { PolicyRegistry } from '../../createRegistry';
import { validate } from '../errors';
import { claimSchema, type LedgerInput, type Member, type MemberInput } from '../inputSchemas';
import type { Ledger } from '../ledger';
import { plainClaim, plainOf, type PlainClaim } from '../plainInput';
import type { Policy } from '../policySchema';
import { readLedger, readMember } from '../readInputs';
import { versionForClaim } from '../versions';
import { compile } from './compile';
import { emptyInFen, LedgerInFen } from './ledgerInFen';
import { settle, settleFigures, type ClaimFigures, type Settlement } from './settle';

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
  return checkedClaim(registry, scheme, readMember(member), copy);
}

/** A claim and member already checked (as {@link readClaim} checks them), with the version that governs the claim. */
export function checkedClaim(registry: PolicyRegistry, scheme: string, member: Member, claim: PlainClaim): ReadClaim {
  return { policy: versionForClaim(registry, scheme, claim, member), member, claim };
}

/** The ledger a claim read by {@link readClaim} starts from: the one in fen the member's claim before left, a ledger read back from disk, or the member's empty one. */
function startOf(read: ReadClaim, ledger: LedgerInFen | Ledger | LedgerInput | undefined): Ledger | LedgerInFen {
  if (ledger instanceof LedgerInFen) return ledger;
  return ledger === undefined ? emptyInFen(compile(read.policy), read.member.id) : readLedger(ledger, read.policy, read.member.id);
}

/** Settles a claim read by {@link readClaim} as `evaluateClaim` does: its result and the ledger after it. */
export function settleClaim(read: ReadClaim, ledger: LedgerInFen | Ledger | LedgerInput | undefined): Settlement {
  return settle(read.policy, read.member, read.claim, startOf(read, ledger), CLAIM);
}

/** Settles a claim read by {@link readClaim} as `evaluateClaim` does, giving its figures in fen and no result. */
export function claimFigures(read: ReadClaim, ledger: LedgerInFen | Ledger | LedgerInput | undefined): ClaimFigures {
  return settleFigures(read.policy, read.member, read.claim, startOf(read, ledger));
}

const CLAIM = Object.freeze(['claim']);
