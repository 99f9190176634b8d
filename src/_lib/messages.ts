import type { Label } from './policySchema';
import { en } from './locales/en';
import type { MessageCode, MessageParams, ResolvedParams, StepKey } from './locales/types';
import { zh } from './locales/zh';

export type { MessageCode, MessageParams, StepKey };

/** A code with its parameters and the sentence for it in both languages. */
export interface Message {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly message: Label;
}

function resolve(params: MessageParams, lang: keyof Label): ResolvedParams {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'object' ? value[lang] : value]),
  );
}

export function message(code: MessageCode, params: MessageParams): Message {
  return {
    code,
    params,
    message: { zh: zh.messages[code](resolve(params, 'zh')), en: en.messages[code](resolve(params, 'en')) },
  };
}

export function stepLabel(key: StepKey, params: MessageParams): Label {
  return { zh: zh.steps[key](resolve(params, 'zh')), en: en.steps[key](resolve(params, 'en')) };
}
