import { z } from 'zod';
import { addIssue, FORBIDDEN_KEYS } from './errors';
import { isoDateSchema } from './dates';
import { Dec } from './decimal';
import { policyYuanSchema, ratioSchema, ROUNDING_MODES } from './money';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'expected a lower-case id of letters, digits and dashes, like "guilin-condolence"' })
  .max(64);

/**
 * The most items any list in a policy may hold: benefits, tiers, brackets, payer rules,
 * notes. Real schemes have a handful; past this the list is refused before it is read.
 */
export const MAX_POLICY_ITEMS = 1000;

/**
 * A benefit id: a slug that is not `constructor` or `prototype`, since ids become keys of a
 * ledger's `byBenefit`, where those keys are refused as a way to reach a prototype.
 */
const benefitIdSchema = slugSchema.refine((id) => !FORBIDDEN_KEYS.has(id), {
  params: { code: 'reserved_id' },
  message: 'expected a benefit id other than "constructor" and "prototype", which ledgers cannot hold as keys',
});

/** A text in both languages the library speaks. */
export const labelSchema = z.strictObject({
  zh: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
});

/** A text given in one language or both; an explanation in the missing language shows the other, marked. */
const someLanguagesSchema = z
  .strictObject({ zh: z.string().min(1).max(2000).optional(), en: z.string().min(1).max(2000).optional() })
  .refine((text) => text.zh !== undefined || text.en !== undefined, {
    params: { code: 'missing_language' },
    message: 'expected the text in at least one language, "zh" or "en"',
  });

const YEAR_OR_MONTH = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** When a source was published, as precisely as known: `2023`, `2023-11` or `2023-11-24`. */
const publishedOnSchema = z.string().refine((text) => YEAR_OR_MONTH.test(text) || isoDateSchema.safeParse(text).success, {
  params: { code: 'invalid_date' },
  message: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD, like "2023-11"',
});

/** A published text, named as a reader would cite it: who published it, when, under which title. */
const publicationSchema = z.strictObject({
  /** The newspaper or body, e.g. `{ zh: '桂林日报', en: 'Guilin Daily' }`. */
  publisher: someLanguagesSchema,
  date: publishedOnSchema,
  /** The title as published, so a reader can search for it; absent when not known. */
  title: z.string().min(1).max(500).optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an http or https address' }).max(2000).optional(),
});

/**
 * Where a parameter's value comes from: a published text, or nobody (illustrative).
 * A plain-string `source` or `note`, as huzhu 0.2 rule files have them, is still read: the
 * source is shown as written, and the note is taken to be in the language most of its letters
 * are in.
 */
export const provenanceSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('published'),
    /** The published text, precise enough for a reader to find it. */
    source: z.union([publicationSchema, z.string().min(1).max(1000)]),
    /** The words of the source that state the value, as published. */
    quote: z.string().max(1000).optional(),
    note: z.union([someLanguagesSchema, z.string().max(2000)]).optional(),
  }),
  z.strictObject({
    status: z.literal('illustrative'),
    /** Why the value is here although nobody published it. */
    note: z.union([someLanguagesSchema, z.string().min(1).max(2000)]),
  }),
]);

/** One policy parameter: its value, its label and its provenance (OpenFisca style). */
function parameter<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, label: labelSchema, provenance: provenanceSchema });
}

export const costFieldSchema = z.enum(['total', 'insurancePaid', 'inScopeCopay', 'selfPaid']);
export const eventKindSchema = z.enum(['hospitalisation', 'disability', 'death']);
export const causeSchema = z.enum(['illness', 'accident']);
export const memberFlagSchema = z.enum(['cityFederationDirect', 'hardship', 'gigWorker']);
export const payerSchema = z.enum(['memberOrUnit', 'publicFunds', 'union']);

const tierSchema = z.strictObject({
  /** Upper bound of the base amount this tier covers; absent on the last, open tier. */
  upTo: policyYuanSchema.optional(),
  ratio: ratioSchema,
});

const bracketSchema = z
  .strictObject({
    /** Lower bound of the measured amount, inclusive. */
    from: policyYuanSchema,
    /** Upper bound, exclusive; absent on the last, open bracket. */
    to: policyYuanSchema.optional(),
    /** A fixed amount for this bracket … */
    amount: policyYuanSchema.optional(),
    /** … or a range, the amount being decided on application. */
    min: policyYuanSchema.optional(),
    max: policyYuanSchema.optional(),
  })
  .superRefine((bracket, ctx) => {
    const fixed = bracket.amount !== undefined;
    const ranged = bracket.min !== undefined && bracket.max !== undefined;
    if (fixed === ranged || (!ranged && (bracket.min ?? bracket.max) !== undefined)) {
      addIssue(ctx, 'invalid_bracket', 'expected either "amount", or both "min" and "max"');
    } else if (ranged && new Dec(bracket.min!).greaterThan(bracket.max!)) {
      addIssue(ctx, 'invalid_bracket', 'expected "max" to be at least "min"', ['max']);
    }
    if (bracket.to !== undefined && !new Dec(bracket.to).greaterThan(bracket.from)) {
      addIssue(ctx, 'invalid_bracket', 'expected "to" to be above "from"', ['to']);
    }
  });

const gradeSchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

export const formulaSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('copay'),
    /** Which cost of the stay the share is taken of. */
    base: costFieldSchema,
    deductible: parameter(policyYuanSchema),
    tiers: parameter(
      z
        .array(tierSchema)
        .min(1)
        .superRefine((tiers, ctx) => {
          tiers.forEach((tier, index) => {
            const last = index === tiers.length - 1;
            if (last !== (tier.upTo === undefined)) {
              addIssue(ctx, 'invalid_tiers', 'expected "upTo" on every tier but the last', [index, 'upTo']);
            }
            const previous = tiers[index - 1]?.upTo;
            if (tier.upTo !== undefined && previous !== undefined && !new Dec(tier.upTo).greaterThan(previous)) {
              addIssue(ctx, 'invalid_tiers', 'expected tiers in ascending order of "upTo"', [index, 'upTo']);
            }
          });
        })
        .readonly(),
    ),
  }),
  z.strictObject({
    kind: z.literal('perDay'),
    amount: parameter(policyYuanSchema),
    /** First day in hospital that is paid (1 = from the first day). */
    firstPaidDay: parameter(z.number().int().min(1).max(3660)).optional(),
    /** Most days paid for one stay. */
    maxDays: parameter(z.number().int().min(1).max(3660)).optional(),
  }),
  z.strictObject({
    kind: z.literal('lumpSum'),
    amount: parameter(policyYuanSchema),
  }),
  z.strictObject({
    kind: z.literal('gradeSchedule'),
    /** The amount a share of 1 pays. */
    maximum: parameter(policyYuanSchema),
    /** Share of the maximum by grade ("1" … "10"); a grade not listed pays nothing. */
    shares: parameter(z.partialRecord(gradeSchema, ratioSchema)),
  }),
  z.strictObject({
    kind: z.literal('bracket'),
    /** Which cost of the stay picks the bracket. */
    measure: costFieldSchema,
    brackets: parameter(
      z
        .array(bracketSchema)
        .min(1)
        .superRefine((brackets, ctx) => {
          brackets.forEach((bracket, index) => {
            const next = brackets[index + 1];
            if (next === undefined) return;
            if (bracket.to === undefined || new Dec(next.from).lessThan(bracket.to)) {
              addIssue(ctx, 'invalid_bracket', 'expected brackets in ascending order without overlap', [index, 'to']);
            }
          });
        })
        .readonly(),
    ),
  }),
]);

const FORMULA_EVENTS: Record<z.output<typeof formulaSchema>['kind'], readonly string[]> = {
  copay: ['hospitalisation'],
  perDay: ['hospitalisation'],
  bracket: ['hospitalisation'],
  gradeSchedule: ['disability'],
  lumpSum: ['hospitalisation', 'disability', 'death'],
};

export const benefitSchema = z
  .strictObject({
    id: benefitIdSchema,
    label: labelSchema,
    /** The kind of claim this benefit pays on. */
    event: eventKindSchema,
    /** Causes of a stay this benefit covers; absent means every cause. Only stays have a cause. */
    causes: z.array(causeSchema).min(1).readonly().optional(),
    formula: formulaSchema,
    caps: z
      .strictObject({
        perClaim: parameter(policyYuanSchema).optional(),
        perYear: parameter(policyYuanSchema).optional(),
      })
      .optional(),
  })
  .superRefine((benefit, ctx) => {
    if (!FORMULA_EVENTS[benefit.formula.kind].includes(benefit.event)) {
      addIssue(ctx, 'formula_event_mismatch', `a "${benefit.formula.kind}" formula cannot pay on a "${benefit.event}" event`, [
        'formula',
        'kind',
      ]);
    }
    // A death or disability claim names no cause: a limit by cause would be ignored, silently.
    if (benefit.causes !== undefined && benefit.event !== 'hospitalisation') {
      addIssue(ctx, 'causes_event_mismatch', `only a "hospitalisation" benefit can be limited by cause; a "${benefit.event}" claim has none`, ['causes']);
    }
  });

export const conventionsSchema = z.strictObject({
  /** Which date of a stay picks the protection year and the policy version. */
  yearBy: z.enum(['admission', 'discharge']),
  /**
   * How days in hospital are counted, always at least 1: `excludeDischargeDay` is the usual
   * Chinese rule (discharge − admission); `includeBothDays` adds the discharge day.
   */
  dayCount: z.enum(['excludeDischargeDay', 'includeBothDays']),
  /** Rounding to the fen: the mode, and whether every step or only each benefit line is rounded. */
  rounding: z.strictObject({
    mode: z.enum(ROUNDING_MODES),
    at: z.enum(['eachStep', 'eachLine']),
  }),
});

const payerRuleSchema = z.strictObject({ flag: memberFlagSchema, payer: payerSchema });

export const policySchema = z
  .strictObject({
    /** Scheme id, e.g. `guangxi`; versions of one scheme share it. */
    scheme: slugSchema,
    /** The protection year (保障年度) this version is for. */
    year: z.number().int().min(1990).max(2200),
    name: labelSchema,
    /** First day an event may fall on under this version. */
    validFrom: isoDateSchema,
    /** Last day, inclusive; absent while the version is in force with no announced end. */
    validTo: isoDateSchema.optional(),
    conventions: conventionsSchema,
    eligibility: z.strictObject({
      /** Whose enrolment is required; absent means this scheme's own, for this year. */
      enrolmentScheme: slugSchema.optional(),
      /** Member flags every claimant must have, e.g. `cityFederationDirect`. */
      requiredFlags: z.array(memberFlagSchema).readonly(),
    }),
    benefits: z.array(benefitSchema).readonly(),
    ceilings: z.strictObject({
      /** 最高补助: the most one member receives in the protection year, all benefits together. */
      maximumSubsidy: parameter(policyYuanSchema).optional(),
    }),
    contribution: z
      .strictObject({
        /** 互助金: the yearly contribution for one member. */
        perMember: parameter(policyYuanSchema),
        /** Who pays for a member with a flag; the first rule that matches wins. */
        payers: parameter(z.array(payerRuleSchema).readonly()),
        /** Who pays for everyone else. */
        defaultPayer: payerSchema,
      })
      .optional(),
    /** Assumptions and remarks a reader of this version should know. */
    notes: z.array(labelSchema).readonly().optional(),
  })
  .superRefine((policy, ctx) => {
    if (policy.validTo !== undefined && policy.validTo < policy.validFrom) {
      addIssue(ctx, 'ends_before_start', 'expected "validTo" on or after "validFrom"', ['validTo']);
    }
    const seen = new Set<string>();
    policy.benefits.forEach((benefit, index) => {
      if (seen.has(benefit.id)) {
        addIssue(ctx, 'duplicate_id', `duplicate benefit id "${benefit.id}"`, ['benefits', index, 'id']);
      }
      seen.add(benefit.id);
    });
  });

// Interfaces, not aliases of `z.input`/`z.output`: see the note in inputSchemas.ts. A policy's
// parts are named too, so that its page in the API reference links them rather than spell them out.
type NamedParts = 'name' | 'conventions' | 'benefits' | 'notes';
/** What a policy author writes: amounts as strings, numbers or Decimals. */
export interface PolicyInput extends Omit<z.input<typeof policySchema>, NamedParts> {
  name: Label;
  conventions: Conventions;
  benefits: readonly BenefitInput[];
  /** Assumptions and remarks a reader of this version should know. */
  notes?: readonly Label[];
}
/** A validated policy: plain, frozen, JSON-serialisable data with amounts as two-decimal strings. */
export interface Policy extends Omit<z.output<typeof policySchema>, NamedParts> {
  name: Label;
  conventions: Conventions;
  benefits: readonly Benefit[];
  /** Assumptions and remarks a reader of this version should know. */
  notes?: readonly Label[];
}
/** One benefit of a policy: what it pays on, its formula and its caps. */
export interface Benefit extends z.output<typeof benefitSchema> {}
/** A benefit as a policy author writes it. */
export interface BenefitInput extends z.input<typeof benefitSchema> {}
/**
 * A benefit formula, one of the closed set of kinds.
 * @useDeclaredType
 */
export type Formula = Benefit['formula'];
/** The conventions a policy states: the date that picks the year, the day count and rounding. */
export interface Conventions extends z.output<typeof conventionsSchema> {}
/** A text in Chinese and English. */
export interface Label extends z.output<typeof labelSchema> {}
/**
 * Where a parameter comes from: `published` with its source, or `illustrative` with a note.
 * @useDeclaredType
 */
export type Provenance = z.output<typeof provenanceSchema>;
/**
 * A published text as a policy names it: publisher, date, title, address.
 * @useDeclaredType
 */
export type Publication = z.output<typeof publicationSchema>;
/**
 * A text in Chinese, English or both.
 * @useDeclaredType
 */
export type SomeLanguages = z.output<typeof someLanguagesSchema>;
/** Any policy parameter, whatever its value type. */
export interface Parameter<T = unknown> {
  readonly value: T;
  readonly label: Label;
  readonly provenance: Provenance;
}
/**
 * A cost of a stay a formula can read.
 * @useDeclaredType
 */
export type CostField = z.output<typeof costFieldSchema>;
/**
 * The kinds of claim.
 * @useDeclaredType
 */
export type EventKind = z.output<typeof eventKindSchema>;
/** What caused a stay. */
export type Cause = z.output<typeof causeSchema>;
/**
 * Flags on a member that eligibility and payer rules look at.
 * @useDeclaredType
 */
export type MemberFlag = z.output<typeof memberFlagSchema>;
/**
 * Who pays a contribution.
 * @useDeclaredType
 */
export type Payer = z.output<typeof payerSchema>;
