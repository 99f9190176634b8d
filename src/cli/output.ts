import { formatPath, type Issue } from '../_lib/errors';
import type { MemberClaimResult } from '../_lib/memberPlans';
import type { Language, Message } from '../_lib/messages';
import { fenText } from '../_lib/money';
import { Line, SettledClaim, type ClaimResult } from '../_lib/result';
import { explain } from '../explain';
import { csvField, csvLine } from './csv';
import type { ClaimRow, Outcome } from './settle';
import { perVersion } from './versionText';
import { padDisplay } from './text';

export const OUTPUT_FORMATS = ['table', 'csv', 'ndjson', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `claim.admission: expected …`, one issue per entry. */
export function issueText(issue: Issue): string {
  const where = formatPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

// Most rows have no reasons and no warnings shown: one empty list for them all, not one a row.
const NONE_SHOWN: readonly string[] = Object.freeze([]);

const texts = (messages: readonly Message[], lang: Language) => (messages.length === 0 ? NONE_SHOWN : messages.map((message) => message.message[lang]));

// Results citing the same parameters share one frozen list of warnings: what a row shows of it is found once a language.
const shownOf: Record<Language, WeakMap<readonly Message[], readonly string[]>> = { zh: new WeakMap(), en: new WeakMap() };

/** A result's warnings as a row shows them: illustrative figures have their own column, and a warning per parameter would drown the rest. */
function shownWarnings(result: ClaimResult | MemberClaimResult | ClaimRow, lang: Language): readonly string[] {
  const { warnings } = result;
  const known = shownOf[lang].get(warnings);
  if (known !== undefined) return known;
  const shown = Object.freeze(texts(warnings.filter((warning) => warning.code !== 'ILLUSTRATIVE_PARAMETER'), lang));
  // Only a list that cannot change, of messages that cannot: the engine's are frozen through.
  if (Object.isFrozen(warnings) && warnings.every((warning) => Object.isFrozen(warning) && Object.isFrozen(warning.message))) shownOf[lang].set(warnings, shown);
  return shown;
}

const statusOf = (result: ClaimResult | MemberClaimResult | ClaimRow) => (result.eligible ? 'settled' : 'refused');

/** A result's lines, read without keeping them on the result (it is dropped once written). */
const linesOf = (result: ClaimResult) => (SettledClaim.isSettled(result) ? SettledClaim.linesOf(result) : result.lines);

/**
 * Each benefit and what it paid (written from fen, no Decimal made), in the order the keys of
 * an object of them would take, as the outputs have always listed them: an id that is an
 * array index (ids are slugs, so it starts with a digit) comes first, in numeric order.
 */
function benefitAmounts(result: ClaimResult | ClaimRow): [benefit: string, amount: string][] {
  const amounts = 'paidLines' in result ? paidAmounts(result.paidLines) : linesOf(result).map((line): [string, string] => [line.benefit, Line.amountText(line)]);
  return amounts.some(([id]) => isDigit(id.charCodeAt(0))) ? Object.entries(Object.fromEntries(amounts)) : amounts;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** A row's pairs of benefit id and fen amount as [id, text]. */
function paidAmounts(paidLines: readonly (string | number)[]): [string, string][] {
  const amounts = new Array<[string, string]>(paidLines.length / 2);
  for (let at = 0; at < amounts.length; at += 1) amounts[at] = [paidLines[2 * at] as string, fenText(paidLines[2 * at + 1] as number)];
  return amounts;
}

/** A total as `total.toFixed(2)` writes it. */
const totalText = (result: ClaimResult | ClaimRow) => ('fen' in result ? fenText(result.fen) : SettledClaim.totalText(result));

const benefitsCell = (amounts: readonly (readonly [string, string])[]) => amounts.map(([id, amount]) => `${id}=${amount}`).join(';');

/** A {@link ClaimRow}'s paid lines when written in line order (no id is an array index: see {@link benefitAmounts}); else undefined. */
function paidInLineOrder(result: ClaimResult | ClaimRow): readonly (string | number)[] | undefined {
  if (!('paidLines' in result)) return undefined;
  const { paidLines } = result;
  for (let at = 0; at < paidLines.length; at += 2) if (isDigit((paidLines[at] as string).charCodeAt(0))) return undefined;
  return paidLines;
}

/** The text before each amount of a row's benefits, by benefit id: a policy's ids are few, and every row repeats them. */
function keyTexts(text: (id: string) => string | undefined): (id: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (id) => {
    if (known.has(id)) return known.get(id);
    const made = text(id);
    known.set(id, made);
    return made;
  };
}

// `id=` in a CSV cell, none for an id that would need quoting; `"id":"` in JSON.
const csvKey = keyTexts((id) => (csvField(id) === id ? `${id}=` : undefined));
const jsonKey = keyTexts((id) => `${json(id)}:"`);

/**
 * A row's text put together from its pieces, joined once into one string: in an array made at
 * about its size (one grown a piece at a time copies itself at each step), with no string made
 * for a group of pieces.
 */
class RowText {
  readonly #parts: (string | number)[];
  #at = 0;

  constructor(size: number) {
    this.#parts = new Array<string | number>(size);
  }

  add(piece: string | number): void {
    this.#parts[this.#at] = piece;
    this.#at += 1;
  }

  text(): string {
    this.#parts.length = this.#at;
    return this.#parts.join('');
  }
}

/**
 * Adds the cells every format writes of a row of one plan, each after its label in the format:
 * line, status, version, member, claim and total, then the label that opens the benefits.
 */
function addCells(row: RowText, labels: readonly string[], line: number, status: string, version: string, member: string, claim: string, total: string): void {
  const cells = [line, status, version, member, claim, total] as const;
  for (let at = 0; at < cells.length; at += 1) {
    row.add(labels[at]!);
    row.add(cells[at]!);
  }
  row.add(labels[cells.length]!);
}

const CSV_LABELS = ['', ',', ',', ',', ',', ',', ','];
const JSON_LABELS = ['{"line":', ',"status":"', '",', ',"memberId":', ',"claimId":', ',"total":"', '","benefits":{'];

/** The paid lines of a {@link ClaimRow} written in line order whose ids all have a key text (see {@link addPaid}); else undefined. */
function paidWithKeys(result: ClaimResult | ClaimRow, key: (id: string) => string | undefined): readonly (string | number)[] | undefined {
  const paidLines = paidInLineOrder(result);
  if (paidLines === undefined) return undefined;
  for (let at = 0; at < paidLines.length; at += 2) if (key(paidLines[at] as string) === undefined) return undefined;
  return paidLines;
}

/** Adds a row's benefits straight from the fen: for each line its key's text, its amount and `after`, lines apart by `between`. */
function addPaid(row: RowText, paidLines: readonly (string | number)[], key: (id: string) => string | undefined, after: string, between: string): void {
  for (let at = 0; at < paidLines.length; at += 2) {
    if (at > 0) row.add(between);
    row.add(key(paidLines[at] as string)!);
    row.add(fenText(paidLines[at + 1] as number));
    if (after !== '') row.add(after);
  }
}

// A version's scheme and year as a CSV row writes them.
const csvPolicy = perVersion((policy) => `${csvField(policy.scheme)},${policy.year}`);

/** A plan of a claim settled under several plans, as its row shows it (docs/cli.md#several-plans). */
function planOf(plan: ClaimResult, lang: Language) {
  return { scheme: plan.policy.scheme, year: plan.policy.year, total: SettledClaim.totalText(plan), benefits: benefitAmounts(plan), reasons: texts(plan.reasons, lang) };
}

const CSV_HEADER = ['line', 'status', 'scheme', 'year', 'memberId', 'claimId', 'total', 'benefits', 'reasons', 'warnings', 'illustrative', 'errors'];

const NO_CELLS = Array<string>(CSV_HEADER.length - 3).fill('');

function csvRow(outcome: Outcome, lang: Language): string {
  if ('issues' in outcome) return csvLine([String(outcome.line), 'error', ...NO_CELLS, outcome.issues.map(issueText).join(' | ')]);
  const { result } = outcome;
  const warnings = shownWarnings(result, lang).join(' | ');
  if ('plans' in result) {
    // The plans in settlement order: their schemes and years in two columns, what each paid in `benefits`; each plan's reasons prefixed with its scheme.
    const plans = result.plans.map((plan) => planOf(plan, lang));
    const reasons = [...texts(result.reasons, lang), ...plans.flatMap((plan) => plan.reasons.map((reason) => `${plan.scheme}: ${reason}`))];
    const cells = [plans.map((plan) => plan.scheme).join(';'), plans.map((plan) => plan.year).join(';'), result.memberId, result.claimId, result.total.toFixed(2), plans.map((plan) => `${plan.scheme}=${plan.total}`).join(';')];
    return csvLine([String(outcome.line), statusOf(result), ...cells, reasons.join(' | '), warnings, String(result.illustrative), '']);
  }
  const reasons = texts(result.reasons, lang);
  // Most rows show no reasons and no warnings: their last cells are one of two texts.
  const tail = reasons.length === 0 && warnings === '' ? (result.illustrative ? ',,,true,\n' : ',,,false,\n') : `,${csvField(reasons.join(' | '))},${csvField(warnings)},${result.illustrative},\n`;
  const paidLines = paidWithKeys(result, csvKey);
  const row = new RowText(14 + (paidLines === undefined ? 1 : paidLines.length * 1.5));
  addCells(row, CSV_LABELS, outcome.line, statusOf(result), csvPolicy(result.policy), csvField(result.memberId), csvField(result.claimId), totalText(result));
  if (paidLines === undefined) row.add(csvField(benefitsCell(benefitAmounts(result))));
  else addPaid(row, paidLines, csvKey, '', ';');
  row.add(tail);
  return row.text();
}

// JSON written by hand, in the order of the fields it has always had: a row's object, made only
// to be turned into text, cost more than the text.
const json = JSON.stringify;
const benefitsJson = (amounts: readonly (readonly [string, string])[]) => amounts.map(([id, amount]) => `${jsonKey(id)!}${amount}"`).join(',');

// A version's scheme and year as a JSON row writes them.
const jsonPolicy = perVersion((policy) => `"scheme":${json(policy.scheme)},"year":${json(policy.year)}`);

/** The object NDJSON writes a line of (`end` a newline), and JSON an element of its array. */
function jsonRow(outcome: Outcome, lang: Language, end: string): string {
  if ('issues' in outcome) return `${json({ line: outcome.line, status: 'error', issues: outcome.issues })}${end}`;
  const { result } = outcome;
  if ('plans' in result) {
    const plans = result.plans.map((plan) => {
      const { scheme, year, total, benefits, reasons } = planOf(plan, lang);
      return `{"scheme":${json(scheme)},"year":${json(year)},"total":"${total}","benefits":{${benefitsJson(benefits)}},"reasons":${json(reasons)}}`;
    });
    const who = `"memberId":${json(result.memberId)},"claimId":${json(result.claimId)}`;
    return `{"line":${outcome.line},"status":"${statusOf(result)}",${who},"total":"${result.total.toFixed(2)}","plans":[${plans.join(',')}],${jsonTail(result, lang)}${end}`;
  }
  // Joined once from its pieces, as a CSV row is.
  const paidLines = paidWithKeys(result, jsonKey);
  const row = new RowText(16 + (paidLines === undefined ? 0 : paidLines.length * 2));
  addCells(row, JSON_LABELS, outcome.line, statusOf(result), jsonPolicy(result.policy), json(result.memberId), json(result.claimId), totalText(result));
  if (paidLines === undefined) row.add(benefitsJson(benefitAmounts(result)));
  else addPaid(row, paidLines, jsonKey, '"', ',');
  row.add('},');
  row.add(jsonTail(result, lang));
  row.add(end);
  return row.text();
}

/** The end of a row's JSON object: its reasons, warnings and whether it used illustrative figures. */
function jsonTail(result: ClaimResult | MemberClaimResult | ClaimRow, lang: Language): string {
  const reasons = texts(result.reasons, lang);
  const warnings = shownWarnings(result, lang);
  // Most rows show none: their end is one of two texts.
  if (reasons.length === 0 && warnings.length === 0) return result.illustrative ? '"reasons":[],"warnings":[],"illustrative":true}' : '"reasons":[],"warnings":[],"illustrative":false}';
  return `"reasons":${json(reasons)},"warnings":${json(warnings)},"illustrative":${result.illustrative}}`;
}

const TABLE_COLUMNS = [6, 8, 24, 12, 12, 12] as const;

const illustrativeNote = (lang: Language) => (lang === 'zh' ? '※ 含示例参数' : '※ uses illustrative figures');

function tableRow(cells: readonly string[]): string {
  return `${cells.map((cell, i) => (i < TABLE_COLUMNS.length ? padDisplay(cell, TABLE_COLUMNS[i]!) : cell)).join(' ')}`.trimEnd() + '\n';
}

function tableLine(outcome: Outcome, lang: Language): string {
  if ('issues' in outcome) return tableRow([String(outcome.line), 'error', '', '', '', '', outcome.issues.map(issueText).join(' | ')]);
  const { result } = outcome;
  const notes = [...texts(result.reasons, lang), ...shownWarnings(result, lang), ...(result.illustrative ? [illustrativeNote(lang)] : [])];
  if ('plans' in result) {
    const paid = result.plans.map((plan) => `${plan.policy.scheme} ${plan.policy.year} ${SettledClaim.totalText(plan)}`).join(' + ');
    const note = [paid, ...notes].filter((part) => part !== '').join(' ');
    return tableRow([String(outcome.line), statusOf(result), lang === 'zh' ? `${result.plans.length} 个方案` : `${result.plans.length} plans`, result.memberId, result.claimId, result.total.toFixed(2), note]);
  }
  return tableRow([String(outcome.line), statusOf(result), `${result.policy.scheme} ${result.policy.year}`, result.memberId, result.claimId, totalText(result), notes.join(' ')]);
}

/**
 * Writes outcomes in one format: a header first, then a line each, then a footer. A row's text
 * depends on its outcome alone, so that any thread may render it: what goes between rows (the
 * commas of a JSON array) is `separator`'s.
 */
export interface OutcomeWriter {
  readonly header: string;
  /** Whether a claim of one plan may be written from a {@link ClaimRow} (`evaluate`), or needs its whole result (`explain`). */
  readonly figures: boolean;
  row(outcome: Outcome): string;
  /** What goes before the first row, and before each later one. */
  readonly separator: readonly [first: string, later: string];
  readonly footer: string;
}

const NONE = ['', ''] as const;

export function outcomeWriter(format: OutputFormat, lang: Language): OutcomeWriter {
  if (format === 'csv') return { header: csvLine(CSV_HEADER), figures: true, row: (outcome) => csvRow(outcome, lang), separator: NONE, footer: '' };
  if (format === 'ndjson') return { header: '', figures: true, row: (outcome) => jsonRow(outcome, lang, '\n'), separator: NONE, footer: '' };
  // One array written an element at a time, so that it streams like the other formats.
  if (format === 'json') return { header: '[', figures: true, row: (outcome) => jsonRow(outcome, lang, ''), separator: ['\n', ',\n'], footer: '\n]\n' };
  return { header: tableRow(['line', 'status', 'policy', 'member', 'claim', 'total', 'notes']), figures: true, row: (outcome) => tableLine(outcome, lang), separator: NONE, footer: '' };
}

/** `huzhu explain`'s text of an outcome. */
function explanation(outcome: Outcome, lang: Language): string {
  return 'issues' in outcome
    ? `line ${outcome.line}: error\n${outcome.issues.map((issue) => `  - ${issueText(issue)}`).join('\n')}\n\n`
    : // Settled with `figures: false` (this writer's), so a whole result.
      `line ${outcome.line}\n${explain(outcome.result as ClaimResult | MemberClaimResult, { lang })}\n\n`;
}

/** What a batch writes, as plain data: a worker thread makes its writer from it. */
export type Rendering = { readonly command: 'explain'; readonly lang: Language } | { readonly command: 'evaluate'; readonly format: OutputFormat; readonly lang: Language };

export function writerFor(rendering: Rendering): OutcomeWriter {
  if (rendering.command === 'evaluate') return outcomeWriter(rendering.format, rendering.lang);
  return { header: '', figures: false, row: (outcome) => explanation(outcome, rendering.lang), separator: NONE, footer: '' };
}
