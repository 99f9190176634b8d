// The schemas of what every claim reads (members, claims, ledgers, policies) are zod/mini's:
// its functions are separate exports that a bundler keeps only when used, where the methods
// of the classic `zod` schemas bring all of zod along (docs/benchmarks.md, "Bundle sizes").
// The two build the same zod core schemas, so they mix, and give the same issues.
//
// The classic `zod` sets up two things on its first schema, which zod/mini leaves to the
// program: English messages, and the memoizer that parses an object shared by many paths of a
// recursive schema (a condition in several `anyOf`) once, not once per path. huzhu words its
// own issues in English at each parse (./locales/zodIssues), and leaves zod's locale to the
// program; the memoizer it sets up as the classic `zod` does, unless the program already has.
// It must be set before the schemas are made: every module that makes zod/mini schemas calls
// this first. A call, not an import for its effect alone: a bundler told `sideEffects: false`
// drops such an import.
import { config, globalConfig, memoizer } from 'zod/v4/core';

export function setUpZod(): void {
  if (!globalConfig.memoizer) config({ memoizer: memoizer() });
}
