// An explanation (buildExplanation) laid out: outcome, each line with its steps and the cap
// that cut it, reasons, notes, and the numbered sources with their provenance.
import type { Explanation } from '../../src';
import { locales } from '../../src/_lib/locales/explaining';
import { h } from './dom';
import { provenance } from './sources';

export function explanationView(explanation: Explanation, id: string): HTMLElement {
  const { lang } = explanation;
  const words = locales[lang].explain;
  const ref = (n: number) => h('a', { class: 'ref', href: `#${id}-source-${n}`, 'data-jump': `${id}-source-${n}` }, `[${n}]`);
  return h(
    'article',
    { class: 'explanation', lang, 'data-illustrative': explanation.illustrative },
    h('h3', { class: 'title' }, explanation.title),
    h('p', { class: 'policy' }, explanation.policy),
    h('p', { class: 'outcome', 'data-outcome': '' }, explanation.outcome),
    explanation.lines.length === 0
      ? null
      : h(
          'ol',
          { class: 'lines' },
          explanation.lines.map((line) =>
            h(
              'li',
              { class: line.illustrative ? 'line illustrative' : 'line', 'data-benefit': line.benefit, 'data-amount': line.amount },
              h('p', { class: 'summary' }, line.summary, ' ', line.sources.map(ref)),
              h('ul', { class: 'steps' }, line.steps.map((step) => h('li', {}, h('span', { class: 'step-label' }, step.label), words.colon, step.statement))),
              line.cut === null ? null : h('p', { class: 'cut' }, line.cut),
            ),
          ),
        ),
    explanation.reasons.length === 0 ? null : [h('h4', {}, words.reasons), h('ul', { class: 'reasons' }, explanation.reasons.map((reason) => h('li', {}, reason)))],
    explanation.warnings.length === 0 ? null : [h('h4', {}, words.warnings), h('ul', { class: 'warnings' }, explanation.warnings.map((warning) => h('li', {}, warning)))],
    explanation.sources.length === 0
      ? null
      : [
          h('h4', {}, words.sources),
          h(
            'ol',
            { class: 'sources' },
            explanation.sources.map((source) =>
              h(
                'li',
                { id: `${id}-source-${source.ref}`, tabindex: -1, 'data-parameter': source.parameter, 'data-status': source.status },
                h('span', { class: 'label' }, source.label), ' = ', h('strong', {}, source.value), ' ', h('code', {}, source.parameter),
                provenance(source, lang),
              ),
            ),
          ),
        ],
    explanation.illustrative ? h('p', { class: 'legend' }, words.illustrativeLegend) : null,
  );
}
