import type { Locale } from './types';

const terms: Locale['terms'] = {
  total: '总费用',
  insurancePaid: '医保报销',
  inScopeCopay: '政策范围内个人自付',
  selfPaid: '医保外自费费用',
  hospitalisation: '住院',
  disability: '伤残',
  death: '身故',
  illness: '疾病',
  accident: '意外伤害',
  cityFederationDirect: '市总工会本级基层工会会员',
  hardship: '建档立卡困难职工',
  gigWorker: '新就业形态劳动者',
  perClaim: '单次补助上限',
  perYear: '该项补助年度上限',
  maximumSubsidy: '保障年度最高补助',
};

const term = (key: string | number | undefined): string => terms[String(key)] ?? String(key);

export const zh: Locale = {
  terms,
  messages: {
    OUTSIDE_POLICY_PERIOD: (p) => `事件日期 ${p.date} 不在本办法适用期间（${p.validFrom} 至 ${p.validTo}）内。`,
    NOT_ENROLLED: (p) => `该会员在 ${p.date} 没有有效的 ${p.scheme} 参保记录。`,
    MISSING_FLAG: (p) => `仅限${term(p.flag)}。`,
    DUPLICATE_CLAIM: (p) => `申请 ${p.claimId} 已在本保障年度内补助过。`,
    NO_BENEFIT_FOR_EVENT: (p) => `本办法对${p.cause ? `${term(p.cause)}所致` : ''}${term(p.event)}不予补助。`,
    CAUSE_NOT_COVERED: (p) => `${p.benefit}不保障${term(p.cause)}所致住院。`,
    GRADE_NOT_COVERED: (p) => `${p.benefit}对伤残等级 ${p.grade} 级不予补助。`,
    BELOW_THRESHOLD: (p) => `${p.benefit}要求${term(p.measure)}不低于 ${p.threshold} 元；本次为 ${p.amount} 元。`,
    CAP_REACHED: (p) => `${p.benefit}受${term(p.cap)}（${p.limit} 元）限制，核减 ${p.cut} 元。`,
    ILLUSTRATIVE_PARAMETER: (p) => `使用了示例参数“${p.label}”（${p.parameter}），该数值未经公布，并非官方标准。`,
    DECIDED_ON_APPLICATION: (p) => `${p.benefit}：金额经申请核定，在 ${p.min} 至 ${p.max} 元之间。`,
  },
  steps: {
    base: (p) => `${term(p.field)}`,
    deductible: () => '超过起付线的部分',
    tier: (p) => `第 ${p.tier} 档：${p.from} 至 ${p.to} 元部分 × ${p.ratio}`,
    days: (p) => `住院天数（${p.rule === 'includeBothDays' ? '入院、出院当日均计' : '算入不算出'}，至少 1 天）`,
    paidDays: () => '补贴天数',
    perDay: () => '住院补贴 × 补贴天数',
    lumpSum: () => '定额',
    gradeShare: (p) => `${p.grade} 级伤残：最高额 × 比例`,
    bracket: (p) => `${term(p.measure)}所在档次（${p.from} 元起）`,
    range: () => '经申请核定的金额范围',
    rounding: (p) => `舍入到分（${p.mode}）`,
    perClaim: () => `受${terms.perClaim}限制`,
    perYear: () => `受${terms.perYear}剩余额度限制`,
    maximumSubsidy: () => `受${terms.maximumSubsidy}剩余额度限制`,
  },
};
