import { definePolicy } from '../definePolicy';
import { GUILIN_DAILY_2023_11, illustrative, published, USUAL_CONVENTIONS } from './_provenance';

const UNPUBLISHED_FORMULA = {
  zh: '广西住院补助的计算办法（起付线、分段比例）未见公布；此数值仅为使本办法可用而设，并非官方标准。',
  en: 'The Guangxi hospitalisation subsidy formula (deductible, ratio tiers) is not published in the sources huzhu cites; this value only makes the policy usable and is not official.',
};

/** Guangxi employee medical mutual aid (广西职工医疗互助保障), protection year 2023. */
export const guangxi2023 = definePolicy({
  scheme: 'guangxi',
  year: 2023,
  name: { zh: '广西职工医疗互助保障（2023年度）', en: 'Guangxi employee medical mutual aid, protection year 2023' },
  validFrom: '2023-01-01',
  validTo: '2023-12-31',
  conventions: USUAL_CONVENTIONS,
  eligibility: { requiredFlags: [] },
  benefits: [
    {
      id: 'hospitalisation',
      label: { zh: '住院医疗互助补助', en: 'Hospitalisation subsidy' },
      event: 'hospitalisation',
      formula: {
        kind: 'copay',
        base: 'inScopeCopay',
        deductible: {
          value: '1000.00',
          label: { zh: '住院补助起付线', en: 'Hospitalisation subsidy deductible' },
          provenance: illustrative(UNPUBLISHED_FORMULA),
        },
        tiers: {
          value: [
            { upTo: '50000.00', ratio: '0.5' },
            { ratio: '0.6' },
          ],
          label: { zh: '住院补助分段比例', en: 'Hospitalisation subsidy ratio tiers' },
          provenance: illustrative(UNPUBLISHED_FORMULA),
        },
      },
    },
    {
      id: 'death',
      label: { zh: '身故津贴', en: 'Death benefit' },
      event: 'death',
      formula: {
        kind: 'lumpSum',
        amount: {
          value: '5000.00',
          label: { zh: '身故津贴', en: 'Death benefit' },
          provenance: published(GUILIN_DAILY_2023_11, '将身故津贴从5000元提高到1万元'),
        },
      },
    },
  ],
  ceilings: {
    maximumSubsidy: {
      value: '500000.00',
      label: { zh: '最高补助', en: 'Maximum subsidy per protection year' },
      provenance: published(GUILIN_DAILY_2023_11, '最高补助从50万元提高到100万元'),
    },
  },
  notes: [
    {
      zh: '保障年度按自然年计（未见公布，系假定）；住院按入院日期确定年度，住院天数算入不算出，金额按分四舍五入。',
      en: 'The protection year is taken to be the calendar year (not published; assumed). A stay belongs to the year of its admission, days count the admission day and not the discharge day, and amounts are rounded half-up to the fen.',
    },
  ],
});
