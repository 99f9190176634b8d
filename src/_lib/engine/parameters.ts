import type { Parameter } from '../policySchema';
import type { Citation } from '../trace';
import type { ClaimContext } from './context';
import type { Predicate } from './conditions';

/**
 * A parameter ready for claims: its values (the parameter's own first, then each variant's),
 * what citing each says, and which one a claim gets.
 */
export interface CompiledParameter<T> {
  readonly values: readonly T[];
  readonly citations: readonly Citation[];
  /** The index of the value a claim gets: 0 unless a variant's condition holds. */
  readonly pick: (context: ClaimContext) => number;
  readonly varies: boolean;
}

const always0 = () => 0;

export function compileParameter<T, V>(
  parameter: Parameter<T>,
  path: string,
  read: (value: T) => V,
  condition: (when: NonNullable<Parameter['variants']>[number]['when']) => Predicate,
): CompiledParameter<V> {
  const variants = parameter.variants ?? [];
  const cite = (value: T, at: string, provenance: Parameter['provenance']): Citation =>
    Object.freeze({ parameter: at, label: parameter.label, value, provenance });
  const values = [read(parameter.value), ...variants.map((variant) => read(variant.value))];
  const citations = [
    cite(parameter.value, path, parameter.provenance),
    ...variants.map((variant, index) => cite(variant.value, `${path}.variants[${index}]`, variant.provenance ?? parameter.provenance)),
  ];
  if (variants.length === 0) return { values, citations, pick: always0, varies: false };
  const tests = variants.map((variant) => condition(variant.when));
  return {
    values,
    citations,
    pick: (context) => {
      for (let index = 0; index < tests.length; index += 1) if (tests[index]!(context)) return index + 1;
      return 0;
    },
    varies: true,
  };
}

/** The value a claim gets. */
export const valueFor = <V>(parameter: CompiledParameter<V>, context: ClaimContext): V => parameter.values[parameter.pick(context)]!;
