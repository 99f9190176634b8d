import { expect } from 'vitest';
import {
  Decimal,
  definePolicy,
  InvalidInputError,
  type BenefitInput,
  type HospitalisationInput,
  type MemberInput,
  type PolicyInput,
} from '../src';

/** A parameter nobody published: every synthetic policy is illustrative by construction. */
export function made<T>(value: T, en = 'test parameter') {
  return { value, label: { zh: '测试参数', en }, provenance: { status: 'illustrative', note: 'synthetic test value' } } as const;
}

/** The input of a one-year synthetic policy, for tests that need it before validation. */
export function syntheticSpec(benefits: BenefitInput[], overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    scheme: 'test',
    year: 2024,
    name: { zh: '测试办法 2024', en: 'Test scheme 2024' },
    validFrom: '2024-01-01',
    validTo: '2024-12-31',
    conventions: { yearBy: 'admission', dayCount: 'excludeDischargeDay', rounding: { mode: 'halfUp', at: 'eachLine' } },
    eligibility: {},
    benefits,
    ceilings: {},
    ...overrides,
  };
}

/** A one-year synthetic policy whose benefits a reader can check by hand. */
export function syntheticPolicy(benefits: BenefitInput[], overrides: Partial<PolicyInput> = {}) {
  return definePolicy(syntheticSpec(benefits, overrides));
}

export function enrolledMember(scheme: string, year: number, extra: Partial<MemberInput> = {}): MemberInput {
  return { id: 'member-1', enrolments: [{ scheme, year, from: `${year}-01-01`, to: `${year}-12-31` }], ...extra };
}

type Costs = HospitalisationInput['costs'];

/** A stay; costs default to zero and `total` to their sum, so a test names only what matters. */
export function stay(
  id: string,
  admission: string,
  discharge: string,
  costs: Partial<Costs> = {},
  cause: 'illness' | 'accident' = 'illness',
): HospitalisationInput {
  const insurancePaid = costs.insurancePaid ?? '0';
  const inScopeCopay = costs.inScopeCopay ?? '0';
  const selfPaid = costs.selfPaid ?? '0';
  const sum = new Decimal(insurancePaid.toString()).plus(inScopeCopay.toString()).plus(selfPaid.toString());
  return {
    kind: 'hospitalisation',
    id,
    admission,
    discharge,
    cause,
    costs: { total: costs.total ?? sum.toFixed(2), insurancePaid, inScopeCopay, selfPaid },
  };
}

/** The first issue of the InvalidInputError the call must throw. */
export function firstIssue(call: () => unknown) {
  let thrown: unknown;
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    thrown = error;
  }
  expect(returned, 'no result, partial or whole').toBeUndefined();
  expect(thrown).toBeInstanceOf(InvalidInputError);
  return (thrown as InvalidInputError).issues[0]!;
}
