import { extendPolicy } from '../extendPolicy';
import { GUILIN_DAILY_2023_11, illustrative, published } from './_provenance';
import { guangxi2023 } from './guangxi-2023';

const TWO_ADDITIONS_TWO_INCREASES =
  '增加了每天50元的住院补贴和最高达2万元的伤残补助，以及将身故津贴从5000元提高到1万元和最高补助从50万元提高到100万元';

/**
 * Guangxi employee medical mutual aid, protection year 2024: the 2023 rules plus the
 * "two additions and two increases" (两个增加、两个提高) the Guilin Daily reported.
 */
export const guangxi2024 = extendPolicy(guangxi2023, {
  year: 2024,
  benefits: {
    death: {
      label: { zh: '身故津贴', en: 'Death benefit' },
      event: 'death',
      formula: {
        kind: 'lumpSum',
        amount: {
          value: '10000.00',
          label: { zh: '身故津贴', en: 'Death benefit' },
          provenance: published(GUILIN_DAILY_2023_11, TWO_ADDITIONS_TWO_INCREASES),
        },
      },
    },
    'hospital-allowance': {
      label: { zh: '住院补贴', en: 'Daily hospital allowance' },
      event: 'hospitalisation',
      formula: {
        kind: 'perDay',
        amount: {
          value: '50.00',
          label: { zh: '住院补贴（每天）', en: 'Daily hospital allowance per day' },
          provenance: published(GUILIN_DAILY_2023_11, TWO_ADDITIONS_TWO_INCREASES),
        },
      },
    },
    disability: {
      label: { zh: '伤残补助', en: 'Disability subsidy' },
      event: 'disability',
      formula: {
        kind: 'gradeSchedule',
        maximum: {
          value: '20000.00',
          label: { zh: '伤残补助最高额', en: 'Disability subsidy maximum' },
          provenance: published(GUILIN_DAILY_2023_11, TWO_ADDITIONS_TWO_INCREASES),
        },
        shares: {
          value: { 1: '1', 2: '0.9', 3: '0.8', 4: '0.7', 5: '0.6', 6: '0.5', 7: '0.4', 8: '0.3', 9: '0.2', 10: '0.1' },
          label: { zh: '伤残等级给付比例', en: 'Disability subsidy share by grade' },
          provenance: illustrative({
            zh: '广西伤残等级给付比例表未见公布；此处按常见的十级划分（1 级 100%，每低一级减 10%）设定，仅为使本办法可用，并非官方标准。',
            en: 'The Guangxi disability grade table is not published in the sources huzhu cites; this follows the common ten-grade scale (grade 1 = 100 %, 10 % less for each grade) only to make the policy usable. It is not official.',
          }),
        },
      },
    },
  },
  ceilings: {
    maximumSubsidy: {
      value: '1000000.00',
      label: { zh: '最高补助', en: 'Maximum subsidy per protection year' },
      provenance: published(GUILIN_DAILY_2023_11, TWO_ADDITIONS_TWO_INCREASES),
    },
  },
});
