/**
 * The layout of `explain`'s text, line by line: one place for it, shared by the explanations
 * it renders from a draft and the claims it writes straight from their lines.
 */
import type { ExplainWords } from './locales/types';

/** What heads an explanation: what was settled, the policy (a member's year names none), the outcome. */
export function headText(out: string[], title: string, policy: string, outcome: string): void {
  out.push(title);
  if (policy !== '') out.push(policy);
  out.push(outcome);
}

/** A benefit line: its number, its summary, then the refs of its sources (` [1][2]`, or empty). */
export function lineText(number: number, summary: string, refsText: string): string {
  return `  ${number}. ${summary}${refsText}`;
}

/** A step of a line. */
export function stepText(label: string, colon: string, statement: string): string {
  return `     · ${label}${colon}${statement}`;
}

/** What follows the lines: the reasons, the warnings and the sources (`sources`: their text, or empty). */
export function tailText(out: string[], words: ExplainWords, reasons: readonly string[], warnings: readonly string[], sources: string): void {
  list(out, words.reasons, reasons, words.colon);
  list(out, words.warnings, warnings, words.colon);
  if (sources !== '') out.push(sources);
}

function list(out: string[], heading: string, items: readonly string[], colon: string): void {
  if (items.length === 0) return;
  out.push(`${heading}${colon.trimEnd()}`);
  for (let at = 0; at < items.length; at += 1) out.push(`  - ${items[at]!}`);
}
