import type { Label } from './policySchema';
import { en } from './locales/en';
import type { Locale, MessageCode, MessageParams, ResolvedParams, StepKey } from './locales/types';
import { zh } from './locales/zh';

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
 * A message, frozen: results share messages, so lists of them need only be frozen themselves.
 * Its parameters are strings, numbers and labels of a frozen policy.
 */
export function message(code: MessageCode, params: MessageParams): Message {
  const text = Object.freeze({ zh: zh.messages[code](resolve(params, 'zh')), en: en.messages[code](resolve(params, 'en')) });
  return Object.freeze({ code, params: Object.freeze(params), message: text });
}

/** A step's label in both languages, frozen: steps that read the same share it. */
export function stepLabel(key: StepKey, params: MessageParams): Label {
  return Object.freeze({ zh: zh.steps[key](resolve(params, 'zh')), en: en.steps[key](resolve(params, 'en')) });
}

/** Sets of parameters a formula's labels are kept for: more means parameters that vary claim by claim. */
const KEPT_LABELS = 64;

/**
 * The labels of one compiled formula's steps, each made once for its parameters and shared by
 * every step that reads the same: a step's label depends on the policy, rarely on the claim.
 * `id` names the parameters (the step's key among them); past {@link KEPT_LABELS} of them the
 * labels are made afresh, so the memory stays bounded by the policy, not by the claims.
 */
export class StepLabels {
  readonly #made = new Map<string, Label>();

  of(key: StepKey, params: MessageParams, id: string): Label {
    let label = this.#made.get(id);
    if (label === undefined) {
      label = stepLabel(key, params);
      if (this.#made.size < KEPT_LABELS) this.#made.set(id, label);
    }
    return label;
  }
}

const NO_PARAMS: MessageParams = Object.freeze({});
const fixedLabels = new StepLabels();

/** The label of a step whose wording takes no parameters, e.g. `deductible`: one object for every step. */
export function fixedLabel(key: StepKey): Label {
  return fixedLabels.of(key, NO_PARAMS, key);
}

/** Joined, not a template literal: a step keeps its statement, and one flat string costs less to keep than a tree of pieces. */
function statementIn(locale: Locale, key: StepKey, expression: string, value: string, params: ResolvedParams): string {
  const yuan = locale.units.yuan;
  switch (key) {
    case 'base':
    case 'lumpSum':
      return [value, yuan].join(' ');
    case 'days':
    case 'paidDays':
      return [expression, '=', value, locale.units.days].join(' ');
    case 'perDay':
      return [locale.units.perDay(params), '=', value, yuan].join(' ');
    case 'bracket':
    case 'rounding':
    case 'belowThreshold':
    case 'aboveTopBracket':
    case 'gradeNotListed':
    case 'classNotListed':
    case 'oncePerYears':
      return [expression, '→', value, yuan].join(' ');
    case 'condition':
      return [expression, '→', value].join(' ');
    case 'preExisting':
    case 'notPreExisting':
      return expression;
    default:
      return [expression, '=', value, yuan].join(' ');
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
