import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { refine } from './zodChecks';
import { isRealDecimal, type Decimal } from './decimal';
import { validate } from './errors';
import { LANGUAGES, type Language } from './messages';
import { SettledClaim, type ClaimResult } from './result';
import type { CondolenceResult } from '../evaluateCondolence';
import { SettledYear, type YearResult } from '../evaluateYear';
import { SettledMemberYear, type MemberYearResult } from '../evaluateMemberYear';
import { SettledMemberClaim, type MemberClaimResult } from './memberPlans';

setUpZod();

/** Any result huzhu can explain. */
export type Explainable = ClaimResult | YearResult | CondolenceResult | MemberClaimResult | MemberYearResult;

/** How an explanation is written. */
export interface ExplainOptions {
  /** The language; Chinese when absent. */
  readonly lang?: Language;
}

// huzhu's check on `z.unknown()` rather than `z.custom`: the same issue, and zod's custom schema
// leaves the bundle (docs/benchmarks.md, "Bundle sizes").
const amount = z.unknown().check(refine(isRealDecimal, 'custom', 'expected a Decimal amount, as the evaluate functions return')) as z.ZodMiniType<Decimal>;
const claimShape = z.looseObject({ claimId: z.string(), total: amount, lines: z.array(z.unknown()) });

// A light check of the fields that tell the kinds apart: results are huzhu's own output,
// so the aim is a clear error for a wrong argument, not re-validating every line.
const memberClaimShape = z.looseObject({ memberId: z.string(), claimId: z.string(), plans: z.array(claimShape), total: amount });
const explainableSchema = z.union([
  z.looseObject({ memberId: z.string(), results: z.array(claimShape), total: amount }),
  z.looseObject({ memberId: z.string(), results: z.array(memberClaimShape), total: amount }),
  memberClaimShape,
  z.looseObject({ stayId: z.string(), eligible: z.boolean(), line: z.unknown() }),
  claimShape,
]);

const optionsSchema = z.optional(z.strictObject({ lang: z.optional(z.enum(LANGUAGES)) }));

export type ExplainableKind = 'claim' | 'year' | 'condolence' | 'memberClaim' | 'memberYear';

/** What the explain functions were given, checked. */
export interface AcceptedExplainable {
  readonly kind: ExplainableKind;
  readonly lang: Language;
  /**
   * Whether the engine made the result (frozen, with the policy's own frozen citations), so
   * that what is put into words per citation may be kept; a result read back from JSON is not.
   */
  readonly own: boolean;
}

/**
 * Checks the arguments of the explain functions and says which kind of result was given. A
 * claim or year the engine made is frozen and cannot be forged, so only a result from
 * elsewhere (JSON, a copy) is checked: checking costs more than explaining.
 */
export function acceptExplainable(result: Explainable, options: ExplainOptions | undefined): AcceptedExplainable {
  const own = SettledClaim.isSettled(result)
    ? 'claim'
    : SettledYear.isSettled(result)
      ? 'year'
      : SettledMemberClaim.isSettled(result)
        ? 'memberClaim'
        : SettledMemberYear.isSettled(result)
          ? 'memberYear'
          : undefined;
  if (own === undefined) validate(explainableSchema, result, 'result');
  const lang = options === undefined ? 'zh' : (validate(optionsSchema, options, 'options')?.lang ?? 'zh');
  if (own !== undefined) return { kind: own, lang, own: true };
  const kind =
    'results' in result
      ? 'policy' in result
        ? 'year'
        : 'memberYear'
      : 'plans' in result
        ? 'memberClaim'
        : 'stayId' in result
          ? 'condolence'
          : 'claim';
  return { kind, lang, own: false };
}
