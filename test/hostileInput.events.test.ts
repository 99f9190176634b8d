/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): a member's history
 * (`options.history` of evaluateClaim and evaluateYear) and a claim's `event`, bent as every
 * other input is: past its documented length, cyclic, with prototype keys, getters that throw,
 * fake amounts; and results handed to `historyEntries` the same way. Each is refused with the
 * path of what is wrong, never read twice and never a crash.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, historyEntries, policies, type ClaimInput, type HistoryEntryInput } from '../src';
import { MAX_HISTORY_ENTRIES } from '../src/_lib/inputSchemas';
import { enrolledMember, firstIssue } from './_fixtures';

const shanghai = policies['shanghai-b'][2017];
const member = enrolledMember('shanghai-b', 2017);
const death: ClaimInput = { kind: 'death', id: 'x', date: '2017-05-01', event: 'acc', attributes: { cause: 'accident' } };
const entry: HistoryEntryInput = { scheme: 'shanghai-b', year: 2016, benefit: 'accident-disability', claimId: 'd', date: '2016-12-01', paid: '30000.00', event: 'acc' };
const refusal = (history: unknown) => {
  const { path, code } = firstIssue(() => evaluateClaim(shanghai, member, death, undefined, { history } as never));
  return { path, code };
};

describe('a hostile history', () => {
  it(`of ${MAX_HISTORY_ENTRIES + 1} entries is refused without reading one`, () => {
    const history: unknown[] = [];
    history.length = MAX_HISTORY_ENTRIES + 1;
    let reads = 0;
    Object.defineProperty(history, 0, { enumerable: true, get: () => ((reads += 1), entry) });
    expect(refusal(history)).toEqual({ path: ['options', 'history'], code: 'too_big' });
    expect(reads).toBe(0);
  });

  it('that holds itself is refused where the cycle closes', () => {
    const looping: Record<string, unknown> = { ...entry };
    looping.self = looping;
    expect(refusal([looping])).toEqual({ path: ['options', 'history', 0, 'self'], code: 'cyclic' });
  });

  it('with a prototype key is refused at the key', () => {
    const poisoned = JSON.parse(`{ "scheme": "shanghai-b", "__proto__": { "paid": "0" } }`);
    expect(refusal([poisoned])).toEqual({ path: ['options', 'history', 0, '__proto__'], code: 'forbidden_key' });
  });

  it('whose getter throws is refused as unreadable, not with the getter\'s exception', () => {
    const trap = Object.defineProperty({ ...entry }, 'paid', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(refusal([trap]).code).toBe('unreadable');
  });

  it('with an amount that only pretends to be a Decimal is refused at the amount', () => {
    expect(refusal([{ ...entry, paid: { s: 1, e: 0, d: [1e9] } }])).toEqual({ path: ['options', 'history', 0, 'paid'], code: 'invalid_yuan' });
  });

  it('with a negative amount or a date that does not exist is refused at the field', () => {
    expect(refusal([{ ...entry, paid: '-1.00' }]).path).toEqual(['options', 'history', 0, 'paid']);
    expect(refusal([{ ...entry, date: '2017-02-29' }]).path).toEqual(['options', 'history', 0, 'date']);
  });

  it('that is not a list is refused, and so are options that are not an object', () => {
    expect(refusal('everything').path).toEqual(['options', 'history']);
    expect(firstIssue(() => evaluateYear(shanghai, member, [death], undefined, 'history' as never)).path).toEqual(['options']);
  });
});

describe('a hostile event', () => {
  it.each([
    ['an object', { toString: (): string => 'acc' }],
    ['an empty id', ''],
    ['an id of 201 letters', 'e'.repeat(201)],
  ])('%s is refused at claim.event', (_name, event) => {
    expect(firstIssue(() => evaluateClaim(shanghai, member, { ...death, event } as never)).path).toEqual(['claim', 'event']);
  });
});

describe('historyEntries on hostile results', () => {
  const result = evaluateClaim(shanghai, member, death);

  it('reads only what it needs of a result: a cycle in its ledger is not walked', () => {
    const json = JSON.parse(JSON.stringify(result));
    json.ledger.self = json.ledger;
    expect(historyEntries([json])).toEqual([{ scheme: 'shanghai-b', year: 2017, benefit: 'accident-death', claimId: 'x', date: '2017-05-01', paid: '30000.00' }]);
  });

  it('refuses a line without an amount at its path', () => {
    const json = JSON.parse(JSON.stringify(result));
    delete json.lines[0].amount;
    expect(firstIssue(() => historyEntries([json])).path).toEqual(['settled', 0, 'lines', 0, 'amount']);
  });

  it('turns a getter that throws into an unreadable issue', () => {
    const trap = Object.defineProperty({}, 'claimId', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(firstIssue(() => historyEntries([trap as never])).code).toBe('unreadable');
  });
});
