import type { Provenance, SomeLanguages } from '../_lib/policySchema';

/**
 * The provenance of a value nobody published, for a policy written in TypeScript: the note
 * says why it is there. Every result that uses such a value is marked `illustrative`, and
 * explanations show the note.
 *
 * A JSON rule file writes the same object out: `{ "status": "illustrative", "note": … }`.
 *
 * @category Policies
 *
 * @param note - why the value is there although unpublished, in Chinese and English
 * @returns `{ status: 'illustrative', note }`
 *
 * @example
 * illustrative({ zh: '示例数值，未经公布。', en: 'Example figure; not published.' })
 * //=> { status: 'illustrative', note: { zh: '示例数值，未经公布。', en: 'Example figure; not published.' } }
 */
export function illustrative(note: SomeLanguages): Provenance {
  return { status: 'illustrative', note };
}
