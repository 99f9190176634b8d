import type { Provenance, Publication, SomeLanguages } from '../_lib/policySchema';

/**
 * The provenance of a published value, for a policy written in TypeScript: the source as a
 * reader would cite it, and the words of it that state the value.
 *
 * A JSON rule file writes the same object out: `{ "status": "published", "source": …,
 * "quote": … }`. {@link definePolicy} or {@link parsePolicy} checks it with the rest of the policy.
 *
 * @category Policies
 *
 * @param source - who published it, when (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precisely as known), under which title, at which address
 * @param quote - the words of the source that state the value, as published
 * @param note - anything a reader needs besides the quote (how the value is derived from it, where another detail comes from), in Chinese and English
 * @returns `{ status: 'published', source, quote }`, with `note` when given
 *
 * @example
 * const guilinDaily = { publisher: { zh: '桂林日报', en: 'Guilin Daily' }, date: '2023-11' };
 * published(guilinDaily, '将身故津贴从5000元提高到1万元')
 * //=> { status: 'published', source: { publisher: { zh: '桂林日报', en: 'Guilin Daily' }, date: '2023-11' }, quote: '将身故津贴从5000元提高到1万元' }
 */
export function published(source: Publication, quote: string, note?: SomeLanguages): Provenance {
  // No `note: undefined` key: the policy's JSON and a deep comparison see no note at all.
  return note === undefined ? { status: 'published', source, quote } : { status: 'published', source, quote, note };
}
