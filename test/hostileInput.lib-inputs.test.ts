/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): inputs whose cost must
 * stay linear in their size (values shared 2^30 ways, cycles, lists past the documented
 * limits), objects that pretend to be Decimals, a registry without policies, benefit ids that
 * would become prototype keys of a ledger, and a roster that lists a member twice.
 *
 * The timing cases have no clock of their own: walking every path of a value shared 2^30 ways
 * takes hours, reading it once takes microseconds, so vitest's 5 s timeout tells them apart.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as huzhu from '../src';
import { Decimal, InvalidInputError, policies } from '../src';
import { Dec } from '../src/_lib/decimal';
import { MAX_ROSTER_ENTRIES } from '../src/_lib/inputSchemas';
import { MAX_POLICY_ITEMS } from '../src/_lib/policySchema';
import { enrolledMember, firstIssue, made, stay, syntheticSpec } from './_fixtures';

type Path = readonly (string | number)[];

/** The first issue of the InvalidInputError the call must throw, as `{ path, code }`. */
function refusal(call: () => unknown): { path: Path; code: string } {
  const { path, code } = firstIssue(call);
  return { path, code };
}

/** `{ leaf: 1 }` wrapped 30 times as `{ a: o, b: o }`: 61 objects, 2^30 paths to the leaf. */
function sharedTower(): unknown {
  let value: unknown = { leaf: 1 };
  for (let level = 0; level < 30; level += 1) value = { a: value, b: value };
  return value;
}

/** An object that holds itself twice: walking its paths never ends. */
function doubleCycle(): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  value.a = value;
  value.b = value;
  return value;
}

const guangxi = policies.guangxi[2024];
const xining = policies.xining[2024];
const member = enrolledMember('guangxi', 2024);
const good = stay('s', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00', selfPaid: '6000.00' });
const basePolicy = syntheticSpec([{ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('5000') } }]);

/**
 * Where each kind of input takes a hostile value, and the first issue it must give. Each sits
 * near the top, so that the 30 levels of the tower stay within the nesting limit and the walk
 * goes all the way down.
 */
const places: { name: string; call: (hostile: unknown) => unknown; at: Path; refusedAs: { path: Path; code: string } }[] = [
  {
    name: 'a claim',
    call: (hostile) => huzhu.evaluateClaim(guangxi, member, { ...good, extra: hostile } as never),
    at: ['claim', 'extra'],
    refusedAs: { path: ['claim'], code: 'unrecognized_keys' },
  },
  {
    name: 'a member',
    call: (hostile) => huzhu.evaluateClaim(guangxi, { ...member, extra: hostile } as never, good),
    at: ['member', 'extra'],
    refusedAs: { path: ['member'], code: 'unrecognized_keys' },
  },
  {
    name: 'a policy',
    call: (hostile) => huzhu.definePolicy({ ...basePolicy, extra: hostile } as never),
    at: ['spec', 'extra'],
    refusedAs: { path: ['spec'], code: 'unrecognized_keys' },
  },
  {
    name: 'a roster',
    call: (hostile) => huzhu.assessContributions(xining, hostile as never),
    at: ['roster'],
    refusedAs: { path: ['roster'], code: 'invalid_type' },
  },
];

describe('shared references and cycles', () => {
  it.each(places)('a value shared 2^30 ways in $name is read once, then refused by the schema', ({ call, refusedAs }) => {
    expect(refusal(() => call(sharedTower()))).toEqual(refusedAs);
  });

  it.each(places)('a cycle in $name is refused where it closes', ({ call, at }) => {
    expect(refusal(() => call(doubleCycle()))).toEqual({ path: [...at, 'a'], code: 'cyclic' });
  });

  it('a value shared 2^30 ways below the nesting limit is cut there, once per path into it', () => {
    const claim = { ...good, costs: { ...good.costs, extra: sharedTower() } };
    const issues = (() => {
      try {
        huzhu.evaluateClaim(guangxi, member, claim as never);
      } catch (error) {
        return (error as InvalidInputError).issues;
      }
    })();
    // The tower has one object per level. The one at depth 32 is entered once, and its two keys
    // lead past the limit: two issues, where walking every path would give 2^29.
    expect(issues?.map((issue) => [issue.code, issue.path.length])).toEqual([
      ['too_deep', 33],
      ['too_deep', 33],
    ]);
  });

  it('a cycle through an array is refused where it closes', () => {
    const claim: Record<string, unknown> = { ...good };
    claim.costs = [claim];
    expect(refusal(() => huzhu.evaluateClaim(guangxi, member, claim as never))).toEqual({ path: ['claim', 'costs', 0], code: 'cyclic' });
  });

  it('a value used in several places is not a cycle', () => {
    // One label object and one provenance object under every parameter: a valid policy.
    const label = { zh: '身故', en: 'Death' };
    const amount = { value: '5000', label, provenance: { status: 'illustrative', note: 'shared' } } as const;
    const policy = huzhu.definePolicy(
      syntheticSpec([
        { id: 'death', label, event: 'death', formula: { kind: 'lumpSum', amount } },
        { id: 'death-top-up', label, event: 'death', formula: { kind: 'lumpSum', amount }, caps: { perClaim: amount } },
      ]),
    );
    expect(policy.benefits.map((benefit) => benefit.label)).toEqual([label, label]);
  });

  it('a prototype key in a shared value is reported at the first path that reaches it', () => {
    const shared = JSON.parse('{"__proto__":{"polluted":true}}');
    expect(refusal(() => huzhu.definePolicy({ ...basePolicy, name: shared, eligibility: { x: shared } } as never))).toEqual({
      path: ['spec', 'name', '__proto__'],
      code: 'forbidden_key',
    });
  });
});

/** A copay benefit with `count` tiers, all but the last up to an amount one yuan above the previous. */
function copayWithTiers(count: number) {
  const tiers = Array.from({ length: count }, (_, index) => (index === count - 1 ? { ratio: '0.5' } : { upTo: index + 1, ratio: '0.5' }));
  return { id: 'copay', label: { zh: '补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'selfPaid', deductible: made('0'), bands: made(tiers) } } as const;
}

describe('lists past their documented limits are refused before they are read', () => {
  const tiersPath = ['spec', 'benefits', 0, 'formula', 'bands', 'value'];

  it(`a policy with 130,000 tiers (at most ${MAX_POLICY_ITEMS})`, () => {
    expect(refusal(() => huzhu.definePolicy(syntheticSpec([copayWithTiers(130_000)])))).toEqual({ path: tiersPath, code: 'too_big' });
  });

  it(`a policy with 100,000 benefits (at most ${MAX_POLICY_ITEMS})`, () => {
    const benefits = Array.from({ length: 100_000 }, (_, index) => ({ ...basePolicy.benefits[0]!, id: `death-${index}` }));
    expect(refusal(() => huzhu.parsePolicy(JSON.stringify(syntheticSpec(benefits))))).toEqual({ path: ['policy', 'benefits'], code: 'too_big' });
  });

  it(`a policy at the limit, ${MAX_POLICY_ITEMS} tiers, pays as a short one does`, () => {
    // 6,000 yuan self-paid, half of it from every tier: 999 one-yuan tiers, then the open last
    // tier for the rest.
    const policy = huzhu.definePolicy(syntheticSpec([copayWithTiers(MAX_POLICY_ITEMS)]));
    const testMember = enrolledMember('test', 2024);
    expect(huzhu.evaluateClaim(policy, testMember, good).total.toFixed(2)).toBe('3000.00');
    expect(refusal(() => huzhu.definePolicy(syntheticSpec([copayWithTiers(MAX_POLICY_ITEMS + 1)])))).toEqual({ path: tiersPath, code: 'too_big' });
  });

  it(`a roster of ${MAX_ROSTER_ENTRIES + 1} entries is refused without reading one`, () => {
    // A sparse array: only its length is large, and the one entry it has counts its reads.
    const roster: unknown[] = [];
    roster.length = MAX_ROSTER_ENTRIES + 1;
    let reads = 0;
    Object.defineProperty(roster, 0, { enumerable: true, get: () => ((reads += 1), { id: 'u' }) });
    expect(refusal(() => huzhu.assessContributions(xining, roster as never))).toEqual({ path: ['roster'], code: 'too_big' });
    expect(reads).toBe(0);
  });
});

const CjsDecimal = createRequire(import.meta.url)('decimal.js') as typeof Decimal;

/** Objects that claim to be Decimals and are not. */
const fakes: { name: string; value: unknown }[] = [
  { name: 'a toStringTag field', value: { toStringTag: '[object Decimal]' } },
  { name: 'a toStringTag field and methods', value: { toStringTag: '[object Decimal]', isFinite: () => true, toString: () => '5' } },
  { name: 'an instance made without its constructor', value: Object.create(Decimal.prototype) },
  { name: 'a coefficient word that is not a number', value: Object.assign(Object.create(Decimal.prototype), { s: 1, e: 0, d: ['5'] }) },
  { name: 'a coefficient with a hole', value: Object.assign(Object.create(Decimal.prototype), { s: 1, e: 7, d: [1, , 5] }) },
  { name: 'an exponent that does not match the coefficient', value: Object.assign(Object.create(Decimal.prototype), { s: 1, e: 3, d: [5] }) },
  { name: 'a Symbol.toStringTag', value: { [Symbol.toStringTag]: 'Decimal' } },
];

/** Real Decimals of every origin: any build, any clone. */
const reals: { name: string; value: Decimal }[] = [
  { name: 'the Decimal huzhu exports', value: new Decimal('12.34') },
  { name: 'a clone', value: new (Decimal.clone())('12.34') },
  { name: "huzhu's own clone", value: new Dec('12.34') },
  { name: 'the CommonJS build', value: new CjsDecimal('12.34') },
  { name: 'a clone of the CommonJS build', value: new (CjsDecimal.clone({ precision: 5 }))('12.34') },
];

describe('objects that pretend to be Decimals', () => {
  const amountPlaces: { name: string; call: (amount: unknown) => unknown; path: Path }[] = [
    { name: 'toYuan', call: (amount) => huzhu.toYuan(amount as never), path: ['value'] },
    { name: 'a claim cost', call: (amount) => huzhu.evaluateClaim(guangxi, member, { ...good, costs: { ...good.costs, total: amount } } as never), path: ['claim', 'costs', 'total'] },
    {
      name: 'a ledger total',
      call: (amount) => huzhu.evaluateClaim(guangxi, member, good, { scheme: 'guangxi', year: 2024, memberId: 'member-1', total: amount as never, byBenefit: {}, claimIds: [] }),
      path: ['ledger', 'total'],
    },
    {
      name: 'a policy amount',
      call: (amount) => huzhu.definePolicy({ ...basePolicy, benefits: [{ ...basePolicy.benefits[0]!, formula: { kind: 'lumpSum', amount: made(amount) } }] } as never),
      path: ['spec', 'benefits', 0, 'formula', 'amount', 'value'],
    },
  ];
  const cases = amountPlaces.flatMap((place) => fakes.map((fake) => ({ label: `${place.name}: ${fake.name}`, place, fake })));

  it.each(cases)('$label is refused as an amount', ({ place, fake }) => {
    expect(refusal(() => place.call(fake.value))).toEqual({ path: place.path, code: 'invalid_yuan' });
  });

  it.each(fakes)('explain refuses a result whose total is $name', ({ value }) => {
    const issues = (() => {
      try {
        huzhu.explain({ claimId: 'c', total: value, lines: [] } as never);
      } catch (error) {
        return (error as InvalidInputError).issues;
      }
      return [];
    })();
    expect(issues.map(({ path, code }) => ({ path, code }))).toContainEqual({ path: ['result', 'total'], code: 'custom' });
  });

  it.each(reals)('$name is an amount', ({ value }) => {
    expect(huzhu.toYuan(value).toFixed(2)).toBe('12.34');
    const costs = { total: value, insurancePaid: 0, inScopeCopay: 0, selfPaid: value };
    expect(huzhu.evaluateClaim(guangxi, member, { ...good, costs }).ledger.claimIds).toEqual(['s']);
  });

  it('the largest amount as a Decimal is read; one with a million digits is refused unread, however often it is used', () => {
    expect(huzhu.toYuan(new CjsDecimal('999999999999.99')).toFixed(2)).toBe('999999999999.99');
    // Reading its 142,858 words for each of 2,000 amounts takes minutes; refusing it by its length, milliseconds.
    const long = new Decimal(`1.${'1'.repeat(1_000_000)}`);
    const claims = Array.from({ length: 500 }, (_, index) => ({ ...good, id: `c${index}`, costs: { total: long, insurancePaid: long, inScopeCopay: long, selfPaid: long } }));
    expect(refusal(() => huzhu.evaluateYear(guangxi, member, claims))).toEqual({ path: ['claims', 0, 'costs', 'total'], code: 'invalid_yuan' });
  });

  it('a real NaN or Infinity of another build is refused for what it is', () => {
    expect(() => huzhu.toYuan(new CjsDecimal(NaN))).toThrow('expected a finite yuan amount; got NaN');
    expect(() => huzhu.toYuan(new CjsDecimal(-Infinity))).toThrow('expected a finite yuan amount; got -Infinity');
  });
});

describe('a registry without policies', () => {
  it.each([
    { name: 'policies: null', registry: { policies: null }, path: ['registry', 'policies'], code: 'invalid_type' },
    { name: 'no policies', registry: {}, path: ['registry', 'policies'], code: 'invalid_type' },
    { name: 'null', registry: null, path: ['registry', 'policies'], code: 'invalid_type' },
    { name: 'a null policy', registry: { policies: [null] }, path: ['registry', 'policies', 0], code: 'unparsed_policy' },
  ])('selectPolicy refuses $name', ({ registry, path, code }) => {
    expect(refusal(() => huzhu.selectPolicy('guangxi', '2024-03-01', registry as never))).toEqual({ path, code });
  });

  it('selectPolicy takes a registry written by hand once its policies are parsed', () => {
    expect(huzhu.selectPolicy('guangxi', '2024-03-01', { policies: [guangxi] }).year).toBe(2024);
  });
});

describe('benefit ids that would be prototype keys of a ledger', () => {
  it.each(['constructor', 'prototype'])('a benefit id "%s" is refused where it is defined', (id) => {
    const spec = { ...basePolicy, benefits: [{ ...basePolicy.benefits[0]!, id }] };
    expect(refusal(() => huzhu.definePolicy(spec))).toEqual({ path: ['spec', 'benefits', 0, 'id'], code: 'reserved_id' });
  });

  it('the ledger of every bundled policy comes back, as returned and as JSON', () => {
    const death = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
    const first = huzhu.evaluateClaim(guangxi, member, death);
    const again = { ...death, id: 'c2' };
    expect(huzhu.evaluateClaim(guangxi, member, again, first.ledger).ledger.claimIds).toEqual(['c1', 'c2']);
    expect(huzhu.evaluateClaim(guangxi, member, again, JSON.parse(JSON.stringify(first.ledger))).ledger.claimIds).toEqual(['c1', 'c2']);
  });
});

describe('a roster that lists a member twice', () => {
  it('is refused at the second entry', () => {
    const roster = [{ id: 'a' }, { id: 'b', count: 3 }, { id: 'a', flags: { hardship: true } }];
    expect(refusal(() => huzhu.assessContributions(xining, roster))).toEqual({ path: ['roster', 2, 'id'], code: 'duplicate_member' });
  });

  it('distinct ids are counted as before', () => {
    expect(huzhu.assessContributions(xining, [{ id: 'a' }, { id: 'b', count: 3 }]).members).toBe(4);
  });
});
