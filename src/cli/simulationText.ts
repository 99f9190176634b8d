// The summary table of `huzhu simulate`, and the words it shares with the HTML report.
import type { Decimal } from '../_lib/decimal';
import type { Language } from '../_lib/messages';
import type { Label } from '../_lib/policySchema';
import type { Simulation } from '../_lib/simulation';
import { displayWidth, padDisplay } from './text';

/** A value as JSON gives it back: Decimals become their text. */
export type Plain<T> = T extends Decimal ? string : T extends object ? { readonly [K in keyof T]: Plain<T[K]> } : T;
/** A simulation as its JSON reads back: what the table and the report are made from. */
export type PlainSimulation = Plain<Simulation>;

/** The words of the table and the report, in each language. */
export const WORDS = {
  zh: {
    title: '方案测算',
    book: (members: number, claims: number) => `会员 ${members} 人，申请 ${claims} 笔`,
    total: '补助支出合计',
    claimsPaid: '获付申请（笔）',
    claimsUnpaid: '受理未付申请（笔）',
    claimsRefused: '拒付申请（笔）',
    perClaim: '单次上限封顶（笔）',
    perYear: '年度上限封顶（笔）',
    maximumSubsidy: '最高补助封顶（笔）',
    contributions: '互助金收入',
    balance: '收支结余',
    lossRatio: '赔付率',
    difference: '与基准相比',
    better: '多得会员（人）',
    worse: '少得会员（人）',
    unchanged: '不变会员（人）',
    baseline: '基准',
    whatIf: (count: number) => `假设：${count} 人的申请不在该版本有效期内，按该版本规则推算`,
    illustrative: '※ 数字依赖示例参数（未经公布，并非官方标准）：',
    none: '—',
  },
  en: {
    title: 'Simulation',
    book: (members: number, claims: number) => `${members} members, ${claims} claims`,
    total: 'Total paid',
    claimsPaid: 'Claims paid',
    claimsUnpaid: 'Claims accepted, nothing paid',
    claimsRefused: 'Claims refused',
    perClaim: 'Cut by the per-claim cap',
    perYear: 'Cut by a yearly cap',
    maximumSubsidy: 'Cut by the maximum subsidy',
    contributions: 'Contributions',
    balance: 'Balance',
    lossRatio: 'Loss ratio',
    difference: 'Against the baseline',
    better: 'Members better off',
    worse: 'Members worse off',
    unchanged: 'Members unchanged',
    baseline: 'baseline',
    whatIf: (count: number) => `what-if: ${count} members' claims lie outside this version's period; its rules were applied to them`,
    illustrative: '※ figures resting on illustrative parameters (not published, not official):',
    none: '—',
  },
} as const satisfies Record<Language, unknown>;

/** `1234567.8` → `1,234,567.80`; a sign stays in front. */
export function yuan(amount: string): string {
  const [whole, fraction = '00'] = amount.replace(/^-/, '').split('.');
  return `${amount.startsWith('-') ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

/** A difference with its sign: `+5,000.00`, `-500.00`, `0.00`. */
export const signed = (amount: string) => (amount.startsWith('-') || /^0(\.0+)?$/.test(amount) ? yuan(amount) : `+${yuan(amount)}`);

/** `guangxi 2024`, marked when the version was applied as a what-if. */
export const versionName = (version: PlainSimulation['versions'][number]) => `${version.policy.scheme} ${version.policy.year}${version.whatIfMembers > 0 ? ' *' : ''}`;

/** The rows of the summary: a label and one cell per version. */
export function summaryRows(simulation: PlainSimulation, lang: Language): [string, ...string[]][] {
  const words = WORDS[lang];
  const { versions, comparisons } = simulation;
  const mark = (version: (typeof versions)[number]) => (version.illustrativeParameters.length > 0 ? '※' : '');
  // Every benefit of any version, in the order first met.
  const benefits = new Map<string, Label>();
  for (const version of versions) for (const row of version.byBenefit) if (!benefits.has(row.benefit)) benefits.set(row.benefit, row.label);
  const cells = (cell: (version: (typeof versions)[number], index: number) => string): string[] => versions.map(cell);
  const compared = (cell: (comparison: (typeof comparisons)[number]) => string) => cells((_, index) => (index === 0 ? words.baseline : cell(comparisons[index - 1]!)));
  return [
    ['', ...cells(versionName)],
    [words.total, ...cells((version) => `${yuan(version.total)}${mark(version)}`)],
    ...[...benefits].map(([id, label]): [string, ...string[]] => [
      `  ${label[lang]}`,
      ...cells((version) => {
        const row = version.byBenefit.find((benefit) => benefit.benefit === id);
        return row === undefined ? words.none : yuan(row.amount);
      }),
    ]),
    [words.claimsPaid, ...cells((version) => String(version.claimsPaid))],
    [words.claimsUnpaid, ...cells((version) => String(version.claimsUnpaid))],
    [words.claimsRefused, ...cells((version) => String(version.claimsRefused))],
    ...(['perClaim', 'perYear', 'maximumSubsidy'] as const).map((cap): [string, ...string[]] => [words[cap], ...cells((version) => String(version.cutByCap.find((row) => row.cap === cap)?.claims ?? 0))]),
    [words.contributions, ...cells((version) => (version.contributions === null ? words.none : yuan(version.contributions.total)))],
    [words.balance, ...cells((version) => (version.balance === null ? words.none : `${yuan(version.balance)}${mark(version)}`))],
    [words.lossRatio, ...cells((version) => (version.lossRatio === null ? words.none : `${version.lossRatio}${mark(version)}`))],
    [words.difference, ...compared((comparison) => signed(comparison.difference))],
    [words.better, ...compared((comparison) => String(comparison.better))],
    [words.worse, ...compared((comparison) => String(comparison.worse))],
    [words.unchanged, ...compared((comparison) => String(comparison.unchanged))],
  ];
}

/** The summary as a table aligned in the terminal, Chinese included, and its notes. */
export function formatSimulation(simulation: PlainSimulation, lang: Language): string {
  const words = WORDS[lang];
  const rows = summaryRows(simulation, lang);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? padDisplay(cell, widths[0]!) : ' '.repeat(widths[column]! - displayWidth(cell)) + cell)).join('   ').trimEnd();
  const notes: string[] = [];
  for (const version of simulation.versions) {
    if (version.whatIfMembers > 0) notes.push(`* ${versionName(version).slice(0, -2)}: ${words.whatIf(version.whatIfMembers)}`);
  }
  const parameters = new Map<string, string>();
  for (const version of simulation.versions) for (const parameter of version.illustrativeParameters) parameters.set(parameter.parameter, parameter.label[lang]);
  if (parameters.size > 0) notes.push(words.illustrative, ...[...parameters].map(([path, label]) => `  ${label} (${path})`));
  return [`${words.title}: ${words.book(simulation.members, simulation.claims)}`, '', ...rows.map(line), '', ...notes, ''].join('\n');
}
