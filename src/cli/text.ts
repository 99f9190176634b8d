import type { Language } from '../_lib/messages';
import { describeValue } from '../_lib/parameterText';
import type { PolicyRegistry } from '../createRegistry';
import type { ParameterChange, PolicyDiff } from '../diffPolicies';

const show = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value));
const MARKS = { added: '+', removed: '-', changed: '~' } as const;
const ARROWS = { increase: ' ↑', decrease: ' ↓' } as const;

function changeLine(change: ParameterChange, lang: Language): string {
  const side = change.after ?? change.before!;
  const status = side.provenance.status === 'illustrative' ? (lang === 'zh' ? '示例参数 ※' : 'illustrative ※') : lang === 'zh' ? '已公布' : 'published';
  // In words, as explanations write values: a table of grades or tiers reads as prose, not JSON.
  const words = (value: unknown) => describeValue(change.parameter, value, lang);
  const values =
    change.change === 'changed'
      ? `${words(change.before!.value)} → ${words(change.after!.value)}${change.direction === null ? '' : ARROWS[change.direction]}`
      : words(side.value);
  return `  ${MARKS[change.change]} ${change.label[lang]} (${change.parameter}): ${values} [${status}]\n`;
}

/** A diff as text: one line per changed parameter, then the changed settings. */
export function formatDiff(diff: PolicyDiff, lang: Language): string {
  let text = `${diff.from.name[lang]} (${diff.from.scheme} ${diff.from.year}) → ${diff.to.name[lang]} (${diff.to.scheme} ${diff.to.year})\n`;
  if (diff.changes.length === 0 && diff.settings.length === 0) text += lang === 'zh' ? '  无变化\n' : '  no changes\n';
  for (const change of diff.changes) text += changeLine(change, lang);
  for (const setting of diff.settings) text += `  ~ ${setting.label === undefined ? setting.setting : `${setting.label[lang]} (${setting.setting})`}: ${show(setting.before)} → ${show(setting.after)}\n`;
  return text;
}

/** The policies of a registry, a line each. */
export function formatPolicies(registry: PolicyRegistry, lang: Language): string {
  return registry.policies
    .map((policy) => `${`${policy.scheme}@${policy.year}`.padEnd(24)} ${policy.validFrom} … ${policy.validTo ?? '    '}  ${policy.name[lang]}\n`)
    .join('');
}

/**
 * Characters of East Asian Width W or F (Unicode's EastAsianWidth.txt, the blocks that hold
 * them), which a terminal draws two columns wide. Ambiguous ones (※, ↑, “) count one, as in
 * most terminals outside CJK legacy locales; emoji are matched by their Unicode property.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth ASCII and punctuation (the halfwidth forms that follow are narrow)
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x18dff], // ideographic symbols, Tangut, Khitan
  [0x1aff0, 0x1b2ff], // kana extensions, Nüshu
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK extensions B and beyond
];
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff]$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  const code = char.codePointAt(0)!;
  return EMOJI.test(char) || WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
}

/** A user-perceived character: its base decides, and U+FE0F asks for the two-column emoji form. */
function clusterWidth(cluster: string): number {
  if (cluster.includes('\uFE0F')) return 2;
  for (const char of cluster) {
    const width = charWidth(char);
    if (width > 0) return width;
  }
  return 0;
}

/** The columns `text` takes in a terminal: 2 for each Chinese character, 0 for a combining mark. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  return width;
}

/** `text` padded with spaces to `columns` display columns, as `padEnd` does for ASCII. */
export const padDisplay = (text: string, columns: number): string => text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
