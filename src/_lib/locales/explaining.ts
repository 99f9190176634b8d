// The locales with the wording of explanations, for the modules that explain. The engine reads
// the messages and steps alone (`locales` of ../messages), so that a program that only settles
// claims leaves this wording out of its bundle (docs/benchmarks.md, "Bundle sizes").
import type { Language } from '../messages';
import { en, enExplain } from './en';
import type { ExplainLocale, Locale } from './types';
import { zh, zhExplain } from './zh';

export const locales: Readonly<Record<Language, Locale & ExplainLocale>> = { zh: { ...zh, ...zhExplain }, en: { ...en, ...enExplain } };
