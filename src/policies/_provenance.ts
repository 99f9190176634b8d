import type { Provenance } from '../_lib/policySchema';

/** The Guilin Daily article of November 2023 on protection year 2024 (shared/sources). */
export const GUILIN_DAILY_2023_11 =
  '桂林日报 Guilin Daily, November 2023, 《我市2024年度职工医疗互助保障参保工作正在进行》 (huzhu shared/sources/guilin-daily-2023-11-mutual-aid-2024.txt)';

/** The Workers' Daily report of 9 August 2024 on the Guilin condolence payment, as quoted in huzhu's domain brief. */
export const WORKERS_DAILY_2024_08_09 = "工人日报 Workers' Daily, 9 August 2024, report on the Guilin condolence payment (quoted in huzhu shared/domain.md)";

/** The Workers' Daily report of April 2025 on Xining (shared/sources). */
export const WORKERS_DAILY_2025_04 =
  "工人日报 Workers' Daily, April 2025, 《西宁市总做实做优职工医疗互助品牌》 (huzhu shared/sources/workers-daily-2025-04-xining-jinchang.txt)";

export function published(source: string, quote: string, note?: string): Provenance {
  return note === undefined ? { status: 'published', source, quote } : { status: 'published', source, quote, note };
}

export function illustrative(note: string): Provenance {
  return { status: 'illustrative', note };
}

/** The conventions the domain brief names as usual; a bundled policy that adopts them says so in its notes. */
export const USUAL_CONVENTIONS = {
  yearBy: 'admission',
  dayCount: 'excludeDischargeDay',
  rounding: { mode: 'halfUp', at: 'eachLine' },
} as const;
