// The playground: a rule file validated as you type, a member and a claim, the settlement
// explained, and the same claim under another version side by side.
import {
  buildExplanation,
  compareClaim,
  InvalidInputError,
  safeEvaluateClaim,
  safeParsePolicy,
  type AttributeDeclaration,
  type ClaimInput,
  type Issue,
  type Language,
  type MemberInput,
  type Policy,
} from '../../src';
import { formatPath } from '../../src/_lib/errors';
import { h, replace } from './dom';
import { explanationView } from './explanation';
import { locate } from './locate';
import { versionOptions } from './explorer';
import { bundled, CLAIM_KINDS, COST_FIELDS, startFrom, type ClaimForm, type EnrolmentForm, type MemberForm, type State } from './state';
import { bilingual, fields, term, words, type Bilingual } from './words';

/** The id of the control for an input path: `claim.costs.selfPaid` → `f-claim-costs-selfPaid`. */
const idOf = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function labelOf(label: Bilingual, lang: Language, forId: string): HTMLLabelElement {
  const [first, second] = bilingual(label, lang);
  return h('label', { for: forId }, h('span', { lang }, first), ' ', h('span', { class: 'other', lang: lang === 'zh' ? 'en' : 'zh' }, second));
}

/** A labelled control for the input field at `path`, with room for the error huzhu reports there. */
function field(path: string, label: Bilingual, lang: Language, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const id = idOf(path);
  control.id = id;
  control.dataset.path = path;
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field' }, labelOf(label, lang, id), control, h('p', { class: 'error', id: `${id}-error`, 'data-error-for': path, hidden: true }));
}

/** A text box bound to a value of the state; amounts and dates are text, so that huzhu, not the browser, says what is wrong. */
function text(value: string, set: (value: string) => void, options: { inputmode?: string; placeholder?: string } = {}): HTMLInputElement {
  const input = h('input', { type: 'text', value, autocomplete: 'off', spellcheck: 'false', ...options });
  input.addEventListener('input', () => set(input.value));
  return input;
}

const date = (value: string, set: (value: string) => void) => text(value, set, { placeholder: 'YYYY-MM-DD', inputmode: 'numeric' });

function choice(value: string, options: readonly [string, Bilingual][], lang: Language, set: (value: string) => void): HTMLSelectElement {
  const select = h('select', {}, options.map(([key, label]) => h('option', { value: key, selected: key === value }, bilingual(label, lang).join(' · '))));
  select.addEventListener('input', () => set(select.value));
  return select;
}

/** A whole number when the text is one, else the text, which huzhu then refuses at its path. */
const wholeOr = (value: string): number | string => (/^-?\d+$/.test(value.trim()) ? Number(value) : value);

function enrolmentInput(enrolment: EnrolmentForm) {
  return {
    scheme: enrolment.scheme,
    year: wholeOr(enrolment.year),
    from: enrolment.from,
    to: enrolment.to,
    ...(enrolment.enrolledOn === '' ? {} : { enrolledOn: enrolment.enrolledOn }),
  };
}

type Declarations = Readonly<Record<string, AttributeDeclaration>>;

/** Only the facts the rule file declares go to huzhu, so a fact left from another rule file is not read. */
function declared<T>(values: Record<string, T>, declarations: Declarations | undefined, keep: (value: T) => boolean): Record<string, T> | undefined {
  const kept = Object.entries(declarations ?? {}).flatMap(([name]) => (Object.hasOwn(values, name) && keep(values[name]!) ? [[name, values[name]!] as const] : []));
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

export function memberInput(member: MemberForm, policy: Policy): MemberInput {
  const flags = declared(member.flags, policy.attributes?.member, (value) => value);
  const attributes = declared(member.attributes, policy.attributes?.member, (value) => value !== '');
  return {
    id: member.id,
    enrolments: member.enrolments.map(enrolmentInput),
    ...(flags === undefined ? {} : { flags }),
    ...(attributes === undefined ? {} : { attributes }),
    ...(member.birthDate === '' ? {} : { birthDate: member.birthDate }),
    ...(member.sex === '' ? {} : { sex: member.sex }),
  } as MemberInput;
}

export function claimInput(claim: ClaimForm, policy: Policy): ClaimInput {
  const attributes = declared(claim.attributes, policy.attributes?.claim, (value) => value !== '');
  const extras = { ...(attributes === undefined ? {} : { attributes }), ...(claim.filedOn === '' ? {} : { filedOn: claim.filedOn }) };
  const { aboveCeiling, ...required } = claim.costs;
  const costs = { ...required, ...(aboveCeiling === '' ? {} : { aboveCeiling }) };
  switch (claim.kind) {
    case 'hospitalisation':
      return { kind: 'hospitalisation', id: claim.id, admission: claim.admission, discharge: claim.discharge, cause: claim.cause, costs, ...extras };
    case 'outpatient':
      return { kind: 'outpatient', id: claim.id, date: claim.date, costs, ...extras };
    case 'disability':
      return { kind: 'disability', id: claim.id, date: claim.date, grade: wholeOr(claim.grade), ...extras } as ClaimInput;
    case 'death':
      return { kind: 'death', id: claim.id, date: claim.date, ...extras };
  }
}

/** Issues with their paths; given `show`, each path is a button that shows its place. */
function issueList(issues: readonly Issue[], show?: (issue: Issue) => void): HTMLUListElement {
  return h(
    'ul',
    { class: 'issues' },
    issues.map((issue) => {
      const path = h('code', {}, formatPath(issue.path) || '(root)');
      return h('li', { 'data-path': formatPath(issue.path) }, show === undefined ? path : h('button', { type: 'button', class: 'path', onclick: () => show(issue) }, path), ': ', issue.message);
    }),
  );
}

/** Selects in the editor the text an issue of the rule file is about: the value at its path, or where JSON.parse stopped. */
function showInEditor(textarea: HTMLTextAreaElement, issue: Issue): void {
  const text = textarea.value;
  const stopped = /position (\d+)/.exec(issue.message);
  const [start, end] = issue.path[0] === 'json' ? (stopped === null ? [0, 0] : [Number(stopped[1]), Number(stopped[1]) + 1]) : locate(text, issue.path.slice(1));
  textarea.focus();
  textarea.setSelectionRange(start, end);
}

export class Playground {
  readonly root = h('div', { class: 'playground' });
  private readonly editorStatus = h('div', { class: 'rule-status', role: 'status', 'aria-live': 'polite' });
  private readonly form = h('form', { class: 'claim-form', novalidate: true });
  private readonly results = h('section', { class: 'results', 'aria-live': 'polite' });
  private policy: Policy | null = null;
  /** The declarations the form was built for: the form is rebuilt only when they change. */
  private builtFor = '';

  constructor(
    private readonly state: State,
    private readonly changed: () => void,
  ) {
    this.form.addEventListener('submit', (event) => event.preventDefault());
  }

  private get lang(): Language {
    return this.state.lang;
  }

  /** Builds the whole playground, in the state's language. */
  render(): void {
    const w = words[this.lang].playground;
    const textarea = h('textarea', { id: 'rules', rows: 24, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'rules-status' });
    textarea.value = this.state.rules;
    textarea.addEventListener('input', () => {
      this.state.rules = textarea.value;
      this.update();
    });
    const start = h('select', { id: 'start-from' }, h('option', { value: '' }, '—'), versionOptions(''));
    start.addEventListener('input', () => {
      const policy = bundled(start.value);
      if (policy === undefined) return;
      Object.assign(this.state, startFrom(policy));
      textarea.value = this.state.rules;
      start.value = '';
      this.builtFor = '';
      this.update();
    });
    this.editorStatus.id = 'rules-status';
    this.builtFor = '';
    replace(
      this.root,
      h('p', { class: 'intro' }, w.intro),
      h(
        'div',
        { class: 'columns' },
        h('section', { class: 'editor', 'aria-labelledby': 'editor-title' }, h('h2', { id: 'editor-title' }, w.ruleFile), h('div', { class: 'field' }, h('label', { for: 'start-from' }, w.startFrom), start), h('div', { class: 'field' }, h('label', { for: 'rules' }, w.ruleFile), textarea), this.editorStatus),
        h('section', { class: 'inputs', 'aria-label': `${w.member} · ${w.claim}` }, this.form),
      ),
      this.results,
    );
    this.update();
  }

  /** After any edit: validate the rules, rebuild the form if its fields changed, settle, save. */
  update(): void {
    const w = words[this.lang].playground;
    const parsed = safeParsePolicy(this.state.rules);
    const textarea = this.root.querySelector('textarea')!;
    if (parsed.success) {
      this.policy = parsed.data;
      textarea.removeAttribute('aria-invalid');
      replace(this.editorStatus, h('p', { class: 'valid' }, w.ruleFileValid(parsed.data.scheme, parsed.data.year)));
    } else {
      this.policy = null;
      textarea.setAttribute('aria-invalid', 'true');
      replace(this.editorStatus, h('p', { class: 'invalid' }, w.ruleFileIssues(parsed.error.issues.length)), issueList(parsed.error.issues, (issue) => showInEditor(textarea, issue)));
    }
    const shape = `${this.state.claim.kind} ${this.state.member.enrolments.length} ${JSON.stringify(this.policy?.attributes ?? null)}`;
    if (shape !== this.builtFor) {
      this.builtFor = shape;
      this.buildForm();
    }
    this.settle();
    this.changed();
  }

  private buildForm(): void {
    const lang = this.lang;
    const w = words[lang].playground;
    const { member, claim } = this.state;
    const declarations = this.policy?.attributes;
    const enrolment = (item: EnrolmentForm, index: number) => {
      const at = `member.enrolments[${index}]`;
      const legend = bilingual(fields.enrolment, lang).join(' · ');
      return h(
        'fieldset',
        { class: 'enrolment' },
        h('legend', {}, `${legend} ${index + 1}`),
        field(`${at}.scheme`, fields.scheme, lang, text(item.scheme, (value) => ((item.scheme = value), this.update()))),
        field(`${at}.year`, fields.year, lang, text(item.year, (value) => ((item.year = value), this.update()), { inputmode: 'numeric' })),
        field(`${at}.from`, fields.from, lang, date(item.from, (value) => ((item.from = value), this.update()))),
        field(`${at}.to`, fields.to, lang, date(item.to, (value) => ((item.to = value), this.update()))),
        field(`${at}.enrolledOn`, fields.enrolledOn, lang, date(item.enrolledOn, (value) => ((item.enrolledOn = value), this.update()))),
        h('button', { type: 'button', class: 'secondary', onclick: () => (member.enrolments.splice(index, 1), this.update()) }, w.removeEnrolment),
      );
    };
    const facts = (who: 'member' | 'claim', values: Record<string, string>) =>
      Object.entries(declarations?.[who] ?? {}).map(([name, declaration]) => {
        const path = `${who}.attributes.${name}`;
        if (declaration.values !== undefined) {
          const options: [string, Bilingual][] = [['', fields.notGiven], ...Object.entries(declaration.values)];
          return field(path, declaration.label, lang, choice(values[name] ?? '', options, lang, (value) => ((values[name] = value), this.update())));
        }
        if (who === 'claim') return field(path, declaration.label, lang, text(values[name] ?? '', (value) => ((values[name] = value), this.update())));
        const box = h('input', { type: 'checkbox', checked: member.flags[name] === true });
        box.addEventListener('input', () => ((member.flags[name] = box.checked), this.update()));
        return field(`member.flags.${name}`, declaration.label, lang, box);
      });
    const kind = claim.kind;
    const stay = kind === 'hospitalisation';
    const memberFacts = facts('member', member.attributes);
    const claimFacts = facts('claim', claim.attributes);
    replace(
      this.form,
      h(
        'fieldset',
        { class: 'member' },
        h('legend', {}, w.member),
        field('member.id', fields.memberId, lang, text(member.id, (value) => ((member.id = value), this.update()))),
        field('member.birthDate', fields.birthDate, lang, date(member.birthDate, (value) => ((member.birthDate = value), this.update()))),
        field('member.sex', fields.sex, lang, choice(member.sex, [['', fields.notGiven], ['female', fields.female], ['male', fields.male]], lang, (value) => ((member.sex = value as MemberForm['sex']), this.update()))),
        member.enrolments.map(enrolment),
        h('button', { type: 'button', class: 'secondary', onclick: () => (member.enrolments.push({ scheme: '', year: '', from: '', to: '', enrolledOn: '' }), this.update()) }, w.addEnrolment),
        memberFacts.length === 0 ? null : h('fieldset', { class: 'facts' }, h('legend', {}, w.flags), memberFacts),
      ),
      h(
        'fieldset',
        { class: 'claim' },
        h('legend', {}, w.claim),
        field('claim.kind', fields.claimKind, lang, choice(kind, CLAIM_KINDS.map((k) => [k, term(k)]), lang, (value) => ((claim.kind = value as ClaimForm['kind']), this.update()))),
        field('claim.id', fields.claimId, lang, text(claim.id, (value) => ((claim.id = value), this.update()))),
        stay
          ? [
              field('claim.admission', fields.admission, lang, date(claim.admission, (value) => ((claim.admission = value), this.update()))),
              field('claim.discharge', fields.discharge, lang, date(claim.discharge, (value) => ((claim.discharge = value), this.update()))),
              field('claim.cause', fields.cause, lang, choice(claim.cause, [['illness', term('illness')], ['accident', term('accident')]], lang, (value) => ((claim.cause = value as ClaimForm['cause']), this.update()))),
            ]
          : field('claim.date', fields.date, lang, date(claim.date, (value) => ((claim.date = value), this.update()))),
        kind === 'disability' ? field('claim.grade', fields.grade, lang, text(claim.grade, (value) => ((claim.grade = value), this.update()), { inputmode: 'numeric' })) : null,
        stay || kind === 'outpatient'
          ? h(
              'fieldset',
              { class: 'costs' },
              h('legend', {}, w.costs),
              COST_FIELDS.map((cost) =>
                field(`claim.costs.${cost}`, cost === 'aboveCeiling' ? { zh: `${term(cost).zh}${fields.optional.zh}`, en: `${term(cost).en}${fields.optional.en}` } : term(cost), lang, text(claim.costs[cost], (value) => ((claim.costs[cost] = value), this.update()), { inputmode: 'decimal' })),
              ),
            )
          : null,
        field('claim.filedOn', fields.filedOn, lang, date(claim.filedOn, (value) => ((claim.filedOn = value), this.update()))),
        claimFacts.length === 0 ? null : h('fieldset', { class: 'facts' }, h('legend', {}, w.claimAttributes), claimFacts),
      ),
    );
  }

  /** Shows each issue at its field; returns those no field shows. */
  private markFields(issues: readonly Issue[]): Issue[] {
    for (const error of this.form.querySelectorAll<HTMLElement>('p.error')) {
      error.hidden = true;
      error.textContent = '';
      document.getElementById(idOf(error.dataset.errorFor!))?.removeAttribute('aria-invalid');
    }
    return issues.filter((issue) => {
      const path = formatPath(issue.path);
      const error = document.getElementById(`${idOf(path)}-error`);
      if (error === null) return true;
      error.hidden = false;
      error.textContent = error.textContent === '' ? issue.message : `${error.textContent}; ${issue.message}`;
      document.getElementById(idOf(path))?.setAttribute('aria-invalid', 'true');
      return false;
    });
  }

  private settle(): void {
    const lang = this.lang;
    const w = words[lang].playground;
    const policy = this.policy;
    if (policy === null) {
      this.markFields([]);
      replace(this.results, h('h2', {}, w.settlement), h('p', { class: 'blocked' }, w.fixRules));
      return;
    }
    const member = memberInput(this.state.member, policy);
    const claim = claimInput(this.state.claim, policy);
    const settled = safeEvaluateClaim(policy, member, claim);
    if (!settled.success) {
      const others = this.markFields(settled.error.issues);
      replace(this.results, h('h2', {}, w.settlement), h('p', { class: 'blocked' }, w.fixInput), others.length === 0 ? null : [h('h3', {}, w.otherIssues), issueList(others)]);
      return;
    }
    this.markFields([]);
    const compare = h('select', { id: 'compare-with' }, versionOptions(this.state.compare));
    compare.addEventListener('input', () => ((this.state.compare = compare.value), this.update()));
    replace(
      this.results,
      h('h2', {}, w.settlement),
      h('div', { class: 'field compare' }, h('label', { for: 'compare-with' }, w.compareWith), compare),
      h(
        'div',
        { class: 'side-by-side', 'aria-label': w.sideBySide },
        h('div', { class: 'column', 'data-column': 'rules' }, explanationView(buildExplanation(settled.data, { lang }), 'main')),
        this.compared(member, claim, policy),
      ),
    );
  }

  /** The claim under the version chosen to compare with, as `compareClaim` settles it. */
  private compared(member: MemberInput, claim: ClaimInput, policy: Policy): HTMLElement {
    const lang = this.lang;
    const w = words[lang].playground;
    const other = bundled(this.state.compare);
    const column = (...children: (HTMLElement | null)[]) => h('div', { class: 'column', 'data-column': 'compare' }, children);
    if (other === undefined) return column(null);
    try {
      const outcome = compareClaim(claim, member, [policy, other]).results[1]!;
      const difference = outcome.difference.toFixed(2);
      return column(
        outcome.whatIf ? h('p', { class: 'what-if' }, w.whatIf) : null,
        h('p', { class: 'difference', 'data-difference': difference }, w.difference(outcome.difference.isPositive() && !outcome.difference.isZero() ? `+${difference}` : difference)),
        explanationView(buildExplanation(outcome.result, { lang }), 'compare'),
      );
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return column(issueList(error.issues));
    }
  }
}
