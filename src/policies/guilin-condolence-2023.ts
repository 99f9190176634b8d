import { definePolicy } from '../definePolicy';
import { GUILIN_DAILY_2023_11, published, USUAL_CONVENTIONS } from './_provenance';

/**
 * Guilin city federation condolence payment (桂林市总工会慰问金), in force from the end of
 * June 2023: a top-up for stays with high self-paid costs, for members of the Guangxi plan.
 */
export const guilinCondolence2023 = definePolicy({
  scheme: 'guilin-condolence',
  year: 2023,
  name: {
    zh: '桂林市总工会职工医疗互助保障计划慰问金（2023年6月底起施行）',
    en: 'Guilin city federation condolence payment for mutual-aid members, from end of June 2023',
  },
  validFrom: '2023-06-30',
  conventions: USUAL_CONVENTIONS,
  eligibility: { enrolmentScheme: 'guangxi', requiredFlags: ['cityFederationDirect'] },
  benefits: [
    {
      id: 'condolence',
      label: { zh: '慰问金', en: 'Condolence payment' },
      event: 'hospitalisation',
      formula: {
        kind: 'bracket',
        measure: 'selfPaid',
        brackets: {
          value: [{ from: '5000.00', min: '500.00', max: '5000.00' }],
          label: { zh: '慰问金档次', en: 'Condolence brackets' },
          provenance: published(
            GUILIN_DAILY_2023_11,
            '符合条件的可向市总工会申请500—5000元慰问金',
            {
              zh: '门槛（单次住院的医保外自费费用达 5,000 元及以上，含本数）见《工人日报》2024年8月9日关于桂林慰问金的报道。区间内的金额如何确定未见公布，经申请核定。',
              en: "The threshold (a single stay with a self-paid cost outside insurance of 5,000 yuan or more, inclusive) is from the Workers' Daily report on the Guilin condolence payment of 9 August 2024. How the amount is set inside the range is not published: it is decided on application.",
            },
          ),
        },
      },
    },
  ],
  ceilings: {},
  notes: [
    {
      zh: '“今年6月底”出台，具体日期未公布，按 2023-06-30 起算；按入院日期判断是否参加当年广西职工医疗互助保障（系假定）。',
      en: 'Issued "at the end of June" 2023; the exact day is not published, so 2023-06-30 is used. Enrolment in the Guangxi plan is checked on the admission date (assumed).',
    },
  ],
});
