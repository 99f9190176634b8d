import type { Label } from './policySchema';
import { en } from './locales/en';
import type { Locale, MessageCode, MessageParams, ResolvedParams, StepKey } from './locales/types';
import { zh } from './locales/zh';

export type { MessageCode, MessageParams, StepKey };

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

function resolve(params: MessageParams, lang: Language): ResolvedParams {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'object' ? value[lang] : value]),
  );
}

/**
 * A message, frozen: results share messages, so lists of them need only be frozen themselves.
 * Its parameters are strings, numbers and labels of a frozen policy.
 */
export function message(code: MessageCode, params: MessageParams): Message {
  const text = Object.freeze({ zh: zh.messages[code](resolve(params, 'zh')), en: en.messages[code](resolve(params, 'en')) });
  return Object.freeze({ code, params: Object.freeze(params), message: text });
}

export function stepLabel(key: StepKey, params: MessageParams): Label {
  return { zh: zh.steps[key](resolve(params, 'zh')), en: en.steps[key](resolve(params, 'en')) };
}

function statementIn(locale: Locale, key: StepKey, expression: string, value: string, params: ResolvedParams): string {
  const yuan = `${value} ${locale.units.yuan}`;
  switch (key) {
    case 'base':
    case 'lumpSum':
      return yuan;
    case 'days':
    case 'paidDays':
      return `${expression} = ${value} ${locale.units.days}`;
    case 'perDay':
      return `${locale.units.perDay(params)} = ${yuan}`;
    case 'bracket':
    case 'rounding':
    case 'belowThreshold':
    case 'aboveTopBracket':
    case 'gradeNotListed':
      return `${expression} → ${yuan}`;
    default:
      return `${expression} = ${yuan}`;
  }
}

/** A step's arithmetic and result with units, e.g. `50.00 元/天 × 10 天 = 500.00 元`. */
export function stepStatement(key: StepKey, expression: string, value: string, params: MessageParams): Label {
  return {
    zh: statementIn(zh, key, expression, value, resolve(params, 'zh')),
    en: statementIn(en, key, expression, value, resolve(params, 'en')),
  };
}
