// Mutation testing of the evaluation and formula code: `npm run test:mutation`.
// The score and the surviving mutants are discussed in docs/quality.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/_lib/settle.ts',
    'src/_lib/fastSettle.ts',
    'src/_lib/formulas/*.ts',
    'src/_lib/ledger.ts',
    'src/_lib/plainInput.ts',
    'src/_lib/money.ts',
    'src/evaluateClaim/index.ts',
    'src/evaluateYear/index.ts',
    'src/evaluateCondolence/index.ts',
    'src/assessContributions/index.ts',
    'src/compareClaim/index.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
};
