import { InvalidInputError, PolicyNotFoundError, validate, type Issue } from '../_lib/errors';
import type { ClaimInput, LedgerInput, MemberInput } from '../_lib/inputSchemas';
import type { ClaimResult } from '../_lib/settle';
import type { PolicyRegistry } from '../createRegistry';
import { evaluateClaim } from '../evaluateClaim';
import { selectPolicy } from '../selectPolicy';
import type { RawRecord } from './records';
import { issueInColumn, recordFromCsv, recordSchema, type CsvRow } from './rows';

/** What became of one input record: a settlement, or the issues that stopped it. */
export type Outcome =
  | { readonly line: number; readonly result: ClaimResult }
  | { readonly line: number; readonly issues: readonly Issue[] };

function issuesOf(error: unknown): Issue[] {
  if (error instanceof InvalidInputError) return [...error.issues];
  if (error instanceof PolicyNotFoundError) return [{ path: ['scheme'], code: 'policy_not_found', message: error.message }];
  // A bug must not cost the rest of the batch: the row records it and the run fails.
  return [{ path: [], code: 'internal_error', message: String(error instanceof Error ? error.stack : error) }];
}

/**
 * Settles records in input order. Each member's ledger is kept per scheme and protection
 * year, so a member's later claims see the caps their earlier ones used; claims therefore
 * should come in date order, as `evaluateYear` would settle them.
 */
export async function* settleRecords(records: AsyncIterable<RawRecord>, registry: PolicyRegistry, csv: boolean): AsyncGenerator<Outcome> {
  const ledgers = new Map<string, LedgerInput>();
  for await (const raw of records) {
    if ('error' in raw) {
      yield { line: raw.line, issues: [{ path: [], code: 'unreadable_record', message: raw.error }] };
      continue;
    }
    try {
      const { scheme, member, claim } = validate(recordSchema, csv ? recordFromCsv(raw.value as CsvRow) : raw.value, []);
      // Both are validated by the library calls below, with paths under `member` and `claim`.
      const policy = selectPolicy(scheme, claim as ClaimInput, registry);
      const key = JSON.stringify([(member as { id?: unknown }).id, policy.scheme, policy.year]);
      const result = evaluateClaim(policy, member as MemberInput, claim as ClaimInput, ledgers.get(key));
      ledgers.set(key, result.ledger);
      yield { line: raw.line, result };
    } catch (error) {
      const issues = issuesOf(error);
      yield { line: raw.line, issues: csv ? issues.map(issueInColumn) : issues };
    }
  }
}
