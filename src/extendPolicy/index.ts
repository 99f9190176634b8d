import * as z from 'zod/mini';
import { setUpZod } from '../_lib/zodSetup';
import { int } from '../_lib/zodChecks';
import { acceptPolicy } from '../_lib/acceptPolicy';
import { shiftYears } from '../_lib/dates';
import { validate } from '../_lib/errors';
import { slugSchema } from '../_lib/fieldSchemas';
import type { BenefitInput, Policy, PolicyInput } from '../_lib/policySchema';

setUpZod();

/**
 * What changes from one version of a policy to the next. Sections are merged one level deep;
 * `null` removes an optional part; a benefit given by id replaces that benefit whole (or is
 * added after the others), so each year restates, and cites, the rules it changes.
 */
export interface PolicyChanges {
  /** The new protection year. Validity dates and the year in the name follow unless given. */
  readonly year?: number;
  readonly name?: PolicyInput['name'];
  readonly validFrom?: string;
  /** `null` makes the new version open-ended. */
  readonly validTo?: string | null;
  readonly conventions?: Partial<PolicyInput['conventions']>;
  readonly eligibility?: Partial<PolicyInput['eligibility']>;
  readonly ceilings?: { readonly maximumSubsidy?: NonNullable<PolicyInput['ceilings']['maximumSubsidy']> | null };
  readonly contribution?: PolicyInput['contribution'] | null;
  /** The member and claim attributes the new version reads, replacing the old declarations; `null` removes them. */
  readonly attributes?: PolicyInput['attributes'] | null;
  /** By benefit id: the new benefit, or `null` to remove it. */
  readonly benefits?: Readonly<Record<string, Omit<BenefitInput, 'id'> | null>>;
  /** Replaces the notes. */
  readonly notes?: PolicyInput['notes'];
}

const changesSchema = z.strictObject({
  year: z.optional(z.number().check(int())),
  name: z.optional(z.unknown()),
  validFrom: z.optional(z.string()),
  validTo: z.optional(z.nullable(z.string())),
  conventions: z.optional(z.record(z.string(), z.unknown())),
  eligibility: z.optional(z.record(z.string(), z.unknown())),
  ceilings: z.optional(z.strictObject({ maximumSubsidy: z.optional(z.unknown()) })),
  contribution: z.optional(z.unknown()),
  attributes: z.optional(z.unknown()),
  benefits: z.optional(z.record(slugSchema, z.nullable(z.record(z.string(), z.unknown())))),
  notes: z.optional(z.unknown()),
});

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Write next year's policy as last year's plus the changes.
 *
 * The base is left untouched. When only `year` is given, the validity dates move by the same
 * number of years and every occurrence of the old year in the name becomes the new one.
 * The merged policy is validated like any other; its error paths name fields of the new
 * policy (`extended.…`).
 *
 * @category Policies
 *
 * @param base - the policy to start from
 * @param changes - what differs
 * @returns the new validated, deeply frozen policy
 * @throws {InvalidInputError} when the changes are malformed (`changes.…`) or the merged policy is invalid (`extended.…`)
 *
 * @example
 * const next = extendPolicy(policies.guangxi[2024], { year: 2025 });
 * [next.year, next.validFrom, next.name.en]
 * //=> [2025, '2025-01-01', 'Guangxi employee medical mutual aid, protection year 2025']
 */
export function extendPolicy(base: Policy, changes: PolicyChanges): Policy {
  const policy = acceptPolicy(base, 'base');
  const delta = validate(changesSchema, changes, 'changes');
  const years = delta.year === undefined ? 0 : delta.year - policy.year;
  const renameYear = (text: string) => (years === 0 ? text : text.split(String(policy.year)).join(String(delta.year)));

  const benefitChanges = changes.benefits ?? {};
  const kept = policy.benefits
    .filter((benefit) => benefitChanges[benefit.id] !== null)
    .map((benefit) => (Object.hasOwn(benefitChanges, benefit.id) ? { ...benefitChanges[benefit.id], id: benefit.id } : benefit));
  const added = Object.entries(benefitChanges)
    .filter(([id, benefit]) => benefit !== null && !policy.benefits.some((existing) => existing.id === id))
    .map(([id, benefit]) => ({ ...benefit, id }));
  const benefits = [...kept, ...added];

  const ceilings = { ...policy.ceilings, ...changes.ceilings };
  const extended = withoutUndefined({
    ...policy,
    year: delta.year ?? policy.year,
    name: changes.name ?? { zh: renameYear(policy.name.zh), en: renameYear(policy.name.en) },
    validFrom: changes.validFrom ?? shiftYears(policy.validFrom, years),
    validTo:
      changes.validTo === null
        ? undefined
        : (changes.validTo ?? (policy.validTo === undefined ? undefined : shiftYears(policy.validTo, years))),
    conventions: { ...policy.conventions, ...changes.conventions },
    eligibility: withoutUndefined({ ...policy.eligibility, ...changes.eligibility }),
    benefits,
    ceilings: withoutUndefined({ ...ceilings, maximumSubsidy: ceilings.maximumSubsidy ?? undefined }),
    contribution: changes.contribution === null ? undefined : (changes.contribution ?? policy.contribution),
    attributes: changes.attributes === null ? undefined : (changes.attributes ?? policy.attributes),
    notes: changes.notes ?? policy.notes,
  });
  return acceptPolicy(extended, 'extended');
}
