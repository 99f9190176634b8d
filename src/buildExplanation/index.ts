import type { Decimal } from '../_lib/decimal';
import { acceptExplainable, type AcceptedExplainable, type Explainable, type ExplainOptions } from '../_lib/explainable';
import { locales } from '../_lib/locales/explaining';
import type { Language, Message, MessageCode, StepKey } from '../_lib/messages';
import { deepFreeze, Line, SettledClaim, type BenefitLine, type ClaimResult, type PolicyRef } from '../_lib/result';
import { statementIn } from '../_lib/engine/context';
import type { ExplainWords } from '../_lib/locales/types';
import { citePublication, describeValue, inLanguage, noteText, type ExplainedNote, type ExplainedPublication } from '../_lib/parameterText';
import type { AttributeDeclarations } from '../_lib/conditionSchema';
import type { Citation } from '../_lib/trace';
import type { CondolenceResult } from '../evaluateCondolence';
import type { YearResult } from '../evaluateYear';
import type { MemberYearResult } from '../evaluateMemberYear';
import type { MemberClaimResult } from '../_lib/memberPlans';

// The layout of `explain`'s text, line by line: one place for it, shared by the explanations
// it renders from a draft and the claims it writes straight from their lines. Here, not in a
// module of its own, which would cut the bundle into one more chunk (see docs/benchmarks.md).

/** What heads an explanation: what was settled, the policy (a member's year names none), the outcome. */
export function headText(out: string[], title: string, policy: string, outcome: string): void {
  out.push(title);
  if (policy !== '') out.push(policy);
  out.push(outcome);
}

/** A benefit line: its number, its summary, then the refs of its sources (` [1][2]`, or empty). */
export function lineText(number: number, summary: string, refsText: string): string {
  return `  ${number}. ${summary}${refsText}`;
}

/** A step of a line. */
export function stepText(label: string, colon: string, statement: string): string {
  return `     · ${label}${colon}${statement}`;
}

/** What follows the lines: the reasons, the warnings and the sources (`sources`: their text, or empty). */
export function tailText(out: string[], words: ExplainWords, reasons: readonly string[], warnings: readonly string[], sources: string): void {
  list(out, words.reasons, reasons, words.colon);
  list(out, words.warnings, warnings, words.colon);
  if (sources !== '') out.push(sources);
}

function list(out: string[], heading: string, items: readonly string[], colon: string): void {
  if (items.length === 0) return;
  out.push(`${heading}${colon.trimEnd()}`);
  for (let at = 0; at < items.length; at += 1) out.push(`  - ${items[at]!}`);
}

/** The mark every illustrative (unpublished) figure carries in an explanation. */
const ILLUSTRATIVE_MARK = '※';

/** A result put into words in one language: what {@link explain} prints, as data for a UI. */
export interface Explanation {
  readonly lang: Language;
  readonly kind: 'claim' | 'year' | 'condolence' | 'memberClaim' | 'memberYear';
  /** What was settled, e.g. `申请 c1（住院，2024-03-01）`. */
  readonly title: string;
  /** The policy version used, e.g. `适用办法：…（guangxi 2024）`. */
  readonly policy: string;
  /** The outcome, e.g. `应付 550.00 元※`; marked when it rests on an illustrative figure. */
  readonly outcome: string;
  readonly lines: readonly ExplainedLine[];
  /** Why the claim was refused, or why parts of it were cut, as sentences. */
  readonly reasons: readonly string[];
  /** Notes other than illustrative figures, which are marked where they are used instead. */
  readonly warnings: readonly string[];
  /** Every parameter the lines used; lines refer to them by `ref`. */
  readonly sources: readonly ExplainedSource[];
  /** True when any figure rests on an illustrative parameter; the text then ends with a legend. */
  readonly illustrative: boolean;
  /**
   * For a year, one explanation per claim in settlement order; for a claim under several plans,
   * one per plan in the order they settled (its `lines` then say what each plan paid); empty otherwise.
   */
  readonly parts: readonly Explanation[];
}

/** One benefit line in words. */
export interface ExplainedLine {
  readonly benefit: string;
  /** The benefit's name, with the illustrative mark when it applies. */
  readonly label: string;
  readonly amount: string;
  readonly illustrative: boolean;
  /** The line in one sentence: `住院补贴：50.00 元/天 × 10 天 = 500.00 元`. */
  readonly summary: string;
  readonly steps: readonly { readonly label: string; readonly statement: string }[];
  /** Which ceiling cut the line and by how much; null when none did. */
  readonly cut: string | null;
  /** The `ref`s of the sources the line used. */
  readonly sources: readonly number[];
}

/** A parameter an explanation rests on, with where its value comes from. */
export interface ExplainedSource {
  readonly ref: number;
  /** Where the parameter sits in the policy, e.g. `benefits.death.formula.amount`. */
  readonly parameter: string;
  readonly label: string;
  /** The value in words, e.g. `不超过 50,000 元的部分 50%，超过部分 60%`. */
  readonly value: string;
  readonly status: 'published' | 'illustrative';
  /** Where a published value was published; null for an illustrative one. */
  readonly publication: ExplainedPublication | null;
  /** The words of the source that state the value, as published; null when the policy gives none. */
  readonly quote: string | null;
  /**
   * The provenance note, as written, and its language: when the policy gives it only in the
   * other language, `lang` differs from the explanation's and `text` below marks it so.
   */
  readonly note: ExplainedNote | null;
  /** All of the above in one sentence, as {@link explain} prints it. */
  readonly text: string;
}

/** Steps that adjust a formula's result rather than compute it. */
const ADJUSTMENTS: ReadonlySet<StepKey> = new Set(['rounding', 'perClaim', 'perYear', 'maximumSubsidy', 'oncePerYears', 'sameEvent', 'otherPaymentsDeducted', 'unpaidCost']);

/**
 * The messages in one language, but for those of the codes left out. By index: results' lists
 * are frozen, and Node 20 iterates a frozen array several times slower than it indexes one.
 */
function sentences(messages: readonly Message[], lang: Language, leftOut: readonly MessageCode[] = []): string[] {
  const out: string[] = [];
  for (let at = 0; at < messages.length; at += 1) {
    const m = messages[at]!;
    if (!leftOut.includes(m.code)) out.push(m.message[lang]);
  }
  return out;
}

/** A source in words, all but the number an explanation gives it, and its line in the text after that number. */
export type SourceWords = Omit<ExplainedSource, 'ref'> & { readonly line: string };

function sourceWords(citation: Citation, lang: Language, attributes: AttributeDeclarations | undefined): SourceWords {
  const { explain: words, values } = locales[lang];
  const { provenance } = citation;
  const shown = {
    parameter: citation.parameter,
    label: citation.label[lang] + (provenance.status === 'illustrative' ? ILLUSTRATIVE_MARK : ''),
    value: describeValue(citation.parameter, citation.value, lang, attributes),
    status: provenance.status,
  };
  const withLine = (rest: Pick<ExplainedSource, 'publication' | 'quote' | 'note' | 'text'>): SourceWords => ({
    ...shown,
    ...rest,
    line: `${values.sourceLine(shown.label, shown.value, shown.parameter)}${words.colon}${rest.text}`,
  });
  if (provenance.status === 'illustrative') {
    const note = inLanguage(provenance.note, lang);
    return withLine({ publication: null, quote: null, note, text: `${words.illustrative}${words.colon}${noteText(note, lang)}` });
  }
  const publication = citePublication(provenance.source, lang);
  const quote = provenance.quote ?? null;
  const note = provenance.note === undefined ? null : inLanguage(provenance.note, lang);
  const parts = [publication.citation, ...(quote === null ? [] : [values.quote(quote)]), ...(note === null ? [] : [values.note(noteText(note, lang))])];
  return withLine({ publication, quote, note, text: parts.join(words.semicolon) });
}

/** The source numbered `ref`, its parts copied: explanations never share an object a caller could change. */
function numbered(ref: number, words: SourceWords): ExplainedSource {
  const { publication, note } = words;
  return {
    ref,
    parameter: words.parameter,
    label: words.label,
    value: words.value,
    status: words.status,
    publication: publication === null ? null : { ...publication },
    quote: words.quote,
    note: note === null ? null : { ...note },
    text: words.text,
  };
}

/** A cited parameter as an explanation shows it; `npm run tables` (.ci/tables.ts) shows the bundled ones the same way. */
export function explainSource(citation: Citation, ref: number, lang: Language, attributes?: AttributeDeclarations): ExplainedSource {
  return numbered(ref, sourceWords(citation, lang, attributes));
}

/**
 * The citations of the engine's results in words, by language. A citation the engine made is
 * frozen and belongs to its compiled policy, so it is put into words once, and the words live
 * no longer than the policy.
 */
const wordsOfCitation = new WeakMap<Citation, Partial<Record<Language, SourceWords>>>();

/** Frozen, through and through: the words are shared by every explanation that cites the parameter. */
function ownSourceWords(citation: Citation, lang: Language): SourceWords {
  let byLanguage = wordsOfCitation.get(citation);
  if (byLanguage === undefined) wordsOfCitation.set(citation, (byLanguage = {}));
  return (byLanguage[lang] ??= deepFreeze(sourceWords(citation, lang, undefined)));
}

/**
 * What an explanation's lines cite: the sources, numbered in the order first cited, and each
 * line's refs, with the text {@link explain} prints for both. Never changed: the engine's lines
 * cite lists it shares, so one is made for each order of those lists and shared by every claim
 * whose lines cite them so (see {@link citedBy}); what is given out is copied.
 */
export interface Cited {
  readonly sources: readonly SourceWords[];
  /** Each line's refs, in the lines' order. */
  readonly refs: readonly (readonly number[])[];
  /** Each line's refs as text after its summary, e.g. ` [4][3]`; empty for a line that cites nothing. */
  readonly refsText: readonly string[];
  /** The sources in the text, a heading and one line each; empty when there are none. */
  readonly text: string;
}

const NOTHING_CITED: Cited = { sources: [], refs: [], refsText: [], text: '' };

/**
 * What `lines` cite, in their order: the sources in the order first cited, a source's ref its
 * place, from 1 (see {@link Cited}). `own`: the citations are the engine's, whose words may be
 * kept (see {@link wordsOfCitation}).
 */
function cite(lines: readonly BenefitLine[], lang: Language, own: boolean): Cited {
  const sources: SourceWords[] = [];
  const refs = new Array<readonly number[]>(lines.length);
  const refsText = new Array<string>(lines.length);
  const { explain: words } = locales[lang];
  // Lines joined once: a flat string, which explain's join copies whole.
  const text = [`${words.sources}${words.colon.trimEnd()}`];
  for (let line = 0; line < lines.length; line += 1) {
    const cited = lines[line]!.citations;
    const numbers = new Array<number>(cited.length);
    let shown = '';
    for (let at = 0; at < cited.length; at += 1) {
      const citation = cited[at]!;
      let ref = sources.findIndex((source) => source.parameter === citation.parameter) + 1;
      if (ref === 0) {
        ref = sources.push(own ? ownSourceWords(citation, lang) : sourceWords(citation, lang, undefined));
        text.push(`  [${ref}] ${sources[ref - 1]!.line}`);
      }
      shown += `[${(numbers[at] = ref)}]`;
    }
    refs[line] = numbers;
    refsText[line] = shown === '' ? '' : ` ${shown}`;
  }
  return { sources, refs, refsText, text: sources.length === 0 ? '' : text.join('\n') };
}

/** A node of the cache of {@link Cited}: for the lines so far, and by the next line's citations. */
interface CitedNode {
  cited: Cited | undefined;
  next: WeakMap<readonly Citation[], CitedNode> | undefined;
}

/** By language, then by each line's list of citations in turn; it lives no longer than the policies whose lists it keys. */
const citedCache: Record<Language, WeakMap<readonly Citation[], CitedNode>> = { zh: new WeakMap(), en: new WeakMap() };

/**
 * What `lines` cite. `own`: they are the engine's, whose lists of citations are shared and
 * frozen, so what they cite is looked up by those lists (made once for each order of them);
 * a caller's lines are cited afresh.
 */
function citedBy(lines: readonly BenefitLine[], lang: Language, own: boolean): Cited {
  if (lines.length === 0) return NOTHING_CITED;
  if (!own) return cite(lines, lang, false);
  let map = citedCache[lang];
  let node: CitedNode | undefined;
  for (let at = 0; at < lines.length; at += 1) {
    const key = lines[at]!.citations;
    node = map.get(key);
    if (node === undefined) map.set(key, (node = { cited: undefined, next: undefined }));
    if (at + 1 < lines.length) map = node.next ??= new WeakMap();
  }
  return (node!.cited ??= cite(lines, lang, true));
}

function capCut(line: BenefitLine, lang: Language): string | null {
  if (line.cappedBy === null) return null;
  // The member's history sets no limit of its own: its step says what it took and why.
  if (line.cappedBy === 'oncePerYears' || line.cappedBy === 'sameEvent') {
    for (let at = 0; at < line.steps.length; at += 1) if (line.steps[at]!.key === line.cappedBy) return line.steps[at]!.label[lang];
    return null;
  }
  if (line.cappedBy === 'otherPayments') return locales[lang].explain.othersCut({ cut: line.amountBeforeCaps.minus(line.amount).toFixed(2) });
  const path = line.cappedBy === 'maximumSubsidy' ? 'ceilings.maximumSubsidy' : `benefits.${line.benefit}.caps.${line.cappedBy}`;
  const limit = line.citations.find((citation) => citation.parameter === path)?.value;
  return locales[lang].explain.capped({
    cap: locales[lang].terms[line.cappedBy] ?? line.cappedBy,
    // A cap is an amount, which the policy holds as a two-decimal string.
    limit: String(limit),
    cut: line.amountBeforeCaps.minus(line.amount).toFixed(2),
  });
}

/**
 * A line in words. With `text`, writes it there as {@link explain} prints it, `number` and
 * `refsText` heading it, and gives nothing: explain makes no object it would only read. Else
 * gives it as data, `refs` copied: an explanation never shares an object a caller could change.
 */
function explainLine(line: BenefitLine, lang: Language, refs: readonly number[], text: string[] | null, number = 0, refsText = ''): ExplainedLine | undefined {
  const words = locales[lang].explain;
  const label = line.label[lang] + (line.illustrative ? ILLUSTRATIVE_MARK : '');
  const amount = Line.amountText(line);
  // The line in one sentence is its last step that computes rather than adjusts.
  let computing = line.steps.length - 1;
  while (computing >= 0 && ADJUSTMENTS.has(line.steps[computing]!.key)) computing -= 1;
  let main = computing >= 0 ? '' : `${amount} ${locales[lang].units.yuan}`;
  // The heading's place: it is written when the steps have given the summary.
  const heading = text === null ? 0 : text.push('') - 1;
  // By index, a list of its exact length: a line's list of steps is frozen (see `sentences`), and one grown by `push` holds 17 slots.
  const steps = text === null ? new Array<ExplainedLine['steps'][number]>(line.steps.length) : undefined;
  for (let at = 0; at < line.steps.length; at += 1) {
    const step = line.steps[at]!;
    const statement = statementIn(step, lang);
    if (at === computing) main = statement;
    if (steps === undefined) text!.push(stepText(step.label[lang], words.colon, statement));
    else steps[at] = { label: step.label[lang], statement };
  }
  const cut = capCut(line, lang);
  const afterCut = cut === null ? '' : `${words.semicolon}${cut}${words.semicolon}${words.net({ amount })}`;
  const summary = `${label}${words.colon}${main}${afterCut}`;
  if (steps === undefined) {
    text![heading] = lineText(number, summary, refsText);
    return undefined;
  }
  return { benefit: line.benefit, label, amount, illustrative: line.illustrative, summary, steps, cut, sources: refs.slice() };
}

/** The headings of the engine's policy references (frozen, one per policy), by language. */
const headings = new WeakMap<PolicyRef, Partial<Record<Language, string>>>();

/** `own`: the reference is the engine's, whose heading may be kept. */
function heading(policy: PolicyRef, lang: Language, own = false): string {
  const write = () => locales[lang].explain.policy({ name: policy.name[lang], scheme: policy.scheme, year: policy.year });
  if (!own) return write();
  let byLanguage = headings.get(policy);
  if (byLanguage === undefined) headings.set(policy, (byLanguage = {}));
  return (byLanguage[lang] ??= write());
}

function marked(text: string, illustrative: boolean): string {
  return illustrative ? `${text}${ILLUSTRATIVE_MARK}` : text;
}

function money(amount: Decimal): string {
  return amount.toFixed(2);
}

/** Warnings the explanation shows in place instead: illustrative figures are marked. */
const CLAIM_NOTES_ELSEWHERE: readonly MessageCode[] = ['ILLUSTRATIVE_PARAMETER'];
/** …and a condolence's outcome gives its range. */
const CONDOLENCE_NOTES_ELSEWHERE: readonly MessageCode[] = ['ILLUSTRATIVE_PARAMETER', 'DECIDED_ON_APPLICATION'];
/** A cut is told on its line, so the reasons keep only what refused the claim or a benefit. */
const TOLD_ON_LINES: readonly MessageCode[] = ['CAP_REACHED'];

/**
 * An explanation as it is made: the sources are the words of each cited parameter, numbered
 * by their place and shared (an engine's citation is put into words once), so only what is
 * given out is copied ({@link buildExplanation}); {@link explain} writes the text from this.
 */
export interface Draft extends Omit<Explanation, 'sources' | 'parts'> {
  readonly cited: Cited;
  readonly parts: readonly Draft[];
}

/** A claim in words. With `text`, writes it there as {@link explain} prints it and gives nothing (see {@link explainLine}); else gives its draft. */
export function explainClaim(result: ClaimResult, lang: Language, own: boolean, text: string[] | null = null): Draft | undefined {
  const words = locales[lang].explain;
  // A line of the engine's own result is read without being kept on it: explaining leaves the result as it was.
  const resultLines = own ? SettledClaim.linesOf(result as SettledClaim) : result.lines;
  const cited = citedBy(resultLines, lang, own);
  const title = words.claim({ claimId: result.claimId, kind: result.kind, date: result.eventDate });
  const policy = heading(result.policy, lang, own);
  const outcome = result.eligible ? marked(words.paid({ amount: SettledClaim.totalText(result) }), result.illustrative) : words.refused;
  if (text !== null) {
    headText(text, title, policy, outcome);
    for (let at = 0; at < resultLines.length; at += 1) explainLine(resultLines[at]!, lang, cited.refs[at]!, text, at + 1, cited.refsText[at]!);
    tailText(text, words, sentences(result.reasons, lang, TOLD_ON_LINES), sentences(result.warnings, lang, CLAIM_NOTES_ELSEWHERE), cited.text);
    return undefined;
  }
  const lines = new Array<ExplainedLine>(resultLines.length);
  for (let at = 0; at < resultLines.length; at += 1) lines[at] = explainLine(resultLines[at]!, lang, cited.refs[at]!, null)!;
  return {
    lang,
    kind: 'claim',
    title,
    policy,
    outcome,
    lines,
    reasons: sentences(result.reasons, lang, TOLD_ON_LINES),
    warnings: sentences(result.warnings, lang, CLAIM_NOTES_ELSEWHERE),
    cited,
    illustrative: result.illustrative,
    parts: [],
  };
}

function explainCondolence(result: CondolenceResult, lang: Language): Draft {
  const words = locales[lang].explain;
  const cited = citedBy(result.line === null ? [] : [result.line], lang, false);
  const lines = result.line === null ? [] : [explainLine(result.line, lang, cited.refs[0]!, null)!];
  const outcome = !result.eligible
    ? words.notQualified
    : result.amount !== null
      ? words.awarded({ amount: money(result.amount) })
      : words.range({ min: money(result.range!.min), max: money(result.range!.max) });
  return {
    lang,
    kind: 'condolence',
    title: words.stay({ stayId: result.stayId, date: result.eventDate }),
    policy: heading(result.policy, lang),
    outcome: marked(outcome, result.illustrative),
    lines,
    reasons: sentences(result.reasons, lang),
    warnings: sentences(result.warnings, lang, CONDOLENCE_NOTES_ELSEWHERE),
    cited,
    illustrative: result.illustrative,
    parts: [],
  };
}

/** An explanation made of parts, one per claim: a year's, under one plan or several. */
function ofParts(lang: Language, kind: 'year' | 'memberYear', title: string, policy: string, outcome: string, illustrative: boolean, parts: Draft[]): Draft {
  return { lang, kind, title, policy, outcome, lines: [], reasons: [], warnings: [], cited: NOTHING_CITED, illustrative, parts };
}

function explainYear(result: YearResult, lang: Language, own: boolean): Draft {
  const words = locales[lang].explain;
  const title = words.year({ memberId: result.memberId, count: result.results.length });
  const outcome = marked(words.paid({ amount: money(result.total) }), result.illustrative);
  return ofParts(lang, 'year', title, heading(result.policy, lang, own), outcome, result.illustrative, result.results.map((claim) => explainClaim(claim, lang, own)!));
}

/** A plan's part of a member's claim, as one line: the plan, what it paid, and what other payments took from it. */
function planLine(plan: ClaimResult, lang: Language): ExplainedLine {
  const words = locales[lang].explain;
  const { name, scheme, year } = plan.policy;
  const label = marked(name[lang], plan.illustrative);
  const amount = money(plan.total);
  let deducted: Decimal | undefined;
  for (let at = 0; at < plan.lines.length; at += 1) {
    const line = plan.lines[at]!;
    if (line.cappedBy !== 'otherPayments') continue;
    const cut = line.amountBeforeCaps.minus(line.amount);
    deducted = deducted === undefined ? cut : deducted.plus(cut);
  }
  const cut = deducted === undefined ? null : words.othersCut({ cut: money(deducted) });
  const said = plan.eligible ? words.planPaid({ name: label, scheme, year, amount }) : words.planRefused({ name: label, scheme, year });
  return { benefit: scheme, label, amount, illustrative: plan.illustrative, summary: cut === null ? said : `${said}${words.semicolon}${cut}`, steps: [], cut, sources: [] };
}

function explainMemberClaim(result: MemberClaimResult, lang: Language, own: boolean): Draft {
  const words = locales[lang].explain;
  const names = result.plans.map(({ policy }) => words.planName({ name: policy.name[lang], scheme: policy.scheme, year: policy.year }));
  return {
    lang,
    kind: 'memberClaim',
    title: words.memberClaim({ claimId: result.claimId, kind: result.kind, date: result.date, memberId: result.memberId }),
    policy: words.plans({ plans: names.join(locales[lang].values.listSeparator) }),
    outcome: result.eligible ? marked(words.paidInAll({ amount: money(result.total) }), result.illustrative) : words.refused,
    lines: result.plans.map((plan) => planLine(plan, lang)),
    reasons: sentences(result.reasons, lang),
    warnings: [],
    cited: NOTHING_CITED,
    illustrative: result.illustrative,
    parts: result.plans.map((plan) => explainClaim(plan, lang, own)!),
  };
}

function explainMemberYear(result: MemberYearResult, lang: Language, own: boolean): Draft {
  const words = locales[lang].explain;
  const title = words.memberYear({ memberId: result.memberId, count: result.results.length });
  const outcome = marked(words.paidInAll({ amount: money(result.total) }), result.illustrative);
  // Each claim names its plans: the year has no one policy.
  return ofParts(lang, 'memberYear', title, '', outcome, result.illustrative, result.results.map((claim) => explainMemberClaim(claim, lang, own)));
}

/**
 * Put a claim, year or condolence result into words, as data a UI can lay out.
 *
 * Each benefit line gets a one-sentence summary with its arithmetic and units
 * (`住院补贴：50.00 元/天 × 10 天 = 500.00 元`), its steps, the ceiling that cut it and by how
 * much, and references to the sources of the parameters it used. Each source gives its value in
 * words (`不超过 50,000 元的部分 50%，超过部分 60%`), where it was published (publisher, date, title,
 * and the citation a reader would write), the words it quotes, and its note with the language the
 * note is in: a note the policy gives only in the other language is shown marked as such. Every
 * figure that rests on an illustrative (unpublished) parameter carries the mark `※`.
 * {@link explain} renders this as text.
 *
 * @category Explanation
 *
 * @param result - what {@link evaluateClaim}, {@link evaluateYear} or {@link evaluateCondolence} returned
 * @param options - `lang`: `'zh'` (the default) or `'en'`
 * @returns the explanation, in the chosen language
 * @throws {InvalidInputError} when `result` is not a huzhu result or `options` is invalid
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const death = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
 * const explanation = buildExplanation(evaluateClaim(policies.guangxi[2024], member, death), { lang: 'en' });
 * [explanation.outcome, explanation.lines[0].summary]
 * //=> ['Pays 10000.00 yuan', 'Death benefit: 10000.00 yuan']
 */
export function buildExplanation(result: Explainable, options?: ExplainOptions): Explanation {
  return givenOut(draftOf(result, acceptExplainable(result, options)));
}

/** The explanation of a result accepted as explainable, as made: see {@link Draft}. */
export function draftOf(result: Explainable, { kind, lang, own }: AcceptedExplainable): Draft {
  if (kind === 'year') return explainYear(result as YearResult, lang, own);
  if (kind === 'memberClaim') return explainMemberClaim(result as MemberClaimResult, lang, own);
  if (kind === 'memberYear') return explainMemberYear(result as MemberYearResult, lang, own);
  if (kind === 'condolence') return explainCondolence(result as CondolenceResult, lang);
  return explainClaim(result as ClaimResult, lang, own)!;
}

/** A draft with its sources numbered and copied: explanations never share an object a caller could change. */
function givenOut(draft: Draft): Explanation {
  // In the order of Explanation's fields, as JSON shows them.
  const { lang, kind, title, policy, outcome, lines, reasons, warnings, cited, illustrative, parts } = draft;
  const sources = cited.sources.map((words, at) => numbered(at + 1, words));
  return { lang, kind, title, policy, outcome, lines, reasons, warnings, sources, illustrative, parts: parts.map(givenOut) };
}
