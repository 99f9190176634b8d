/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): rules of the 0.4 model
 * written so that they could never apply or never refuse, and facts that make a condition
 * meaningless. Each was once accepted silently; each must now be refused with the field's path.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../src';
import { enrolledMember, firstIssue, made, stay, syntheticPolicy } from './_fixtures';

const member = enrolledMember('test', 2024);
/** A parameter with one variant. */
const varying = (value: string, when: object, other: string) => ({ ...made(value), variants: [{ when, value: other }] });
const grant = (when: object) =>
  syntheticPolicy([{ id: 'grant', label: { zh: '住院慰问', en: 'Stay grant' }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: varying('500', when, '700') } }]);
const death = (when: object) => () =>
  syntheticPolicy([{ id: 'death', label: { zh: '身故', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: varying('800', when, '1000') } }]);
const at = ['spec', 'benefits', 0, 'formula', 'amount', 'variants', 0, 'when'];

describe('rules that could never apply', () => {
  // Before: the deadline computed to no day, and a claim filed any day after was never late.
  it.each(['02-30', '04-31', '02-29'])('a filing deadline on %s of the next year, a day some years lack', (monthDay) => {
    const issue = firstIssue(() => syntheticPolicy([], { eligibility: { filingDeadline: { nextYearOn: made(monthDay) } } }));
    expect(issue.path).toEqual(['spec', 'eligibility', 'filingDeadline', 'nextYearOn', 'value']);
    expect([issue.code, issue.message]).toEqual(['invalid_date', 'expected a day every year has, written MM-DD, like "03-31"']);
  });

  // Before: only the top level of a benefit's own `when` was checked; a variant never applied.
  it('a stay\'s condition on a variant of a death benefit', () => {
    const issue = firstIssue(death({ stayNumber: { from: 2 } }));
    expect(issue.path).toEqual([...at, 'stayNumber']);
    expect([issue.code, issue.message]).toEqual(['condition_event_mismatch', 'only a stay has "stayNumber"; a "death" claim has none']);
  });

  it('a stay\'s condition inside anyOf of a death benefit\'s variant', () => {
    expect(firstIssue(death({ anyOf: [{ age: { from: 60 } }, { cause: 'accident' }] })).path).toEqual([...at, 'anyOf', 1, 'cause']);
  });
});

describe('facts that make a condition meaningless', () => {
  // Before: the age came out as −1 and passed any upper age limit.
  it('a member born after the event date, under an age limit "at most 10"', () => {
    const policy = grant({ age: { to: 10 } });
    const claim = stay('s', '2024-03-01', '2024-03-05');
    const issue = firstIssue(() => evaluateClaim(policy, { ...member, birthDate: '2024-03-02' }, claim));
    expect(issue.path).toEqual(['member', 'birthDate']);
    expect(issue.message).toBe('expected a birth date on or before the event date 2024-03-01; got 2024-03-02');
    // Born on the day is age 0: the variant's 700.
    expect(evaluateClaim(policy, { ...member, birthDate: '2024-03-01' }, claim).total.toFixed(2)).toBe('700.00');
  });
});
