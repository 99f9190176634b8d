import type { Label } from './policySchema';
import { en, enMembership } from './locales/en';
import type { Locale, MembershipCode, MessageCode, MessageParams, MessageWording, ResolvedParams, StepKey } from './locales/types';
import { zh, zhMembership } from './locales/zh';

export type { MessageCode, MessageParams, ResolvedParams, StepKey };

/** A language huzhu writes in. */
export type Language = keyof Label;

export const LANGUAGES = ['zh', 'en'] as const satisfies readonly Language[];

export const locales: Readonly<Record<Language, Locale>> = { zh, en };

/** A code with its parameters and the sentence for it in both languages. */
export interface Message {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly message: Label;
}

/** The parameters in one language; most have no label, and are then their own resolution. */
function resolve(params: MessageParams, lang: Language): ResolvedParams {
  for (const key in params) {
    if (typeof params[key] === 'object') {
      return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value]));
    }
  }
  return params as ResolvedParams;
}

/**
 * A message, frozen, in the wording of `zhWords` and `enWords`: results share messages, so
 * lists of them need only be frozen themselves. Its parameters are strings, numbers and
 * labels of a frozen policy.
 */
function written<C extends MessageCode>(zhWords: MessageWording<C>, enWords: MessageWording<C>, code: C, params: MessageParams): Message {
  const text = Object.freeze({ zh: zhWords[code](resolve(params, 'zh')), en: enWords[code](resolve(params, 'en')) });
  return Object.freeze({ code, params: Object.freeze(params), message: text });
}

/** A message of a claim's settlement, frozen (see {@link written}). */
export function message(code: Exclude<MessageCode, MembershipCode>, params: MessageParams): Message {
  return written(zh.messages, en.messages, code, params);
}

/**
 * A message of enrolment, contributions or a member's plans, frozen: a function of its own, so
 * that a program that only settles claims leaves their wording out (docs/benchmarks.md, "Bundle sizes").
 */
export function membershipMessage(code: MembershipCode, params: MessageParams): Message {
  return written(zhMembership, enMembership, code, params);
}

/** A step's label in both languages, frozen: steps that read the same share it. */
export function stepLabel(key: StepKey, params: MessageParams): Label {
  return Object.freeze({ zh: zh.steps[key](resolve(params, 'zh')), en: en.steps[key](resolve(params, 'en')) });
}

/** What a {@link MadeOnce} keeps: more means ids that vary claim by claim. */
const KEPT = 64;

/**
 * What a compiled formula makes for its steps (a label, a kind of step), made once for each id
 * (a grade, a bracket's lower edge, a rounding mode) and shared by every step that reads the
 * same: a step's label depends on the policy, rarely on the claim. Past {@link KEPT} ids they
 * are made afresh, so the memory stays bounded by the policy, not by the claims.
 */
export class MadeOnce<I, T> {
  readonly #made = new Map<I, T>();

  constructor(private readonly make: (id: I) => T) {}

  of(id: I): T {
    let made = this.#made.get(id);
    if (made === undefined) {
      made = this.make(id);
      if (this.#made.size < KEPT) this.#made.set(id, made);
    }
    return made;
  }
}

const NO_PARAMS: MessageParams = Object.freeze({});
const fixedLabels = new Map<StepKey, Label>();

/** The label of a step whose wording takes no parameters, e.g. `deductible`: one object for every step. */
export function fixedLabel(key: StepKey): Label {
  let label = fixedLabels.get(key);
  if (label === undefined) fixedLabels.set(key, (label = stepLabel(key, NO_PARAMS)));
  return label;
}

/** A step's arithmetic and result with units, written when a step is read: a step keeps its figures, not this text. */
function statementIn(locale: Locale, key: StepKey, expression: string, value: string, params: ResolvedParams): string {
  const yuan = locale.units.yuan;
  switch (key) {
    case 'base':
    case 'lumpSum':
      return `${value} ${yuan}`;
    case 'days':
    case 'paidDays':
      return `${expression} = ${value} ${locale.units.days}`;
    case 'perDay':
      return `${locale.units.perDay(params)} = ${value} ${yuan}`;
    case 'bracket':
    case 'rounding':
    case 'belowThreshold':
    case 'aboveTopBracket':
    case 'gradeNotListed':
    case 'classNotListed':
    case 'oncePerYears':
      return `${expression} → ${value} ${yuan}`;
    case 'condition':
      return `${expression} → ${value}`;
    case 'preExisting':
    case 'notPreExisting':
      return expression;
    default:
      return `${expression} = ${value} ${yuan}`;
  }
}

/** A step's arithmetic and result with units in one language. */
export function stepStatementIn(lang: Language, key: StepKey, expression: string, value: string, params: ResolvedParams): string {
  return statementIn(locales[lang], key, expression, value, params);
}

/**
 * A step's arithmetic and result with units, e.g. `50.00 元/天 × 10 天 = 500.00 元`, frozen.
 * `params` are the figures the `perDay` statement writes (the daily amount and the days).
 */
export function stepStatement(key: StepKey, expression: string, value: string, params: ResolvedParams): Label {
  return Object.freeze({ zh: statementIn(zh, key, expression, value, params), en: statementIn(en, key, expression, value, params) });
}
