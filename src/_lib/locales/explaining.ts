// The locales with the wording of explanations, for the modules that explain. The engine reads
// the messages and steps alone (`locales` of ../messages), so that a program that only settles
// claims does not bundle this wording (docs/benchmarks.md, "Bundle sizes").
import type { Language } from '../messages';
import { en } from './en';
import { enExplain } from './enExplain';
import type { ExplainLocale, Locale } from './types';
import { zh } from './zh';
import { zhExplain } from './zhExplain';

export const locales: Readonly<Record<Language, Locale & ExplainLocale>> = { zh: { ...zh, ...zhExplain }, en: { ...en, ...enExplain } };
