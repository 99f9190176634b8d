/**
 * What a policy reads about members and claims, and the conditions written on them: one shape
 * for a parameter's variants, a benefit's `when` and eligibility's `requires`. The engine knows
 * no member category of its own; a policy declares the attributes it reads.
 */
import * as z from 'zod';
import { addIssue, FORBIDDEN_KEYS } from './errors';
import { isoDateSchema } from './dates';
import { strictSection } from './guideSections';

/** A name a policy gives an attribute, e.g. `baseInsurance`; also a key of member and claim data. */
export const attributeNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: 'expected a name of letters, digits, "_" and "-", starting with a letter, like "baseInsurance"' })
  .max(64)
  .refine((name) => !FORBIDDEN_KEYS.has(name), { params: { code: 'reserved_id' }, message: 'expected a name other than "constructor" and "prototype"' });

/** One of the values a choice attribute allows, e.g. `employee` or `3`. */
export const attributeValueSchema = z.string().min(1).max(64);

const labelSchema = z.strictObject({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) });

/**
 * An attribute a policy reads. With `values` it is a choice, read from the `attributes` of the
 * member or claim; without, a yes/no flag read from the member's `flags` (absent is no).
 */
export const attributeDeclarationSchema = strictSection('attributes', {
  label: labelSchema,
  values: z.record(attributeValueSchema, labelSchema).optional(),
});

export const attributeDeclarationsSchema = strictSection('attributes', {
  member: z.record(attributeNameSchema, attributeDeclarationSchema).optional(),
  claim: z.record(attributeNameSchema, attributeDeclarationSchema).optional(),
});

export const sexSchema = z.enum(['female', 'male']);
/** Whose condition a diagnosis claim is. */
export const patientSchema = z.enum(['member', 'family']);

/** Whole numbers `from` … `to`, both included; one of them may be left open. */
const countRangeSchema = strictSection('conditions', {
  from: z.number().int().min(0).max(100_000).optional(),
  to: z.number().int().min(0).max(100_000).optional(),
}).superRefine((range, ctx) => {
  if (range.from === undefined && range.to === undefined) addIssue(ctx, 'empty_range', 'expected "from", "to" or both');
  else if (range.from !== undefined && range.to !== undefined && range.to < range.from) addIssue(ctx, 'ends_before_start', 'expected "to" at least "from"', ['to']);
});

/** Days `from` … `to`, both included; one of them may be left open. */
const dateRangeSchema = strictSection('conditions', {
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
}).superRefine((range, ctx) => {
  if (range.from === undefined && range.to === undefined) addIssue(ctx, 'empty_range', 'expected "from", "to" or both');
  else if (range.from !== undefined && range.to !== undefined && range.to < range.from) addIssue(ctx, 'ends_before_start', 'expected "to" on or after "from"', ['to']);
});

const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(100).readonly()]);

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

export const conditionSchema: z.ZodType<Condition, Condition> = z.lazy(() =>
  strictSection('conditions', {
    flags: z.record(attributeNameSchema, z.boolean()).optional(),
    member: z.record(attributeNameSchema, oneOrMore(attributeValueSchema)).optional(),
    claim: z.record(attributeNameSchema, oneOrMore(attributeValueSchema)).optional(),
    cause: oneOrMore(z.enum(['illness', 'accident'])).optional(),
    stayNumber: countRangeSchema.optional(),
    days: countRangeSchema.optional(),
    eventDate: dateRangeSchema.optional(),
    discharge: dateRangeSchema.optional(),
    sex: sexSchema.optional(),
    age: countRangeSchema.optional(),
    continuing: z.boolean().optional(),
    conditionClass: oneOrMore(attributeValueSchema).optional(),
    patient: patientSchema.optional(),
    preExisting: z.boolean().optional(),
    anyOf: z.array(conditionSchema).min(1).max(100).readonly().optional(),
  }).refine((condition) => Object.keys(condition).length > 0, {
    params: { code: 'empty_condition' },
    message: 'expected at least one condition, e.g. { "stayNumber": { "from": 2 } }; see docs/rule-model.md#conditions',
  }),
);

/** The attributes a policy declares. */
export interface AttributeDeclarations extends z.output<typeof attributeDeclarationsSchema> {}
/** One declared attribute: a label, and for a choice, its values. */
export interface AttributeDeclaration extends z.output<typeof attributeDeclarationSchema> {}
