import { definePolicy } from '../definePolicy';
import { published, USUAL_CONVENTIONS, WORKERS_DAILY_2025_04 } from './_provenance';

/** Xining (Qinghai) employee medical mutual aid, protection year 2024: contributions only. */
export const xining2024 = definePolicy({
  scheme: 'xining',
  year: 2024,
  name: { zh: '西宁市职工医疗互助保障（2024年度）', en: 'Xining employee medical mutual aid, protection year 2024' },
  validFrom: '2024-01-01',
  validTo: '2024-12-31',
  conventions: USUAL_CONVENTIONS,
  eligibility: { requiredFlags: [] },
  benefits: [],
  ceilings: {},
  contribution: {
    perMember: {
      value: '100.00',
      label: { zh: '互助金（每人每年）', en: 'Yearly contribution per member' },
      provenance: published(
        WORKERS_DAILY_2025_04,
        '参保职工81614人,互保金总额达816.14万元',
        {
          zh: '推算：816.14 万元 ÷ 81,614 人 = 每人 100 元整；为 6,550 名新就业形态劳动者投入 65.5 万元，与此相符。',
          en: 'Derived: 8,161,400 yuan / 81,614 members = 100 yuan exactly; 655,000 yuan for 6,550 gig workers agrees.',
        },
      ),
    },
    payers: {
      value: [
        { flag: 'hardship', payer: 'publicFunds' },
        { flag: 'gigWorker', payer: 'union' },
      ],
      label: { zh: '代缴规则', en: 'Who pays for whom' },
      provenance: published(
        WORKERS_DAILY_2025_04,
        '对建档立卡的80名困难职工,由财政专项帮扶资金统一代缴参保金……投入专项资金65.5万元,为全市6550名新就业形态劳动者赠送医疗互助保险',
      ),
    },
    defaultPayer: 'memberOrUnit',
  },
  notes: [
    {
      zh: '西宁的补助标准未公布，本版本只含缴费规则；保障年度按自然年计（系假定）。',
      en: 'Xining benefit rules are not published, so this version holds the contribution rules only; the protection year is taken to be the calendar year (assumed).',
    },
  ],
});
