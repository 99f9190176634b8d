/**
 * The hand-written checks of src/_lib/plainInput.ts against what they stand in for: the
 * calendar, the amount schema and the claim schema. They may refuse more than the schemas
 * (the schema then decides), never accept more, and the numbers they read must be exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimSchema, memberSchema } from '../src/_lib/inputSchemas';
import { Decimal } from '../src/_lib/decimal';
import { yuanSchema } from '../src/_lib/moneySchemas';
import { plainClaim, plainFen, plainMember, plainOf } from '../src/_lib/plainInput';
import { stay } from './_fixtures';

describe('plainFen', () => {
  it('reads whole fen exactly, up to the largest plain amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (fen) => {
        const cents = fen % 100;
        const whole = String((fen - cents) / 100);
        expect([plainFen(`${whole}.${String(cents).padStart(2, '0')}`), plainFen(whole), plainFen(`${whole}.${Math.floor(cents / 10)}`)]).toEqual([
          fen,
          fen - cents,
          fen - (cents % 10),
        ]);
      }),
    );
  });

  it.each([
    ['1234.5', 123_450],
    ['1234.50', 123_450],
    ['0.05', 5],
    ['0', 0],
    ['007.10', 710],
    ['999999999999.99', 99_999_999_999_999],
  ])('reads %j as %d fen', (text, fen) => expect(plainFen(text)).toBe(fen));

  it.each(['', '.5', '5.', '1.234', '0.005', '-1', '+1', '1e3', ' 1', '  12 ', '1 ', '1..5', '1.5.0', '1.+5', '1,000', '0x10', 'Infinity', '1234567890123', '1234567890123.45', '1234567890123456', '１'])(
    'refuses %j',
    (text) => expect(plainFen(text)).toBe(-1),
  );

  // Not in the table above: a test named by a million digits is a megabyte name, which
  // breaks Stryker's filter of tests by name (the mutants it covers errored instead of running).
  it('refuses a million digits', () => expect(plainFen('1'.repeat(1_000_000))).toBe(-1));

  it('never takes an amount the schema refuses, and agrees with it on the value', () => {
    const chars = fc.constantFrom(...'0123456789.-e ');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 16 }), (text) => {
        const fen = plainFen(text);
        if (fen < 0) return;
        const parsed = yuanSchema.safeParse(text);
        expect(parsed.success && parsed.data.times(100).toNumber()).toBe(fen);
      }),
    );
  });
});

describe('plainFen of numbers and Decimals', () => {
  const schemaFen = (value: unknown) => {
    const parsed = yuanSchema.safeParse(value);
    return parsed.success ? parsed.data.times(100).toNumber() : -1;
  };

  // Numbers are read by arithmetic, not by writing them out (see numberFen): it must take
  // exactly the numbers the schema takes, with the same value.
  it('takes a number exactly when the schema does, with its value', () => {
    const fenNumbers = fc.integer({ min: 0, max: 100_000_000_000_000 }).chain((fen) => fc.constantFrom(fen / 100, fen / 1000, fen / 100 + Number.EPSILON * fen));
    fc.assert(
      fc.property(fc.oneof(fenNumbers, fc.double({ min: 0, max: 2e12, noNaN: true })), (x) => {
        expect(plainFen(x)).toBe(schemaFen(x));
      }),
    );
  });

  it.each([0.1 + 0.2, 1.005, 0.005, 1e-7, 5e-324, 1e12, 999_999_999_999.99, 2 ** 53, 1e21, -0.01, Infinity, NaN])('reads %d as the schema does', (x) => expect(plainFen(x)).toBe(schemaFen(x)));

  it('never takes a Decimal the schema refuses, and agrees with it on the value', () => {
    const decimals = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 5 })).map(([n, places]) => new Decimal(String(n)).dividedBy(10 ** places));
    fc.assert(
      fc.property(decimals, (decimal) => {
        const fen = plainFen(decimal);
        if (fen >= 0) expect(fen).toBe(schemaFen(decimal));
        else if (decimal.decimalPlaces() <= 2 && decimal.lessThan('1e12')) expect.unreachable(`refused ${decimal.toString()}`);
      }),
    );
  });

  it('reads a negative zero Decimal as 0, as the schema does', () => {
    expect([plainFen(new Decimal('-0')), schemaFen(new Decimal('-0'))]).toEqual([0, 0]);
  });
});

describe('plainClaim', () => {
  it("copies a stay, with its nights and costs in fen", () => {
    const claim = stay('s', '2024-02-27', '2024-03-02', { total: '1500.05', insurancePaid: '500', inScopeCopay: '999.9', selfPaid: '0.15' });
    expect(plainClaim(claim)).toEqual({
      kind: 'hospitalisation', id: 's', date: '', admission: '2024-02-27', discharge: '2024-03-02', cause: 'illness', grade: 0,
      day: 19780, nights: 4, total: 150005, insurancePaid: 50000, inScopeCopay: 99990, selfPaid: 15, aboveCeiling: 0, attributes: undefined, filedOn: '', event: '', paidElsewhere: 0, paidByPlans: 0,
    });
  });

  it('reads the keys in any order, and refuses one too many or too few', () => {
    const claim = stay('s', '2024-02-27', '2024-03-02', { total: '10.00', selfPaid: '10.00' });
    const { costs, ...rest } = claim;
    const reordered = { costs: { selfPaid: costs.selfPaid, total: costs.total, inScopeCopay: costs.inScopeCopay, insurancePaid: costs.insurancePaid }, ...rest };
    const { cause: _cause, ...missing } = claim;
    expect([plainClaim(reordered), plainClaim({ ...claim, note: '' }), plainClaim(missing)]).toEqual([plainClaim(claim), undefined, undefined]);
    expect(plainClaim(claim)).toBeDefined();
  });

  // Bent in ways the generated variants below rarely reach; each is refused by the schema too.
  const good = stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '100.00', selfPaid: '20.00' });
  it.each([
    { name: 'an empty id', claim: { ...good, id: '' } },
    { name: 'costs whose parts exceed the total', claim: { ...good, costs: { ...good.costs, total: '100.00' } } },
    { name: 'a date with a slash for its first dash', claim: { ...good, admission: '2024/03-01' } },
    { name: 'a date with a slash for its second dash', claim: { ...good, admission: '2024-03/01' } },
    { name: 'a disability on a day that does not exist', claim: { kind: 'disability', id: 'd', date: '2024-02-30', grade: 3 } },
    { name: 'a disability with a key too many', claim: { kind: 'disability', id: 'd', date: '2024-02-28', grade: 3, note: '' } },
    { name: 'a death naming an empty event', claim: { kind: 'death', id: 'x', date: '2024-02-28', event: '' } },
    { name: 'a death naming an event of 201 letters', claim: { kind: 'death', id: 'x', date: '2024-02-28', event: 'e'.repeat(201) } },
  ])('refuses $name, as the schema does', ({ claim }) => {
    expect([plainClaim(claim), claimSchema.safeParse(claim).success]).toEqual([undefined, false]);
  });

  it('copies a diagnosis, its costs in fen when given, its patient the member when not', () => {
    const costs = { total: '10.00', insurancePaid: '0', inScopeCopay: '0', selfPaid: '10.00' };
    expect([plainClaim({ kind: 'diagnosis', id: 'd', date: '2024-03-01', condition: 'c' }), plainClaim({ kind: 'diagnosis', id: 'd', date: '2024-03-01', condition: 'c', patient: 'family', costs })]).toEqual([
      { kind: 'diagnosis', id: 'd', date: '2024-03-01', admission: '', discharge: '', cause: undefined, grade: 0, day: 19783, nights: 0, total: 0, insurancePaid: 0, inScopeCopay: 0, selfPaid: 0, aboveCeiling: 0, attributes: undefined, filedOn: '', diagnosis: { condition: 'c', patient: 'member', firstDiagnosed: '', costs: false }, event: '', paidElsewhere: 0, paidByPlans: 0 },
      { kind: 'diagnosis', id: 'd', date: '2024-03-01', admission: '', discharge: '', cause: undefined, grade: 0, day: 19783, nights: 0, total: 1000, insurancePaid: 0, inScopeCopay: 0, selfPaid: 1000, aboveCeiling: 0, attributes: undefined, filedOn: '', diagnosis: { condition: 'c', patient: 'family', firstDiagnosed: '', costs: true }, event: '', paidElsewhere: 0, paidByPlans: 0 },
    ]);
  });

  it('never takes a claim the schema refuses', () => {
    const good = stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '100.00', selfPaid: '20.00' });
    const diagnosis = { kind: 'diagnosis', id: 'd', date: '2024-03-01', condition: 'breast-cancer', firstDiagnosed: '2024-02-29' };
    // Each variant breaks or bends one thing of a good claim.
    const variant = fc.oneof(
      fc.constant<unknown>(good),
      fc.record({ key: fc.constantFrom('kind', 'id', 'admission', 'discharge', 'cause', 'costs', 'grade', 'extra', '__proto__'), value: fc.anything() }).map(({ key, value }) => ({ ...good, [key]: value })),
      fc.record({ key: fc.constantFrom('total', 'insurancePaid', 'inScopeCopay', 'selfPaid', 'extra'), value: fc.anything() }).map(({ key, value }) => ({ ...good, costs: { ...good.costs, [key]: value } })),
      fc.record({ kind: fc.constantFrom('death', 'disability'), id: fc.string(), date: fc.string(), grade: fc.anything() }),
      fc.record({ key: fc.constantFrom('date', 'condition', 'patient', 'firstDiagnosed', 'costs', 'extra', '__proto__'), value: fc.oneof(fc.anything(), fc.constantFrom('family', 'member', '2024-02-29', '2024-03-02', '')) })
        .map(({ key, value }) => ({ ...diagnosis, [key]: value })),
      fc.constantFrom<unknown>(diagnosis, { ...diagnosis, costs: good.costs }, { kind: 'diagnosis', id: 'd', date: '2024-03-01', condition: 'c' }),
      // The event a disability or death names, of any value.
      fc.record({ kind: fc.constant('disability'), id: fc.constant('d'), date: fc.constant('2024-03-01'), grade: fc.constant(3), event: fc.oneof(fc.string({ maxLength: 210 }), fc.anything()) }),
      fc.record({ kind: fc.constant('death'), id: fc.constant('x'), date: fc.constant('2024-03-01'), event: fc.oneof(fc.string({ maxLength: 210 }), fc.anything()) }),
    );
    fc.assert(
      fc.property(variant, (claim) => {
        const copy = plainClaim(claim);
        // What it takes, the schema takes too, and the copy means what the claim means.
        if (copy !== undefined) expect(copy).toEqual(plainOf(claimSchema.parse(claim)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('plainMember', () => {
  const good = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }], flags: { hardship: true } };

  it('takes a member of the documented shape, flags or none', () => {
    const { flags: _flags, ...withoutFlags } = good;
    expect([plainMember(good), plainMember(withoutFlags)]).toEqual([good, withoutFlags]);
  });

  const enrolment = good.enrolments[0]!;
  it.each([
    { name: 'an empty id', member: { ...good, id: '' } },
    { name: 'a bad enrolment after a good one', member: { ...good, enrolments: [enrolment, { ...enrolment, to: '2023-12-31' }] } },
    { name: '1,001 enrolments', member: { ...good, enrolments: Array.from({ length: 1001 }, () => enrolment) } },
    { name: 'a flag named with a space beside a good one', member: { ...good, flags: { hardship: true, 'other flag': true } } },
    { name: 'a flag that is not true or false beside one that is', member: { ...good, flags: { hardship: true, gigWorker: 'yes' } } },
  ])('refuses $name, as the schema does', ({ member }) => {
    expect([plainMember(member), memberSchema.safeParse(member).success]).toEqual([undefined, false]);
  });

  it('never takes a member the schema refuses', () => {
    // Each variant bends one thing of a good member, its enrolment or its flags.
    const variant = fc.oneof(
      fc.record({ key: fc.constantFrom('id', 'enrolments', 'flags', 'extra'), value: fc.anything() }).map(({ key, value }) => ({ ...good, [key]: value })),
      fc
        .record({ key: fc.constantFrom('scheme', 'year', 'from', 'to', 'extra'), value: fc.oneof(fc.anything(), fc.integer({ min: 1980, max: 2300 }), fc.constantFrom('', 'x'.repeat(65), '2024-12-31', '2023-12-31', '2025-01-01')) })
        .map(({ key, value }) => ({ ...good, enrolments: [{ ...enrolment, [key]: value }] })),
      fc.record({ flag: fc.constantFrom('hardship', 'gigWorker', 'cityFederationDirect', 'other'), value: fc.anything() }).map(({ flag, value }) => ({ ...good, flags: { [flag]: value } })),
    );
    fc.assert(
      fc.property(variant, (member) => {
        const copy = plainMember(member);
        if (copy !== undefined) expect(copy).toEqual(memberSchema.parse(member));
      }),
      { numRuns: 500 },
    );
  });
});
