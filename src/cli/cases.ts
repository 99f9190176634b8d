/**
 * Published cases as data (docs/published-cases.md): the case-file format and its runner,
 * shared by `huzhu test` and the test suite (test/publishedCases.test.ts). Not part of the
 * library's entry: it is a tool for policy authors, like the CLI around it.
 */
import { z } from 'zod';
import { isoDateSchema } from '../_lib/dates';
import { Decimal } from '../_lib/decimal';
import { addIssue, InvalidInputError, PolicyNotFoundError, validate, type Issue } from '../_lib/errors';
import type { Language } from '../_lib/messages';
import { readYuan } from '../_lib/money';
import type { Policy } from '../_lib/policySchema';
import type { PolicyRegistry } from '../createRegistry';
import { evaluateYear, type YearResult } from '../evaluateYear';
import { explain } from '../explain';
import { selectPolicy } from '../selectPolicy';
import type { ClaimInput, HistoryInput, LedgerInput, MemberInput } from '../_lib/inputSchemas';

const GUIDE = 'docs/published-cases.md';

/**
 * An object that takes only the keys of `shape`; an unknown key is told which ones it may
 * have and where they are explained, not only that it is unknown.
 */
function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}; ${what} has ${Object.keys(shape).join(', ')} (see ${GUIDE})`
        : undefined,
  });
}

const textSchema = z.string().min(1).max(2000);
const someLanguagesSchema = strictObject({ zh: textSchema.optional(), en: textSchema.optional() }, 'a text in two languages').refine(
  (text) => text.zh !== undefined || text.en !== undefined,
  { params: { code: 'missing_language' }, message: 'expected the text in at least one language, "zh" or "en"' },
);

/** Where the case comes from, named as a policy's provenance names its source. */
const sourceSchema = strictObject(
  {
    publisher: someLanguagesSchema,
    date: z.string().refine((text) => /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(text) || isoDateSchema.safeParse(text).success, {
      params: { code: 'invalid_date' },
      message: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD, like "2023-11"',
    }),
    title: textSchema.optional(),
    url: z.url({ protocol: /^https?$/, error: 'expected an http or https address' }).max(2000).optional(),
  },
  'a source',
);

/** An expected amount: a yuan string, so that a case file says exactly what it means. */
const amountSchema = z.unknown().transform((value, ctx) => {
  const amount = typeof value === 'string' ? readYuan(value) : `expected an amount as a string, like "10000.00"; got ${value === null ? 'null' : typeof value}`;
  if (typeof amount === 'string') {
    addIssue(ctx, 'invalid_yuan', amount);
    return z.NEVER;
  }
  return amount;
});

const lineSchema = z.union([
  amountSchema,
  strictObject(
    {
      amount: amountSchema.optional(),
      /** A line whose amount is decided on application, inside this range (a condolence payment). */
      range: strictObject({ min: amountSchema, max: amountSchema }, 'a range').optional(),
      /** The cap that set the amount, or null when none did. */
      cappedBy: z.string().min(1).max(100).nullable().optional(),
    },
    'a line',
  ),
]);

const claimExpectationSchema = strictObject(
  {
    eligible: z.boolean().optional(),
    total: amountSchema.optional(),
    /** By benefit id; a benefit the result has no line for counts as 0.00. */
    lines: z.record(z.string().min(1).max(100), lineSchema).optional(),
    /** The codes of the result's reasons, all of them in order; [] for none. */
    reasons: z.array(z.string().min(1).max(100)).max(100).optional(),
    illustrative: z.boolean().optional(),
  },
  'a claim expectation',
);

const caseSchema = strictObject(
  {
    /** A sentence: the test's name. */
    name: textSchema,
    /** The words of the source that the case checks. */
    quote: textSchema,
    source: sourceSchema.optional(),
    /** The policy version; absent, the one in force for the first claim. */
    year: z.number().int().min(1990).max(2200).optional(),
    // Member, ledger and claims are checked by the library when the case runs, with paths from the case.
    member: z.unknown(),
    /** What was paid in the protection year before these claims. */
    ledger: z.unknown().optional(),
    /** The member's earlier settled payments the ledger does not hold (docs/rule-model.md#history). */
    history: z.unknown().optional(),
    claims: z.array(z.unknown()).min(1).max(1000),
    expect: strictObject(
      {
        /** One per claim, in the order of `claims`. */
        claims: z.array(claimExpectationSchema).optional(),
        /** What the claims paid together. */
        total: amountSchema.optional(),
      },
      'an expectation',
    ),
  },
  'a case',
).superRefine((entry, ctx) => {
  const { claims, total } = entry.expect;
  if (claims !== undefined && claims.length !== entry.claims.length) {
    addIssue(ctx, 'wrong_count', `expected one expectation per claim (${entry.claims.length}); got ${claims.length}`, ['expect', 'claims']);
  }
  const amounts = (claims ?? []).some((claim) => claim.total !== undefined || Object.values(claim.lines ?? {}).some((line) => Decimal.isDecimal(line) || line.amount !== undefined || line.range !== undefined));
  if (total === undefined && !amounts) {
    addIssue(ctx, 'no_amount', 'expected at least one amount: a total, or a line of a claim', ['expect']);
  }
  // Results are matched to claims by id.
  const ids = new Set<unknown>();
  entry.claims.forEach((claim, index) => {
    const id = typeof claim === 'object' && claim !== null ? (claim as { id?: unknown }).id : undefined;
    if (id !== undefined && ids.has(id)) addIssue(ctx, 'duplicate_claim', `claim id ${JSON.stringify(id)} is used twice in this case`, ['claims', index, 'id']);
    ids.add(id);
  });
});

const caseFileSchema = strictObject(
  {
    $schema: z.string().optional(),
    /** The scheme every case is settled under. */
    scheme: z.string().min(1).max(64),
    /** The source of every case that names none of its own. */
    source: sourceSchema.optional(),
    cases: z.array(caseSchema).min(1).max(10_000),
  },
  'a case file',
).superRefine((file, ctx) => {
  const names = new Set<string>();
  file.cases.forEach((entry, index) => {
    if (names.has(entry.name)) addIssue(ctx, 'duplicate_name', `the case name ${JSON.stringify(entry.name)} is used twice; each names a test`, ['cases', index, 'name']);
    names.add(entry.name);
    if (entry.source === undefined && file.source === undefined) addIssue(ctx, 'missing_source', 'expected a source, here or for the whole file', ['cases', index, 'source']);
  });
});

export type CaseFile = z.output<typeof caseFileSchema>;
export type PublishedCase = CaseFile['cases'][number];

/** The file's content, checked; an {@link InvalidInputError} with paths from the file's root otherwise. */
export function readCaseFile(content: unknown): CaseFile {
  return validate(caseFileSchema, content, []);
}

/** One difference between what a case expects and what was paid. */
export interface Mismatch {
  /** `claim s1, line hospital-allowance`, `the year's total`. */
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
}

export interface CaseOutcome {
  readonly name: string;
  readonly year: YearResult;
  readonly mismatches: readonly Mismatch[];
}

/** The library's issue about the case's input, with its path from the file's root. */
function inCase(index: number, issues: readonly Issue[], rename: Readonly<Record<string, readonly (string | number)[]>> = {}): InvalidInputError {
  return new InvalidInputError(issues.map(({ path: [head, ...rest], code, message }) => ({ path: ['cases', index, ...(rename[head!] ?? [head!]), ...rest], code, message })));
}

function policyOf(file: CaseFile, index: number, registry: PolicyRegistry): Policy {
  const entry = file.cases[index]!;
  if (entry.year !== undefined) {
    const found = registry.policies.find((policy) => policy.scheme === file.scheme && policy.year === entry.year);
    if (found !== undefined) return found;
    const known = registry.policies.filter((policy) => policy.scheme === file.scheme).map((policy) => policy.year);
    const message = `no "${file.scheme}" policy of ${entry.year} to run the case under; known years: ${known.join(', ') || 'none'}`;
    throw new InvalidInputError([{ path: ['cases', index, 'year'], code: 'policy_not_found', message }]);
  }
  try {
    return selectPolicy(file.scheme, entry.claims[0] as ClaimInput, { registry, member: entry.member as MemberInput });
  } catch (error) {
    if (error instanceof InvalidInputError) throw inCase(index, error.issues, { claim: ['claims', 0] });
    if (error instanceof PolicyNotFoundError) throw new InvalidInputError([{ path: ['cases', index, 'claims', 0], code: 'policy_not_found', message: error.message }]);
    throw error;
  }
}

const yuan = (amount: Decimal | undefined) => amount?.toFixed(2) ?? '(none)';

/** What differs between the expectation of one claim and its result. */
function claimMismatches(id: string, expected: NonNullable<PublishedCase['expect']['claims']>[number], result: YearResult['results'][number]): Mismatch[] {
  const found: Mismatch[] = [];
  const differ = (what: string, wanted: unknown, got: unknown) => {
    if (wanted !== undefined && String(wanted) !== String(got)) found.push({ what: `claim ${id}, ${what}`, expected: String(wanted), actual: String(got) });
  };
  differ('eligible', expected.eligible, result.eligible);
  differ('total', expected.total?.toFixed(2), result.total.toFixed(2));
  for (const [benefit, line] of Object.entries(expected.lines ?? {})) {
    const actual = result.lines.find((candidate) => candidate.benefit === benefit);
    if (Decimal.isDecimal(line)) {
      differ(`line ${benefit}`, line.toFixed(2), actual?.amount.toFixed(2) ?? '0.00');
      continue;
    }
    differ(`line ${benefit}`, line.amount?.toFixed(2), actual?.amount.toFixed(2) ?? '0.00');
    if (line.range !== undefined) {
      differ(`line ${benefit}, range`, `${yuan(line.range.min)}–${yuan(line.range.max)}`, actual?.range ? `${yuan(actual.range.min)}–${yuan(actual.range.max)}` : '(none)');
    }
    if (line.cappedBy !== undefined) differ(`line ${benefit}, capped by`, line.cappedBy, actual?.cappedBy ?? null);
  }
  const codes = (list: readonly string[]) => list.join(', ') || '(none)';
  differ('reasons', expected.reasons && codes(expected.reasons), codes(result.reasons.map((reason) => reason.code)));
  differ('illustrative', expected.illustrative, result.illustrative);
  return found;
}

/**
 * Settles case `index` of the file under the registry's policies and compares the result
 * with what the case expects. Throws an {@link InvalidInputError} whose paths start at the
 * file's root (`cases[2].claims[0].admission`) when the case cannot run.
 */
export function runCase(file: CaseFile, index: number, registry: PolicyRegistry): CaseOutcome {
  const entry = file.cases[index]!;
  const policy = policyOf(file, index, registry);
  let year: YearResult;
  try {
    const options = entry.history === undefined ? undefined : { history: entry.history as HistoryInput };
    year = evaluateYear(policy, entry.member as MemberInput, entry.claims as ClaimInput[], entry.ledger as LedgerInput | undefined, options);
  } catch (error) {
    if (error instanceof InvalidInputError) throw inCase(index, error.issues);
    throw error;
  }
  const mismatches: Mismatch[] = [];
  const byId = new Map(year.results.map((result) => [result.claimId, result]));
  entry.expect.claims?.forEach((expected, position) => {
    const id = (entry.claims[position] as { id: string }).id;
    mismatches.push(...claimMismatches(id, expected, byId.get(id)!));
  });
  if (entry.expect.total !== undefined && !entry.expect.total.eq(year.total)) {
    mismatches.push({ what: "the claims' total", expected: entry.expect.total.toFixed(2), actual: year.total.toFixed(2) });
  }
  return { name: entry.name, year, mismatches };
}

/** A failed case as a reader needs it: each expected and actual amount, then how the actual one came about. */
export function failureText(outcome: CaseOutcome, lang: Language): string {
  const width = Math.max(...outcome.mismatches.map((mismatch) => mismatch.what.length));
  return [
    ...outcome.mismatches.map(({ what, expected, actual }) => `  ${what.padEnd(width)}   expected ${expected}, actual ${actual}`),
    '',
    `  ${lang === 'zh' ? '实际结算的说明：' : 'How the actual settlement came about:'}`,
    ...explain(outcome.year, { lang }).split('\n').map((line) => (line === '' ? '' : `    ${line}`)),
  ].join('\n');
}
