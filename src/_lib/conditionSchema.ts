/**
 * What a policy reads about members and claims, and the conditions written on them: one shape
 * for a parameter's variants, a benefit's `when` and eligibility's `requires`. The engine knows
 * no member category of its own; a policy declares the attributes it reads.
 */
import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { int, readonly, refine, superRefine } from './zodChecks';
import { addIssue } from './errors';
import { isoDateSchema } from './dates';
import { strictSection } from './guideSections';
import { attributeNameSchema, attributeValueSchema, patientSchema, sexSchema } from './fieldSchemas';

setUpZod();

const labelSchema = z.strictObject({ zh: z.string().check(z.minLength(1), z.maxLength(500)), en: z.string().check(z.minLength(1), z.maxLength(500)) });

/**
 * An attribute a policy reads. With `values` it is a choice, read from the `attributes` of the
 * member or claim; without, a yes/no flag read from the member's `flags` (absent is no).
 */
export const attributeDeclarationSchema = strictSection('attributes', {
  label: labelSchema,
  values: z.optional(z.record(attributeValueSchema, labelSchema)),
});

export const attributeDeclarationsSchema = strictSection('attributes', {
  member: z.optional(z.record(attributeNameSchema, attributeDeclarationSchema)),
  claim: z.optional(z.record(attributeNameSchema, attributeDeclarationSchema)),
});

/** Whole numbers `from` … `to`, both included; one of them may be left open. */
const countRangeSchema = strictSection('conditions', {
  from: z.optional(z.number().check(int(), z.gte(0), z.lte(100_000))),
  to: z.optional(z.number().check(int(), z.gte(0), z.lte(100_000))),
}).check(superRefine((range, ctx) => {
  if (range.from === undefined && range.to === undefined) addIssue(ctx, 'empty_range', 'expected "from", "to" or both');
  else if (range.from !== undefined && range.to !== undefined && range.to < range.from) addIssue(ctx, 'ends_before_start', 'expected "to" at least "from"', ['to']);
}));

/** Days `from` … `to`, both included; one of them may be left open. */
const dateRangeSchema = strictSection('conditions', {
  from: z.optional(isoDateSchema),
  to: z.optional(isoDateSchema),
}).check(superRefine((range, ctx) => {
  if (range.from === undefined && range.to === undefined) addIssue(ctx, 'empty_range', 'expected "from", "to" or both');
  else if (range.from !== undefined && range.to !== undefined && range.to < range.from) addIssue(ctx, 'ends_before_start', 'expected "to" on or after "from"', ['to']);
}));

const oneOrMore = <T extends z.ZodMiniType>(item: T) => z.union([item, readonly(z.array(item).check(z.minLength(1), z.maxLength(100)))]);

/** A range of whole numbers, both ends included. */
export interface CountRange {
  readonly from?: number;
  readonly to?: number;
}
/** A range of dates, both ends included. */
export interface DateRange {
  readonly from?: string;
  readonly to?: string;
}

/**
 * When something applies. Every key given must hold; `anyOf` holds when one of its conditions
 * does. Attributes, flags and causes name one value or a list of allowed ones.
 */
export interface Condition {
  /** Member flags, each yes or no. */
  readonly flags?: Readonly<Record<string, boolean>>;
  /** Member attributes declared by the policy, each one value or a list. */
  readonly member?: Readonly<Record<string, string | readonly string[]>>;
  /** Claim attributes declared by the policy. */
  readonly claim?: Readonly<Record<string, string | readonly string[]>>;
  readonly cause?: 'illness' | 'accident' | readonly ('illness' | 'accident')[];
  /** The stay's number among the member's stays of the protection year, from 1. */
  readonly stayNumber?: CountRange;
  /** Days in hospital, counted as the policy counts them. */
  readonly days?: CountRange;
  /** The date that places the event in the protection year. */
  readonly eventDate?: DateRange;
  /** A stay's discharge date. */
  readonly discharge?: DateRange;
  readonly sex?: 'female' | 'male';
  /** Age in whole years on the event date, from the member's `birthDate`. */
  readonly age?: CountRange;
  /** Enrolled in the scheme's previous protection year too (a renewal). */
  readonly continuing?: boolean;
  /** A diagnosis claim's condition is of this class (or one of these) of the policy's list. */
  readonly conditionClass?: string | readonly string[];
  /** Whose condition a diagnosis claim is: the member's own or a family member's. */
  readonly patient?: 'member' | 'family';
  /** A diagnosis claim's condition was first diagnosed before the member's cover started. */
  readonly preExisting?: boolean;
  readonly anyOf?: readonly Condition[];
}

export const conditionSchema: z.ZodMiniType<Condition, Condition> = z.lazy(() =>
  strictSection('conditions', {
    flags: z.optional(z.record(attributeNameSchema, z.boolean())),
    member: z.optional(z.record(attributeNameSchema, oneOrMore(attributeValueSchema))),
    claim: z.optional(z.record(attributeNameSchema, oneOrMore(attributeValueSchema))),
    cause: z.optional(oneOrMore(z.enum(['illness', 'accident']))),
    stayNumber: z.optional(countRangeSchema),
    days: z.optional(countRangeSchema),
    eventDate: z.optional(dateRangeSchema),
    discharge: z.optional(dateRangeSchema),
    sex: z.optional(sexSchema),
    age: z.optional(countRangeSchema),
    continuing: z.optional(z.boolean()),
    conditionClass: z.optional(oneOrMore(attributeValueSchema)),
    patient: z.optional(patientSchema),
    preExisting: z.optional(z.boolean()),
    anyOf: z.optional(readonly(z.array(conditionSchema).check(z.minLength(1), z.maxLength(100)))),
  }).check(refine((condition) => Object.keys(condition).length > 0, 'empty_condition', 'expected at least one condition, e.g. { "stayNumber": { "from": 2 } }; see docs/rule-model.md#conditions')),
);

/** The attributes a policy declares. */
export interface AttributeDeclarations extends z.output<typeof attributeDeclarationsSchema> {}
/** One declared attribute: a label, and for a choice, its values. */
export interface AttributeDeclaration extends z.output<typeof attributeDeclarationSchema> {}
