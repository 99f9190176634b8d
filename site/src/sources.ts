// A parameter's value and provenance as the page shows it: in the explorer, in a diff and
// under an explanation alike. The words are huzhu's (explainSource), as explanations and the
// README's tables have them.
import type { ExplainedSource, Language, Parameter, Policy } from '../../src';
import { explainSource } from '../../src/buildExplanation';
import { noteText } from '../../src/_lib/parameterText';
import { h } from './dom';
import { words } from './words';

/** A policy's parameter worded in one language, as an explanation citing it would show it. */
export function worded(policy: Pick<Policy, 'attributes'>, path: string, parameter: Parameter, lang: Language, ref = 0): ExplainedSource {
  return explainSource({ parameter: path, label: parameter.label, value: parameter.value, provenance: parameter.provenance }, ref, lang, policy.attributes);
}

/** Where a value comes from: a published source with its quoted words, or an illustrative value's note, marked. */
export function provenance(source: ExplainedSource, lang: Language): HTMLElement {
  const w = words[lang].explorer;
  const note = source.note === null ? null : h('p', { class: 'note', lang: source.note.lang }, noteText(source.note, lang));
  if (source.status === 'illustrative') {
    return h('div', { class: 'provenance illustrative', 'data-status': 'illustrative' }, h('span', { class: 'badge' }, w.illustrative), note);
  }
  const url = source.publication?.url;
  return h(
    'div',
    { class: 'provenance published', 'data-status': 'published' },
    h('span', { class: 'badge' }, w.published),
    ' ',
    h('cite', {}, url ? h('a', { href: url, rel: 'noreferrer' }, source.publication!.citation) : source.publication?.citation),
    source.quote === null ? null : h('blockquote', { lang: 'zh', 'aria-label': w.quote }, source.quote),
    note,
  );
}
