import * as z from 'zod/mini';
import { setUpZod } from '../_lib/zodSetup';
import { int } from '../_lib/zodChecks';
import { isoDateSchema } from '../_lib/dates';
import { readInput, validate } from '../_lib/errors';
import type { HistoryEntryInput } from '../_lib/inputSchemas';
import { yuanSchema } from '../_lib/moneySchemas';
import type { YuanInput } from '../_lib/money';

setUpZod();

/** What of a claim result, or of its JSON, makes history: other fields are not read. */
const settledSchema = z.object({
  claimId: z.string().check(z.minLength(1), z.maxLength(200)),
  eventDate: isoDateSchema,
  policy: z.object({ scheme: z.string().check(z.minLength(1), z.maxLength(64)), year: z.number().check(int()) }),
  lines: z.array(z.object({ benefit: z.string().check(z.minLength(1), z.maxLength(64)), amount: yuanSchema })),
});
const resultsSchema = z.array(z.union([z.object({ results: z.array(settledSchema) }), settledSchema])).check(z.maxLength(100_000));
const claimFactsSchema = z.array(z.object({ id: z.string(), event: z.optional(z.string()), condition: z.optional(z.string()) })).check(z.maxLength(100_000));

type Loose = { readonly [key: string]: unknown } | null | undefined;

/** The fields of a result that history reads, and a year's results', in the same places. */
function project(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const item = value as Loose & object;
  if ('results' in item) return { results: Array.isArray(item.results) ? item.results.map(project) : item.results };
  const policy = item.policy as Loose;
  const lines = item.lines;
  return {
    claimId: item.claimId,
    eventDate: item.eventDate,
    policy: typeof policy === 'object' && policy !== null ? { scheme: policy.scheme, year: policy.year } : policy,
    lines: Array.isArray(lines) ? lines.map((line: Loose) => (typeof line === 'object' && line !== null ? { benefit: line.benefit, amount: line.amount } : line)) : lines,
  };
}

/** What {@link historyEntries} reads of a claim result, as huzhu returns it or as its JSON. */
export interface SettledClaimLike {
  readonly claimId: string;
  readonly eventDate: string;
  readonly policy: { readonly scheme: string; readonly year: number };
  readonly lines: readonly { readonly benefit: string; readonly amount: YuanInput }[];
}

/** What {@link historyEntries} reads of a claim: its id, the event it names, and a diagnosis claim's condition. */
export interface ClaimFacts {
  readonly id: string;
  readonly event?: string;
  readonly condition?: string;
}

/** What {@link historyEntries} reads of a year's result, as huzhu returns it or as its JSON. */
export interface SettledYearLike {
  readonly results: readonly SettledClaimLike[];
}

/**
 * The history entries of earlier settlements, for the `history` option of
 * {@link evaluateClaim} and {@link evaluateYear}: one entry per benefit line that paid, with
 * the claim's event date. A result does not keep the event or the condition its claim named:
 * give the claims too, and each entry carries its claim's `event`, and a diagnosis claim's
 * `condition`.
 *
 * @category Evaluation
 *
 * @param settled - claim results and year results, as returned or as their JSON
 * @param claims - the claims they settled, for the events and conditions they name; others are not read
 * @returns the entries, amounts as two-decimal strings, in the order of the results and lines
 * @throws {InvalidInputError} when a result lacks a field the history needs
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const death = { kind: 'death', id: 'c1', date: '2024-06-01', event: 'acc-1' } as const;
 * historyEntries([evaluateClaim(policies.guangxi[2024], member, death)], [death])
 * //=> [{ scheme: 'guangxi', year: 2024, benefit: 'death', claimId: 'c1', date: '2024-06-01', paid: '10000.00', event: 'acc-1' }]
 */
export function historyEntries(settled: readonly (SettledClaimLike | SettledYearLike)[], claims: readonly ClaimFacts[] = []): HistoryEntryInput[] {
  const facts = new Map<string, { event?: string; condition?: string }>();
  for (const claim of validate(claimFactsSchema, claims, 'claims')) {
    if (claim.event !== undefined || claim.condition !== undefined) facts.set(claim.id, { event: claim.event, condition: claim.condition });
  }
  const entries: HistoryEntryInput[] = [];
  // Only the fields history needs are read and checked: a result's steps and ledger are made on first read, and are not wanted.
  const read = readInput(settled, ['settled'], () => (Array.isArray(settled) ? settled.map(project) : settled));
  for (const item of validate(resultsSchema, read, 'settled')) {
    for (const result of 'results' in item ? item.results : [item]) {
      const { event, condition } = facts.get(result.claimId) ?? {};
      for (const line of result.lines) {
        if (line.amount.isZero()) continue;
        const { scheme, year } = result.policy;
        entries.push({ scheme, year, benefit: line.benefit, claimId: result.claimId, date: result.eventDate, paid: line.amount.toFixed(2), ...(event !== undefined && { event }), ...(condition !== undefined && { condition }) });
      }
    }
  }
  return entries;
}
