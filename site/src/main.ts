// The page: a header (language, view), the explorer and the playground. The state lives in
// one object; every change re-renders what depends on it and writes it to the address.
import { h, replace } from './dom';
import { diffTable, explorer, versionOptions } from './explorer';
import { Playground } from './playground';
import { decodeState, defaultState, encodeState, type State } from './state';
import { words, type Language } from './words';

const root = document.getElementById('app')!;
const html = document.documentElement;

const state: State = defaultState();
let notice: string | null = null;
let saves = 0;

/**
 * Writes the state after `#` once the latest change is compressed; `data-url-state` says when
 * the address is up to date (the browser tests wait for it).
 */
function save(): void {
  const ticket = ++saves;
  html.dataset.urlState = 'pending';
  void encodeState(state).then((encoded) => {
    if (ticket !== saves) return;
    history.replaceState(null, '', `#${encoded}`);
    html.dataset.urlState = 'saved';
  });
}

const playground = new Playground(state, save);
const explorerBox = h('div', { class: 'explorer-body' });
const diffBox = h('div', { class: 'diff-body' });

function renderDiff(): void {
  replace(diffBox, diffTable(state.diff[0], state.diff[1], state.lang));
}

function diffPicker(lang: Language): HTMLElement {
  const w = words[lang].explorer;
  const picker = (index: 0 | 1, id: string, label: string) => {
    const select = h('select', { id }, versionOptions(state.diff[index]));
    select.addEventListener('input', () => {
      state.diff[index] = select.value;
      renderDiff();
      save();
    });
    return h('div', { class: 'field' }, h('label', { for: id }, label), select);
  };
  return h('div', { class: 'diff-picker' }, picker(0, 'diff-from', w.diffFrom), picker(1, 'diff-to', w.diffTo));
}

function showView(): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-view]')) {
    const selected = button.dataset.view === state.view;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    document.getElementById(button.getAttribute('aria-controls')!)!.hidden = !selected;
  }
}

/** Everything, in the state's language. */
function render(): void {
  const lang = state.lang;
  const w = words[lang];
  html.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = w.title;
  const views = (['explorer', 'playground'] as const).map((view) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${view}`, 'data-view': view, 'aria-controls': `view-${view}`, onclick: () => select(view) }, w.views[view]),
  );
  const select = (view: State['view']) => {
    state.view = view;
    showView();
    document.getElementById(`tab-${view}`)?.focus();
    save();
  };
  // Arrow keys move between the tabs, as in any tab list.
  const tabs = h('div', { role: 'tablist', 'aria-label': w.title, onkeydown: (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'ArrowRight' || key === 'ArrowLeft') select(state.view === 'explorer' ? 'playground' : 'explorer');
  } }, views);
  const language = h(
    'fieldset',
    { class: 'language' },
    h('legend', {}, w.language),
    (['zh', 'en'] as const).map((option) =>
      h('label', {}, h('input', { type: 'radio', name: 'lang', value: option, checked: option === lang, onchange: () => setLanguage(option) }), option === 'zh' ? '中文' : 'English'),
    ),
  );
  replace(explorerBox, explorer(lang));
  renderDiff();
  replace(
    root,
    h('header', {}, h('h1', {}, w.title), h('p', {}, w.tagline), h('div', { class: 'controls' }, tabs, language)),
    notice === null ? null : h('p', { class: 'notice', role: 'alert' }, notice),
    h('main', {},
      h('section', { id: 'view-explorer', role: 'tabpanel', 'aria-labelledby': 'tab-explorer' }, explorerBox, h('section', { class: 'diff-section', 'aria-labelledby': 'diff-title' }, h('h2', { id: 'diff-title' }, w.explorer.diff), diffPicker(lang), diffBox)),
      h('section', { id: 'view-playground', role: 'tabpanel', 'aria-labelledby': 'tab-playground' }, playground.root),
    ),
    h('footer', {}, h('p', {}, w.share, ' ', w.offline)),
  );
  playground.render();
  showView();
}

function setLanguage(lang: Language): void {
  state.lang = lang;
  render();
  document.querySelector<HTMLInputElement>(`input[name="lang"][value="${lang}"]`)?.focus();
}

// In-page links (the scheme list, an explanation's [n]) scroll to their target: the address
// after `#` is the state, not a place in the page.
root.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLElement>('[data-jump]');
  if (link === null) return;
  event.preventDefault();
  const target = document.getElementById(link.dataset.jump!);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
});

async function start(): Promise<void> {
  try {
    const linked = await decodeState(location.hash);
    if (linked !== null) Object.assign(state, linked);
  } catch {
    notice = words[state.lang].badLink;
  }
  render();
}

void start();
