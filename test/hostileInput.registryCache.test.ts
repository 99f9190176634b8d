/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): registries that would
 * fool a cache of checked policies (src/_lib/versions.ts). selectPolicy checks a frozen list of
 * policies once; a list that can change, or whose elements are getters, is checked on every
 * call, so a policy put in later is refused or used as if it had been there from the start.
 */
import { describe, expect, it } from 'vitest';
import { extendPolicy, InvalidInputError, policies, selectPolicy, type PolicyRegistry } from '../src';

const guangxi2025 = extendPolicy(policies.guangxi[2024], { year: 2025 });

describe('selectPolicy on a registry that changes under it', () => {
  it('checks a list that is not frozen on every call, as it may have changed', () => {
    const list: unknown[] = [policies.guangxi[2024]];
    const registry = { policies: list } as unknown as PolicyRegistry;
    expect(selectPolicy('guangxi', '2024-03-01', registry).year).toBe(2024);
    list.push({ scheme: 'guangxi', year: 'next' });
    expect(() => selectPolicy('guangxi', '2024-03-01', registry)).toThrow(InvalidInputError);
    list[1] = guangxi2025;
    expect(selectPolicy('guangxi', '2025-03-01', registry)).toBe(guangxi2025);
  });

  it('checks a frozen list whose elements are getters on every call', () => {
    let policy: unknown = policies.guangxi[2024];
    const list = Object.freeze(Object.defineProperty([], 0, { get: () => policy, enumerable: true }) as unknown[]);
    const registry = { policies: list } as unknown as PolicyRegistry;
    expect(selectPolicy('guangxi', '2024-03-01', registry).year).toBe(2024);
    policy = { scheme: 'guangxi', year: 'next' };
    expect(() => selectPolicy('guangxi', '2024-03-01', registry)).toThrow(InvalidInputError);
  });

  it('refuses a frozen list holding a plain policy, which its caller could change: only parsed (frozen) ones are taken', () => {
    const plain = JSON.parse(JSON.stringify(policies.guangxi[2024])) as { scheme: string };
    const registry = { policies: Object.freeze([plain]) } as unknown as PolicyRegistry;
    expect(() => selectPolicy('guangxi', '2024-03-01', registry)).toThrow(/registry\.policies\[0\]: expected a policy from parsePolicy/);
    plain.scheme = 'guilin';
    expect(() => selectPolicy('guilin', '2024-03-01', registry)).toThrow(/registry\.policies\[0\]: expected a policy from parsePolicy/);
  });
});

describe('selectPolicy on a registry whose reading throws', () => {
  const boom = { get: () => { throw new Error('boom'); } };
  it.each([
    ['a registry whose traps throw', () => new Proxy({}, boom)],
    ['a list of policies whose traps throw', () => ({ policies: new Proxy([policies.guangxi[2024]], boom) })],
  ])('reports %s as unreadable, not the caller\'s exception', (_, registry) => {
    let thrown: unknown;
    try {
      selectPolicy('guangxi', '2024-03-01', registry() as unknown as PolicyRegistry);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).issues[0]).toMatchObject({ code: 'unreadable', message: 'could not be read: boom' });
    expect((thrown as InvalidInputError).issues[0]!.path[0]).toBe('registry');
  });
});
