import type { Member } from '../inputSchemas';
import type { Label } from '../policySchema';
import { stepStatement, stepStatementIn, type Language, type ResolvedParams, type StepKey } from '../messages';
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
 * What the compiled rules write a line's steps to, when a reader asks for them. The same code
 * settles the claim with no recorder; with one, it also says what it did. `params` are what
 * the statement writes besides the arithmetic: the `perDay` figures.
 */
export interface Recorder {
  add(key: StepKey, label: Label, expression: string, value: string, params?: ResolvedParams): void;
}

/**
 * The steps of a line in both languages, as a result gives them. Each step comes frozen, its
 * label shared (see `StepLabels`): a list of them needs only freezing itself.
 */
export class Steps implements Recorder {
  readonly #list: Step[] = [];

  add(key: StepKey, label: Label, expression: string, value: string, params: ResolvedParams = NO_FIGURES): void {
    this.#list.push(Object.freeze({ key, label, expression, value, statement: stepStatement(key, expression, value, params) }));
  }

  /** The steps, frozen through and through, in a list of their exact length: a list grown by `push` keeps 17 slots. */
  frozen(): readonly Step[] {
    return Object.freeze(this.#list.slice());
  }
}

/** One step in one language, as an explanation prints it. */
export interface StepWords {
  readonly label: string;
  readonly statement: string;
}

/**
 * The steps of a line in one language, for an explanation: the words it prints, written
 * straight from the run, with no bilingual steps made and kept on the result.
 */
export class StepsIn implements Recorder {
  readonly words: StepWords[] = [];
  /** Each step's key, in the order of `words`. */
  readonly keys: StepKey[] = [];

  constructor(private readonly lang: Language) {}

  add(key: StepKey, label: Label, expression: string, value: string, params: ResolvedParams = NO_FIGURES): void {
    this.keys.push(key);
    this.words.push({ label: label[this.lang], statement: stepStatementIn(this.lang, key, expression, value, params) });
  }

  /** A step already made, in this language. */
  copy(step: Step): void {
    this.keys.push(step.key);
    this.words.push({ label: step.label[this.lang], statement: step.statement[this.lang] });
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
