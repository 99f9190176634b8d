import { acceptPolicy } from '../_lib/acceptPolicy';
import { validate } from '../_lib/errors';
import { LedgerInFen, settleFast, toLedger } from '../_lib/fastSettle';
import { claimSchema, type ClaimInput, type LedgerInput, type MemberInput } from '../_lib/inputSchemas';
import { checkLedgerOwner, type Ledger } from '../_lib/ledger';
import { plainFacts } from '../_lib/plainInput';
import { readLedger, readMember } from '../_lib/readInputs';
import type { Policy } from '../_lib/policySchema';
import { settleClaim, type ClaimResult } from '../_lib/settle';

/**
 * Settle one claim: what each benefit pays, why, and the member's ledger after it.
 *
 * A pure function: it reads no clock, no file and no global, and leaves its arguments as they
 * were. The claim must fall in the policy's period (pick the version with
 * {@link selectPolicy}); the member must be enrolled then. Each benefit of the claim's kind
 * runs its formula, is rounded as the policy says, then is cut by its per-claim cap, its yearly
 * cap and the scheme's maximum subsidy, in that order; `ledger` is what the member was already
 * paid in the protection year, so the caps hold across claims.
 *
 * A refused claim is a result with `eligible: false` and its `reasons`, not an exception.
 * Every line that used an illustrative (unpublished) parameter is marked, and the result
 * carries a warning for each such parameter.
 *
 * @category Evaluation
 *
 * @param policy - the policy version, e.g. `policies.guangxi[2024]`
 * @param member - the member with their enrolments and flags
 * @param claim - a `hospitalisation`, `disability` or `death` claim
 * @param ledger - what the member was paid earlier in this protection year; empty when absent
 * @returns the settlement, deeply frozen; amounts are Decimals that serialise as `"500.00"`
 * @throws {InvalidInputError} naming the path of every invalid field of the first invalid
 *   argument; they are checked in order: policy, member, claim, ledger
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const death = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
 * evaluateClaim(policies.guangxi[2024], member, death).total.toFixed(2)
 * //=> '10000.00'
 */
export function evaluateClaim(policy: Policy, member: MemberInput, claim: ClaimInput, ledger?: LedgerInput): ClaimResult {
  return evaluateChained(policy, member, claim, ledger).result;
}

/**
 * `evaluateClaim` for a caller that chains a member's claims (the CLI): it also answers the
 * ledger after the claim as the fast path keeps it, in fen, and takes one back. Reading each
 * result's public `ledger` instead would copy the member's claim ids on every claim.
 */
export function evaluateChained(
  policy: Policy,
  member: MemberInput,
  claim: ClaimInput,
  ledger?: LedgerInput | LedgerInFen,
): { result: ClaimResult; after: Ledger | LedgerInFen } {
  const accepted = acceptPolicy(policy);
  const validMember = readMember(member);
  const parseClaim = () => validate(claimSchema, claim, 'claim');
  const facts = plainFacts(claim);
  const validClaim = facts === undefined ? parseClaim() : undefined;
  if (ledger instanceof LedgerInFen) checkLedgerOwner(ledger.base, accepted, validMember.id);
  const start = ledger instanceof LedgerInFen ? ledger : readLedger(ledger, accepted, validMember.id);
  const fast = facts === undefined ? undefined : settleFast(accepted, validMember, claim, facts, start);
  const result = fast?.result ?? settleClaim(accepted, validMember, validClaim ?? parseClaim(), toLedger(start));
  return { result, after: fast?.after ?? result.ledger };
}
