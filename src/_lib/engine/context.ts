import type { Member } from '../inputSchemas';
import type { Label } from '../policySchema';
import { stepStatement, stepStatementIn, type Language, type ResolvedParams, type StepKey } from '../messages';
import { inspect } from '../result';
import type { RoundingMode } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Step } from '../trace';
import type { LedgerInFen } from './ledgerInFen';

/** What the compiled rules read about one claim: the claim, the member and the year so far. */
export interface ClaimContext {
  readonly claim: PlainClaim;
  readonly member: Member;
  /** The day number of the date that places the event in the year. */
  readonly eventDay: number;
  /** Days in hospital by the policy's count; 0 for other claims. */
  readonly days: number;
  /** The stay's number among the member's stays of the year, from 1; 0 for other claims. */
  readonly stayNumber: number;
  /** The member's year before this claim. */
  readonly ledger: LedgerInFen;
  readonly mode: RoundingMode;
  /** Whether each step of a formula is rounded to the fen, or only each line. */
  readonly eachStep: boolean;
  /** Where the claim is in the caller's input, for an error about a fact the rules need. */
  readonly path: readonly (string | number)[];
}

/**
 * How one kind of step writes its text from the figures it keeps: made once, by a formula's
 * module, and shared by every step of the kind. `value` is what the step came to as the run
 * computed it (an amount in fen, a count, a bracket); `a` to `d` are what its arithmetic
 * names. Each writer formats figures and computes nothing the rules decide.
 */
export interface StepForm<V, A = undefined, B = undefined, C = undefined, D = undefined> {
  readonly key: StepKey;
  /** The arithmetic, e.g. `50.00 × 10`. */
  readonly expression: (value: V, a: A, b: B, c: C, d: D) => string;
  /** What the step came to: an amount with two decimals, or a count. */
  readonly value: (value: V, a: A, b: B, c: C, d: D) => string;
  /** What the statement writes besides the arithmetic: `perDay`'s daily amount and days. */
  readonly params?: (value: V, a: A, b: B, c: C, d: D) => ResolvedParams;
  /** The label, for a step whose label names the claim's own figures: made when first read. */
  readonly label?: (value: V, a: A, b: B, c: C, d: D) => Label;
}

/**
 * What the compiled rules write a line's steps to. The same code settles the claim with no
 * recorder; with one, it also says what it did. A step keeps its figures and a shared label
 * (`null`: its form makes the label) and is written out when read; `add` keeps a step's text as
 * it is, for steps too rare to need a form.
 */
export interface Recorder {
  record<V>(form: StepForm<V>, label: Label | null, value: V): void;
  record<V, A>(form: StepForm<V, A>, label: Label | null, value: V, a: A): void;
  record<V, A, B>(form: StepForm<V, A, B>, label: Label | null, value: V, a: A, b: B): void;
  record<V, A, B, C>(form: StepForm<V, A, B, C>, label: Label | null, value: V, a: A, b: B, c: C): void;
  record<V, A, B, C, D>(form: StepForm<V, A, B, C, D>, label: Label | null, value: V, a: A, b: B, c: C, d: D): void;
  add(key: StepKey, label: Label, expression: string, value: string): void;
}

type AnyForm = StepForm<unknown, unknown, unknown, unknown, unknown>;

/** A step kept as text: its expression and value are its figures. */
const textForms = new Map<StepKey, StepForm<string, string>>();
function textForm(key: StepKey): StepForm<string, string> {
  let form = textForms.get(key);
  if (form === undefined) textForms.set(key, (form = { key, expression: (_, expression) => expression, value: (value) => value }));
  return form;
}

/**
 * A step of a line: its form, its label and its figures, written out as text when read, so a
 * kept step holds one small object and no text. To a reader and to JSON it is the plain
 * {@link Step}; its fields are accessors (`toJSON()` gives them as data), and each read of
 * `statement` makes a new frozen label.
 */
class FigureStep implements Step {
  readonly #form: AnyForm;
  /** Null until first read, for a label its form makes. */
  #label: Label | null;
  readonly #value: unknown;
  readonly #a: unknown;
  readonly #b: unknown;
  readonly #c: unknown;
  readonly #d: unknown;

  constructor(form: AnyForm, label: Label | null, value: unknown, a: unknown, b: unknown, c: unknown, d: unknown) {
    this.#form = form;
    this.#label = label;
    this.#value = value;
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
    Object.freeze(this);
  }

  get key(): StepKey {
    return this.#form.key;
  }

  get label(): Label {
    return (this.#label ??= this.#form.label!(this.#value, this.#a, this.#b, this.#c, this.#d));
  }

  get expression(): string {
    return this.#form.expression(this.#value, this.#a, this.#b, this.#c, this.#d);
  }

  get value(): string {
    return this.#form.value(this.#value, this.#a, this.#b, this.#c, this.#d);
  }

  get statement(): Label {
    return stepStatement(this.key, this.expression, this.value, this.#params());
  }

  #params(): ResolvedParams {
    return this.#form.params?.(this.#value, this.#a, this.#b, this.#c, this.#d) ?? NO_FIGURES;
  }

  /** A step's statement in one language: for a step the engine made, only that language is written. */
  static statementIn(step: Step, lang: Language): string {
    if (!(#form in step)) return step.statement[lang];
    return stepStatementIn(lang, step.key, step.expression, step.value, step.#params());
  }

  /** The step as plain data, in the order of {@link Step}'s fields. */
  toJSON(): Step {
    return { key: this.key, label: this.label, expression: this.expression, value: this.value, statement: this.statement };
  }

  [inspect](): Step {
    return this.toJSON();
  }
}

/** A step's statement in one language, written from its figures when the engine made it. */
export const statementIn = FigureStep.statementIn;

/** The steps of a line, as a result gives them: each step frozen, its label shared (see `StepLabels`). */
export class Steps implements Recorder {
  readonly #list: Step[] = [];

  record(form: AnyForm, label: Label | null, value: unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    this.#list.push(new FigureStep(form, label, value, a, b, c, d));
  }

  add(key: StepKey, label: Label, expression: string, value: string): void {
    this.record(textForm(key) as AnyForm, label, value, expression);
  }

  /** The steps recorded since the last take, frozen, in a list of their exact length (one grown by `push` keeps 17 slots); the next take starts afresh. */
  take(): readonly Step[] {
    const list = Object.freeze(this.#list.slice());
    this.#list.length = 0;
    return list;
  }
}

const NO_FIGURES: ResolvedParams = Object.freeze({});

/**
 * Parts of a step's text as one flat string. A template literal makes a tree of pieces, several
 * objects that every kept step holds (and the collector walks) where one will do.
 */
export function joined(...parts: readonly (string | number)[]): string {
  return parts.join('');
}
