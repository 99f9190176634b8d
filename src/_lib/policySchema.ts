import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { int, readonly, refine, superRefine } from './zodChecks';
import { addIssue, FORBIDDEN_KEYS } from './errors';
import { dayNumber, isoDateSchema } from './dates';
import { Dec } from './decimal';
import { ROUNDING_MODES } from './money';
import { policyYuanSchema, ratioSchema } from './moneySchemas';
import { attributeDeclarationsSchema, conditionSchema, type AttributeDeclarations, type Condition } from './conditionSchema';
import { attributeNameSchema, attributeValueSchema, causeSchema, sharesSchema, slugSchema } from './fieldSchemas';
import { strictSection } from './guideSections';

setUpZod();

/**
 * The most items any list in a policy may hold: benefits, tiers, brackets, payer rules,
 * notes. Real schemes have a handful; past this the list is refused before it is read.
 */
export const MAX_POLICY_ITEMS = 1000;

/**
 * A benefit id: a slug that is not `constructor` or `prototype`, since ids become keys of a
 * ledger's `byBenefit`, where those keys are refused as a way to reach a prototype.
 */
const benefitIdSchema = slugSchema.check(refine((id) => !FORBIDDEN_KEYS.has(id), 'reserved_id', 'expected a benefit id other than "constructor" and "prototype", which ledgers cannot hold as keys'));

/** A text in both languages the library speaks. */
export const labelSchema = z.strictObject({
  zh: z.string().check(z.minLength(1), z.maxLength(500)),
  en: z.string().check(z.minLength(1), z.maxLength(500)),
});

/** A text given in one language or both; an explanation in the missing language shows the other, marked. */
const someLanguagesSchema = z
  .strictObject({ zh: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))), en: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))) })
  .check(refine((text) => text.zh !== undefined || text.en !== undefined, 'missing_language', 'expected the text in at least one language, "zh" or "en"'));

const YEAR_OR_MONTH = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** When a source was published, as precisely as known: `2023`, `2023-11` or `2023-11-24`. */
const publishedOnSchema = z.string().check(refine((text) => YEAR_OR_MONTH.test(text) || isoDateSchema.safeParse(text).success, 'invalid_date', 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD, like "2023-11"'));

const HTTP_ADDRESS_ERROR = 'expected an http or https address';

/** Whether the URL parser reads `text`, as zod's `z.url()` asks it. */
function parsesAsUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An http or https address: what `z.url({ protocol: /^https?$/ })` accepts and gives, with the
 * same issues, written out because zod's URL schema weighs 0.4 KB of gzip in every bundle of a
 * policy's schema. Trimmed, it must begin `http://` or `https://` (any case) and parse as a
 * URL; the value is then trimmed, without tabs and line breaks (which the URL parser skips).
 * test/policySchema.url.test.ts holds it to zod's on a list of addresses.
 */
const httpAddressSchema = z.string({ error: HTTP_ADDRESS_ERROR }).check(
  z.check<string>((payload) => {
    const trimmed = payload.value.trim();
    if (/^https?:\/\//i.test(trimmed) && parsesAsUrl(trimmed)) payload.value = trimmed.replace(/[\t\n\r]/g, '');
    else payload.issues.push({ code: 'custom', params: { code: 'invalid_format' }, message: HTTP_ADDRESS_ERROR, input: payload.value, continue: true });
  }),
  z.maxLength(2000),
);

/** A published text, named as a reader would cite it: who published it, when, under which title. */
const publicationSchema = z.strictObject({
  /** The newspaper or body, e.g. `{ zh: '桂林日报', en: 'Guilin Daily' }`. */
  publisher: someLanguagesSchema,
  date: publishedOnSchema,
  /** The title as published, so a reader can search for it; absent when not known. */
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  url: z.optional(httpAddressSchema),
});

/**
 * Where a parameter's value comes from: a published text, or nobody (illustrative).
 * A plain-string `source` or `note`, as huzhu 0.2 rule files have them, is still read: the
 * source is shown as written, and the note is taken to be in the language most of its letters
 * are in.
 */
export const provenanceSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.enum(['published']),
    /** The published text, precise enough for a reader to find it. */
    source: z.union([publicationSchema, z.string().check(z.minLength(1), z.maxLength(1000))]),
    /** The words of the source that state the value, as published. */
    quote: z.optional(z.string().check(z.maxLength(1000))),
    note: z.optional(z.union([someLanguagesSchema, z.string().check(z.maxLength(2000))])),
  }),
  z.strictObject({
    status: z.enum(['illustrative']),
    /** Why the value is here although nobody published it. */
    note: z.union([someLanguagesSchema, z.string().check(z.minLength(1), z.maxLength(2000))]),
  }),
]);

/**
 * One policy parameter: its value, its label and its provenance (OpenFisca style), and
 * optionally variants: other values under conditions, the first that holds winning.
 */
function parameter<T extends z.ZodMiniType>(value: T) {
  const variant = strictSection('variants', {
    when: conditionSchema,
    value,
    /** Absent: the variant shares the parameter's provenance. */
    provenance: z.optional(provenanceSchema),
  });
  return strictSection('parameters', {
    value,
    label: labelSchema,
    provenance: provenanceSchema,
    variants: z.optional(readonly(z.array(variant).check(z.minLength(1)))),
  });
}

const countSchema = z.number().check(int(), z.gte(0), z.lte(100_000));

export const costFieldSchema = z.enum(['total', 'insurancePaid', 'inScopeCopay', 'selfPaid', 'aboveCeiling']);
export const eventKindSchema = z.enum(['hospitalisation', 'outpatient', 'disability', 'death', 'diagnosis']);
/** A member flag a policy declares, e.g. `hardship`. */
export const memberFlagSchema = attributeNameSchema;
export const payerSchema = z.enum(['memberOrUnit', 'publicFunds', 'union']);

const bandSchema = strictSection('bands', {
  /** Upper edge of the band on the measured amount; absent on the last, open band. */
  upTo: z.optional(policyYuanSchema),
  /** Whether an amount exactly on `upTo` is in this band ("1万元(含)以内"); true when absent. */
  upToIncluded: z.optional(z.boolean()),
  ratio: ratioSchema,
});

/** Bands in ascending order of `upTo`, every one but the last with an `upTo`. */
const bandsSchema = readonly(z
  .array(bandSchema)
  .check(
    z.minLength(1),
    superRefine((bands, ctx) => {
    bands.forEach((band, index) => {
      const last = index === bands.length - 1;
      if (last !== (band.upTo === undefined)) {
        addIssue(ctx, 'invalid_bands', 'expected "upTo" on every band but the last, which is open above; see docs/rule-model.md#bands', [index, 'upTo']);
      }
      const previous = bands[index - 1]?.upTo;
      if (band.upTo !== undefined && previous !== undefined && !new Dec(band.upTo).greaterThan(previous)) {
        addIssue(ctx, 'invalid_bands', 'expected bands in ascending order of "upTo"; see docs/rule-model.md#bands', [index, 'upTo']);
      }
      if (last && band.upToIncluded !== undefined) {
        addIssue(ctx, 'invalid_bands', 'the last band is open above: "upToIncluded" has no edge to apply to', [index, 'upToIncluded']);
      }
    });
  }),
  ));

/** The base of a formula: one cost of the stay, or the sum of several. */
const baseSchema = z.union([costFieldSchema, readonly(z.array(costFieldSchema).check(z.minLength(1), z.maxLength(5)))]);

const bracketSchema = z
  .strictObject({
    /** Lower bound of the measured amount, inclusive. */
    from: policyYuanSchema,
    /** Upper bound, exclusive unless `toIncluded`; absent on the last, open bracket. */
    to: z.optional(policyYuanSchema),
    /** Whether an amount exactly on `to` is in this bracket ("5,000 to 20,000 inclusive"). */
    toIncluded: z.optional(z.boolean()),
    /** A fixed amount for this bracket … */
    amount: z.optional(policyYuanSchema),
    /** … or a range, the amount being decided on application. */
    min: z.optional(policyYuanSchema),
    max: z.optional(policyYuanSchema),
  })
  .check(superRefine((bracket, ctx) => {
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
    if (bracket.to === undefined && bracket.toIncluded !== undefined) {
      addIssue(ctx, 'invalid_bracket', 'an open bracket has no "to" for "toIncluded" to apply to', ['toIncluded']);
    }
  }));

/**
 * The conditions a policy pays lump sums for (docs/rule-model.md#conditions-list): classes, and
 * each condition's code with its label and class. A diagnosis claim names a code.
 */
const conditionListSchema = strictSection('conditions-list', {
  classes: z.record(attributeValueSchema, strictSection('conditions-list', { label: labelSchema })),
  list: z.record(attributeValueSchema, strictSection('conditions-list', { label: labelSchema, class: attributeValueSchema })),
}).check(superRefine((declared, ctx) => {
  if (Object.keys(declared.list).length > MAX_POLICY_ITEMS) addIssue(ctx, 'too_big', `expected at most ${MAX_POLICY_ITEMS} conditions`, ['list']);
  for (const [code, condition] of Object.entries(declared.list)) {
    if (!Object.hasOwn(declared.classes, condition.class)) addIssue(ctx, 'undeclared_class', undeclaredClass(condition.class, declared.classes), ['list', code, 'class']);
  }
}));

function undeclaredClass(id: string, classes: Readonly<Record<string, unknown>>): string {
  return `"${id}" is not a class of this policy's conditions: expected one of ${Object.keys(classes).map((known) => `"${known}"`).join(', ') || '(none declared)'}; see docs/rule-model.md#conditions-list`;
}

const gradeSchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

// Tags are one-value enums, not `z.literal`: the same issues, without zod's literal schema in
// the bundle (test/zodChecks.test.ts).
export const formulaSchema = z.discriminatedUnion('kind', [
  strictSection('bands', {
    kind: z.enum(['bands']),
    /** Which cost of the stay, or the sum of which costs, the subsidy is a share of. */
    base: baseSchema,
    /** Nothing is paid when the base is below this amount. */
    threshold: z.optional(parameter(policyYuanSchema)),
    /** 免补额 / 起付线: the part of the base that is never paid. */
    deductible: z.optional(parameter(policyYuanSchema)),
    /** A deductible for each stay, or one shared by the stays of the protection year. */
    deductibleScope: z.optional(z.enum(['stay', 'year'])),
    /** Bands measured on what is left after the deductible, or on the base with the part below the deductible unpaid. */
    measure: z.optional(z.enum(['afterDeductible', 'base'])),
    /** Each band's ratio on the part inside it, or the band of the whole amount for all of it. */
    method: z.enum(['progressive', 'whole']),
    bands: parameter(bandsSchema),
  }),
  strictSection('per-day', {
    kind: z.enum(['perDay']),
    amount: parameter(policyYuanSchema),
    /** First day in hospital that is paid (1 = from the first day). */
    firstPaidDay: z.optional(parameter(z.number().check(int(), z.gte(1), z.lte(3660)))),
    /** Most days paid for one stay. */
    maxDays: z.optional(parameter(z.number().check(int(), z.gte(1), z.lte(3660)))),
    /** Most days paid in a protection year, all stays together. */
    maxDaysPerYear: z.optional(parameter(z.number().check(int(), z.gte(1), z.lte(3660)))),
  }),
  z.strictObject({
    kind: z.enum(['lumpSum']),
    amount: parameter(policyYuanSchema),
  }),
  strictSection('by-condition', {
    kind: z.enum(['byCondition']),
    /** The amount for a condition of each class, by class id; a class not listed pays nothing. */
    amounts: parameter(z.record(attributeValueSchema, policyYuanSchema)),
    /** The share of that amount paid, 1 when absent: with a variant, e.g. a half for a pre-existing condition. */
    ratio: z.optional(parameter(ratioSchema)),
  }),
  z.strictObject({
    kind: z.enum(['gradeSchedule']),
    /** The amount a share of 1 pays. */
    maximum: parameter(policyYuanSchema),
    /** Share of the maximum by grade ("1" … "10"); a grade not listed pays nothing. */
    shares: parameter(z.partialRecord(gradeSchema, ratioSchema)),
  }),
  z.strictObject({
    kind: z.enum(['bracket']),
    /** Which cost of the stay picks the bracket. */
    measure: costFieldSchema,
    brackets: parameter(
      readonly(z
        .array(bracketSchema)
        .check(
          z.minLength(1),
          superRefine((brackets, ctx) => {
          brackets.forEach((bracket, index) => {
            const next = brackets[index + 1];
            if (next === undefined) return;
            if (bracket.to === undefined || new Dec(next.from).lessThan(bracket.to)) {
              addIssue(ctx, 'invalid_bracket', 'expected brackets in ascending order without overlap', [index, 'to']);
            }
          });
        }),
        )),
    ),
  }),
], {
  // 0.3's copay formula: refused with what to write instead, not zod's "invalid discriminator".
  error: (issue) =>
    (issue.input as { kind?: unknown } | undefined)?.kind === 'copay'
      ? 'the "copay" formula became "bands" in huzhu 0.4: write { "kind": "bands", "base": …, "deductible": …, "deductibleScope": "stay", "measure": "base", "method": "progressive", "bands": <the tiers> }; see docs/rule-model.md#bands'
      : undefined,
});

const FORMULA_EVENTS: Record<z.output<typeof formulaSchema>['kind'], readonly string[]> = {
  bands: ['hospitalisation', 'outpatient', 'diagnosis'],
  perDay: ['hospitalisation'],
  bracket: ['hospitalisation', 'outpatient', 'diagnosis'],
  gradeSchedule: ['disability'],
  lumpSum: ['hospitalisation', 'outpatient', 'disability', 'death', 'diagnosis'],
  byCondition: ['diagnosis'],
};

/**
 * How a benefit shares one event with others (docs/rule-model.md#same-event): `lessPaidFor`
 * deducts what the listed benefits already paid for it (a death benefit less the disability
 * subsidy); `largerOf` pays, with the listed benefits, only the largest of them in total.
 */
const benefitIdsSchema = readonly(z.array(benefitIdSchema).check(z.minLength(1), z.maxLength(MAX_POLICY_ITEMS)));
const sameEventSchema = strictSection('same-event', { lessPaidFor: z.optional(benefitIdsSchema), largerOf: z.optional(benefitIdsSchema) }).check(refine((rule) => (rule.lessPaidFor === undefined) !== (rule.largerOf === undefined), 'invalid_same_event', 'expected exactly one of "lessPaidFor" and "largerOf"; see docs/rule-model.md#same-event'));

/** Conditions that only a stay has. */
const STAY_CONDITIONS = ['stayNumber', 'days', 'discharge', 'cause'] as const;
/** Conditions that only a diagnosis has. */
const DIAGNOSIS_CONDITIONS = ['conditionClass', 'patient', 'preExisting'] as const;
/** The conditions a claim of each kind cannot meet: they read what it lacks. */
const FOREIGN_CONDITIONS: Record<z.output<typeof eventKindSchema>, readonly (keyof Condition)[]> = {
  hospitalisation: DIAGNOSIS_CONDITIONS,
  diagnosis: STAY_CONDITIONS,
  outpatient: [...STAY_CONDITIONS, ...DIAGNOSIS_CONDITIONS],
  disability: [...STAY_CONDITIONS, ...DIAGNOSIS_CONDITIONS],
  death: [...STAY_CONDITIONS, ...DIAGNOSIS_CONDITIONS],
};

export const benefitSchema = strictSection('benefits', {
    id: benefitIdSchema,
    label: labelSchema,
    /** The kind of claim this benefit pays on. */
    event: eventKindSchema,
    /** Causes of a stay this benefit covers; absent means every cause. Only stays have a cause. */
    causes: z.optional(readonly(z.array(causeSchema).check(z.minLength(1)))),
    /** The benefit pays only on claims where this holds, e.g. a stay of at least 3 days. */
    when: z.optional(conditionSchema),
    formula: formulaSchema,
    caps: z.optional(strictSection('caps', {
      perClaim: z.optional(parameter(policyYuanSchema)),
      perYear: z.optional(parameter(policyYuanSchema)),
      /** At most this many paid claims of the benefit in a protection year ("once a year": 1). */
      claimsPerYear: z.optional(parameter(countSchema.check(z.gte(1)))),
      /** At most one paid claim of the benefit in any N years, earlier years' claims included (history). */
      oncePerYears: z.optional(parameter(countSchema.check(z.gte(1), z.lte(100)))),
    })),
    /** What the benefit pays for an event (accident) less what other benefits already paid for it. */
    sameEvent: z.optional(sameEventSchema),
  })
  .check(superRefine((benefit, ctx) => {
    const formula = benefit.formula;
    if (formula.kind === 'bands') {
      const hasDeductible = formula.deductible !== undefined;
      for (const key of ['deductibleScope', 'measure'] as const) {
        if (hasDeductible && formula[key] === undefined) {
          addIssue(ctx, 'missing_setting', `expected "${key}" with a deductible: say how the deductible applies; see docs/rule-model.md#bands`, ['formula', key]);
        } else if (!hasDeductible && formula[key] !== undefined) {
          addIssue(ctx, 'unused_setting', `"${key}" says how a deductible applies, and this formula has none`, ['formula', key]);
        }
      }
    }
    // A stay's or a diagnosis's condition on another claim could never hold: in the benefit's `when` or a variant of its parameters, at any depth of `anyOf`.
    const foreign = FOREIGN_CONDITIONS[benefit.event];
    if (foreign.length > 0) {
      const check = (condition: Condition, path: (string | number)[]): void => {
        for (const key of foreign) {
          const owner = (STAY_CONDITIONS as readonly string[]).includes(key) ? 'a stay' : 'a diagnosis';
          if (condition[key] !== undefined) addIssue(ctx, 'condition_event_mismatch', `only ${owner} has "${key}"; a "${benefit.event}" claim has none`, [...path, key]);
        }
        condition.anyOf?.forEach((inner, index) => check(inner, [...path, 'anyOf', index]));
      };
      for (const { condition, path } of conditionsIn(benefit, [])) check(condition, path);
    }
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
  }));

export const conventionsSchema = strictSection('conventions', {
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
  /**
   * Whose dates make the protection year. `policy` (the default): the version's own period,
   * the same for every member, which an event's date picks. `enrolment`: each member's own
   * cover, from the enrolment's `from` to its `to`; the version governs the enrolments whose
   * cover starts in its period.
   */
  protectionPeriod: z.optional(z.enum(['policy', 'enrolment'])),
});

const payerRuleSchema = z.strictObject({ flag: memberFlagSchema, payer: payerSchema });

/** A requirement every claimant must meet, with a label that says it in words. */
const requirementSchema = strictSection('eligibility', { label: labelSchema, when: conditionSchema });

/** When a claim must be filed: N days after the discharge or event, or by a day of the next year. */
const filingDeadlineSchema = z.union([
  strictSection('eligibility', { daysAfter: parameter(countSchema.check(z.gte(1))), from: z.enum(['discharge', 'event']) }),
  strictSection('eligibility', {
    // A day every year has: a date the next year lacks would give no deadline, and no claim would ever be late.
    nextYearOn: parameter(z.string().check(refine((monthDay) => /^\d\d-\d\d$/.test(monthDay) && !Number.isNaN(dayNumber(`2023-${monthDay}`)), 'invalid_date', 'expected a day every year has, written MM-DD, like "03-31"'))),
  }),
]);

/** What a unit's enrolment must meet (docs/rule-model.md#enrolment): when, how many of its staff, who. */
const enrolmentRulesSchema = strictSection('enrolment', {
  /** The days a unit may enrol, both included (Hangzhou 2018: 15 October to 15 December). */
  window: z.optional(parameter(strictSection('enrolment', { from: isoDateSchema, to: isoDateSchema }))),
  /** The least share of a unit's staff that must join (Anqing, Shanghai 2000: 80 %). */
  minShare: z.optional(parameter(ratioSchema)),
  /** A unit with fewer staff than this must enrol them all (Anqing: under 100 people). */
  wholeUnitBelow: z.optional(parameter(countSchema.check(z.gte(2)))),
  /** The fewest members a unit may enrol (Shanghai 2000: 10). */
  minMembers: z.optional(parameter(countSchema.check(z.gte(1)))),
  /** What each member must meet to join, e.g. an age limit on the day the unit enrols. */
  requires: z.optional(readonly(z.array(requirementSchema).check(z.minLength(1)))),
}).check(refine((rules) => Object.keys(rules).length > 0, 'missing_setting', 'expected at least one enrolment rule: "window", "minShare", "wholeUnitBelow", "minMembers" or "requires"; see docs/rule-model.md#enrolment'));

/** Conditions a member's enrolment cannot read: there is no claim yet. */
const CLAIM_CONDITIONS = [...STAY_CONDITIONS, ...DIAGNOSIS_CONDITIONS, 'claim'] as const;

/** Refuses rules of the enrolment section that could never apply. */
function checkEnrolmentRules(rules: z.output<typeof enrolmentRulesSchema>, ctx: z.core.ParsePayload): void {
  for (const key of ['window', 'minShare', 'wholeUnitBelow', 'minMembers'] as const) {
    if (rules[key]?.variants !== undefined) {
      addIssue(ctx, 'unused_setting', 'an enrolment rule applies to a whole unit, which no condition reads: give it one value; see docs/rule-model.md#enrolment', ['enrolment', key, 'variants']);
    }
  }
  const window = rules.window?.value;
  if (window !== undefined && window.to < window.from) addIssue(ctx, 'ends_before_start', 'expected the window\'s "to" on or after its "from"', ['enrolment', 'window', 'value', 'to']);
  const check = (condition: Condition, path: (string | number)[]): void => {
    for (const key of CLAIM_CONDITIONS) {
      if (condition[key] !== undefined) addIssue(ctx, 'condition_event_mismatch', `an enrolment has no claim to read "${key}" from: a member's requirement to join reads the member and the day the unit enrols`, [...path, key]);
    }
    condition.anyOf?.forEach((inner, index) => check(inner, [...path, 'anyOf', index]));
  };
  rules.requires?.forEach((requirement, index) => check(requirement.when, ['enrolment', 'requires', index, 'when']));
}

/**
 * How a plan stands beside the member's other plans (docs/rule-model.md#plans): how many shares
 * of it count, when it settles a claim among them, the group of which a member may hold one plan, and what it makes of what
 * other plans and funds paid for the same claim.
 */
const planSchema = strictSection('plans', {
  /** Plans settle a claim in ascending order, ties by scheme id; a plan without one settles after those with one. */
  order: z.optional(z.number().check(int(), z.gte(0), z.lte(100_000))),
  /** At most `maxShares` shares of the plan count; any past it are void (docs/rule-model.md#shares). */
  maxShares: z.optional(parameter(sharesSchema)),
  /** A member may hold at most one plan of a group (Shanghai: class A or class B). */
  group: z.optional(strictSection('plans', { id: slugSchema, label: labelSchema })),
  /** What other payments for the same claim do to this plan's payment. */
  otherPayments: z.optional(strictSection('plans', {
    /** Which payments count: what plans settled before it paid, and the claim's `paidElsewhere` (another fund). */
    sources: readonly(z.array(z.enum(['earlierPlans', 'paidElsewhere'])).check(z.minLength(1), z.maxLength(2))),
    /** `deduct`: the plan pays that much less; `capAtUnpaid`: it pays at most `cost` less those payments. */
    rule: z.enum(['deduct', 'capAtUnpaid']),
    /** With `capAtUnpaid`: the cost those payments leave unpaid, one cost of the claim or a sum of several. */
    cost: z.optional(baseSchema),
    /** The one benefit the rule cuts (Dalian: the treatment subsidy, not the condolence payment); every line when absent. */
    from: z.optional(benefitIdSchema),
  }).check(superRefine((others, ctx) => {
    if (others.rule === 'capAtUnpaid' && others.cost === undefined) addIssue(ctx, 'missing_setting', 'expected "cost" with "capAtUnpaid": the cost the other payments leave unpaid; see docs/rule-model.md#plans', ['cost']);
    if (others.rule === 'deduct' && others.cost !== undefined) addIssue(ctx, 'unused_setting', '"cost" is what "capAtUnpaid" caps at, and "deduct" reads none', ['cost']);
    if (new Set(others.sources).size < others.sources.length) addIssue(ctx, 'duplicate_source', 'expected each source once', ['sources']);
  }))),
});

export const policySchema = z
  .strictObject({
    /** Scheme id, e.g. `guangxi`; versions of one scheme share it. */
    scheme: slugSchema,
    /** The protection year (保障年度) this version is for. */
    year: z.number().check(int(), z.gte(1990), z.lte(2200)),
    name: labelSchema,
    /** First day an event may fall on under this version. */
    validFrom: isoDateSchema,
    /** Last day, inclusive; absent while the version is in force with no announced end. */
    validTo: z.optional(isoDateSchema),
    conventions: conventionsSchema,
    /** The member and claim attributes the policy reads, with labels and allowed values. */
    attributes: z.optional(attributeDeclarationsSchema),
    /** The conditions diagnosis claims name, by code, with their classes. */
    conditions: z.optional(conditionListSchema),
    eligibility: strictSection('eligibility', {
      /** Whose enrolment is required; absent means this scheme's own, for this year. */
      enrolmentScheme: z.optional(slugSchema),
      /** What every claimant must meet, e.g. an age limit or a member flag. */
      requires: z.optional(readonly(z.array(requirementSchema))),
      /**
       * No claim in the first days of a first enrolment. A renewal that starts the day after the
       * member's previous enrolment in the scheme ended is no first enrolment, and never waits.
       */
      waitingPeriod: z.optional(strictSection('eligibility', {
        days: parameter(countSchema.check(z.gte(1))),
        /** No wait either when the enrolment starts at most this many days after the member's previous one in the scheme ended (1 = the next day). */
        waivedIfRenewedWithin: z.optional(parameter(countSchema)),
      })),
      /** Cover starts the day after the enrolment's `enrolledOn`, not on its `from`. */
      coverStarts: z.optional(z.enum(['dayAfterEnrolment'])),
      /** At most this many paid stays in a protection year. */
      maxPaidStays: z.optional(parameter(countSchema.check(z.gte(1)))),
      filingDeadline: z.optional(filingDeadlineSchema),
    }),
    benefits: readonly(z.array(benefitSchema)),
    ceilings: z.strictObject({
      /** 最高补助: the most one member receives in the protection year, all benefits together. */
      maximumSubsidy: z.optional(parameter(policyYuanSchema)),
    }),
    contribution: z.optional(z
      .strictObject({
        /** 互助金: the yearly contribution for one member. */
        perMember: parameter(policyYuanSchema),
        /** Who pays for a member with a flag; the first rule that matches wins. */
        payers: parameter(readonly(z.array(payerRuleSchema))),
        /** Who pays for everyone else. */
        defaultPayer: payerSchema,
        /** The contribution for half a year, for a roster entry whose `period` is `half` (Shanghai 2019: 12 yuan). */
        halfYear: z.optional(parameter(policyYuanSchema)),
      })),
    /** What a unit's enrolment must meet, for `assessEnrolment`. */
    enrolment: z.optional(enrolmentRulesSchema),
    /** How the plan settles beside the member's other plans. */
    plan: z.optional(planSchema),
    /** Assumptions and remarks a reader of this version should know. */
    notes: z.optional(readonly(z.array(labelSchema))),
  })
  .check(superRefine((policy, ctx) => {
    if (policy.enrolment !== undefined) checkEnrolmentRules(policy.enrolment, ctx);
    // Everyone holds at least the one share an enrolment without `shares` stands for.
    if (policy.plan?.maxShares !== undefined && policy.plan.maxShares.value < 1) {
      addIssue(ctx, 'invalid_shares', 'expected "maxShares" of at least 1: a member always holds the one share an enrolment without "shares" stands for', ['plan', 'maxShares', 'value']);
    }
    if (policy.plan?.maxShares?.variants !== undefined) {
      addIssue(ctx, 'unused_setting', 'the most shares a member may hold is read when the member enrols, where no condition is: give it one value; see docs/rule-model.md#shares', ['plan', 'maxShares', 'variants']);
    }
    if (policy.validTo !== undefined && policy.validTo < policy.validFrom) {
      addIssue(ctx, 'ends_before_start', 'expected "validTo" on or after "validFrom"', ['validTo']);
    }
    // "By 31 March of the next year" is a day after every member's year only when all members share one year.
    const deadline = policy.eligibility.filingDeadline;
    if (policy.conventions.protectionPeriod === 'enrolment' && deadline !== undefined && 'nextYearOn' in deadline) {
      addIssue(
        ctx,
        'period_mismatch',
        'a deadline on a day of the next year needs one protection year for every member, and with "protectionPeriod": "enrolment" each member\'s year ends on its own day (a cover from 2024-12-06 to 2025-12-05 would be due by 2025-03-31, before it ends): write { "daysAfter": …, "from": "discharge" } instead; see docs/rule-model.md#conventions',
        ['eligibility', 'filingDeadline', 'nextYearOn'],
      );
    }
    const seen = new Set<string>();
    policy.benefits.forEach((benefit, index) => {
      if (seen.has(benefit.id)) {
        addIssue(ctx, 'duplicate_id', `duplicate benefit id "${benefit.id}"`, ['benefits', index, 'id']);
      }
      seen.add(benefit.id);
    });
    checkSameEvent(policy.benefits, ctx);
    const from = policy.plan?.otherPayments?.from;
    if (from !== undefined && !seen.has(from)) addIssue(ctx, 'unknown_benefit', `"${from}" is not a benefit of this policy`, ['plan', 'otherPayments', 'from']);
    for (const { condition, path } of conditionsIn(policy, [])) checkAttributes(condition, policy.attributes, path, ctx);
    checkConditionList(policy, ctx);
    policy.contribution?.payers.value.forEach((rule, index) => {
      if (policy.attributes?.member?.[rule.flag]?.values !== undefined || !Object.hasOwn(policy.attributes?.member ?? {}, rule.flag)) {
        addIssue(ctx, 'undeclared_attribute', undeclared('flag', rule.flag, policy.attributes), ['contribution', 'payers', 'value', index, 'flag']);
      }
    });
  }));

/** Refuses a same-event rule naming a benefit the policy lacks, or the benefit itself where that means nothing. */
function checkSameEvent(benefits: readonly z.output<typeof benefitSchema>[], ctx: z.core.ParsePayload): void {
  const ids = new Set(benefits.map((benefit) => benefit.id));
  benefits.forEach((benefit, index) => {
    const rule = benefit.sameEvent;
    const key = rule?.lessPaidFor === undefined ? 'largerOf' : 'lessPaidFor';
    rule?.[key]?.forEach((id, at) => {
      if (!ids.has(id)) addIssue(ctx, 'unknown_benefit', `"${id}" is not a benefit of this policy`, ['benefits', index, 'sameEvent', key, at]);
      else if (id === benefit.id && key === 'largerOf') addIssue(ctx, 'unknown_benefit', 'list the other benefits: the benefit itself is always in its "largerOf"', ['benefits', index, 'sameEvent', key, at]);
    });
  });
}

/** Every condition in a policy (a benefit's `when`, a variant's, a requirement's), with its path. */
function* conditionsIn(value: unknown, path: (string | number)[]): Generator<{ condition: Condition; path: (string | number)[] }> {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key === 'when') yield { condition: child as Condition, path: at };
    else yield* conditionsIn(child, at);
  }
}

/** Refuses a diagnosis benefit without a list of conditions, and a class the list does not declare. */
function checkConditionList(policy: z.output<typeof policySchema>, ctx: z.core.ParsePayload): void {
  const classes = policy.conditions?.classes;
  policy.benefits.forEach((benefit, index) => {
    if (benefit.event === 'diagnosis' && classes === undefined) {
      addIssue(ctx, 'missing_setting', 'a "diagnosis" benefit pays for the conditions the policy lists: declare them in "conditions"; see docs/rule-model.md#conditions-list', ['benefits', index, 'event']);
    }
    if (benefit.formula.kind !== 'byCondition' || classes === undefined) return;
    const { amounts } = benefit.formula;
    const tables = [{ table: amounts.value, path: ['value'] }, ...(amounts.variants ?? []).map((variant, at) => ({ table: variant.value, path: ['variants', at, 'value'] }))];
    for (const { table, path } of tables) {
      for (const id of Object.keys(table)) {
        if (!Object.hasOwn(classes, id)) addIssue(ctx, 'undeclared_class', undeclaredClass(id, classes), ['benefits', index, 'formula', 'amounts', ...path, id]);
      }
    }
  });
  const check = (condition: Condition, path: (string | number)[]): void => {
    if (condition.conditionClass !== undefined) {
      for (const id of typeof condition.conditionClass === 'string' ? [condition.conditionClass] : condition.conditionClass) {
        if (classes === undefined || !Object.hasOwn(classes, id)) addIssue(ctx, 'undeclared_class', undeclaredClass(id, classes ?? {}), [...path, 'conditionClass']);
      }
    }
    condition.anyOf?.forEach((inner, index) => check(inner, [...path, 'anyOf', index]));
  };
  for (const { condition, path } of conditionsIn(policy, [])) check(condition, path);
}

function undeclared(kind: 'flag' | 'member' | 'claim', name: string, attributes: AttributeDeclarations | undefined): string {
  const declared = Object.entries((kind === 'claim' ? attributes?.claim : attributes?.member) ?? {})
    .filter(([, declaration]) => (kind === 'flag') === (declaration.values === undefined))
    .map(([declaredName]) => `"${declaredName}"`);
  const what = kind === 'flag' ? 'member flag' : `${kind} attribute with values`;
  const where = kind === 'claim' ? 'attributes.claim' : 'attributes.member';
  return `"${name}" is not a ${what} this policy declares (${declared.length === 0 ? 'it declares none' : `it declares ${declared.join(', ')}`}); declare it in "${where}", see docs/rule-model.md#attributes`;
}

/** Refuses a condition on an attribute the policy does not declare, or on a value it does not allow. */
function checkAttributes(condition: Condition, attributes: AttributeDeclarations | undefined, path: (string | number)[], ctx: z.core.ParsePayload): void {
  for (const [flag] of Object.entries(condition.flags ?? {})) {
    const declaration = attributes?.member?.[flag];
    if (declaration === undefined || !Object.hasOwn(attributes!.member!, flag) || declaration.values !== undefined) {
      addIssue(ctx, 'undeclared_attribute', undeclared('flag', flag, attributes), [...path, 'flags', flag]);
    }
  }
  for (const kind of ['member', 'claim'] as const) {
    for (const [name, wanted] of Object.entries(condition[kind] ?? {})) {
      const declarations = attributes?.[kind] ?? {};
      const values = Object.hasOwn(declarations, name) ? declarations[name]!.values : undefined;
      if (values === undefined) {
        addIssue(ctx, 'undeclared_attribute', undeclared(kind, name, attributes), [...path, kind, name]);
        continue;
      }
      for (const value of typeof wanted === 'string' ? [wanted] : wanted) {
        if (!Object.hasOwn(values, value)) {
          const allowed = Object.keys(values).map((known) => `"${known}"`).join(', ');
          addIssue(ctx, 'unknown_value', `"${value}" is not a value of ${kind} attribute "${name}": expected one of ${allowed}`, [...path, kind, name]);
        }
      }
    }
  }
  condition.anyOf?.forEach((inner, index) => checkAttributes(inner, attributes, [...path, 'anyOf', index], ctx));
}

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
/** The conditions a policy pays lump sums for: its classes and, by code, each condition's label and class. */
export interface ConditionList extends z.output<typeof conditionListSchema> {}
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
  /** Other values under conditions; the first whose `when` holds gives the value. */
  readonly variants?: readonly ParameterVariant<T>[];
}
/** A parameter's value under a condition, with its own provenance or the parameter's. */
export interface ParameterVariant<T = unknown> {
  readonly when: Condition;
  readonly value: T;
  readonly provenance?: Provenance;
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
