/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): the links of the policy
 * explorer and playground (site/). A link's state is anyone's text; the page must read a
 * crafted one as "no state" (it then shows the defaults and a notice), never as a state the
 * page was not made for, and never inflate it without bound. A rule file is anyone's text too:
 * finding an issue's place in it must not depend on how deep the rest of it nests.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { locate } from '../site/src/locate';
import { decodeState, defaultState, encodeState, MAX_STATE_BYTES } from '../site/src/state';

/** A link holding `json` as the page writes links: deflate-raw, base64url, after `#v1.`. */
const link = (json: string) => `#v1.${deflateRawSync(json).toString('base64url')}`;

describe('a link to the playground', () => {
  it('gives back the state it was made from', async () => {
    const state = defaultState();
    state.lang = 'en';
    state.claim.costs.selfPaid = '3,000';
    expect(await decodeState(`#${await encodeState(state)}`)).toEqual(state);
    expect(await decodeState('')).toBeNull();
  });

  it.each([
    ['another format', '#v2.AAAA'],
    ['no format at all', '#hello'],
    ['text that is not base64url', '#v1.!!!'],
    ['bytes that are not deflate', '#v1.AAAAAAAA'],
    ['deflate of text that is not JSON', link('{"view":')],
    ['JSON that is not a state', link('[1,2,3]')],
    ['a state missing a part', link(JSON.stringify({ ...defaultState(), claim: undefined }))],
    ['a state with a field of the wrong type', link(JSON.stringify({ ...defaultState(), member: { ...defaultState().member, enrolments: {} } }))],
    ['a state with a claim kind huzhu has not', link(JSON.stringify({ ...defaultState(), claim: { ...defaultState().claim, kind: 'toString' } }))],
    ['a state with a key it has not', link(JSON.stringify({ ...defaultState(), script: 'alert(1)' }))],
  ])('refuses %s', async (_name, hash) => {
    await expect(decodeState(hash)).rejects.toThrow();
  });

  it('stops inflating a link past its limit', async () => {
    // Deflate packs a thousand spaces in a byte: a link that fits in an address could inflate to
    // gigabytes. This one (16 MB in a few kilobytes) is stopped at MAX_STATE_BYTES.
    const bomb = link(`{"rules":"${' '.repeat(4 * MAX_STATE_BYTES)}"}`);
    expect(bomb.length).toBeLessThan(MAX_STATE_BYTES / 100);
    await expect(decodeState(bomb)).rejects.toThrow(`the link holds more than ${MAX_STATE_BYTES} bytes`);
  });
});

describe("an issue's place in the rule file", () => {
  it('is the value at its path, or the deepest part of the path that is there', () => {
    const text = JSON.stringify({ benefits: [{ id: 'a' }, { id: 'b"c', formula: { amount: { value: '10000.005' } } }], year: 2024 }, null, 2);
    const at = (path: (string | number)[]) => text.slice(...locate(text, path));
    expect(at(['benefits', 1, 'formula', 'amount', 'value'])).toBe('"10000.005"');
    expect(at(['benefits', 1, 'id'])).toBe('"b\\"c"');
    expect(at(['year'])).toBe('2024');
    expect(at(['benefits', 0, 'label'])).toBe(text.slice(text.indexOf('{', text.indexOf('[')), text.indexOf('}') + 1));
    expect(at([])).toBe(text);
  });

  it('is found past a value nested 100,000 levels deep, which is skipped, not recursed into', () => {
    // Recursing into every value would overflow the stack here; the path itself is short.
    const text = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)},"y":{"z":[true,null,-1.5e3]}}`;
    expect(text.slice(...locate(text, ['y', 'z', 2]))).toBe('-1.5e3');
    expect(text.slice(...locate(text, ['y', 'z', 1]))).toBe('null');
  });
});
