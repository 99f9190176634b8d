import type { PolicyRef } from '../_lib/result';

type Version = Pick<PolicyRef, 'scheme' | 'year'>;

/**
 * `text` of a version, made once for all the rows of a frozen version (whose scheme and year
 * cannot change) and each time for any other: the texts rows repeat, without a string each.
 */
export function perVersion(text: (version: Version) => string): (version: Version) => string {
  const known = new WeakMap<Version, string>();
  return (version) => {
    let made = known.get(version);
    if (made === undefined) {
      made = text(version);
      if (Object.isFrozen(version)) known.set(version, made);
    }
    return made;
  };
}
