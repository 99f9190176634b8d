// The HTML report of `huzhu simulate`: one self-contained file (no script, no network), charts
// drawn here as plain SVG, so the file is the same for the same result and tests can count bars.
import type { Language } from '../_lib/messages';
import type { PolicyDiff } from '../diffPolicies';
import { signed, summaryRows, versionName, WORDS, yuan, type PlainSimulation } from './simulationText';
import { formatDiff } from './text';

const REPORT_WORDS = {
  zh: {
    totals: '总体对比',
    byBenefit: '各项补助支出（按版本）',
    histogram: (name: string) => `每位会员的补助变化分布：${name} 对比基准`,
    histogramNote: (width: string) => `柱宽 ${width} 元；“不变”为变化恰为 0 的会员。`,
    unchanged: '不变',
    quantiles: '分位数（精确到一个柱宽）',
    caps: '触及上限的申请',
    balance: '收支对比',
    payouts: '补助支出',
    income: '互助金收入',
    noRoster: '未提供参保名单（--roster），或各版本均无互助金规则：无收支对比。',
    largest: (name: string) => `变化最大的会员：${name} 对比基准`,
    member: '会员',
    totalsColumn: '基准 → 该版本',
    change: '变化',
    explanation: '两种结算的说明',
    diffs: '版本差异（diffPolicies）',
    parameters: '测算所依据的示例参数',
    parametersNote: '这些参数未经公布，仅为使办法可用而设；凡标 ※ 的数字与图表均依赖它们。',
    flagged: '※ 依赖示例参数',
    generated: '由 huzhu simulate 生成；金额精确到分。',
  },
  en: {
    totals: 'Totals side by side',
    byBenefit: 'Payouts by benefit, per version',
    histogram: (name: string) => `Per-member difference: ${name} against the baseline`,
    histogramNote: (width: string) => `Bins of ${width} yuan; "unchanged" are the members whose difference is exactly 0.`,
    unchanged: 'unchanged',
    quantiles: 'Quantiles (exact to within one bin)',
    caps: 'Claims cut by a cap',
    balance: 'Balance against contributions',
    payouts: 'payouts',
    income: 'contributions',
    noRoster: 'No roster (--roster), or no version has contribution rules: no balance.',
    largest: (name: string) => `Largest changes: ${name} against the baseline`,
    member: 'Member',
    totalsColumn: 'baseline → this version',
    change: 'Change',
    explanation: 'Both settlements explained',
    diffs: 'What changes between the versions (diffPolicies)',
    parameters: 'Illustrative parameters the figures rest on',
    parametersNote: 'These parameters are not published; they only make the rules usable. Every figure and chart marked ※ rests on them.',
    flagged: '※ rests on illustrative parameters',
    generated: 'Made by huzhu simulate; amounts exact to the fen.',
  },
} as const;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML content and attribute values: member ids and labels come from the input. */
const esc = (text: string | number) => String(text).replace(/[&<>"']/g, (char) => ESCAPES[char]!);

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948'];

interface Bar {
  readonly label: string;
  /** The figure shown above the bar. */
  readonly text: string;
  /** The bar's height relative to the others; drawing only, never shown as an amount. */
  readonly size: number;
  readonly color: string;
  readonly data: Readonly<Record<string, string>>;
}

/** A bar chart as SVG: bars in groups, each group labelled below, each bar with its figure above. */
function barChart(groups: readonly { readonly label: string; readonly bars: readonly Bar[] }[], title: string, barWidth = 60): string {
  const gap = 18;
  const height = 220;
  // Many groups: their labels are slanted, so that neighbours do not overlap.
  const slant = groups.length > 6;
  const bottom = slant ? 90 : 24;
  const top = 24;
  const largest = Math.max(1, ...groups.flatMap((group) => group.bars.map((bar) => Math.abs(bar.size))));
  let x = 10;
  const parts: string[] = [];
  for (const group of groups) {
    const start = x;
    for (const bar of group.bars) {
      const h = Math.max(1, Math.round((Math.abs(bar.size) / largest) * (height - top)));
      const data = Object.entries(bar.data).map(([key, value]) => ` data-${key}="${esc(value)}"`).join('');
      parts.push(
        `<rect class="bar" x="${x}" y="${top + height - top - h}" width="${barWidth}" height="${h}" fill="${bar.color}"${data}><title>${esc(`${bar.label}: ${bar.text}`)}</title></rect>`,
        `<text class="figure" x="${x + barWidth / 2}" y="${height - h - 4}" text-anchor="middle" font-size="9">${esc(bar.text)}</text>`,
      );
      x += barWidth + 2;
    }
    // A group of one narrow bar still leaves its label room.
    if (!slant) x = Math.max(x, start + 130);
    const middle = (start + x) / 2;
    parts.push(
      slant
        ? `<text x="${middle}" y="${height + 12}" text-anchor="end" font-size="10" transform="rotate(-45 ${middle} ${height + 12})">${esc(group.label)}</text>`
        : `<text x="${middle}" y="${height + 14}" text-anchor="middle" font-size="11">${esc(group.label)}</text>`,
    );
    x += gap;
  }
  const width = Math.max(x, 200);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" height="${height + bottom}" viewBox="0 0 ${width} ${height + bottom}">${parts.join('')}</svg>`;
}

const legend = (names: readonly string[]) => `<p class="legend">${names.map((name, i) => `<span><i style="background:${PALETTE[i % PALETTE.length]}"></i>${esc(name)}</span>`).join(' ')}</p>`;

function table(rows: readonly (readonly string[])[], head = true): string {
  const [first, ...rest] = rows;
  const cell = (tag: string) => (text: string, column: number) => `<${tag}${column > 0 ? ' class="num"' : ''}>${esc(text)}</${tag}>`;
  return `<table>${head ? `<thead><tr>${first!.map(cell('th')).join('')}</tr></thead>` : ''}<tbody>${(head ? rest : rows).map((row) => `<tr>${row.map(cell('td')).join('')}</tr>`).join('')}</tbody></table>`;
}

/**
 * The report: totals side by side, payouts by benefit per version, the histogram of
 * per-member differences, caps hit, the balance against contributions, the largest changes
 * with their explanations, the policies' differences and every illustrative parameter the
 * figures rest on, each figure and chart resting on one marked ※.
 */
export function renderReport(simulation: PlainSimulation, diffs: readonly PolicyDiff[], lang: Language): string {
  const words = { ...WORDS[lang], ...REPORT_WORDS[lang] };
  const { versions, comparisons } = simulation;
  const names = versions.map(versionName);
  const flag = (illustrative: boolean) => (illustrative ? ` <span class="flag">${esc(words.flagged)}</span>` : '');
  const anyIllustrative = simulation.illustrative;
  const sections: string[] = [];

  // Totals: the summary table, each version's total marked for the browser test to read.
  const rows = summaryRows(simulation, lang);
  sections.push(
    `<section id="totals"><h2>${esc(words.totals)}${flag(anyIllustrative)}</h2>`,
    `<table><thead><tr>${rows[0]!.map((text) => `<th>${esc(text)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.slice(1).map((row, index) => `<tr>${row.map((text, column) => (column === 0 ? `<td>${esc(text)}</td>` : `<td class="num"${index === 0 ? ` data-total="${column - 1}"` : ''}>${esc(text)}</td>`)).join('')}</tr>`),
    '</tbody></table>',
    ...versions.flatMap((version) => (version.whatIfMembers > 0 ? [`<p class="note">* ${esc(`${version.policy.scheme} ${version.policy.year}`)}: ${esc(words.whatIf(version.whatIfMembers))}</p>`] : [])),
    '</section>',
  );

  // Payouts by benefit: one group per benefit, one bar per version.
  const benefits = new Map<string, string>();
  for (const version of versions) for (const row of version.byBenefit) if (!benefits.has(row.benefit)) benefits.set(row.benefit, row.label[lang]);
  const amountOf = (version: (typeof versions)[number], id: string) => version.byBenefit.find((benefit) => benefit.benefit === id);
  const groups = [...benefits].map(([id, label]) => ({
    label,
    bars: versions.flatMap((version, index) => {
      const row = amountOf(version, id);
      if (row === undefined) return [];
      return [{ label: names[index]!, text: yuan(row.amount), size: Number(row.amount), color: PALETTE[index % PALETTE.length]!, data: { chart: 'benefit', benefit: id, version: String(index), amount: row.amount } }];
    }),
  }));
  const benefitRows = [['', ...names], ...[...benefits].map(([id, label]) => [label, ...versions.map((version) => yuan(amountOf(version, id)?.amount ?? '0.00'))])];
  sections.push(`<section id="by-benefit"><h2>${esc(words.byBenefit)}${flag(anyIllustrative)}</h2>${legend(names)}${barChart(groups, words.byBenefit)}${table(benefitRows)}</section>`);

  // Histograms of per-member differences, one per compared version.
  comparisons.forEach((comparison, at) => {
    const version = versions[at + 1]!;
    const illustrative = version.illustrativeParameters.length > 0 || versions[0]!.illustrativeParameters.length > 0;
    const bars: Bar[] = comparison.histogram.map((bin) => ({
      label: `${yuan(bin.from)} … ${yuan(bin.to)}`,
      text: String(bin.members),
      size: bin.members,
      color: bin.from.startsWith('-') ? PALETTE[3]! : PALETTE[2]!,
      data: { chart: 'histogram', from: bin.from, to: bin.to, members: String(bin.members) },
    }));
    const zeroAt = bars.findIndex((bar) => !bar.data.from!.startsWith('-'));
    const unchanged: Bar = { label: words.unchanged, text: String(comparison.unchanged), size: comparison.unchanged, color: '#999999', data: { chart: 'histogram', from: '0.00', to: '0.00', members: String(comparison.unchanged) } };
    if (comparison.unchanged > 0) bars.splice(zeroAt === -1 ? bars.length : zeroAt, 0, unchanged);
    const quantiles = [
      ['q', lang === 'zh' ? '区间（元）' : 'range (yuan)'],
      ...comparison.quantiles.map((q) => [String(q.q), q.from === q.to ? yuan(q.from) : `${yuan(q.from)} … ${yuan(q.to)}`]),
    ];
    sections.push(
      `<section class="histogram"><h2>${esc(words.histogram(names[at + 1]!))}${flag(illustrative)}</h2>`,
      `<p class="note">${esc(words.histogramNote(yuan(simulation.settings.binWidth)))} ${esc(`${words.better} ${comparison.better} · ${words.worse} ${comparison.worse} · ${words.unchanged} ${comparison.unchanged} · ${words.difference} ${signed(comparison.difference)}`)}</p>`,
      barChart(bars.map((bar) => ({ label: bar.data.from === '0.00' && bar.data.to === '0.00' ? words.unchanged : yuan(bar.data.from!), bars: [bar] })), words.histogram(names[at + 1]!), 30),
      `<h3>${esc(words.quantiles)}</h3>`,
      table(quantiles),
      '</section>',
    );
  });

  // Caps hit.
  const capRows = [['', ...names], ...(['perClaim', 'perYear', 'maximumSubsidy'] as const).map((cap) => [words[cap], ...versions.map((version) => String(version.cutByCap.find((row) => row.cap === cap)?.claims ?? 0))])];
  sections.push(`<section id="caps"><h2>${esc(words.caps)}${flag(anyIllustrative)}</h2>${table(capRows)}</section>`);

  // Balance against contributions.
  const priced = versions.map((version, index) => ({ version, index })).filter(({ version }) => version.contributions !== null);
  sections.push(
    `<section id="balance"><h2>${esc(words.balance)}${flag(priced.some(({ version }) => version.illustrativeParameters.length > 0))}</h2>`,
    priced.length === 0
      ? `<p class="note">${esc(words.noRoster)}</p>`
      : legend([words.payouts, words.income]) +
          barChart(
            priced.map(({ version, index }) => ({
              label: names[index]!,
              bars: [
                { label: words.payouts, text: yuan(version.total), size: Number(version.total), color: PALETTE[0]!, data: { chart: 'balance', version: String(index), kind: 'payouts' } },
                { label: words.income, text: yuan(version.contributions!.total), size: Number(version.contributions!.total), color: PALETTE[1]!, data: { chart: 'balance', version: String(index), kind: 'contributions' } },
              ],
            })),
            words.balance,
          ) +
          table([['', words.payouts, words.income, words.balance, words.lossRatio], ...priced.map(({ version, index }) => [names[index]!, yuan(version.total), yuan(version.contributions!.total), yuan(version.balance!), version.lossRatio ?? words.none])]),
    '</section>',
  );

  // Largest changes with both settlements explained.
  comparisons.forEach((comparison, at) => {
    sections.push(
      `<section class="largest"><h2>${esc(words.largest(names[at + 1]!))}</h2>`,
      `<table><thead><tr><th>${esc(words.member)}</th><th class="num">${esc(words.totalsColumn)}</th><th class="num">${esc(words.change)}</th><th>${esc(words.explanation)}</th></tr></thead><tbody>`,
      ...comparison.largestChanges.map(
        (change) =>
          `<tr><td>${esc(change.memberId)}</td><td class="num">${esc(`${yuan(change.totals[0])} → ${yuan(change.totals[1])}`)}</td><td class="num">${esc(signed(change.difference))}</td><td><details><summary>${esc(words.explanation)}</summary><div class="pair"><pre>${esc(change.explanations[0])}</pre><pre>${esc(change.explanations[1])}</pre></div></details></td></tr>`,
      ),
      '</tbody></table></section>',
    );
  });

  if (diffs.length > 0) sections.push(`<section id="diffs"><h2>${esc(words.diffs)}</h2>${diffs.map((diff) => `<pre>${esc(formatDiff(diff, lang))}</pre>`).join('')}</section>`);

  const parameters = new Map<string, string>();
  for (const version of versions) for (const parameter of version.illustrativeParameters) parameters.set(parameter.parameter, parameter.label[lang]);
  sections.push(
    `<section id="parameters"><h2>${esc(words.parameters)}</h2><p class="note">${esc(words.parametersNote)}</p>`,
    table([['', lang === 'zh' ? '参数' : 'parameter', ...names], ...[...parameters].map(([path, label]) => [label, path, ...versions.map((version) => (version.illustrativeParameters.some((p) => p.parameter === path) ? '※' : ''))])]),
    '</section>',
  );

  const title = `${words.title}: ${names.join(' / ')}`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.flag { color: #b35900; font-size: 0.8rem; font-weight: normal; }
.note { color: #555; font-size: 0.9rem; }
.legend span { margin-right: 1rem; font-size: 0.9rem; }
.legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
pre { white-space: pre-wrap; font-size: 0.8rem; background: #f7f7f7; padding: 0.5rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p>${esc(words.book(simulation.members, simulation.claims))}${anyIllustrative ? ` · <span class="flag">${esc(words.flagged)}</span>` : ''}</p>
${sections.join('\n')}
<footer class="note">${esc(words.generated)}</footer>
</body>
</html>
`;
}
