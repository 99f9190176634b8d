import { acceptExplainable, type Explainable, type ExplainOptions } from '../_lib/explainable';
import { locales } from '../_lib/locales/explaining';
import { draftOf, explainClaim, headText, lineText, stepText, tailText, type Draft } from '../buildExplanation';
import type { ClaimResult } from '../_lib/result';

/** Appends the explanation's lines of text to `out`. */
function render(explanation: Draft, out: string[]): void {
  const words = locales[explanation.lang].explain;
  headText(out, explanation.title, explanation.policy, explanation.outcome);
  for (let index = 0; index < explanation.lines.length; index += 1) {
    const line = explanation.lines[index]!;
    out.push(lineText(index + 1, line.summary, explanation.cited.refsText[index] ?? ''));
    for (const step of line.steps) out.push(stepText(step.label, words.colon, step.statement));
  }
  tailText(out, words, explanation.reasons, explanation.warnings, explanation.cited.text);
  // A year's claims follow, each after a blank line; the legend is said once, at the end.
  for (const part of explanation.parts) {
    out.push('');
    const from = out.length;
    render(part, out);
    let kept = from;
    for (let at = from; at < out.length; at += 1) if (out[at] !== words.illustrativeLegend) out[kept++] = out[at]!;
    out.length = kept;
  }
}

/**
 * Explain a claim, year or condolence result as text a union officer can hand to a member.
 *
 * The text says which policy and year were used, what each benefit paid with its arithmetic
 * and units, which ceiling cut it and by how much, why anything was refused, and the source of
 * every parameter. Every figure resting on an illustrative (unpublished) parameter is marked
 * `※`, and a legend at the end says what the mark means. {@link buildExplanation} gives the
 * same content as data, each sentence written by the same code.
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
  const accepted = acceptExplainable(result, options);
  const lines: string[] = [];
  // A claim is written straight from its lines, with no draft; any other result from its draft.
  if (accepted.kind === 'claim') explainClaim(result as ClaimResult, accepted.lang, accepted.own, lines);
  else render(draftOf(result, accepted), lines);
  if ((result as { illustrative: boolean }).illustrative) lines.push('', locales[accepted.lang].explain.illustrativeLegend);
  return lines.join('\n');
}
