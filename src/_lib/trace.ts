import { message, type Message, type StepKey } from './messages';
import type { Label, Provenance } from './policySchema';

/** One step of a computation, in both languages, with the arithmetic written out. */
export interface Step {
  readonly key: StepKey;
  readonly label: Label;
  /** The arithmetic, e.g. `50.00 × 10`. */
  readonly expression: string;
  /** What the step came to: an amount with two decimals, or a count. */
  readonly value: string;
  /** The arithmetic and its result with units, in both languages: `50.00 元/天 × 10 天 = 500.00 元`. */
  readonly statement: Label;
}

/** A parameter a result depended on, with its provenance. */
export interface Citation {
  /** Where the parameter sits in the policy, e.g. `benefits.death.formula.amount`. */
  readonly parameter: string;
  readonly label: Label;
  /** The value the parameter had. */
  readonly value: unknown;
  readonly provenance: Provenance;
}

/** One warning per illustrative parameter in the citations, in the order they were used. */
export function illustrativeWarnings(citations: readonly Citation[]): Message[] {
  return citations
    .filter((citation) => citation.provenance.status === 'illustrative')
    .map((citation) => message('ILLUSTRATIVE_PARAMETER', { parameter: citation.parameter, label: citation.label }));
}
