import * as z from 'zod/mini';

/**
 * A strict object whose unknown keys are refused with the keys it allows and the section of
 * the rule-model guide that covers it: "unknown key "minDays": expected only "amount",
 * "firstPaidDay", …; see docs/rule-model.md#per-day", not zod's bare "Unrecognized key".
 */
export function strictSection<S extends z.core.$ZodLooseShape>(section: string, shape: S) {
  const allowed = Object.keys(shape)
    .map((key) => `"${key}"`)
    .join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}: expected only ${allowed}; see docs/rule-model.md#${section}`;
    },
  });
}
