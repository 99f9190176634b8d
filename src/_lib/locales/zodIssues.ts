// The English of the issues zod raises on huzhu's own schemas, word for word as zod's English
// locale (zod/v4/locales/en.js) writes them. huzhu passes it to each parse (`validate` in
// ../errors), so its messages are English whatever locale a program gives zod, and it no
// longer sets zod's global locale: that locale's names of string formats huzhu never checks
// weighed 0.3 KB of gzip in every bundle (docs/benchmarks.md, "Bundle sizes").
import type { z } from 'zod';

/** What zod counts a length in, by what it measured. */
const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items' };

/** A value's type as zod's English names it (zod's `util.parsedType`, with `NaN` and `Infinity` by themselves). */
function received(input: unknown): string {
  if (typeof input === 'number') return Number.isFinite(input) ? 'number' : String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'object' && Object.getPrototypeOf(input) !== Object.prototype && 'constructor' in input && input.constructor) return (input.constructor as { name: string }).name;
  return typeof input;
}

/** A value in a message, as zod quotes it: strings in double quotes (zod's `util.stringifyPrimitive`). */
const quoted = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/**
 * An issue's message, for every kind and shape of issue huzhu's schemas raise without a
 * message of their own; `undefined` for the others (formats, multiples, exact lengths, maps,
 * sets), which huzhu's schemas never raise, and which zod then words as the program set it up
 * to. test/zodIssues.test.ts holds it to zod's English locale.
 */
export function englishIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${received(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Invalid input: expected ${quoted(issue.values[0])}` : `Invalid option: expected one of ${issue.values.map(quoted).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = `${big ? '<' : '>'}${issue.inclusive ? '=' : ''}${(big ? issue.maximum : issue.minimum).toString()}`;
      const unit = UNITS[issue.origin];
      return `${big ? 'Too big' : 'Too small'}: expected ${issue.origin} ${unit === undefined ? `to be ${bound}` : `to have ${bound} ${unit}`}`;
    }
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(quoted).join(', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_union':
      // A discriminated union names the values it knows; another union's issue is worded by the branch that failed.
    {
      const options = issue.options as readonly unknown[] | undefined;
      return options?.length ? `Invalid discriminator value. Expected ${options.map((option) => `'${String(option)}'`).join(' | ')}` : 'Invalid input';
    }
    default:
      return undefined;
  }
}
