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

/** Each of the page's words in both languages, side by side, so that neither can be left out. */
const both = {
  title: { zh: 'huzhu 互助：规则浏览与试算', en: 'huzhu: policy explorer and playground' },
  tagline: {
    zh: '各方案历年规则及其出处；任一规则文件试算任一申请。全部在本页运行，不连服务器。',
    en: "Every scheme's rules over the years and where each figure comes from; any rule file tried on any claim. All in this page, with no server.",
  },
  language: { zh: '语言', en: 'Language' },
  views: { explorer: { zh: '规则浏览', en: 'Explorer' }, playground: { zh: '试算', en: 'Playground' } },
  explorer: {
    intro: {
      zh: '每个内置方案的每个年度：各参数的取值、中英文名称和出处。※ 为示例参数（未经公布）。',
      en: 'Every bundled scheme and protection year: each parameter with its value, its label in Chinese and English, and its source. ※ marks an illustrative (unpublished) parameter.',
    },
    schemes: { zh: '方案', en: 'Schemes' },
    versions: { zh: '年度：', en: 'Versions: ' },
    inForce: {
      zh: (from: string, to: string | undefined) => `${from} 起${to === undefined ? '，未定终止日' : ` 至 ${to}`}`,
      en: (from: string, to: string | undefined) => `from ${from}${to === undefined ? ', no end date' : ` to ${to}`}`,
    },
    noParameters: { zh: '无参数', en: 'No parameters.' },
    published: { zh: '已公布', en: 'published' },
    illustrative: { zh: '示例参数※', en: 'illustrative ※' },
    quote: { zh: '原文', en: 'Quote' },
    notInYear: { zh: '（本年度无）', en: '(not in this year)' },
    chartOf: { zh: (label: string) => `${label}：历年取值`, en: (label: string) => `${label} over the years` },
    diff: { zh: '两个版本之间的差异', en: 'What changed between two versions' },
    diffFrom: { zh: '旧版本', en: 'From' },
    diffTo: { zh: '新版本', en: 'To' },
    noChanges: { zh: '参数无变化。', en: 'No parameter changed.' },
    change: { added: { zh: '新增', en: 'added' }, removed: { zh: '删除', en: 'removed' }, changed: { zh: '变更', en: 'changed' } },
    direction: { increase: { zh: '提高', en: 'up' }, decrease: { zh: '降低', en: 'down' } },
    parameter: { zh: '参数', en: 'Parameter' },
    before: { zh: '原值', en: 'Before' },
    after: { zh: '新值', en: 'After' },
    settings: { zh: '其他设置的变化', en: 'Other settings that changed' },
    setting: { zh: '设置', en: 'Setting' },
  },
  playground: {
    intro: {
      zh: '在下方编辑 JSON 规则文件（可从任一内置规则开始），填写会员和申请，即时查看计算结果和说明。',
      en: 'Edit a JSON rule file below (start from any bundled policy), fill in a member and a claim, and see the settlement and its explanation as you type.',
    },
    startFrom: { zh: '从内置规则开始', en: 'Start from a bundled policy' },
    ruleFile: { zh: '规则文件（JSON）', en: 'Rule file (JSON)' },
    ruleFileValid: {
      zh: (scheme: string, year: number) => `规则文件有效：${scheme} ${year}`,
      en: (scheme: string, year: number) => `The rule file is valid: ${scheme} ${year}`,
    },
    ruleFileIssues: {
      zh: (count: number) => `规则文件有 ${count} 处错误：`,
      en: (count: number) => `The rule file has ${count} ${count === 1 ? 'error' : 'errors'}:`,
    },
    member: { zh: '会员', en: 'Member' },
    addEnrolment: { zh: '添加参保记录', en: 'Add an enrolment' },
    removeEnrolment: { zh: '删除此参保记录', en: 'Remove this enrolment' },
    flags: { zh: '规则声明的会员属性', en: 'Member facts the rules declare' },
    claim: { zh: '申请', en: 'Claim' },
    costs: { zh: '费用（元）', en: 'Costs (yuan)' },
    claimAttributes: { zh: '规则声明的申请属性', en: 'Claim facts the rules declare' },
    settlement: { zh: '计算结果', en: 'Settlement' },
    fixRules: { zh: '规则文件有错误，改正后才能计算。', en: 'The rule file has errors: fix them to settle the claim.' },
    fixInput: { zh: '输入有误，请按各栏提示改正：', en: 'Some input is invalid; see the message at each field:' },
    compareWith: { zh: '对照版本', en: 'Compare with' },
    sideBySide: { zh: '同一申请在两个版本下', en: 'The same claim under two versions' },
    whatIf: { zh: '假设计算：该版本并不适用于此日期', en: 'What-if: this version does not govern the date' },
    difference: { zh: (amount: string) => `与本规则文件相差 ${amount} 元`, en: (amount: string) => `${amount} yuan against this rule file` },
    otherIssues: { zh: '其他错误', en: 'Other errors' },
  },
  share: { zh: '本页地址包含全部输入：复制地址即可分享。', en: "This page's address holds all the input: copy it to share." },
  badLink: { zh: '链接中的状态无法读取，已显示默认内容。', en: 'The state in the link could not be read; the defaults are shown.' },
  offline: { zh: '加载后可离线使用。', en: 'Works offline once loaded.' },
};

/** The words of one language: each `{ zh, en }` pair of {@link both} replaced by its side. */
type In<T> = T extends { zh: infer Text; en: unknown } ? Text : { [K in keyof T]: In<T[K]> };

function inOne<T>(tree: T, lang: Language): In<T> {
  const node = tree as Record<string, unknown>;
  if ('zh' in node && 'en' in node) return node[lang] as In<T>;
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, inOne(child, lang)])) as In<T>;
}

export type Words = In<typeof both>;
export const words: Record<Language, Words> = { zh: inOne(both, 'zh'), en: inOne(both, 'en') };

/** A bilingual label as form fields show it: the page's language first, the other after it. */
export function bilingual(label: Bilingual, lang: Language): [string, string] {
  return lang === 'zh' ? [label.zh, label.en] : [label.en, label.zh];
}
