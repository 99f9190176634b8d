/**
 * Rows settled under every plan the member holds (docs/cli.md#several-plans): a CSV row with a
 * `plans` cell, a JSON record with `"plans": true`. Each goes through the engine that
 * `evaluateMemberClaim` uses, the member's ledgers of all their plans carried from row to row
 * under one key, in memory as the engine holds them and on disk as text.
 */
import { z } from 'zod';
import { validate, type Issue } from '../_lib/errors';
import { claimSchema, type ClaimInput, type LedgerInput, type MemberInput } from '../_lib/inputSchemas';
import { memberBook, settleUnderPlans, type Carried, type MemberClaimResult } from '../_lib/memberPlans';
import { toLedger } from '../_lib/engine/ledgerInFen';
import { plainClaim, plainOf } from '../_lib/plainInput';
import { readLedger, readMember } from '../_lib/readInputs';
import { registeredPolicies } from '../_lib/versions';
import type { PolicyRegistry } from '../createRegistry';
import type { CsvFields } from './rows';

/** The ledgers of a member's plans by scheme: as the engine carries them, or as read back from disk. */
export type PlanLedgers = Map<string, Carried> | { readonly spilled: readonly (readonly [scheme: string, year: number, ledger: LedgerInput])[] };

/** A record settled under every plan its member holds: `plans: true` in place of `scheme`. */
const plansRecordSchema = z.strictObject({
  plans: z.literal(true),
  member: z.unknown().nonoptional({ error: 'expected the member: an object with its id and enrolments, one per plan held' }),
  claim: z.unknown().nonoptional({ error: 'expected the claim: an object with its kind, id and dates' }),
});

export function isPlansRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'plans');
}

/** Whether a CSV row names the plans held: a cell of blanks is empty, as {@link recordFromFields} reads it. */
export function hasPlansCell(row: CsvFields): boolean {
  return row.cell('plans') !== undefined;
}

/** The ledger key of a member's plans: two elements, where a single plan's key has three. */
export const plansKey = (memberId: unknown) => JSON.stringify([memberId, 'plans']);
export const isPlansKey = (key: string) => (JSON.parse(key) as unknown[]).length === 2;

/**
 * A `plans` cell, `scheme:shares;scheme:shares` (shares 1 when left out), as the member's
 * enrolments: one per plan, each on the row's enrolment days.
 */
export function planEnrolments(cell: string, enrolment: Readonly<Record<string, unknown>>): Record<string, unknown>[] {
  return cell
    .split(/[;；]/)
    .map((plan) => plan.trim())
    .filter((plan) => plan !== '')
    .map((plan) => {
      const at = plan.search(/[:：]/);
      if (at < 0) return { ...enrolment, scheme: plan };
      const shares = plan.slice(at + 1).trim();
      return { ...enrolment, scheme: plan.slice(0, at).trim(), shares: /^\d+(\.\d+)?$/.test(shares) ? Number(shares) : shares };
    });
}

/** A member's plan ledgers as one line of text: scheme, year and what `ledgerSchema` needs of each. */
export function spillPlans(ledgers: PlanLedgers): string {
  if (!(ledgers instanceof Map)) return JSON.stringify(ledgers.spilled);
  // Each whole ledger: its stays and usage too, which later claims' caps read.
  return JSON.stringify([...ledgers].map(([scheme, { year, ledger }]) => [scheme, year, toLedger(ledger)]));
}

export function unspillPlans(text: string): PlanLedgers {
  return { spilled: JSON.parse(text) as [string, number, LedgerInput][] };
}

export function isPlanLedgers(value: unknown): value is PlanLedgers {
  return value instanceof Map || (typeof value === 'object' && value !== null && Object.hasOwn(value, 'spilled'));
}

/**
 * Where a plans record's issue is: a plan the registry lacks is one of the member's enrolments,
 * which a CSV row writes in its `plans` cell, with their shares.
 */
export function plansIssue(issue: Issue, csv: boolean): Issue {
  const [root, key, , field] = issue.path;
  if (root === 'scheme') return { ...issue, path: csv ? ['plans'] : ['member', 'enrolments'] };
  return csv && root === 'member' && key === 'enrolments' && (field === 'scheme' || field === 'shares' || field === undefined) ? { ...issue, path: ['plans'] } : issue;
}

/**
 * A plans record read as far as its ledger key, or its issues. `settle` takes the member's plan
 * ledgers so far and gives the outcome and the ledgers after; it never changes those it is given.
 */
export function preparePlans(
  value: unknown,
  registry: PolicyRegistry,
): { readonly key: string; settle(held: PlanLedgers | undefined): { result: MemberClaimResult; after: PlanLedgers } } {
  const record = validate(plansRecordSchema, value, []);
  const member = record.member as MemberInput;
  return {
    key: plansKey((member as { id?: unknown }).id),
    settle(held) {
      const book = memberBook(registry, readMember(member), undefined);
      const claim = plainClaim(record.claim as ClaimInput) ?? plainOf(validate(claimSchema, record.claim, 'claim'));
      if (held instanceof Map) for (const [scheme, carried] of held) book.carried.set(scheme, carried);
      else if (held !== undefined) {
        const policies = registeredPolicies(registry);
        for (const [scheme, year, ledger] of held.spilled) {
          const policy = policies.find((candidate) => candidate.scheme === scheme && candidate.year === year);
          if (policy !== undefined) book.carried.set(scheme, { year, ledger: readLedger(ledger, policy, book.member.id) });
        }
      }
      return { result: settleUnderPlans(book, claim, ['claim']).result, after: book.carried };
    },
  };
}
