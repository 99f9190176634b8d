// The bundled rule files, one JSON file a version: src/policies/<scheme>/<year>.json.
// A new version is its file, its import line and its line in its scheme's versions below
// (docs/adding-a-protection-year.md); a new scheme is its constant and its line in `policies`
// (docs/adding-a-scheme.md). test/policyFiles.test.ts fails when a file is left out or its
// path and contents disagree. Explicit imports, not a directory scan, so that every
// bundler (esbuild for dist, vite for the tests, tsx) includes the files and the types know
// each scheme's years.
import { registerPolicy } from '../_lib/parsedPolicies';
import type { Policy } from '../_lib/policySchema';
import { deepFreeze } from '../_lib/result';
import { createRegistry, type PolicyRegistry } from '../createRegistry';
import type { DefinedPolicy } from '../definePolicy';
import beihai2017 from './beihai/2017.json';
import beihai2018 from './beihai/2018.json';
import beijingAllowance2011 from './beijing-allowance/2011.json';
import beijingWarm2012 from './beijing-warm/2012.json';
import chongqingCriticalIllness2020 from './chongqing-critical-illness/2020.json';
import dalianTwoCancers2022 from './dalian-two-cancers/2022.json';
import guangxi2023 from './guangxi/2023.json';
import guangxi2024 from './guangxi/2024.json';
import guangxi2025 from './guangxi/2025.json';
import guangxiMutualAid32025 from './guangxi-mutual-aid-3/2025.json';
import guilinCondolence2023 from './guilin-condolence/2023.json';
import hangzhouDajiangdongA2018 from './hangzhou-dajiangdong-a/2018.json';
import hangzhouDajiangdongB2018 from './hangzhou-dajiangdong-b/2018.json';
import hangzhouDajiangdongWomen2018 from './hangzhou-dajiangdong-women/2018.json';
import huzhou2012 from './huzhou/2012.json';
import nanpingWomen2012 from './nanping-women/2012.json';
import shanghaiB2017 from './shanghai-b/2017.json';
import shanghaiMember2019 from './shanghai-member/2019.json';
import shanghaiMemberB2019 from './shanghai-member-b/2019.json';
import shiyanAccident2024 from './shiyan-accident/2024.json';
import shiyanCriticalIllness2024 from './shiyan-critical-illness/2024.json';
import shiyanInpatient2024 from './shiyan-inpatient/2024.json';
import shiyanWomen2024 from './shiyan-women/2024.json';
import xining2024 from './xining/2024.json';
import yunnan2012 from './yunnan/2012.json';
import zhangjiajie2014 from './zhangjiajie/2014.json';

/**
 * The versions of one scheme by year, each frozen, registered and compiled as {@link parsePolicy}
 * does to a user's file, without its schema: each file is already exactly what parsePolicy
 * returns for it (test/policyFiles.test.ts checks it, and docs/adding-a-protection-year.md asks
 * it of a new file), so a program settling claims under bundled policies bundles no schema.
 */
function versions<const Scheme extends string, const Files extends Readonly<Record<number, unknown>>>(
  _scheme: Scheme,
  files: Files,
): { readonly [Year in keyof Files & number]: DefinedPolicy<{ scheme: Scheme; year: Year }> } {
  // The types promise each file holds the scheme and year of its path: test/policyFiles.test.ts checks it.
  return Object.freeze(
    Object.fromEntries(Object.entries(files).map(([year, file]) => [year, registerPolicy(deepFreeze(file as Policy))])),
  ) as never;
}

// Each scheme is an export of its own, marked pure, so that a bundler keeps only the schemes a
// program imports from `huzhu/policies` (docs/benchmarks.md, "Bundle sizes"): a scheme's
// versions are registered when its constant is made, and unused ones are dropped with it.
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

export const chongqingCriticalIllness = /* @__PURE__ */ versions('chongqing-critical-illness', {
    2020: chongqingCriticalIllness2020,
});

export const dalianTwoCancers = /* @__PURE__ */ versions('dalian-two-cancers', {
    2022: dalianTwoCancers2022,
});

export const guangxi = /* @__PURE__ */ versions('guangxi', {
    2023: guangxi2023,
    2024: guangxi2024,
    2025: guangxi2025,
});

export const guangxiMutualAid3 = /* @__PURE__ */ versions('guangxi-mutual-aid-3', {
    2025: guangxiMutualAid32025,
});

export const guilinCondolence = /* @__PURE__ */ versions('guilin-condolence', {
    2023: guilinCondolence2023,
});

export const hangzhouDajiangdongA = /* @__PURE__ */ versions('hangzhou-dajiangdong-a', {
    2018: hangzhouDajiangdongA2018,
});

export const hangzhouDajiangdongB = /* @__PURE__ */ versions('hangzhou-dajiangdong-b', {
    2018: hangzhouDajiangdongB2018,
});

export const hangzhouDajiangdongWomen = /* @__PURE__ */ versions('hangzhou-dajiangdong-women', {
    2018: hangzhouDajiangdongWomen2018,
});

export const huzhou = /* @__PURE__ */ versions('huzhou', {
    2012: huzhou2012,
});

export const nanpingWomen = /* @__PURE__ */ versions('nanping-women', {
    2012: nanpingWomen2012,
});

export const shanghaiB = /* @__PURE__ */ versions('shanghai-b', {
    2017: shanghaiB2017,
});

export const shanghaiMember = /* @__PURE__ */ versions('shanghai-member', {
    2019: shanghaiMember2019,
});

export const shanghaiMemberB = /* @__PURE__ */ versions('shanghai-member-b', {
    2019: shanghaiMemberB2019,
});

export const shiyanAccident = /* @__PURE__ */ versions('shiyan-accident', {
    2024: shiyanAccident2024,
});

export const shiyanCriticalIllness = /* @__PURE__ */ versions('shiyan-critical-illness', {
    2024: shiyanCriticalIllness2024,
});

export const shiyanInpatient = /* @__PURE__ */ versions('shiyan-inpatient', {
    2024: shiyanInpatient2024,
});

export const shiyanWomen = /* @__PURE__ */ versions('shiyan-women', {
    2024: shiyanWomen2024,
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
  'chongqing-critical-illness': chongqingCriticalIllness,
  'dalian-two-cancers': dalianTwoCancers,
  guangxi,
  'guangxi-mutual-aid-3': guangxiMutualAid3,
  'guilin-condolence': guilinCondolence,
  'hangzhou-dajiangdong-a': hangzhouDajiangdongA,
  'hangzhou-dajiangdong-b': hangzhouDajiangdongB,
  'hangzhou-dajiangdong-women': hangzhouDajiangdongWomen,
  huzhou,
  'nanping-women': nanpingWomen,
  'shanghai-b': shanghaiB,
  'shanghai-member': shanghaiMember,
  'shanghai-member-b': shanghaiMemberB,
  'shiyan-accident': shiyanAccident,
  'shiyan-critical-illness': shiyanCriticalIllness,
  'shiyan-inpatient': shiyanInpatient,
  'shiyan-women': shiyanWomen,
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
