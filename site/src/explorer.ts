// The explorer: every bundled scheme and version from the registry, each parameter's value in
// each year with its labels and provenance, a chart of each numeric parameter that changed,
// and the diff of any two versions.
import { bundledRegistry, diffPolicies, type Language, type Parameter, type ParameterState, type Policy } from '../../src';
import { parametersOf } from '../../src/_lib/parameters';
import { barChart } from './chart';
import { h } from './dom';
import { provenance, worded } from './sources';
import { bundled, keyOf } from './state';
import { words } from './words';

/** The schemes in the registry's order, each with its versions by year. */
export function schemes(): Map<string, Policy[]> {
  const found = new Map<string, Policy[]>();
  for (const policy of bundledRegistry.policies) found.set(policy.scheme, [...(found.get(policy.scheme) ?? []), policy]);
  return found;
}

/** An amount, ratio or count: what a bar can stand for. */
const numeric = (value: unknown): value is string | number =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));

const slug = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-');

function parameterRow(scheme: string, path: string, versions: readonly Policy[], byVersion: readonly Map<string, Parameter>[], lang: Language): HTMLElement {
  const w = words[lang].explorer;
  const cells = versions.map((policy, index) => ({ policy, parameter: byVersion[index]!.get(path) }));
  const present = cells.filter((cell) => cell.parameter !== undefined);
  const latest = present.at(-1)!.parameter!;
  const values = present.map((cell) => cell.parameter!.value);
  // A chart only where the figure moved over the years, e.g. the death benefit 5,000 → 10,000.
  const charted = values.every(numeric) && new Set(values.map(String)).size > 1;
  const id = `p-${slug(scheme)}-${slug(path)}`;
  return h(
    'section',
    { class: 'parameter', 'data-parameter': path, 'aria-labelledby': id },
    h('h4', { id }, h('span', { lang: 'zh' }, latest.label.zh), ' · ', h('span', { lang: 'en' }, latest.label.en), ' ', h('code', {}, path)),
    h(
      'div',
      { class: 'years' },
      cells.map(({ policy, parameter }) => {
        if (parameter === undefined) {
          return h('div', { class: 'year absent', 'data-year': policy.year }, h('span', { class: 'when' }, policy.year), ' ', h('span', { class: 'value' }, w.notInYear));
        }
        const source = worded(policy, path, parameter, lang);
        return h(
          'div',
          { class: `year ${source.status}`, 'data-scheme': scheme, 'data-year': policy.year, 'data-parameter': path },
          h('span', { class: 'when' }, policy.year),
          ' ',
          h('strong', { class: 'value' }, source.value, source.status === 'illustrative' ? '※' : ''),
          provenance(source, lang),
        );
      }),
    ),
    charted
      ? barChart(
          w.chartOf(latest.label[lang]),
          present.map(({ policy, parameter }) => ({ year: policy.year, text: worded(policy, path, parameter!, lang).value, size: Number(parameter!.value) })),
          `${id}-chart`,
        )
      : null,
  );
}

function schemeSection(scheme: string, versions: readonly Policy[], lang: Language): HTMLElement {
  const w = words[lang].explorer;
  const byVersion = versions.map((policy) => parametersOf(policy));
  const paths = [...new Set(byVersion.flatMap((parameters) => [...parameters.keys()]))];
  const latest = versions.at(-1)!;
  return h(
    'section',
    { class: 'scheme', id: `scheme-${scheme}`, tabindex: -1, 'data-scheme': scheme, 'aria-labelledby': `scheme-${scheme}-title` },
    h('h3', { id: `scheme-${scheme}-title` }, scheme, ' ', h('span', { class: 'name', lang }, latest.name[lang])),
    h(
      'p',
      { class: 'versions' },
      w.versions,
      versions.map((policy, index) => [index > 0 ? '; ' : '', h('span', { 'data-version': keyOf(policy) }, `${policy.year} (${w.inForce(policy.validFrom, policy.validTo)})`)]),
    ),
    paths.length === 0 ? h('p', {}, w.noParameters) : paths.map((path) => parameterRow(scheme, path, versions, byVersion, lang)),
  );
}

export function versionOptions(selected: string): HTMLOptionElement[] {
  return bundledRegistry.policies.map((policy) => h('option', { value: keyOf(policy), selected: keyOf(policy) === selected }, `${policy.scheme} ${policy.year}`));
}

function stateCell(policy: Policy, path: string, state: ParameterState | null, label: Parameter['label'], lang: Language): HTMLElement {
  if (state === null) return h('td', {}, '—');
  const source = worded(policy, path, { value: state.value, label, provenance: state.provenance }, lang);
  return h('td', {}, h('strong', { class: 'value' }, source.value, source.status === 'illustrative' ? '※' : ''), provenance(source, lang));
}

/** The diff of two bundled versions, as `diffPolicies` finds it. */
export function diffTable(fromKey: string, toKey: string, lang: Language): HTMLElement {
  const w = words[lang].explorer;
  const from = bundled(fromKey);
  const to = bundled(toKey);
  if (from === undefined || to === undefined) return h('p', {}, w.noChanges);
  const diff = diffPolicies(from, to);
  const json = (value: unknown) => h('code', {}, value === null ? '—' : JSON.stringify(value));
  return h(
    'div',
    { class: 'diff', 'data-from': fromKey, 'data-to': toKey },
    diff.changes.length === 0
      ? h('p', {}, w.noChanges)
      : h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, w.parameter), h('th', { scope: 'col' }, w.before), h('th', { scope: 'col' }, w.after))),
            h(
              'tbody',
              {},
              diff.changes.map((change) =>
                h(
                  'tr',
                  { 'data-parameter': change.parameter, 'data-change': change.change },
                  h(
                    'th',
                    { scope: 'row' },
                    h('span', { class: `change ${change.change}` }, w.change[change.change], change.direction === null ? '' : ` (${w.direction[change.direction]})`),
                    ' ',
                    change.label[lang],
                    h('br'),
                    h('code', {}, change.parameter),
                  ),
                  stateCell(from, change.parameter, change.before, change.label, lang),
                  stateCell(to, change.parameter, change.after, change.label, lang),
                ),
              ),
            ),
          ),
        ),
    diff.settings.length === 0
      ? null
      : [
          h('h4', {}, w.settings),
          h(
            'div',
            { class: 'scroll' },
            h(
              'table',
              {},
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, w.setting), h('th', { scope: 'col' }, w.before), h('th', { scope: 'col' }, w.after))),
              h('tbody', {}, diff.settings.map((setting) => h('tr', { 'data-setting': setting.setting }, h('th', { scope: 'row' }, h('code', {}, setting.setting)), h('td', {}, json(setting.before)), h('td', {}, json(setting.after))))),
            ),
          ),
        ],
  );
}

/** Every scheme, as one section each, with a table of contents. */
export function explorer(lang: Language): HTMLElement[] {
  const w = words[lang].explorer;
  const all = schemes();
  return [
    h('p', {}, w.intro),
    h(
      'nav',
      { 'aria-label': w.schemes },
      h('ul', { class: 'scheme-list' }, [...all.keys()].map((scheme) => h('li', { 'data-scheme': scheme }, h('a', { href: `#scheme-${scheme}`, 'data-jump': `scheme-${scheme}` }, scheme)))),
    ),
    ...[...all].map(([scheme, versions]) => schemeSection(scheme, versions, lang)),
  ];
}
