import * as z from 'zod';
import { isRealDecimal, type Decimal } from './decimal';
import { validate } from './errors';
import { LANGUAGES, type Language } from './messages';
import type { ClaimResult } from './result';
import type { CondolenceResult } from '../evaluateCondolence';
import type { YearResult } from '../evaluateYear';

/** Any result huzhu can explain. */
export type Explainable = ClaimResult | YearResult | CondolenceResult;

/** How an explanation is written. */
export interface ExplainOptions {
  /** The language; Chinese when absent. */
  readonly lang?: Language;
}

const amount = z.custom<Decimal>((value) => isRealDecimal(value), 'expected a Decimal amount, as the evaluate functions return');
const claimShape = z.looseObject({ claimId: z.string(), total: amount, lines: z.array(z.unknown()) });

// A light check of the fields that tell the kinds apart: results are huzhu's own output,
// so the aim is a clear error for a wrong argument, not re-validating every line.
const explainableSchema = z.union([
  z.looseObject({ memberId: z.string(), results: z.array(claimShape), total: amount }),
  z.looseObject({ stayId: z.string(), eligible: z.boolean(), line: z.unknown() }),
  claimShape,
]);

const optionsSchema = z.strictObject({ lang: z.enum(LANGUAGES).optional() }).optional();

export type ExplainableKind = 'claim' | 'year' | 'condolence';

/** Checks the arguments of the explain functions and says which kind of result was given. */
export function acceptExplainable(
  result: Explainable,
  options: ExplainOptions | undefined,
): { kind: ExplainableKind; lang: Language } {
  validate(explainableSchema, result, 'result');
  const lang = validate(optionsSchema, options, 'options')?.lang ?? 'zh';
  const kind = 'results' in result ? 'year' : 'stayId' in result ? 'condolence' : 'claim';
  return { kind, lang };
}
