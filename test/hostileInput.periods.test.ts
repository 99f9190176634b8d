/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): the options argument of
 * `selectPolicy`, which names the member whose cover picks a version with per-member protection
 * periods, and the unit `assessEnrolment` reads. Each is read once into a copy; whatever cannot
 * be read is an InvalidInputError with its path, never the caller's exception.
 */
import { describe, expect, it } from 'vitest';
import { assessEnrolment, bundledRegistry, definePolicy, selectPolicy } from '../src';
import { enrolledMember, firstIssue, made, syntheticSpec } from './_fixtures';

const member = enrolledMember('guangxi', 2024);

describe('selectPolicy options that cannot be read', () => {
  it('a Proxy whose has trap throws (asked whether it is a registry)', () => {
    const options = new Proxy({ member }, { has: () => { throw new TypeError('trapped'); } });
    expect(firstIssue(() => selectPolicy('guangxi', '2024-03-01', options))).toMatchObject({ path: ['options'], code: 'unreadable' });
  });

  it('a member getter that throws', () => {
    const options = Object.defineProperty({ registry: bundledRegistry }, 'member', { enumerable: true, get: () => { throw new RangeError('no member'); } });
    expect(firstIssue(() => selectPolicy('guangxi', '2024-03-01', options))).toMatchObject({ path: ['options', 'member'], code: 'unreadable' });
  });

  it('a member that is not one: the path names its field, as evaluateClaim would', () => {
    expect(firstIssue(() => selectPolicy('guangxi', '2024-03-01', { member: { id: 'm', enrolments: 'all' } as never })).path).toEqual(['member', 'enrolments']);
  });

  it('a member getter is read once: the member the selection used is the one read', () => {
    let reads = 0;
    const options = Object.defineProperty({}, 'member', { enumerable: true, get: () => ((reads += 1), member) });
    expect(selectPolicy('guangxi', '2024-03-01', options).year).toBe(2024);
    expect(reads).toBe(1);
  });
});

describe('a unit for assessEnrolment', () => {
  const plan = definePolicy(syntheticSpec([], { enrolment: { minMembers: made(1) } }));

  // A sparse list: refused by its length, with one issue, not one per hole.
  it('more than 1,000,000 members', () => {
    const members = new Array(1_000_001);
    let issues: readonly unknown[] = [];
    expect(firstIssue(() => {
      try {
        return assessEnrolment(plan, { id: 'u', date: '2023-11-01', staff: 2_000_000, members });
      } catch (error) {
        issues = (error as { issues: readonly unknown[] }).issues;
        throw error;
      }
    })).toMatchObject({ path: ['unit', 'members'], code: 'too_big' });
    expect(issues).toHaveLength(1);
  });

  it('a member whose getter throws', () => {
    const member = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new TypeError('no id'); } });
    expect(firstIssue(() => assessEnrolment(plan, { id: 'u', date: '2023-11-01', staff: 1, members: [member as never] }))).toMatchObject({ path: ['unit', 'members', 0, 'id'], code: 'unreadable' });
  });
});
