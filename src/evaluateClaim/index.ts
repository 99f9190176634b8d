import { parsedPolicy } from '../_lib/parsedPolicies';
import { historyOption, type EvaluateOptions } from '../_lib/engine/history';
import { settle } from '../_lib/engine/settle';
import { validate } from '../_lib/errors';
import { claimSchema, type ClaimInput, type LedgerInput, type MemberInput } from '../_lib/inputSchemas';
import { plainClaim, plainOf } from '../_lib/plainInput';
import { readLedger, readMember } from '../_lib/readInputs';
import type { Policy } from '../_lib/policySchema';
import type { ClaimResult } from '../_lib/result';

/**
 * Settle one claim: what each benefit pays, why, and the member's ledger after it.
 *
 * A pure function: it reads no clock, no file and no global, and leaves its arguments as they
 * were. The claim must fall in the policy's period (pick the version with
 * {@link selectPolicy}); the member must be enrolled then. Where the policy's protection years
 * are the members' own (`conventions.protectionPeriod: 'enrolment'`), the claim must fall in
 * the member's cover instead, one that starts in the policy's period. Each benefit of the claim's kind
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
 * @param policy - the policy version, e.g. `policies.guangxi[2024]`, or one from {@link parsePolicy}; any other value is refused (`unparsed_policy`)
 * @param member - the member with their enrolments and flags
 * @param claim - a `hospitalisation`, `outpatient`, `disability` or `death` claim
 * @param ledger - what the member was paid earlier in this protection year; empty when absent
 * @param options - `history`: the member's earlier payments the ledger does not hold, for a
 *   benefit paid at most once in N years or less what the same event was paid (docs/rule-model.md#history)
 * @returns the settlement, deeply frozen; amounts are Decimals that serialise as `"500.00"`
 * @throws {InvalidInputError} naming the path of every invalid field of the first invalid
 *   argument; they are checked in order: policy, member, claim, ledger, options
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const death = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
 * evaluateClaim(policies.guangxi[2024], member, death).total.toFixed(2)
 * //=> '10000.00'
 */
export function evaluateClaim(policy: Policy, member: MemberInput, claim: ClaimInput, ledger?: LedgerInput, options?: EvaluateOptions): ClaimResult {
  const accepted = parsedPolicy(policy);
  const validMember = readMember(member);
  // The claim is read once: its checked copy, or one made from the schema's output; nothing reads it again.
  const copy = plainClaim(claim) ?? plainOf(validate(claimSchema, claim, 'claim'));
  const start = readLedger(ledger, accepted, validMember.id);
  const history = historyOption(options, accepted, start, [copy]);
  return settle(accepted, validMember, copy, start, ['claim'], false, history).result;
}
