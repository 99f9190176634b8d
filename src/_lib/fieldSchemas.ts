/**
 * The field schemas a policy shares with the inputs (members, claims, rosters): a module of
 * their own, so that reading an input does not bundle the policy schema, which only the
 * functions that parse a policy need (docs/benchmarks.md, "Bundle sizes").
 */
import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { refine, regex } from './zodChecks';
import { FORBIDDEN_KEYS } from './errors';

setUpZod();

export const slugSchema = z
  .string()
  .check(
    regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case id of letters, digits and dashes, like "guilin-condolence"'),
    z.maxLength(64),
  );

/** Shares (份) of a plan: a positive multiple of ½, at most 100 (docs/rule-model.md#shares). */
export const sharesSchema = z
  .number()
  .check(
    z.gt(0),
    z.lte(100),
    refine((shares) => Number.isInteger(shares * 2), 'invalid_shares', 'expected shares in halves: 0.5, 1, 1.5, 2, …'),
  );

export const causeSchema = z.enum(['illness', 'accident']);

/** A name a policy gives an attribute, e.g. `baseInsurance`; also a key of member and claim data. */
export const attributeNameSchema = z
  .string()
  .check(
    regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected a name of letters, digits, "_" and "-", starting with a letter, like "baseInsurance"'),
    z.maxLength(64),
    refine((name) => !FORBIDDEN_KEYS.has(name), 'reserved_id', 'expected a name other than "constructor" and "prototype"'),
  );

/** One of the values a choice attribute allows, e.g. `employee` or `3`. */
export const attributeValueSchema = z.string().check(z.minLength(1), z.maxLength(64));

export const sexSchema = z.enum(['female', 'male']);
/** Whose condition a diagnosis claim is. */
export const patientSchema = z.enum(['member', 'family']);
