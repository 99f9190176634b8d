import type { Provenance, Publication, SomeLanguages } from '../_lib/policySchema';

/**
 * Guilin Daily (桂林日报), November 2023, reporter 陈娟: protection year 2024 of the Guangxi plan
 * and the Guilin condolence payment. The article gives no day; it was written in late November.
 */
export const GUILIN_DAILY_2023_11: Publication = {
  publisher: { zh: '桂林日报', en: 'Guilin Daily' },
  date: '2023-11',
  title: '我市2024年度职工医疗互助保障参保工作正在进行',
};

/** Workers' Daily (工人日报), April 2025, reporter 邢生祥: Xining's mutual aid in 2024. */
export const WORKERS_DAILY_2025_04: Publication = {
  publisher: { zh: '工人日报', en: "Workers' Daily" },
  date: '2025-04',
  title: '西宁市总做实做优职工医疗互助品牌',
};

export function published(source: Publication, quote: string, note?: SomeLanguages): Provenance {
  return note === undefined ? { status: 'published', source, quote } : { status: 'published', source, quote, note };
}

export function illustrative(note: SomeLanguages): Provenance {
  return { status: 'illustrative', note };
}

/** The conventions the domain brief names as usual; a bundled policy that adopts them says so in its notes. */
export const USUAL_CONVENTIONS = {
  yearBy: 'admission',
  dayCount: 'excludeDischargeDay',
  rounding: { mode: 'halfUp', at: 'eachLine' },
} as const;
