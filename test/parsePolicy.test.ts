import { describe, expect, it } from 'vitest';
import { parsePolicy, policies, safeParsePolicy } from '../src';

const bundled = Object.values(policies).flatMap((versions) => Object.values(versions));

function pathsOf(input: unknown) {
  const outcome = safeParsePolicy(input);
  if (outcome.success) throw new Error('expected the policy to be refused');
  return outcome.error.issues.map((issue) => [issue.path.join('.'), issue.code]);
}

describe('parsePolicy', () => {
  it.each(bundled.map((policy) => ({ name: `${policy.scheme} ${policy.year}`, policy })))('round-trips the bundled $name through JSON', ({ policy }) => {
    expect(parsePolicy(JSON.stringify(policy))).toEqual(policy);
  });

  it('refuses text that is not JSON', () => {
    expect(pathsOf('{"scheme": ')).toEqual([['json', 'invalid_json']]);
  });

  it('refuses __proto__ and constructor keys wherever they are', () => {
    const text = JSON.stringify(policies.guangxi[2024]).replace('"scheme":', '"__proto__":{"polluted":true},"scheme":');
    expect(pathsOf(text)).toEqual([['policy.__proto__', 'forbidden_key']]);
    const nested = JSON.parse(JSON.stringify(policies.guangxi[2024]));
    nested.benefits[0].formula.constructor = { prototype: {} };
    expect(pathsOf(nested)).toEqual([['policy.benefits.0.formula.constructor', 'forbidden_key']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown keys', () => {
    const typo = { ...JSON.parse(JSON.stringify(policies.xining[2024])), ceilngs: {} };
    expect(pathsOf(typo)).toEqual([['policy', 'unrecognized_keys']]);
  });

  it('refuses data nested deeper than any policy', () => {
    let deep: unknown = {};
    for (let i = 0; i < 1000; i += 1) deep = { a: deep };
    expect(pathsOf(deep)[0]?.[1]).toBe('too_deep');
  });
});
