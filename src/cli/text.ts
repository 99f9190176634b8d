import type { Language } from '../_lib/messages';
import type { PolicyRegistry } from '../createRegistry';
import type { ParameterChange, PolicyDiff } from '../diffPolicies';

const show = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value));
const MARKS = { added: '+', removed: '-', changed: '~' } as const;
const ARROWS = { increase: ' ↑', decrease: ' ↓' } as const;

function changeLine(change: ParameterChange, lang: Language): string {
  const side = change.after ?? change.before!;
  const status = side.provenance.status === 'illustrative' ? (lang === 'zh' ? '示例参数 ※' : 'illustrative ※') : lang === 'zh' ? '已公布' : 'published';
  const values =
    change.change === 'changed'
      ? `${show(change.before!.value)} → ${show(change.after!.value)}${change.direction === null ? '' : ARROWS[change.direction]}`
      : show(side.value);
  return `  ${MARKS[change.change]} ${change.label[lang]} (${change.parameter}): ${values} [${status}]\n`;
}

/** A diff as text: one line per changed parameter, then the changed settings. */
export function formatDiff(diff: PolicyDiff, lang: Language): string {
  let text = `${diff.from.name[lang]} (${diff.from.scheme} ${diff.from.year}) → ${diff.to.name[lang]} (${diff.to.scheme} ${diff.to.year})\n`;
  if (diff.changes.length === 0 && diff.settings.length === 0) text += lang === 'zh' ? '  无变化\n' : '  no changes\n';
  for (const change of diff.changes) text += changeLine(change, lang);
  for (const setting of diff.settings) text += `  ~ ${setting.setting}: ${show(setting.before)} → ${show(setting.after)}\n`;
  return text;
}

/** The policies of a registry, a line each. */
export function formatPolicies(registry: PolicyRegistry, lang: Language): string {
  return registry.policies
    .map((policy) => `${`${policy.scheme}@${policy.year}`.padEnd(24)} ${policy.validFrom} … ${policy.validTo ?? '    '}  ${policy.name[lang]}\n`)
    .join('');
}
