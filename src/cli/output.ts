import { formatPath, type Issue } from '../_lib/errors';
import type { Language } from '../_lib/messages';
import type { MemberClaimResult } from '../_lib/memberPlans';
import type { ClaimResult } from '../_lib/result';
import { explain } from '../explain';
import { csvLine } from './csv';
import type { Outcome } from './settle';
import { padDisplay } from './text';

export const OUTPUT_FORMATS = ['table', 'csv', 'ndjson', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `claim.admission: expected …`, one issue per entry. */
export function issueText(issue: Issue): string {
  const where = formatPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** A result's warnings as a row shows them: illustrative figures have their own column, and a warning per parameter would drown the rest. */
const shownWarnings = (result: ClaimResult | MemberClaimResult, lang: Language) =>
  result.warnings.filter((warning) => warning.code !== 'ILLUSTRATIVE_PARAMETER').map((warning) => warning.message[lang]);

/** A claim settled under several plans: each plan's scheme, year, amount and own reasons, then the total (docs/cli.md#several-plans). */
function planSummary(line: number, result: MemberClaimResult, lang: Language) {
  return {
    line,
    status: result.eligible ? ('settled' as const) : ('refused' as const),
    memberId: result.memberId,
    claimId: result.claimId,
    total: result.total.toFixed(2),
    plans: result.plans.map((plan) => ({
      scheme: plan.policy.scheme,
      year: plan.policy.year,
      total: plan.total.toFixed(2),
      benefits: Object.fromEntries(plan.lines.map((item) => [item.benefit, item.amount.toFixed(2)])),
      reasons: plan.reasons.map((reason) => reason.message[lang]),
    })),
    reasons: result.reasons.map((reason) => reason.message[lang]),
    warnings: shownWarnings(result, lang),
    illustrative: result.illustrative,
  };
}

/** The flat summary of one outcome that every output format shows. */
function summary(outcome: Outcome, lang: Language) {
  if ('issues' in outcome) {
    return { line: outcome.line, status: 'error' as const, errors: outcome.issues.map(issueText), issues: outcome.issues };
  }
  const result = outcome.result;
  if ('plans' in result) return planSummary(outcome.line, result, lang);
  return {
    line: outcome.line,
    status: result.eligible ? ('settled' as const) : ('refused' as const),
    scheme: result.policy.scheme,
    year: result.policy.year,
    memberId: result.memberId,
    claimId: result.claimId,
    total: result.total.toFixed(2),
    benefits: Object.fromEntries(result.lines.map((line) => [line.benefit, line.amount.toFixed(2)])),
    reasons: result.reasons.map((reason) => reason.message[lang]),
    warnings: shownWarnings(result, lang),
    illustrative: result.illustrative,
  };
}

const CSV_HEADER = ['line', 'status', 'scheme', 'year', 'memberId', 'claimId', 'total', 'benefits', 'reasons', 'warnings', 'illustrative', 'errors'];

function csvRow(outcome: Outcome, lang: Language): string {
  const row = summary(outcome, lang);
  if (row.status === 'error') return csvLine([String(row.line), row.status, ...Array<string>(CSV_HEADER.length - 3).fill(''), row.errors.join(' | ')]);
  if ('plans' in row) {
    // The plans in settlement order: their schemes and years in two columns, what each paid in `benefits`; each plan's reasons prefixed with its scheme.
    const reasons = [...row.reasons, ...row.plans.flatMap((plan) => plan.reasons.map((reason) => `${plan.scheme}: ${reason}`))];
    const cells = [row.plans.map((plan) => plan.scheme).join(';'), row.plans.map((plan) => plan.year).join(';'), row.memberId, row.claimId, row.total, row.plans.map((plan) => `${plan.scheme}=${plan.total}`).join(';')];
    return csvLine([String(row.line), row.status, ...cells, reasons.join(' | '), row.warnings.join(' | '), String(row.illustrative), '']);
  }
  const benefits = Object.entries(row.benefits).map(([id, amount]) => `${id}=${amount}`).join(';');
  return csvLine([String(row.line), row.status, row.scheme, String(row.year), row.memberId, row.claimId, row.total, benefits, row.reasons.join(' | '), row.warnings.join(' | '), String(row.illustrative), '']);
}

/** The object NDJSON writes a line of, and JSON an element of its array. */
function jsonRow(outcome: Outcome, lang: Language): string {
  const row = summary(outcome, lang);
  return JSON.stringify(row.status === 'error' ? { line: row.line, status: row.status, issues: row.issues } : row);
}

const TABLE_COLUMNS = [6, 8, 24, 12, 12, 12] as const;

const illustrativeNote = (lang: Language) => (lang === 'zh' ? '※ 含示例参数' : '※ uses illustrative figures');

function tableRow(cells: readonly string[]): string {
  return `${cells.map((cell, i) => (i < TABLE_COLUMNS.length ? padDisplay(cell, TABLE_COLUMNS[i]!) : cell)).join(' ')}`.trimEnd() + '\n';
}

function tableLine(outcome: Outcome, lang: Language): string {
  const row = summary(outcome, lang);
  if (row.status === 'error') return tableRow([String(row.line), 'error', '', '', '', '', row.errors.join(' | ')]);
  if ('plans' in row) {
    const paid = row.plans.map((plan) => `${plan.scheme} ${plan.year} ${plan.total}`).join(' + ');
    const note = [paid, ...row.reasons, ...row.warnings, ...(row.illustrative ? [illustrativeNote(lang)] : [])].filter((part) => part !== '').join(' ');
    return tableRow([String(row.line), row.status, lang === 'zh' ? `${row.plans.length} 个方案` : `${row.plans.length} plans`, row.memberId, row.claimId, row.total, note]);
  }
  const note = [...row.reasons, ...row.warnings, ...(row.illustrative ? [illustrativeNote(lang)] : [])].join(' ');
  return tableRow([String(row.line), row.status, `${row.scheme} ${row.year}`, row.memberId, row.claimId, row.total, note]);
}

/**
 * Writes outcomes in one format: a header first, then a line each, then a footer. A row's text
 * depends on its outcome alone, so that any thread may render it: what goes between rows (the
 * commas of a JSON array) is `separator`'s.
 */
export interface OutcomeWriter {
  readonly header: string;
  row(outcome: Outcome): string;
  /** What goes before the first row, and before each later one. */
  readonly separator: readonly [first: string, later: string];
  readonly footer: string;
}

const NONE = ['', ''] as const;

export function outcomeWriter(format: OutputFormat, lang: Language): OutcomeWriter {
  if (format === 'csv') return { header: csvLine(CSV_HEADER), row: (outcome) => csvRow(outcome, lang), separator: NONE, footer: '' };
  if (format === 'ndjson') return { header: '', row: (outcome) => `${jsonRow(outcome, lang)}\n`, separator: NONE, footer: '' };
  // One array written an element at a time, so that it streams like the other formats.
  if (format === 'json') return { header: '[', row: (outcome) => jsonRow(outcome, lang), separator: ['\n', ',\n'], footer: '\n]\n' };
  return { header: tableRow(['line', 'status', 'policy', 'member', 'claim', 'total', 'notes']), row: (outcome) => tableLine(outcome, lang), separator: NONE, footer: '' };
}

/** `huzhu explain`'s text of an outcome. */
function explanation(outcome: Outcome, lang: Language): string {
  return 'issues' in outcome
    ? `line ${outcome.line}: error\n${outcome.issues.map((issue) => `  - ${issueText(issue)}`).join('\n')}\n\n`
    : `line ${outcome.line}\n${explain(outcome.result, { lang })}\n\n`;
}

/** What a batch writes, as plain data: a worker thread makes its writer from it. */
export type Rendering = { readonly command: 'explain'; readonly lang: Language } | { readonly command: 'evaluate'; readonly format: OutputFormat; readonly lang: Language };

export function writerFor(rendering: Rendering): OutcomeWriter {
  if (rendering.command === 'evaluate') return outcomeWriter(rendering.format, rendering.lang);
  return { header: '', row: (outcome) => explanation(outcome, rendering.lang), separator: NONE, footer: '' };
}
