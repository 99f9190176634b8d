import { mergeInto, resultOf, tallyOf, type Simulation } from '../_lib/simulation';

/**
 * Combine the simulations of two parts of a claims book into the simulation of both.
 *
 * Totals, counts, histogram bins and contributions add up; the largest changes of both are
 * ranked again (largest absolute difference first, then member id) and the first
 * `settings.largest` kept. Merging is associative and its order does not matter: however a
 * book is split, the merged result equals {@link simulateBook}'s on the whole book, to the fen
 * and in the same order, byte for byte as JSON. Both parts must simulate the same versions, in
 * the same order, with the same settings. Each result may be as {@link simulateBook} returned
 * it or read back from its JSON.
 *
 * @category Simulation
 *
 * @param a - a simulation of one part
 * @param b - a simulation of another part
 * @returns the simulation of both parts; `a` and `b` are left untouched
 * @throws {InvalidInputError} when the parts are not of the same versions and settings, or either is not a simulation
 *
 * @example
 * const member = (id: string) => ({ id, enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] });
 * const death = (id: string) => ({ kind: 'death', id, date: '2024-06-01' } as const);
 * const versions = [policies.guangxi[2024], policies.guangxi[2023]];
 * const part1 = simulateBook([{ member: member('m1'), claims: [death('c1')] }], versions);
 * const part2 = simulateBook([{ member: member('m2'), claims: [death('c2')] }], versions);
 * const both = mergeSimulations(part1, part2);
 * [both.members, both.versions[0].total.toFixed(2), both.comparisons[0].worse]
 * //=> [2, '20000.00', 2]
 */
export function mergeSimulations(a: Simulation, b: Simulation): Simulation {
  const merged = tallyOf(a, 'a');
  mergeInto(merged, tallyOf(b, 'b'));
  return resultOf(merged);
}
