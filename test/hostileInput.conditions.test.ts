/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): diagnosis claims and
 * lists of conditions (docs/rule-model.md#conditions-list). Codes that are names of
 * Object.prototype, keys that would reach a prototype, and claims whose fields change under
 * the reader: each is refused with a reason or a path, or read once, never paid by accident.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, parsePolicy, policies, type ClaimInput, type MemberInput } from '../src';

const nanping = policies['nanping-women'][2012];
const member: MemberInput = { id: 'lin', sex: 'female', enrolments: [{ scheme: 'nanping-women', year: 2012, from: '2012-08-01', to: '2013-07-31' }] };
const diagnosis = (condition: string): ClaimInput => ({ kind: 'diagnosis', id: 'd', date: '2013-01-10', condition });

describe('codes that are names on every object', () => {
  // A lookup by `list[code]` would find Object.prototype's members: `constructor` would be "listed".
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a claim naming %j is refused as not listed, and pays nothing', (code) => {
    const result = evaluateClaim(nanping, member, diagnosis(code));
    expect([result.eligible, result.total.toFixed(2), result.reasons.map((reason) => reason.code)]).toEqual([false, '0.00', ['CONDITION_NOT_LISTED']]);
  });
});

describe('keys that would reach a prototype, in a rule file', () => {
  const file = JSON.stringify(nanping);
  it.each([
    { name: 'a condition coded "__proto__"', text: file.replace('"list":{', '"list":{"__proto__":{"label":{"zh":"x","en":"x"},"class":"class-1"},'), path: ['policy', 'conditions', 'list', '__proto__'] },
    { name: 'a class "__proto__"', text: file.replace('"classes":{', '"classes":{"__proto__":{"label":{"zh":"x","en":"x"}},'), path: ['policy', 'conditions', 'classes', '__proto__'] },
    { name: 'an amount for class "__proto__"', text: file.replace('"amounts":{"value":{', '"amounts":{"value":{"__proto__":"1.00",'), path: ['policy', 'benefits', 0, 'formula', 'amounts', 'value', '__proto__'] },
  ])('$name is refused with its path', ({ text, path }) => {
    let thrown: unknown;
    try {
      parsePolicy(text);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { issues?: { path: unknown }[] }).issues?.[0]?.path).toEqual(path);
  });
});

describe('claims whose fields change under the reader', () => {
  it('a condition read twice would be settled under one code and explained under another: it is read once', () => {
    let reads = 0;
    const claim = {
      kind: 'diagnosis',
      id: 'd',
      date: '2013-01-10',
      get condition() {
        reads += 1;
        return reads === 1 ? 'myomectomy' : 'breast-cancer';
      },
    } as unknown as ClaimInput;
    const result = evaluateClaim(nanping, member, claim);
    // The fourth class pays 1,000; its line names the fourth-class operation, whatever the getter says later.
    expect([result.total.toFixed(2), result.lines[0]!.steps[0]!.expression]).toEqual(['1000.00', 'myomectomy']);
  });

  it('a result keeps its own copy: changing the claim afterwards changes no line', () => {
    const claim = { kind: 'diagnosis', id: 'd', date: '2013-01-10', condition: 'ovarian-cancer', firstDiagnosed: '2013-01-01' } as { condition: string; firstDiagnosed: string } & ClaimInput;
    const year = evaluateYear(nanping, member, [claim]);
    claim.condition = 'myomectomy';
    claim.firstDiagnosed = '2000-01-01';
    expect([year.total.toFixed(2), year.results[0]!.lines[0]!.steps[0]!.expression, year.results[0]!.lines[0]!.amount.toFixed(2)]).toEqual(['6000.00', 'ovarian-cancer', '6000.00']);
  });
});
