import type { Member } from '../inputSchemas';
import type { Label } from '../policySchema';
import { fixedLabel, stepStatement, stepStatementIn, type Language, type ResolvedParams, type StepKey } from '../messages';
import { inspect } from '../result';
import type { RoundingMode } from '../money';
import type { PlainClaim } from '../plainInput';
import type { Step } from '../trace';
import type { History } from './history';
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
  /** The class of a diagnosis claim's condition in the policy's list; empty for other claims and for a condition not listed. */
  readonly conditionClass: string;
  /** The member's year before this claim. */
  readonly ledger: LedgerInFen;
  readonly mode: RoundingMode;
  /** Whether each step of a formula is rounded to the fen, or only each line. */
  readonly eachStep: boolean;
  /** Where the claim is in the caller's input, for an error about a fact the rules need. */
  readonly path: readonly (string | number)[];
  /** The member's payments before the ledger's year, as the caller gave them; undefined when not given. */
  readonly history?: History;
}

/**
 * How one kind of step writes its text from the figures it keeps: made once, by a formula's
 * module, and shared by every step of the kind. `value` is what the step came to as the run
 * computed it (an amount in fen, a count, a bracket); `a` to `c` are what its arithmetic
 * names. Each writer formats figures and computes nothing the rules decide.
 */
export interface StepForm<V, A = undefined, B = undefined, C = undefined> {
  readonly key: StepKey;
  /** The arithmetic, e.g. `50.00 × 10`. */
  readonly expression: (value: V, a: A, b: B, c: C) => string;
  /** What the step came to: an amount with two decimals, or a count. */
  readonly value: (value: V, a: A, b: B, c: C) => string;
  /** What the statement writes besides the arithmetic: `perDay`'s daily amount and days. */
  readonly params?: (value: V, a: A, b: B, c: C) => ResolvedParams;
}

/** A form with a label: what a step keeps besides its figures, made once for each label and shared. */
export interface StepKind<V, A = undefined, B = undefined, C = undefined> {
  readonly form: StepForm<V, A, B, C>;
  readonly label: Label;
}

type AnyKind = StepKind<unknown, unknown, unknown, unknown>;

export function stepKind<V, A, B, C>(form: StepForm<V, A, B, C>, label: Label): StepKind<V, A, B, C> {
  return Object.freeze({ form, label });
}

const fixedKinds = new Map<StepForm<never, never, never, never>, AnyKind>();

/** The kind of a form whose label takes no parameters, e.g. `deductible`: one for every step. */
export function fixedKind<V, A, B, C>(form: StepForm<V, A, B, C>): StepKind<V, A, B, C> {
  let kind = fixedKinds.get(form);
  if (kind === undefined) fixedKinds.set(form, (kind = stepKind(form, fixedLabel(form.key)) as AnyKind));
  return kind as StepKind<V, A, B, C>;
}

/**
 * What the compiled rules write a line's steps to. The same code settles the claim with no
 * recorder; with one, it also says what it did. A step keeps its kind and its figures and is
 * written out when read; `add` keeps a step's text as it is, for steps too rare to need a form.
 */
export interface Recorder {
  record<V>(kind: StepKind<V>, value: V): void;
  record<V, A>(kind: StepKind<V, A>, value: V, a: A): void;
  record<V, A, B>(kind: StepKind<V, A, B>, value: V, a: A, b: B): void;
  record<V, A, B, C>(kind: StepKind<V, A, B, C>, value: V, a: A, b: B, c: C): void;
  add(key: StepKey, label: Label, expression: string, value: string): void;
}

/** A step kept as text: its value, and its expression as its one figure. */
const textForms = new Map<StepKey, StepForm<string, string>>();
function textForm(key: StepKey): StepForm<string, string> {
  let form = textForms.get(key);
  if (form === undefined) textForms.set(key, (form = { key, expression: (_, expression) => expression, value: (value) => value }));
  return form;
}

/**
 * A step of a line: its kind and its figures, written out as text when read, so a kept step is
 * one small object holding no text. To a reader and to JSON it is the plain {@link Step}; its
 * fields are accessors (`toJSON()` gives them as data), and each read of `statement` makes a
 * new frozen label.
 */
class FigureStep implements Step {
  readonly #kind: AnyKind;
  readonly #value: unknown;
  readonly #a: unknown;
  readonly #b: unknown;
  readonly #c: unknown;

  constructor(kind: AnyKind, value: unknown, a: unknown, b: unknown, c: unknown) {
    this.#kind = kind;
    this.#value = value;
    this.#a = a;
    this.#b = b;
    this.#c = c;
    Object.freeze(this);
  }

  get key(): StepKey {
    return this.#kind.form.key;
  }

  get label(): Label {
    return this.#kind.label;
  }

  get expression(): string {
    return this.#kind.form.expression(this.#value, this.#a, this.#b, this.#c);
  }

  get value(): string {
    return this.#kind.form.value(this.#value, this.#a, this.#b, this.#c);
  }

  get statement(): Label {
    return stepStatement(this.key, this.expression, this.value, FigureStep.#params(this));
  }

  /** Static, not an instance method: a private instance method costs every instance a slot. */
  static #params(step: FigureStep): ResolvedParams {
    return step.#kind.form.params?.(step.#value, step.#a, step.#b, step.#c) ?? NO_FIGURES;
  }

  /** A step's statement in one language: for a step the engine made, only that language is written. */
  static statementIn(step: Step, lang: Language): string {
    if (!(#kind in step)) return step.statement[lang];
    return stepStatementIn(lang, step.key, step.expression, step.value, FigureStep.#params(step));
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

/**
 * Items gathered one by one and taken as a frozen list of their exact length. Written by index
 * and never emptied, so one collector serves every read: emptying an array frees its slots,
 * and the next first push allocates 17.
 */
export class Collector<T> {
  readonly #list: T[] = [];
  #count = 0;

  push(item: T): void {
    this.#list[this.#count++] = item;
  }

  /** The items pushed since the last take or clear; the next take starts afresh. */
  take(): readonly T[] {
    const list = Object.freeze(this.#list.slice(0, this.#count));
    this.#count = 0;
    return list;
  }

  /** Forgets what a run that threw left. */
  clear(): void {
    this.#count = 0;
  }
}

/** The steps of a line, as a result gives them: each step frozen, its kind shared. */
export class Steps extends Collector<Step> implements Recorder {
  record(kind: AnyKind, value: unknown, a?: unknown, b?: unknown, c?: unknown): void {
    this.push(new FigureStep(kind, value, a, b, c));
  }

  add(key: StepKey, label: Label, expression: string, value: string): void {
    this.record(stepKind(textForm(key), label) as AnyKind, value, expression);
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
