import { validate } from './errors';
import { isOwnLedger } from './engine/ledgerInFen';
import { ledgerSchema, memberSchema, type LedgerInput, type Member, type MemberInput } from './inputSchemas';
import { acceptLedger, checkLedgerOwner, type Ledger } from './ledger';
import { plainMember } from './plainInput';
import type { Policy } from './policySchema';

/** A validated copy of the member: checked by hand when it has the plain shape, the schema's output otherwise. */
export function readMember(member: MemberInput): Member {
  return plainMember(member) ?? validate(memberSchema, member, 'member');
}

/**
 * The ledger to start from. One huzhu returned is frozen and valid, so only its owner is
 * checked; any other is validated first.
 */
export function readLedger(ledger: LedgerInput | undefined, policy: Policy, memberId: string): Ledger {
  if (isOwnLedger(ledger)) {
    checkLedgerOwner(ledger, policy, memberId);
    return ledger;
  }
  return acceptLedger(ledger === undefined ? undefined : validate(ledgerSchema, ledger, 'ledger'), policy, memberId);
}
