/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): results posing as the
 * engine's. `explain` and `buildExplanation` skip checking a result the engine made (its
 * private parts cannot be forged); an object that only has the engine's prototype must still
 * be checked, and refused with an InvalidInputError naming the field, not a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { buildExplanation, evaluateYear, explain, InvalidInputError, policies } from '../src';
import { enrolledMember, stay } from './_fixtures';

const year = evaluateYear(policies.guangxi[2024], enrolledMember('guangxi', 2024), [stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '4444.74' })]);
const claim = year.results[0]!;

const cases = [
  { name: "an empty object with a claim result's prototype", result: () => Object.create(Object.getPrototypeOf(claim)), path: 'result' },
  { name: "an empty object with a year result's prototype", result: () => Object.create(Object.getPrototypeOf(year)), path: 'result' },
  {
    name: "a claim result's prototype with fields of its own that are not a result's",
    result: () => Object.defineProperties(Object.create(Object.getPrototypeOf(claim)), { claimId: { value: 'c1', enumerable: true }, total: { value: '1.00', enumerable: true } }),
    path: 'result',
  },
];

describe('results posing as the engine’s', () => {
  it.each(cases)('refuses $name with an InvalidInputError', ({ result, path }) => {
    for (const call of [() => explain(result()), () => buildExplanation(result(), { lang: 'en' })]) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]!.path[0]).toBe(path);
    }
  });

  it('still explains the real ones', () => {
    expect(explain(claim, { lang: 'en' }).split('\n')[0]).toBe('Claim c1 (hospitalisation, 2024-03-01)');
    expect(explain(year, { lang: 'en' }).split('\n')[0]).toBe('Protection year of member member-1 (1 claims)');
  });
});
