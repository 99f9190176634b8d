import { amountText, percentNumber } from './locales/numbers';
import { locales } from './locales/explaining';
import type { Language } from './messages';
import type { AttributeDeclarations } from './conditionSchema';
import type { Payer, MemberFlag, Publication, SomeLanguages } from './policySchema';

type Band = { readonly upTo?: string; readonly upToIncluded?: boolean; readonly ratio: string };
type Bracket = { readonly from: string; readonly to?: string; readonly toIncluded?: boolean; readonly amount?: string; readonly min?: string; readonly max?: string };
type PayerRule = { readonly flag: MemberFlag; readonly payer: Payer };

const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

function yuan(amount: string, lang: Language): string {
  return locales[lang].values.yuan(amountText(amount));
}

function percent(ratio: string, lang: Language): string {
  return locales[lang].values.percent(percentNumber(ratio));
}

function bands(value: readonly Band[], lang: Language): string {
  const { tier: words, tierSeparator, notIncluded } = locales[lang].values;
  return value
    .map((tier, index) => {
      const ratio = percent(tier.ratio, lang);
      const from = value[index - 1]?.upTo;
      if (tier.upTo === undefined) return from === undefined ? words.only(ratio) : words.last(ratio, amountText(from));
      const upTo = `${amountText(tier.upTo)}${tier.upToIncluded === false ? notIncluded : ''}`;
      return from === undefined ? words.first(ratio, upTo) : words.between(ratio, amountText(from), upTo);
    })
    .join(tierSeparator);
}

/** Consecutive grades with the same share read as one group: `grades 1–2: 100 %`. */
function shares(value: Readonly<Partial<Record<(typeof GRADES)[number], string>>>, lang: Language): string {
  const words = locales[lang].values;
  const groups: { first: string; last: string; share: string }[] = [];
  for (const grade of GRADES) {
    const share = value[grade];
    if (share === undefined) continue;
    const group = groups.at(-1);
    if (group !== undefined && group.share === share && Number(group.last) === Number(grade) - 1) group.last = grade;
    else groups.push({ first: grade, last: grade, share });
  }
  const listed = groups.map((g) => words.grades(g.first, g.last, percent(g.share, lang))).join(words.listSeparator);
  const others = GRADES.every((grade) => value[grade] !== undefined) ? '' : `${words.listSeparator}${words.otherGradesNothing}`;
  return `${listed}${others}`;
}

function brackets(value: readonly Bracket[], lang: Language): string {
  const { values: words, explain } = locales[lang];
  return value
    .map((b) => {
      const from = amountText(b.from);
      const range = b.to === undefined ? words.bracketFrom(from) : words.bracketBetween(from, amountText(b.to));
      const pays = b.amount === undefined ? words.decidedOnApplication(amountText(b.min!), amountText(b.max!)) : yuan(b.amount, lang);
      return `${range}${b.toIncluded === true ? words.included : ''}${explain.colon}${pays}`;
    })
    .join(explain.semicolon);
}

/** Amounts by class of condition, by the classes' ids: `class-1: 6,000 yuan; class-2: 3,000 yuan`. */
function amounts(value: Readonly<Record<string, string>>, lang: Language): string {
  const { explain } = locales[lang];
  return Object.entries(value).map(([id, amount]) => `${id}${explain.colon}${yuan(amount, lang)}`).join(explain.semicolon);
}

function payers(value: readonly PayerRule[], lang: Language, attributes?: AttributeDeclarations): string {
  const { values: words, explain } = locales[lang];
  if (value.length === 0) return words.noPayerRules;
  // A flag reads as the label the policy declares for it, when the policy is at hand.
  return value.map((rule) => `${attributes?.member?.[rule.flag]?.label[lang] ?? rule.flag}${explain.colon}${words.payer[rule.payer]}`).join(explain.semicolon);
}

/**
 * How each parameter reads, by its key (the last part of its path, e.g. `tiers` in
 * `benefits.hospitalisation.formula.tiers`): the policy schema gives every key one kind of value.
 */
const WRITERS: Record<string, (value: never, lang: Language, attributes?: AttributeDeclarations) => string> = {
  deductible: yuan,
  amount: yuan,
  maximum: yuan,
  perClaim: yuan,
  perYear: yuan,
  maximumSubsidy: yuan,
  perMember: yuan,
  halfYear: yuan,
  threshold: yuan,
  bands,
  shares,
  brackets,
  amounts,
  ratio: percent,
  firstPaidDay: (value: number, lang) => locales[lang].values.firstPaidDay(value),
  maxDays: (value: number, lang) => locales[lang].values.maxDays(value),
  maxDaysPerYear: (value: number, lang) => locales[lang].values.count(value, 'daysAYear'),
  claimsPerYear: (value: number, lang) => locales[lang].values.count(value, 'claimsAYear'),
  maxPaidStays: (value: number, lang) => locales[lang].values.count(value, 'staysAYear'),
  oncePerYears: (value: number, lang) => locales[lang].values.count(value, 'onceInYears'),
  days: (value: number, lang) => locales[lang].values.count(value, 'days'),
  waivedIfRenewedWithin: (value: number, lang) => locales[lang].values.count(value, 'days'),
  daysAfter: (value: number, lang) => locales[lang].values.count(value, 'days'),
  nextYearOn: (value: string, lang) => locales[lang].values.nextYearOn(value),
  window: (value: { from: string; to: string }, lang) => locales[lang].values.dateRange(value.from, value.to),
  payers,
  maxShares: (value: number, lang) => locales[lang].values.count(value, 'sharesAMember'),
};

/**
 * A parameter's value as prose in one language: `50 % up to 50,000 yuan; 60 % above`. The one
 * place values are put into words, for explanations and the README's parameter table alike.
 */
export function describeValue(parameter: string, value: unknown, lang: Language, attributes?: AttributeDeclarations): string {
  // A variant reads as its parameter: `…deductible.variants[0]` is a deductible.
  const own = parameter.replace(/\.variants\[\d+\]$/, '');
  const key = own.slice(own.lastIndexOf('.') + 1);
  const write = WRITERS[key];
  if (write === undefined) throw new Error(`huzhu has no wording for the parameter "${parameter}"`);
  return write(value as never, lang, attributes);
}

/** A published source named as a reader cites it, with its parts for a UI. */
export interface ExplainedPublication {
  readonly publisher: string | null;
  /** As the policy gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string | null;
  readonly title: string | null;
  readonly url: string | null;
  /** `《桂林日报》2023年11月，“…”` / `Guilin Daily, November 2023, “…”`. */
  readonly citation: string;
}

function dateText(date: string, lang: Language): string {
  const [year, month, day] = date.split('-') as [string, string?, string?];
  return locales[lang].values.date(year, month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
}

/** Cites a source; a plain-text source, as huzhu 0.2 rule files have it, is shown as written. */
export function citePublication(source: Publication | string, lang: Language): ExplainedPublication {
  if (typeof source === 'string') return { publisher: null, date: null, title: null, url: null, citation: source };
  // A publisher's name needs no "only in" mark: a name reads the same in any text.
  const publisher = inLanguage(source.publisher, lang).text;
  return {
    publisher,
    date: source.date,
    title: source.title ?? null,
    url: source.url ?? null,
    citation: locales[lang].values.citation(publisher, dateText(source.date, lang), source.title),
  };
}

/** A note as written, and the language it is written in. */
export interface ExplainedNote {
  readonly text: string;
  readonly lang: Language;
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * A text in the chosen language when it has one, else in the other. A plain string (huzhu 0.2)
 * is taken to be in the language most of its letters are in: Chinese when it has more Han
 * characters than Latin letters.
 */
export function inLanguage(text: SomeLanguages | string, lang: Language): ExplainedNote {
  if (typeof text === 'string') {
    const zh = (text.match(HAN)?.length ?? 0) > (text.match(LATIN)?.length ?? 0);
    return { text, lang: zh ? 'zh' : 'en' };
  }
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  return text[lang] === undefined ? { text: text[other]!, lang: other } : { text: text[lang], lang };
}

/** A note in the chosen language, or in the other one marked as such. */
export function noteText(note: ExplainedNote, lang: Language): string {
  return note.lang === lang ? note.text : `${note.text}${locales[lang].values.onlyInOther}`;
}
