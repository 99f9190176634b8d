// The bundled rule files, one JSON file a version: src/policies/<scheme>/<year>.json.
// A new version is its file, its import line and its line in its scheme's versions below
// (docs/adding-a-protection-year.md); a new scheme is its constant and its line in `policies`
// (docs/adding-a-scheme.md). test/policyFiles.test.ts fails when a file is left out or its
// path and contents disagree. Explicit imports, not a directory scan, so that every
// bundler (esbuild for dist, vite for the tests, tsx) includes the files and the types know
// each scheme's years.
import type { Policy } from '../_lib/policySchema';
import { createRegistry, type PolicyRegistry } from '../createRegistry';
import type { DefinedPolicy } from '../definePolicy';
import { parsePolicy } from '../parsePolicy';
import beihai2017 from './beihai/2017.json';
import beihai2018 from './beihai/2018.json';
import beijingAllowance2011 from './beijing-allowance/2011.json';
import beijingWarm2012 from './beijing-warm/2012.json';
import guangxi2023 from './guangxi/2023.json';
import guangxi2024 from './guangxi/2024.json';
import guangxi2025 from './guangxi/2025.json';
import guilinCondolence2023 from './guilin-condolence/2023.json';
import huzhou2012 from './huzhou/2012.json';
import xining2024 from './xining/2024.json';
import yunnan2012 from './yunnan/2012.json';
import zhangjiajie2014 from './zhangjiajie/2014.json';

/** The versions of one scheme by year, each validated as {@link parsePolicy} validates a user's file. */
function versions<const Scheme extends string, const Files extends Readonly<Record<number, unknown>>>(
  _scheme: Scheme,
  files: Files,
): { readonly [Year in keyof Files & number]: DefinedPolicy<{ scheme: Scheme; year: Year }> } {
  // The types promise each file holds the scheme and year of its path: test/policyFiles.test.ts checks it.
  return Object.freeze(Object.fromEntries(Object.entries(files).map(([year, file]) => [year, parsePolicy(file)]))) as never;
}

// Each scheme is an export of its own, marked pure, so that a bundler keeps only the schemes a
// program imports from `huzhu/policies` (docs/benchmarks.md, "Bundle sizes"): a scheme's
// versions are validated when its constant is made, and unused ones are dropped with it.
export const beihai = /* @__PURE__ */ versions('beihai', {
  2017: beihai2017,
  2018: beihai2018,
});

export const beijingAllowance = /* @__PURE__ */ versions('beijing-allowance', {
  2011: beijingAllowance2011,
});

export const beijingWarm = /* @__PURE__ */ versions('beijing-warm', {
  2012: beijingWarm2012,
});

export const guangxi = /* @__PURE__ */ versions('guangxi', {
  2023: guangxi2023,
  2024: guangxi2024,
  2025: guangxi2025,
});

export const guilinCondolence = /* @__PURE__ */ versions('guilin-condolence', {
  2023: guilinCondolence2023,
});

export const huzhou = /* @__PURE__ */ versions('huzhou', {
  2012: huzhou2012,
});

export const xining = /* @__PURE__ */ versions('xining', {
  2024: xining2024,
});

export const yunnan = /* @__PURE__ */ versions('yunnan', {
  2012: yunnan2012,
});

export const zhangjiajie = /* @__PURE__ */ versions('zhangjiajie', {
  2014: zhangjiajie2014,
});

/**
 * The bundled policies, by scheme id and protection year: `policies.guangxi[2024]`.
 * Every parameter says whether it was published (with its source) or is illustrative.
 *
 * @category Policies
 */
export const policies = /* @__PURE__ */ Object.freeze({
  beihai,
  'beijing-allowance': beijingAllowance,
  'beijing-warm': beijingWarm,
  guangxi,
  'guilin-condolence': guilinCondolence,
  huzhou,
  xining,
  yunnan,
  zhangjiajie,
});

/** The registry of every version of every scheme. */
function registryOf(schemes: Readonly<Record<string, Readonly<Record<number, Policy>>>>): PolicyRegistry {
  return createRegistry(Object.values(schemes).flatMap((byYear) => Object.values(byYear)));
}

// A call whose arguments are only names, so that a bundler may drop it whole: see above.
/** Every bundled policy, for {@link selectPolicy} by default. */
export const bundledRegistry = /* @__PURE__ */ registryOf(policies);
