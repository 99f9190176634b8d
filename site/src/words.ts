// The page's own words. What huzhu already words (claim kinds, causes, cost fields, headings
// of an explanation) comes from its locales, so the page cannot name a thing otherwise than
// an explanation does.
import type { Label, Language } from '../../src';
import { locales } from '../../src/_lib/messages';

export type { Language };

/** A label in both languages: form fields are labelled in zh and en whatever the page's language. */
export type Bilingual = Label;

/** huzhu's own term for a claim kind, cause or cost field, in both languages. */
export const term = (key: string): Bilingual => ({ zh: locales.zh.terms[key] ?? key, en: locales.en.terms[key] ?? key });

export const fields = {
  memberId: { zh: '会员编号', en: 'Member id' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  sex: { zh: '性别', en: 'Sex' },
  female: { zh: '女', en: 'Female' },
  male: { zh: '男', en: 'Male' },
  notGiven: { zh: '未填', en: 'Not given' },
  enrolment: { zh: '参保记录', en: 'Enrolment' },
  scheme: { zh: '方案', en: 'Scheme' },
  year: { zh: '保障年度', en: 'Protection year' },
  from: { zh: '保障起始日', en: 'First covered day' },
  to: { zh: '保障终止日', en: 'Last covered day' },
  enrolledOn: { zh: '参保办理日（可不填）', en: 'Enrolled on (optional)' },
  claimKind: { zh: '申请类型', en: 'Claim kind' },
  claimId: { zh: '申请编号', en: 'Claim id' },
  admission: { zh: '入院日期', en: 'Admission' },
  discharge: { zh: '出院日期', en: 'Discharge' },
  date: { zh: '事件日期', en: 'Event date' },
  cause: { zh: '原因', en: 'Cause' },
  grade: { zh: '伤残等级（1–10）', en: 'Disability grade (1–10)' },
  filedOn: { zh: '申请提交日（可不填）', en: 'Filed on (optional)' },
  optional: { zh: '（可不填）', en: ' (optional)' },
} satisfies Record<string, Bilingual>;

export interface Words {
  title: string;
  tagline: string;
  language: string;
  views: { explorer: string; playground: string };
  explorer: {
    intro: string;
    schemes: string;
    versions: string;
    inForce: (from: string, to: string | undefined) => string;
    noParameters: string;
    published: string;
    illustrative: string;
    quote: string;
    notInYear: string;
    chartOf: (label: string) => string;
    diff: string;
    diffFrom: string;
    diffTo: string;
    noChanges: string;
    change: { added: string; removed: string; changed: string };
    direction: { increase: string; decrease: string };
    parameter: string;
    before: string;
    after: string;
    settings: string;
    setting: string;
  };
  playground: {
    intro: string;
    startFrom: string;
    ruleFile: string;
    ruleFileValid: (scheme: string, year: number) => string;
    ruleFileIssues: (count: number) => string;
    member: string;
    addEnrolment: string;
    removeEnrolment: string;
    flags: string;
    claim: string;
    costs: string;
    claimAttributes: string;
    settlement: string;
    fixRules: string;
    fixInput: string;
    compareWith: string;
    sideBySide: string;
    whatIf: string;
    difference: (amount: string) => string;
    otherIssues: string;
  };
  share: string;
  badLink: string;
  offline: string;
}

export const words: Record<Language, Words> = {
  zh: {
    title: 'huzhu 互助：规则浏览与试算',
    tagline: '各方案历年规则及其出处；任一规则文件试算任一申请。全部在本页运行，不连服务器。',
    language: '语言',
    views: { explorer: '规则浏览', playground: '试算' },
    explorer: {
      intro: '每个内置方案的每个年度：各参数的取值、中英文名称和出处。※ 为示例参数（未经公布）。',
      schemes: '方案',
      versions: '年度',
      inForce: (from, to) => `${from} 起${to === undefined ? '，未定终止日' : ` 至 ${to}`}`,
      noParameters: '无参数',
      published: '已公布',
      illustrative: '示例参数※',
      quote: '原文',
      notInYear: '（本年度无）',
      chartOf: (label) => `${label}：历年取值`,
      diff: '两个版本之间的差异',
      diffFrom: '旧版本',
      diffTo: '新版本',
      noChanges: '参数无变化。',
      change: { added: '新增', removed: '删除', changed: '变更' },
      direction: { increase: '提高', decrease: '降低' },
      parameter: '参数',
      before: '原值',
      after: '新值',
      settings: '其他设置的变化',
      setting: '设置',
    },
    playground: {
      intro: '在下方编辑 JSON 规则文件（可从任一内置规则开始），填写会员和申请，即时查看计算结果和说明。',
      startFrom: '从内置规则开始',
      ruleFile: '规则文件（JSON）',
      ruleFileValid: (scheme, year) => `规则文件有效：${scheme} ${year}`,
      ruleFileIssues: (count) => `规则文件有 ${count} 处错误：`,
      member: '会员',
      addEnrolment: '添加参保记录',
      removeEnrolment: '删除此参保记录',
      flags: '规则声明的会员属性',
      claim: '申请',
      costs: '费用（元）',
      claimAttributes: '规则声明的申请属性',
      settlement: '计算结果',
      fixRules: '规则文件有错误，改正后才能计算。',
      fixInput: '输入有误，请按各栏提示改正：',
      compareWith: '对照版本',
      sideBySide: '同一申请在两个版本下',
      whatIf: '假设计算：该版本并不适用于此日期',
      difference: (amount) => `与本规则文件相差 ${amount} 元`,
      otherIssues: '其他错误',
    },
    share: '本页地址包含全部输入：复制地址即可分享。',
    badLink: '链接中的状态无法读取，已显示默认内容。',
    offline: '加载后可离线使用。',
  },
  en: {
    title: 'huzhu: policy explorer and playground',
    tagline: "Every scheme's rules over the years and where each figure comes from; any rule file tried on any claim. All in this page, with no server.",
    language: 'Language',
    views: { explorer: 'Explorer', playground: 'Playground' },
    explorer: {
      intro: 'Every bundled scheme and protection year: each parameter with its value, its label in Chinese and English, and its source. ※ marks an illustrative (unpublished) parameter.',
      schemes: 'Schemes',
      versions: 'Versions',
      inForce: (from, to) => `from ${from}${to === undefined ? ', no end date' : ` to ${to}`}`,
      noParameters: 'No parameters.',
      published: 'published',
      illustrative: 'illustrative ※',
      quote: 'Quote',
      notInYear: '(not in this year)',
      chartOf: (label) => `${label} over the years`,
      diff: 'What changed between two versions',
      diffFrom: 'From',
      diffTo: 'To',
      noChanges: 'No parameter changed.',
      change: { added: 'added', removed: 'removed', changed: 'changed' },
      direction: { increase: 'up', decrease: 'down' },
      parameter: 'Parameter',
      before: 'Before',
      after: 'After',
      settings: 'Other settings that changed',
      setting: 'Setting',
    },
    playground: {
      intro: 'Edit a JSON rule file below (start from any bundled policy), fill in a member and a claim, and see the settlement and its explanation as you type.',
      startFrom: 'Start from a bundled policy',
      ruleFile: 'Rule file (JSON)',
      ruleFileValid: (scheme, year) => `The rule file is valid: ${scheme} ${year}`,
      ruleFileIssues: (count) => `The rule file has ${count} ${count === 1 ? 'error' : 'errors'}:`,
      member: 'Member',
      addEnrolment: 'Add an enrolment',
      removeEnrolment: 'Remove this enrolment',
      flags: 'Member facts the rules declare',
      claim: 'Claim',
      costs: 'Costs (yuan)',
      claimAttributes: 'Claim facts the rules declare',
      settlement: 'Settlement',
      fixRules: 'The rule file has errors: fix them to settle the claim.',
      fixInput: 'Some input is invalid; see the message at each field:',
      compareWith: 'Compare with',
      sideBySide: 'The same claim under two versions',
      whatIf: 'What-if: this version does not govern the date',
      difference: (amount) => `${amount} yuan against this rule file`,
      otherIssues: 'Other errors',
    },
    share: "This page's address holds all the input: copy it to share.",
    badLink: 'The state in the link could not be read; the defaults are shown.',
    offline: 'Works offline once loaded.',
  },
};

/** A bilingual label as form fields show it: the page's language first, the other after it. */
export function bilingual(label: Bilingual, lang: Language): [string, string] {
  return lang === 'zh' ? [label.zh, label.en] : [label.en, label.zh];
}
