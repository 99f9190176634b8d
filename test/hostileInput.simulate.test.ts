/**
 * Part of the hostile-input catalogue (see test/hostileInput.test.ts): what a claims book or a
 * policy file may hold that the simulation's outputs must survive. Member ids, claim ids and
 * policy labels reach the HTML report; written as they are, `<script>` in any of them would run
 * in the finance committee's browser. Parts to merge may be read from files anyone wrote.
 */
import { describe, expect, it } from 'vitest';
import { extendPolicy, mergeSimulations, policies, simulateBook, type BookEntry } from '../src';
import { renderReport } from '../src/cli/report';
import type { PlainSimulation } from '../src/cli/simulationText';
import { enrolledMember, firstIssue } from './_fixtures';

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '" onmouseover="alert(1)';

describe('hostile input in a simulation', () => {
  it('writes member ids, claim ids and policy labels into the report as text, never as markup', () => {
    const labelled = extendPolicy(policies.guangxi[2024], { name: { zh: SCRIPT, en: SCRIPT }, benefits: { death: { ...policies.guangxi[2024].benefits.find((b) => b.id === 'death')!, label: { zh: ATTRIBUTE, en: ATTRIBUTE } } } });
    const book: BookEntry[] = [{ member: enrolledMember('guangxi', 2024, { id: SCRIPT }), claims: [{ kind: 'death', id: `${SCRIPT}${ATTRIBUTE}`, date: '2024-06-01' }] }];
    const simulation = JSON.parse(JSON.stringify(simulateBook(book, [policies.guangxi[2024], labelled]))) as PlainSimulation;
    const html = renderReport(simulation, [], 'en');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('" onmouseover');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
  });

  it('refuses parts to merge whose amounts are not amounts, rather than adding them up wrongly', () => {
    const part = JSON.parse(JSON.stringify(simulateBook([], [policies.guangxi[2024]]))) as { versions: { total: unknown }[] };
    for (const total of ['1e3', '12.345', 12, null, '-0.5.0', '9'.repeat(30) + '.00']) {
      const bad = structuredClone(part);
      bad.versions[0]!.total = total;
      expect(firstIssue(() => mergeSimulations(part as never, bad as never)).code).toBe('not_a_simulation');
    }
  });
});
