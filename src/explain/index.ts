import type { Explainable, ExplainOptions } from '../_lib/explainable';
import { locales } from '../_lib/messages';
import { buildExplanation, type Explanation } from '../buildExplanation';

function list(heading: string, items: readonly string[], colon: string): string[] {
  return items.length === 0 ? [] : [`${heading}${colon.trimEnd()}`, ...items.map((item) => `  - ${item}`)];
}

function render(explanation: Explanation): string[] {
  const words = locales[explanation.lang].explain;
  const colon = words.colon;
  const out = [explanation.title, explanation.policy, explanation.outcome];
  explanation.lines.forEach((line, index) => {
    const refs = line.sources.map((ref) => `[${ref}]`).join('');
    out.push(`  ${index + 1}. ${line.summary}${refs === '' ? '' : ` ${refs}`}`);
    for (const step of line.steps) out.push(`     · ${step.label}${colon}${step.statement}`);
  });
  out.push(...list(words.reasons, explanation.reasons, colon), ...list(words.warnings, explanation.warnings, colon));
  if (explanation.sources.length > 0) {
    out.push(`${words.sources}${colon.trimEnd()}`);
    for (const source of explanation.sources) {
      out.push(`  [${source.ref}] ${locales[explanation.lang].values.sourceLine(source.label, source.value, source.parameter)}${colon}${source.text}`);
    }
  }
  for (const part of explanation.parts) out.push('', ...render(part).filter((l) => l !== words.illustrativeLegend));
  return out;
}

/**
 * Explain a claim, year or condolence result as text a union officer can hand to a member.
 *
 * The text says which policy and year were used, what each benefit paid with its arithmetic
 * and units, which ceiling cut it and by how much, why anything was refused, and the source of
 * every parameter. Every figure resting on an illustrative (unpublished) parameter is marked
 * `※`, and a legend at the end says what the mark means. The text is rendered from
 * {@link buildExplanation}, which gives the same content as data.
 *
 * @category Explanation
 *
 * @param result - what {@link evaluateClaim}, {@link evaluateYear} or {@link evaluateCondolence} returned
 * @param options - `lang`: `'zh'` (the default) or `'en'`
 * @returns the explanation as lines of text joined by `\n`
 * @throws {InvalidInputError} when `result` is not a huzhu result or `options` is invalid
 *
 * @example
 * const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
 * const stay = {
 *   kind: 'hospitalisation', id: 'c1', admission: '2024-03-01', discharge: '2024-03-11', cause: 'illness',
 *   costs: { total: '8000.00', insurancePaid: '6000.00', inScopeCopay: '1000.00', selfPaid: '1000.00' },
 * } as const;
 * explain(evaluateClaim(policies.guangxi[2024], member, stay)).split('\n').find((line) => line.startsWith('  2.'))
 * //=> '  2. 住院补贴：50.00 元/天 × 10 天 = 500.00 元 [4][3]'
 */
export function explain(result: Explainable, options?: ExplainOptions): string {
  const explanation = buildExplanation(result, options);
  const lines = render(explanation);
  if (explanation.illustrative) lines.push('', locales[explanation.lang].explain.illustrativeLegend);
  return lines.join('\n');
}
