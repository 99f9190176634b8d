import type { Decimal } from './decimal';
import { message, stepLabel, stepStatement, type Message, type MessageParams, type StepKey } from './messages';
import type { Label, Parameter, Provenance } from './policySchema';

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

/**
 * Records what one benefit's computation did. It lives only inside one evaluation, so its
 * mutation never leaks: the result gets frozen copies.
 */
export class Trace {
  readonly steps: Step[] = [];
  readonly citations: Citation[] = [];
  readonly reasons: Message[] = [];
  readonly warnings: Message[] = [];

  /** Reads a parameter and remembers that the result depends on it. */
  use<T>(parameter: Parameter<T>, path: string): T {
    if (!this.citations.some((citation) => citation.parameter === path)) {
      this.citations.push({ parameter: path, label: parameter.label, value: parameter.value, provenance: parameter.provenance });
    }
    return parameter.value;
  }

  step(key: StepKey, params: MessageParams, expression: string, value: string | Decimal): void {
    const shown = typeof value === 'string' ? value : value.toFixed(2);
    this.steps.push({ key, label: stepLabel(key, params), expression, value: shown, statement: stepStatement(key, expression, shown, params) });
  }

  reason(...args: Parameters<typeof message>): void {
    this.reasons.push(message(...args));
  }

  warn(...args: Parameters<typeof message>): void {
    this.warnings.push(message(...args));
  }

  get illustrative(): boolean {
    return this.citations.some((citation) => citation.provenance.status === 'illustrative');
  }
}

/** One warning per illustrative parameter in the citations, in the order they were used. */
export function illustrativeWarnings(citations: readonly Citation[]): Message[] {
  return citations
    .filter((citation) => citation.provenance.status === 'illustrative')
    .map((citation) => message('ILLUSTRATIVE_PARAMETER', { parameter: citation.parameter, label: citation.label }));
}
