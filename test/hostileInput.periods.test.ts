/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): the options argument of
 * `selectPolicy`, which names the member whose cover picks a version with per-member protection
 * periods. It is read once into a copy; whatever cannot be read is an InvalidInputError with
 * its path, never the caller's exception.
 */
import { describe, expect, it } from 'vitest';
import { bundledRegistry, selectPolicy } from '../src';
import { enrolledMember, firstIssue } from './_fixtures';

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
