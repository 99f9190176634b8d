/**
 * Generated policies, members, claims and ledgers for holding the engine to the oracle: random
 * bands, deductibles, thresholds, variants, conditions, caps, eligibility rules and rounding,
 * in the 2024 protection year of scheme "test". Amounts are written as strings, numbers and
 * Decimals alike.
 */
import fc from 'fast-check';
import { Decimal, type BenefitInput, type ClaimInput, type LedgerInput, type MemberInput, type Policy } from '../../src';
import type { Condition } from '../../src/_lib/conditionSchema';
import { syntheticPolicy } from '../_fixtures';

/** Whole fen as yuan text, never through a float. */
export const yuan = (fen: number | bigint) => {
  const n = BigInt(fen);
  return `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
};
/** The same amount as a caller may give it: text, a number or a Decimal. */
const written = (fen: number): fc.Arbitrary<string | number | Decimal> =>
  fc.constantFrom(yuan(fen), Number(yuan(fen)), new Decimal(yuan(fen)));

const day = (from: string, span: number) =>
  fc.integer({ min: 0, max: span }).map((n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10));
const in2024 = day('2024-01-01', 365);
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Costs from small to a few hundred thousand yuan, and now and then up to a quarter of the
 * largest amount (so that four parts still fit in a total): times a ratio in millionths, past 2^53.
 */
const fen = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 30_000_000 }), fc.constantFrom(0, 1, 50_000, 100_000, 1_000_000, 2_000_000)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 24_999_999_999_999 }) },
);
const ratio = fc.oneof(fc.constantFrom('0', '1', '0.5', '0.333333', '0.705', '0.125'), fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1e6).toFixed(6)));
const amountParam = fc.integer({ min: 0, max: 2_000_000 }).map(yuan);
/** Deductibles and thresholds: what the generated costs often pass. */
const smallAmountParam = fc.integer({ min: 0, max: 300_000 }).map(yuan);

const range = (min: number, max: number) =>
  fc.tuple(fc.option(fc.integer({ min, max })), fc.option(fc.integer({ min, max }))).filter(([a, b]) => a !== null || b !== null).map(([a, b]) => {
    const [from, to] = a !== null && b !== null && b < a ? [b, a] : [a, b];
    return { ...(from !== null && { from }), ...(to !== null && { to }) };
  });
const dateRange = fc.tuple(fc.option(in2024), fc.option(in2024)).filter(([a, b]) => a !== null || b !== null).map(([a, b]) => {
  const [from, to] = a !== null && b !== null && b < a ? [b, a] : [a, b];
  return { ...(from !== null && { from }), ...(to !== null && { to }) };
});

/** Conditions on the member alone: what eligibility and every kind of claim can read. */
const memberCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.boolean().map((hardship) => ({ flags: { hardship } })),
  fc.constantFrom<Condition>({ member: { plan: 'one' } }, { member: { plan: ['one', 'two'] } }, { member: { plan: 'two' } }),
  fc.constantFrom<Condition>({ sex: 'female' }, { sex: 'male' }),
  range(0, 90).map((age) => ({ age })),
  fc.boolean().map((continuing) => ({ continuing })),
  dateRange.map((eventDate) => ({ eventDate })),
);
/** Conditions a stay's parameters and benefits can read, and any of them together. */
const stayCondition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    memberCondition,
    fc.constantFrom<Condition>({ claim: { level: '3' } }, { claim: { level: ['1', '2'] } }, { cause: 'accident' }, { cause: ['illness'] }),
    range(1, 4).map((stayNumber) => ({ stayNumber })),
    range(1, 40).map((days) => ({ days })),
    dateRange.map((discharge) => ({ discharge })),
    fc.array(tie('c'), { minLength: 1, maxLength: 2 }).map((anyOf) => ({ anyOf })),
    fc.tuple(tie('c'), tie('c')).map(([a, b]) => ({ ...b, ...a })),
  ),
})).c;

/** Conditions a diagnosis's parameters and benefits can read. */
const diagnosisCondition: fc.Arbitrary<Condition> = fc.oneof(
  memberCondition,
  fc.constantFrom<Condition>({ conditionClass: 'a' }, { conditionClass: ['a', 'b'] }, { patient: 'family' }, { patient: 'member' }, { preExisting: true }, { preExisting: false }),
  fc.constantFrom<Condition>({ anyOf: [{ conditionClass: 'b' }, { preExisting: true }] }, { patient: 'member', conditionClass: 'c' }),
);

/** A parameter, sometimes with variants on `condition`. */
const param = <T>(value: fc.Arbitrary<T>, condition: fc.Arbitrary<Condition>) =>
  fc.record({ value, variants: fc.option(fc.array(fc.record({ when: condition, value }), { minLength: 1, maxLength: 2 }), { freq: 2 }) }).map(({ value: v, variants }) => ({
    value: v,
    label: { zh: '测试参数', en: 'test parameter' },
    provenance: { status: 'illustrative' as const, note: 'generated' },
    ...(variants !== null && { variants }),
  }));
/** Present half the time, or one time in four. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arb);
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const label = { zh: '补助', en: 'Benefit' };

/** Ascending band edges with ratios; the last band open. */
const bandsArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 20_000_000 }), ratio, fc.boolean()), { minLength: 0, maxLength: 3 })
  .chain((edges) => {
    const sorted = [...new Set(edges.map(([edge]) => edge))].sort((a, b) => a - b);
    return fc.tuple(fc.constant(sorted), fc.array(fc.tuple(ratio, fc.boolean()), { minLength: sorted.length + 1, maxLength: sorted.length + 1 }));
  })
  .map(([edges, ratios]) => ratios.map(([r, included], i) => (i < edges.length ? { upTo: yuan(edges[i]!), ratio: r, ...(included ? {} : { upToIncluded: false }) } : { ratio: r })));

const caps = (condition: fc.Arbitrary<Condition>) =>
  maybe(
    fc.record(
      { perClaim: param(amountParam, condition), perYear: param(amountParam, condition), claimsPerYear: param(fc.integer({ min: 1, max: 3 }), condition) },
      { requiredKeys: [] },
    ),
  );

type Base = Extract<BenefitInput['formula'], { kind: 'bands' }>['base'];

const bandsBenefit = (id: string, event: 'hospitalisation' | 'outpatient', base: fc.Arbitrary<Base>) => {
  // Only a stay has a stay's facts: a condition on them is refused on other benefits, in `when` and variants alike.
  const when = event === 'hospitalisation' ? stayCondition : memberCondition;
  const condition = when;
  return fc
    .record({
      base,
      threshold: sometimes(param(smallAmountParam, condition)),
      deductible: maybe(fc.record({ deductible: param(smallAmountParam, condition), deductibleScope: fc.constantFrom('stay' as const, 'year' as const), measure: fc.constantFrom('afterDeductible' as const, 'base' as const) })),
      method: fc.constantFrom('progressive' as const, 'whole' as const),
      bands: param(bandsArb, condition),
      causes: sometimes(fc.constantFrom(['illness' as const], ['accident' as const])),
      when: sometimes(when),
      caps: caps(condition),
    })
    .map(({ base, threshold, deductible, method, bands, causes, when, caps: c }): BenefitInput => ({
      id,
      label,
      event,
      ...(event === 'hospitalisation' && causes && { causes }),
      ...(when && { when }),
      formula: { kind: 'bands', base, ...(threshold && { threshold }), ...deductible, method, bands },
      ...(c && { caps: c }),
    }));
};

const costField = fc.constantFrom('selfPaid' as const, 'inScopeCopay' as const, 'total' as const, 'aboveCeiling' as const);
const baseArb: fc.Arbitrary<Base> = fc.oneof(costField, fc.uniqueArray(costField, { minLength: 1, maxLength: 3 }));

const perDayBenefit = fc
  .record({
    amount: param(fc.integer({ min: 0, max: 100_000 }).map(yuan), stayCondition),
    firstPaidDay: maybe(param(fc.integer({ min: 1, max: 6 }), stayCondition)),
    maxDays: maybe(param(fc.integer({ min: 1, max: 30 }), stayCondition)),
    maxDaysPerYear: maybe(param(fc.integer({ min: 1, max: 60 }), stayCondition)),
    when: sometimes(stayCondition),
    caps: caps(stayCondition),
  })
  .map(({ when, caps: c, ...formula }): BenefitInput => ({
    id: 'allowance',
    label,
    event: 'hospitalisation',
    ...(when && { when }),
    formula: { kind: 'perDay', ...Object.fromEntries(Object.entries(formula).filter(([, v]) => v !== undefined)), amount: formula.amount },
    ...(c && { caps: c }),
  }));

const flatBenefit = fc.record({ amount: param(amountParam, stayCondition), when: stayCondition, caps: caps(stayCondition) }).map(
  ({ amount, when, caps: c }): BenefitInput => ({ id: 'flat', label, event: 'hospitalisation', when, formula: { kind: 'lumpSum', amount }, ...(c && { caps: c }) }),
);

/** Brackets on self-paid cost, touching or with gaps, the last open or closed. */
const bracketBenefit = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 2, maxLength: 4 }), fc.boolean(), fc.array(fc.tuple(amountParam, fc.boolean()), { minLength: 3, maxLength: 3 }))
  .map(([edges, openTop, amounts]): BenefitInput => {
    const sorted = [...edges].sort((a, b) => a - b);
    const brackets = sorted.slice(0, -1).map((from, i) => {
      const last = i === sorted.length - 2;
      const [amount, toIncluded] = amounts[i % 3]!;
      return last && openTop ? { from: yuan(from), amount } : { from: yuan(from), to: yuan(sorted[i + 1]!), ...(toIncluded && last ? { toIncluded } : {}), amount };
    });
    const parameter = { value: brackets, label, provenance: { status: 'illustrative' as const, note: 'generated' } };
    return { id: 'top-up', label, event: 'hospitalisation', formula: { kind: 'bracket', measure: 'selfPaid', brackets: parameter } };
  });

/** Amounts by class of condition, a class sometimes left out; now and then a ratio. */
const byConditionBenefit = fc
  .record({
    amounts: param(fc.dictionary(fc.constantFrom('a', 'b', 'c'), amountParam), diagnosisCondition),
    ratio: maybe(param(ratio, diagnosisCondition)),
    when: sometimes(diagnosisCondition),
    caps: caps(diagnosisCondition),
  })
  .map(({ amounts, ratio: share, when, caps: c }): BenefitInput => ({
    id: 'lump',
    label,
    event: 'diagnosis',
    ...(when && { when }),
    formula: { kind: 'byCondition', amounts, ...(share && { ratio: share }) },
    ...(c && { caps: c }),
  }));

/** A cost part of a diagnosis, as Dalian's two cancers pay one: bands on a cost, capped. */
const diagnosisCostBenefit = fc
  .record({ base: baseArb, bands: param(bandsArb, diagnosisCondition), when: sometimes(diagnosisCondition), caps: caps(diagnosisCondition) })
  .map(({ base, bands, when, caps: c }): BenefitInput => ({
    id: 'treatment',
    label,
    event: 'diagnosis',
    ...(when && { when }),
    formula: { kind: 'bands', base, method: 'progressive', bands },
    ...(c && { caps: c }),
  }));

const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    conventions: fc.record({
      yearBy: fc.constantFrom('admission' as const, 'discharge' as const),
      dayCount: fc.constantFrom('excludeDischargeDay' as const, 'includeBothDays' as const),
      rounding: fc.record({ mode: fc.constantFrom('halfUp' as const, 'halfEven' as const, 'down' as const, 'up' as const), at: fc.constantFrom('eachStep' as const, 'eachLine' as const) }),
    }),
    subsidy: bandsBenefit('subsidy', 'hospitalisation', baseArb),
    above: maybe(bandsBenefit('above-ceiling', 'hospitalisation', fc.constant('aboveCeiling' as const))),
    outpatient: maybe(bandsBenefit('outpatient', 'outpatient', baseArb)),
    allowance: maybe(perDayBenefit),
    flat: maybe(flatBenefit),
    topUp: maybe(bracketBenefit),
    lump: maybe(byConditionBenefit),
    treatment: sometimes(diagnosisCostBenefit),
    disability: fc.record({ maximum: param(amountParam, memberCondition), shares: param(fc.dictionary(fc.constantFrom('1', '2', '5', '10'), ratio), memberCondition) }),
    death: param(amountParam, memberCondition),
    maximumSubsidy: maybe(param(fc.integer({ min: 0, max: 50_000_000 }).map(yuan), stayCondition)),
    // A top-up of another scheme, as Guilin's is of Guangxi's: it needs the member's enrolment in "test".
    topUpOf: sometimes(fc.constant('test')),
    eligibility: fc.record(
      {
        requires: sometimes(fc.array(stayCondition.map((when) => ({ label, when })), { minLength: 1, maxLength: 2 })),
        waitingPeriod: sometimes(fc.record({ days: param(fc.integer({ min: 1, max: 90 }), memberCondition), waivedIfRenewedWithin: maybe(param(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 1, 30, 60)), memberCondition)) })),
        coverStarts: sometimes(fc.constant('dayAfterEnrolment' as const)),
        maxPaidStays: sometimes(param(fc.integer({ min: 1, max: 3 }), memberCondition)),
        filingDeadline: sometimes(fc.oneof(
          fc.record({ daysAfter: param(fc.integer({ min: 1, max: 90 }), memberCondition), from: fc.constantFrom('discharge' as const, 'event' as const) }),
          fc.record({ nextYearOn: param(fc.constantFrom('01-31', '03-31'), memberCondition) }),
        )),
      },
    ),
  })
  .map(({ conventions, subsidy, above, outpatient, allowance, flat, topUp, lump, treatment, disability, death, maximumSubsidy, topUpOf, eligibility }) => {
    const optional = [above, outpatient, allowance, flat, topUp, lump, treatment].filter((b): b is BenefitInput => b !== undefined);
    const waiting = eligibility.waitingPeriod && { days: eligibility.waitingPeriod.days, ...(eligibility.waitingPeriod.waivedIfRenewedWithin && { waivedIfRenewedWithin: eligibility.waitingPeriod.waivedIfRenewedWithin }) };
    const rules = Object.fromEntries(Object.entries({ ...eligibility, waitingPeriod: waiting }).filter(([, rule]) => rule !== undefined));
    return syntheticPolicy(
      [
        subsidy,
        ...optional,
        { id: 'disability', label, event: 'disability', formula: { kind: 'gradeSchedule', ...disability } },
        { id: 'death', label, event: 'death', formula: { kind: 'lumpSum', amount: death } },
      ],
      {
        conventions,
        attributes: {
          member: { plan: { label, values: { one: label, two: label } }, hardship: { label } },
          claim: { level: { label, values: { 1: label, 2: label, 3: label } } },
        },
        conditions: {
          classes: { a: { label }, b: { label }, c: { label } },
          list: { one: { label, class: 'a' }, two: { label, class: 'b' }, three: { label, class: 'c' } },
        },
        ...(topUpOf && { scheme: 'top-up' }),
        eligibility: { ...rules, ...(topUpOf && { enrolmentScheme: topUpOf }) },
        ceilings: maximumSubsidy ? { maximumSubsidy } : {},
      },
    );
  });

/**
 * A member enrolled in 2024 (from 1 January or later), perhaps in 2023 too, with every fact a
 * condition reads: the engine refuses a member who lacks one a policy reads (missing_fact).
 */
const memberArb: fc.Arbitrary<MemberInput> = fc
  .record({
    from: fc.oneof(fc.constant('2024-01-01'), day('2024-01-01', 120)),
    enrolledOnBefore: fc.integer({ min: -10, max: 20 }),
    previousEndsBefore: maybe(fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constantFrom(1, 2, 30, 31, 61, 62))),
    flags: maybe(fc.record({ hardship: fc.boolean() })),
    plan: fc.constantFrom('one', 'two'),
    sex: fc.constantFrom('female' as const, 'male' as const),
    birthDate: day('1940-01-01', 365 * 70),
    otherScheme: fc.boolean(),
  })
  .map(({ otherScheme, from, enrolledOnBefore, previousEndsBefore, flags, plan, sex, birthDate }) => {
    const previousTo = previousEndsBefore === undefined ? undefined : plus(from, -previousEndsBefore);
    return {
      id: 'm',
      enrolments: [
        ...(otherScheme ? [{ scheme: 'other', year: 2024, from: '2024-01-01', to: '2024-12-31' }] : []),
        ...(previousTo === undefined ? [] : [{ scheme: 'test', year: 2023, from: '2023-01-01', to: previousTo < '2023-01-01' ? '2023-01-01' : previousTo, enrolledOn: '2022-12-01' }]),
        { scheme: 'test', year: 2024, from, to: '2024-12-31', enrolledOn: plus(from, enrolledOnBefore) },
      ],
      ...(flags && { flags }),
      attributes: { plan },
      sex,
      birthDate,
    };
  });

/**
 * The figures a policy turns on: its amounts (band edges, deductibles, thresholds, caps) and
 * the sums of two of them (an edge measured after a deductible), its whole numbers (days,
 * ages, counts) and its dates. Claims and members are generated on, beside and near them, where
 * an inclusive edge and an exclusive one part.
 */
function landmarks(policy: Policy) {
  const amounts = new Set<number>([0]);
  const counts = new Set<number>([0]);
  const dates = new Set<string>();
  JSON.stringify(policy, (_key, value: unknown) => {
    if (typeof value === 'number') counts.add(value);
    else if (typeof value === 'string' && /^\d+\.\d\d$/.test(value)) amounts.add(Number(value.replace('.', '')));
    else if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) dates.add(value);
    return value;
  });
  const single = [...amounts];
  const sums = single.flatMap((a) => single.map((b) => a + b));
  const near = <T>(values: T[], by: (value: T, step: number) => T) => fc.tuple(fc.constantFrom(...values), fc.constantFrom(-1, 0, 0, 1)).map(([value, step]) => by(value, step));
  return {
    fen: fc.oneof(
      { weight: 2, arbitrary: fen },
      { weight: 2, arbitrary: near(single, (value, step) => Math.max(0, value + step)) },
      { weight: 1, arbitrary: near(sums, (value, step) => Math.max(0, value + step)) },
      // A part at 0 leaves a base that sums several parts on the edge another part is at.
      { weight: 2, arbitrary: fc.constant(0) },
    ),
    count: near([...counts], (value, step) => Math.max(0, value + step)),
    date: dates.size === 0 ? in2024 : fc.oneof(in2024, near([...dates], plus)),
  };
}
type Landmarks = ReturnType<typeof landmarks>;

/** Costs whose parts may sit on the policy's edges, the rest of the bill in `total`. */
const costsArb = ({ fen: cost }: Landmarks) =>
  fc
    .record({ insurancePaid: cost, inScopeCopay: cost, selfPaid: cost, aboveCeiling: maybe(cost), extra: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })) })
    .chain(({ extra, ...parts }) => {
      const total = parts.insurancePaid + parts.inScopeCopay + parts.selfPaid + (parts.aboveCeiling ?? 0) + extra;
      return fc.record({
        total: written(total),
        insurancePaid: written(parts.insurancePaid),
        inScopeCopay: written(parts.inScopeCopay),
        selfPaid: written(parts.selfPaid),
        ...(parts.aboveCeiling !== undefined && { aboveCeiling: written(parts.aboveCeiling) }),
      });
    });

const extras = (date: string, marks: Landmarks) =>
  fc.record({ level: fc.constantFrom('1', '2', '3'), filedOn: maybe(fc.oneof(fc.integer({ min: 0, max: 120 }), marks.count).map((n) => plus(date, n))) }).map(({ level, filedOn }) => ({
    attributes: { level },
    ...(filedOn && { filedOn }),
  }));

/** A claim of any kind on a date in 2024, near one of the policy's dates or a number of days after the member's cover starts. */
const claimArb = (id: string, marks: Landmarks, from: string): fc.Arbitrary<ClaimInput> => {
  const date = fc.oneof(marks.date, marks.count.filter((days) => days <= 400).map((days) => plus(from, days)));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(date, fc.oneof(fc.integer({ min: 0, max: 40 }), marks.count.filter((n) => n <= 400)), costsArb(marks), fc.constantFrom('illness' as const, 'accident' as const))
        .chain(([admission, nights, costs, cause]) =>
          extras(plus(admission, nights), marks).map((extra): ClaimInput => ({ kind: 'hospitalisation', id, admission, discharge: plus(admission, nights), cause, costs, ...extra })),
        ),
    },
    { weight: 2, arbitrary: fc.tuple(date, costsArb(marks)).chain(([day, costs]) => extras(day, marks).map((extra): ClaimInput => ({ kind: 'outpatient', id, date: day, costs, ...extra }))) },
    { weight: 1, arbitrary: fc.tuple(date, fc.integer({ min: 1, max: 10 })).chain(([day, grade]) => extras(day, marks).map((extra): ClaimInput => ({ kind: 'disability', id, date: day, grade, ...extra }))) },
    { weight: 1, arbitrary: date.chain((day) => extras(day, marks).map((extra): ClaimInput => ({ kind: 'death', id, date: day, ...extra }))) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          day: date,
          condition: fc.constantFrom('one', 'two', 'three', 'unlisted'),
          patient: maybe(fc.constantFrom('member' as const, 'family' as const)),
          // Around the cover's start and a year before it, where a renewal decides.
          firstDiagnosed: maybe(fc.oneof(day(plus(from, -400), 400), fc.tuple(fc.constantFrom(from, '2024-01-01', '2023-01-01'), fc.constantFrom(-1, 0, 1)).map(([d, n]) => plus(d, n)))),
          costs: maybe(costsArb(marks)),
        })
        .chain(({ day: on, firstDiagnosed, patient, costs, condition }) =>
          extras(on, marks).map((extra): ClaimInput => ({
            kind: 'diagnosis',
            id,
            date: on,
            condition,
            ...(patient && { patient }),
            ...(firstDiagnosed && firstDiagnosed <= on && { firstDiagnosed }),
            ...(costs && { costs }),
            ...extra,
          })),
        ),
    },
  );
};

/** One to six claims, an id now and then repeated. */
const claimsArb = (marks: Landmarks, from: string) =>
  fc
    .integer({ min: 1, max: 6 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => fc.constantFrom(`c${i}`, `c${i}`, `c${i}`, 'c0').chain((id) => claimArb(id, marks, from)))));

/** What the year already holds: nothing, or some money, stays and use of the benefits' limits. */
const ledgerArb = (scheme: string): fc.Arbitrary<LedgerInput | undefined> => fc.option(
  fc.record({
    total: fc.integer({ min: 0, max: 200_000 }),
    stays: fc.integer({ min: 0, max: 3 }),
    paid: fc.integer({ min: 0, max: 200_000 }),
    claims: fc.integer({ min: 0, max: 2 }),
    days: fc.integer({ min: 0, max: 40 }),
    deductible: fc.integer({ min: 0, max: 200_000 }),
  }).map(({ total, stays, paid, claims, days, deductible }) => ({
    scheme,
    year: 2024,
    memberId: 'm',
    total: yuan(total + paid),
    byBenefit: { subsidy: yuan(paid) },
    claimIds: ['earlier'],
    stays,
    paidStays: Math.min(stays, claims),
    usage: { subsidy: { claims, days: 0, deductible: yuan(deductible) }, allowance: { claims, days, deductible: '0.00' } },
  })),
  { nil: undefined },
);

/**
 * A policy, a member, the member's claims and ledger, generated together: the member's birthday falls
 * near an age the policy names on the date of a claim, and claims fall on the policy's dates
 * and day counts, so that edges are reached, not only passed by.
 */
export const scenarioArb = policyArb.chain((policy) => {
  const marks = landmarks(policy);
  return memberArb.chain((member) => {
    const from = member.enrolments.at(-1)!.from;
    return fc.tuple(claimsArb(marks, from), marks.count.filter((age) => age >= 1 && age <= 100), fc.constantFrom(-1, 0, 1)).map(([claims, age, step]) => {
      const date = claims[0]!.kind === 'hospitalisation' ? claims[0]!.admission : claims[0]!.date;
      const birthDate = plus(`${Number(date.slice(0, 4)) - age}${date.slice(4)}`.replace('-02-29', '-02-28'), step);
      return { policy, member: { ...member, birthDate }, claims };
    });
  });
}).chain((scenario) => ledgerArb(scenario.policy.scheme).map((ledger) => ({ ...scenario, ledger })));

