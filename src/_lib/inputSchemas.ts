import * as z from 'zod/mini';
import { setUpZod } from './zodSetup';
import { int, readonly, refine, superRefine } from './zodChecks';
import { addIssue } from './errors';
import { daysBetween, isoDateSchema } from './dates';
import { yuanSchema } from './moneySchemas';
import { attributeNameSchema, attributeValueSchema, causeSchema, patientSchema, sexSchema, sharesSchema, slugSchema } from './fieldSchemas';

setUpZod();

const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** A stay longer than this is a data error (ten years and a day or so). */
export const MAX_STAY_DAYS = 3660;

export const enrolmentSchema = z
  .strictObject({
    scheme: z.string().check(z.minLength(1), z.maxLength(64)),
    year: z.number().check(int(), z.gte(1990), z.lte(2200)),
    /** First covered day. */
    from: isoDateSchema,
    /** Last covered day, inclusive. */
    to: isoDateSchema,
    /** The day the enrolment was completed; a policy whose cover starts the day after reads it. */
    enrolledOn: z.optional(isoDateSchema),
    /** Shares (份) of the plan held: amounts and money caps scale with them; 1 when absent. */
    shares: z.optional(sharesSchema),
  })
  .check(refine((enrolment) => enrolment.to >= enrolment.from, 'ends_before_start', 'expected "to" on or after "from"', ['to']));

/** Yes/no facts about a member that policies declare and read, e.g. `{ hardship: true }`. */
const flagsSchema = z.record(attributeNameSchema, z.boolean());
/** Facts with a value, e.g. `{ baseInsurance: 'employee' }`; a policy declares the values it allows. */
const attributesSchema = z.record(attributeNameSchema, attributeValueSchema);

export const memberSchema = z.strictObject({
  id: idSchema,
  enrolments: readonly(z.array(enrolmentSchema).check(z.maxLength(1000))),
  flags: z.optional(flagsSchema),
  attributes: z.optional(attributesSchema),
  /** For age limits: the age on an event's date is counted from it. */
  birthDate: z.optional(isoDateSchema),
  /** For plans limited by sex, e.g. a women's plan. */
  sex: z.optional(sexSchema),
});

const costsSchema = z
  .strictObject({
    /** 总费用: the whole bill of the stay. */
    total: yuanSchema,
    /** 医保报销 / 统筹支付: what basic medical insurance paid. */
    insurancePaid: yuanSchema,
    /** 政策范围内个人自付: the member's co-payment inside the covered list. */
    inScopeCopay: yuanSchema,
    /** 自费 / 医保外自费费用: self-paid costs outside the covered list. */
    selfPaid: yuanSchema,
    /** 封顶线以上: the part above the basic insurance's yearly ceiling; 0 when absent. */
    aboveCeiling: z.optional(yuanSchema),
  })
  .check(refine((costs) => costs.insurancePaid.plus(costs.inScopeCopay).plus(costs.selfPaid).plus(costs.aboveCeiling ?? 0).lte(costs.total), 'parts_exceed_total', 'expected "total" to be at least insurancePaid + inScopeCopay + selfPaid + aboveCeiling', ['total']));

/** Fields every kind of claim may carry. */
const claimExtras = {
  /** Facts about the claim a policy declares, e.g. `{ hospitalLevel: '3' }`. */
  attributes: z.optional(attributesSchema),
  /** The day the claim was filed, for a policy's filing deadline. */
  filedOn: z.optional(isoDateSchema),
  /** The event (accident) the claim comes from, e.g. `acc-2017-03`: a policy's same-event rule reads it. */
  event: z.optional(idSchema),
};

/** Fields of the claims with costs. */
const costClaimExtras = {
  ...claimExtras,
  /** What another fund (another union plan, a charity) already paid for the same costs; a plan's `otherPayments` may count it. */
  paidElsewhere: z.optional(yuanSchema),
};

// Each claim's `kind` is a one-value enum, not `z.literal`: the same issues, without zod's literal
// schema in the bundle (test/zodChecks.test.ts).
export const hospitalisationSchema = z
  .strictObject({
    kind: z.enum(['hospitalisation']),
    id: idSchema,
    admission: isoDateSchema,
    discharge: isoDateSchema,
    cause: causeSchema,
    costs: costsSchema,
    ...costClaimExtras,
  })
  .check(superRefine((stay, ctx) => {
    const days = daysBetween(stay.admission, stay.discharge);
    if (days < 0) {
      addIssue(ctx, 'ends_before_start', 'expected "discharge" on or after "admission"', ['discharge']);
    }
    if (days > MAX_STAY_DAYS) {
      addIssue(ctx, 'stay_too_long', `expected a stay of at most ${MAX_STAY_DAYS} days; got ${days}`, ['discharge']);
    }
  }));

export const outpatientSchema = z.strictObject({
  kind: z.enum(['outpatient']),
  id: idSchema,
  /** The day of the visit, or of the bill of a period's visits. */
  date: isoDateSchema,
  costs: costsSchema,
  ...costClaimExtras,
});

/**
 * A diagnosed condition, for lump sums by a policy's list of conditions (docs/rule-model.md#conditions-list).
 * Costs are given only when a benefit pays on them (Dalian's two cancers).
 */
export const diagnosisSchema = z
  .strictObject({
    kind: z.enum(['diagnosis']),
    id: idSchema,
    /** The day the condition was diagnosed (确诊), which places the claim in the year. */
    date: isoDateSchema,
    /** The condition's code in the policy's list, e.g. `breast-cancer`. */
    condition: attributeValueSchema,
    /** Whose condition it is; the member's own when absent. */
    patient: z.optional(patientSchema),
    /** The day the condition was first diagnosed, when before `date`: before the member's cover started, it is pre-existing. */
    firstDiagnosed: z.optional(isoDateSchema),
    costs: z.optional(costsSchema),
    /** What another fund already paid for the condition; a plan's `otherPayments` may count it (Dalian's two cancers). */
    paidElsewhere: z.optional(yuanSchema),
    ...claimExtras,
  })
  .check(refine((claim) => claim.firstDiagnosed === undefined || claim.firstDiagnosed <= claim.date, 'ends_before_start', 'expected "firstDiagnosed" on or before the claim\'s "date"', ['firstDiagnosed']));

export const claimSchema = z.discriminatedUnion('kind', [
  hospitalisationSchema,
  outpatientSchema,
  diagnosisSchema,
  z.strictObject({
    kind: z.enum(['disability']),
    id: idSchema,
    /** Date the disability grade was assessed. */
    date: isoDateSchema,
    /** 伤残等级: 1 (most severe) to 10. */
    grade: z.number().check(int(), z.gte(1), z.lte(10)),
    ...claimExtras,
  }),
  z.strictObject({
    kind: z.enum(['death']),
    id: idSchema,
    date: isoDateSchema,
    ...claimExtras,
  }),
]);

export const ledgerSchema = z.strictObject({
  scheme: z.string().check(z.minLength(1), z.maxLength(64)),
  year: z.number().check(int()),
  memberId: idSchema,
  /** Everything paid to the member in the protection year. */
  total: yuanSchema,
  /** Paid so far, by benefit id. */
  byBenefit: z.record(slugSchema, yuanSchema),
  /** Claims already settled, so that none is paid twice. */
  claimIds: readonly(z.array(idSchema)),
  /** Stays settled in the year, and those that paid: what stay numbers and a limit of paid stays count. 0 when absent. */
  stays: z.optional(z.number().check(int(), z.gte(0))),
  paidStays: z.optional(z.number().check(int(), z.gte(0))),
  /** By benefit id: claims paid, days paid and deductible used in the year; nothing when absent. */
  usage: z.optional(z
    .record(slugSchema, z.strictObject({ claims: z.number().check(int(), z.gte(0)), days: z.number().check(int(), z.gte(0)), deductible: yuanSchema }))),
});

/** How long a contribution is for: a protection year, or half of one. */
const contributionPeriodSchema = z.enum(['year', 'half']);

/** A plan a roster entry holds, for contributions over a registry: which, how many shares, for how long. */
// Made in a function marked pure, as rosterSchema below is.
const planHeldSchema = /* @__PURE__ */ (() => z.strictObject({
  scheme: slugSchema,
  /** The protection year: the version of the scheme for that year prices it. */
  year: z.number().check(int(), z.gte(1990), z.lte(2200)),
  /** Shares held; 1 when absent. */
  shares: z.optional(sharesSchema),
  /** `half`: for half a year, at the version's `contribution.halfYear`; a whole year when absent. */
  period: z.optional(contributionPeriodSchema),
}))();

/** The most plans one roster entry may hold. */
export const MAX_PLANS_HELD = 100;

/** The most entries a member's history may have; a longer one is refused before its entries are read. */
export const MAX_HISTORY_ENTRIES = 100_000;

/**
 * A member's earlier settled payments, one entry per benefit line that paid: what a policy's
 * once-in-N-years and same-event rules read beyond the ledger (docs/rule-model.md#history).
 */
export const historySchema = readonly(z
  .array(
    z.strictObject({
      scheme: z.string().check(z.minLength(1), z.maxLength(64)),
      year: z.number().check(int(), z.gte(1990), z.lte(2200)),
      /** The benefit id that paid. */
      benefit: slugSchema,
      claimId: idSchema,
      /** The date that placed the claim in its protection year (a result's `eventDate`). */
      date: isoDateSchema,
      paid: yuanSchema,
      /** The event the claim came from, when it named one. */
      event: z.optional(idSchema),
      /** The condition a diagnosis claim named (its code in the policy's list), for rules that count once per condition. */
      condition: z.optional(attributeValueSchema),
    }),
  )
  .check(
    z.maxLength(MAX_HISTORY_ENTRIES),
    superRefine((history, ctx) => {
    // A payment listed twice would be deducted twice.
    const seen = new Set<string>();
    history.forEach((entry, index) => {
      const key = JSON.stringify([entry.scheme, entry.year, entry.claimId, entry.benefit]);
      if (seen.has(key)) addIssue(ctx, 'duplicate_entry', `claim "${entry.claimId}" of ${entry.scheme} ${entry.year} is listed twice for benefit "${entry.benefit}"`, [index, 'benefit']);
      seen.add(key);
    });
  }),
  ));

/** The most entries a roster may have; a longer one is refused before its entries are read. */
export const MAX_ROSTER_ENTRIES = 10_000_000;

// The schemas of a roster and of a unit are made in a function marked pure: their `.check`
// calls are methods, which a bundler keeps as possible side effects, so as plain constants
// they stayed in the bundle of a program that only settles claims (docs/benchmarks.md,
// "Bundle sizes").
export const rosterSchema = /* @__PURE__ */ (() => readonly(z
  .array(
    z.strictObject({
      id: idSchema,
      /** How many members this entry stands for, e.g. a unit's headcount; 1 when absent. */
      count: z.optional(z.number().check(int(), z.gte(1), z.lte(100_000_000))),
      flags: z.optional(flagsSchema),
      attributes: z.optional(attributesSchema),
      /** Enrolled in the scheme's previous year too, for contributions that differ for renewals. */
      continuing: z.optional(z.boolean()),
      /** Shares (份) each member holds; 1 when absent. Shares past the plan's `maxShares` are void and not charged. */
      shares: z.optional(sharesSchema),
      /** `half`: enrolled for half a year, at the policy's `contribution.halfYear`; a whole year when absent. */
      period: z.optional(contributionPeriodSchema),
      /** Every plan the entry holds, each with its shares and period, priced from a registry: instead of `shares` and `period`. */
      plans: z.optional(readonly(z.array(planHeldSchema).check(z.minLength(1), z.maxLength(MAX_PLANS_HELD)))),
    }),
  )
  .check(
    z.maxLength(MAX_ROSTER_ENTRIES),
    superRefine((roster, ctx) => {
    // An id listed twice would count its members twice.
    const seen = new Set<string>();
    roster.forEach((entry, index) => {
      if (seen.has(entry.id)) addIssue(ctx, 'duplicate_member', `duplicate roster id "${entry.id}"`, [index, 'id']);
      seen.add(entry.id);
      if (entry.plans === undefined) return;
      for (const key of ['shares', 'period'] as const) {
        if (entry[key] !== undefined) addIssue(ctx, 'conflicting_fields', `an entry with "plans" says "${key}" on each plan, not beside them`, [index, key]);
      }
      // A plan held twice would be charged twice: its shares say how much of it is held.
      if (entry.plans.length === 1) return;
      const held = new Set<string>();
      entry.plans.forEach((plan, at) => {
        const key = `${plan.scheme} ${plan.year}`;
        if (held.has(key)) addIssue(ctx, 'duplicate_plan', `"${plan.scheme}" ${plan.year} is listed twice: give its shares once`, [index, 'plans', at]);
        held.add(key);
      });
    });
  }),
  )))();

/** The most members one unit may list for `assessEnrolment`; a longer list is refused before it is read. */
export const MAX_UNIT_MEMBERS = 1_000_000;

/** A unit enrolling its staff, for `assessEnrolment`. */
export const unitSchema = /* @__PURE__ */ (() => z
  .strictObject({
    id: idSchema,
    /** The day the unit enrols: the enrolment window and age limits read it. */
    date: isoDateSchema,
    /** The unit's staff the plan's share is measured against, e.g. those of an age to join. */
    staff: z.number().check(int(), z.gte(1), z.lte(100_000_000)),
    /** The staff the unit enrols, each once. */
    members: readonly(z
      .array(
        z.strictObject({
          id: idSchema,
          flags: z.optional(flagsSchema),
          attributes: z.optional(attributesSchema),
          birthDate: z.optional(isoDateSchema),
          sex: z.optional(sexSchema),
          /** Enrolled in the scheme's previous year too, for renewals' rules and contributions. */
          continuing: z.optional(z.boolean()),
        }),
      )
      .check(z.maxLength(MAX_UNIT_MEMBERS))),
  })
  .check(superRefine((unit, ctx) => {
    const seen = new Set<string>();
    unit.members.forEach((member, index) => {
      if (seen.has(member.id)) addIssue(ctx, 'duplicate_member', `duplicate member id "${member.id}"`, ['members', index, 'id']);
      seen.add(member.id);
    });
    if (unit.members.length > unit.staff) addIssue(ctx, 'too_many_members', `expected "staff" of at least the ${unit.members.length} members listed`, ['staff']);
  })))();

export const condolenceDecisionSchema = z.strictObject({
  /** The amount the federation awarded on application, inside the allowed range. */
  awarded: yuanSchema,
});

// Interfaces (and unions of them), not aliases of `z.input`/`z.output`: TypeScript forgets an
// alias's name for a type it did not make itself, so every signature that used one, in editors
// and in the API reference, spelled the whole type out. test/publicTypes.test.ts keeps them
// equal to what the schemas read and yield.
/** A member as the caller writes it. */
export interface MemberInput extends z.input<typeof memberSchema> {}
/** A member after validation. */
export interface Member extends z.output<typeof memberSchema> {}
/** A claim as the caller writes it: amounts as strings, numbers or Decimals. */
export type ClaimInput = HospitalisationInput | OutpatientInput | DisabilityClaim | DeathClaim | DiagnosisInput;
/** A claim after validation: amounts are Decimals. */
export type Claim = Hospitalisation | Outpatient | DisabilityClaim | DeathClaim | Diagnosis;
/** A diagnosed condition as the caller writes it: a code from the policy's list, and costs if a benefit pays on them. */
export interface DiagnosisInput extends z.input<typeof diagnosisSchema> {}
/** A diagnosed condition after validation: amounts are Decimals. */
export interface Diagnosis extends z.output<typeof diagnosisSchema> {}
/** An outpatient claim as the caller writes it. */
export interface OutpatientInput extends z.input<typeof outpatientSchema> {}
/** An outpatient claim after validation: amounts are Decimals. */
export interface Outpatient extends z.output<typeof outpatientSchema> {}
/** A disability claim: the date the grade was assessed, and the grade. The caller's form and the validated one are alike. */
export interface DisabilityClaim extends Extract<z.output<typeof claimSchema>, { kind: 'disability' }> {}
/** A death claim. The caller's form and the validated one are alike. */
export interface DeathClaim extends Extract<z.output<typeof claimSchema>, { kind: 'death' }> {}
/** A stay as the caller writes it. */
export interface HospitalisationInput extends z.input<typeof hospitalisationSchema> {}
/** A stay after validation: amounts are Decimals. */
export interface Hospitalisation extends z.output<typeof hospitalisationSchema> {}
/** A ledger as the caller passes it: the `ledger` of an earlier result, or the same written as JSON. */
export interface LedgerInput extends z.input<typeof ledgerSchema> {}
/** The members to assess contributions for: one entry per member, or per group of alike members. */
export type RosterInput = readonly RosterEntry[];
/** A member, or a group of alike members, on a roster. */
export interface RosterEntry extends RosterEntryOf {}
type RosterEntryOf = z.input<typeof rosterSchema>[number];
/** A member's earlier settled payments, as the caller gives them: see {@link historyEntries}. */
export type HistoryInput = readonly HistoryEntryInput[];
/** One earlier payment: a benefit line of an earlier settlement that paid. */
export interface HistoryEntryInput extends HistoryEntryOf {}
type HistoryEntryOf = z.input<typeof historySchema>[number];
/** The amount a federation awarded on application. */
export interface CondolenceDecisionInput extends z.input<typeof condolenceDecisionSchema> {}
/** A unit enrolling its staff, as the caller writes it. */
export interface UnitInput extends z.input<typeof unitSchema> {}
/** A member a unit enrols: what the plan's rules to join and its contribution read. */
export type UnitMember = UnitInput['members'][number];
