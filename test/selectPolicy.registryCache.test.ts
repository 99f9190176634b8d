// selectPolicy checks a frozen registry's policies once, not on every call (issue 16: the CLI
// calls it on every row, and checking the whole registry each time was 4 % of `huzhu evaluate`).
import { describe, expect, it } from 'vitest';
import { createRegistry, extendPolicy, policies, selectPolicy, type Policy, type PolicyRegistry } from '../src';

const guangxi2025 = extendPolicy(policies.guangxi[2024], { year: 2025 });

/** A frozen list of policies that counts how often its elements are read. */
function counted(list: readonly Policy[]) {
  const reads = { count: 0 };
  const proxy = new Proxy(Object.freeze([...list]), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { policies: proxy as readonly Policy[], reads };
}

describe('selectPolicy on a frozen registry', () => {
  it('reads its policies once, however many calls', () => {
    const { policies: list, reads } = counted(createRegistry([policies.guangxi[2023], policies.guangxi[2024]]).policies);
    const registry: PolicyRegistry = Object.freeze({ policies: list });
    for (let call = 0; call < 100; call += 1) expect(selectPolicy('guangxi', '2024-03-01', registry).year).toBe(2024);
    // Each of the two policies read once, by the first call's check; before the cache, 200 reads.
    expect(reads.count).toBe(2);
  });

  it('reads a registry again when it holds another list', () => {
    const registry: { policies: readonly Policy[] } = { policies: createRegistry([policies.guangxi[2024]]).policies };
    expect(selectPolicy('guangxi', '2024-03-01', registry).year).toBe(2024);
    expect(() => selectPolicy('guangxi', '2025-03-01', registry)).toThrow('known versions: 2024');
    registry.policies = createRegistry([policies.guangxi[2024], guangxi2025]).policies;
    expect(selectPolicy('guangxi', '2025-03-01', registry)).toBe(guangxi2025);
  });
});

describe('selectPolicy on one registry, scheme after scheme', () => {
  it('finds each scheme its own versions, whatever was asked before', () => {
    const registry = createRegistry([policies.guangxi[2023], policies.guangxi[2024], guangxi2025, policies['guilin-condolence'][2023]]);
    for (let round = 0; round < 3; round += 1) {
      expect(selectPolicy('guangxi', '2025-03-01', registry)).toBe(guangxi2025);
      expect(() => selectPolicy('nowhere', '2024-03-01', registry)).toThrow('known versions: none');
      expect(selectPolicy('guilin-condolence', '2024-03-01', registry).scheme).toBe('guilin-condolence');
      expect(selectPolicy('guangxi', '2023-03-01', registry).year).toBe(2023);
    }
  });
});
