import type { Explainable, ExplainOptions } from '../_lib/explainable';
import { headText, lineText, stepText, tailText } from '../_lib/explainText';
import { locales } from '../_lib/locales/explaining';
import { textOrDraft, type Draft } from '../buildExplanation';

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
  const lines: string[] = [];
  // A claim is written straight from its lines; any other result from its draft.
  const { lang, illustrative, draft } = textOrDraft(result, options, lines);
  if (draft !== undefined) render(draft, lines);
  if (illustrative) lines.push('', locales[lang].explain.illustrativeLegend);
  return lines.join('\n');
}
