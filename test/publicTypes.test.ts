// The named public types are interfaces and unions written for their names' sake (see the note
// in src/_lib/inputSchemas.ts); these checks keep each equal to what its schema reads or yields.
// They are type checks: `npm run typecheck` fails on a mismatch, and vitest runs them as no-ops.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  Benefit,
  BenefitInput,
  Claim,
  ClaimInput,
  CondolenceDecisionInput,
  Conventions,
  Hospitalisation,
  HospitalisationInput,
  Label,
  LedgerInput,
  Member,
  MemberInput,
  Policy,
  PolicyInput,
  RosterInput,
  UnitInput,
} from '../src';
import type {
  claimSchema,
  condolenceDecisionSchema,
  hospitalisationSchema,
  ledgerSchema,
  memberSchema,
  rosterSchema,
  unitSchema,
} from '../src/_lib/inputSchemas';
import type { benefitSchema, conventionsSchema, labelSchema, policySchema } from '../src/_lib/policySchema';

describe('the named public types', () => {
  it('are what the schemas read', () => {
    expectTypeOf<PolicyInput>().toEqualTypeOf<z.input<typeof policySchema>>();
    expectTypeOf<BenefitInput>().toEqualTypeOf<z.input<typeof benefitSchema>>();
    expectTypeOf<MemberInput>().toEqualTypeOf<z.input<typeof memberSchema>>();
    expectTypeOf<ClaimInput>().toEqualTypeOf<z.input<typeof claimSchema>>();
    expectTypeOf<HospitalisationInput>().toEqualTypeOf<z.input<typeof hospitalisationSchema>>();
    expectTypeOf<LedgerInput>().toEqualTypeOf<z.input<typeof ledgerSchema>>();
    expectTypeOf<UnitInput>().toEqualTypeOf<z.input<typeof unitSchema>>();
    expectTypeOf<RosterInput>().toEqualTypeOf<z.input<typeof rosterSchema>>();
    expectTypeOf<CondolenceDecisionInput>().toEqualTypeOf<z.input<typeof condolenceDecisionSchema>>();
  });

  it('are what the schemas yield', () => {
    expectTypeOf<Policy>().toEqualTypeOf<z.output<typeof policySchema>>();
    expectTypeOf<Benefit>().toEqualTypeOf<z.output<typeof benefitSchema>>();
    expectTypeOf<Conventions>().toEqualTypeOf<z.output<typeof conventionsSchema>>();
    expectTypeOf<Label>().toEqualTypeOf<z.output<typeof labelSchema>>();
    expectTypeOf<Member>().toEqualTypeOf<z.output<typeof memberSchema>>();
    expectTypeOf<Claim>().toEqualTypeOf<z.output<typeof claimSchema>>();
    expectTypeOf<Hospitalisation>().toEqualTypeOf<z.output<typeof hospitalisationSchema>>();
  });
});
